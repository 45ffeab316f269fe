#pragma once
// Facilities for the facility and archive tests: a fixed one (the source of the golden archives), seeded random
// ones built through the public operations, and a canonical dump to compare facilities by.

#include <binaan/facility/facility.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace binaan::test {

inline Date day(const char* iso) { return parse_date(iso); }

inline InmateStatus serving(std::optional<Date> asimilasi_from = std::nullopt) {
  return InmateStatus{true, asimilasi_from, {}, std::nullopt};
}

// ---- canonical dump: every field of the facility, in a fixed order ----

class Dump {
public:
  std::string str() const { return out_.str(); }

  Dump& operator()(const char* key, const std::string& v) {
    out_ << key << '=' << v.size() << ':' << v << ' ';
    return *this;
  }
  Dump& operator()(const char* key, const char* v) { return (*this)(key, std::string(v)); }
  Dump& operator()(const char* key, std::string_view v) { return (*this)(key, std::string(v)); }
  Dump& operator()(const char* key, std::int64_t v) {
    out_ << key << '=' << v << ' ';
    return *this;
  }
  Dump& operator()(const char* key, int v) { return (*this)(key, static_cast<std::int64_t>(v)); }
  Dump& operator()(const char* key, bool v) { return (*this)(key, std::string(v ? "true" : "false")); }
  Dump& operator()(const char* key, Date d) { return (*this)(key, format_date(d)); }
  Dump& operator()(const char* key, Rupiah r) { return (*this)(key, r.value()); }
  template <class E, std::enable_if_t<std::is_enum<E>::value, int> = 0>
  Dump& operator()(const char* key, E e) {
    return (*this)(key, static_cast<std::int64_t>(e));
  }
  template <class T>
  Dump& operator()(const char* key, const std::optional<T>& o) {
    if (!o) {
      out_ << key << "=none ";
      return *this;
    }
    return (*this)(key, *o);
  }
  Dump& line() {
    out_ << '\n';
    return *this;
  }

private:
  std::ostringstream out_;
};

inline void dump_programmes(Dump& d, const Programmes& p) {
  for (const ProfitSplitPolicy& s : p.profit_split().policies())
    d("split", s.effective_from())("premi", s.premi_percent())("pnbp", s.pnbp_percent())(
         "capital", s.capital_percent())("source", s.source())
        .line();
  d("window", p.enrolment_policy().discipline_window_days)("near", p.enrolment_policy().near_release_days)(
       "spend", p.savings_policy().spend_percent)
      .line();
  for (const Programme& x : p.programmes()) d("programme", x.id)("kind", x.kind)("name", x.name).line();
  for (const Partner& x : p.partners()) d("partner", x.id)("name", x.name)("contact", x.contact).line();
  for (const Agreement& x : p.agreements()) {
    d("agreement", x.id)("partner", x.partner_id)("ref", x.reference)("from", x.from)("to", x.to);
    for (AgreementScope s : x.scopes) d("scope", s);
    d.line();
  }
  for (const Workshop& x : p.workshops()) {
    d("workshop", x.id)("programme", x.programme_id)("name", x.name)("capacity", x.capacity)("location", x.location)(
        "partner", x.partner_id);
    for (const Session& s : x.sessions) d("session", s.date)("hours", s.hours);
    for (const std::string& s : x.instructors) d("instructor", s);
    d.line();
  }
  for (const Product& x : p.products()) d("product", x.id)("name", x.name).line();
  for (const Enrolment& x : p.enrolments())
    d("enrolment", x.inmate_id)("ws", x.workshop_id)("req", x.requested_on)("on", x.enrolled_on)("left", x.left_on)(
         "reason", x.leave_reason)
        .line();
  for (const WaitingEntry& x : p.waiting_list())
    d("waiting", x.inmate_id)("ws", x.workshop_id)("req", x.requested_on).line();
  for (const EnrolmentDecision& x : p.decisions()) {
    d("decision", x.inmate_id)("ws", x.workshop_id)("on", x.on)("outcome", x.outcome);
    for (const Decline& r : x.reasons) d("code", r.code)("msg", r.message)("earliest", r.earliest);
    d.line();
  }
  for (const Attendance& x : p.attendance())
    d("attendance", x.workshop_id)("session", x.session)("inmate", x.inmate_id)("status", x.status)("hours", x.hours)
        .line();
  for (const EndAssessment& x : p.assessments())
    d("assessment", x.inmate_id)("ws", x.workshop_id)("date", x.date)("result", x.result)("score", x.score)(
         "assessor", x.assessor)
        .line();
  for (const Certificate& x : p.certificates())
    d("certificate", x.id)("inmate", x.inmate_id)("ws", x.workshop_id)("date", x.date)("issuer_kind", x.issuer_kind)(
         "issuer", x.issuer)("title", x.title)
        .line();
  for (const PemukaPeriod& x : p.pemuka())
    d("pemuka", x.inmate_id)("ws", x.workshop_id)("from", x.span.from)("to", x.span.to).line();
  for (const Batch& x : p.batches()) {
    d("batch", x.id)("product", x.product_id)("ws", x.workshop_id)("date", x.date)("units", x.units)(
        "cost", x.material_cost)("basis", x.basis)("materials", x.materials_partner_id);
    for (const Contribution& c : x.contributors) d("by", c.inmate_id)("amount", c.amount);
    d.line();
  }
  for (const ConsignmentRecord& x : p.consignments()) {
    const Consignment& c = x.consignment;
    d("consignment", c.id)("date", c.date)("partner", c.partner_id)("product", c.product_id)("units", c.units)(
        "kind", c.kind);
    for (const StockLine& l : x.lines) d("batch", l.batch_id)("units", l.units);
    d.line();
  }
  for (const SaleRecord& x : p.sales()) {
    const Sale& s = x.sale;
    d("sale", s.id)("date", s.date)("product", s.product_id)("units", s.units)("price", s.unit_price)(
        "channel", s.channel)("partner", s.partner_id)("buyer", s.buyer)("amount", x.amount)("policy",
                                                                                             x.policy_source);
    for (const SaleLine& l : x.lines) {
      d("batch", l.batch_id)("ws", l.workshop_id)("units", l.units)("revenue", l.revenue)("cost", l.cost)(
          "profit", l.profit)("premi", l.shares.premi)("pnbp", l.shares.pnbp)("capital", l.shares.capital);
      for (const Part& part : l.premi) d("to", part.id)("amount", part.amount);
    }
    d.line();
  }
  for (const auto& [inmate, ledger] : p.ledgers()) {
    d("ledger", inmate)("of", ledger.inmate_id())("credits", ledger.credits())("spent", ledger.spent())(
        "handed", ledger.handed_over())("released", ledger.released());
    for (const LedgerEntry& e : ledger.entries())
      d("entry", e.date)("kind", e.kind)("amount", e.amount)("ref", e.reference);
    d.line();
  }
  // Derived state that only the operations keep: stock by place and units unsold.
  for (const Product& x : p.products()) {
    d("stock", x.id)("gallery", p.stock(x.id));
    for (const Partner& partner : p.partners()) d("at", partner.id)("units", p.stock(x.id, partner.id));
    d.line();
  }
  for (const Batch& x : p.batches()) d("unsold", x.id)("units", p.unsold(x.id)).line();
}

/// Everything of a facility as text: equal dumps, equal facilities.
inline std::string dump(const Facility& f) {
  Dump d;
  d("facility", f.id())("name", f.name())("kind", f.kind()).line();
  for (const Case& c : f.people()) d("case", write_case_json(c, -1)).line();
  dump_programmes(d, f.programmes());
  return d.str();
}

// ---- the fixed facility of the golden archives (format 1) ----

/// A person with every optional field of a case set.
inline Case full_case(const std::string& id, Religion religion, int variant) {
  Person person(id, religion, "Nama " + id, variant % 2 ? Sex::Female : Sex::Male, day("1990-02-28"), false);
  DetentionHistory detention({{day("2019-03-01"), day("2019-04-15")}, {day("2020-01-10"), std::nullopt}});
  Sentence s = variant == 2 ? Sentence::life(Offence::Narcotics, day("2020-09-01"))
                                  .with_commutation({day("2030-08-17"), Term(20, 0, 0)})
                            : Sentence::fixed(Term(6, 8, 15), variant ? Offence::Corruption : Offence::Narcotics,
                                              day("2020-09-01"));
  s = s.with_verdict_date(day("2020-08-20"))
          .with_fine({Term(0, 6, 0), variant == 1})
          .with_restitution({Term(1, 0, 0), false});
  Facts facts;
  facts.discipline = {{day("2021-05-05")}};
  facts.escapes = {{day("2022-01-01"), day("2022-01-03")}};
  facts.justice_collaborator = variant == 0;
  facts.deradicalisation = false;
  facts.pledge = true;
  facts.pemuka = {{day("2023-01-01"), day("2023-12-31")}};
  facts.services = {{day("2023-06-14"), ServiceKind::BloodDonation}};
  facts.assessments = {{day("2023-07-01"), Predicate::Baik, Risk::Low},
                       {day("2024-01-01"), std::nullopt, Risk::Medium}};
  Recorded recorded{day("2024-12-31"), {{day("2021-08-17"), GrantKind::Ru, Term(0, 1, 0)},
                                        {day("2022-05-02"), GrantKind::Rk, Term(0, 0, 15)}}};
  Case c(std::move(person), std::move(detention), std::move(s), std::move(facts), std::move(recorded),
         day("2035-12-31"));
  c.id = "case-" + id;
  c.title = "Kasus " + id;
  c.source = "register B.I";
  c.policy = {{"ladder_index", std::string("receipts")}, {"strict", true}, {"cap_days", std::int64_t{90}}};
  c.expect_json = R"({"release":"2027-01-01","grants":[1,2]})";
  return c;
}

/// Three people and a small programmes set: a workshop, a partner with an agreement, a product, a batch, a
/// consignment, sales, savings with spending and a hand-over, attendance, an assessment, a certificate, pemuka, a
/// waiting list. Never change it: the golden archives of tests/data/archives/ were written from it.
inline Facility fixed_facility() {
  Facility f("LP-SMD", "Lapas Narkotika Kelas IIA Samarinda", FacilityKind::Lapas);
  f.add_person(full_case("WBP-0001", Religion::Islam, 0));
  f.add_person(full_case("WBP-0002", Religion::Protestant, 1));
  f.add_person(full_case("WBP-0003", Religion::Hindu, 2));

  f.add_programme({"P-GARMENT", ProgrammeKind::Garment, "Pelatihan konveksi"});
  f.add_partner({"DUKM", "Dewan UKM Provinsi Kalimantan Timur", "sekretariat@dukm.example"});
  f.add_agreement({"PKS-1", "DUKM", "PKS/DUKM/2026/01", day("2026-01-01"), day("2026-12-31"),
                   {AgreementScope::Training, AgreementScope::Marketing, AgreementScope::Materials,
                    AgreementScope::Buying}});
  f.add_workshop({"WS-1", "P-GARMENT", "SAE Konveksi", 2,
                  {{day("2026-01-05"), 3}, {day("2026-01-12"), 3}, {day("2026-01-19"), 3}},
                  {"Ibu Rahmawati"}, Location::InsideWalls, std::string("DUKM")});
  f.add_product({"PRD-SHIRT", "Kemeja batik"});

  f.request_enrolment("WBP-0001", "WS-1", day("2026-01-02"), serving());
  f.request_enrolment("WBP-0002", "WS-1", day("2026-01-02"), serving());
  f.request_enrolment("WBP-0003", "WS-1", day("2026-01-02"), serving());  // full: waiting list
  f.record_attendance("WS-1", day("2026-01-05"), "WBP-0001", AttendanceStatus::Attended);
  f.record_attendance("WS-1", day("2026-01-05"), "WBP-0002", AttendanceStatus::Sick);
  f.record_attendance("WS-1", day("2026-01-12"), "WBP-0001", AttendanceStatus::Attended, 2);
  f.record_assessment({"WBP-0001", "WS-1", day("2026-01-19"), AssessmentResult::Competent, 85, "Ibu Rahmawati"});
  f.issue_certificate({"CERT-1", "WBP-0001", "WS-1", day("2026-01-20"), IssuerKind::Partner, "DUKM",
                       "Menjahit tingkat dasar"});
  f.record_pemuka({"WBP-0002", "WS-1", {day("2026-01-05"), day("2026-03-31")}});

  f.add_batch({"B-1", "PRD-SHIRT", "WS-1", day("2026-01-15"), 10, Rupiah(500000), ContributionBasis::Hours,
               {{"WBP-0001", 6}, {"WBP-0002", 3}}, std::string("DUKM")});
  f.consign({"K-1", day("2026-01-16"), "DUKM", "PRD-SHIRT", 4, ConsignmentKind::Placed});
  f.record_sale({"S-1", day("2026-01-20"), "PRD-SHIRT", 3, Rupiah(150000), SaleChannel::Gallery, std::nullopt,
                 "pengunjung"});
  f.record_sale({"S-2", day("2026-01-20"), "PRD-SHIRT", 2, Rupiah(175000), SaleChannel::Partner,
                 std::string("DUKM"), "toko mitra"});
  f.spend("WBP-0001", day("2026-01-25"), Rupiah(10000), "kantin");
  f.hand_over("WBP-0002", day("2026-02-01"));
  f.leave("WBP-0002", "WS-1", day("2026-02-02"), LeaveReason::Released);
  return f;
}

// ---- random facilities, seeded, built through the public operations ----

inline std::string random_text(std::mt19937& rng, std::size_t max_len) {
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,\"\\/\n\t{}";
  std::uniform_int_distribution<std::size_t> len(0, max_len), ch(0, sizeof kChars - 2);
  std::string s(len(rng), ' ');
  for (char& c : s) c = kChars[ch(rng)];
  return s;
}

inline Date random_day(std::mt19937& rng, const char* from, int span_days) {
  return add_days(day(from), std::uniform_int_distribution<int>(0, span_days)(rng));
}

inline Case random_case(std::mt19937& rng, const std::string& id) {
  auto coin = [&](int percent = 50) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const Date birth = random_day(rng, "1950-01-01", 20000);
  Person person(id, static_cast<Religion>(pick(8)), coin(80) ? random_text(rng, 30) : std::string(),
                coin() ? std::optional<Sex>(static_cast<Sex>(pick(2))) : std::nullopt,
                coin() ? std::optional<Date>(birth) : std::nullopt,
                coin(20) ? std::optional<bool>(coin()) : std::nullopt);
  std::vector<DetentionPeriod> periods;
  Date d = random_day(rng, "2005-01-01", 6000);
  const int n = 1 + pick(3);
  for (int i = 0; i < n; ++i) {
    const Date to = add_days(d, 1 + pick(400));
    periods.push_back({d, i + 1 < n || coin(30) ? std::optional<Date>(to) : std::nullopt});
    d = add_days(to, pick(300));
  }
  const Date start = periods.front().from;
  const Date final_day = add_days(start, 30 + pick(300));
  Sentence s = Sentence::fixed(Term(pick(20), pick(12), 1 + pick(30)), static_cast<Offence>(pick(7)), final_day);
  const int kind = pick(10);
  if (kind == 0) s = Sentence::death(static_cast<Offence>(pick(7)), final_day);
  if (kind == 1) {
    s = Sentence::life(static_cast<Offence>(pick(7)), final_day);
    if (coin()) s = s.with_commutation({add_days(final_day, pick(5000)), Term(10 + pick(10), pick(12), 0)});
  }
  if (coin()) s = s.with_verdict_date(add_days(final_day, -pick(60)));
  if (coin()) s = s.with_fine({Term(0, 1 + pick(11), pick(30)), coin()});
  if (coin(20)) s = s.with_restitution({Term(pick(3), 1 + pick(11), 0), coin()});
  Facts f;
  for (int i = pick(3); i > 0; --i) f.discipline.push_back({random_day(rng, "2010-01-01", 5000)});
  for (int i = pick(2); i > 0; --i) {
    const Date from = random_day(rng, "2010-01-01", 5000);
    f.escapes.push_back({from, add_days(from, 1 + pick(90))});
  }
  if (coin()) f.justice_collaborator = coin();
  if (coin()) f.deradicalisation = coin();
  if (coin()) f.pledge = coin();
  for (int i = pick(2); i > 0; --i) {
    const Date from = random_day(rng, "2010-01-01", 5000);
    f.pemuka.push_back({from, add_days(from, pick(400))});
  }
  for (int i = pick(2); i > 0; --i)
    f.services.push_back({random_day(rng, "2010-01-01", 5000), static_cast<ServiceKind>(pick(4))});
  for (int i = pick(3); i > 0; --i) {
    const bool both = coin();
    f.assessments.push_back({random_day(rng, "2010-01-01", 5000),
                             both || coin() ? std::optional<Predicate>(static_cast<Predicate>(pick(4))) : std::nullopt,
                             std::optional<Risk>(static_cast<Risk>(pick(3)))});
  }
  std::optional<Recorded> recorded;
  if (coin(30)) {
    Recorded r{random_day(rng, "2015-01-01", 3000), {}};
    Date g = add_days(r.until, -2000);
    for (int i = pick(4); i > 0; --i) {
      g = add_days(g, pick(400));
      if (g > r.until) break;
      r.grants.push_back({g, static_cast<GrantKind>(pick(7)), Term(0, pick(6), 1 + pick(29))});
    }
    recorded = r;
  }
  Case c(std::move(person), DetentionHistory(std::move(periods)), std::move(s), std::move(f), std::move(recorded),
         coin(20) ? std::optional<Date>(random_day(rng, "2020-01-01", 4000)) : std::nullopt);
  if (coin(30)) c.id = "c-" + id;
  if (coin(30)) c.title = random_text(rng, 40);
  if (coin(20)) c.source = random_text(rng, 20);
  if (coin(20)) c.policy.push_back({"ladder_index", std::string("receipts")});
  if (coin(10)) c.policy.push_back({"strict", coin()});
  if (coin(10)) c.policy.push_back({"cap", std::int64_t{pick(1000)} - 500});
  if (coin(10)) c.expect_json = R"({"n":)" + std::to_string(pick(100)) + "}";
  return c;
}

/// `people` random people, then about a year and a half of random programme activity (most of it valid: each
/// refused operation is simply skipped, as the aggregate is unchanged). Same seed, same facility.
inline Facility random_facility(std::uint32_t seed, int people, int activity_percent = 100) {
  std::mt19937 rng(seed);
  auto coin = [&](int percent = 50) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  Facility f("F-" + std::to_string(seed), random_text(rng, 30), coin() ? FacilityKind::Lapas : FacilityKind::Rutan);
  std::vector<std::string> ids;
  for (int i = 0; i < people; ++i) {
    ids.push_back("WBP-" + std::to_string(seed) + "-" + std::to_string(i));
    f.add_person(random_case(rng, ids.back()));
  }
  if (ids.empty() || activity_percent == 0) return f;
  auto attempt = [](auto&& op) {
    try {
      op();
    } catch (const ValueError&) {
    } catch (const LookupError&) {
    }
  };

  f.add_programme({"P-1", ProgrammeKind::Garment, "Konveksi"});
  f.add_programme({"P-2", ProgrammeKind::Religion, random_text(rng, 20) + "x"});
  const std::size_t partners = 1 + pick(2);
  for (std::size_t i = 0; i < partners; ++i) {
    const std::string pid = "M-" + std::to_string(i);
    f.add_partner({pid, "Mitra " + std::to_string(i), random_text(rng, 20)});
    std::vector<AgreementScope> scopes;
    for (int s = 0; s < 4; ++s)
      if (coin(70)) scopes.push_back(static_cast<AgreementScope>(s));
    if (scopes.empty()) scopes.push_back(AgreementScope::Marketing);
    f.add_agreement({"A-" + pid, pid, "PKS/" + pid, day("2025-01-01"), day("2026-12-31"), scopes});
  }
  const int workshops = 1 + static_cast<int>(pick(3));
  std::vector<std::string> ws;
  for (int i = 0; i < workshops; ++i) {
    std::vector<Session> sessions;
    Date d = add_days(day("2025-01-06"), static_cast<int>(pick(7)));
    for (int k = 0; k < 60; ++k, d = add_days(d, 3 + static_cast<int>(pick(8))))
      sessions.push_back({d, 1 + static_cast<int>(pick(6))});
    Workshop w{"W-" + std::to_string(i), i % 2 ? "P-2" : "P-1", "Bengkel " + std::to_string(i),
               2 + static_cast<int>(pick(5)), sessions, {"Instruktur"}, coin() ? Location::InsideWalls
                                                                              : Location::OutsideWalls,
               coin() ? std::optional<std::string>("M-0") : std::nullopt};
    try {
      f.add_workshop(w);
    } catch (const ValueError&) {
      w.partner_id.reset();  // M-0 may have no Training agreement
      f.add_workshop(w);
    }
    ws.push_back(w.id);
  }
  const std::size_t products = 1 + pick(3);
  for (std::size_t i = 0; i < products; ++i) f.add_product({"PRD-" + std::to_string(i), "Produk " + std::to_string(i)});

  int batch_no = 0, sale_no = 0, consignment_no = 0, cert_no = 0;
  for (Date d = day("2025-01-01"); d < day("2026-06-30"); d = add_days(d, 1)) {
    if (!coin(activity_percent)) continue;
    const Programmes& p = f.programmes();
    for (int k = static_cast<int>(pick(3)); k > 0; --k)
      attempt([&] {
        InmateStatus st = serving(coin(70) ? std::optional<Date>(add_days(d, -30)) : std::nullopt);
        if (coin(10)) st.discipline.push_back(add_days(d, -10));
        f.request_enrolment(ids[pick(ids.size())], ws[pick(ws.size())], d, st);
      });
    if (coin(5))
      attempt([&] {
        std::map<std::string, InmateStatus> statuses;
        for (const std::string& id : ids) statuses[id] = serving(add_days(d, -1));
        f.fill_places(ws[pick(ws.size())], d, statuses);
      });
    // Attendance at today's sessions.
    for (const Workshop& w : p.workshops()) {
      const Session* s = find_session(w, d);
      if (!s) continue;
      const std::vector<Enrolment> enrolments = p.enrolments();
      for (const Enrolment& e : enrolments)
        if (e.workshop_id == w.id && enrolled_on(e, d) && coin(80))
          attempt([&] {
            const auto status = static_cast<AttendanceStatus>(coin(70) ? 0 : pick(6));
            f.record_attendance(w.id, d, e.inmate_id, status,
                                status == AttendanceStatus::Attended && coin() ? std::optional<int>(1)
                                                                               : std::nullopt);
          });
    }
    if (coin(10) && !p.enrolments().empty())
      attempt([&] {
        const Enrolment e = p.enrolments()[pick(p.enrolments().size())];
        f.leave(e.inmate_id, e.workshop_id, d, static_cast<LeaveReason>(pick(5)));
      });
    if (coin(8) && !p.enrolments().empty())
      attempt([&] {
        const Enrolment e = p.enrolments()[pick(p.enrolments().size())];
        f.record_assessment({e.inmate_id, e.workshop_id, d, coin(70) ? AssessmentResult::Competent
                                                                   : AssessmentResult::NotYetCompetent,
                             coin() ? std::optional<int>(static_cast<int>(pick(101))) : std::nullopt, "Penilai"});
      });
    if (coin(8) && !p.assessments().empty())
      attempt([&] {
        const EndAssessment a = p.assessments()[pick(p.assessments().size())];
        const bool partner = coin();
        f.issue_certificate({"C-" + std::to_string(cert_no++), a.inmate_id, a.workshop_id, d,
                             partner ? IssuerKind::Partner : IssuerKind::TrainingCentre, partner ? "M-0" : "BLK",
                             "Sertifikat"});
      });
    if (coin(3))
      attempt([&] {
        f.record_pemuka({ids[pick(ids.size())], coin() ? ws[pick(ws.size())] : std::string(),
                         {d, add_days(d, static_cast<int>(pick(200)))}});
      });
    // Stock movements of the day, in random order and number: several on one day exercise the replay's search.
    for (int k = static_cast<int>(pick(coin(20) ? 6 : 2)); k > 0; --k) {
      const int what = static_cast<int>(pick(4));
      if (what == 0) {
        attempt([&] {
          std::vector<Contribution> by;
          const std::string w = ws[pick(ws.size())];
          for (const Enrolment& e : p.enrolments())
            if (e.workshop_id == w && enrolled_on(e, d) && coin(70))
              by.push_back({e.inmate_id, 1 + static_cast<std::int64_t>(pick(20))});
          f.add_batch({"B-" + std::to_string(batch_no++), "PRD-" + std::to_string(pick(products)), w, d,
                       1 + static_cast<std::int64_t>(pick(12)), Rupiah(static_cast<std::int64_t>(pick(300000))),
                       coin() ? ContributionBasis::Hours : ContributionBasis::Pieces, by,
                       coin(20) ? std::optional<std::string>("M-0") : std::nullopt});
        });
      } else if (what == 1) {
        attempt([&] {
          f.consign({"K-" + std::to_string(consignment_no++), d, "M-" + std::to_string(pick(partners)),
                     "PRD-" + std::to_string(pick(products)), 1 + static_cast<std::int64_t>(pick(5)),
                     coin(70) ? ConsignmentKind::Placed : ConsignmentKind::Returned});
        });
      } else {
        attempt([&] {
          const auto channel = static_cast<SaleChannel>(pick(5));
          std::optional<std::string> partner;
          if (channel == SaleChannel::Partner || coin(10)) partner = "M-" + std::to_string(pick(partners));
          f.record_sale({"S-" + std::to_string(sale_no++), d, "PRD-" + std::to_string(pick(products)),
                         1 + static_cast<std::int64_t>(pick(4)), Rupiah(static_cast<std::int64_t>(pick(200000))),
                         channel, partner, random_text(rng, 12)});
        });
      }
    }
    if (coin(10))
      attempt([&] {
        f.spend(ids[pick(ids.size())], d, Rupiah(1 + static_cast<std::int64_t>(pick(20000))), random_text(rng, 10));
      });
    if (coin(2)) attempt([&] { f.hand_over(ids[pick(ids.size())], d); });
  }
  return f;
}

}  // namespace binaan::test
