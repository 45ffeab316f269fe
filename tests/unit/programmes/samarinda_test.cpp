// Integration: a quarter of pembinaan kemandirian at a facility in the style of the seed story — "Lapas Narkotika
// Kelas IIA Samarinda" runs a garment SAE with the East Kalimantan provincial Dewan UKM as partner, a pesantren,
// and a product gallery, 2026-01-01 .. 2026-03-31. Every report figure is checked against the hand computation
// written beside it. The people are fictional.

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

const Date kFrom = day("2026-01-01");
const Date kTo = day("2026-03-31");
const char* const kInmates[] = {"WBP-SMD-0001", "WBP-SMD-0002", "WBP-SMD-0003", "WBP-SMD-0004",
                                "WBP-SMD-0005", "WBP-SMD-0006", "WBP-SMD-0007"};
// Names the facility keeps for these ids; none may reach a partner.
const char* const kNames[] = {"Andi Saputra", "Budi Santoso", "Cahyo Pratama", "Dedi Kurniawan",
                              "Eko Prasetyo", "Fajar Hidayat", "Gilang Ramadhan"};

struct Samarinda {
  Programmes p;
  std::optional<Decline> refused_spending;
  std::optional<Decline> released_spending;
  Rupiah handed_over_0005;
  std::vector<EnrolmentDecision> fill;
};

Samarinda build() {
  Samarinda f;
  Programmes& p = f.p;
  p.add_programme({"P-GARMENT", ProgrammeKind::Garment, "Pelatihan konveksi"});
  p.add_programme({"P-PESANTREN", ProgrammeKind::Religion, "Pesantren"});
  p.add_partner({"DUKM-KALTIM", "Dewan UKM Provinsi Kalimantan Timur", "sekretariat@dukm-kaltim.example"});
  p.add_agreement({"PKS-DUKM-2025-07", "DUKM-KALTIM", "PKS/DUKM-KT/2025/07", day("2025-10-01"), day("2026-03-31"),
                   {AgreementScope::Training, AgreementScope::Marketing, AgreementScope::Buying}});
  // SAE Konveksi: outside the walls, 4 places, Mondays 2026-01-05 .. 2026-03-30 (13 sessions of 3 h).
  p.add_workshop({"WS-SAE", "P-GARMENT", "SAE Konveksi", 4, test::weekly(day("2026-01-05"), 13, 3),
                  {"Ibu Rahmawati (Dewan UKM)"}, Location::OutsideWalls, std::string("DUKM-KALTIM")});
  // Pesantren At-Taubah: inside, Fridays 2026-01-09 .. 2026-03-27 (12 sessions of 2 h).
  p.add_workshop({"WS-PESANTREN", "P-PESANTREN", "Pesantren At-Taubah", 30, test::weekly(day("2026-01-09"), 12, 2),
                  {"Ustadz Hasan"}, Location::InsideWalls, std::nullopt});
  p.add_product({"PRD-SHIRT", "Kemeja batik motif Dayak"});
  p.add_product({"PRD-BAG", "Tas anyaman"});

  // Requests of 2026-01-02, with what the rules engine says about each inmate that day.
  const Date jan2 = day("2026-01-02");
  p.request_enrolment("WBP-SMD-0001", "WS-SAE", jan2, serving(day("2025-12-01")));
  p.request_enrolment("WBP-SMD-0002", "WS-SAE", jan2, serving(day("2025-11-15")));
  p.request_enrolment("WBP-SMD-0003", "WS-SAE", jan2, serving(day("2025-10-01")));
  p.request_enrolment("WBP-SMD-0004", "WS-SAE", jan2, serving(day("2026-04-20")));  // declined: needs asimilasi
  p.request_enrolment("WBP-SMD-0005", "WS-SAE", jan2, serving(day("2025-12-20")));
  p.request_enrolment("WBP-SMD-0006", "WS-SAE", jan2, serving(day("2025-09-01")));  // full: waiting list
  p.request_enrolment("WBP-SMD-0007", "WS-SAE", jan2,
                      serving(day("2025-08-01"), {day("2025-11-10")}));  // declined: register F
  p.request_enrolment("WBP-SMD-0004", "WS-PESANTREN", jan2, serving());
  p.request_enrolment("WBP-SMD-0001", "WS-PESANTREN", jan2, serving());
  p.request_enrolment("WBP-SMD-0007", "WS-PESANTREN", jan2, serving(std::nullopt, {day("2025-11-10")}));

  const auto sae = p.workshop("WS-SAE").sessions;
  const auto pes = p.workshop("WS-PESANTREN").sessions;
  auto attend = [&](const char* ws, Date d, const char* who, AttendanceStatus st = AttendanceStatus::Attended,
                    std::optional<int> h = std::nullopt) { p.record_attendance(ws, d, who, st, h); };

  // Production and sales happen in date order, interleaved with the leaving and the allocation.
  // B-01: 40 shirts, Rp 2,000,000 of material (Rp 50,000 a shirt), hours 0001: 30, 0002: 20, 0005: 10.
  p.add_batch({"B-01", "PRD-SHIRT", "WS-SAE", day("2026-01-20"), 40, Rupiah(2000000), ContributionBasis::Hours,
               {{"WBP-SMD-0001", 30}, {"WBP-SMD-0002", 20}, {"WBP-SMD-0005", 10}}, std::nullopt});
  p.record_sale({"S-01", day("2026-01-25"), "PRD-SHIRT", 10, Rupiah(150000), SaleChannel::Gallery, std::nullopt,
                 "pengunjung galeri"});
  // WBP-SMD-0005 is released on 2026-02-01: leaves the SAE, savings handed over.
  p.leave("WBP-SMD-0005", "WS-SAE", day("2026-02-01"), LeaveReason::Released);
  f.handed_over_0005 = p.hand_over("WBP-SMD-0005", day("2026-02-01"));
  f.fill = p.fill_places("WS-SAE", day("2026-02-02"),
                         {{"WBP-SMD-0006", serving(day("2025-09-01"), {}, day("2026-11-30"))}});
  p.consign({"C-01", day("2026-02-05"), "DUKM-KALTIM", "PRD-SHIRT", 15, ConsignmentKind::Placed});
  // B-02: 30 shirts, Rp 1,650,001 (Rp 55,000 a shirt, the first sold one rupiah more), hours 0001: 25,
  // 0003: 15, 0006: 20.
  p.add_batch({"B-02", "PRD-SHIRT", "WS-SAE", day("2026-02-20"), 30, Rupiah(1650001), ContributionBasis::Hours,
               {{"WBP-SMD-0001", 25}, {"WBP-SMD-0003", 15}, {"WBP-SMD-0006", 20}}, std::nullopt});
  p.record_sale({"S-02", day("2026-02-25"), "PRD-SHIRT", 12, Rupiah(165000), SaleChannel::Partner,
                 std::string("DUKM-KALTIM"), "toko mitra"});
  // B-03: 20 bags, Rp 500,000 (Rp 25,000 a bag), pieces 0002: 12, 0006: 8.
  p.add_batch({"B-03", "PRD-BAG", "WS-SAE", day("2026-03-05"), 20, Rupiah(500000), ContributionBasis::Pieces,
               {{"WBP-SMD-0002", 12}, {"WBP-SMD-0006", 8}}, std::nullopt});
  p.record_sale({"S-03", day("2026-03-10"), "PRD-SHIRT", 20, Rupiah(150000), SaleChannel::Gallery, std::nullopt,
                 "pengunjung galeri"});
  p.record_sale({"S-04", day("2026-03-15"), "PRD-BAG", 10, Rupiah(60000), SaleChannel::Order,
                 std::string("DUKM-KALTIM"), "Dewan UKM"});
  p.record_sale({"S-05", day("2026-03-20"), "PRD-BAG", 5, Rupiah(20000), SaleChannel::Exhibition, std::nullopt,
                 "bazar UMKM"});
  p.consign({"C-02", day("2026-03-25"), "DUKM-KALTIM", "PRD-SHIRT", 3, ConsignmentKind::Returned});
  f.released_spending = p.spend("WBP-SMD-0005", day("2026-03-26"), Rupiah(1000), "kantin");
  EXPECT_FALSE(p.spend("WBP-SMD-0001", day("2026-03-26"), Rupiah(200000), "koperasi").has_value());
  f.refused_spending = p.spend("WBP-SMD-0001", day("2026-03-26"), Rupiah(67240), "koperasi");
  EXPECT_FALSE(p.spend("WBP-SMD-0001", day("2026-03-27"), Rupiah(67239), "koperasi").has_value());

  // SAE attendance.
  for (const Session& s : sae) {
    const Date d = s.date;
    attend("WS-SAE", d, "WBP-SMD-0001");  // all 13: 39 h
    // 0002: sick 01-12 and 01-19, refused 03-30, else attended (10 × 3 = 30 h)
    if (d == day("2026-01-12") || d == day("2026-01-19")) attend("WS-SAE", d, "WBP-SMD-0002", AttendanceStatus::Sick);
    else if (d == day("2026-03-30")) attend("WS-SAE", d, "WBP-SMD-0002", AttendanceStatus::Refused);
    else attend("WS-SAE", d, "WBP-SMD-0002");
    // 0003: 01-05 attended 2 h; absent 02-02, 02-09, 02-16; 03-23 and 03-30 unrecorded; else attended (2 + 7 × 3)
    if (d == day("2026-01-05")) attend("WS-SAE", d, "WBP-SMD-0003", AttendanceStatus::Attended, 2);
    else if (d >= day("2026-02-02") && d <= day("2026-02-16")) attend("WS-SAE", d, "WBP-SMD-0003", AttendanceStatus::Absent);
    else if (d < day("2026-03-23")) attend("WS-SAE", d, "WBP-SMD-0003");
    if (d < day("2026-02-01")) attend("WS-SAE", d, "WBP-SMD-0005");  // 4 sessions: 12 h
    if (d >= day("2026-02-02")) attend("WS-SAE", d, "WBP-SMD-0006");  // 9 sessions: 27 h
  }
  // Pesantren: 0004 all 12 (24 h); 0001 refused the first three, attended 9 (18 h).
  for (std::size_t i = 0; i < pes.size(); ++i) {
    attend("WS-PESANTREN", pes[i].date, "WBP-SMD-0004");
    attend("WS-PESANTREN", pes[i].date, "WBP-SMD-0001", i < 3 ? AttendanceStatus::Refused : AttendanceStatus::Attended);
  }
  p.record_pemuka({"WBP-SMD-0001", "WS-SAE", {day("2025-12-01"), day("2026-02-15")}});

  p.record_assessment({"WBP-SMD-0001", "WS-SAE", day("2026-03-30"), AssessmentResult::Competent, 85, "Dewan UKM"});
  p.record_assessment({"WBP-SMD-0002", "WS-SAE", day("2026-03-30"), AssessmentResult::Competent, 78, "Dewan UKM"});
  p.record_assessment({"WBP-SMD-0003", "WS-SAE", day("2026-03-30"), AssessmentResult::NotYetCompetent, 55,
                       "Dewan UKM"});
  p.issue_certificate({"CERT-001", "WBP-SMD-0001", "WS-SAE", day("2026-03-31"), IssuerKind::Partner, "DUKM-KALTIM",
                       "Menjahit kemeja"});
  p.issue_certificate({"CERT-002", "WBP-SMD-0002", "WS-SAE", day("2026-03-31"), IssuerKind::TrainingCentre,
                       "BLK Samarinda", "Menjahit kemeja"});
  return f;
}

const WorkshopFigures& workshop_row(const ProgrammeReport& r, const std::string& id) {
  for (const WorkshopFigures& w : r.workshops)
    if (w.id == id) return w;
  throw std::runtime_error("no workshop " + id);
}

}  // namespace

TEST(Samarinda, EnrolmentDecisions) {
  const Samarinda f = build();
  const auto& d = f.p.decisions();
  ASSERT_EQ(d.size(), 11u);  // 10 requests + 1 allocation
  EXPECT_EQ(d[3].outcome, EnrolmentOutcome::Declined);
  EXPECT_EQ(d[3].reasons[0].code, DeclineCode::NeedsAsimilasi);
  EXPECT_EQ(d[3].reasons[0].earliest, day("2026-04-20"));
  EXPECT_EQ(d[5].outcome, EnrolmentOutcome::Waitlisted);
  EXPECT_EQ(d[6].reasons[0].code, DeclineCode::RecentDiscipline);
  EXPECT_EQ(d[6].reasons[0].earliest, day("2026-05-09"));  // 2025-11-10 + 180 days
  ASSERT_EQ(f.fill.size(), 1u);
  EXPECT_EQ(f.fill[0].inmate_id, "WBP-SMD-0006");
  EXPECT_EQ(f.fill[0].outcome, EnrolmentOutcome::Enrolled);
}

TEST(Samarinda, SalesAndSavings) {
  const Samarinda f = build();
  const Programmes& p = f.p;
  // S-03: 20 shirts from the gallery = 15 left of B-01 (40 − 10 sold − 15 consigned) + 5 of B-02.
  const SaleRecord& s3 = p.sales()[2];
  ASSERT_EQ(s3.lines.size(), 2u);
  EXPECT_EQ(s3.lines[0].batch_id, "B-01");
  EXPECT_EQ(s3.lines[0].units, 15);
  EXPECT_EQ(s3.lines[1].batch_id, "B-02");
  EXPECT_EQ(s3.lines[1].units, 5);
  EXPECT_EQ(s3.lines[1].cost, Rupiah(275001));  // 5 × 55,000 + the extra rupiah of unit 0
  EXPECT_EQ(s3.lines[1].profit, Rupiah(474999));  // 750,000 − 275,001
  // 474,999 split 35/15/50: floors 166,249 / 71,249 / 237,499, remainders 65 / 85 / 50 → +1 PNBP, +1 capital.
  EXPECT_EQ(s3.lines[1].shares.capital, Rupiah(166250));
  EXPECT_EQ(s3.lines[1].shares.pnbp, Rupiah(71250));
  EXPECT_EQ(s3.lines[1].shares.premi, Rupiah(237499));
  // 237,499 by hours 25/15/20 (W 60): floors 98,957 / 59,374 / 79,166, remainders 55 / 45 / 20 → 0001, 0003.
  EXPECT_EQ(s3.lines[1].premi[0].amount, Rupiah(98958));
  EXPECT_EQ(s3.lines[1].premi[1].amount, Rupiah(59375));
  EXPECT_EQ(s3.lines[1].premi[2].amount, Rupiah(79166));
  // S-05 sold 5 bags at a loss: 100,000 − 125,000.
  EXPECT_EQ(p.sales()[4].lines[0].shares.capital, Rupiah(-25000));
  EXPECT_EQ(p.sales()[4].lines[0].shares.premi, Rupiah(0));

  // S-01: premi 500,000 by 30/20/10 → 250,000 / 166,667 / 83,333 (the odd rupiah to remainder 40 of 0002).
  EXPECT_EQ(f.handed_over_0005, Rupiah(83333));  // 0005's balance on release day, S-01 only
  ASSERT_TRUE(f.released_spending.has_value());
  EXPECT_EQ(f.released_spending->code, DeclineCode::Released);
  // After release: S-02 115,000 + S-03 125,000 wait for a second hand-over.
  EXPECT_EQ(p.ledger("WBP-SMD-0005")->balance(), Rupiah(240000));
  // 0001: premi 250,000 + 345,000 + 375,000 + 98,958 = 1,068,958; may spend floor(25 %) = 267,239.
  ASSERT_TRUE(f.refused_spending.has_value());
  EXPECT_EQ(f.refused_spending->code, DeclineCode::SpendingLimit);
  EXPECT_EQ(p.ledger("WBP-SMD-0001")->spent(), Rupiah(267239));
  EXPECT_EQ(p.ledger("WBP-SMD-0001")->balance(), Rupiah(801719));

  // Stock at the end: shirts B-01 40 − 10 − 15 − 15 + 3 returned = 3, B-02 30 − 5 = 25; bags 20 − 10 − 5 = 5.
  EXPECT_EQ(p.stock("PRD-SHIRT"), 28);
  EXPECT_EQ(p.stock("PRD-BAG"), 5);
  EXPECT_EQ(p.stock("PRD-SHIRT", std::string("DUKM-KALTIM")), 0);  // 15 placed − 12 sold − 3 returned
}

TEST(Samarinda, ProgrammeReportFigures) {
  const Samarinda f = build();
  const ProgrammeReport r = programme_report(f.p, kFrom, kTo);
  ASSERT_EQ(r.workshops.size(), 2u);
  const WorkshopFigures& sae = workshop_row(r, "WS-SAE");
  EXPECT_EQ(sae.participants, 5);  // 0001, 0002, 0003, 0005, 0006
  EXPECT_EQ(sae.sessions, 13);
  EXPECT_EQ(sae.hours, 131);       // 39 + 30 + 23 + 12 + 27
  EXPECT_EQ(sae.units, 90);        // 40 + 30 + 20
  EXPECT_EQ(sae.units_sold, 57);   // 10 + 12 + 20 + 10 + 5
  // Sales: S-01 10 × 150,000 = 1,500,000; S-02 12 × 165,000 = 1,980,000; S-03 20 × 150,000 = 3,000,000;
  // S-04 10 × 60,000 = 600,000; S-05 5 × 20,000 = 100,000. Total 7,180,000.
  EXPECT_EQ(sae.sales, Rupiah(7180000));
  // Cost: 500,000 + 600,000 + (750,000 + 275,001) + 250,000 + 125,000 = 2,500,001.
  EXPECT_EQ(sae.cost, Rupiah(2500001));
  // Profits by line: 1,000,000; 1,380,000; 1,500,000; 474,999; 350,000; −25,000.
  // Premi: 500,000 + 690,000 + 750,000 + 237,499 + 175,000 + 0 = 2,352,499.
  // PNBP: 150,000 + 207,000 + 225,000 + 71,250 + 52,500 + 0 = 705,750.
  // Capital: 350,000 + 483,000 + 525,000 + 166,250 + 122,500 − 25,000 = 1,621,750.
  // Check: 2,352,499 + 705,750 + 1,621,750 = 4,679,999 = 7,180,000 − 2,500,001.
  EXPECT_EQ(sae.premi_pool, Rupiah(2352499));
  EXPECT_EQ(sae.pnbp, Rupiah(705750));
  EXPECT_EQ(sae.capital, Rupiah(1621750));
  const WorkshopFigures& pes = workshop_row(r, "WS-PESANTREN");
  EXPECT_EQ(pes.participants, 2);
  EXPECT_EQ(pes.sessions, 12);
  EXPECT_EQ(pes.hours, 42);  // 24 + 18
  EXPECT_EQ(pes.sales, Rupiah(0));

  // Inmates, by id. 0007 was never enrolled and earned nothing: not listed.
  ASSERT_EQ(r.inmates.size(), 6u);
  struct Row {
    const char* id;
    std::int64_t hours;
    int attended, expected;
    std::int64_t premi;
    int certificates;
    int pemuka_days;
    bool active;
  };
  const Row expected[] = {
      // 0001: SAE 13/13 (39 h) + pesantren 9/12 (18 h) = 22/25; premi 250,000 + 345,000 + 375,000 + 98,958;
      // pemuka 2026-01-01..02-15 = 46 days
      {"WBP-SMD-0001", 57, 22, 25, 1068958, 1, 46, true},
      // 0002: 10 of 11 expected (2 sick excluded); premi 166,667 + 230,000 + 250,000 + 105,000
      {"WBP-SMD-0002", 30, 10, 11, 751667, 1, 0, true},
      // 0003: 8 of 13 (3 absent, 2 unrecorded) < 3/4; premi 59,375
      {"WBP-SMD-0003", 23, 8, 13, 59375, 0, 0, false},
      // 0004: pesantren 12/12
      {"WBP-SMD-0004", 24, 12, 12, 0, 0, 0, true},
      // 0005: 4/4 but fewer than 8 sessions; premi 83,333 + 115,000 + 125,000
      {"WBP-SMD-0005", 12, 4, 4, 323333, 0, 0, false},
      // 0006: 9/9 from 02-02; premi 79,166 + 70,000
      {"WBP-SMD-0006", 27, 9, 9, 149166, 0, 0, true},
  };
  Rupiah premi_total;
  for (std::size_t i = 0; i < 6; ++i) {
    const InmateFigures& got = r.inmates[i];
    SCOPED_TRACE(expected[i].id);
    EXPECT_EQ(got.id, expected[i].id);
    EXPECT_EQ(got.hours, expected[i].hours);
    EXPECT_EQ(got.attended, expected[i].attended);
    EXPECT_EQ(got.expected, expected[i].expected);
    EXPECT_EQ(got.premi, Rupiah(expected[i].premi));
    EXPECT_EQ(got.certificates, expected[i].certificates);
    EXPECT_EQ(got.pemuka_days, expected[i].pemuka_days);
    EXPECT_EQ(got.active, expected[i].active);
    premi_total += got.premi;
  }
  EXPECT_EQ(premi_total, sae.premi_pool);  // every rupiah of the pool reached someone

  // The JSON has the documented keys.
  const nlohmann::json j = nlohmann::json::parse(to_json(r));
  for (const char* key : {"id", "participants", "hours", "units", "sales", "premi_pool", "pnbp", "capital"})
    EXPECT_TRUE(j["workshops"][0].contains(key)) << key;
  for (const char* key : {"id", "hours", "attendance_rate", "premi", "certificates"})
    EXPECT_TRUE(j["inmates"][0].contains(key)) << key;
  EXPECT_EQ(j["workshops"][0]["id"], "WS-SAE");
  EXPECT_EQ(j["workshops"][0]["sales"], 7180000);
  EXPECT_EQ(j["workshops"][0]["premi_pool"], 2352499);
  EXPECT_DOUBLE_EQ(j["inmates"][0]["attendance_rate"].get<double>(), 0.88);  // 22/25
  EXPECT_DOUBLE_EQ(j["inmates"][1]["attendance_rate"].get<double>(), 10.0 / 11.0);
  EXPECT_EQ(j["inmates"][0]["premi"], 1068958);
  EXPECT_EQ(j["partners"][0]["revenue"], 2580000);
  const std::string csv = to_csv(r);
  EXPECT_NE(csv.find("workshop,WS-SAE,premi_pool,2352499\r\n"), std::string::npos);
  EXPECT_NE(csv.find("inmate,WBP-SMD-0001,attendance_rate,22/25\r\n"), std::string::npos);
  const std::string text = to_text(r);
  EXPECT_NE(text.find("SAE Konveksi"), std::string::npos);
  EXPECT_NE(text.find("Rp 7.180.000"), std::string::npos);
}

TEST(Samarinda, PartnerReportFigures) {
  const Samarinda f = build();
  const PartnerReport r = partner_report(f.p, "DUKM-KALTIM", kFrom, kTo);
  ASSERT_EQ(r.agreements.size(), 1u);
  ASSERT_EQ(r.products.size(), 2u);
  EXPECT_EQ(r.products[0].product_id, "PRD-BAG");
  EXPECT_EQ(r.products[0].bought, 10);
  EXPECT_EQ(r.products[0].revenue, Rupiah(600000));
  EXPECT_EQ(r.products[1].product_id, "PRD-SHIRT");
  EXPECT_EQ(r.products[1].placed, 15);
  EXPECT_EQ(r.products[1].returned, 3);
  EXPECT_EQ(r.products[1].sold, 12);
  EXPECT_EQ(r.products[1].revenue, Rupiah(1980000));
  EXPECT_EQ(r.revenue, Rupiah(2580000));  // 1,980,000 + 600,000
  EXPECT_EQ(r.workshops, 1);
  EXPECT_EQ(r.trainees, 5);
  EXPECT_EQ(r.sessions, 13);
  EXPECT_EQ(r.training_hours, 131);
  EXPECT_EQ(r.certificates, 1);
}

TEST(Samarinda, HeadReportFigures) {
  const Samarinda f = build();
  const HeadReport r = head_report(f.p, kFrom, kTo);
  EXPECT_EQ(r.workshops, 2);
  EXPECT_EQ(r.sessions, 25);            // 13 + 12
  EXPECT_EQ(r.participants, 6);         // 0001–0006
  EXPECT_EQ(r.active_participants, 4);  // 0001, 0002, 0004, 0006
  EXPECT_EQ(r.hours, 173);              // 131 + 42
  EXPECT_EQ(r.units_produced, 90);
  EXPECT_EQ(r.units_sold, 57);
  EXPECT_EQ(r.sales, Rupiah(7180000));
  EXPECT_EQ(r.material_cost, Rupiah(2500001));
  EXPECT_EQ(r.premi, Rupiah(2352499));
  EXPECT_EQ(r.pnbp, Rupiah(705750));
  EXPECT_EQ(r.capital, Rupiah(1621750));
  EXPECT_EQ(r.losses, Rupiah(25000));
  EXPECT_EQ(r.certificates, 2);
  EXPECT_EQ(r.requests, 11);
  EXPECT_EQ(r.enrolled, 7);  // SAE 4 + pesantren 2 + 0006 from the waiting list
  EXPECT_EQ(r.waitlisted, 1);
  EXPECT_EQ(r.declined, 3);
  ASSERT_EQ(r.declines.size(), 2u);
  EXPECT_EQ(r.declines[0].code, DeclineCode::NeedsAsimilasi);
  EXPECT_EQ(r.declines[0].count, 1);
  EXPECT_EQ(r.declines[1].code, DeclineCode::RecentDiscipline);
  EXPECT_EQ(r.declines[1].count, 2);
  EXPECT_EQ(r.waiting, 0);
  EXPECT_EQ(r.gallery_stock, 33);   // 90 − 15 placed + 3 returned − 45 sold from the gallery
  EXPECT_EQ(r.consigned_stock, 0);  // 15 − 3 − 12
  ASSERT_EQ(r.agreements_ending.size(), 1u);
  EXPECT_EQ(r.agreements_ending[0].to, kTo);
  // At the end of February: B-01 and B-02 made (70), S-01 from the gallery (10), 15 placed, 12 sold by the partner.
  const HeadReport feb = head_report(f.p, day("2026-02-01"), day("2026-02-28"));
  EXPECT_EQ(feb.gallery_stock, 45);  // 70 − 15 − 10
  EXPECT_EQ(feb.consigned_stock, 3);
  EXPECT_EQ(feb.requests, 1);  // the allocation of 02-02
  EXPECT_NE(to_text(r).find("Rp 2.352.499"), std::string::npos);
  EXPECT_NE(to_csv(r).find("decline,recent_discipline,count,2\r\n"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(to_json(r))["losses"], 25000);
}

TEST(Samarinda, InmateReport) {
  const Samarinda f = build();
  const InmateReport r = inmate_report(f.p, "WBP-SMD-0001", kFrom, kTo);
  EXPECT_EQ(r.workshops, (std::vector<std::string>{"WS-PESANTREN", "WS-SAE"}));
  EXPECT_TRUE(r.active);
  EXPECT_EQ(r.participation.refused, 3);
  EXPECT_EQ(r.premi, Rupiah(1068958));
  EXPECT_EQ(r.spent, Rupiah(267239));
  EXPECT_EQ(r.balance, Rupiah(801719));
  ASSERT_EQ(r.certificates.size(), 1u);
  EXPECT_EQ(r.certificates[0].issuer, "DUKM-KALTIM");
  EXPECT_EQ(r.assessments.size(), 1u);
  EXPECT_EQ(r.ledger.size(), 5u);  // credits of S-01, S-02, S-03 (0001 made no bags); 2 spendings (the refused one left none)
  const InmateReport released = inmate_report(f.p, "WBP-SMD-0005", kFrom, kTo);
  EXPECT_EQ(released.handed_over, Rupiah(83333));
  EXPECT_EQ(released.balance, Rupiah(240000));
  const InmateReport january = inmate_report(f.p, "WBP-SMD-0005", kFrom, day("2026-01-31"));
  EXPECT_EQ(january.balance, Rupiah(83333));
  EXPECT_EQ(nlohmann::json::parse(to_json(r))["balance"], 801719);
  EXPECT_NE(to_csv(r).find("inmate,WBP-SMD-0001,balance,801719\r\n"), std::string::npos);
  EXPECT_NE(to_text(r).find("balance Rp 801.719"), std::string::npos);
}

// Partners see products, sales and aggregate participation, never an inmate's id, name, sentence or conduct
// (rules-indonesia.md §8; UU 27/2022).
TEST(Samarinda, PartnerReportCarriesNoInmateData) {
  const Samarinda f = build();
  const std::vector<PartnerReport> reports = partner_reports(f.p, kFrom, kTo);
  const std::string internal_partners = nlohmann::json::parse(to_json(programme_report(f.p, kFrom, kTo)))["partners"].dump();
  for (const std::string& out : {to_json(reports), to_csv(reports), to_text(reports), internal_partners}) {
    for (const char* id : kInmates) EXPECT_EQ(out.find(id), std::string::npos) << id;
    EXPECT_EQ(out.find("WBP"), std::string::npos);
    for (const char* name : kNames) EXPECT_EQ(out.find(name), std::string::npos) << name;
    for (const char* conduct : {"discipline", "register", "sentence", "asimilasi", "release", "premi", "conduct"})
      EXPECT_EQ(out.find(conduct), std::string::npos) << conduct;
  }
  // The JSON holds only the documented aggregate keys.
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(to_json(reports));
  ASSERT_EQ(j.size(), 1u);
  std::vector<std::string> keys;
  for (auto it = j[0].begin(); it != j[0].end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"partner_id", "partner_name", "from", "to", "agreements", "products",
                                            "units_placed", "units_returned", "units_sold", "units_bought", "revenue",
                                            "workshops", "trainees", "sessions", "training_hours", "certificates"}));
}
