// The demo prison: about 1,200 fictional people in the image of a narcotics Lapas in Samarinda, and a year of its
// programmes, consistent with itself and with the engine.
#include <binaan/io/archive.hpp>
#include <binaan/programmes/programme_report.hpp>
#include <binaan/synth/demo.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

using namespace binaan;

namespace {

const Facility& demo() {
  static const Facility f = synth::generate_demo_facility();
  return f;
}

double share(std::size_t count, std::size_t of) { return 100.0 * static_cast<double>(count) / static_cast<double>(of); }

Date day(int y, int m, int d) { return make_date(y, m, d); }

}  // namespace

TEST(SynthDemo, TheFacility) {
  const Facility& f = demo();
  EXPECT_EQ(f.id(), "LPN-SMD");
  EXPECT_EQ(f.name(), "Lapas Narkotika Kelas IIA Samarinda");
  EXPECT_EQ(f.kind(), FacilityKind::Lapas);
  EXPECT_EQ(f.size(), 1200u);
  EXPECT_EQ(f.people().front().person().id(), "WBP-SMD-0001");
  EXPECT_EQ(f.people().back().person().id(), "WBP-SMD-1200");
}

TEST(SynthDemo, PassesItsOwnIntegrityChecks) {
  const Facility& f = demo();
  // Rebuilding the facility from its parts checks every inmate id the programmes use.
  EXPECT_NO_THROW(Facility(f.id(), f.name(), f.kind(), f.people(), f.programmes()));
  for (const InmateReference& r : inmate_references(f.programmes())) ASSERT_TRUE(f.contains(r.inmate_id)) << r.where;
  // And it survives an archive: save → load → save gives the same bytes.
  const std::string bytes = facility_to_bytes(f);
  const Facility back = facility_from_bytes(bytes, "demo");
  EXPECT_EQ(facility_to_bytes(back), bytes);
}

TEST(SynthDemo, SameSeedSameFacilityOtherSeedOtherPeople) {
  const std::string a = facility_to_bytes(demo(), ArchiveFormat::Text);
  EXPECT_EQ(facility_to_bytes(synth::generate_demo_facility(synth::kDemoSeed)), a);
  const Facility other = synth::generate_demo_facility(7);
  EXPECT_EQ(other.size(), 1200u);
  EXPECT_NE(facility_to_bytes(other), a);
}

TEST(SynthDemo, PeopleMix) {
  const Facility& f = demo();
  std::map<Offence, std::size_t> offences;
  std::map<Religion, std::size_t> religions;
  std::size_t men = 0, named = 0;
  for (const Case& c : f.people()) {
    ++offences[c.sentence().offence()];
    ++religions[c.person().religion()];
    men += c.person().sex() == Sex::Male ? 1u : 0u;
    named += c.person().name().empty() ? 0u : 1u;
  }
  const std::size_t all = f.size();
  EXPECT_EQ(men, all);
  EXPECT_EQ(named, all);
  EXPECT_NEAR(share(offences[Offence::Narcotics], all), 86.0, 3.0);
  EXPECT_NEAR(share(offences[Offence::General], all), 12.0, 3.0);
  EXPECT_GE(offences[Offence::Corruption], 10u);
  EXPECT_LE(offences[Offence::Corruption], 45u);
  EXPECT_NEAR(share(religions[Religion::Islam], all), 86.0, 3.0);
  EXPECT_NEAR(share(religions[Religion::Protestant] + religions[Religion::Catholic], all), 10.5, 2.5);
  EXPECT_GT(religions[Religion::Hindu] + religions[Religion::Buddhist] + religions[Religion::Confucian], 10u);
}

TEST(SynthDemo, EveryoneIsHeldOrArrives) {
  const Facility& f = demo();
  const Engine engine;
  EvaluateOptions options;
  options.decisions = false;
  std::size_t arriving = 0;
  for (const Case& c : f.people()) {
    const Evaluation ev = engine.evaluate(c, options);
    const auto leaves = synth::leaving_day(ev);
    ASSERT_TRUE(!leaves || *leaves > day(2026, 1, 1)) << c.person().id();
    arriving += c.detention().last_start() > day(2026, 1, 1) ? 1u : 0u;
  }
  EXPECT_GT(arriving, 20u);
  EXPECT_LT(arriving, 120u);
}

TEST(SynthDemo, TheShowcaseInmate) {
  const Facility& f = demo();
  const Case& c = f.person(synth::kDemoShowcaseId);
  EXPECT_EQ(c.person().name(), "Ardiansyah Permanata");
  EXPECT_EQ(c.sentence().offence(), Offence::Narcotics);
  EXPECT_EQ(c.sentence().term(), Term(7, 0, 0));
  // Enrolled in the SAE when it opened, and its pemuka from March: the period is in the case too.
  bool in_sae = false;
  for (const Enrolment& e : f.programmes().enrolments())
    in_sae = in_sae || (e.inmate_id == synth::kDemoShowcaseId && e.workshop_id == "WS-SAE-KONVEKSI" &&
                        e.enrolled_on == day(2026, 1, 18));
  EXPECT_TRUE(in_sae);
  bool pemuka = false;
  for (const PemukaPeriod& p : f.programmes().pemuka())
    pemuka = pemuka || (p.inmate_id == synth::kDemoShowcaseId && p.workshop_id == "WS-SAE-KONVEKSI");
  EXPECT_TRUE(pemuka);
  ASSERT_EQ(c.facts().pemuka.size(), 1u);
  EXPECT_EQ(c.facts().pemuka[0].from, day(2026, 3, 2));
  EXPECT_EQ(c.facts().pemuka[0].to, day(2026, 12, 31));
  // 17 August 2026: the 5th RU (5 months) and, as pemuka, remisi tambahan of a third of it.
  const Engine engine;
  const DayRun run = engine.run_grant_day({c}, day(2026, 8, 17));
  ASSERT_EQ(run.outcomes.size(), 1u);
  ASSERT_EQ(run.decisions_of(run.outcomes[0]).size(), 2u);
  EXPECT_EQ(run.decisions_of(run.outcomes[0])[0].kind, GrantKind::Ru);
  EXPECT_EQ(run.decisions_of(run.outcomes[0])[0].days, 150);
  EXPECT_EQ(run.decisions_of(run.outcomes[0])[1].kind, GrantKind::Tambahan);
  EXPECT_EQ(run.decisions_of(run.outcomes[0])[1].days, 50);
  // Still in the SAE at the end of the year; leave before release begins in 2027.
  const auto leaves = synth::leaving_day(engine.evaluate(c));
  ASSERT_TRUE(leaves.has_value());
  EXPECT_EQ(leaves->year(), 2027);
}

TEST(SynthDemo, Catalogue) {
  const Programmes& p = demo().programmes();
  ASSERT_EQ(p.programmes().size(), 4u);
  ASSERT_EQ(p.workshops().size(), 4u);
  EXPECT_EQ(p.workshop("WS-SAE-KONVEKSI").name, "SAE Konveksi");
  EXPECT_EQ(p.workshop("WS-SAE-KONVEKSI").location, Location::OutsideWalls);
  EXPECT_EQ(p.workshop("WS-SAE-KONVEKSI").partner_id, std::optional<std::string>("DUKM-KALTIM"));
  ASSERT_EQ(p.partners().size(), 1u);
  EXPECT_EQ(p.partners()[0].name, "Dewan UKM Provinsi Kalimantan Timur");
  ASSERT_EQ(p.agreements().size(), 1u);
  const Agreement& a = p.agreements()[0];
  EXPECT_EQ(a.from, day(2026, 1, 15));
  EXPECT_EQ(a.to, day(2028, 1, 14));
  EXPECT_EQ(a.scopes, (std::vector<AgreementScope>{AgreementScope::Training, AgreementScope::Marketing}));
  EXPECT_EQ(p.products().size(), 7u);
  // Sessions run through the year, never on 17 August or at Idul Fitri.
  for (const Workshop& w : p.workshops()) {
    EXPECT_GT(w.sessions.size(), 80u) << w.id;
    for (const Session& s : w.sessions) {
      ASSERT_NE(s.date, day(2026, 8, 17));
      ASSERT_NE(s.date, day(2026, 3, 20));
      ASSERT_GE(s.date, day(2026, 1, 5));
      ASSERT_LE(s.date, day(2026, 12, 18));
    }
  }
}

TEST(SynthDemo, AYearOfWork) {
  const Programmes& p = demo().programmes();
  EXPECT_GT(p.enrolments().size(), 80u);
  EXPECT_GT(p.decisions().size(), p.enrolments().size());  // some declined or waiting
  std::set<EnrolmentOutcome> outcomes;
  std::size_t released = 0;
  for (const EnrolmentDecision& d : p.decisions()) outcomes.insert(d.outcome);
  for (const Enrolment& e : p.enrolments()) released += e.leave_reason == LeaveReason::Released ? 1u : 0u;
  EXPECT_EQ(outcomes.size(), 3u);
  EXPECT_GT(released, 5u);
  EXPECT_GT(p.attendance().size(), 5000u);
  EXPECT_GT(p.batches().size(), 40u);
  EXPECT_GT(p.sales().size(), 200u);
  EXPECT_GT(p.consignments().size(), 10u);
  EXPECT_GT(p.certificates().size(), 20u);
  EXPECT_EQ(p.pemuka().size(), 4u);
  std::set<SaleChannel> channels;
  for (const SaleRecord& s : p.sales()) channels.insert(s.sale.channel);
  EXPECT_EQ(channels, (std::set<SaleChannel>{SaleChannel::Gallery, SaleChannel::Partner, SaleChannel::Exhibition,
                                              SaleChannel::Order}));
}

TEST(SynthDemo, PremiFollowsTheDefaultSplitIntoSavings) {
  const Programmes& p = demo().programmes();
  Rupiah premi, credited, pool;
  for (const SaleRecord& s : p.sales()) {
    for (const SaleLine& line : s.lines) {
      pool += line.shares.premi;
      // 50 % premi, 15 % PNBP, 35 % capital (Kepmen 1990), each within a rupiah of its exact share.
      if (line.profit > Rupiah(0)) {
        EXPECT_LE(std::abs(line.shares.premi.value() * 100 - line.profit.value() * 50), 100);
        EXPECT_LE(std::abs(line.shares.pnbp.value() * 100 - line.profit.value() * 15), 100);
      }
      EXPECT_EQ(line.shares.premi + line.shares.pnbp + line.shares.capital, line.profit);
      for (const Part& part : line.premi) premi += part.amount;
    }
  }
  for (const auto& entry : p.ledgers()) credited += entry.second.credits();
  EXPECT_GT(pool, Rupiah(10'000'000));
  EXPECT_EQ(premi, pool);
  EXPECT_EQ(credited, pool);
  std::size_t spent = 0, handed = 0;
  for (const auto& entry : p.ledgers()) {
    spent += entry.second.spent() > Rupiah(0) ? 1u : 0u;
    handed += entry.second.released() ? 1u : 0u;
  }
  EXPECT_GT(spent, 10u);
  EXPECT_GT(handed, 0u);
}

TEST(SynthDemo, ProgrammeReportOfTheYear) {
  const ProgrammeReport r = programme_report(demo().programmes(), day(2026, 1, 1), day(2026, 12, 31));
  ASSERT_EQ(r.workshops.size(), 4u);
  for (const WorkshopFigures& w : r.workshops) {
    EXPECT_GT(w.participants, 10) << w.id;
    EXPECT_GT(w.hours, 1000) << w.id;
  }
}
