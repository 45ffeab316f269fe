// The engine at national scale (issue 6): the projection of a whole population on one and two threads, the
// 17 August grant-day run, and the floor — the least work any remission engine must do for the same people — to
// show what the generality of the engine costs.
#include "national_support.hpp"

#include <binaan/time/holiday_calendar.hpp>
#include <binaan/time/term.hpp>

#include <array>
#include <optional>

namespace {

using namespace binaan;
using binaan::bench::count_people;
using binaan::bench::national;

// At least this long per repetition: a single iteration of a second is at the mercy of one moment of a shared
// virtual machine (page-cache writes of another process, huge pages not at hand); several are averaged, and
// scripts/bench runs each benchmark several times (--benchmark_repetitions) and reports the median and the best.
constexpr double kMinSeconds = 1.0;

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

// ---- The grant-day job over everyone on 17 August 2026 ----

// Into a new DayRun each time (its fresh pages paid every run), or, "Reused", into the DayRun of the last run, as a
// daily job or a what-if loop over the same roster does (Engine::run_grant_day(roster, day, out)).
void remission_run(benchmark::State& state, const std::vector<Case>& people, bool reuse) {
  const auto threads = static_cast<unsigned>(state.range(1));
  const Date day = make_date(2026, 8, 17);
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
const auto kRunSizes = [](benchmark::internal::Benchmark* b) {
  b->ArgNames({"people", "threads"});
  for (std::int64_t n : bench::people_sizes()) {
    b->Args({n, 1});
    b->Args({n, 2});
  }
};
BENCHMARK(BM_RemissionRunAugust17)->Apply(kRunSizes)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RemissionRunAugust17Reused)
    ->Apply(kRunSizes)
    ->UseRealTime()
    ->MinTime(kMinSeconds)
    ->Unit(benchmark::kMillisecond);

// ---- The floor ----
// Only the RU and RK ladders and the expiry, with no policy, no facts, no explanation: every person with a fixed or
// commuted term receives RU on 17 August and RK on the holiday of their religion once more than 180 days of the
// current detention are served (Keppres 174/1999 Art. 4, 5; PP 99/2012 Art. 34(2)(b)), amounts by the ladders,
// until the remission reaches the term end. The holiday dates are looked up in a table made before timing.

constexpr int kFirstYear = 1995;
constexpr int kLastYear = 2075;

struct HolidayTable {
  // RK day by religion (Islam, Protestant, Catholic, Hindu, Buddhist, Confucian) and year; unset: no RK.
  std::array<std::array<std::optional<Date>, kLastYear - kFirstYear + 1>, 6> rk;

  HolidayTable() {
    const HolidayCalendar calendar = HolidayCalendar::builtin();
    const Holiday by_religion[6] = {Holiday::IdulFitri, Holiday::Natal,  Holiday::Natal,
                                    Holiday::Nyepi,     Holiday::Waisak, Holiday::Imlek};
    for (std::size_t r = 0; r < 6; ++r)
      for (int y = kFirstYear; y <= kLastYear; ++y)
        rk[r][static_cast<std::size_t>(y - kFirstYear)] = calendar.resolve(by_religion[r], y).date;
  }
  std::optional<Date> rk_day(Religion religion, int year) const {
    const auto r = static_cast<std::size_t>(religion);
    if (r >= 6 || year < kFirstYear || year > kLastYear) return std::nullopt;
    return rk[r][static_cast<std::size_t>(year - kFirstYear)];
  }
};

std::int32_t ru_amount(int n, std::int32_t served) {
  if (n == 1) return served < 360 ? 30 : 60;
  static constexpr std::int32_t later[] = {90, 120, 150, 150};
  return n <= 5 ? later[n - 2] : 180;
}

std::int32_t rk_amount(int n, std::int32_t served) {
  if (n == 1) return served < 360 ? 15 : 30;
  if (n <= 3) return 30;
  return n <= 5 ? 45 : 60;
}

// The expiry (custody scenario) of one person, or nullopt for death and uncommuted life.
std::optional<Date> floor_expiry(const Case& c, const HolidayTable& holidays) {
  const std::optional<Term> term = c.sentence().served_term();
  if (!term) return std::nullopt;
  const Date last = c.detention().last_start();
  const Date end = term_end(c.detention().sentence_start(), *term);
  const Religion religion = c.person().religion();
  std::int32_t remitted = 0;
  int ru_n = 0, rk_n = 0;
  for (int year = last.year(); year <= kLastYear; ++year) {
    Date days[2] = {make_date(year, 8, 17), Date()};
    bool is_ru[2] = {true, false};
    int count = 1;
    if (const std::optional<Date> rk = holidays.rk_day(religion, year)) {
      if (*rk < days[0]) {
        days[1] = days[0];
        days[0] = *rk;
        is_ru[0] = false;
        is_ru[1] = true;
      } else {
        days[1] = *rk;
      }
      count = 2;
    }
    for (int i = 0; i < count; ++i) {
      const Date d = days[i];
      if (d < last) continue;
      const std::int32_t left = days_between(d, end) - remitted;
      if (left <= 0) return add_days(end, -remitted);
      const std::int32_t served = days_between(last, d);
      if (served <= 180) continue;
      remitted += is_ru[i] ? ru_amount(++ru_n, served) : rk_amount(++rk_n, served);
      if (remitted >= days_between(d, end)) return d;  // level II: released on the grant day
    }
  }
  return add_days(end, -remitted);
}

void projection_floor(benchmark::State& state, const std::vector<Case>& people) {
  const HolidayTable holidays;
  const bench::CpuCounters counters;
  for (auto _ : state) {
    std::int64_t checksum = 0;
    for (const Case& c : people)
      if (const auto expiry = floor_expiry(c, holidays)) checksum += expiry->day_number();
    benchmark::DoNotOptimize(checksum);
  }
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
