#include <binaan/error.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/programmes/programmes.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

using namespace binaan;
using binaan::test::day;
using binaan::test::serving;

namespace {

// WBP-1 in W-IN (13 Monday sessions of 2 h, 2026-01-05 .. 2026-03-30). Sessions 0–11 recorded as planned, the last
// (2026-03-30) left unrecorded; session 0 attended for 1 h only.
Programmes model() {
  Programmes p = test::small_model();
  p.request_enrolment("WBP-1", "W-IN", day("2026-01-02"), serving());
  const auto sessions = p.workshop("W-IN").sessions;
  const AttendanceStatus plan[12] = {
      AttendanceStatus::Attended, AttendanceStatus::Attended, AttendanceStatus::Sick,      AttendanceStatus::Attended,
      AttendanceStatus::Excused,  AttendanceStatus::Attended, AttendanceStatus::Refused,   AttendanceStatus::Attended,
      AttendanceStatus::Absent,   AttendanceStatus::Attended, AttendanceStatus::Cancelled, AttendanceStatus::Attended};
  for (std::size_t i = 0; i < 12; ++i)
    p.record_attendance("W-IN", sessions[i].date, "WBP-1", plan[i], i == 0 ? std::optional<int>(1) : std::nullopt);
  return p;
}

const Date kFrom = day("2026-01-01");
const Date kTo = day("2026-03-31");

}  // namespace

TEST(Participation, CountsEveryStatus) {
  const Programmes p = model();
  const ParticipationSummary s = summarise_participation(p, "WBP-1", kFrom, kTo);
  EXPECT_EQ(s.scheduled, 13);
  EXPECT_EQ(s.attended, 7);  // sessions 0, 1, 3, 5, 7, 9, 11
  EXPECT_EQ(s.sick, 1);
  EXPECT_EQ(s.excused, 1);
  EXPECT_EQ(s.refused, 1);
  EXPECT_EQ(s.absent, 1);
  EXPECT_EQ(s.cancelled, 1);
  EXPECT_EQ(s.unrecorded, 1);
  EXPECT_EQ(s.hours, 13);                     // 1 + 6 × 2
  EXPECT_EQ(s.expected(), 10);                // 13 − cancelled − sick − excused
  EXPECT_EQ(s.attendance_rate().numerator, 7);  // exactly 7/10
  EXPECT_EQ(s.attendance_rate().denominator, 10);
}

TEST(Participation, PeriodAndEnrolmentBoundTheCount) {
  Programmes p = model();
  const ParticipationSummary feb = summarise_participation(p, "WBP-1", day("2026-02-01"), day("2026-02-28"));
  EXPECT_EQ(feb.scheduled, 4);  // 02-02, 02-09, 02-16, 02-23
  EXPECT_EQ(feb.attended, 2);   // sessions 5 and 7
  const ParticipationSummary nobody = summarise_participation(p, "WBP-9", kFrom, kTo);
  EXPECT_EQ(nobody.scheduled, 0);
  EXPECT_EQ(nobody.attendance_rate().numerator, 0);
  EXPECT_EQ(nobody.attendance_rate().denominator, 1);
  EXPECT_FALSE(shows_active_participation(nobody, ParticipationPolicy{{0, 1}, 0}));  // at least one session
  EXPECT_THROW(summarise_participation(p, "WBP-1", kTo, kFrom), ValueError);
}

TEST(Participation, ThresholdIsAPolicy) {
  const ParticipationSummary s = summarise_participation(model(), "WBP-1", kFrom, kTo);
  EXPECT_FALSE(shows_active_participation(s, ParticipationPolicy{}));         // 7/10 < 3/4
  EXPECT_TRUE(shows_active_participation(s, ParticipationPolicy{{7, 10}, 8})); // 7/10 ≥ 7/10
  EXPECT_FALSE(shows_active_participation(s, ParticipationPolicy{{2, 3}, 11})); // 10 expected < 11
  EXPECT_TRUE(shows_active_participation(s, ParticipationPolicy{{2, 3}, 10}));
}

// The evidence the rules engine reads changes when one attendance changes: recording the last session as attended
// lifts 7/10 to 8/10 and the default threshold (3/4 of at least 8 sessions) is met.
TEST(Participation, OneAttendanceChangesTheEvidence) {
  Programmes p = model();
  EXPECT_FALSE(shows_active_participation(summarise_participation(p, "WBP-1", kFrom, kTo), {}));
  p.record_attendance("W-IN", day("2026-03-30"), "WBP-1", AttendanceStatus::Attended);
  const ParticipationSummary s = summarise_participation(p, "WBP-1", kFrom, kTo);
  EXPECT_EQ(s.attended, 8);
  EXPECT_EQ(s.expected(), 10);
  EXPECT_TRUE(shows_active_participation(s, {}));
}

TEST(Participation, PemukaPeriodsAreClippedToThePeriod) {
  Programmes p = model();
  p.record_pemuka({"WBP-1", "W-IN", {day("2025-12-01"), day("2026-02-15")}});
  p.record_pemuka({"WBP-1", "", {day("2026-03-20"), day("2026-06-30")}});
  p.record_pemuka({"WBP-1", "", {day("2025-01-01"), day("2025-06-30")}});
  EXPECT_THROW(p.record_pemuka({"WBP-1", "W-NOPE", {day("2026-01-01"), day("2026-01-02")}}), ValueError);
  EXPECT_THROW(p.record_pemuka({"WBP-1", "", {day("2026-01-02"), day("2026-01-01")}}), ValueError);
  const ParticipationSummary s = summarise_participation(p, "WBP-1", kFrom, kTo);
  ASSERT_EQ(s.pemuka.size(), 2u);
  EXPECT_EQ(s.pemuka[0].from, kFrom);
  EXPECT_EQ(s.pemuka[0].to, day("2026-02-15"));
  EXPECT_EQ(s.pemuka[1].to, kTo);
  EXPECT_EQ(s.pemuka_days(), 46 + 12);  // Jan 31 + Feb 15; Mar 20..31
}

TEST(Attendance, RecordsAreChecked) {
  Programmes p = model();
  // no session that day; not enrolled; recorded twice; hours out of range or on an absence
  EXPECT_THROW(p.record_attendance("W-IN", day("2026-01-06"), "WBP-1", AttendanceStatus::Attended), ValueError);
  EXPECT_THROW(p.record_attendance("W-IN", day("2026-01-05"), "WBP-2", AttendanceStatus::Attended), ValueError);
  EXPECT_THROW(p.record_attendance("W-IN", day("2026-01-05"), "WBP-1", AttendanceStatus::Attended), ValueError);
  EXPECT_THROW(p.record_attendance("W-IN", day("2026-03-30"), "WBP-1", AttendanceStatus::Attended, 3), ValueError);
  EXPECT_THROW(p.record_attendance("W-IN", day("2026-03-30"), "WBP-1", AttendanceStatus::Attended, 0), ValueError);
  EXPECT_THROW(p.record_attendance("W-IN", day("2026-03-30"), "WBP-1", AttendanceStatus::Sick, 2), ValueError);
  EXPECT_THROW(p.record_attendance("W-X", day("2026-03-30"), "WBP-1", AttendanceStatus::Sick), ValueError);
  p.record_attendance("W-IN", day("2026-03-30"), "WBP-1", AttendanceStatus::Sick, 0);
  const Attendance* a = p.find_attendance("W-IN", day("2026-03-30"), "WBP-1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->hours, 0);
  EXPECT_EQ(p.find_attendance("W-IN", day("2026-01-05"), "WBP-1")->hours, 1);
}

TEST(Certificate, NeedsACompetentAssessment) {
  Programmes p = model();
  EXPECT_THROW(p.record_assessment({"WBP-2", "W-IN", day("2026-03-30"), AssessmentResult::Competent, 80, ""}),
               ValueError);  // never enrolled
  EXPECT_THROW(p.record_assessment({"WBP-1", "W-IN", day("2026-03-30"), AssessmentResult::Competent, 101, ""}),
               ValueError);
  p.record_assessment({"WBP-1", "W-IN", day("2026-03-30"), AssessmentResult::NotYetCompetent, 55, "Ibu Sari"});
  const Certificate cert{"C-1", "WBP-1", "W-IN", day("2026-03-31"), IssuerKind::TrainingCentre, "BLK Samarinda",
                         "Menjahit"};
  EXPECT_THROW(p.issue_certificate(cert), ValueError);
  p.record_assessment({"WBP-1", "W-IN", day("2026-03-31"), AssessmentResult::Competent, 76, "Ibu Sari"});
  p.issue_certificate(cert);
  EXPECT_THROW(p.issue_certificate(cert), ValueError);  // id reused
  EXPECT_EQ(summarise_participation(p, "WBP-1", kFrom, kTo).certificates, std::vector<std::string>{"C-1"});
}
