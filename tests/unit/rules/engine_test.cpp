// The engine through its public API: decisions, reasons, earliest days, policy overrides.
#include <binaan/error.hpp>
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>

#include "case_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

using namespace binaan;
using binaan::testing::CaseBuilder;
using binaan::testing::day;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

const Decision* find_decision(const Evaluation& ev, const char* date, GrantKind kind) {
  for (const auto& d : ev.decisions)
    if (d.date == day(date) && d.kind == kind) return &d;
  return nullptr;
}

bool failed(const Decision& d, RuleId r) {
  return std::any_of(d.failed.begin(), d.failed.end(), [&](const FailedCondition& f) { return f.rule == r; });
}

std::optional<Date> earliest(const Decision& d, RuleId r) {
  for (const auto& f : d.failed)
    if (f.rule == r) return f.earliest;
  return std::nullopt;
}

}  // namespace

TEST(Engine, TooShortServedNamesTheEarliestDay) {
  // T1: 100 days served on 2017-08-17; more than 180 days from 2017-11-06.
  auto c = CaseBuilder().detained("2017-05-09").sentence("2y").final_on("2017-05-09").of(Religion::Protestant).build();
  auto ev = engine().evaluate(c);
  const Decision* ru = find_decision(ev, "2017-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::NotEligible);
  ASSERT_TRUE(failed(*ru, RuleId::MinServed));
  EXPECT_EQ(earliest(*ru, RuleId::MinServed), day("2017-11-06"));
  const Decision* rk = find_decision(ev, "2017-12-25", GrantKind::Rk);
  ASSERT_NE(rk, nullptr);
  EXPECT_EQ(rk->outcome, Outcome::Granted);
  EXPECT_EQ(rk->days, 15);
  EXPECT_EQ(rk->step, 1);
  EXPECT_EQ(ev.expiry, day("2019-01-24"));
  EXPECT_EQ(ev.start, day("2017-05-09"));
  EXPECT_EQ(ev.term_end, day("2019-05-09"));
  ASSERT_TRUE(ev.parole_scenario);
  EXPECT_EQ(ev.parole_scenario->pb, day("2018-08-17"));
  EXPECT_EQ(ev.parole_scenario->expiry, day("2019-02-23"));  // 2019-05-09 − 75
  EXPECT_EQ(ev.parole_scenario->probation_end, day("2020-02-23"));
  EXPECT_EQ(ev.milestones.cmb_start, day("2018-12-25"));  // last remission 30 days before 2019-01-24
  EXPECT_EQ(ev.milestones.cmk, day("2018-04-24"));
  EXPECT_FALSE(ev.milestones.cb);  // 2 years > 1 y 6 m
  EXPECT_EQ(ev.policy_id, "indonesia");
}

TEST(Engine, DisciplineInTheWindowRefusesAndDoesNotAdvanceTheLadder) {
  auto base = CaseBuilder().detained("2016-01-10").sentence("5y").final_on("2016-06-01").upto("2017-12-31");
  auto clean = engine().evaluate(base.build());
  ASSERT_EQ(clean.grants.size(), 2u);
  EXPECT_EQ(clean.grants[0].days, 30);  // 219 days served: 1st RU, 1 month
  EXPECT_EQ(clean.grants[1].days, 90);  // 2nd RU

  auto punished = engine().evaluate(CaseBuilder(base).discipline("2016-05-01").build());
  const Decision* ru = find_decision(punished, "2016-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::NotEligible);
  EXPECT_EQ(earliest(*ru, RuleId::Conduct), day("2016-10-28"));
  ASSERT_EQ(punished.grants.size(), 1u);
  EXPECT_EQ(punished.grants[0].date, day("2017-08-17"));
  EXPECT_EQ(punished.grants[0].days, 60);  // still the 1st RU, now with 12 months served
}

TEST(Engine, DisciplineWindowEdges) {
  auto base = CaseBuilder().detained("2016-01-10").sentence("5y").final_on("2016-06-01").upto("2016-12-31");
  // 2016-08-17 − 180 = 2016-02-19 (a leap year): outside the window (d − 180, d]; 2016-02-20 is inside.
  EXPECT_EQ(engine().evaluate(CaseBuilder(base).discipline("2016-02-19").build()).grants.size(), 1u);
  EXPECT_EQ(engine().evaluate(CaseBuilder(base).discipline("2016-02-20").build()).grants.size(), 0u);
  EXPECT_EQ(engine().evaluate(CaseBuilder(base).discipline("2016-08-17").build()).grants.size(), 0u);
  EXPECT_EQ(engine().evaluate(CaseBuilder(base).discipline("2016-08-18").build()).grants.size(), 1u);
}

TEST(Engine, StrictModeAsksForTheMissingAssessment) {
  auto c = CaseBuilder().detained("2021-01-10").sentence("5y").final_on("2021-06-01").upto("2022-12-31");
  auto assumed = engine().evaluate(c.build());
  const Decision* ru = find_decision(assumed, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::Granted);
  EXPECT_EQ(ru->assumptions.size(), 3u);  // predikat baik, active participation, reduced risk

  auto strict = engine().evaluate(CaseBuilder(c).with("assume_unrecorded_facts", false).build());
  ru = find_decision(strict, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::NeedsReview);
  ASSERT_EQ(ru->missing.size(), 2u);
  EXPECT_EQ(ru->missing[0], MissingFact::AssessmentPredicate);
  EXPECT_EQ(ru->missing[1], MissingFact::AssessmentRisk);
  EXPECT_TRUE(strict.grants.empty() || strict.grants.front().date > day("2022-08-17"));

  CaseBuilder assessed(c);
  assessed.with("assume_unrecorded_facts", false);
  assessed.facts.assessments.push_back({day("2021-09-01"), Predicate::Baik, Risk::High});
  assessed.facts.assessments.push_back({day("2022-06-01"), Predicate::SangatBaik, Risk::Medium});
  auto assessed_ev = engine().evaluate(assessed.build());
  ru = find_decision(assessed_ev, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::Granted);

  CaseBuilder not_reduced(c);
  not_reduced.facts.assessments.push_back({day("2021-09-01"), Predicate::Baik, Risk::Medium});
  auto not_reduced_ev = engine().evaluate(not_reduced.build());
  ru = find_decision(not_reduced_ev, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::NotEligible);
  EXPECT_TRUE(failed(*ru, RuleId::ReducedRisk));

  CaseBuilder cukup(c);
  cukup.facts.assessments.push_back({day("2021-09-01"), Predicate::Cukup, Risk::Low});
  auto cukup_ev = engine().evaluate(cukup.build());
  ru = find_decision(cukup_ev, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_TRUE(failed(*ru, RuleId::PredikatBaik));
  EXPECT_TRUE(failed(*ru, RuleId::ActiveParticipation));
}

// The timeline reads the assessments forward from one candidate day to the next: their order in the facts does not
// matter, except among one day's, where the one recorded last is the latest.
TEST(Engine, AssessmentsInAnyOrder) {
  auto c = CaseBuilder().detained("2021-01-10").sentence("5y").final_on("2021-06-01").upto("2024-12-31");
  c.with("assume_unrecorded_facts", false);
  const Assessment a2021{day("2021-09-01"), Predicate::Baik, Risk::High};
  const Assessment a2022{day("2022-06-01"), Predicate::Cukup, Risk::Medium};
  const Assessment low{day("2023-05-01"), Predicate::SangatBaik, Risk::Low};
  const Assessment kurang{day("2023-05-01"), Predicate::Kurang, std::nullopt};
  auto evaluate = [&](std::vector<Assessment> listed) {
    CaseBuilder b(c);
    b.facts.assessments = std::move(listed);
    return engine().evaluate(b.build());
  };
  const Evaluation in_order = evaluate({a2021, a2022, low, kurang});
  const Evaluation shuffled = evaluate({low, a2022, kurang, a2021});
  EXPECT_EQ(evaluation_to_json(shuffled), evaluation_to_json(in_order));

  const Decision* ru2022 = find_decision(in_order, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru2022, nullptr);  // Cukup: predikat baik and participation fail; risk went High -> Medium
  EXPECT_EQ(ru2022->outcome, Outcome::NotEligible);
  EXPECT_TRUE(failed(*ru2022, RuleId::PredikatBaik));
  EXPECT_FALSE(failed(*ru2022, RuleId::ReducedRisk));
  const Decision* ru2023 = find_decision(in_order, "2023-08-17", GrantKind::Ru);
  ASSERT_NE(ru2023, nullptr);  // Kurang, recorded after SangatBaik on the same day, is the latest predicate
  EXPECT_EQ(ru2023->outcome, Outcome::NotEligible);
  EXPECT_TRUE(failed(*ru2023, RuleId::PredikatBaik));

  const Evaluation kurang_first = evaluate({kurang, a2022, a2021, low});
  const Decision* granted = find_decision(kurang_first, "2023-08-17", GrantKind::Ru);
  ASSERT_NE(granted, nullptr);  // now SangatBaik is the latest: granted
  EXPECT_EQ(granted->outcome, Outcome::Granted);
  EXPECT_GT(granted->days, 0);
}

TEST(Engine, OtherReligionHasNoRemisiKhusus) {
  auto ev = engine().evaluate(CaseBuilder().of(Religion::Unknown).upto("2016-12-31").build());
  for (const auto& g : ev.grants) EXPECT_NE(g.kind, GrantKind::Rk);
  ASSERT_EQ(ev.notes.size(), 1u);
  EXPECT_EQ(ev.notes[0], RuleId::ReligiousHoliday);
}

TEST(Engine, DeathAndLifeEarnNothing) {
  CaseBuilder b;
  b.death = true;
  auto ev = engine().evaluate(b.build());
  EXPECT_TRUE(ev.grants.empty());
  EXPECT_FALSE(ev.expiry);
  EXPECT_FALSE(ev.final_release);
  EXPECT_EQ(ev.start, day("2015-01-10"));
  b.death = false;
  b.life = true;
  ev = engine().evaluate(b.build());
  EXPECT_TRUE(ev.grants.empty());
  EXPECT_FALSE(ev.expiry);
}

TEST(Engine, CommutedLifeEarnsOnlyAfterTheCommutation) {
  CaseBuilder b;
  b.life = true;
  b.detained("2000-03-01").final_on("2000-09-01").upto("2008-12-31");
  b.commuted = Commutation{day("2006-09-01"), Term(20, 0, 0)};
  auto ev = engine().evaluate(b.build());
  ASSERT_FALSE(ev.grants.empty());
  EXPECT_EQ(ev.grants.front().date, day("2007-08-17"));
  EXPECT_EQ(ev.grants.front().days, 60);  // 1st RU with years served
  EXPECT_EQ(ev.term_end, day("2020-03-01"));  // the new term runs from the original start
  const Decision* refused = find_decision(ev, "2006-08-17", GrantKind::Ru);
  ASSERT_NE(refused, nullptr);
  EXPECT_EQ(earliest(*refused, RuleId::CommutedAfter), day("2006-09-02"));
}

TEST(Engine, JusticeCollaboratorConditionEndsWithTheRuling) {
  auto b = CaseBuilder().detained("2016-02-01").sentence("8y", Offence::Narcotics).final_on("2016-09-01").upto("2022-12-31");
  auto ev = engine().evaluate(b.build());
  const Decision* ru = find_decision(ev, "2021-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::NotEligible);
  EXPECT_EQ(earliest(*ru, RuleId::JusticeCollaborator), day("2021-10-28"));
  ASSERT_FALSE(ev.grants.empty());
  EXPECT_EQ(ev.grants.front().date, day("2022-08-17"));
  EXPECT_EQ(ev.grants.front().days, 60);  // first RU after years inside

  b.facts.justice_collaborator = true;
  ev = engine().evaluate(b.build());
  EXPECT_EQ(ev.grants.front().date, day("2016-08-17"));
}

TEST(Engine, NarcoticsBelowFiveYearsFollowTheGeneralRule) {
  auto ev = engine().evaluate(
      CaseBuilder().detained("2016-02-01").sentence("4y11m", Offence::Narcotics).final_on("2016-09-01").upto("2016-12-31").build());
  ASSERT_EQ(ev.grants.size(), 1u);
  EXPECT_EQ(ev.grants[0].date, day("2016-08-17"));
}

TEST(Engine, TerroristsNeedDeradicalisationAndPledge) {
  auto b = CaseBuilder().detained("2016-02-01").sentence("8y", Offence::Terrorism).final_on("2016-09-01").upto("2022-12-31");
  b.facts.deradicalisation = true;
  auto ev = engine().evaluate(b.build());
  const Decision* ru = find_decision(ev, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_TRUE(failed(*ru, RuleId::Pledge));
  EXPECT_FALSE(failed(*ru, RuleId::Deradicalisation));
  b.facts.pledge = true;
  ev = engine().evaluate(b.build());
  ru = find_decision(ev, "2022-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->outcome, Outcome::Granted);
}

TEST(Engine, OneThirdForTheOldCohortUntilPermenkumham7of2022) {
  // Narcotics, verdict final 2011: PP 28/2006 ⅓ rule. 12 years from 2011-01-01: ⅓ = 4 years → 2015-01-01 less
  // remission, so the 2011–2013 grant days are refused.
  auto ev = engine().evaluate(
      CaseBuilder().detained("2011-01-01").sentence("12y", Offence::Narcotics).final_on("2011-06-01").upto("2014-12-31").build());
  const Decision* ru = find_decision(ev, "2011-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_TRUE(failed(*ru, RuleId::OneThird));
  EXPECT_EQ(earliest(*ru, RuleId::OneThird), day("2015-01-01"));
  EXPECT_TRUE(ev.grants.empty());
  auto later = engine().evaluate(
      CaseBuilder().detained("2011-01-01").sentence("12y", Offence::Narcotics).final_on("2011-06-01").upto("2015-12-31").build());
  // ⅓ is reached on 2015-01-01: the 1st RU (60 days, years served) and dasawarsa (1/12 × 12 y capped at 90),
  // which the special-crime conditions never bound.
  ASSERT_EQ(later.grants.size(), 2u);
  EXPECT_EQ(later.grants[0].date, day("2015-08-17"));
  EXPECT_EQ(later.grants[0].days, 60);
  EXPECT_EQ(later.grants[1].kind, GrantKind::Dasawarsa);
  EXPECT_EQ(later.grants[1].days, 90);
}

TEST(Engine, UnknownPolicyOverrideIsAnError) {
  auto c = CaseBuilder().with("no_such_rule", true).build();
  try {
    engine().evaluate(c);
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "policy.no_such_rule");
  }
  EXPECT_THROW(engine().evaluate(CaseBuilder().with("ladder_index", "monthly").build()), ValueError);
  EXPECT_THROW(engine().evaluate(CaseBuilder().with("min_served_days", true).build()), ValueError);
}

TEST(Engine, ParallelEvaluationEqualsSequential) {
  std::vector<Case> roster;
  for (int i = 0; i < 50; ++i) {
    CaseBuilder b;
    b.id = "P" + std::to_string(i);
    b.detained(i % 2 ? "2014-03-01" : "2016-07-15").sentence(i % 3 ? "6y" : "2y8m");
    b.religion = static_cast<Religion>(i % 6);
    roster.push_back(b.build());
  }
  auto one = engine().evaluate_all(roster, {}, 1);
  auto two = engine().evaluate_all(roster, {}, 2);
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].expiry, two[i].expiry);
    EXPECT_EQ(one[i].grants.size(), two[i].grants.size());
    EXPECT_EQ(one[i].person, roster[i].person().id());
  }
}

// On 17 August 2025 (a dasawarsa year) a pemuka has three decisions, RU, tambahan and dasawarsa: more than the two
// a person the run reserves room for, so the lists grow (each thread's). Each outcome's decisions are the same, in
// the same order, on 1, 2 and 3 threads.
TEST(Engine, GrantDayRunWithMoreDecisionsThanReserved) {
  std::vector<Case> roster;
  for (int i = 0; i < 9; ++i) {
    CaseBuilder b;
    b.id = "P" + std::to_string(i);
    b.detained("2020-01-06").sentence("10y").final_on("2020-06-01");
    b.facts.pemuka.push_back({day("2024-09-01"), day("2025-08-01")});
    roster.push_back(b.build());
  }
  const DayRun one = engine().run_grant_day(roster, day("2025-08-17"), 1);
  ASSERT_EQ(one.outcomes.size(), 9u);
  ASSERT_EQ(one.decision_lists.size(), 1u);
  ASSERT_EQ(one.decision_count(), 27u);
  for (std::size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(one.outcomes[i].person, "P" + std::to_string(i));
    EXPECT_EQ(one.outcomes[i].first, 3 * i);  // one thread: one list, outcome after outcome
    EXPECT_EQ(one.outcomes[i].list, 0u);
    ASSERT_EQ(one.outcomes[i].count, 3u);
    const DecisionView d = one.decisions_of(one.outcomes[i]);
    EXPECT_EQ(d[0].kind, GrantKind::Ru);
    EXPECT_EQ(d[0].outcome, Outcome::Granted);
    EXPECT_EQ(d[0].days, 180);  // the 6th RU (2020, ..., 2025): 6 months
    EXPECT_EQ(d[1].kind, GrantKind::Tambahan);
    EXPECT_EQ(d[1].days, 60);  // a third of the RU, as pemuka
    EXPECT_EQ(d[2].kind, GrantKind::Dasawarsa);
    EXPECT_EQ(d[2].outcome, Outcome::Granted);
    EXPECT_EQ(d[2].days, 90);  // 1/12 of 10 years, at most 3 months
  }
  for (unsigned threads : {2u, 3u}) {
    const DayRun run = engine().run_grant_day(roster, day("2025-08-17"), threads);
    EXPECT_EQ(day_run_to_json(run), day_run_to_json(one)) << threads;
    ASSERT_EQ(run.outcomes.size(), 9u);
    EXPECT_EQ(run.decision_lists.size(), threads);
    EXPECT_EQ(run.decision_count(), 27u) << threads;
    for (std::size_t i = 0; i < 9; ++i) {
      ASSERT_EQ(run.outcomes[i].count, 3u) << threads;
      const DecisionView d = run.decisions_of(run.outcomes[i]);
      const DecisionView expected = one.decisions_of(one.outcomes[i]);
      for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(d[k].kind, expected[k].kind) << threads << " P" << i << " #" << k;
        EXPECT_EQ(d[k].days, expected[k].days) << threads << " P" << i << " #" << k;
        EXPECT_EQ(d[k].rules, expected[k].rules) << threads << " P" << i << " #" << k;
      }
    }
  }
}

TEST(Engine, GrantDayRunSummarisesLikeTheAnnouncements) {
  std::vector<Case> roster;
  roster.push_back(CaseBuilder().detained("2016-01-05").sentence("3y").final_on("2016-05-01").build());  // 1st RU, 224 days
  CaseBuilder second;
  second.id = "P2";
  second.detained("2015-01-05").sentence("3y").final_on("2015-05-01");  // 2nd RU
  roster.push_back(second.build());
  CaseBuilder third;
  third.id = "P3";
  third.detained("2016-06-01").sentence("3y").final_on("2016-07-01");  // too early
  roster.push_back(third.build());
  CaseBuilder fourth;
  fourth.id = "P4";
  fourth.detained("2015-09-01").sentence("1y").final_on("2015-12-01");  // 1st RU 30 > 15 days left: RU II
  roster.push_back(fourth.build());
  DayRun run = engine().run_grant_day(roster, day("2016-08-17"), 2);
  ASSERT_EQ(run.outcomes.size(), 4u);
  EXPECT_EQ(run.decisions_of(run.outcomes[0])[0].days, 30);
  EXPECT_EQ(run.decisions_of(run.outcomes[1])[0].days, 90);
  EXPECT_EQ(run.decisions_of(run.outcomes[2])[0].outcome, Outcome::NotEligible);
  EXPECT_EQ(run.outcomes[3].release, day("2016-08-17"));
  EXPECT_EQ(run.decisions_of(run.outcomes[3])[0].effective_days, 15);
  // The decisions are kept in the run, a list for each of the two threads, each outcome's consecutive in one.
  ASSERT_EQ(run.decision_lists.size(), 2u);
  ASSERT_EQ(run.decision_count(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(run.outcomes[i].count, 1u);
    ASSERT_LT(run.outcomes[i].list, 2u);
    EXPECT_EQ(&run.decisions_of(run.outcomes[i])[0],
              &run.decision_lists[run.outcomes[i].list][run.outcomes[i].first]);
  }
  DayOutcome stranger = run.outcomes[3];
  stranger.first = run.decision_lists[stranger.list].size();
  EXPECT_THROW(run.decisions_of(stranger), std::out_of_range);
  stranger = run.outcomes[3];
  stranger.count = 2;
  stranger.first = run.decision_lists[stranger.list].size() - 1;
  EXPECT_THROW(run.decisions_of(stranger), std::out_of_range);
  stranger = run.outcomes[3];
  stranger.list = 2;
  EXPECT_THROW(run.decisions_of(stranger), std::out_of_range);
  ASSERT_EQ(run.summary.size(), 3u);
  EXPECT_EQ(run.summary[0].days, 30);
  EXPECT_EQ(run.summary[0].count, 1u);
  EXPECT_FALSE(run.summary[0].level_ii);
  EXPECT_EQ(run.summary[1].days, 90);
  EXPECT_TRUE(run.summary[2].level_ii);
  EXPECT_EQ(run.summary[2].days, 30);
}

TEST(Engine, EstimatedAndApproximatedHolidaysMarkTheResult) {
  // Natal is fixed: nothing estimated.
  auto natal = engine().evaluate(
      CaseBuilder().of(Religion::Catholic).detained("2029-01-05").sentence("4y").final_on("2029-03-01").build());
  EXPECT_FALSE(natal.estimated);
  // Idul Fitri 2026 is confirmed, 2027–2030 estimated in the table, 2031 on approximated.
  auto confirmed = engine().evaluate(
      CaseBuilder().of(Religion::Islam).detained("2025-01-05").sentence("2y").final_on("2025-03-01").upto("2026-12-31").build());
  EXPECT_FALSE(confirmed.estimated);
  auto later = engine().evaluate(
      CaseBuilder().of(Religion::Islam).detained("2029-01-05").sentence("4y").final_on("2029-03-01").build());
  EXPECT_TRUE(later.estimated);
  bool approximated = false;
  for (const auto& d : later.decisions)
    if (d.kind == GrantKind::Rk && d.date.year() >= 2031) {
      EXPECT_EQ(d.date_status, DateStatus::Approximated);
      approximated = true;
    }
  EXPECT_TRUE(approximated);
  for (const auto& g : later.grants)
    if (g.kind == GrantKind::Rk) {
      EXPECT_TRUE(g.estimated) << format_date(g.date);
    }
}

TEST(Engine, RemissionDueBeforeTheVerdictIsGrantedLate) {
  // Detained 2016-01-05, verdict final 2017-03-01: the RU of 2016-08-17 is susulan, effective on the day.
  auto ev = engine().evaluate(CaseBuilder().detained("2016-01-05").sentence("4y").final_on("2017-03-01").upto("2016-12-31").build());
  ASSERT_EQ(ev.grants.size(), 1u);
  EXPECT_EQ(ev.grants[0].date, day("2016-08-17"));
  const Decision* ru = find_decision(ev, "2016-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_NE(std::find(ru->rules.begin(), ru->rules.end(), RuleId::Susulan), ru->rules.end());
}

TEST(Engine, ReleaseWithSubsiderStartsTheSubsider) {
  // T10-like: the RU that uses up the term marks release and names the subsider rule.
  CaseBuilder b;
  b.detained("2015-09-01").sentence("1y").final_on("2015-12-01");
  b.fine = Subsidiary{Term(0, 2, 0), false};
  auto ev = engine().evaluate(b.build());
  ASSERT_EQ(ev.grants.size(), 1u);
  EXPECT_TRUE(ev.grants[0].release);
  EXPECT_EQ(ev.grants[0].effective_days, 15);
  EXPECT_EQ(ev.expiry, day("2016-08-17"));
  EXPECT_EQ(ev.final_release, day("2016-10-16"));  // + 60 days
  EXPECT_EQ(ev.subsider_days, 60);
  const Decision* ru = find_decision(ev, "2016-08-17", GrantKind::Ru);
  ASSERT_NE(ru, nullptr);
  EXPECT_NE(std::find(ru->rules.begin(), ru->rules.end(), RuleId::SubsiderAfterRelease), ru->rules.end());
  EXPECT_FALSE(ev.milestones.asimilasi);  // an unpaid fine: no asimilasi (§5)
}

TEST(Engine, KemanusiaanIsProjectedOnlyWhenThePolicySaysSo) {
  CaseBuilder b;
  b.birth = day("1950-03-01");  // 71 on 2021-05-29
  b.detained("2020-06-01").sentence("3y").final_on("2020-09-01").upto("2021-12-31");
  auto plain = engine().evaluate(b.build());
  for (const auto& g : plain.grants) EXPECT_NE(g.kind, GrantKind::Kemanusiaan);
  b.with("project_kemanusiaan", true);
  auto projected = engine().evaluate(b.build());
  ASSERT_FALSE(projected.grants.empty());
  EXPECT_EQ(projected.grants[0].kind, GrantKind::Kemanusiaan);
  EXPECT_EQ(projected.grants[0].date, day("2021-05-29"));
  EXPECT_EQ(projected.grants[0].days, 60);  // equal to the next RU: 1st step with 362 days served
  ASSERT_GE(projected.grants.size(), 2u);
  EXPECT_EQ(projected.grants[1].kind, GrantKind::Ru);  // kemanusiaan does not advance the RU ladder
  EXPECT_EQ(projected.grants[1].days, 60);
}

TEST(Engine, UsesItsOwnCalendarInEveryYearAndCopiesShareIt) {
  // The engine resolves every holiday of 1900–2200 once, at construction, from its calendar: a row far outside the
  // built-in table (2150) must still be the one used, with its status, and a copy of the engine must agree.
  const Date moved = make_date(2150, 3, 3);
  const Engine custom(default_policy(), HolidayCalendar::builtin().with(Holiday::IdulFitri, moved, DateStatus::Confirmed));
  const Case c =
      CaseBuilder().of(Religion::Islam).detained("2148-01-05").sentence("5y").final_on("2148-03-01").build();
  const Evaluation ev = custom.evaluate(c);
  const auto rk_2150 = std::find_if(ev.decisions.begin(), ev.decisions.end(), [](const Decision& d) {
    return d.kind == GrantKind::Rk && d.date.year() == 2150;
  });
  ASSERT_NE(rk_2150, ev.decisions.end());
  EXPECT_EQ(rk_2150->date, moved);
  EXPECT_EQ(rk_2150->date_status, DateStatus::Confirmed);
  // The built-in engine approximates that year instead.
  const Evaluation builtin = engine().evaluate(c);
  for (const auto& d : builtin.decisions)
    if (d.kind == GrantKind::Rk && d.date.year() == 2150) {
      EXPECT_NE(d.date, moved);
      EXPECT_EQ(d.date_status, DateStatus::Approximated);
    }
  const Engine copy = custom;
  EXPECT_EQ(evaluation_to_json(copy.evaluate(c)), evaluation_to_json(ev));
  // An engine "moved" from is copied and still evaluates with its own calendar.
  Engine source = custom;
  const Engine target = std::move(source);
  EXPECT_EQ(evaluation_to_json(target.evaluate(c)), evaluation_to_json(ev));
  EXPECT_EQ(evaluation_to_json(source.evaluate(c)), evaluation_to_json(ev));  // NOLINT(bugprone-use-after-move)
}

TEST(Engine, AHolidayOnAFixedGrantDayIsDecidedInTheOrderOfSection3) {
  // Candidate days are listed year by year in date order with the year's RK put among the fixed days; on one day
  // RU, tambahan and dasawarsa come before RK, and RK before PMP HAN and kemanusiaan (§3 "Order on one day").
  auto kinds_on = [](const Evaluation& ev, Date day) {
    std::vector<GrantKind> kinds;
    for (const auto& d : ev.decisions)
      if (d.date == day) kinds.push_back(d.kind);
    return kinds;
  };
  auto in_date_order = [](const Evaluation& ev) {
    for (std::size_t i = 1; i < ev.decisions.size(); ++i)
      if (ev.decisions[i].date < ev.decisions[i - 1].date) return false;
    return true;
  };
  const Date august = make_date(2030, 8, 17);
  const Engine on_august(default_policy(), HolidayCalendar::builtin().with(Holiday::IdulFitri, august, DateStatus::Confirmed));
  CaseBuilder muslim;
  muslim.of(Religion::Islam).detained("2028-01-05").sentence("6y").final_on("2028-03-01");
  muslim.facts.services.push_back({make_date(2030, 3, 1), ServiceKind::Humanitarian});  // a ground for tambahan
  const Evaluation adult = on_august.evaluate(muslim.build());
  EXPECT_TRUE(in_date_order(adult));
  EXPECT_EQ(kinds_on(adult, august), (std::vector<GrantKind>{GrantKind::Ru, GrantKind::Tambahan, GrantKind::Rk}));
  // A child on 23 July 2030 (PMP HAN), with Idul Fitri moved to that day: RK first.
  const Date july = make_date(2030, 7, 23);
  const Engine on_july(default_policy(), HolidayCalendar::builtin().with(Holiday::IdulFitri, july, DateStatus::Confirmed));
  CaseBuilder child = muslim;
  child.birth = make_date(2014, 1, 1);
  const Evaluation young = on_july.evaluate(child.build());
  EXPECT_TRUE(in_date_order(young));
  EXPECT_EQ(kinds_on(young, july), (std::vector<GrantKind>{GrantKind::Rk, GrantKind::PmpHan}));
  // And in the years the holiday falls elsewhere, every decision is still in date order.
  EXPECT_TRUE(in_date_order(engine().evaluate(child.build())));
}

TEST(Engine, RecordedGrantsOfOneDayInAnyOrderAreAppliedInTheOrderOfSection3) {
  // Recorded grants are merged into the candidate days when they are in the order of §3, and sorted in when a day's
  // grants come in another order (tambahan listed before its RU): the result must not depend on the listing.
  CaseBuilder in_order;
  in_order.detained("2018-01-10").sentence("6y").final_on("2018-06-01");
  const Date day = make_date(2019, 8, 17);
  in_order.recorded = Recorded{make_date(2019, 12, 31),
                               {{day, GrantKind::Ru, parse_term("1m")}, {day, GrantKind::Tambahan, parse_term("15d")}}};
  CaseBuilder reversed = in_order;
  reversed.recorded->grants = {{day, GrantKind::Tambahan, parse_term("15d")}, {day, GrantKind::Ru, parse_term("1m")}};
  const Evaluation a = engine().evaluate(in_order.build());
  const Evaluation b = engine().evaluate(reversed.build());
  ASSERT_GE(a.grants.size(), 2u);
  EXPECT_EQ(a.grants[0].kind, GrantKind::Ru);
  EXPECT_EQ(a.grants[0].days, 30);
  EXPECT_EQ(a.grants[1].kind, GrantKind::Tambahan);
  EXPECT_EQ(a.grants[1].days, 15);
  EXPECT_TRUE(a.grants[0].recorded && a.grants[1].recorded);
  EXPECT_EQ(evaluation_to_json(b), evaluation_to_json(a));
}

TEST(Engine, RecordedGrantsOfSeveralDaysInAnyOrderWithinEachDayAreAppliedInTheOrderOfSection3) {
  // The timeline merges the recorded grants into the candidate days one year at a time; grants of one day listed
  // in another order than §3's are put in order first. Listing each 17 August's tambahan before its RU must give the
  // same evaluation over several years, and the first candidates decided after recorded.until must stand on the
  // recorded ladder.
  CaseBuilder listed;
  listed.of(Religion::Islam).detained("2018-01-10").sentence("6y").final_on("2018-06-01");
  listed.recorded = Recorded{make_date(2020, 12, 31),
                             {{make_date(2018, 8, 17), GrantKind::Ru, parse_term("1m")},
                              {make_date(2018, 8, 17), GrantKind::Tambahan, parse_term("15d")},
                              {make_date(2019, 6, 5), GrantKind::Rk, parse_term("1m")},
                              {make_date(2019, 8, 17), GrantKind::Ru, parse_term("3m")},
                              {make_date(2019, 8, 17), GrantKind::Tambahan, parse_term("1m15d")},
                              {make_date(2020, 5, 24), GrantKind::Rk, parse_term("1m")},
                              {make_date(2020, 8, 17), GrantKind::Ru, parse_term("4m")}}};
  CaseBuilder swapped = listed;
  auto& g = swapped.recorded->grants;
  std::swap(g[0], g[1]);
  std::swap(g[3], g[4]);
  const Evaluation a = engine().evaluate(listed.build());
  const Evaluation b = engine().evaluate(swapped.build());
  EXPECT_EQ(evaluation_to_json(b), evaluation_to_json(a));
  ASSERT_GE(a.grants.size(), 9u);
  const GrantKind kinds[] = {GrantKind::Ru, GrantKind::Tambahan, GrantKind::Rk, GrantKind::Ru,
                             GrantKind::Tambahan, GrantKind::Rk, GrantKind::Ru};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_TRUE(a.grants[i].recorded) << i;
    EXPECT_EQ(a.grants[i].kind, kinds[i]) << i;
  }
  EXPECT_EQ(a.grants[4].days, 45);
  EXPECT_EQ(a.grants[6].days, 120);
  // 2021: RK on Idul Fitri (13 May), the third RK received: 1 month; then the fourth RU: 5 months.
  EXPECT_FALSE(a.grants[7].recorded);
  EXPECT_EQ(a.grants[7].date, make_date(2021, 5, 13));
  EXPECT_EQ(a.grants[7].kind, GrantKind::Rk);
  EXPECT_EQ(a.grants[7].days, 30);
  EXPECT_EQ(a.grants[8].date, make_date(2021, 8, 17));
  EXPECT_EQ(a.grants[8].kind, GrantKind::Ru);
  EXPECT_EQ(a.grants[8].days, 150);
}

TEST(Engine, GrantDayRunOnAReligiousHolidayDecidesOnlyForWhomTheDayHoldsSomething) {
  // On Natal a grant-day run looks at each person's candidate days of the year first and runs the timeline only when
  // one falls on the day, or a grant is recorded on it: the Christian gets RK, the Muslim nothing, and the Muslim with
  // a (recorded) grant on that day gets it applied.
  CaseBuilder christian;
  christian.of(Religion::Catholic).detained("2023-01-10").sentence("6y").final_on("2023-06-01");
  christian.id = "C";
  CaseBuilder muslim = christian;
  muslim.id = "M";
  muslim.religion = Religion::Islam;
  CaseBuilder recorded = muslim;
  recorded.id = "R";
  recorded.recorded = Recorded{make_date(2025, 12, 25), {{make_date(2025, 12, 25), GrantKind::Rk, parse_term("1m")}}};
  const DayRun run = engine().run_grant_day({christian.build(), muslim.build(), recorded.build()}, day("2025-12-25"));
  ASSERT_EQ(run.outcomes.size(), 2u);
  EXPECT_EQ(run.outcomes[0].person, "C");
  ASSERT_EQ(run.outcomes[0].count, 1u);
  const Decision& rk = run.decisions_of(run.outcomes[0])[0];
  EXPECT_EQ(rk.kind, GrantKind::Rk);
  EXPECT_EQ(rk.outcome, Outcome::Granted);
  EXPECT_EQ(rk.days, 30);  // the third RK (2023, 2024, 2025), more than 12 months served: 1 month
  EXPECT_EQ(run.outcomes[1].person, "R");
  ASSERT_EQ(run.outcomes[1].count, 1u);
  const Decision& applied = run.decisions_of(run.outcomes[1])[0];
  EXPECT_EQ(applied.kind, GrantKind::Rk);
  EXPECT_EQ(applied.days, 30);
  ASSERT_FALSE(applied.rules.empty());
  EXPECT_EQ(applied.rules.front(), RuleId::Recorded);
  // On 17 August the two whose record does not cover the day have the RU decided (R's record runs to 25 December).
  const DayRun august = engine().run_grant_day({christian.build(), muslim.build(), recorded.build()}, day("2025-08-17"));
  ASSERT_EQ(august.outcomes.size(), 2u);
  EXPECT_EQ(august.outcomes[0].person, "C");
  EXPECT_EQ(august.outcomes[1].person, "M");
  EXPECT_EQ(august.decisions_of(august.outcomes[1])[0].kind, GrantKind::Ru);
}

TEST(Engine, GrantDayRunRefusesADayThatIsNotACalendarDay) {
  const std::vector<Case> roster{CaseBuilder().build()};
  const std::pair<Date, const char*> days[] = {{Date(boost::gregorian::not_a_date_time), "not-a-date-time"},
                                               {Date(boost::gregorian::pos_infin), "+infinity"},
                                               {Date(boost::gregorian::neg_infin), "-infinity"}};
  for (const auto& [special, text] : days) {
    try {
      (void)engine().run_grant_day(roster, special);
      ADD_FAILURE() << "accepted " << text;
    } catch (const ValueError& e) {
      EXPECT_EQ(e.field(), "day");
      EXPECT_EQ(e.value(), text);
      EXPECT_EQ(e.why(), "a grant-day run needs a calendar day");
    }
  }
}
