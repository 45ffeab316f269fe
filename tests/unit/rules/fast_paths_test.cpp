// The engine's faster paths must agree with its full evaluation on every golden case:
// - the grant-day run (which stops at the day and keeps only that day's decisions) gives, for every day on which
//   the full evaluation decides something, exactly the decisions of that day;
// - a projection (decisions not kept) gives the same grants, dates and milestones as the full evaluation.
#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>

#include "golden_cases.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <system_error>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace binaan;

namespace {

using binaan::testing::golden_cases;

// A decision as JSON, through the result rendering: every field, rules and failed conditions included.
nlohmann::json decisions_json(const std::vector<Decision>& decisions) {
  Evaluation ev;
  ev.decisions = decisions;
  return nlohmann::json::parse(evaluation_to_json(ev))["decisions"];
}
nlohmann::json decisions_json(DecisionView decisions) {
  return decisions_json(std::vector<Decision>(decisions.begin(), decisions.end()));
}

}  // namespace

TEST(FastPaths, GrantDayRunEqualsTheFullEvaluationOnEveryDecisionDay) {
  const Engine engine;
  std::size_t days_checked = 0;
  for (const Case& c : golden_cases()) {
    const Evaluation full = engine.evaluate(c);
    std::set<Date> days;
    for (const auto& d : full.decisions) days.insert(d.date);
    for (Date day : days) {
      std::vector<Decision> expected;
      for (const auto& d : full.decisions)
        if (d.date == day) expected.push_back(d);
      const DayRun run = engine.run_grant_day({c}, day);
      ASSERT_EQ(run.outcomes.size(), 1u) << c.id << " on " << format_date(day);
      EXPECT_EQ(decisions_json(run.decisions_of(run.outcomes[0])), decisions_json(expected))
          << c.id << " on " << format_date(day);
      const bool release = std::any_of(expected.begin(), expected.end(), [](const Decision& d) { return d.release; });
      EXPECT_EQ(run.outcomes[0].release.has_value(), release) << c.id << " on " << format_date(day);
      ++days_checked;
    }
    // The day before the first decision, and a grant day years before the detention: nothing to decide.
    if (!days.empty()) {
      EXPECT_TRUE(engine.run_grant_day({c}, add_days(*days.begin(), -1)).outcomes.empty()) << c.id;
    }
    const Date years_before = make_date(c.detention().last_start().year() - 3, 8, 17);
    EXPECT_TRUE(engine.run_grant_day({c}, years_before).outcomes.empty()) << c.id;
    // On the sentence's end (before any remission) and on the 17 August after it: nothing to decide either.
    if (full.term_end) {
      EXPECT_TRUE(engine.run_grant_day({c}, *full.term_end).outcomes.empty()) << c.id;
      EXPECT_TRUE(engine.run_grant_day({c}, make_date(full.term_end->year() + 1, 8, 17)).outcomes.empty()) << c.id;
    }
  }
  EXPECT_GT(days_checked, 400u);  // the golden set decides on 476 days
}

TEST(FastPaths, ProjectionEqualsTheFullEvaluationWithoutDecisions) {
  const Engine engine;
  EvaluateOptions projection;
  projection.decisions = false;
  std::size_t with_grants = 0;
  for (const Case& c : golden_cases()) {
    Evaluation full = engine.evaluate(c);
    const Evaluation fast = engine.evaluate(c, projection);
    EXPECT_TRUE(fast.decisions.empty()) << c.id;
    full.decisions.clear();
    EXPECT_EQ(evaluation_to_json(fast), evaluation_to_json(full)) << c.id;
    if (!fast.grants.empty()) ++with_grants;
  }
  EXPECT_GT(with_grants, 100u);
}

TEST(FastPaths, ProjectionHoldsTheEvaluationsDatesAndTotals) {
  const Engine engine;
  const std::vector<Case> cases = golden_cases();
  const std::vector<Projection> all = engine.project_all(cases, 2);
  ASSERT_EQ(all.size(), cases.size());
  std::size_t with_parole = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const Evaluation ev = engine.evaluate(c);
    const Projection pr = engine.project(c);
    EXPECT_EQ(pr.start, ev.start) << c.id;
    EXPECT_EQ(pr.term_end, ev.term_end) << c.id;
    EXPECT_EQ(pr.expiry, ev.expiry) << c.id;
    EXPECT_EQ(pr.final_release, ev.final_release) << c.id;
    EXPECT_EQ(pr.half_day, ev.half_day) << c.id;
    EXPECT_EQ(pr.two_thirds_day, ev.two_thirds_day) << c.id;
    EXPECT_EQ(pr.milestones.asimilasi, ev.milestones.asimilasi) << c.id;
    EXPECT_EQ(pr.milestones.cmk, ev.milestones.cmk) << c.id;
    EXPECT_EQ(pr.milestones.pb, ev.milestones.pb) << c.id;
    EXPECT_EQ(pr.milestones.cb, ev.milestones.cb) << c.id;
    EXPECT_EQ(pr.milestones.cmb_start, ev.milestones.cmb_start) << c.id;
    ASSERT_EQ(pr.parole_scenario.has_value(), ev.parole_scenario.has_value()) << c.id;
    if (pr.parole_scenario) {
      ++with_parole;
      EXPECT_EQ(pr.parole_scenario->pb, ev.parole_scenario->pb) << c.id;
      EXPECT_EQ(pr.parole_scenario->expiry, ev.parole_scenario->expiry) << c.id;
      EXPECT_EQ(pr.parole_scenario->probation_end, ev.parole_scenario->probation_end) << c.id;
    }
    EXPECT_EQ(pr.subsider_days, ev.subsider_days) << c.id;
    std::int32_t days = 0;
    bool release = false;
    for (const auto& g : ev.grants) {
      days += g.effective_days;
      release = release || g.release;
    }
    EXPECT_EQ(pr.remission_days, days) << c.id;
    EXPECT_EQ(pr.grants, ev.grants.size()) << c.id;
    EXPECT_EQ(pr.released_by_grant, release) << c.id;
    EXPECT_EQ(pr.estimated, ev.estimated) << c.id;
    // project_all on two threads gives the same, in roster order.
    EXPECT_EQ(all[i].expiry, pr.expiry) << c.id;
    EXPECT_EQ(all[i].milestones.pb, pr.milestones.pb) << c.id;
    EXPECT_EQ(all[i].remission_days, pr.remission_days) << c.id;
  }
  EXPECT_GT(with_parole, 50u);
}

namespace {

// Every field of a projection, as text to compare.
std::string describe(const Projection& p) {
  auto day = [](const std::optional<Date>& d) { return d ? format_date(*d) : std::string("-"); };
  std::string s = day(p.start) + " " + day(p.term_end) + " " + day(p.expiry) + " " + day(p.final_release) + " " +
                  day(p.half_day) + " " + day(p.two_thirds_day) + " " + day(p.milestones.asimilasi) + " " +
                  day(p.milestones.cmk) + " " + day(p.milestones.pb) + " " + day(p.milestones.cb) + " " +
                  day(p.milestones.cmb_start);
  if (p.parole_scenario)
    s += " " + format_date(p.parole_scenario->pb) + " " + format_date(p.parole_scenario->expiry) + " " +
         format_date(p.parole_scenario->probation_end);
  return s + " " + std::to_string(p.subsider_days) + " " + std::to_string(p.remission_days) + " " +
         std::to_string(p.grants) + " " + std::to_string(p.released_by_grant) + " " + std::to_string(p.estimated);
}

}  // namespace

TEST(FastPaths, ProjectAllIntoAVectorOverwritesWhateverItHeld) {
  const Engine engine;
  const std::vector<Case> cases = golden_cases();
  const std::vector<Projection> fresh = engine.project_all(cases, 1);
  // A what-if loop's vector: first longer than the roster and full of another roster's results, then shorter.
  Projection stale;
  stale.expiry = make_date(1999, 1, 1);
  stale.remission_days = 12345;
  stale.grants = 7;
  stale.released_by_grant = true;
  stale.parole_scenario = ParoleScenario{make_date(1999, 1, 1), make_date(1999, 2, 1), make_date(2000, 2, 1)};
  for (std::size_t size : {cases.size() + 17, std::size_t{3}}) {
    for (unsigned threads : {1u, 2u}) {
      std::vector<Projection> out(size, stale);
      engine.project_all(cases, out, threads);
      ASSERT_EQ(out.size(), cases.size());
      for (std::size_t i = 0; i < cases.size(); ++i)
        EXPECT_EQ(describe(out[i]), describe(fresh[i])) << cases[i].id << " size " << size << " threads " << threads;
    }
  }
  std::vector<Projection> out(2, stale);
  const std::vector<ProgrammeRecord> one(1);
  EXPECT_THROW(engine.project_all(cases, out, 1, &one), ValueError);
}

// A daily job's DayRun, run into again and again: each run equals a fresh run of its own, whatever the DayRun held
// (another day's outcomes, decisions and summary; more of them, or fewer), on one and two threads.
TEST(FastPaths, GrantDayRunIntoADayRunOverwritesWhateverItHeld) {
  const Engine engine;
  const std::vector<Case> cases = golden_cases();
  const std::vector<Case> few(cases.begin(), cases.begin() + 5);
  const std::vector<ProgrammeRecord> records(cases.size());
  DayRun out;
  std::size_t runs = 0;
  for (const Date day : {make_date(2019, 8, 17), make_date(2013, 8, 17), make_date(2019, 12, 25),
                         make_date(2016, 7, 6), make_date(2020, 8, 17)}) {
    for (unsigned threads : {1u, 2u}) {
      for (const std::vector<Case>* roster : {&cases, &few}) {
        const DayRun fresh = engine.run_grant_day(*roster, day, threads);
        engine.run_grant_day(*roster, day, out, threads);
        EXPECT_EQ(out.date, day);
        ASSERT_EQ(out.outcomes.size(), fresh.outcomes.size()) << format_date(day) << " threads " << threads;
        EXPECT_EQ(out.decision_count(), fresh.decision_count()) << format_date(day) << " threads " << threads;
        EXPECT_EQ(out.summary.size(), fresh.summary.size()) << format_date(day) << " threads " << threads;
        EXPECT_EQ(day_run_to_json(out), day_run_to_json(fresh)) << format_date(day) << " threads " << threads;
        EXPECT_EQ(day_run_to_text(out), day_run_to_text(fresh)) << format_date(day) << " threads " << threads;
        ++runs;
      }
    }
    // The same with (empty) programme records.
    engine.run_grant_day(cases, day, out, 1, &records);
    EXPECT_EQ(day_run_to_json(out), day_run_to_json(engine.run_grant_day(cases, day))) << format_date(day);
  }
  EXPECT_EQ(runs, 20u);
  // The golden cases decide something on 17 August 2019: the runs above were not all empty.
  engine.run_grant_day(cases, make_date(2019, 8, 17), out);
  EXPECT_GT(out.outcomes.size(), 10u);
  EXPECT_FALSE(out.summary.empty());
}

// A run on more than one thread keeps a decision list a thread, and the outcome lists of its threads but the first
// in DayRun::spare, empty; the next run like it decides into the same memory. A DayRun returned by value keeps no
// spare list.
TEST(FastPaths, GrantDayRunOnThreadsKeepsItsThreadsListsForTheNext) {
  const Engine engine;
  const std::vector<Case> cases = golden_cases();
  const Date day = make_date(2019, 8, 17);
  const DayRun by_value = engine.run_grant_day(cases, day, 2);
  EXPECT_TRUE(by_value.spare.empty());
  EXPECT_EQ(by_value.decision_lists.size(), 2u);
  DayRun out;
  engine.run_grant_day(cases, day, out, 1);
  EXPECT_TRUE(out.spare.empty()) << "one thread: no lists of another";
  ASSERT_EQ(out.decision_lists.size(), 1u);
  EXPECT_EQ(out.decision_lists[0].size(), out.decision_count());
  engine.run_grant_day(cases, day, out, 3);
  ASSERT_EQ(out.spare.size(), 2u);
  ASSERT_EQ(out.decision_lists.size(), 3u);
  std::vector<const DayOutcome*> outcome_blocks;
  for (const auto& list : out.spare) {
    EXPECT_TRUE(list.empty());
    EXPECT_GT(list.capacity(), 0u);
    outcome_blocks.push_back(list.data());
  }
  std::vector<const Decision*> decision_blocks;
  for (const auto& list : out.decision_lists) {
    EXPECT_GT(list.capacity(), 0u);
    decision_blocks.push_back(list.data());
  }
  const std::string expected = day_run_to_json(engine.run_grant_day(cases, day, 3));
  engine.run_grant_day(cases, day, out, 3);
  EXPECT_EQ(day_run_to_json(out), expected);
  ASSERT_EQ(out.spare.size(), 2u);
  for (std::size_t i = 0; i < outcome_blocks.size(); ++i) EXPECT_EQ(out.spare[i].data(), outcome_blocks[i]) << i;
  ASSERT_EQ(out.decision_lists.size(), 3u);
  for (std::size_t i = 0; i < decision_blocks.size(); ++i)
    EXPECT_EQ(out.decision_lists[i].data(), decision_blocks[i]) << i;
  // Fewer threads use the first lists and give the others back.
  engine.run_grant_day(cases, day, out, 2);
  EXPECT_EQ(out.spare.size(), 1u);
  EXPECT_EQ(out.decision_lists.size(), 2u);
  EXPECT_EQ(out.decision_lists[1].data(), decision_blocks[1]);
  EXPECT_EQ(day_run_to_json(out), expected);
}

// A run into a DayRun that fails (records of another roster, an invalid override, a day that is not a calendar
// day) leaves it empty: never the last run's results under the new day, nor a part of the new run.
TEST(FastPaths, GrantDayRunIntoADayRunLeavesItEmptyWhenItThrows) {
  const Engine engine;
  std::vector<Case> cases = golden_cases();
  const std::vector<ProgrammeRecord> one(1);
  auto filled = [&] {
    DayRun run;
    engine.run_grant_day(cases, make_date(2019, 8, 17), run, 2);  // two threads: spare lists too
    EXPECT_FALSE(run.outcomes.empty());
    EXPECT_FALSE(run.spare.empty());
    return run;
  };
  auto expect_empty = [](const DayRun& run, const char* what) {
    EXPECT_TRUE(run.outcomes.empty()) << what;
    EXPECT_TRUE(run.decision_lists.empty()) << what;
    EXPECT_TRUE(run.summary.empty()) << what;
    EXPECT_TRUE(run.spare.empty()) << what;
    EXPECT_TRUE(run.date.is_not_a_date()) << what;
  };
  DayRun out = filled();
  EXPECT_THROW(engine.run_grant_day(cases, make_date(2020, 8, 17), out, 1, &one), ValueError);
  expect_empty(out, "records");
  out = filled();
  EXPECT_THROW(engine.run_grant_day(cases, Date(boost::gregorian::not_a_date_time), out), ValueError);
  expect_empty(out, "not a date");
  out = filled();
  cases[cases.size() / 2].policy.push_back({"no_such_rule", true});
  for (unsigned threads : {1u, 2u}) {
    EXPECT_THROW(engine.run_grant_day(cases, make_date(2019, 8, 17), out, threads), ValueError) << threads;
    expect_empty(out, "override");
  }
}

// The roster functions on several threads when the system refuses to start any thread: the calling thread runs
// every block, and the results are those of one thread (the threads already started had been left unjoined, which
// ends a program). Run in a child process that may start no thread: its thread limit is 0, and a process of root
// (exempt from that limit) first becomes user nobody.
TEST(FastPaths, RosterFunctionsRunEveryBlockWhenNoThreadCanStart) {
#ifdef __linux__
  const Engine engine;
  const std::vector<Case> cases = golden_cases();
  const Date day = make_date(2019, 8, 17);
  const std::string expected_run = day_run_to_json(engine.run_grant_day(cases, day, 1));
  std::vector<std::string> expected_projections;
  for (const Projection& p : engine.project_all(cases, 1)) expected_projections.push_back(describe(p));
  enum Code { kSame = 0, kNoLimit = 10, kThreadStarted, kThrew, kRunDiffers, kRunIntoDiffers, kProjectionsDiffer };
  auto child = [&]() -> int {
    const rlimit none{0, 0};
    if (geteuid() == 0 && setuid(65534) != 0) return kNoLimit;
    if (setrlimit(RLIMIT_NPROC, &none) != 0) return kNoLimit;
    try {
      std::thread t([] {});
      t.join();
      return kThreadStarted;  // nothing would be tested
    } catch (const std::system_error&) {
    }
    try {
      if (day_run_to_json(engine.run_grant_day(cases, day, 3)) != expected_run) return kRunDiffers;
      DayRun into;
      engine.run_grant_day(cases, day, into, 2);
      if (day_run_to_json(into) != expected_run) return kRunIntoDiffers;
      const std::vector<Projection> projections = engine.project_all(cases, 4);
      if (projections.size() != expected_projections.size()) return kProjectionsDiffer;
      for (std::size_t i = 0; i < projections.size(); ++i)
        if (describe(projections[i]) != expected_projections[i]) return kProjectionsDiffer;
    } catch (...) {
      return kThrew;
    }
    return kSame;
  };
  const pid_t pid = fork();
  ASSERT_NE(pid, -1);
  if (pid == 0) std::_Exit(child());
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "the child ended by signal " << WTERMSIG(status);
  if (WEXITSTATUS(status) == kNoLimit) GTEST_SKIP() << "cannot limit a child process's threads here";
  EXPECT_EQ(WEXITSTATUS(status), kSame) << "10 no limit, 11 a thread started, 12 threw, 13/14 the grant-day run "
                                           "differs (new, into a DayRun), 15 the projections differ";
#else
  GTEST_SKIP() << "the thread limit of a child process is set with Linux's RLIMIT_NPROC";
#endif
}

TEST(FastPaths, RecordsMustMatchTheRoster) {
  const Engine engine;
  const std::vector<Case> cases = golden_cases();
  const std::vector<ProgrammeRecord> one(1);
  EXPECT_THROW(engine.project_all(cases, 1, &one), ValueError);
  EXPECT_THROW(engine.evaluate_all(cases, {}, 1, &one), ValueError);
  EXPECT_THROW(engine.run_grant_day(cases, make_date(2020, 8, 17), 1, &one), ValueError);
}
