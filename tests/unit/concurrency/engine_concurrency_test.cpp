// The engine shared between threads (docs/concurrency.md): evaluate() and project() from many threads on shared
// const cases, policy and calendar give the serial answers; evaluate_all, project_all and run_grant_day give the
// same results in the same order on any number of threads, and report the same failure.
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/synth/population.hpp>

#include "case_builder.hpp"
#include "concurrency_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace binaan;
using namespace binaan::concurrency;

namespace {

std::vector<std::string> to_json(const std::vector<Evaluation>& evs) {
  std::vector<std::string> out;
  out.reserve(evs.size());
  for (const auto& ev : evs) out.push_back(json(ev));
  return out;
}

std::string render(const DayRun& run) { return day_run_to_json(run) + "\n" + day_run_to_text(run); }

std::string date_or_dash(const std::optional<Date>& d) { return d ? format_date(*d) : "-"; }

// Every field of a projection, in one line.
std::string render(const Projection& p) {
  std::string out;
  for (const auto& d : {p.start, p.term_end, p.expiry, p.final_release, p.half_day, p.two_thirds_day,
                        p.milestones.asimilasi, p.milestones.cmk, p.milestones.pb, p.milestones.cb,
                        p.milestones.cmb_start})
    out += date_or_dash(d) + " ";
  if (p.parole_scenario)
    out += format_date(p.parole_scenario->pb) + " " + format_date(p.parole_scenario->expiry) + " " +
           format_date(p.parole_scenario->probation_end) + " ";
  out += std::to_string(p.subsider_days) + " " + std::to_string(p.remission_days) + " " + std::to_string(p.grants) +
         (p.released_by_grant ? " released" : "") + (p.estimated ? " estimated" : "");
  return out;
}

std::vector<std::string> render(const std::vector<Projection>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(render(p));
  return out;
}

// The cases of thread t out of kReaders: every fourth, from t % 4. Two threads evaluate each case at the same time.
std::vector<std::size_t> share_of(unsigned t, std::size_t n) {
  std::vector<std::size_t> idx;
  for (std::size_t i = t % 4; i < n; i += 4) idx.push_back(i);
  return idx;
}

}  // namespace

// First in the program on purpose: the parameter catalogue (read by with_overrides) is built on its first use, here
// by eight threads at once.
TEST(EngineConcurrency, EnginesBuiltOnManyThreadsAtOnceAgree) {
  // One case with a policy override, so that every evaluation reads the parameter catalogue.
  const Case c = binaan::testing::CaseBuilder{}
                     .sentence("3y")
                     .of(Religion::Islam)
                     .with("min_served_days", std::int64_t{200})
                     .build();
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) {
    const Engine own;
    got[t].push_back(json(own.evaluate(c)));
    got[t].push_back(write_policy_json(own.policy()));
    got[t].push_back(std::to_string(own.calendar().size()));
  });
  const Engine reference;
  const std::string serial = json(reference.evaluate(c));
  EXPECT_NE(serial.find("\"grants\""), std::string::npos) << serial;
  expect_all_equal({serial, write_policy_json(reference.policy()), std::to_string(reference.calendar().size())}, got,
                   "engines built at once");
}

TEST(EngineConcurrency, EvaluateFromEightThreadsEqualsSerial) {
  const std::vector<Case>& cases = golden_cases();
  ASSERT_GE(cases.size(), 100u);
  std::vector<std::string> serial;
  {
    const Engine reference;
    for (const Case& c : cases) serial.push_back(json(reference.evaluate(c)));
  }
  // The answers are the engine's real ones, not empty renderings.
  EXPECT_NE(serial.front().find("\"final_release\""), std::string::npos);

  // A fresh engine, never used before the threads start: nothing in it can have been warmed up by the serial run.
  const Engine engine;
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) {
    // Even threads walk their share forwards, odd ones backwards: the same case is read by two threads, at the same
    // moment or not.
    std::vector<std::size_t> mine = share_of(t, cases.size());
    if (t % 2 == 1) std::reverse(mine.begin(), mine.end());
    std::map<std::size_t, std::string> by_index;
    for (std::size_t i : mine) by_index[i] = json(engine.evaluate(cases[i]));
    for (const auto& [i, text] : by_index) got[t].push_back(text);
  });
  for (unsigned t = 0; t < kReaders; ++t) {
    std::vector<std::string> expected;
    for (std::size_t i : share_of(t, cases.size())) expected.push_back(serial[i]);
    expect_all_equal(expected, {got[t]}, "golden cases, thread " + std::to_string(t));
  }
}

TEST(EngineConcurrency, EnginesBuiltFromOneSharedPolicyAndCalendarEqualSerial) {
  // A user's policy and calendar, shared read-only: every thread copies them into an engine of its own.
  Policy policy = default_policy();
  policy.tambahan_combine = TambahanCombine::Sum;
  policy.dasawarsa_cap_days = 60;
  const Policy& shared_policy = policy;
  const HolidayCalendar shared_calendar =
      HolidayCalendar::builtin().with(Holiday::IdulFitri, make_date(2016, 7, 7), DateStatus::Unverified);
  const std::vector<Case>& cases = golden_cases();
  std::vector<std::string> serial;
  {
    const Engine reference(policy, shared_calendar);
    for (const Case& c : cases) serial.push_back(json(reference.evaluate(c)));
  }
  EXPECT_NE(serial.front().find("\"version\":\"2026.11\""), std::string::npos) << serial.front().substr(0, 400);
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) {
    const Engine own(shared_policy, shared_calendar);
    for (std::size_t i : share_of(t, cases.size())) got[t].push_back(json(own.evaluate(cases[i])));
  });
  for (unsigned t = 0; t < kReaders; ++t) {
    std::vector<std::string> expected;
    for (std::size_t i : share_of(t, cases.size())) expected.push_back(serial[i]);
    expect_all_equal(expected, {got[t]}, "own engines, thread " + std::to_string(t));
  }
}

TEST(EngineConcurrency, EvaluateWithProgrammeRecordsFromEightThreadsEqualsSerial) {
  // Every tenth person of the demo prison, with the programme record that the engine reads.
  const Facility& demo = reference_demo();
  std::vector<const Case*> sample;
  std::vector<ProgrammeRecord> records;
  for (std::size_t i = 0; i < demo.size(); i += 10) {
    sample.push_back(&demo.people()[i]);
    records.push_back(programme_record(demo, demo.people()[i].person().id()));
  }
  ASSERT_EQ(sample.size(), 120u);

  std::vector<std::string> serial;
  {
    const Engine reference;
    for (std::size_t k = 0; k < sample.size(); ++k) serial.push_back(json(reference.evaluate(*sample[k], records[k])));
  }
  // The records matter: someone's result reads the programme record.
  EXPECT_TRUE(std::any_of(serial.begin(), serial.end(),
                          [](const std::string& s) { return s.find("programme_record") != std::string::npos; }));

  const Engine engine;
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) {
    for (std::size_t k : share_of(t, sample.size())) got[t].push_back(json(engine.evaluate(*sample[k], records[k])));
  });
  for (unsigned t = 0; t < kReaders; ++t) {
    std::vector<std::string> expected;
    for (std::size_t k : share_of(t, sample.size())) expected.push_back(serial[k]);
    expect_all_equal(expected, {got[t]}, "demo, thread " + std::to_string(t));
  }
}

TEST(EngineConcurrency, EvaluateAllGivesTheSameResultsInRosterOrderOnAnyThreadCount) {
  const Engine engine;
  const std::vector<Case>& cases = golden_cases();
  const std::vector<Evaluation> one = engine.evaluate_all(cases, {}, 1);
  ASSERT_EQ(one.size(), cases.size());
  const std::vector<std::string> serial = to_json(one);
  EXPECT_EQ(serial.front(), json(engine.evaluate(cases.front())));
  for (unsigned threads : {2u, 4u, 8u}) {
    const std::vector<Evaluation> evs = engine.evaluate_all(cases, {}, threads);
    ASSERT_EQ(evs.size(), cases.size()) << threads;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      ASSERT_EQ(evs[i].id, cases[i].id) << "threads " << threads << ", item " << i;
      ASSERT_EQ(evs[i].person, cases[i].person().id()) << "threads " << threads << ", item " << i;
    }
    expect_all_equal(serial, {to_json(evs)}, "evaluate_all, threads " + std::to_string(threads));
  }
}

TEST(EngineConcurrency, EvaluateAllWithRecordsGivesTheSameResultsOnAnyThreadCount) {
  const Engine engine;
  const std::vector<Case> people = first_people(reference_demo(), 120);
  const std::vector<ProgrammeRecord> records = programme_records(reference_demo(), 120);
  EvaluateOptions brief;
  brief.decisions = false;
  const std::vector<std::string> serial = to_json(engine.evaluate_all(people, brief, 1, &records));
  ASSERT_EQ(serial.size(), 120u);
  EXPECT_NE(serial.front().find("\"person\":\"WBP-SMD-0001\""), std::string::npos) << serial.front();
  for (unsigned threads : {2u, 4u, 8u}) {
    expect_all_equal(serial, {to_json(engine.evaluate_all(people, brief, threads, &records))},
                     "demo evaluate_all, threads " + std::to_string(threads));
  }
}

TEST(EngineConcurrency, ProjectFromEightThreadsEqualsSerial) {
  const std::vector<Case>& cases = golden_cases();
  std::vector<std::string> serial;
  {
    const Engine reference;
    for (const Case& c : cases) serial.push_back(render(reference.project(c)));
  }
  // The projection's dates are the evaluation's.
  const Evaluation first = Engine().evaluate(cases.front());
  ASSERT_TRUE(first.final_release.has_value());
  EXPECT_NE(serial.front().find(format_date(*first.final_release)), std::string::npos) << serial.front();
  const Engine engine;
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) {
    for (std::size_t i : share_of(t, cases.size())) got[t].push_back(render(engine.project(cases[i])));
  });
  for (unsigned t = 0; t < kReaders; ++t) {
    std::vector<std::string> expected;
    for (std::size_t i : share_of(t, cases.size())) expected.push_back(serial[i]);
    expect_all_equal(expected, {got[t]}, "projections, thread " + std::to_string(t));
  }
}

TEST(EngineConcurrency, ProjectAllGivesTheSameProjectionsInRosterOrderOnAnyThreadCount) {
  const Engine engine;
  const std::vector<Case> people = first_people(reference_demo(), 200);
  const std::vector<ProgrammeRecord> records = programme_records(reference_demo(), 200);
  std::vector<std::string> serial;
  for (std::size_t i = 0; i < people.size(); ++i) serial.push_back(render(engine.project(people[i], records[i])));
  // The same dates as the evaluation of the first person.
  const Evaluation first = engine.evaluate(people.front(), records.front());
  const std::string dates = date_or_dash(first.start) + " " + date_or_dash(first.term_end) + " " +
                            date_or_dash(first.expiry) + " " + date_or_dash(first.final_release) + " ";
  EXPECT_EQ(serial.front().rfind(dates, 0), 0u) << serial.front() << "\n" << dates;
  for (unsigned threads : {1u, 2u, 4u, 8u, 0u})
    expect_all_equal(serial, {render(engine.project_all(people, threads, &records))},
                     "project_all, threads " + std::to_string(threads));
  expect_all_equal(render(engine.project_all(golden_cases(), 1)), {render(engine.project_all(golden_cases(), 8))},
                   "project_all golden, 8 threads");
}

TEST(EngineConcurrency, RunGrantDayGivesTheSameRunOnAnyThreadCount) {
  const Engine engine;
  const std::vector<Case> roster = read_roster_jsonl(roster_text("grant-day-2019-08-17.jsonl"), "roster");
  const DayRun serial = engine.run_grant_day(roster, make_date(2019, 8, 17), 1);
  // The README's announcement: 7 granted, 2 not eligible, 1 need review.
  EXPECT_NE(day_run_to_text(serial).find("7 granted, 2 not eligible, 1 need review"), std::string::npos)
      << day_run_to_text(serial);
  for (unsigned threads : {1u, 2u, 4u, 8u, 0u}) {  // 0: all cores
    const DayRun run = engine.run_grant_day(roster, make_date(2019, 8, 17), threads);
    EXPECT_EQ(render(run), render(serial)) << "threads " << threads;
  }
}

TEST(EngineConcurrency, RunGrantDayOverAFacilityGivesTheSameRunOnAnyThreadCount) {
  const Engine engine;
  const Facility& demo = reference_demo();
  const std::vector<Case> people = first_people(demo, 200);
  const std::vector<ProgrammeRecord> records = programme_records(demo, 200);
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < people.size(); ++i) position[people[i].person().id()] = i;
  for (Date day : {make_date(2026, 3, 21), make_date(2026, 8, 17)}) {
    const DayRun serial = engine.run_grant_day(people, day, 1, &records);
    ASSERT_GT(serial.outcomes.size(), 50u) << format_date(day);
    ASSERT_FALSE(serial.summary.empty()) << format_date(day);
    // Outcomes in roster order.
    for (std::size_t i = 1; i < serial.outcomes.size(); ++i)
      ASSERT_LT(position.at(serial.outcomes[i - 1].person), position.at(serial.outcomes[i].person)) << format_date(day);
    for (unsigned threads : {2u, 4u, 8u}) {
      const DayRun run = engine.run_grant_day(people, day, threads, &records);
      EXPECT_EQ(render(run), render(serial)) << format_date(day) << ", threads " << threads;
    }
  }
}

TEST(EngineConcurrency, ConcurrentEvaluateAllCallsShareOneEngine) {
  const std::vector<Case> cases(golden_cases().begin(), golden_cases().begin() + 40);
  const std::vector<std::string> serial = to_json(Engine().evaluate_all(cases));
  const Engine engine;
  // Four callers at once, each splitting its roster over two threads of its own.
  std::vector<std::vector<std::string>> got(4);
  run_together(4, [&](unsigned t) { got[t] = to_json(engine.evaluate_all(cases, {}, 2)); });
  expect_all_equal(serial, got, "nested evaluate_all");
}

TEST(EngineConcurrency, TheFirstFailureInRosterOrderIsReportedOnAnyThreadCount) {
  const Engine engine;
  std::vector<Case> roster = golden_cases();
  ASSERT_GT(roster.size(), 100u);
  // Two invalid overrides: the earlier one in roster order is the error, whichever thread meets it first.
  roster[30].policy.push_back({"no_such_rule_30", true});
  roster[90].policy.push_back({"no_such_rule_90", true});
  for (unsigned threads : {1u, 2u, 4u, 8u, 0u}) {
    try {
      (void)engine.evaluate_all(roster, {}, threads);
      ADD_FAILURE() << "evaluate_all did not throw, threads " << threads;
    } catch (const ValueError& e) {
      EXPECT_EQ(e.field(), "policy.no_such_rule_30") << "evaluate_all, threads " << threads;
    }
    try {
      (void)engine.run_grant_day(roster, make_date(2019, 8, 17), threads);
      ADD_FAILURE() << "run_grant_day did not throw, threads " << threads;
    } catch (const ValueError& e) {
      EXPECT_EQ(e.field(), "policy.no_such_rule_30") << "run_grant_day, threads " << threads;
    }
  }
}

// Each thread of a grant-day run keeps its decisions in a list of the run's (DayRun::decision_lists): one list a
// thread, every decision in exactly one outcome's range of one list (none shared, none left over), each range the
// same decisions as one thread gives the person, into a new DayRun and into the last run's, on 1, 2, 3 and 8 threads,
// on 17 August and on a day most people have nothing (Christmas).
TEST(EngineConcurrency, GrantDayRunKeepsEveryDecisionOnceInItsThreadsList) {
  const Engine engine;
  const std::vector<Case> people = synth::generate_population(3 * 4096 + 123, 20260817, 2);
  DayRun reused;
  for (const Date day : {make_date(2026, 8, 17), make_date(2026, 12, 25)}) {
    const DayRun serial = engine.run_grant_day(people, day, 1);
    ASSERT_GT(serial.outcomes.size(), 500u) << format_date(day);
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
      for (const bool into_last : {false, true}) {
        const std::string what = format_date(day) + ", threads " + std::to_string(threads) +
                                 (into_last ? ", into the last run" : ", a new run");
        DayRun fresh;
        DayRun& run = into_last ? reused : fresh;
        engine.run_grant_day(people, day, run, threads);
        ASSERT_EQ(run.decision_lists.size(), threads) << what;
        ASSERT_EQ(run.outcomes.size(), serial.outcomes.size()) << what;
        std::vector<std::vector<bool>> taken;
        for (const auto& list : run.decision_lists) taken.emplace_back(list.size(), false);
        std::size_t counted = 0;
        for (std::size_t i = 0; i < run.outcomes.size(); ++i) {
          const DayOutcome& o = run.outcomes[i];
          ASSERT_EQ(o.person, serial.outcomes[i].person) << what;
          ASSERT_LT(o.list, run.decision_lists.size()) << what << ", " << o.person;
          ASSERT_GE(o.count, 1u) << what << ", " << o.person;
          ASSERT_LE(o.first + o.count, run.decision_lists[o.list].size()) << what << ", " << o.person;
          for (std::size_t k = o.first; k < o.first + o.count; ++k) {
            EXPECT_FALSE(taken[o.list][k]) << what << ": decision " << k << " of list " << o.list << " shared";
            taken[o.list][k] = true;
          }
          counted += o.count;
          const DecisionView got = run.decisions_of(o);
          const DecisionView expected = serial.decisions_of(serial.outcomes[i]);
          ASSERT_EQ(got.size(), expected.size()) << what << ", " << o.person;
          for (std::size_t k = 0; k < got.size(); ++k) {
            EXPECT_EQ(got[k].kind, expected[k].kind) << what << ", " << o.person;
            EXPECT_EQ(got[k].outcome, expected[k].outcome) << what << ", " << o.person;
            EXPECT_EQ(got[k].days, expected[k].days) << what << ", " << o.person;
            EXPECT_EQ(got[k].rules, expected[k].rules) << what << ", " << o.person;
            EXPECT_EQ(got[k].failed.size(), expected[k].failed.size()) << what << ", " << o.person;
          }
        }
        EXPECT_EQ(counted, run.decision_count()) << what;
        EXPECT_EQ(run.decision_count(), serial.decision_count()) << what;
        for (std::size_t l = 0; l < taken.size(); ++l)
          EXPECT_EQ(std::count(taken[l].begin(), taken[l].end(), false), 0)
              << what << ": list " << l << " holds a decision of no outcome";
      }
    }
  }
}

// A roster of many blocks (the engine hands a roster to its threads in blocks of up to 4,096 people, each to the
// thread that asks next: the first thread from the front, the others from the back): the same projections and the
// same grant-day runs, outcome for outcome and decision for decision, on any number of threads, and the first
// failure in roster order whichever thread meets a failure first.
TEST(EngineConcurrency, RostersOfManyBlocksGiveTheSameResultsAndFirstFailureOnAnyThreadCount) {
  const Engine engine;
  const std::vector<Case> people = synth::generate_population(3 * 4096 + 123, 20260817, 2);
  const std::size_t n = people.size();
  const std::vector<std::string> projections = render(engine.project_all(people, 1));
  const Date day = make_date(2026, 8, 17);
  const DayRun serial = engine.run_grant_day(people, day, 1);
  ASSERT_GT(serial.outcomes.size(), 8000u);
  const std::string expected = render(serial);
  DayRun reused;  // runs into the last run's lists, of another thread count each time
  for (unsigned threads : {2u, 3u, 8u}) {
    expect_all_equal(projections, {render(engine.project_all(people, threads))},
                     "project_all, threads " + std::to_string(threads));
    EXPECT_EQ(render(engine.run_grant_day(people, day, threads)), expected) << "threads " << threads;
    engine.run_grant_day(people, day, reused, threads);
    EXPECT_EQ(render(reused), expected) << "into the last run, threads " << threads;
  }
  // Failing cases: in the first and the last block; in the last alone (the first block a second thread takes); and
  // in two blocks near the end, which two threads from the back may meet in either order.
  auto failing_at = [&](std::initializer_list<std::size_t> at) {
    std::vector<Case> roster = people;
    for (std::size_t i : at) roster[i].policy.push_back({"no_such_rule_" + std::to_string(i), true});
    return roster;
  };
  const std::vector<std::pair<std::vector<Case>, std::string>> rosters = {
      {failing_at({5, n - 5}), "policy.no_such_rule_5"},
      {failing_at({n - 5}), "policy.no_such_rule_" + std::to_string(n - 5)},
      {failing_at({n - 2000, n - 5}), "policy.no_such_rule_" + std::to_string(n - 2000)}};
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (const auto& [roster, field] : rosters) {
      try {
        (void)engine.project_all(roster, threads);
        ADD_FAILURE() << "project_all did not throw, threads " << threads;
      } catch (const ValueError& e) {
        EXPECT_EQ(e.field(), field) << "project_all, threads " << threads;
      }
      try {
        (void)engine.run_grant_day(roster, day, threads);
        ADD_FAILURE() << "run_grant_day did not throw, threads " << threads;
      } catch (const ValueError& e) {
        EXPECT_EQ(e.field(), field) << "run_grant_day, threads " << threads;
      }
    }
  }
}
