#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/programmes.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

using namespace binaan;
using binaan::test::day;

TEST(Workshop, ValidationNamesTheField) {
  Workshop w{"W", "P", "Bengkel", 3, {{day("2026-01-05"), 2}, {day("2026-01-12"), 2}}, {"Pak Joko"},
             Location::InsideWalls, std::nullopt};
  EXPECT_NO_THROW(validate_workshop(w));
  auto field_of = [](const Workshop& bad) -> std::string {
    try {
      validate_workshop(bad);
    } catch (const ValueError& e) {
      return e.field() + "=" + e.value();
    }
    return "valid";
  };
  Workshop bad = w;
  bad.capacity = 0;
  EXPECT_EQ(field_of(bad), "workshop.capacity=0");
  bad = w;
  bad.sessions[1].date = day("2026-01-05");
  EXPECT_EQ(field_of(bad), "workshop.sessions[1].date=2026-01-05");
  bad = w;
  bad.sessions[0].hours = 25;
  EXPECT_EQ(field_of(bad), "workshop.sessions[0].hours=25");
  bad = w;
  bad.instructors.push_back("");
  EXPECT_EQ(field_of(bad), "workshop.instructors[1]=");
  bad = w;
  bad.name.clear();
  EXPECT_EQ(field_of(bad), "workshop.name=");
  bad = w;
  bad.sessions[0].date = Date();
  EXPECT_EQ(field_of(bad), "workshop.sessions[0].date=not-a-date");
}

TEST(Workshop, FindSession) {
  const Programmes p = test::small_model();
  const Workshop& w = p.workshop("W-IN");
  ASSERT_NE(find_session(w, day("2026-03-30")), nullptr);
  EXPECT_EQ(find_session(w, day("2026-03-30"))->hours, 2);
  EXPECT_EQ(find_session(w, day("2026-03-31")), nullptr);
  EXPECT_EQ(find_session(w, day("2026-01-04")), nullptr);
}

TEST(Programmes, CatalogueIdsAreUniqueAndReferencesKnown) {
  Programmes p = test::small_model();
  EXPECT_THROW(p.add_programme({"P-GARMENT", ProgrammeKind::Crafts, "x"}), ValueError);
  EXPECT_THROW(p.add_programme({"", ProgrammeKind::Crafts, "x"}), ValueError);
  EXPECT_THROW(p.add_product({"PRD", "again"}), ValueError);
  EXPECT_THROW(p.add_workshop({"W-IN", "P-GARMENT", "x", 1, {}, {}, Location::InsideWalls, std::nullopt}), ValueError);
  try {
    p.add_workshop({"W-2", "P-NOPE", "x", 1, {}, {}, Location::InsideWalls, std::nullopt});
    FAIL();
  } catch (const UnknownReference& e) {
    EXPECT_EQ(e.field(), "workshop.programme_id");
    EXPECT_EQ(e.value(), "P-NOPE");
    EXPECT_STREQ(e.what(), "workshop.programme_id: names nothing known (value: \"P-NOPE\")");
  }
  EXPECT_THROW(p.add_workshop({"W-2", "P-GARMENT", "x", 1, {}, {}, Location::InsideWalls, std::string("NOPE")}),
               UnknownReference);
  EXPECT_THROW(p.programme("X"), UnknownReference);
  EXPECT_THROW(p.partner("X"), UnknownReference);
  EXPECT_THROW(p.product("X"), UnknownReference);
  EXPECT_THROW(p.batch("X"), UnknownReference);
  EXPECT_THROW(p.stock("X"), UnknownReference);
  EXPECT_EQ(p.programme("P-GARMENT").kind, ProgrammeKind::Garment);
  EXPECT_EQ(p.partner("MITRA").name, "Mitra UKM");
  EXPECT_EQ(p.product("PRD").name, "Kemeja");
  EXPECT_EQ(p.programmes().size(), 1u);
  EXPECT_EQ(p.products().size(), 1u);
  EXPECT_EQ(p.agreements().size(), 1u);
}

TEST(Programmes, SessionsAreAddedInOrder) {
  Programmes p = test::small_model();
  EXPECT_THROW(p.add_session("W-IN", {day("2026-03-30"), 2}), ValueError);  // same day as the last
  EXPECT_THROW(p.add_session("W-IN", {day("2026-04-06"), 0}), ValueError);
  EXPECT_THROW(p.add_session("W-X", {day("2026-04-06"), 2}), UnknownReference);
  p.add_session("W-IN", {day("2026-04-06"), 4});
  EXPECT_EQ(p.workshop("W-IN").sessions.back().hours, 4);
}

TEST(Programmes, PoliciesAreValidated) {
  EXPECT_THROW(Programmes(ProfitSplitSchedule::defaults(), EnrolmentPolicy{-1, 365}), ValueError);
  EXPECT_THROW(Programmes(ProfitSplitSchedule::defaults(), EnrolmentPolicy{180, -1}), ValueError);
  EXPECT_THROW(Programmes(ProfitSplitSchedule::defaults(), EnrolmentPolicy{}, SavingsPolicy{101}), ValueError);
  const Programmes p(ProfitSplitSchedule::defaults(), EnrolmentPolicy{90, 180}, SavingsPolicy{20});
  EXPECT_EQ(p.enrolment_policy().discipline_window_days, 90);
  EXPECT_EQ(p.savings_policy().spend_percent, 20);
  EXPECT_EQ(p.profit_split().policies().size(), 1u);
}

TEST(Enrolment, EnrolledOnAndDuring) {
  const Enrolment e{"WBP-1", "W", day("2026-01-01"), day("2026-01-10"), day("2026-02-01"), LeaveReason::Completed};
  EXPECT_FALSE(enrolled_on(e, day("2026-01-09")));
  EXPECT_TRUE(enrolled_on(e, day("2026-01-10")));
  EXPECT_TRUE(enrolled_on(e, day("2026-01-31")));
  EXPECT_FALSE(enrolled_on(e, day("2026-02-01")));
  EXPECT_TRUE(enrolled_during(e, day("2026-01-31"), day("2026-03-01")));
  EXPECT_FALSE(enrolled_during(e, day("2026-02-01"), day("2026-03-01")));
  EXPECT_FALSE(enrolled_during(e, day("2025-12-01"), day("2026-01-09")));
  const Enrolment open{"WBP-1", "W", day("2026-01-01"), day("2026-01-10"), std::nullopt, std::nullopt};
  EXPECT_TRUE(enrolled_on(open, day("2030-01-01")));
}

TEST(Programmes, StockMovementsKeepTheirRecordedOrder) {
  Programmes p = test::small_model();
  p.request_enrolment("WBP-1", "W-IN", day("2026-01-02"), test::serving());
  p.add_batch({"B1", "PRD", "W-IN", day("2026-01-05"), 4, Rupiah(400), ContributionBasis::Pieces, {{"WBP-1", 4}},
               std::nullopt});
  p.record_sale({"S1", day("2026-01-05"), "PRD", 1, Rupiah(300), SaleChannel::Gallery, std::nullopt, ""});
  p.consign({"C1", day("2026-01-05"), "MITRA", "PRD", 2, ConsignmentKind::Placed});
  p.add_batch({"B2", "PRD", "W-IN", day("2026-01-06"), 1, Rupiah(100), ContributionBasis::Pieces, {{"WBP-1", 1}},
               std::nullopt});
  const auto& m = p.stock_movements();
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].kind, StockMovement::Kind::Batch);
  EXPECT_EQ(m[1].kind, StockMovement::Kind::Sale);
  EXPECT_EQ(m[2].kind, StockMovement::Kind::Consignment);
  EXPECT_EQ(m[3].kind, StockMovement::Kind::Batch);
  EXPECT_EQ(m[3].index, 1u);
  // A refused movement leaves no trace in the journal.
  EXPECT_THROW(p.record_sale({"S2", day("2026-01-06"), "PRD", 9, Rupiah(1), SaleChannel::Gallery, std::nullopt, ""}),
               ValueError);
  EXPECT_EQ(p.stock_movements().size(), 4u);
}
