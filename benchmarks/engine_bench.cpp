// Benchmarks of the engine on single cases: one evaluate with decisions (the `evaluate` command) and without (the
// projection of a roster), on a 9-year sentence with the full RU and RK ladders (golden case s1).
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>

#include <benchmark/benchmark.h>

namespace {

binaan::Case s1() {
  using namespace binaan;
  return Case(Person("S1", Religion::Islam), DetentionHistory({{make_date(2015, 11, 2), std::nullopt}}),
              Sentence::fixed(Term(9, 0, 0), Offence::General, make_date(2016, 5, 20)));
}

void BM_EngineEvaluate(benchmark::State& state) {
  const binaan::Engine engine;
  const binaan::Case c = s1();
  for (auto _ : state) benchmark::DoNotOptimize(engine.evaluate(c));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EngineEvaluate);

void BM_EngineProjectOne(benchmark::State& state) {
  const binaan::Engine engine;
  const binaan::Case c = s1();
  binaan::EvaluateOptions options;
  options.decisions = false;
  for (auto _ : state) benchmark::DoNotOptimize(engine.evaluate(c, options));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EngineProjectOne);

void BM_EngineEvaluateToJson(benchmark::State& state) {
  const binaan::Engine engine;
  const binaan::Case c = s1();
  for (auto _ : state) benchmark::DoNotOptimize(binaan::evaluation_to_json(engine.evaluate(c)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EngineEvaluateToJson);

}  // namespace
