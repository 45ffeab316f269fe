#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/programmes.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

using namespace binaan;
using binaan::test::day;
using binaan::test::serving;

namespace {

std::vector<DeclineCode> codes(const std::vector<Decline>& reasons) {
  std::vector<DeclineCode> c;
  for (const Decline& d : reasons) c.push_back(d.code);
  return c;
}

Workshop outside_workshop() {
  return Workshop{"W-SAE", "P-GARMENT", "SAE Konveksi", 3, test::weekly(day("2026-01-05"), 4, 3), {"Pak Budi"},
                  Location::OutsideWalls, std::nullopt};
}

}  // namespace

TEST(Eligibility, ServingInsideNoDisciplineIsEligible) {
  const Programmes p = test::small_model();
  EXPECT_TRUE(check_eligibility(p.workshop("W-IN"), day("2026-01-02"), serving(), {}).empty());
}

TEST(Eligibility, NotServingIsDeclined) {
  const Programmes p = test::small_model();
  InmateStatus remand;
  remand.serving = false;
  const auto r = check_eligibility(p.workshop("W-IN"), day("2026-01-02"), remand, {});
  ASSERT_EQ(codes(r), std::vector<DeclineCode>{DeclineCode::NotServing});
  EXPECT_EQ(r[0].message, "not serving a sentence on 2026-01-02");
}

// Outside-the-walls work needs asimilasi, taken from the rules engine's answer (rules-indonesia.md §6).
TEST(Eligibility, OutsideWorkNeedsAsimilasiFromTheEngine) {
  const Workshop w = outside_workshop();
  const Date on = day("2026-01-02");
  EXPECT_TRUE(check_eligibility(w, on, serving(day("2025-12-01")), {}).empty());
  EXPECT_TRUE(check_eligibility(w, on, serving(on), {}).empty());  // asimilasi starting that very day

  const auto later = check_eligibility(w, on, serving(day("2026-04-20")), {});
  ASSERT_EQ(codes(later), std::vector<DeclineCode>{DeclineCode::NeedsAsimilasi});
  EXPECT_EQ(later[0].earliest, day("2026-04-20"));
  EXPECT_EQ(later[0].message, "SAE Konveksi is outside the walls and needs asimilasi; asimilasi can start on 2026-04-20");

  const auto never = check_eligibility(w, on, serving(std::nullopt), {});
  ASSERT_EQ(codes(never), std::vector<DeclineCode>{DeclineCode::NeedsAsimilasi});
  EXPECT_FALSE(never[0].earliest.has_value());

  // The same inmate is fine inside the walls.
  const Programmes p = test::small_model();
  EXPECT_TRUE(check_eligibility(p.workshop("W-IN"), on, serving(std::nullopt), {}).empty());
}

TEST(Eligibility, DisciplineWindowIsHalfOpenAndGivesTheClearDay) {
  const Programmes p = test::small_model();
  const Workshop& w = p.workshop("W-IN");
  const Date on = day("2026-01-02");
  // (on − 180, on]: 2025-07-06 is 180 days before, outside; 2025-07-07 inside.
  EXPECT_TRUE(check_eligibility(w, on, serving(std::nullopt, {day("2025-07-06")}), {}).empty());
  const auto r = check_eligibility(w, on, serving(std::nullopt, {day("2025-03-01"), day("2025-11-10")}), {});
  ASSERT_EQ(codes(r), std::vector<DeclineCode>{DeclineCode::RecentDiscipline});
  EXPECT_EQ(r[0].earliest, day("2026-05-09"));  // 2025-11-10 + 180 days
  EXPECT_EQ(check_eligibility(w, on, serving(std::nullopt, {day("2025-07-07")}), {}).size(), 1u);
  EnrolmentPolicy shorter;
  shorter.discipline_window_days = 30;
  EXPECT_TRUE(check_eligibility(w, on, serving(std::nullopt, {day("2025-11-10")}), shorter).empty());
}

TEST(Eligibility, EveryFailedConditionIsListed) {
  const Workshop w = outside_workshop();
  InmateStatus s{false, std::nullopt, {day("2026-03-01")}, std::nullopt};
  const auto r = check_eligibility(w, day("2026-03-02"), s, {});
  EXPECT_EQ(codes(r), (std::vector<DeclineCode>{DeclineCode::NotServing, DeclineCode::NeedsAsimilasi,
                                                DeclineCode::RecentDiscipline, DeclineCode::WorkshopOver}));
}

TEST(Enrolment, CapacityThenWaitingListAndEveryDecisionAudited) {
  Programmes p = test::small_model();
  const Date on = day("2026-01-02");
  EXPECT_EQ(p.request_enrolment("WBP-1", "W-IN", on, serving()).outcome, EnrolmentOutcome::Enrolled);
  EXPECT_EQ(p.request_enrolment("WBP-2", "W-IN", on, serving()).outcome, EnrolmentOutcome::Enrolled);
  const EnrolmentDecision full = p.request_enrolment("WBP-3", "W-IN", on, serving());
  EXPECT_EQ(full.outcome, EnrolmentOutcome::Waitlisted);
  ASSERT_EQ(codes(full.reasons), std::vector<DeclineCode>{DeclineCode::WorkshopFull});
  EXPECT_EQ(full.reasons[0].message, "Bimker Konveksi is full (2 places); on the waiting list");
  const EnrolmentDecision again = p.request_enrolment("WBP-1", "W-IN", on, serving());
  EXPECT_EQ(again.outcome, EnrolmentOutcome::Declined);
  EXPECT_EQ(codes(again.reasons), std::vector<DeclineCode>{DeclineCode::AlreadyEnrolled});
  EXPECT_EQ(codes(p.request_enrolment("WBP-3", "W-IN", on, serving()).reasons),
            std::vector<DeclineCode>{DeclineCode::AlreadyWaiting});
  const EnrolmentDecision late = p.request_enrolment("WBP-9", "W-IN", day("2026-04-01"), serving());
  EXPECT_EQ(codes(late.reasons), std::vector<DeclineCode>{DeclineCode::WorkshopOver});

  EXPECT_EQ(p.enrolments().size(), 2u);
  ASSERT_EQ(p.waiting_list().size(), 1u);
  EXPECT_EQ(p.waiting_list()[0].inmate_id, "WBP-3");
  ASSERT_EQ(p.decisions().size(), 6u);  // every request, granted or not
  EXPECT_EQ(p.decisions()[4].outcome, EnrolmentOutcome::Declined);
  EXPECT_EQ(p.decisions()[4].inmate_id, "WBP-3");
}

TEST(Enrolment, UnknownWorkshopIsAnError) {
  Programmes p = test::small_model();
  try {
    p.request_enrolment("WBP-1", "W-NOPE", day("2026-01-02"), serving());
    FAIL();
  } catch (const UnknownReference& e) {
    EXPECT_EQ(e.field(), "enrolment.workshop_id");
    EXPECT_EQ(e.value(), "W-NOPE");
  }
  EXPECT_TRUE(p.decisions().empty());
}

TEST(WaitingList, RankingRule) {
  EnrolmentPolicy policy;  // near release: within 365 days
  const Date on = day("2026-03-01");
  std::vector<WaitingCandidate> c = {
      {"WBP-E", day("2026-01-10"), day("2030-01-01")},  // early request, far from release
      {"WBP-N2", day("2026-02-01"), day("2026-12-01")}, // near release, later request
      {"WBP-N1", day("2026-01-20"), day("2027-03-01")}, // near release (exactly 365 days), earlier request
      {"WBP-U", day("2026-01-05"), std::nullopt},       // release unknown: not near
      {"WBP-B", day("2026-01-10"), day("2029-01-01")},  // same day as WBP-E, earlier release
      {"WBP-A", day("2026-01-10"), day("2029-01-01")},  // same as WBP-B: lower id first
      {"WBP-F", day("2026-01-10"), day("2027-03-02")},  // 366 days: not near
  };
  std::vector<std::string> order;
  for (const auto& x : rank_waiting_list(c, on, policy)) order.push_back(x.inmate_id);
  EXPECT_EQ(order, (std::vector<std::string>{"WBP-N1", "WBP-N2", "WBP-U", "WBP-F", "WBP-A", "WBP-B", "WBP-E"}));
}

TEST(WaitingList, FillPlacesFollowsTheRuleAndRechecksEligibility) {
  Programmes p = test::small_model();
  const Date on = day("2026-01-02");
  p.request_enrolment("WBP-1", "W-IN", on, serving());
  p.request_enrolment("WBP-2", "W-IN", on, serving());
  p.request_enrolment("WBP-3", "W-IN", day("2026-01-03"), serving());  // first to ask, far from release
  p.request_enrolment("WBP-4", "W-IN", day("2026-01-04"), serving());  // later, released soon
  p.request_enrolment("WBP-5", "W-IN", day("2026-01-05"), serving());  // punished meanwhile
  ASSERT_EQ(p.waiting_list().size(), 3u);

  p.leave("WBP-1", "W-IN", day("2026-02-01"), LeaveReason::Released);
  p.leave("WBP-2", "W-IN", day("2026-02-01"), LeaveReason::Transferred);
  const std::map<std::string, InmateStatus> statuses = {
      {"WBP-3", serving(std::nullopt, {}, day("2029-06-01"))},
      {"WBP-4", serving(std::nullopt, {}, day("2026-09-01"))},
      {"WBP-5", serving(std::nullopt, {day("2026-01-20")}, day("2026-08-01"))},
  };
  const auto decisions = p.fill_places("W-IN", day("2026-02-02"), statuses);
  // Near release (by 2027-02-02) first, by request day: WBP-4 (01-04), WBP-5 (01-05); then WBP-3.
  ASSERT_EQ(decisions.size(), 3u);
  EXPECT_EQ(decisions[0].inmate_id, "WBP-4");
  EXPECT_EQ(decisions[0].outcome, EnrolmentOutcome::Enrolled);
  EXPECT_EQ(decisions[1].inmate_id, "WBP-5");
  EXPECT_EQ(decisions[1].outcome, EnrolmentOutcome::Declined);
  EXPECT_EQ(codes(decisions[1].reasons), std::vector<DeclineCode>{DeclineCode::RecentDiscipline});
  EXPECT_EQ(decisions[2].inmate_id, "WBP-3");
  EXPECT_EQ(decisions[2].outcome, EnrolmentOutcome::Enrolled);
  EXPECT_TRUE(p.waiting_list().empty());
  // The enrolment keeps the request day and starts on the allocation day.
  const Enrolment& e = p.enrolments().back();
  EXPECT_EQ(e.inmate_id, "WBP-3");
  EXPECT_EQ(e.requested_on, day("2026-01-03"));
  EXPECT_EQ(e.enrolled_on, day("2026-02-02"));
}

TEST(WaitingList, FillPlacesNeedsEveryWaitingStatus) {
  Programmes p = test::small_model();
  const Date on = day("2026-01-02");
  for (const char* id : {"WBP-1", "WBP-2", "WBP-3"}) p.request_enrolment(id, "W-IN", on, serving());
  p.leave("WBP-1", "W-IN", day("2026-01-10"), LeaveReason::Withdrawn);
  EXPECT_THROW(p.fill_places("W-IN", day("2026-01-10"), {}), ValueError);
  EXPECT_EQ(p.waiting_list().size(), 1u);  // unchanged
  // No place free before the leaving day.
  EXPECT_TRUE(p.fill_places("W-IN", day("2026-01-09"), {{"WBP-3", serving()}}).empty());
  EXPECT_EQ(p.fill_places("W-IN", day("2026-01-10"), {{"WBP-3", serving()}}).size(), 1u);
}

TEST(Enrolment, LeaveIsExclusiveAndChecked) {
  Programmes p = test::small_model();
  p.request_enrolment("WBP-1", "W-IN", day("2026-01-02"), serving());
  EXPECT_THROW(p.leave("WBP-2", "W-IN", day("2026-01-20"), LeaveReason::Withdrawn), ValueError);
  EXPECT_THROW(p.leave("WBP-1", "W-IN", day("2026-01-01"), LeaveReason::Withdrawn), ValueError);
  p.record_attendance("W-IN", day("2026-01-12"), "WBP-1", AttendanceStatus::Attended);
  EXPECT_THROW(p.leave("WBP-1", "W-IN", day("2026-01-12"), LeaveReason::Withdrawn), ValueError);
  p.leave("WBP-1", "W-IN", day("2026-01-13"), LeaveReason::Withdrawn);
  EXPECT_TRUE(enrolled_on(p.enrolments()[0], day("2026-01-12")));
  EXPECT_FALSE(enrolled_on(p.enrolments()[0], day("2026-01-13")));
  EXPECT_THROW(p.record_attendance("W-IN", day("2026-01-19"), "WBP-1", AttendanceStatus::Attended), ValueError);
  // A new request after leaving is a new enrolment.
  EXPECT_EQ(p.request_enrolment("WBP-1", "W-IN", day("2026-02-01"), serving()).outcome, EnrolmentOutcome::Enrolled);
}

TEST(Enrolment, RestoreChecksIntegrityWithoutDecidingAgain) {
  Programmes p = test::small_model();
  p.restore_enrolment({"WBP-1", "W-IN", day("2026-01-02"), day("2026-01-02"), std::nullopt, std::nullopt});
  EXPECT_THROW(p.restore_enrolment({"WBP-1", "W-IN", day("2026-01-02"), day("2026-01-02"), std::nullopt, std::nullopt}),
               ValueError);
  EXPECT_THROW(p.restore_enrolment({"WBP-2", "W-X", day("2026-01-02"), day("2026-01-02"), std::nullopt, std::nullopt}),
               UnknownReference);
  EXPECT_THROW(p.restore_enrolment({"WBP-2", "W-IN", day("2026-01-02"), day("2026-01-02"), day("2026-01-01"),
                                    LeaveReason::Completed}),
               ValueError);
  p.restore_waiting({"WBP-3", "W-IN", day("2026-01-02")});
  EXPECT_THROW(p.restore_waiting({"WBP-3", "W-IN", day("2026-01-03")}), ValueError);
  p.restore_decision({"WBP-3", "W-IN", day("2026-01-02"), EnrolmentOutcome::Waitlisted, {}});
  EXPECT_EQ(p.decisions().size(), 1u);
}

TEST(Vocabulary, Spellings) {
  EXPECT_EQ(to_string(DeclineCode::NeedsAsimilasi), "needs_asimilasi");
  EXPECT_EQ(to_string(DeclineCode::Released), "released");
  EXPECT_EQ(to_string(EnrolmentOutcome::Waitlisted), "waitlisted");
  EXPECT_EQ(to_string(LeaveReason::Transferred), "transferred");
  EXPECT_EQ(to_string(ProgrammeKind::LegalAwareness), "legal_awareness");
  EXPECT_EQ(to_string(ProgrammeKind::Other), "other");
  EXPECT_EQ(parse_programme_kind("barbering"), ProgrammeKind::Barbering);
  EXPECT_THROW(parse_programme_kind("Garment", "programme.kind"), ValueError);
  EXPECT_EQ(area_of(ProgrammeKind::Counselling), ProgrammeArea::Kepribadian);
  EXPECT_EQ(area_of(ProgrammeKind::Garment), ProgrammeArea::Kemandirian);
  EXPECT_EQ(area_of(ProgrammeKind::Other), ProgrammeArea::Kemandirian);
  EXPECT_EQ(to_string(ProgrammeArea::Kemandirian), "kemandirian");
  EXPECT_EQ(to_string(Location::OutsideWalls), "outside_walls");
  EXPECT_EQ(parse_agreement_scope("buying"), AgreementScope::Buying);
  EXPECT_EQ(parse_attendance_status("sick"), AttendanceStatus::Sick);
  EXPECT_EQ(parse_sale_channel("exhibition"), SaleChannel::Exhibition);
  EXPECT_EQ(to_string(IssuerKind::CertificationBody), "certification_body");
  EXPECT_EQ(to_string(AssessmentResult::NotYetCompetent), "not_yet_competent");
  EXPECT_EQ(to_string(ContributionBasis::Pieces), "pieces");
  EXPECT_EQ(to_string(ConsignmentKind::Returned), "returned");
  EXPECT_EQ(to_string(LedgerEntryKind::HandOver), "hand_over");
  try {
    parse_sale_channel("toko", "sale.channel");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "sale.channel");
    EXPECT_NE(std::string(e.what()).find("gallery, partner, online, exhibition, order"), std::string::npos);
  }
}
