#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/programmes.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

using namespace binaan;
using binaan::test::day;
using binaan::test::serving;

namespace {

// MITRA-2 has a training-only agreement for January 2026 and a marketing-only one for March 2026.
Programmes model() {
  Programmes p = test::small_model();
  p.add_partner({"MITRA-2", "Koperasi Tenun", ""});
  p.add_agreement({"PKS-2A", "MITRA-2", "PKS/2A", day("2026-01-01"), day("2026-01-31"), {AgreementScope::Training}});
  p.add_agreement({"PKS-2B", "MITRA-2", "PKS/2B", day("2026-03-01"), day("2026-03-31"), {AgreementScope::Marketing}});
  p.request_enrolment("WBP-1", "W-IN", day("2026-01-02"), serving());
  p.add_batch({"B1", "PRD", "W-IN", day("2026-01-05"), 10, Rupiah(100000), ContributionBasis::Hours,
               {{"WBP-1", 5}}, std::nullopt});
  return p;
}

}  // namespace

TEST(Agreement, CoversItsDaysInclusiveAndItsScopes) {
  const Agreement a{"A", "P", "", day("2026-01-01"), day("2026-01-31"), {AgreementScope::Training}};
  EXPECT_TRUE(covers(a, day("2026-01-01"), AgreementScope::Training));
  EXPECT_TRUE(covers(a, day("2026-01-31"), AgreementScope::Training));
  EXPECT_FALSE(covers(a, day("2026-02-01"), AgreementScope::Training));
  EXPECT_FALSE(covers(a, day("2025-12-31"), AgreementScope::Training));
  EXPECT_FALSE(covers(a, day("2026-01-15"), AgreementScope::Marketing));
}

TEST(Agreement, AddingChecksPartnerDatesAndScopes) {
  Programmes p = test::small_model();
  EXPECT_THROW(p.add_agreement({"X", "NOPE", "", day("2026-01-01"), day("2026-02-01"), {AgreementScope::Buying}}),
               UnknownReference);
  EXPECT_THROW(p.add_agreement({"X", "MITRA", "", day("2026-02-01"), day("2026-01-01"), {AgreementScope::Buying}}),
               ValueError);
  EXPECT_THROW(p.add_agreement({"X", "MITRA", "", day("2026-01-01"), day("2026-02-01"), {}}), ValueError);
  EXPECT_THROW(p.add_agreement({"PKS-1", "MITRA", "", day("2026-01-01"), day("2026-02-01"), {AgreementScope::Buying}}),
               ValueError);
  EXPECT_THROW(p.add_partner({"MITRA", "again", ""}), ValueError);
}

TEST(Agreement, TrainingSessionsOutsideTheAgreementAreRefused) {
  Programmes p = model();
  // A partner workshop whose last session falls after the training agreement ends.
  Workshop w{"W-P", "P-GARMENT", "Tenun", 5, test::weekly(day("2026-01-05"), 5, 2), {"Bu Ani"},
             Location::InsideWalls, std::string("MITRA-2")};
  try {
    p.add_workshop(w);
    FAIL();
  } catch (const AgreementError& e) {
    EXPECT_EQ(e.field(), "workshop.sessions[4].date");
    EXPECT_EQ(e.value(), "MITRA-2 on 2026-02-02");
    EXPECT_NE(std::string(e.what()).find("no agreement of partner MITRA-2 covers training on 2026-02-02 "
                                         "(agreements: PKS-2A 2026-01-01..2026-01-31 [training]; "
                                         "PKS-2B 2026-03-01..2026-03-31 [marketing])"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(p.workshop("W-P"), UnknownReference);  // nothing was added
  w.sessions.pop_back();
  p.add_workshop(w);
  EXPECT_THROW(p.add_session("W-P", {day("2026-02-09"), 2}), AgreementError);
  p.add_session("W-P", {day("2026-01-31"), 2});
  EXPECT_EQ(p.workshop("W-P").sessions.size(), 5u);
}

TEST(Agreement, ConsignmentNeedsMarketingOnTheDay) {
  Programmes p = model();
  EXPECT_THROW(p.consign({"C1", day("2026-01-10"), "MITRA-2", "PRD", 2, ConsignmentKind::Placed}), AgreementError);
  EXPECT_EQ(p.stock("PRD"), 10);
  p.consign({"C1", day("2026-03-01"), "MITRA-2", "PRD", 4, ConsignmentKind::Placed});
  EXPECT_EQ(p.stock("PRD"), 6);
  EXPECT_EQ(p.stock("PRD", std::string("MITRA-2")), 4);
  // After it ends: no partner sale, no new placing, but returns wind it down.
  EXPECT_THROW(p.record_sale({"S1", day("2026-04-01"), "PRD", 1, Rupiah(50000), SaleChannel::Partner,
                              std::string("MITRA-2"), "toko"}),
               AgreementError);
  EXPECT_THROW(p.consign({"C2", day("2026-04-01"), "MITRA-2", "PRD", 1, ConsignmentKind::Placed}), AgreementError);
  p.consign({"C3", day("2026-04-02"), "MITRA-2", "PRD", 4, ConsignmentKind::Returned});
  EXPECT_EQ(p.stock("PRD"), 10);
  EXPECT_EQ(p.stock("PRD", std::string("MITRA-2")), 0);
}

TEST(Agreement, PartnerSaleAndPurchaseNeedTheirScopes) {
  Programmes p = model();
  p.consign({"C1", day("2026-03-02"), "MITRA-2", "PRD", 3, ConsignmentKind::Placed});
  p.record_sale({"S1", day("2026-03-05"), "PRD", 2, Rupiah(50000), SaleChannel::Partner, std::string("MITRA-2"),
                 "toko"});
  // MITRA-2 has no Buying scope; MITRA has.
  EXPECT_THROW(p.record_sale({"S2", day("2026-03-06"), "PRD", 1, Rupiah(50000), SaleChannel::Order,
                              std::string("MITRA-2"), ""}),
               AgreementError);
  p.record_sale({"S2", day("2026-03-06"), "PRD", 1, Rupiah(50000), SaleChannel::Order, std::string("MITRA"), ""});
  EXPECT_THROW(p.record_sale({"S3", day("2026-03-07"), "PRD", 1, Rupiah(50000), SaleChannel::Partner, std::nullopt,
                              ""}),
               ValueError);
  EXPECT_THROW(p.record_sale({"S3", day("2026-03-07"), "PRD", 1, Rupiah(50000), SaleChannel::Order,
                              std::string("NOPE"), ""}),
               UnknownReference);
}

TEST(Agreement, MaterialsAndPartnerCertificatesNeedTheirScopes) {
  Programmes p = model();
  EXPECT_THROW(p.add_batch({"B2", "PRD", "W-IN", day("2026-01-12"), 5, Rupiah(1000), ContributionBasis::Pieces,
                            {{"WBP-1", 5}}, std::string("MITRA-2")}),
               AgreementError);
  p.add_batch({"B2", "PRD", "W-IN", day("2026-01-12"), 5, Rupiah(1000), ContributionBasis::Pieces, {{"WBP-1", 5}},
               std::string("MITRA")});
  p.record_assessment({"WBP-1", "W-IN", day("2026-01-26"), AssessmentResult::Competent, 80, "Ibu Sari"});
  EXPECT_THROW(p.issue_certificate({"CERT-1", "WBP-1", "W-IN", day("2026-02-10"), IssuerKind::Partner, "MITRA-2",
                                    "Menjahit dasar"}),
               AgreementError);
  p.issue_certificate({"CERT-1", "WBP-1", "W-IN", day("2026-01-30"), IssuerKind::Partner, "MITRA-2",
                       "Menjahit dasar"});
  EXPECT_EQ(p.certificates().size(), 1u);
}
