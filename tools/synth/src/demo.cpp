#include <binaan/synth/demo.hpp>

#include <binaan/synth/population.hpp>
#include <binaan/synth/random.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace binaan::synth {

namespace {

Date day(int y, int m, int d) { return make_date(y, m, d); }

// ---- The showcase inmate: written by hand so that the timeline of the demo is the same whatever the seed ----
// Narcotics trafficking (UU 35/2009 Art. 114: 5 to 20 years and a fine), 7 years, detained 2022-02-07, final
// 2022-08-01, fine paid. Refused in 2023 (a first assessment "cukup", high risk), granted from 2024; a blood donor in
// 2025; in the SAE from January 2026 (asimilasi from August 2025) and its pemuka from March, so the engine adds
// remisi tambahan ⅓ on 17 August 2026; leave before release (CMB) in January 2027.
Case showcase() {
  Person person(kDemoShowcaseId, Religion::Islam, "Ardiansyah Permanata", Sex::Male, day(1994, 5, 12));
  DetentionHistory detention({{day(2022, 2, 7), std::nullopt}});
  Sentence sentence = Sentence::fixed(Term(7, 0, 0), Offence::Narcotics, day(2022, 8, 1))
                          .with_verdict_date(day(2022, 7, 18))
                          .with_fine({Term(0, 6, 0), true});
  Facts facts;
  facts.assessments = {{day(2022, 9, 12), Predicate::Cukup, Risk::High},
                       {day(2023, 9, 11), Predicate::Baik, Risk::Medium},
                       {day(2024, 9, 9), Predicate::Baik, Risk::Medium},
                       {day(2025, 9, 8), Predicate::SangatBaik, Risk::Low}};
  facts.services = {{day(2025, 6, 14), ServiceKind::BloodDonation}};
  return Case(std::move(person), std::move(detention), std::move(sentence), std::move(facts));
}

Case with_facts(const Case& c, Facts facts) {
  Case out(c.person(), c.detention(), c.sentence(), std::move(facts), c.recorded(), c.until());
  out.id = c.id;
  out.title = c.title;
  out.source = c.source;
  out.policy = c.policy;
  return out;
}

// ---- The programmes of 2026 ----

const char* const kPartner = "DUKM-KALTIM";

struct ProductPlan {
  const char* id;
  const char* name;
  std::int64_t unit_cost;   // material per unit, rupiah
  std::int64_t price;       // list price, rupiah
  int min_units, max_units; // per batch
  int per_sale;             // most units one gallery buyer takes
  bool consign;             // placed with the partner
};

struct WorkshopPlan {
  const char* id;
  const char* programme_id;
  const char* name;
  int capacity;
  std::vector<int> weekdays;  // 0 = Sunday
  int hours;
  Date first;
  Location location;
  bool partner;
  std::vector<const char*> instructors;
  std::vector<ProductPlan> products;
};

const std::vector<WorkshopPlan>& plans() {
  static const std::vector<WorkshopPlan> p{
      {"WS-SAE-KONVEKSI", "P-KONVEKSI", "SAE Konveksi", 24, {1, 4}, 4, day(2026, 1, 19), Location::OutsideWalls, true,
       {"Ibu Suryani Wulanda (Dewan UKM)", "Bapak Hendrawan Saputraga"},
       {{"PRD-KEMEJA-BATIK", "Kemeja batik motif Dayak", 68000, 185000, 30, 50, 3, true},
        {"PRD-SERAGAM", "Seragam kerja (kemeja dan celana)", 85000, 160000, 40, 70, 4, false},
        {"PRD-TOTE", "Tas jinjing kanvas sablon Mahakam", 21000, 50000, 60, 100, 5, true}}},
      {"WS-BIMKER-MEBEL", "P-MEBEL", "Bimker Mebel", 16, {2, 5}, 4, day(2026, 1, 6), Location::InsideWalls, false,
       {"Bapak Rusdianto Wibodo"},
       {{"PRD-KURSI", "Kursi tamu kayu meranti", 340000, 650000, 4, 8, 1, false},
        {"PRD-MEJA", "Meja lipat kayu", 140000, 300000, 6, 12, 2, false}}},
      {"WS-BIMKER-BOGA", "P-BOGA", "Bimker Tata Boga", 16, {3, 6}, 3, day(2026, 1, 7), Location::InsideWalls, false,
       {"Ibu Marlina Setiaso"},
       {{"PRD-AMPLANG", "Amplang ikan pipih 250 g", 17000, 32000, 80, 150, 6, true},
        {"PRD-KUE", "Kue kering toples 500 g", 26000, 48000, 40, 80, 4, false}}},
      {"WS-BIMKER-PANGKAS", "P-PANGKAS", "Bimker Pangkas Rambut", 10, {1, 3, 5}, 2, day(2026, 1, 5),
       Location::InsideWalls, false, {"Bapak Jufri Lubido"}, {}},
  };
  return p;
}

// No sessions on these days: 2026's public holidays and the Idul Fitri leave (approximate; only the schedule
// depends on them).
bool no_session(Date d) {
  static const std::set<Date> off{day(2026, 1, 1),   day(2026, 1, 16),  day(2026, 2, 17),  day(2026, 3, 19),
                                  day(2026, 3, 20),  day(2026, 3, 23),  day(2026, 3, 24),  day(2026, 4, 3),
                                  day(2026, 5, 1),   day(2026, 5, 14),  day(2026, 5, 27),  day(2026, 6, 1),
                                  day(2026, 6, 16),  day(2026, 8, 17),  day(2026, 8, 25),  day(2026, 12, 24),
                                  day(2026, 12, 25), day(2026, 12, 26)};
  return off.count(d) != 0;
}

const Date kLastSession = day(2026, 12, 18);
const Date kLastIntake = day(2026, 11, 2);
const Date kYearEnd = day(2026, 12, 31);

std::vector<Session> schedule(const WorkshopPlan& plan) {
  std::vector<Session> sessions;
  for (Date d = plan.first; d <= kLastSession; d = add_days(d, 1)) {
    const int wd = d.day_of_week().as_number();
    if (std::find(plan.weekdays.begin(), plan.weekdays.end(), wd) != plan.weekdays.end() && !no_session(d))
      sessions.push_back({d, plan.hours});
  }
  return sessions;
}

// A person as the simulation sees them: the case's evaluation (custody scenario), refreshed when the case changes.
struct Inmate {
  Evaluation ev;
  std::optional<Date> leaves;
};

// Hours and sessions of one inmate in one workshop, for premi shares and end assessments.
struct Work {
  std::int64_t hours_since_batch = 0;
  int attended = 0;
  int expected = 0;
  std::int64_t hours = 0;
};

class Year {
public:
  Year(Facility& f, const Engine& engine, std::uint64_t seed) : f_(f), engine_(engine), rng_(mix64(seed ^ 0x5A4D)) {
    for (const Case& c : f_.people()) refresh(c.person().id());
  }

  void run() {
    catalogue();
    for (Date d = day(2026, 1, 2); d <= kYearEnd; d = add_days(d, 1)) one_day(d);
  }

private:
  // ---- what the engine says ----
  void refresh(const std::string& id) {
    Inmate& in = inmates_[id];
    EvaluateOptions options;
    options.decisions = false;
    in.ev = engine_.evaluate(f_.person(id), options);
    in.leaves = leaving_day(in.ev);
  }
  InmateStatus status(const std::string& id, Date on) const {
    return inmate_status(f_.person(id), inmates_.at(id).ev, on);
  }
  bool serving(const std::string& id, Date on) const { return status(id, on).serving; }

  // ---- catalogue ----
  void catalogue() {
    f_.add_programme({"P-KONVEKSI", ProgrammeKind::Garment, "Pelatihan konveksi dan menjahit"});
    f_.add_programme({"P-MEBEL", ProgrammeKind::Furniture, "Pelatihan mebel dan kerajinan kayu"});
    f_.add_programme({"P-BOGA", ProgrammeKind::Culinary, "Pelatihan tata boga"});
    f_.add_programme({"P-PANGKAS", ProgrammeKind::Barbering, "Pelatihan pangkas rambut"});
    f_.add_partner({kPartner, "Dewan UKM Provinsi Kalimantan Timur", "sekretariat@dukm-kaltim.example"});
    // Training and marketing, two years from 2026-01-15 (to is inclusive).
    f_.add_agreement({"PKS-DUKM-2026-01", kPartner, "PKS/DUKM-KT/LPN-SMD/01/2026", day(2026, 1, 15), day(2028, 1, 14),
                      {AgreementScope::Training, AgreementScope::Marketing}});
    for (const WorkshopPlan& plan : plans()) {
      Workshop w{plan.id, plan.programme_id, plan.name, plan.capacity, schedule(plan), {}, plan.location,
                 plan.partner ? std::optional<std::string>(kPartner) : std::nullopt};
      for (const char* who : plan.instructors) w.instructors.emplace_back(who);
      f_.add_workshop(std::move(w));
      for (const ProductPlan& product : plan.products) {
        f_.add_product({product.id, product.name});
        products_[product.id] = &product;
      }
      next_product_[plan.id] = 0;
    }
  }

  // ---- one day, in the order things happen ----
  void one_day(Date d) {
    releases(d);
    if (d == day(2026, 6, 29)) completions(d);
    if (d == day(2026, 3, 2)) appoint_pemuka(d);
    intake(d);
    sessions(d);
    production(d);
    consignments(d);
    sales(d);
    if (d.day() == 25) spending(d);
    if (d == day(2026, 6, 26) || d == kLastSession) assessments(d);
  }

  std::vector<std::string> enrolled(const std::string& ws, Date d) const {
    std::vector<std::string> out;
    for (const Enrolment& e : f_.programmes().enrolments())
      if (e.workshop_id == ws && enrolled_on(e, d)) out.push_back(e.inmate_id);
    return out;
  }
  bool engaged(const std::string& id, Date d) const {
    for (const Enrolment& e : f_.programmes().enrolments())
      if (e.inmate_id == id && enrolled_on(e, d)) return true;
    for (const WaitingEntry& w : f_.programmes().waiting_list())
      if (w.inmate_id == id) return true;
    return false;
  }

  void releases(Date d) {
    for (const Enrolment& e : std::vector<Enrolment>(f_.programmes().enrolments())) {
      if (!enrolled_on(e, d)) continue;
      const Inmate& in = inmates_.at(e.inmate_id);
      if (in.leaves && *in.leaves <= d) f_.leave(e.inmate_id, e.workshop_id, d, LeaveReason::Released);
    }
    for (auto& [id, in] : inmates_) {
      if (in.leaves && *in.leaves == d && f_.programmes().ledger(id) && !f_.programmes().ledger(id)->released())
        f_.hand_over(id, d);
    }
  }

  // Half of those found competent in June leave with their certificate; their places go to the waiting list.
  void completions(Date d) {
    for (const Certificate& cert : f_.programmes().certificates()) {
      if (cert.date > d || !rng_.chance(500'000)) continue;
      const auto now = enrolled(cert.workshop_id, d);
      if (std::find(now.begin(), now.end(), cert.inmate_id) != now.end())
        f_.leave(cert.inmate_id, cert.workshop_id, d, LeaveReason::Completed);
    }
  }

  // One pemuka per workshop from 2 March to the end of the year: the showcase inmate in the SAE, elsewhere the
  // longest enrolled of those who stay well into 2027 (the remisi tambahan ⅓ the period earns — Keppres 174/1999
  // Art. 3, at most 60 days on 17 August — cannot bring their leaving into 2026). The period goes into the case
  // too, so the engine grants that tambahan.
  void appoint_pemuka(Date d) {
    for (const WorkshopPlan& plan : plans()) {
      std::optional<Enrolment> best;
      for (const Enrolment& e : f_.programmes().enrolments()) {
        if (e.workshop_id != plan.id || !enrolled_on(e, d)) continue;
        const Inmate& in = inmates_.at(e.inmate_id);
        const bool showcase = e.inmate_id == kDemoShowcaseId;  // written to stay into 2027 with the tambahan
        if (!showcase && in.leaves && *in.leaves <= day(2027, 4, 1)) continue;
        if (!best || showcase ||
            (best->inmate_id != kDemoShowcaseId &&
             std::tie(e.enrolled_on, e.inmate_id) < std::tie(best->enrolled_on, best->inmate_id)))
          best = e;
      }
      if (!best) continue;
      f_.record_pemuka({best->inmate_id, plan.id, {d, kYearEnd}});
      const Case& c = f_.person(best->inmate_id);
      Facts facts = c.facts();
      facts.pemuka.push_back({d, kYearEnd});
      f_.replace_person(with_facts(c, std::move(facts)));
      refresh(best->inmate_id);
    }
  }

  // Intakes: the first working day of each month (and the opening of each workshop), up to November. Waiting
  // lists first, then new requests for the free places and a few more. The officers propose mostly people who
  // qualify — for the SAE, those whose asimilasi has begun — and a few who do not, who are declined with reasons.
  void intake(Date d) {
    if (d > kLastIntake) return;
    const int wd = d.day_of_week().as_number();
    for (const WorkshopPlan& plan : plans()) {
      const bool opening = d == add_days(plan.first, -1);
      const bool monthly = d.day() <= 7 && wd == 1 && d > plan.first;  // first Monday of the month
      if (!opening && !monthly) continue;
      std::map<std::string, InmateStatus> waiting;
      for (const WaitingEntry& w : f_.programmes().waiting_list())
        if (w.workshop_id == plan.id) waiting[w.inmate_id] = status(w.inmate_id, d);
      if (!waiting.empty()) f_.fill_places(plan.id, d, waiting);
      const int free = plan.capacity - static_cast<int>(enrolled(plan.id, d).size());
      const int wanted = opening ? plan.capacity + plan.capacity / 4 : std::max(0, free) + 2;
      request(plan, d, wanted, opening);
    }
  }

  void request(const WorkshopPlan& plan, Date d, int wanted, bool opening) {
    std::vector<std::string> fit, other;
    for (const Case& c : f_.people()) {
      const std::string& id = c.person().id();
      // The showcase inmate is kept for the SAE.
      if (id == kDemoShowcaseId || !serving(id, d) || engaged(id, d)) continue;
      const InmateStatus s = status(id, d);
      const bool qualifies = plan.location == Location::InsideWalls || (s.asimilasi_from && *s.asimilasi_from <= d);
      (qualifies ? fit : other).push_back(id);
    }
    shuffle(fit);
    shuffle(other);
    std::vector<std::string> chosen;
    if (opening && plan.partner) chosen.push_back(kDemoShowcaseId);
    std::size_t i = 0, j = 0;
    while (static_cast<int>(chosen.size()) < wanted && (i < fit.size() || j < other.size())) {
      const bool pick_other = j < other.size() && (i >= fit.size() || rng_.chance(120'000));
      const std::string& id = pick_other ? other[j++] : fit[i++];
      if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) chosen.push_back(id);
    }
    for (const std::string& id : chosen) f_.request_enrolment(id, plan.id, d, status(id, d));
  }

  void shuffle(std::vector<std::string>& v) {
    for (std::size_t k = v.size(); k > 1; --k) std::swap(v[k - 1], v[static_cast<std::size_t>(rng_.below(k))]);
  }

  // Attendance (assumption): 85 % attended (one in ten leaves an hour early), 5 % sick, 4 % excused (visits,
  // court), 2 % refused, 3 % absent without reason, 1 % not recorded.
  void sessions(Date d) {
    for (const WorkshopPlan& plan : plans()) {
      const Session* s = find_session(f_.programmes().workshop(plan.id), d);
      if (!s) continue;
      for (const std::string& id : enrolled(plan.id, d)) {
        const std::uint64_t r = rng_.below(100);
        Work& w = work_[{plan.id, id}];
        if (r >= 99) {  // nothing recorded: counts against the inmate
          ++w.expected;
          continue;
        }
        const AttendanceStatus st = r < 85   ? AttendanceStatus::Attended
                                    : r < 90 ? AttendanceStatus::Sick
                                    : r < 94 ? AttendanceStatus::Excused
                                    : r < 96 ? AttendanceStatus::Refused
                                             : AttendanceStatus::Absent;
        if (st != AttendanceStatus::Sick && st != AttendanceStatus::Excused) ++w.expected;
        if (st == AttendanceStatus::Attended) {
          const int hours = s->hours > 1 && rng_.chance(100'000) ? s->hours - 1 : s->hours;
          f_.record_attendance(plan.id, d, id, st, hours);
          w.hours_since_batch += hours;
          w.hours += hours;
          ++w.attended;
        } else {
          f_.record_attendance(plan.id, d, id, st);
        }
      }
    }
  }

  // A batch on the first session on or after the 1st and the 15th of each month, the workshop's products in turn;
  // premi shared by the hours each contributor worked since the workshop's last batch.
  void production(Date d) {
    for (const WorkshopPlan& plan : plans()) {
      if (plan.products.empty() || !find_session(f_.programmes().workshop(plan.id), d)) continue;
      const int half = d.day() < 15 ? 0 : 1;
      const int key = d.month() * 2 + half;
      if (last_batch_half_[plan.id] == key) continue;
      std::vector<Contribution> contributors;
      for (const std::string& id : enrolled(plan.id, d)) {
        Work& w = work_[{plan.id, id}];
        if (w.hours_since_batch > 0) contributors.push_back({id, w.hours_since_batch});
        w.hours_since_batch = 0;
      }
      if (contributors.empty()) continue;
      last_batch_half_[plan.id] = key;
      const ProductPlan& product = plan.products[next_product_[plan.id]++ % plan.products.size()];
      const std::int64_t units = rng_.between(product.min_units, product.max_units);
      const std::int64_t cost = units * product.unit_cost * rng_.between(95, 105) / 100;
      f_.add_batch({"B-2026-" + three(++batches_), product.id, plan.id, d, units, Rupiah(cost),
                    ContributionBasis::Hours, std::move(contributors), std::nullopt});
    }
  }

  // The partner takes shirts, tote bags and amplang on consignment on the first Tuesday of each month from
  // February, a third of the gallery's stock, and returns what is left on 2026-12-28.
  void consignments(Date d) {
    const bool first_tuesday = d.day() <= 7 && d.day_of_week().as_number() == 2 && d.month() >= 2;
    const bool year_end = d == day(2026, 12, 28);
    if (!first_tuesday && !year_end) return;
    for (const auto& [id, product] : products_) {
      if (!product->consign) continue;
      if (first_tuesday) {
        const std::int64_t units = f_.programmes().stock(id) / 3;
        if (units >= 5) f_.consign({"C-2026-" + three(++consignments_), d, kPartner, id, units, ConsignmentKind::Placed});
      } else {
        const std::int64_t units = f_.programmes().stock(id, std::string(kPartner));
        if (units > 0)
          f_.consign({"C-2026-" + three(++consignments_), d, kPartner, id, units, ConsignmentKind::Returned});
      }
    }
  }

  void sell(Date d, const std::string& product, std::int64_t units, std::int64_t price, SaleChannel channel,
            std::optional<std::string> partner, const char* buyer) {
    if (units < 1) return;
    f_.record_sale({"S-2026-" + four(++sales_), d, product, units, Rupiah(price), channel, std::move(partner), buyer});
  }

  // Gallery sales on visiting days (Tuesday, Thursday, Saturday); the partner's shop sells on Fridays; exhibitions
  // on Hari Bakti Pemasyarakatan (27 April), Independence Day and the provincial SME fair; uniforms to order.
  void sales(Date d) {
    const int wd = d.day_of_week().as_number();
    const bool exhibition = d == day(2026, 4, 27) || d == day(2026, 8, 17) || d == day(2026, 11, 21);
    for (const auto& [id, product] : products_) {
      const std::int64_t gallery = f_.programmes().stock(id);
      if (exhibition && gallery > 0) {
        sell(d, id, gallery * rng_.between(30, 60) / 100, product->price, SaleChannel::Exhibition, std::nullopt,
             "pengunjung pameran");
        continue;
      }
      if ((wd == 2 || wd == 4 || wd == 6) && gallery > 0 && rng_.chance(450'000))
        sell(d, id, rng_.between(1, std::min<std::int64_t>(gallery, product->per_sale)), product->price,
             SaleChannel::Gallery, std::nullopt, "pengunjung galeri");
      const std::int64_t partner = f_.programmes().stock(id, std::string(kPartner));
      if (wd == 5 && partner > 0 && rng_.chance(600'000))
        sell(d, id, rng_.between(1, std::min<std::int64_t>(partner, 3 * product->per_sale)), product->price,
             SaleChannel::Partner, std::string(kPartner), "galeri UMKM Dewan UKM");
    }
    if (d == day(2026, 5, 20) || d == day(2026, 10, 12)) {
      const std::int64_t stock = f_.programmes().stock("PRD-SERAGAM");
      sell(d, "PRD-SERAGAM", std::min<std::int64_t>(stock, 60), 150000, SaleChannel::Order, std::nullopt,
           "koperasi pegawai (pesanan seragam)");
    }
  }

  // On the 25th, some of those with savings buy at the cooperative, within what they may spend (25 %).
  void spending(Date d) {
    for (const auto& [id, ledger] : std::map<std::string, SavingsLedger>(f_.programmes().ledgers())) {
      if (ledger.released() || !serving(id, d) || !rng_.chance(600'000)) continue;
      const std::int64_t spendable = ledger.spendable(f_.programmes().savings_policy()).value();
      if (spendable < 10000) continue;
      const std::int64_t amount = rng_.between(10, std::min<std::int64_t>(spendable, 75000) / 1000) * 1000;
      f_.spend(id, d, Rupiah(amount), "koperasi");
    }
  }

  // End assessments in June and December for those with at least 24 hours; competent (rate ≥ 75 % and the
  // assessor agrees) earns a certificate — from the partner for the SAE, from the job training centre otherwise.
  void assessments(Date d) {
    for (const WorkshopPlan& plan : plans()) {
      for (const std::string& id : enrolled(plan.id, d)) {
        const Work& w = work_[{plan.id, id}];
        if (w.hours < 24) continue;
        bool certified = false;
        for (const Certificate& c : f_.programmes().certificates())
          certified = certified || (c.inmate_id == id && c.workshop_id == plan.id);
        if (certified) continue;
        const bool competent = w.expected > 0 && w.attended * 4 >= w.expected * 3 && rng_.chance(850'000);
        const int score = competent ? rng_.between_int(70, 95) : rng_.between_int(45, 69);
        f_.record_assessment({id, plan.id, d,
                              competent ? AssessmentResult::Competent : AssessmentResult::NotYetCompetent, score,
                              plan.partner ? "Dewan UKM Provinsi Kalimantan Timur" : "Instruktur Bimker"});
        if (!competent) continue;
        const std::string cert = "CERT-SMD-2026-" + three(++certificates_);
        if (plan.partner)
          f_.issue_certificate({cert, id, plan.id, d, IssuerKind::Partner, kPartner, std::string(plan.name)});
        else
          f_.issue_certificate({cert, id, plan.id, d, IssuerKind::TrainingCentre, "BLK Kota Samarinda",
                                std::string(plan.name)});
      }
    }
  }

  static std::string three(int n) { return pad(n, 3); }
  static std::string four(int n) { return pad(n, 4); }
  static std::string pad(int n, std::size_t width) {
    std::string s = std::to_string(n);
    return std::string(s.size() < width ? width - s.size() : 0, '0') + s;
  }

  Facility& f_;
  const Engine& engine_;
  Rng rng_;
  std::map<std::string, Inmate> inmates_;
  std::map<std::pair<std::string, std::string>, Work> work_;  // (workshop, inmate)
  std::map<std::string, const ProductPlan*> products_;
  std::map<std::string, std::size_t> next_product_;
  std::map<std::string, int> last_batch_half_;
  int batches_ = 0;
  int consignments_ = 0;
  int sales_ = 0;
  int certificates_ = 0;
};

}  // namespace

std::optional<Date> leaving_day(const Evaluation& evaluation) {
  if (evaluation.milestones.cmb_start) return evaluation.milestones.cmb_start;
  return evaluation.final_release;
}

InmateStatus inmate_status(const Case& c, const Evaluation& evaluation, Date on) {
  InmateStatus s;
  const std::optional<Date> leaves = leaving_day(evaluation);
  s.serving = c.detention().last_start() <= on && c.sentence().verdict_final() <= on && (!leaves || on < *leaves);
  s.asimilasi_from = evaluation.milestones.asimilasi;
  for (const DisciplineEntry& e : c.facts().discipline) s.discipline.push_back(e.date);
  for (const Escape& e : c.facts().escapes) s.discipline.push_back(e.to);  // the return counts as punishment (§4)
  s.expected_release = evaluation.final_release;
  return s;
}

Facility generate_demo_facility(std::uint64_t seed) {
  const PopulationGenerator gen(PopulationMix::samarinda(), seed);
  EvaluateOptions options;
  options.decisions = false;
  const Date opening = gen.mix().as_of;

  // Everyone is in custody on 2026-01-01 or arrives later (the mix's arrivals): a person the engine sees leaving
  // before then is drawn again under the same id.
  std::vector<Case> people;
  people.reserve(kDemoPeople);
  people.push_back(showcase());
  for (std::size_t i = 1; i < kDemoPeople; ++i) {
    for (std::uint32_t attempt = 0;; ++attempt) {
      Case c = gen.person(i, attempt);
      const std::optional<Date> leaves = leaving_day(gen.engine().evaluate(c, options));
      if (!leaves || *leaves > add_days(opening, 14) || attempt == 50) {
        people.push_back(std::move(c));
        break;
      }
    }
  }
  Facility f(kDemoFacilityId, kDemoFacilityName, FacilityKind::Lapas, std::move(people));
  Year(f, gen.engine(), seed).run();
  return f;
}

}  // namespace binaan::synth
