#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/head_report.hpp>
#include <binaan/programmes/inmate_report.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/programme_report.hpp>
#include <binaan/programmes/programmes.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace binaan;
using binaan::test::day;
using binaan::test::serving;

namespace {

Programmes model() {
  Programmes p = test::small_model();
  p.add_product({"PRD-Q", "Tas \"anyaman\", besar"});
  p.add_workshop({"W-IDLE", "P-GARMENT", "Idle", 2, test::weekly(day("2026-06-01"), 2, 2), {}, Location::InsideWalls,
                  std::nullopt});
  p.request_enrolment("WBP-1", "W-IN", day("2026-01-02"), serving());
  p.add_batch({"B1", "PRD-Q", "W-IN", day("2026-01-05"), 4, Rupiah(40000), ContributionBasis::Pieces, {{"WBP-1", 4}},
               std::nullopt});
  p.consign({"C1", day("2026-01-06"), "MITRA", "PRD-Q", 2, ConsignmentKind::Placed});
  p.record_sale({"S1", day("2026-01-07"), "PRD-Q", 1, Rupiah(30000), SaleChannel::Partner, std::string("MITRA"), ""});
  return p;
}

}  // namespace

TEST(Reports, PeriodIsChecked) {
  const Programmes p = model();
  EXPECT_THROW(programme_report(p, day("2026-02-01"), day("2026-01-01")), ValueError);
  EXPECT_THROW(partner_reports(p, day("2026-02-01"), day("2026-01-01")), ValueError);
  EXPECT_THROW(head_report(p, day("2026-02-01"), day("2026-01-01")), ValueError);
  EXPECT_THROW(inmate_report(p, "WBP-1", day("2026-02-01"), day("2026-01-01")), ValueError);
  EXPECT_THROW(partner_report(p, "NOPE", day("2026-01-01"), day("2026-02-01")), UnknownReference);
  EXPECT_THROW(partner_reports(Programmes(), day("2026-02-01"), day("2026-01-01")), ValueError);
}

TEST(Reports, IdleWorkshopsAreLeftOutAndPeriodsBoundFigures) {
  const Programmes p = model();
  const ProgrammeReport jan = programme_report(p, day("2026-01-01"), day("2026-01-31"));
  ASSERT_EQ(jan.workshops.size(), 1u);
  EXPECT_EQ(jan.workshops[0].id, "W-IN");
  EXPECT_EQ(jan.workshops[0].sessions, 4);  // 01-05, 12, 19, 26
  EXPECT_EQ(jan.workshops[0].units, 4);
  EXPECT_EQ(jan.workshops[0].sales, Rupiah(30000));
  const ProgrammeReport feb = programme_report(p, day("2026-02-01"), day("2026-02-28"));
  EXPECT_EQ(feb.workshops[0].units, 0);
  EXPECT_EQ(feb.workshops[0].sales, Rupiah(0));
  EXPECT_EQ(feb.inmates.size(), 1u);  // still enrolled
  EXPECT_EQ(feb.inmates[0].premi, Rupiah(0));
}

TEST(Reports, CsvQuotesPerRfc4180) {
  const std::string csv = to_csv(partner_reports(model(), day("2026-01-01"), day("2026-01-31")));
  EXPECT_EQ(csv.substr(0, csv.find('\n') + 1), "partner,section,id,field,value\r\n");
  EXPECT_NE(csv.find("MITRA,product,PRD-Q,name,\"Tas \"\"anyaman\"\", besar\"\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("MITRA,partner,MITRA,units_sold,1\r\n"), std::string::npos);
  EXPECT_NE(csv.find("MITRA,agreement,PKS-1,scopes,training marketing materials buying\r\n"), std::string::npos);
}

TEST(Reports, JsonOfOnePartner) {
  const PartnerReport r = partner_report(model(), "MITRA", day("2026-01-01"), day("2026-01-31"));
  const nlohmann::json j = nlohmann::json::parse(to_json(r));
  EXPECT_EQ(j["partner_id"], "MITRA");
  EXPECT_EQ(j["units_placed"], 2);
  EXPECT_EQ(j["revenue"], 30000);
  EXPECT_EQ(j["products"][0]["name"], "Tas \"anyaman\", besar");
  EXPECT_EQ(j["agreements"][0]["scopes"][3], "buying");
  EXPECT_EQ(j["trainees"], 0);  // W-IN has no partner
}

TEST(Reports, TextRenderings) {
  const Programmes p = model();
  const std::string partners = to_text(partner_reports(p, day("2026-01-01"), day("2026-01-31")));
  EXPECT_NE(partners.find("Mitra UKM (MITRA), 2026-01-01 .. 2026-01-31"), std::string::npos) << partners;
  EXPECT_NE(partners.find("Rp 30.000"), std::string::npos);
  const std::string head = to_text(head_report(p, day("2026-01-01"), day("2026-01-31")));
  EXPECT_NE(head.find("units produced"), std::string::npos);
  EXPECT_NE(head.find("gallery stock (units)"), std::string::npos);
  const std::string programme = to_text(programme_report(p, day("2026-01-01"), day("2026-01-31")));
  EXPECT_NE(programme.find("Bimker Konveksi"), std::string::npos);
  EXPECT_NE(programme.find("WBP-1"), std::string::npos);  // internal: names the inmate
}
