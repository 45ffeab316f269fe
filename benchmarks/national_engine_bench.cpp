// The engine at national scale (issue 6): the projection of a whole population on one and two threads, the
// 17 August grant-day run, and the floor — the least work any remission engine must do for the same people — to
// show what the generality of the engine costs.
#include "national_floor.hpp"
#include "national_support.hpp"

#include <binaan/rules/what_if.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace binaan;
using binaan::bench::august_17;
using binaan::bench::count_people;
using binaan::bench::national;

// At least this long per repetition: a single iteration of a second is at the mercy of one moment of a shared
// virtual machine (page-cache writes of another process, huge pages not at hand); several are averaged, and
// scripts/bench runs each benchmark several times (--benchmark_repetitions) and reports the median and the best.
constexpr double kMinSeconds = 1.0;

// Every size of the run (BINAAN_BENCH_PEOPLE), on one thread and on two.
const auto kRunSizes = [](benchmark::internal::Benchmark* b) {
  b->ArgNames({"people", "threads"});
  for (std::int64_t n : bench::people_sizes()) {
    b->Args({n, 1});
    b->Args({n, 2});
  }
};

// ---- Projection: every person's dates, custody and parole scenarios, no decisions and no text ----

void BM_ProjectionPeople(benchmark::State& state) {
  const auto& people = national(state.range(0));
  const auto threads = static_cast<unsigned>(state.range(1));
  const bench::CpuCounters counters;
  for (auto _ : state) {
    auto results = bench::engine().project_all(people, threads);
    benchmark::DoNotOptimize(results.data());
  }
  count_people(state, state.range(0));
  counters.report(state, state.range(0));
}
BENCHMARK(BM_ProjectionPeople)
    ->Apply([](benchmark::internal::Benchmark* b) {
      b->ArgNames({"people", "threads"});
      b->Args({10'000, 1});  // the small end of the linear-growth comparison
      for (std::int64_t n : bench::people_sizes()) {
        b->Args({n, 1});
        b->Args({n, 2});
      }
    })
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// ---- The same in a what-if loop: the results' vector is reused from one projection to the next ----

void projection_reused(benchmark::State& state, const std::vector<Case>& people) {
  const auto threads = static_cast<unsigned>(state.range(1));
  std::vector<Projection> results;
  bench::engine().project_all(people, results, threads);  // the first run of the loop: the memory is the system's
  const bench::CpuCounters counters;
  for (auto _ : state) {
    bench::engine().project_all(people, results, threads);
    benchmark::DoNotOptimize(results.data());
  }
  count_people(state, state.range(0));
  counters.report(state, state.range(0));
}
void BM_ProjectionPeopleReused(benchmark::State& state) { projection_reused(state, national(state.range(0))); }
BENCHMARK(BM_ProjectionPeopleReused)
    ->Apply([](benchmark::internal::Benchmark* b) {
      b->ArgNames({"people", "threads"});
      b->Args({10'000, 1});
      for (std::int64_t n : bench::people_sizes()) {
        b->Args({n, 1});
        b->Args({n, 2});
      }
      if (const std::int64_t n = bench::scale_size()) b->Args({n, 1});  // the linear-growth run (10,000,000)
    })
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// The linear-growth target in pairs at the same moments (defined with the other pairs, below): registered here, so
// that it runs right after the largest projection above, while that roster is still generated.
void BM_ProjectionLinearGrowth(benchmark::State& state);
BENCHMARK(BM_ProjectionLinearGrowth)
    ->Apply([](benchmark::internal::Benchmark* b) {
      b->ArgNames({"people"});
      const std::int64_t n = bench::scale_size();
      b->Arg(n > 0 ? n : bench::largest_size());
    })
    ->Iterations(4)
    ->Repetitions(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// ---- The same people as full Evaluations (grants listed, path to PB, ids and policy named), decisions off ----

void BM_EvaluateAllPeople(benchmark::State& state) {
  const auto& people = national(state.range(0));
  EvaluateOptions options;
  options.decisions = false;
  const bench::CpuCounters counters;
  for (auto _ : state) {
    auto results = bench::engine().evaluate_all(people, options, 1);
    benchmark::DoNotOptimize(results.data());
  }
  count_people(state, state.range(0));
  counters.report(state, state.range(0));
}
BENCHMARK(BM_EvaluateAllPeople)
    ->Apply([](benchmark::internal::Benchmark* b) {
      bench::per_size(b);
      b->Arg(10'000);
    })
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// ---- A what-if question: everyone under the policy and under the policy changed, compared ----

// What `binaan what-if --set min_served_days=90` computes (more than 90 days served instead of 180, PP 99/2012
// Art. 34(2)(b)): both projections into the vectors of the last question, as an analyst's session asking one
// question after another does, and the comparison (compare_projections); "compare" is the comparison alone.
void BM_WhatIf(benchmark::State& state) {
  const auto& people = national(state.range(0));
  const auto threads = static_cast<unsigned>(state.range(1));
  Policy ninety = bench::engine().policy();
  ninety.min_served_days = 90;
  const Engine alternative(ninety, bench::engine().calendar());
  std::vector<Projection> base, changed;
  bench::engine().project_all(people, base, threads);  // the first question's memory is the system's
  alternative.project_all(people, changed, threads);
  std::size_t moved = 0;
  double compare_seconds = 0;
  for (auto _ : state) {
    bench::engine().project_all(people, base, threads);
    alternative.project_all(people, changed, threads);
    const auto start = std::chrono::steady_clock::now();
    const ProjectionComparison c = compare_projections(base, changed, august_17());
    compare_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    moved = c.shift(ProjectedDate::Expiry).earlier;
    benchmark::DoNotOptimize(c.changed);
  }
  count_people(state, state.range(0));
  state.counters["compare_ms"] = 1e3 * compare_seconds / static_cast<double>(state.iterations());
  state.counters["expiry_earlier"] = static_cast<double>(moved);
}
BENCHMARK(BM_WhatIf)
    ->Apply(kRunSizes)
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// ---- The grant-day job over everyone on 17 August 2026 ----

// Into a new DayRun each time (its fresh pages paid every run), or, "Reused", into the DayRun of the last run, as a
// daily job or a what-if loop over the same roster does (Engine::run_grant_day(roster, day, out)).
void remission_run(benchmark::State& state, const std::vector<Case>& people, bool reuse) {
  const auto threads = static_cast<unsigned>(state.range(1));
  const Date day = august_17();
  std::size_t decided = 0;
  DayRun last;
  // The first run of a daily job has no last run: its memory is the system's, as in BM_RemissionRunAugust17. Made
  // before the timed runs, so that each of them runs into the last (with a second or so a repetition, one fresh
  // run among two or three timed ones was a third of the figure).
  if (reuse) bench::engine().run_grant_day(people, day, last, threads);
  const bench::CpuCounters counters;
  for (auto _ : state) {
    if (reuse) {
      bench::engine().run_grant_day(people, day, last, threads);
      decided = last.outcomes.size();
      benchmark::DoNotOptimize(last.summary.data());
    } else {
      const DayRun run = bench::engine().run_grant_day(people, day, threads);
      decided = run.outcomes.size();
      benchmark::DoNotOptimize(run.summary.data());
    }
  }
  count_people(state, state.range(0));
  counters.report(state, state.range(0));
  state.counters["with_decisions"] = static_cast<double>(decided);
}
void BM_RemissionRunAugust17(benchmark::State& state) { remission_run(state, national(state.range(0)), false); }
void BM_RemissionRunAugust17Reused(benchmark::State& state) { remission_run(state, national(state.range(0)), true); }
BENCHMARK(BM_RemissionRunAugust17)
    ->Apply(kRunSizes)
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RemissionRunAugust17Reused)
    ->Apply(kRunSizes)
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// ---- The floor (national_floor.hpp) ----

void projection_floor(benchmark::State& state, const std::vector<Case>& people) {
  const bench::floor::HolidayTable holidays;
  const bench::CpuCounters counters;
  for (auto _ : state) benchmark::DoNotOptimize(bench::floor::checksum(people, holidays));
  count_people(state, state.range(0));
  counters.report(state, state.range(0));
}
void BM_ProjectionFloor(benchmark::State& state) { projection_floor(state, national(state.range(0))); }
BENCHMARK(BM_ProjectionFloor)
    ->Apply([](benchmark::internal::Benchmark* b) {
      bench::per_size(b);
      b->Arg(10'000);
    })
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// ---- Ratios measured in pairs at the same moments ----
// Two benchmarks run a minute or more apart, and the clock of a shared virtual machine drifts by tens of percent from
// one minute to the next: the ratio of BM_ProjectionPeopleReused's time to BM_ProjectionFloor's has moved from 4.5x
// to 6.3x between two runs of the same code, whose instructions a person (callgrind) did not move, and the 17 August
// run on one thread took 205 ms in one run of scripts/bench and 420 ms in the next, ten minutes later. Here every
// iteration is a pair — the two jobs over the same people, one right after the other, the order alternating from pair
// to pair — so that both halves of a ratio see the same moment of the machine. Reported: the median of the pairs'
// ratios `a / b` (`ratio`, with `ratio_min` and `ratio_max`), and each job's time a person over all the pairs
// (`<name>_ns/person`).
constexpr int kPairs = 10;  // 5-11 s a repetition at 1,000,000 people

using Clock = std::chrono::steady_clock;
template <class Job>
double seconds(Job& job) {
  const auto from = Clock::now();
  job();
  return std::chrono::duration<double>(Clock::now() - from).count();
}

// One pair: each job's seconds, `a` run first or second.
struct Pair {
  double a = 0;
  double b = 0;
};
template <class JobA, class JobB>
Pair time_pair(JobA& job_a, JobB& job_b, bool a_first) {
  Pair p;
  if (a_first) {
    p.a = seconds(job_a);
    p.b = seconds(job_b);
  } else {
    p.b = seconds(job_b);
    p.a = seconds(job_a);
  }
  return p;
}

double median(std::vector<double> x) {
  std::sort(x.begin(), x.end());
  const std::size_t k = x.size();
  return k % 2 ? x[k / 2] : (x[k / 2 - 1] + x[k / 2]) / 2;
}

// The pairs' ratios as counters: their number (`pairs`), and their median, smallest and largest (`key`, `key_min`,
// `key_max`).
void report_ratios(benchmark::State& state, const std::vector<double>& ratios, const std::string& key = "ratio") {
  state.counters["pairs"] = static_cast<double>(ratios.size());
  state.counters[key] = median(ratios);
  state.counters[key + "_min"] = *std::min_element(ratios.begin(), ratios.end());
  state.counters[key + "_max"] = *std::max_element(ratios.begin(), ratios.end());
}

// Each job's time a person over all the pairs, for state.range(0) people.
void report_per_person(benchmark::State& state, const char* name, double seconds_in_all, std::size_t pairs) {
  const double n = static_cast<double>(state.range(0)) * static_cast<double>(pairs);
  state.counters["people"] = static_cast<double>(state.range(0));
  state.counters[std::string(name) + "_ns/person"] = seconds_in_all * 1e9 / n;
}

// The pairs of a benchmark: each pair's ratio a / b, and each job's seconds in all.
struct PairLog {
  std::vector<double> ratios;
  double a_seconds = 0;
  double b_seconds = 0;
  void add(const Pair& p) {
    ratios.push_back(p.a / p.b);
    a_seconds += p.a;
    b_seconds += p.b;
  }
};

// Two jobs over the same state.range(0) people, in pairs: the ratios, and each job's time a person.
template <class JobA, class JobB>
void in_pairs(benchmark::State& state, const char* a_name, JobA job_a, const char* b_name, JobB job_b) {
  PairLog log;
  bool a_first = true;
  for (auto _ : state) {
    log.add(time_pair(job_a, job_b, a_first));
    a_first = !a_first;
  }
  if (log.ratios.empty()) return;
  report_ratios(state, log.ratios);
  report_per_person(state, a_name, log.a_seconds, log.ratios.size());
  report_per_person(state, b_name, log.b_seconds, log.ratios.size());
}

// What this machine's two cores give two threads at all: a loop of arithmetic on registers alone (no memory, so
// nothing the threads share but the machine), 2 × kMachineSteps steps on one thread against kMachineSteps on each of
// two (a thread started and joined, as the engine's runs do). A virtual machine's two cores may share a physical one,
// or be slowed when its host is busy: on the fifteenth round's machine, ten pairs of it alone gave 1.47-1.76x in
// three repetitions (single pairs 1.06-2.13x), one minute after a first try had given 1.74-2.04x. It is not a ceiling:
// a job that waits for memory leaves a shared core more to give, and the engine's speed-ups were 0.95-1.25 of it.
constexpr long kMachineSteps = 25'000'000;  // about 35 ms a thread there
std::uint64_t machine_steps(std::uint64_t seed, long steps) {
  std::uint64_t a = seed;
  std::uint64_t b = seed * 3;
  std::uint64_t c = seed * 5;
  std::uint64_t d = seed * 7;
  for (long i = 0; i < steps; ++i) {  // four chains that do not wait for one another, and a branch
    a = a * 6364136223846793005ULL + 1;
    b ^= b << 13;
    b ^= b >> 7;
    c += a >> 3;
    d = (d + (c & 0xff)) ^ (b >> 11);
    if ((a >> 60) == 3) d += 1;
  }
  return a ^ b ^ c ^ d;
}
void machine_one_thread() { benchmark::DoNotOptimize(machine_steps(1, 2 * kMachineSteps)); }
void machine_two_threads() {
  std::uint64_t other = 0;
  std::thread helper([&other] { other = machine_steps(2, kMachineSteps); });
  const std::uint64_t mine = machine_steps(3, kMachineSteps);
  helper.join();
  benchmark::DoNotOptimize(mine ^ other);
}

// One thread over two, in pairs (`ratio`: the speed-up, one thread's time over two's), each pair followed by a pair of
// the machine's own arithmetic, so that the speed-up can be read beside what the machine gave two threads at that
// moment: `machine_ratio` (the median of those pairs) and `of_machine` (the median of the engine's speed-up over the
// machine's, pair by pair).
template <class One, class Two>
void two_threads_over_one(benchmark::State& state, One one, Two two) {
  auto machine_one = machine_one_thread;
  auto machine_two = machine_two_threads;
  PairLog engine;
  PairLog machine;
  std::vector<double> of_machine;
  bool one_first = true;
  for (auto _ : state) {
    engine.add(time_pair(one, two, one_first));
    machine.add(time_pair(machine_one, machine_two, one_first));
    one_first = !one_first;
    of_machine.push_back(engine.ratios.back() / machine.ratios.back());
  }
  if (engine.ratios.empty()) return;
  report_ratios(state, engine.ratios);
  report_per_person(state, "one_thread", engine.a_seconds, engine.ratios.size());
  report_per_person(state, "two_threads", engine.b_seconds, engine.ratios.size());
  report_ratios(state, machine.ratios, "machine_ratio");
  state.counters["of_machine"] = median(of_machine);
}

// The jobs the pairs time: the what-if projection into `results`, and the 17 August run into `run`, on `threads`.
auto projection_job(const std::vector<Case>& people, std::vector<Projection>& results, unsigned threads) {
  return [&people, &results, threads] {
    bench::engine().project_all(people, results, threads);
    benchmark::DoNotOptimize(results.data());
  };
}
auto august_17_job(const std::vector<Case>& people, DayRun& run, unsigned threads) {
  return [&people, &run, threads] {
    bench::engine().run_grant_day(people, august_17(), run, threads);
    benchmark::DoNotOptimize(run.summary.data());
  };
}

// The what-if projection (results reused) over the floor: the cost of generality, `ratio` = engine / floor.
void BM_ProjectionOverFloor(benchmark::State& state) {
  const auto& people = national(state.range(0));
  const bench::floor::HolidayTable holidays;
  std::vector<Projection> results;
  auto engine = projection_job(people, results, 1);
  engine();  // the first run of the loop: the memory is the system's
  auto floor_job = [&] { benchmark::DoNotOptimize(bench::floor::checksum(people, holidays)); };
  in_pairs(state, "engine", engine, "floor", floor_job);
}

// Issue 6's linear growth: a person's time in a projection of state.range(0) people (10,000,000 in scripts/bench) over
// a person's time in projections of 10,000, in pairs at the same moments; each pair projects the 10,000 as many times
// as makes the same number of people (1,000 times for 10,000,000), each into the results of its last run. `ratio` is
// the large roster's time a person over the small one's. The small roster's cases and results (5.7 MB) fit in the
// processor's last cache, the large one's (6 GB) in nothing: the ratio includes what the memory costs at scale.
constexpr std::int64_t kSmallRoster = 10'000;
void BM_ProjectionLinearGrowth(benchmark::State& state) {
  const auto& large = national(state.range(0));
  const auto& small = national(kSmallRoster);
  std::vector<Projection> large_results;
  std::vector<Projection> small_results;
  auto large_job = projection_job(large, large_results, 1);
  const std::int64_t rounds = std::max<std::int64_t>(1, state.range(0) / kSmallRoster);
  auto small_job = [&] {
    for (std::int64_t r = 0; r < rounds; ++r) bench::engine().project_all(small, small_results, 1);
    benchmark::DoNotOptimize(small_results.data());
  };
  large_job();  // the first runs of the loops: the memory is the system's
  small_job();
  in_pairs(state, "large", large_job, "small", small_job);
}

// The what-if projection on one thread over the same on two: the speed-up. Each thread count runs into results of
// its own, as BM_ProjectionPeopleReused does.
void BM_ProjectionTwoThreadsOverOne(benchmark::State& state) {
  const auto& people = national(state.range(0));
  std::vector<Projection> one_results;
  std::vector<Projection> two_results;
  auto one = projection_job(people, one_results, 1);
  auto two = projection_job(people, two_results, 2);
  one();  // the first run of each loop: the memory is the system's
  two();
  two_threads_over_one(state, one, two);
}

// The 17 August run (DayRun reused) on one thread over the same on two: the speed-up. Each thread count runs into a
// DayRun of its own (a run on one thread would drop the lists a run on two keeps for its second thread), as
// BM_RemissionRunAugust17Reused does.
void BM_RemissionRunTwoThreadsOverOne(benchmark::State& state) {
  const auto& people = national(state.range(0));
  DayRun one_run;
  DayRun two_run;
  auto one = august_17_job(people, one_run, 1);
  auto two = august_17_job(people, two_run, 2);
  one();  // the first run of each daily job: the memory is the system's
  two();
  two_threads_over_one(state, one, two);
}

const auto kPairsAtLargest = [](benchmark::internal::Benchmark* b) {
  b->ArgName("people")->Arg(bench::largest_size());
};
BENCHMARK(BM_ProjectionOverFloor)
    ->Apply(kPairsAtLargest)
    ->Iterations(kPairs)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProjectionTwoThreadsOverOne)
    ->Apply(kPairsAtLargest)
    ->Iterations(kPairs)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RemissionRunTwoThreadsOverOne)
    ->Apply(kPairsAtLargest)
    ->Iterations(kPairs)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// ---- The same people with their case objects on 4 KiB pages ----
// Every roster the library makes (the readers, the archives, the synthetic population) is reserved by reserve_roster,
// on 2 MiB pages; a program that fills its own vector of cases with push_back has them on 4 KiB pages. These run the
// what-if projection, the daily 17 August job and the floor over such a roster (the largest size, one thread), to
// show what the pages cost.

const auto kLargestOnOneThread = [](benchmark::internal::Benchmark* b) {
  b->ArgNames({"people", "threads"});
  b->Args({bench::largest_size(), 1});
};
void BM_ProjectionPeopleReusedSmallPages(benchmark::State& state) {
  projection_reused(state, bench::national_on_small_pages(state.range(0)));
}
void BM_RemissionRunAugust17ReusedSmallPages(benchmark::State& state) {
  remission_run(state, bench::national_on_small_pages(state.range(0)), true);
}
void BM_ProjectionFloorSmallPages(benchmark::State& state) {
  projection_floor(state, bench::national_on_small_pages(state.range(0)));
}
BENCHMARK(BM_ProjectionPeopleReusedSmallPages)
    ->Apply(kLargestOnOneThread)
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RemissionRunAugust17ReusedSmallPages)
    ->Apply(kLargestOnOneThread)
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProjectionFloorSmallPages)
    ->Apply([](benchmark::internal::Benchmark* b) { b->ArgName("people")->Arg(bench::largest_size()); })
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

}  // namespace
