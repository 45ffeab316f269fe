// The Facility aggregate: people by id, referential integrity between people and programmes on every change, the
// strong exception guarantee.

#include <binaan/facility/facility.hpp>
#include <binaan/programmes/errors.hpp>

#include "facility_fixture.hpp"

#include <gtest/gtest.h>

using namespace binaan;
using binaan::test::day;
using binaan::test::dump;
using binaan::test::serving;

namespace {

Case person_case(const std::string& id) {
  return Case(Person(id, Religion::Islam), DetentionHistory({{day("2024-01-10"), std::nullopt}}),
              Sentence::fixed(Term(3, 0, 0), Offence::General, day("2024-06-01")));
}

/// A facility of two people with a workshop, a partner, a product and WBP-A enrolled.
Facility small() {
  Facility f("LP-1", "Lapas Uji", FacilityKind::Lapas);
  f.add_person(person_case("WBP-A"));
  f.add_person(person_case("WBP-B"));
  f.add_programme({"P", ProgrammeKind::Crafts, "Kerajinan"});
  f.add_partner({"M", "Mitra", ""});
  f.add_agreement({"A", "M", "PKS", day("2026-01-01"), day("2026-12-31"),
                   {AgreementScope::Marketing, AgreementScope::Materials}});
  f.add_workshop({"W", "P", "Anyaman", 1, {{day("2026-01-05"), 2}, {day("2026-01-12"), 2}}, {"Pak Budi"},
                  Location::InsideWalls, std::nullopt});
  f.add_product({"PRD", "Tas"});
  f.request_enrolment("WBP-A", "W", day("2026-01-02"), serving());
  return f;
}

/// Expects `op` to throw an UnknownReference naming `field` and `id`, leaving `f` as it was.
template <class Op>
void expect_unknown(Facility& f, const std::string& field, const std::string& id, Op op) {
  const std::string before = dump(f);
  try {
    op();
    ADD_FAILURE() << "accepted " << id;
  } catch (const UnknownReference& e) {
    EXPECT_EQ(e.field(), field);
    EXPECT_EQ(e.value(), id);
  }
  EXPECT_EQ(dump(f), before) << "changed by a refused operation";
}

TEST(Facility, IdentityAndKind) {
  const Facility f("RTN-SMD", "Rutan Kelas IIA Samarinda", FacilityKind::Rutan);
  EXPECT_EQ(f.id(), "RTN-SMD");
  EXPECT_EQ(f.name(), "Rutan Kelas IIA Samarinda");
  EXPECT_EQ(f.kind(), FacilityKind::Rutan);
  EXPECT_EQ(f.size(), 0u);
  EXPECT_TRUE(f.programmes().workshops().empty());
  EXPECT_EQ(to_string(FacilityKind::Lapas), "lapas");
  EXPECT_EQ(to_string(FacilityKind::Rutan), "rutan");
  EXPECT_EQ(parse_facility_kind("rutan"), FacilityKind::Rutan);
  EXPECT_THROW(parse_facility_kind("Lapas"), ValueError);
  EXPECT_THROW(Facility("", "x", FacilityKind::Lapas), ValueError);
  EXPECT_THROW(Facility(std::string(1001, 'x'), "x", FacilityKind::Lapas), ValueError);
  EXPECT_THROW(Facility("x", std::string(1001, 'x'), FacilityKind::Lapas), ValueError);
  EXPECT_NO_THROW(Facility("x", "", FacilityKind::Lapas));
}

TEST(Facility, PeopleByIdInTheOrderAdded) {
  Facility f("LP-1", "", FacilityKind::Lapas);
  for (const char* id : {"WBP-3", "WBP-1", "WBP-2"}) f.add_person(person_case(id));
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f.people()[0].person().id(), "WBP-3");
  EXPECT_EQ(f.people()[2].person().id(), "WBP-2");
  EXPECT_TRUE(f.contains("WBP-1"));
  EXPECT_FALSE(f.contains("WBP-4"));
  ASSERT_NE(f.find("WBP-1"), nullptr);
  EXPECT_EQ(f.find("WBP-1")->person().id(), "WBP-1");
  EXPECT_EQ(f.find("WBP-4"), nullptr);
  EXPECT_EQ(&f.person("WBP-2"), &f.people()[2]);
  EXPECT_THROW(f.person("WBP-4"), UnknownReference);
}

TEST(Facility, DuplicatePersonIsRefusedWithTheId) {
  Facility f = small();
  const std::string before = dump(f);
  try {
    f.add_person(person_case("WBP-B"));
    FAIL() << "added a second WBP-B";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "person.id");
    EXPECT_EQ(e.value(), "WBP-B");
    EXPECT_NE(std::string(e.what()).find("already in the facility"), std::string::npos);
  }
  EXPECT_EQ(dump(f), before);
  try {
    Facility("LP", "", FacilityKind::Lapas, {person_case("X"), person_case("Y"), person_case("X")});
    FAIL() << "built with a duplicate";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "people[2].person.id");
    EXPECT_EQ(e.value(), "X");
  }
}

TEST(Facility, ReplaceAndRemovePeople) {
  Facility f = small();
  Case updated = person_case("WBP-B");
  updated.title = "after the grant of 17 August";
  f.replace_person(updated);
  EXPECT_EQ(f.person("WBP-B").title, "after the grant of 17 August");
  EXPECT_EQ(f.size(), 2u);
  expect_unknown(f, "person.id", "WBP-Z", [&] { f.replace_person(person_case("WBP-Z")); });

  f.remove_person("WBP-B");
  EXPECT_EQ(f.size(), 1u);
  EXPECT_FALSE(f.contains("WBP-B"));
  EXPECT_EQ(f.person("WBP-A").person().id(), "WBP-A");  // the index follows the shift
  expect_unknown(f, "person_id", "WBP-B", [&] { f.remove_person("WBP-B"); });

  // WBP-A is enrolled: the programmes still name the person.
  const std::string before = dump(f);
  try {
    f.remove_person("WBP-A");
    FAIL() << "removed an enrolled inmate";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.value(), "WBP-A");
    EXPECT_NE(std::string(e.what()).find("still named by the programmes at enrolments[0].inmate_id"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(dump(f), before);
}

TEST(Facility, EveryProgrammesOperationChecksTheInmate) {
  Facility f = small();
  const InmateStatus ok = serving();
  expect_unknown(f, "enrolment.inmate_id", "WBP-X", [&] { f.request_enrolment("WBP-X", "W", day("2026-01-02"), ok); });
  expect_unknown(f, "leave.inmate_id", "WBP-X",
                 [&] { f.leave("WBP-X", "W", day("2026-01-20"), LeaveReason::Withdrawn); });
  expect_unknown(f, "attendance.inmate_id", "WBP-X", [&] {
    f.record_attendance("W", day("2026-01-05"), "WBP-X", AttendanceStatus::Attended);
  });
  expect_unknown(f, "assessment.inmate_id", "WBP-X", [&] {
    f.record_assessment({"WBP-X", "W", day("2026-01-12"), AssessmentResult::Competent, std::nullopt, "Penilai"});
  });
  expect_unknown(f, "certificate.inmate_id", "WBP-X", [&] {
    f.issue_certificate({"C", "WBP-X", "W", day("2026-01-13"), IssuerKind::TrainingCentre, "BLK", "Anyaman"});
  });
  expect_unknown(f, "pemuka.inmate_id", "WBP-X",
                 [&] { f.record_pemuka({"WBP-X", "", {day("2026-01-01"), day("2026-02-01")}}); });
  expect_unknown(f, "batch.contributors[1].inmate_id", "WBP-X", [&] {
    f.add_batch({"B", "PRD", "W", day("2026-01-05"), 5, Rupiah(1000), ContributionBasis::Pieces,
                 {{"WBP-A", 5}, {"WBP-X", 1}}, std::nullopt});
  });
  expect_unknown(f, "spend.inmate_id", "WBP-X", [&] { f.spend("WBP-X", day("2026-02-01"), Rupiah(5), "kantin"); });
  expect_unknown(f, "hand_over.inmate_id", "WBP-X", [&] { f.hand_over("WBP-X", day("2026-02-01")); });
  expect_unknown(f, "enrolment.inmate_id", "WBP-X", [&] {
    f.restore_enrolment({"WBP-X", "W", day("2026-01-02"), day("2026-01-02"), std::nullopt, std::nullopt});
  });
  expect_unknown(f, "waiting.inmate_id", "WBP-X", [&] { f.restore_waiting({"WBP-X", "W", day("2026-01-02")}); });
  expect_unknown(f, "decision.inmate_id", "WBP-X", [&] {
    f.restore_decision({"WBP-X", "W", day("2026-01-02"), EnrolmentOutcome::Declined, {}});
  });
}

TEST(Facility, ProgrammesOperationsPassThrough) {
  Facility f = small();
  EXPECT_EQ(f.request_enrolment("WBP-B", "W", day("2026-01-02"), serving()).outcome, EnrolmentOutcome::Waitlisted);
  f.record_attendance("W", day("2026-01-05"), "WBP-A", AttendanceStatus::Attended);
  f.add_batch({"B", "PRD", "W", day("2026-01-05"), 4, Rupiah(40000), ContributionBasis::Pieces, {{"WBP-A", 4}},
               std::string("M")});
  f.consign({"K", day("2026-01-06"), "M", "PRD", 1, ConsignmentKind::Placed});
  const SaleRecord& s = f.record_sale({"S", day("2026-01-07"), "PRD", 2, Rupiah(30000), SaleChannel::Gallery,
                                       std::nullopt, "pengunjung"});
  EXPECT_EQ(s.amount, Rupiah(60000));
  ASSERT_NE(f.programmes().ledger("WBP-A"), nullptr);
  EXPECT_EQ(f.programmes().ledger("WBP-A")->credits(), Rupiah(20000));  // 50 % of 40,000 profit
  EXPECT_EQ(f.spend("WBP-A", day("2026-01-08"), Rupiah(5000), "kantin"), std::nullopt);
  ASSERT_TRUE(f.spend("WBP-A", day("2026-01-08"), Rupiah(1), "kantin"));  // 25 % of premi already spent
  f.leave("WBP-A", "W", day("2026-01-10"), LeaveReason::Released);
  EXPECT_EQ(f.hand_over("WBP-A", day("2026-01-10")), Rupiah(15000));
  const auto filled = f.fill_places("W", day("2026-01-11"), {{"WBP-B", serving()}});
  ASSERT_EQ(filled.size(), 1u);
  EXPECT_EQ(filled[0].outcome, EnrolmentOutcome::Enrolled);
  EXPECT_EQ(f.programmes().enrolments().size(), 2u);
}

TEST(Facility, RefusedProgrammesOperationsLeaveEverythingAsItWas) {
  Facility f = small();
  const std::string before = dump(f);
  EXPECT_THROW(f.record_attendance("W", day("2026-01-06"), "WBP-A", AttendanceStatus::Attended), ValueError);
  EXPECT_THROW(f.add_batch({"B", "PRD", "W", day("2026-01-05"), 5, Rupiah(1), ContributionBasis::Hours,
                            {{"WBP-B", 3}}, std::nullopt}),
               ValueError);  // WBP-B is a person but not enrolled
  EXPECT_THROW(f.record_sale({"S", day("2026-01-07"), "PRD", 1, Rupiah(1), SaleChannel::Gallery, std::nullopt, ""}),
               ValueError);  // nothing in stock
  EXPECT_THROW(f.add_workshop({"W", "P", "again", 1, {}, {}, Location::InsideWalls, std::nullopt}), ValueError);
  EXPECT_EQ(dump(f), before);
}

TEST(Facility, ProgrammesNamingUnknownInmatesAreRefusedWhole) {
  const Facility f = small();
  Programmes p = f.programmes();
  p.record_pemuka({"WBP-GHOST", "", {day("2026-01-01"), day("2026-01-31")}});
  try {
    Facility("LP-1", "", FacilityKind::Lapas, f.people(), p);
    FAIL() << "accepted programmes naming WBP-GHOST";
  } catch (const UnknownReference& e) {
    EXPECT_EQ(e.field(), "programmes.pemuka[0].inmate_id");
    EXPECT_EQ(e.value(), "WBP-GHOST");
  }
  Facility g = f;
  const std::string before = dump(g);
  EXPECT_THROW(g.replace_programmes(p), UnknownReference);
  EXPECT_EQ(dump(g), before);
  Programmes q = f.programmes();
  q.add_product({"PRD-2", "Dompet"});
  g.replace_programmes(q);
  EXPECT_EQ(g.programmes().products().size(), 2u);
}

TEST(Facility, InmateReferencesListEveryUse) {
  const Facility f = test::fixed_facility();
  const std::vector<InmateReference> refs = inmate_references(f.programmes());
  auto has = [&](const std::string& where, const std::string& id) {
    return std::any_of(refs.begin(), refs.end(),
                       [&](const InmateReference& r) { return r.where == where && r.inmate_id == id; });
  };
  EXPECT_TRUE(has("waiting_list[0].inmate_id", "WBP-0003"));
  EXPECT_TRUE(has("decisions[2].inmate_id", "WBP-0003"));
  EXPECT_TRUE(has("attendance[1].inmate_id", "WBP-0002"));
  EXPECT_TRUE(has("assessments[0].inmate_id", "WBP-0001"));
  EXPECT_TRUE(has("certificates[0].inmate_id", "WBP-0001"));
  EXPECT_TRUE(has("pemuka[0].inmate_id", "WBP-0002"));
  EXPECT_TRUE(has("batches[0].contributors[1].inmate_id", "WBP-0002"));
  EXPECT_TRUE(has("sales[1].lines[0].premi[0].id", "WBP-0001"));
  EXPECT_TRUE(has("ledgers[WBP-0002]", "WBP-0002"));
  for (const InmateReference& r : refs) EXPECT_TRUE(f.contains(r.inmate_id)) << r.where;
  EXPECT_TRUE(inmate_references(Programmes()).empty());
}

}  // namespace
