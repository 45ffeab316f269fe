// Benchmarks of the time model: term arithmetic and fraction-reached.
#include <binaan/time/term.hpp>

#include <benchmark/benchmark.h>

#include <vector>

namespace {

void BM_TimeTermEnd(benchmark::State& state) {
  const binaan::Date first = binaan::make_date(2019, 1, 5);
  const binaan::Term t(10, 6, 0);
  std::int32_t offset = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(binaan::term_end(binaan::add_days(first, offset), t));
    offset = (offset + 1) % 20000;  // start days over 55 years, staying inside the supported range
  }
}
BENCHMARK(BM_TimeTermEnd);

void BM_TimeFractionReached(benchmark::State& state) {
  binaan::Date start = binaan::make_date(2015, 11, 2);
  std::vector<binaan::DatedDays> grants;
  for (int y = 2016; y < 2024; ++y) {
    grants.push_back({binaan::make_date(y, 6, 1), 30});
    grants.push_back({binaan::make_date(y, 8, 17), 90});
  }
  binaan::Date end = binaan::fraction_end(start, binaan::Term(9, 0, 0), binaan::kTwoThirds,
                                          binaan::TermConvention::CalendarYears30DayMonths,
                                          binaan::FractionConvention::NormalisedTerm);
  for (auto _ : state) benchmark::DoNotOptimize(binaan::fraction_reached(end, grants));
}
BENCHMARK(BM_TimeFractionReached);

}  // namespace
