#include <binaan/synth/population.hpp>

#include <binaan/io/case_json.hpp>
#include <binaan/synth/names.hpp>
#include <binaan/synth/random.hpp>

#include <algorithm>
#include <exception>
#include <ostream>
#include <system_error>
#include <thread>

namespace binaan::synth {

namespace {

// ---- Sentence lengths (assumptions) ----
// A band of fixed terms in months, drawn uniformly inside; life and death are bands of their own. Weights are per
// 100,000 sentences of the offence. Shapes: UU 35/2009 gives narcotics dealers and couriers 4 to 20 years and users
// up to 4; most general crimes (theft, fraud, assault) get under 5 years; corruption under UU 31/1999 jo. 20/2001
// mostly 1 to 10 years. Life and death are rare everywhere (a few hundred on death row among ~270,000).
struct Band {
  std::uint32_t weight;
  int min_months;  // 0 with max 0: life; -1: death
  int max_months;
};
constexpr int kLife = 0;
constexpr int kDeath = -1;

const std::vector<Band>& bands(Offence o) {
  static const std::vector<Band> narcotics{
      {15000, 8, 23}, {42000, 24, 59}, {30000, 60, 119}, {12300, 120, 240}, {500, kLife, kLife}, {200, kDeath, kDeath}};
  static const std::vector<Band> general{
      {20000, 3, 11}, {55000, 12, 59}, {17000, 60, 119}, {7700, 120, 240}, {250, kLife, kLife}, {50, kDeath, kDeath}};
  static const std::vector<Band> corruption{{5000, 12, 23}, {50000, 24, 59}, {35000, 60, 119}, {9900, 120, 240},
                                            {100, kLife, kLife}};
  static const std::vector<Band> terrorism{
      {30000, 24, 59}, {50000, 60, 119}, {18000, 120, 240}, {1500, kLife, kLife}, {500, kDeath, kDeath}};
  static const std::vector<Band> state_security{{40000, 12, 59}, {45000, 60, 119}, {15000, 120, 240}};
  static const std::vector<Band> human_rights{{50000, 60, 119}, {50000, 120, 240}};
  static const std::vector<Band> organised{{30000, 24, 59}, {50000, 60, 119}, {20000, 120, 180}};
  switch (o) {
    case Offence::Narcotics: return narcotics;
    case Offence::Corruption: return corruption;
    case Offence::Terrorism: return terrorism;
    case Offence::StateSecurity: return state_security;
    case Offence::HumanRights: return human_rights;
    case Offence::OrganisedCrime: return organised;
    case Offence::General: break;
  }
  return general;
}

// A term as a court writes it: months under a year; otherwise years and months, most often whole or half years.
Term written_term(Rng& rng, int months) {
  if (months < 12) return Term(0, months, 0);
  if (months >= 24 && rng.chance(550'000)) months -= months % 6;
  return Term(months / 12, months % 12, 0);
}

// Subsider terms of fines: one to six months, most often three or six (the courts' habit); restitution longer.
Term fine_subsider(Rng& rng) {
  static const std::vector<std::pair<int, std::uint32_t>> months{{1, 15}, {2, 15}, {3, 30}, {4, 10}, {6, 25}, {5, 5}};
  return Term(0, rng.pick(months), 0);
}

Term restitution_subsider(Rng& rng) {
  const int months = rng.between_int(6, 60);
  return months < 12 ? Term(0, months, 0) : Term(months / 12, months % 12 - months % 6, 0);
}

Date max_date(Date a, Date b) { return a < b ? b : a; }
Date min_date(Date a, Date b) { return a < b ? a : b; }

const Date& kFloor2010() {
  static const Date d = make_date(2010, 1, 1);
  return d;
}

// The days of UU 22/2022 (assessments of risk and participation read from then on).
const Date& kUu22() {
  static const Date d = make_date(2022, 9, 1);
  return d;
}

bool is_long_special(Offence o, const std::optional<Term>& term) {
  if (!is_special_crime(o)) return false;
  if (o != Offence::Narcotics) return true;
  return !term || term->total_months() >= 60;
}

std::string padded(const std::string& prefix, std::size_t number, int digits) {
  std::string n = std::to_string(number);
  if (n.size() < static_cast<std::size_t>(digits)) n.insert(0, static_cast<std::size_t>(digits) - n.size(), '0');
  return prefix + n;
}

}  // namespace

// ---- The mixes ----

PopulationMix PopulationMix::national() {
  PopulationMix m;
  m.id_prefix = "NAT-";
  m.id_digits = 8;
  m.as_of = make_date(2026, 6, 30);
  m.recorded_until = make_date(2025, 12, 31);
  // Offences per 100,000 (assumption, after the Directorate General's monthly figures: narcotics about half of all
  // sentenced prisoners, corruption about 2 %, terrorism and the other special crimes together about 3 %).
  m.offences = {{Offence::Narcotics, 50000},    {Offence::General, 45000},        {Offence::Corruption, 2000},
                {Offence::Terrorism, 600},      {Offence::OrganisedCrime, 1600}, {Offence::StateSecurity, 700},
                {Offence::HumanRights, 100}};
  // Religions per 100,000 (assumption: Indonesia's census shares; other includes the native faiths).
  m.religions = {{Religion::Islam, 87000},    {Religion::Protestant, 7000}, {Religion::Catholic, 3000},
                 {Religion::Hindu, 1700},     {Religion::Buddhist, 700},    {Religion::Confucian, 50},
                 {Religion::Other, 450},      {Religion::Unknown, 100}};
  m.female = 55'000;          // about 5.5 % of prisoners are women
  m.children = 5'000;         // a few children (LPKA) among them
  m.earlier_period = 40'000;  // detention interrupted (suspended, then detained again)
  m.discipline = 100'000;     // about one in ten has a register F entry
  m.escapes = 1'500;
  m.services = 30'000;
  m.pemuka = 20'000;
  m.assessed = 700'000;
  m.recorded = 300'000;
  m.birth_date_known = 950'000;
  m.names = false;
  return m;
}

PopulationMix PopulationMix::samarinda() {
  PopulationMix m;
  m.id_prefix = "WBP-SMD-";
  m.id_digits = 4;
  m.as_of = make_date(2026, 1, 1);
  m.recorded_until = make_date(2025, 12, 31);
  // A narcotics Lapas holds mostly narcotics convicts; the rest are general crimes and a few corruption cases placed
  // there for want of room elsewhere (assumption).
  m.offences = {{Offence::Narcotics, 86000}, {Offence::General, 12000}, {Offence::Corruption, 2000}};
  // East Kalimantan (assumption, after the provincial census): islam ~86 %, protestant and catholic ~10.5 %,
  // small hindu, buddhist and confucian communities.
  m.religions = {{Religion::Islam, 86000},  {Religion::Protestant, 7000}, {Religion::Catholic, 3500},
                 {Religion::Hindu, 1000},   {Religion::Buddhist, 1500},   {Religion::Confucian, 500},
                 {Religion::Other, 500}};
  m.female = 0;  // a men's prison
  m.children = 0;
  m.arrivals = 90'000;
  m.earlier_period = 30'000;
  m.discipline = 110'000;
  m.escapes = 2'000;
  m.services = 40'000;
  m.pemuka = 0;  // pemuka come from the workshops of the demo
  m.assessed = 850'000;
  m.recorded = 600'000;
  m.birth_date_known = 1'000'000;
  m.names = true;
  return m;
}

// ---- One person ----

PopulationGenerator::PopulationGenerator(PopulationMix mix, std::uint64_t seed)
    : mix_(std::move(mix)), seed_(seed), engine_() {}

std::string PopulationGenerator::person_id(std::size_t index) const {
  return padded(mix_.id_prefix, index + 1, mix_.id_digits);
}

Case PopulationGenerator::person(std::size_t index, std::uint32_t attempt) const {
  Rng rng = Rng::for_item(attempt == 0 ? seed_ : mix64(seed_ + attempt), index);
  const PopulationMix& m = mix_;
  const Date as_of = m.as_of;

  // Who.
  const Sex sex = rng.chance(m.female) ? Sex::Female : Sex::Male;
  const Religion religion = rng.pick(m.religions);
  const bool child = rng.chance(m.children);
  Offence offence = rng.pick(m.offences);
  if (child && offence != Offence::General && offence != Offence::Narcotics) offence = Offence::General;

  // The sentence. Children get at most half an adult's maximum (UU 11/2012 Art. 81(2)): six months to three years.
  int months = 0;
  SentenceKind kind = SentenceKind::Fixed;
  if (child) {
    months = rng.between_int(6, 36);
  } else {
    const std::vector<Band>& table = bands(offence);
    std::vector<std::uint32_t> weights;
    weights.reserve(table.size());
    for (const Band& b : table) weights.push_back(b.weight);
    const Band& band = table[rng.weighted(weights)];
    if (band.min_months == kLife) kind = SentenceKind::Life;
    else if (band.min_months == kDeath) kind = SentenceKind::Death;
    else months = rng.between_int(band.min_months, band.max_months);
  }
  const std::optional<Term> term = kind == SentenceKind::Fixed ? std::optional<Term>(written_term(rng, months))
                                                               : std::nullopt;

  // Detention and the verdict: final one to twelve months after detention, most often after three to six.
  // (Draws are made one statement at a time: the operands of + are evaluated in an unspecified order, and another
  // compiler would draw them in another order and write other people.)
  std::int32_t delay = 30 + static_cast<std::int32_t>(rng.below(121));
  delay += static_cast<std::int32_t>(rng.below(121));
  if (rng.chance(150'000)) delay += static_cast<std::int32_t>(rng.below(91));
  const std::int32_t span = term ? term->nominal_days() + 5 * term->years() : 0;
  if (term) delay = std::min(delay, std::max<std::int32_t>(30, span - 30));
  // Stock sampling: a person in prison on `as_of` started within one (remission-shortened) term before it.
  Date floor = kFloor2010();
  if (kind != SentenceKind::Fixed || span > 3650) {
    if (rng.chance(150'000)) floor = make_date(1998, 1, 1);  // some long sentences began before 2010
  }
  Date start;
  if (rng.chance(m.arrivals)) {
    // Arriving around the snapshot: detained up to four months before it or during the eight months after it.
    start = rng.day_between(add_days(as_of, -120), add_days(as_of, 240));
  } else {
    const Date hi = add_days(as_of, -delay);
    Date lo = floor;
    if (term) {
      const std::int32_t served_at_most = term->total_months() >= 12 ? span * 88 / 100 : span;
      lo = max_date(lo, add_days(as_of, -served_at_most));
    }
    start = rng.day_between(min_date(lo, hi), hi);
  }
  const Date verdict_final = add_days(start, delay);

  std::vector<DetentionPeriod> periods;
  if (rng.chance(m.earlier_period)) {
    const std::int32_t length = rng.between_int(10, 120);
    const std::int32_t gap = rng.between_int(15, 400);
    const Date from = add_days(start, -(gap + length));
    periods.push_back({from, add_days(from, length)});
  }
  periods.push_back({start, std::nullopt});

  Sentence sentence = kind == SentenceKind::Life    ? Sentence::life(offence, verdict_final)
                      : kind == SentenceKind::Death ? Sentence::death(offence, verdict_final)
                                                    : Sentence::fixed(*term, offence, verdict_final);
  if (rng.chance(600'000)) sentence = sentence.with_verdict_date(add_days(verdict_final, -rng.between_int(7, 30)));
  // Fines: UU 35/2009 pairs most narcotics prison terms with a fine, UU 31/1999 every corruption term, and
  // corruption often with restitution; few pay (assumption).
  if (kind == SentenceKind::Fixed) {
    if (offence == Offence::Narcotics && rng.chance(850'000))
      sentence = sentence.with_fine({fine_subsider(rng), rng.chance(150'000)});
    else if (offence == Offence::Corruption) {
      if (rng.chance(950'000)) sentence = sentence.with_fine({fine_subsider(rng), rng.chance(600'000)});
      if (rng.chance(550'000)) sentence = sentence.with_restitution({restitution_subsider(rng), rng.chance(350'000)});
    } else if (offence == Offence::OrganisedCrime && rng.chance(500'000))
      sentence = sentence.with_fine({fine_subsider(rng), rng.chance(300'000)});
    else if (offence == Offence::General && rng.chance(50'000))
      sentence = sentence.with_fine({fine_subsider(rng), rng.chance(500'000)});
  }
  // Keppres 174/1999 Art. 9: a life sentence served five years may become a term with at most 15 years left.
  if (kind == SentenceKind::Life && days_between(start, as_of) > 7 * 365 && rng.chance(300'000)) {
    const Date on = rng.day_between(add_years(start, 5), add_days(as_of, -30));
    sentence = sentence.with_commutation({on, Term(days_between(start, on) / 365 + 15, 0, 0)});
  }

  // Age: adults 18 to about 65 when detained, most in their late twenties to forties; children 14 to 17.
  std::optional<Date> birth;
  if (child || rng.chance(m.birth_date_known)) {
    int age = 18;
    if (child) {
      age = rng.between_int(14, 17);
    } else {
      age += static_cast<int>(rng.below(10));
      age += static_cast<int>(rng.below(10));
      age += static_cast<int>(rng.below(20));
      age += static_cast<int>(rng.below(8));
    }
    birth = add_days(add_years(start, -age), -rng.between_int(0, 364));
  }

  // Facts up to the snapshot (arrivals: up to their detention).
  Facts facts;
  const Date facts_to = max_date(as_of, start);
  const Date expected_end = term ? add_days(start, span) : add_years(start, 40);
  const Date window_end = min_date(facts_to, expected_end);
  if (rng.chance(m.discipline) && days_between(start, window_end) > 30) {
    const int count = 1 + static_cast<int>(rng.below(3));
    for (int i = 0; i < count; ++i) facts.discipline.push_back({rng.day_between(add_days(start, 14), window_end)});
    std::sort(facts.discipline.begin(), facts.discipline.end(),
              [](const DisciplineEntry& a, const DisciplineEntry& b) { return a.date < b.date; });
  }
  if (rng.chance(m.escapes) && days_between(start, window_end) > 120) {
    const Date from = rng.day_between(add_days(start, 60), add_days(window_end, -60));
    facts.escapes.push_back({from, add_days(from, rng.between_int(2, 45))});
  }
  if (is_long_special(offence, term)) {
    if (rng.chance(20'000)) facts.justice_collaborator = true;
    else if (rng.chance(50'000)) facts.justice_collaborator = false;
  }
  if (offence == Offence::Terrorism) {
    if (rng.chance(550'000)) {
      facts.deradicalisation = true;
      if (rng.chance(900'000)) facts.pledge = true;
    } else if (rng.chance(200'000)) {
      facts.deradicalisation = false;
    }
  }
  if (rng.chance(m.pemuka) && days_between(start, window_end) > 400) {
    const Date from = rng.day_between(add_days(start, 180), add_days(window_end, -90));
    facts.pemuka.push_back({from, min_date(window_end, add_days(from, rng.between_int(90, 540)))});
  }
  if (rng.chance(m.services) && days_between(start, window_end) > 60) {
    const int count = 1 + static_cast<int>(rng.below(3));
    std::vector<Date> days;
    for (int i = 0; i < count; ++i) days.push_back(rng.day_between(add_days(start, 30), window_end));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    for (Date d : days)
      facts.services.push_back({d, rng.chance(900'000) ? ServiceKind::BloodDonation : ServiceKind::Humanitarian});
  }
  // Yearly assessments since UU 22/2022: predicate (SPPN) and risk; a recent register F entry lowers the predicate,
  // and risk tends to come down over the years.
  if (rng.chance(m.assessed)) {
    const Date after_start = add_days(start, rng.between_int(60, 150));
    Date on = max_date(after_start, add_days(kUu22(), rng.between_int(0, 120)));
    static const std::vector<std::pair<Risk, std::uint32_t>> first_risk{
        {Risk::High, 20}, {Risk::Medium, 45}, {Risk::Low, 35}};
    Risk risk = rng.pick(first_risk);
    while (on <= facts_to && facts.assessments.size() < 8) {
      bool recent = false;
      for (const DisciplineEntry& e : facts.discipline) recent = recent || in_lookback(e.date, on, 180);
      Predicate predicate;
      if (recent) predicate = rng.chance(700'000) ? Predicate::Cukup : Predicate::Kurang;
      else {
        static const std::vector<std::pair<Predicate, std::uint32_t>> predicates{
            {Predicate::SangatBaik, 20}, {Predicate::Baik, 68}, {Predicate::Cukup, 10}, {Predicate::Kurang, 2}};
        predicate = rng.pick(predicates);
      }
      if (recent && risk == Risk::Low) risk = Risk::Medium;
      else if (!recent && risk != Risk::Low && rng.chance(500'000))
        risk = risk == Risk::High ? Risk::Medium : Risk::Low;
      Assessment a{on, predicate, std::nullopt};
      if (rng.chance(900'000)) a.risk = risk;
      facts.assessments.push_back(a);
      on = add_days(on, rng.between_int(330, 400));
    }
  }

  Person person(person_id(index), religion,
                m.names ? fictional_name(rng, religion, sex) : std::string(), sex, birth);
  DetentionHistory detention(std::move(periods));

  // Grants already decided: what the engine says up to recorded_until, as the national database would hold them.
  std::optional<Recorded> recorded;
  if (rng.chance(m.recorded) && kind == SentenceKind::Fixed && days_between(start, m.recorded_until) > 200) {
    const Case past(person, detention, sentence, facts, std::nullopt, m.recorded_until);
    EvaluateOptions options;
    options.decisions = false;
    const Evaluation ev = engine_.evaluate(past, options);
    Recorded r{m.recorded_until, {}};
    for (const Grant& g : ev.grants)
      if (g.date <= m.recorded_until) r.grants.push_back({g.date, g.kind, term_from_nominal_days(g.days)});
    recorded = std::move(r);
  }
  return Case(std::move(person), std::move(detention), std::move(sentence), std::move(facts), std::move(recorded));
}

// ---- Many people ----

std::vector<Case> generate_population(std::size_t n, std::uint64_t seed, unsigned threads) {
  const PopulationGenerator gen(PopulationMix::national(), seed);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  if (threads <= 1 || n < 10'000) {
    std::vector<Case> out;
    reserve_roster(out, n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(gen.person(i));
    return out;
  }
  // Each thread fills its own slice; the slices are joined in order, so the result is the sequential one. A slice
  // is filled in a vector of the thread's own and moved into `parts` at the end: the vectors of `parts` sit side by
  // side, and a vector's end moves with every person. The calling thread fills the first slice, and those of any
  // thread the system refuses to start.
  std::vector<std::vector<Case>> parts(threads);
  std::vector<std::exception_ptr> errors(threads);
  const std::size_t chunk = (n + threads - 1) / threads;
  auto fill = [&](unsigned t) {
    try {
      const std::size_t from = std::min(n, t * chunk);
      const std::size_t to = std::min(n, from + chunk);
      std::vector<Case> part;
      part.reserve(to - from);
      for (std::size_t i = from; i < to; ++i) part.push_back(gen.person(i));
      parts[t] = std::move(part);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  std::vector<unsigned> here;  // the slices of the calling thread
  here.reserve(threads);
  here.push_back(0);
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(fill, t);
    } catch (const std::system_error&) {
      here.push_back(t);
    }
  }
  for (unsigned t : here) fill(t);
  for (std::thread& th : pool) th.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  std::vector<Case> out;
  reserve_roster(out, n);  // the engine reads every case object of a run: on 2 MiB pages (see reserve_roster)
  for (std::vector<Case>& part : parts) {
    for (Case& c : part) out.push_back(std::move(c));
    std::vector<Case>().swap(part);
  }
  return out;
}

void for_each_person(std::size_t n, std::uint64_t seed, const std::function<void(const Case&)>& visit) {
  const PopulationGenerator gen(PopulationMix::national(), seed);
  for (std::size_t i = 0; i < n; ++i) visit(gen.person(i));
}

std::uint64_t write_population_jsonl(std::ostream& out, std::size_t n, std::uint64_t seed) {
  std::uint64_t bytes = 0;
  std::string line;
  for_each_person(n, seed, [&](const Case& c) {
    // A generated case has no `expect`, so its compact case JSON is its roster line.
    line = write_case_json(c, -1);
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    bytes += line.size();
  });
  return bytes;
}

}  // namespace binaan::synth
