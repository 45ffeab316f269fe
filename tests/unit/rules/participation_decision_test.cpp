// A remission decision that depends on participation changes when attendance changes (issue 4): the engine reads
// "active participation" and "predikat baik" from the programme record before any assessment (rules-indonesia.md §4).
#include <binaan/programmes/participation.hpp>
#include <binaan/programmes/programmes.hpp>
#include <binaan/rules/engine.hpp>

#include "../programmes/fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace binaan;
using binaan::test::day;

namespace {

// WBP-1 in W-IN: 13 Monday sessions 2026-01-05 .. 2026-03-30, 7 of 10 expected attended, the last unrecorded.
Programmes programmes_with_seven_of_ten() {
  Programmes p = test::small_model();
  p.request_enrolment("WBP-1", "W-IN", day("2026-01-02"), test::serving());
  const auto sessions = p.workshop("W-IN").sessions;
  const AttendanceStatus plan[12] = {
      AttendanceStatus::Attended, AttendanceStatus::Attended, AttendanceStatus::Sick,      AttendanceStatus::Attended,
      AttendanceStatus::Excused,  AttendanceStatus::Attended, AttendanceStatus::Refused,   AttendanceStatus::Attended,
      AttendanceStatus::Absent,   AttendanceStatus::Attended, AttendanceStatus::Cancelled, AttendanceStatus::Attended};
  for (std::size_t i = 0; i < 12; ++i) p.record_attendance("W-IN", sessions[i].date, "WBP-1", plan[i]);
  return p;
}

Case wbp1() {
  return Case(Person("WBP-1", Religion::Other), DetentionHistory({{day("2025-06-01"), std::nullopt}}),
              Sentence::fixed(Term(5, 0, 0), Offence::Narcotics, day("2025-10-01")), {}, std::nullopt,
              day("2026-12-31"));
}

const Decision& ru_2026(const Evaluation& ev) {
  auto it = std::find_if(ev.decisions.begin(), ev.decisions.end(),
                         [](const Decision& d) { return d.kind == GrantKind::Ru && d.date == day("2026-08-17"); });
  EXPECT_NE(it, ev.decisions.end());
  return *it;
}

}  // namespace

TEST(ParticipationDecision, EvidenceIsKeptByQuarter) {
  auto evidence = participation_evidence(programmes_with_seven_of_ten(), "WBP-1");
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].from, day("2026-01-01"));
  EXPECT_EQ(evidence[0].to, day("2026-03-31"));
  EXPECT_EQ(evidence[0].expected, 10);
  EXPECT_EQ(evidence[0].attended, 7);
  EXPECT_FALSE(evidence[0].active);  // 7/10 < 3/4
  EXPECT_TRUE(participation_evidence(programmes_with_seven_of_ten(), "WBP-9").empty());
}

TEST(ParticipationDecision, OneMoreAttendanceGrantsTheRemission) {
  const Engine engine;
  Programmes p = programmes_with_seven_of_ten();
  ProgrammeRecord record{participation_evidence(p, "WBP-1"), {}};
  Evaluation before = engine.evaluate(wbp1(), record);
  const Decision& refused = ru_2026(before);
  EXPECT_EQ(refused.outcome, Outcome::NotEligible);
  ASSERT_EQ(refused.failed.size(), 2u);
  EXPECT_EQ(refused.failed[0].rule, RuleId::PredikatBaik);
  EXPECT_EQ(refused.failed[1].rule, RuleId::ActiveParticipation);
  EXPECT_NE(std::find(refused.rules.begin(), refused.rules.end(), RuleId::ProgrammeRecord), refused.rules.end());

  p.record_attendance("W-IN", day("2026-03-30"), "WBP-1", AttendanceStatus::Attended);  // now 8 of 10
  record.participation = participation_evidence(p, "WBP-1");
  Evaluation after = engine.evaluate(wbp1(), record);
  const Decision& granted = ru_2026(after);
  EXPECT_EQ(granted.outcome, Outcome::Granted);
  EXPECT_EQ(granted.days, 60);  // 1st RU with 442 days served
  // Without any programme record the engine falls back to assessments (none: assumed, listed).
  Evaluation unknown = engine.evaluate(wbp1());
  EXPECT_EQ(ru_2026(unknown).outcome, Outcome::Granted);
  EXPECT_FALSE(ru_2026(unknown).assumptions.empty());
}

TEST(ParticipationDecision, EvidenceOlderThanAYearIsNotRead) {
  const Engine engine;
  ProgrammeRecord record{{{day("2024-01-01"), day("2024-03-31"), false, 10, 1}}, {}};
  Evaluation ev = engine.evaluate(wbp1(), record);
  EXPECT_EQ(ru_2026(ev).outcome, Outcome::Granted);  // 2024 Q1 ended more than 365 days before 2026-08-17
}

TEST(ParticipationDecision, PemukaFromTheProgrammesEarnsTambahan) {
  const Engine engine;
  ProgrammeRecord record{{}, {{day("2026-02-01"), day("2026-04-30")}}};
  Evaluation ev = engine.evaluate(wbp1(), record);
  auto tambahan = std::find_if(ev.grants.begin(), ev.grants.end(),
                               [](const Grant& g) { return g.kind == GrantKind::Tambahan; });
  ASSERT_NE(tambahan, ev.grants.end());
  EXPECT_EQ(tambahan->days, 20);  // ⅓ of the 60-day RU
}
