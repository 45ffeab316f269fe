// The remission timeline (rules-indonesia.md §3–§5): candidate days, eligibility by period, ladder amounts,
// release (level II). Every condition is decided in exactly one function below and carries its RuleId, whose
// citation is in src/rules/rule.cpp.
#include "rules/remission.hpp"

#include "hints.hpp"

#include <algorithm>
#include <iterator>

namespace binaan::detail {

namespace {

// A ladder's amounts in days: the 1st to 6th step (the 6th for every later one too), and the 1st from `full_from`
// days served. Read from a table by step rather than chosen by a comparison a step: a national roster's people stand
// on every step of both ladders in no order a processor's branch predictor could learn (only the first step's
// condition is still a branch).
struct Ladder {
  std::int32_t steps[6];
  std::int32_t first_full;
};
// Keppres 174/1999 Art. 4: 1st 1 month (2 months from 12 months served), 2nd 3, 3rd 4, 4th–5th 5, then 6.
constexpr Ladder kRuLadder{{30, 90, 120, 150, 150, 180}, 60};
// Keppres 174/1999 Art. 5: 1st 15 days (1 month from 12 months), 2nd–3rd 1 month, 4th–5th 1 m 15 d, then 2 months.
constexpr Ladder kRkLadder{{15, 30, 30, 45, 45, 60}, 30};
// By ladder slot (ladder_slot): PMP HAN has the amounts of the RU ladder (UU 22/2022; Permenkumham 7/2022), on its
// own count.
constexpr const Ladder* kLadders[] = {&kRuLadder, &kRkLadder, &kRuLadder};

std::int32_t ladder_amount(const Ladder& l, int step, std::int32_t served, std::int32_t full_from) {
  const std::int32_t amount = l.steps[std::clamp(step, 1, 6) - 1];
  return step <= 1 && served >= full_from ? l.first_full : amount;
}

}  // namespace

std::int32_t ru_amount(int step, std::int32_t served, std::int32_t full_from) {
  return ladder_amount(kRuLadder, step, served, full_from);
}

std::int32_t rk_amount(int step, std::int32_t served, std::int32_t full_from) {
  return ladder_amount(kRkLadder, step, served, full_from);
}

namespace {

// Keppres 174/1999 Art. 2, 7(5): the RK holiday of the religion first registered.
std::optional<Holiday> rk_holiday(Religion r) {
  switch (r) {
    case Religion::Islam: return Holiday::IdulFitri;
    case Religion::Protestant:
    case Religion::Catholic: return Holiday::Natal;
    case Religion::Hindu: return Holiday::Nyepi;
    case Religion::Buddhist: return Holiday::Waisak;
    case Religion::Confucian: return Holiday::Imlek;
    case Religion::Other:
    case Religion::Unknown: return std::nullopt;  // Art. 13(3): the Minister must consult first
  }
  return std::nullopt;
}

// Order of grants on one day: RU, then tambahan, then dasawarsa (§3 "Order on one day").
constexpr int order_of(GrantKind k) {
  switch (k) {
    case GrantKind::Ru: return 0;
    case GrantKind::Tambahan: return 1;
    case GrantKind::Dasawarsa: return 2;
    case GrantKind::Rk: return 3;
    case GrantKind::PmpHan: return 4;
    case GrantKind::Kemanusiaan: return 5;
    case GrantKind::Unspecified: return 6;
  }
  return 7;
}

struct State {
  std::vector<Grant>& grants;  // every grant so far, in date order: the fraction rule's input too (§2)
  std::int32_t total = 0;  // effective days granted so far
  Date expiry{};
  // By ladder slot (ladder_slot): RU, RK and PMP HAN grants received, and their candidate days with the minimum
  // served; the last slot counts the other kinds' and is never read.
  int receipts[4] = {0, 0, 0, 0};
  int anniversaries[4] = {0, 0, 0, 0};
  Date day{};               // the day being decided
  std::int32_t served_today = 0;  // s.served(day): every decision of the day reads it
  bool child_today = false;       // s.child_on(day)
  std::int32_t granted_today[4] = {0, 0, 0, 0};  // nominal days granted on `day` by ladder slot: RU's is slot 0
  bool released = false;
  // The assessments read so far (Decider::assessment_conditions), for days in increasing order.
  std::size_t assessments_read = 0;
  const Assessment* latest_predicate = nullptr;
  const Assessment* first_risk = nullptr;
  const Assessment* latest_risk = nullptr;
};

// Whether event (a_date, a_kind) comes before (b_date, b_kind): date order, and on one day the order of §3.
bool comes_before(Date a_date, GrantKind a_kind, Date b_date, GrantKind b_kind) {
  const auto x = a_date.day_number();  // real days, never boost's special values: the day numbers order them
  const auto y = b_date.day_number();
  return x != y ? x < y : order_of(a_kind) < order_of(b_kind);
}

// The candidate days of year y in the order they are decided (§3): the fixed days in their order (29 May, 23 July,
// 17 August) with the RK of `rk` put in its place among them; push(date, kind, status) takes each. The person's
// age and the policy decide whether remisi kemanusiaan (kemanusiaan_on(29 May)) and PMP HAN (pmp_han_on(23 July))
// are candidates; a tambahan candidate is listed only for a person with a ground recorded at all (one with none is
// never decided: run_timeline skips it). The one piece of code that makes a year's candidates, for every person and
// for HolidayDays' table of plain years.
template <typename KemanusiaanOn, typename PmpHanOn, typename Push>
void candidates_of_year(const HolidayDays& holidays, int y, std::optional<Holiday> rk, bool tambahan,
                        KemanusiaanOn kemanusiaan_on, PmpHanOn pmp_han_on, Push push) {
  const Date ru = holidays.resolve(Holiday::Independence, y).date;  // Keppres 174/1999 Art. 4: 17 August
  std::optional<HolidayDate> rk_day;
  if (rk) rk_day = holidays.resolve(*rk, y);
  // A fixed candidate of the year, preceded by the RK when the RK comes first.
  auto add = [&](Date d, GrantKind kind) {
    if (rk_day && comes_before(rk_day->date, GrantKind::Rk, d, kind)) {
      push(rk_day->date, GrantKind::Rk, rk_day->status);
      rk_day.reset();
    }
    push(d, kind, DateStatus::Fixed);
  };
  // 29 May, Hari Lanjut Usia Nasional (Permenkumham 3/2018 Art. 29): 80 days before 17 August.
  if (const Date elderly_day = add_days(ru, -80); kemanusiaan_on(elderly_day)) add(elderly_day, GrantKind::Kemanusiaan);
  // 23 July, Hari Anak Nasional: 25 days before 17 August.
  if (const Date han = add_days(ru, -25); pmp_han_on(han)) add(han, GrantKind::PmpHan);
  add(ru, GrantKind::Ru);
  if (tambahan) add(ru, GrantKind::Tambahan);
  if (y >= 1955 && (y - 1955) % 10 == 0) add(ru, GrantKind::Dasawarsa);  // Keppres 120/1955
  if (rk_day) push(rk_day->date, GrantKind::Rk, rk_day->status);  // after 17 August
}

}  // namespace

HolidayDays::HolidayDays(const HolidayCalendar& calendar) : calendar_(calendar) {
  constexpr Holiday kAll[] = {Holiday::Independence, Holiday::Natal, Holiday::IdulFitri,
                              Holiday::Nyepi,        Holiday::Waisak, Holiday::Imlek};
  days_.resize(std::size(kAll) * kYears);
  for (Holiday h : kAll)
    for (int y = kMinYear; y <= kMaxYear; ++y)
      days_[static_cast<std::size_t>(static_cast<int>(h) * kYears + (y - kMinYear))] = calendar.resolve(h, y);
  // A plain person's years, for no RK (in Independence's place) and for each RK holiday, in the holidays' order.
  plain_starts_.resize(std::size(kAll) * (kYears + 1));
  plain_events_.reserve(std::size(kAll) * kYears * 2 + 6 * 31);  // RU and RK a year, dasawarsa every tenth
  auto never = [](Date) { return false; };
  for (Holiday h : kAll) {
    std::optional<Holiday> rk;
    if (h != Holiday::Independence) rk = h;
    const std::size_t row = static_cast<std::size_t>(h) * (kYears + 1);
    for (int y = kMinYear; y <= kMaxYear; ++y) {
      plain_starts_[row + static_cast<std::size_t>(y - kMinYear)] = static_cast<std::uint32_t>(plain_events_.size());
      candidates_of_year(*this, y, rk, false, never, never, [&](Date d, GrantKind kind, DateStatus status) {
        plain_events_.push_back(Event{d, kind, status, ladder_slot(kind), nullptr});
      });
    }
    plain_starts_[row + kYears] = static_cast<std::uint32_t>(plain_events_.size());
  }
}

namespace {

// The events of a timeline in the order they are run: every candidate day of the term, year by year, merged with
// the recorded grants (a candidate before the recorded grant of the same day and kind). Made one year at a time as
// the timeline asks, never as a list: the timeline stops at the expiry, and a national roster would otherwise write
// and read back millions of days nobody reaches.
// A year's candidates are made by candidates_of_year, or for a plain person (no tambahan ground, no child, no remisi
// kemanusiaan: most people) read in place, all the years of the term at once, from the engine's table of plain
// years, made by the same function.
// Years follow each other because a calendar's holiday of year y lies in year y (the calendar keys its rows by the
// date's year; tests/unit/time/holiday_calendar_test.cpp checks every year 1900–2200).
class EventStream {
public:
  /// Every event of the timeline: the candidates from the year of the last detention's start, and the recorded
  /// grants (put in order in `sorted` when the facts list them otherwise).
  EventStream(const Subject& s, const HolidayDays& holidays, std::vector<const RecordedGrant*>& sorted)
      : EventStream(s, holidays, year_of(s.last_start)) {
    last_ = s.term_end_year;
    if (s.until) last_ = std::min(last_, year_of(*s.until));  // nothing after `until` is decided (run_timeline)
    if (const auto& recorded = s.c.recorded()) {
      until_ = recorded->until;
      const auto& grants = recorded->grants;
      recorded_count_ = grants.size();
      if (in_order(grants)) {
        recorded_ = grants.data();
      } else {  // the same day's grants in another order than §3's: put in order, equal keys kept as recorded
        // An insertion sort: only one day's grants are out of place, and unlike std::stable_sort it allocates
        // nothing (the list is the workspace's).
        sorted.clear();
        for (const auto& g : grants) {
          sorted.push_back(&g);
          for (std::size_t j = sorted.size() - 1;
               j > 0 && comes_before(g.date, g.kind, sorted[j - 1]->date, sorted[j - 1]->kind); --j)
            std::swap(sorted[j], sorted[j - 1]);
        }
        sorted_ = sorted.data();
      }
    }
  }

  EventStream(const EventStream&) = delete;  // events_ may point into the object itself
  EventStream& operator=(const EventStream&) = delete;

  /// The candidate days of one year only (no recorded grants).
  EventStream(const Subject& s, const HolidayDays& holidays, int year)
      : s_(s), holidays_(holidays), rk_(rk_holiday(s.c.person().religion())), tambahan_(s.has_tambahan_ground()),
        child_(s.child_on(s.last_start)),
        plain_(!tambahan_ && !child_ && !(s.p.project_kemanusiaan && s.elderly_from)), year_(year), last_(year) {}

  /// Whether the first year's candidates include day d.
  bool year_has_candidate_on(Date d) {
    fill_year();
    return std::any_of(events_, events_ + candidates_, [&](const Event& e) { return e.date == d; });
  }

  /// The number of years with candidate days (asked before the first event).
  std::size_t years() const { return static_cast<std::size_t>(std::max(last_ - year_ + 1, 0)); }

  /// The next event, or nullptr after the last; valid until the next call.
  BINAAN_ALWAYS_INLINE const Event* next() {
    if (candidate_ == candidates_) fill_year();
    if (recorded_index_ == recorded_count_) {  // no recorded grant (left): the candidates alone, as for most people
      if (candidate_ == candidates_) return nullptr;
      return candidate();
    }
    const RecordedGrant* g = recorded_at(recorded_index_);
    if (candidate_ < candidates_ && !comes_before(g->date, g->kind, events_[candidate_].date, events_[candidate_].kind))
      return candidate();
    ++recorded_index_;
    recorded_event_ = Event{g->date, g->kind, DateStatus::Fixed, ladder_slot(g->kind), g};
    return &recorded_event_;
  }

  /// Whether `ev` (from next()) is a candidate on or before recorded.until: only counted, not decided.
  bool covered(const Event& ev) const { return !ev.recorded && until_ && ev.date <= *until_; }

private:
  // At most six candidates a year (RU, tambahan, dasawarsa, RK, PMP HAN, kemanusiaan).
  static constexpr std::size_t kMaxPerYear = 6;

  static bool in_order(const std::vector<RecordedGrant>& grants) {
    for (std::size_t i = 1; i < grants.size(); ++i)
      if (comes_before(grants[i].date, grants[i].kind, grants[i - 1].date, grants[i - 1].kind)) return false;
    return true;
  }
  const RecordedGrant* recorded_at(std::size_t i) const { return recorded_ ? recorded_ + i : sorted_[i]; }

  BINAAN_ALWAYS_INLINE const Event* candidate() { return &events_[candidate_++]; }

  void push(Date d, GrantKind kind, DateStatus status = DateStatus::Fixed) {
    year_events_[candidates_++] = Event{d, kind, status, ladder_slot(kind), nullptr};
  }

  // The candidates of the next year (none after the last), made; or a plain person's of every year left at once,
  // from the table, where they lie one year after the other: next() then takes them without a look at the years.
  void fill_year() {
    candidate_ = candidates_ = 0;
    if (year_ > last_) return;
    if (plain_) {
      if (const std::optional<EventSpan> years = holidays_.plain_years(rk_, year_, last_)) {
        events_ = years->first;
        candidates_ = years->count;
        year_ = last_ + 1;
        return;
      }
    }
    const int y = year_++;
    events_ = year_events_;
    candidates_of_year(
        holidays_, y, rk_, tambahan_,
        [&](Date elderly_day) {
          return s_.p.project_kemanusiaan && s_.elderly_from && elderly_day >= *s_.elderly_from;
        },
        [&](Date han) { return child_ && y >= s_.p.pmp_han_from_year && s_.child_on(han); },
        [&](Date d, GrantKind kind, DateStatus status) { push(d, kind, status); });
  }

  const Subject& s_;
  const HolidayDays& holidays_;
  const std::optional<Holiday> rk_;
  const bool tambahan_;
  // A child on the last detention's first day: age only grows, so anyone else is never a child on a later candidate
  // day (one before that day is never decided), and no PMP HAN candidate is listed for them.
  const bool child_;
  // No tambahan ground, no child, no remisi kemanusiaan: only RU, dasawarsa and RK, whose days the table holds.
  const bool plain_;
  int year_ = 0;  // the next year to fill
  int last_ = 0;
  Event year_events_[kMaxPerYear];  // the year's candidates when not a plain person's
  const Event* events_ = year_events_;  // the candidates: the year's in year_events_, or the table's plain years
  std::size_t candidates_ = 0;  // in events_
  std::size_t candidate_ = 0;   // the next one to give
  std::optional<Date> until_;   // recorded.until: the candidates up to it are covered
  const RecordedGrant* recorded_ = nullptr;        // the recorded grants, when in order
  const RecordedGrant* const* sorted_ = nullptr;   // else put in order
  std::size_t recorded_count_ = 0;
  std::size_t recorded_index_ = 0;
  Event recorded_event_;
};

struct TambahanGrounds {
  bool service = false;
  bool pemuka = false;
};

// The grounds of remisi tambahan in the window up to day d (Keppres 174/1999 Art. 3): a service, or pemuka on any day.
TambahanGrounds tambahan_grounds(const Subject& s, Date d) {
  const Facts& f = s.c.facts();
  TambahanGrounds g;
  if (!s.has_tambahan_ground()) return g;
  g.service = std::any_of(f.services.begin(), f.services.end(),
                          [&](const Service& sv) { return in_lookback(sv.date, d, s.p.tambahan_window_days); });
  Date window_start = add_days(d, 1 - s.p.tambahan_window_days);
  auto in_window = [&](const DaySpan& sp) { return sp.from <= d && sp.to >= window_start; };
  g.pemuka = std::any_of(f.pemuka.begin(), f.pemuka.end(), in_window) ||
             std::any_of(s.record.pemuka.begin(), s.record.pemuka.end(), in_window);
  return g;
}

// What deciding a candidate day comes to: all the timeline needs to go on.
struct Verdict {
  Outcome outcome = Outcome::NotEligible;
  std::int32_t days = 0;  // nominal; 0 unless granted
  std::uint8_t step = 0;  // ladder step, when a ladder gave the amount
};

// Decides candidate days. Every condition is one piece of code, compiled in two ways: with reasons (kKeep, a
// decision that is kept: every rule applied, every failed condition with its earliest day, every missing fact and
// assumption), or without (a decision that only moves the timeline on, as in a projection or before a grant-day
// run's day: nothing is written, and the conditions stop at the first that fails, since the outcome is then
// known). Both ways give the same Verdict; both read and move the same State.
template <bool kKeep>
class Decider {
public:
  Decider(const Subject& s, State& st) : s_(s), p_(s.p), st_(st) {}

  /// Decides the candidate `ev`; with kKeep, appends the decision's lists to `reasons` (a new Decision).
  BINAAN_ALWAYS_INLINE Verdict decide(const Event& ev, Decision* reasons) {
    dec_ = reasons;
    day_ = ev.date;
    failed_ = false;
    missing_ = false;
    v_ = Verdict{};
    if (ev.kind == GrantKind::Tambahan) {
      decide_tambahan();
    } else {
      common_conditions(ev.kind);
      if (ev.kind != GrantKind::Dasawarsa) {
        if (!settled()) period_conditions();
        if (!settled()) assessment_conditions();
      }
      if (!failed_ && !missing_) amount(ev.kind, ev.slot);
    }
    if (failed_) v_.outcome = Outcome::NotEligible;
    else if (missing_) v_.outcome = Outcome::NeedsReview;
    else v_.outcome = Outcome::Granted;
    if (v_.outcome != Outcome::Granted) v_.days = 0;
    if (v_.outcome == Outcome::Granted && day_ < s_.c.sentence().verdict_final()) rule(RuleId::Susulan);
    return v_;
  }

private:
  // Without reasons, a failed condition settles the outcome: the conditions after it cannot change it.
  bool settled() const { return !kKeep && failed_; }

  // A condition not met; `earliest()` (the first day it could be, or nullopt) is asked only for a decision kept.
  template <typename Earliest>
  void fail_at(RuleId r, Earliest earliest) {
    failed_ = true;
    if constexpr (kKeep) dec_->failed.push_back({r, earliest()});
  }
  void fail(RuleId r, std::optional<Date> earliest = std::nullopt) {
    fail_at(r, [&] { return earliest; });
  }
  void rule(RuleId r) {
    if constexpr (kKeep) dec_->rules.push_back(r);
  }

  // Conditions of every remission (§4 "Always"), and the kind-specific ones of dasawarsa and PMP HAN.
  void common_conditions(GrantKind kind) {
    const Date d = day_;
    if (!s_.term) fail(RuleId::FixedTerm);  // Keppres 174/1999 Art. 1
    if (const auto& cm = s_.c.sentence().commutation(); cm && d <= cm->date)
      fail(RuleId::CommutedAfter, add_days(cm->date, 1));  // Keppres 174/1999 Art. 9
    if (s_.at_large(d)) {
      fail_at(RuleId::NotAtLarge, [&] {
        Date back = d;
        for (const auto& e : s_.c.facts().escapes)
          if (e.from <= d && d < e.to) back = e.to;
        return std::optional<Date>(back);
      });
    }
    const bool child = st_.child_today;
    std::int32_t threshold = kind == GrantKind::Dasawarsa ? p_.dasawarsa_min_served_days
                                                          : (child ? p_.min_served_days_child : p_.min_served_days);
    const std::int32_t served = st_.served_today;
    if ((kind != GrantKind::Dasawarsa || threshold > 0) && served <= threshold)
      fail(RuleId::MinServed, add_days(d, threshold + 1 - served));  // PP 99/2012 Art. 34(2)(b)
    if (kind != GrantKind::Dasawarsa || p_.dasawarsa_conduct_lookback) {
      if (const Date* e = s_.discipline_in(d, p_.conduct_lookback_days))
        fail(RuleId::Conduct, add_days(*e, p_.conduct_lookback_days));  // Keppres 174/1999 Art. 1
    }
    if (kind == GrantKind::Dasawarsa && s_.escaped_on_or_before(d)) fail(RuleId::NeverEscaped);  // Keppres 120/1955
  }

  // The conditions that changed over the years (§4 table).
  void period_conditions() {
    const Date d = day_;
    if (!s_.term) return;
    bool pp99_rule = s_.pp99_cohort && d >= p_.pp99_from;
    // PP 28/2006 Art. 34(3): special crimes need ⅓ served; the PP 28 cohort until Permenkumham 7/2022.
    if (d >= p_.pp28_from && d < p_.permenkumham_7_2022_from && s_.special_pp28() && !pp99_rule) {
      Date end = s_.one_third_end();
      if (d < add_days(end, -st_.total)) {
        fail_at(RuleId::OneThird, [&] {
          Date reached = fraction_reached_of(end, st_.grants);
          return std::optional<Date>(std::min(std::max(reached, add_days(d, 1)), p_.permenkumham_7_2022_from));
        });
      }
    }
    if (pp99_rule && s_.special_pp99()) {
      const Facts& f = s_.c.facts();
      // PP 99/2012 Art. 34A(1)(a), until the Supreme Court ruling 28 P/HUM/2021.
      if (d < p_.jc_ruling_from && f.justice_collaborator != true) fail(RuleId::JusticeCollaborator, p_.jc_ruling_from);
      Offence o = s_.c.sentence().offence();
      if (o == Offence::Corruption) {
        const auto& fine = s_.c.sentence().fine();
        const auto& restitution = s_.c.sentence().restitution();
        if ((fine && !fine->paid) || (restitution && !restitution->paid)) fail(RuleId::Payment);  // Art. 34A(1)(b)
      }
      if (o == Offence::Terrorism) {
        if (f.deradicalisation != true) fail(RuleId::Deradicalisation);  // Art. 34A(2)(a)
        if (f.pledge != true) fail(RuleId::Pledge);                      // Art. 34A(2)(b)
      }
    }
  }

  // Permenkumham 3/2018 (predikat baik) and UU 22/2022 Art. 10 (participation, reduced risk), read from the
  // recorded assessments; a missing fact is needs review unless assume_unrecorded_facts.
  void assessment_conditions() {
    const Date d = day_;
    if (d < p_.predikat_from && d < p_.uu22_from) return;  // no assessment condition yet: nothing to read
    // The assessments up to d, read on from the last candidate day (days only move forward): the latest with a
    // predicate, the first and the latest with a risk level; of one day's, the one recorded last is the latest.
    for (auto& i = st_.assessments_read; i < s_.assessment_count() && s_.assessment_by_date(i).date <= d; ++i) {
      const Assessment& a = s_.assessment_by_date(i);
      if (a.predicate) st_.latest_predicate = &a;
      if (a.risk) {
        if (!st_.first_risk) st_.first_risk = &a;
        st_.latest_risk = &a;
      }
    }
    // The one fact both predicate rules read: the programme record (attendance) before an assessment (§4).
    enum class Fact { Good, NotGood, Unrecorded };
    const ParticipationEvidence* evidence = s_.participation_on(d);
    Fact fact = Fact::Unrecorded;
    if (evidence) {
      fact = evidence->active ? Fact::Good : Fact::NotGood;
    } else if (st_.latest_predicate) {
      Predicate pr = *st_.latest_predicate->predicate;
      fact = pr == Predicate::SangatBaik || pr == Predicate::Baik ? Fact::Good : Fact::NotGood;
    }
    // Predikat baik from Permenkumham 3/2018, active participation from UU 22/2022: both read the one fact.
    const bool predikat = d >= p_.predikat_from;
    const bool participation = d >= p_.uu22_from;
    if (evidence) rule(RuleId::ProgrammeRecord);  // where the fact came from
    if (fact == Fact::NotGood) {
      if (predikat) fail(RuleId::PredikatBaik);
      if (participation && !settled()) fail(RuleId::ActiveParticipation);
    } else if (fact == Fact::Unrecorded) {
      if (predikat) missing(RuleId::PredikatBaik, MissingFact::AssessmentPredicate);
      if (participation) missing(RuleId::ActiveParticipation, MissingFact::AssessmentPredicate);
    }
    if (participation && !settled()) {
      if (!st_.latest_risk) {
        missing(RuleId::ReducedRisk, MissingFact::AssessmentRisk);
      } else {
        Risk now = *st_.latest_risk->risk;
        bool reduced = now == Risk::Low || static_cast<int>(now) > static_cast<int>(*st_.first_risk->risk);
        if (!reduced) fail(RuleId::ReducedRisk);
      }
    }
  }

  void missing(RuleId r, MissingFact fact) {
    if (p_.assume_unrecorded_facts) {
      if constexpr (kKeep) dec_->assumptions.push_back(r);
      return;
    }
    missing_ = true;
    if constexpr (kKeep) {
      if (std::find(dec_->missing.begin(), dec_->missing.end(), fact) == dec_->missing.end())
        dec_->missing.push_back(fact);
    }
  }

  int step_of(int slot) {
    return p_.ladder_index == LadderIndex::Receipts ? st_.receipts[slot] + 1 : std::max(1, st_.anniversaries[slot]);
  }

  // The amount of a kind on ladder `slot` (ladder_slot(kind)).
  void amount(GrantKind kind, std::uint8_t slot) {
    const std::int32_t served = st_.served_today;
    // The ladders first, without a jump on the kind.
    if (slot != kNoLadder) {
      static constexpr RuleId kLadderRules[] = {RuleId::RuLadder, RuleId::RkLadder, RuleId::PmpHanLadder};
      v_.step = static_cast<std::uint8_t>(std::min(step_of(slot), 255));
      v_.days = ladder_amount(*kLadders[slot], v_.step, served, p_.first_step_full_days);
      rule(kLadderRules[slot]);
      return;
    }
    switch (kind) {
      case GrantKind::Kemanusiaan:
        v_.days = ru_amount(st_.receipts[0] + 1, served, p_.first_step_full_days);
        rule(RuleId::KemanusiaanAmount);
        break;
      case GrantKind::Dasawarsa: {
        // Keppres 120/1955: 1/12 of the sentence by the fraction rule of §2, at most 3 months.
        std::int32_t twelfth =
            p_.fraction_convention == FractionConvention::NormalisedTerm
                ? fraction_of(*s_.term, kOneTwelfth).nominal_days()
                : (term_days(s_.start, *s_.term, p_.term_convention) + 11) / 12;
        v_.days = std::min(twelfth, p_.dasawarsa_cap_days);
        rule(RuleId::DasawarsaAmount);
        break;
      }
      case GrantKind::Ru:  // by their ladders, above
      case GrantKind::Rk:
      case GrantKind::PmpHan:
      case GrantKind::Tambahan:  // decide_tambahan
      case GrantKind::Unspecified: break;
    }
  }

  // Keppres 174/1999 Art. 3, 6: ½ of the day's RU for a service, ⅓ for pemuka, in the 365 days up to 17 August.
  void decide_tambahan() {
    TambahanGrounds g = tambahan_grounds(s_, day_);
    const std::int32_t ru_today = st_.granted_today[0];
    if (ru_today == 0) {
      fail(RuleId::RuThatDay);
      return;
    }
    std::int32_t half = g.service ? ru_today / 2 : 0;
    std::int32_t third = g.pemuka ? ru_today / 3 : 0;
    if (g.service) rule(RuleId::TambahanService);
    if (g.pemuka) rule(RuleId::TambahanPemuka);
    v_.days = p_.tambahan_combine == TambahanCombine::Sum ? half + third : std::max(half, third);
  }

  const Subject& s_;
  const Policy& p_;
  State& st_;
  Decision* dec_ = nullptr;  // the decision kept (kKeep)
  Date day_;
  bool failed_ = false;
  bool missing_ = false;
  Verdict v_;
};

}  // namespace

bool may_have_event_on(const Subject& s, const HolidayDays& holidays, Date d) {
  if (!before_term_end(s, d)) return false;
  if (const auto& recorded = s.c.recorded())
    for (const auto& g : recorded->grants)
      if (g.date == d) return true;
  return EventStream(s, holidays, year_of(d)).year_has_candidate_on(d);
}

Timeline run_timeline(const Subject& s, const HolidayDays& holidays, KeepDecisions keep, Workspace& ws) {
  // The grants are gathered in the workspace's list and the decisions kept are appended to its other (a grant-day
  // run lends its thread's list there, so that they are decided in their final place). An Evaluation copies the
  // grants at their exact size: a national roster keeps a million of them.
  Timeline tl{ws.grants, ws.decisions};
  ws.grants.clear();
  if (!s.term_end) {
    tl.notes.push_back(RuleId::FixedTerm);
    return tl;
  }
  if (!rk_holiday(s.c.person().religion())) tl.notes.push_back(RuleId::ReligiousHoliday);
  EventStream events(s, holidays, ws.recorded);

  State st{ws.grants};
  st.expiry = *s.term_end;
  // Room for about three grants a year (a hint: the list grows past it), and the recorded ones.
  st.grants.reserve(events.years() * 3 + (s.c.recorded() ? s.c.recorded()->grants.size() : 0));
  Decider<false> quick(s, st);  // the decisions nobody keeps
  Decider<true> full(s, st);    // the ones kept, with their reasons
  // The timeline ends at the first event on or after `stop`, a day number: the expiry (moved earlier by every
  // grant), or the day after `until` if earlier; a level II release ends it at once (stop 0). All are calendar days.
  // (before_term_end, in remission.hpp, relies on this: nothing is decided on or after the term's end.)
  const std::uint32_t after_until = s.until ? s.until->day_number() + 1 : 0xFFFFFFFFu;
  std::uint32_t stop = std::min(after_until, st.expiry.day_number());
  while (const Event* next = events.next()) {
    const Event& ev = *next;
    if (ev.date.day_number() >= stop) break;
    if (ev.date <= s.last_start && !ev.recorded) continue;
    if (ev.date != st.day) {
      st.day = ev.date;
      st.served_today = s.served(ev.date);
      st.child_today = s.child_on(ev.date);
      std::fill(std::begin(st.granted_today), std::end(st.granted_today), 0);
    }
    // The counts of the ladders are kept without a branch on the kind or the outcome (kNoLadder's slot takes the
    // other kinds'): a candidate day with the minimum served counts towards its ladder's anniversaries.
    const std::uint8_t slot = ev.slot;
    if (!ev.recorded) {
      const std::int32_t threshold = st.child_today ? s.p.min_served_days_child : s.p.min_served_days;
      st.anniversaries[slot] += st.served_today > threshold ? 1 : 0;
    }
    if (events.covered(ev)) continue;
    if (!ev.recorded && ev.kind == GrantKind::Tambahan) {
      TambahanGrounds g = tambahan_grounds(s, ev.date);
      if (!g.service && !g.pemuka) continue;  // no ground: nothing to decide
    }

    // A decision kept is decided with its reasons straight into the timeline's list; any other is decided without
    // reasons, writing nothing.
    Decision* kept = nullptr;
    if (keep.keeps(ev.date)) {
      kept = &tl.decisions.emplace_back();
      kept->date = ev.date;
      kept->kind = ev.kind;
      kept->date_status = ev.recorded ? DateStatus::Fixed : ev.status;
    }
    Verdict v;
    if (ev.recorded) {
      v.outcome = Outcome::Granted;
      v.days = ev.recorded->amount.nominal_days();
      if (kept) kept->rules.push_back(RuleId::Recorded);
    } else {
      v = kept ? full.decide(ev, kept) : quick.decide(ev, nullptr);
      tl.estimated |= is_estimate(ev.status);
    }
    std::int32_t effective = 0;
    bool release = false;
    if (v.outcome == Outcome::Granted) {
      const std::int32_t nominal = v.days;
      const auto left = static_cast<std::int32_t>(st.expiry.day_number() - ev.date.day_number());  // calendar days
      effective = std::min(nominal, left);
      if (nominal >= left) {  // Keppres 174/1999 Art. 4(2), 5(2): level II, released on the grant day
        release = true;
        if (kept) {
          kept->rules.push_back(RuleId::ReleaseII);
          if (s.c.sentence().has_unpaid_subsidiary()) kept->rules.push_back(RuleId::SubsiderAfterRelease);
        }
        st.released = true;
      }
      st.total += effective;
      st.expiry = add_days(*s.term_end, -st.total);
      stop = st.released ? 0 : std::min(after_until, st.expiry.day_number());
      ++st.receipts[slot];
      st.granted_today[slot] = nominal;
      Grant& grant = st.grants.emplace_back();  // in place, not through a temporary copied in
      grant.date = ev.date;
      grant.kind = ev.kind;
      grant.days = nominal;
      grant.effective_days = effective;
      grant.release = release;
      grant.recorded = ev.recorded != nullptr;
      grant.estimated = is_estimate(ev.status);
    }
    if (kept) {
      kept->outcome = v.outcome;
      kept->days = v.days;
      kept->step = v.step;
      kept->effective_days = effective;
      kept->release = release;
    }
  }
  tl.expiry = st.expiry;
  tl.released_by_grant = st.released;
  return tl;
}

}  // namespace binaan::detail
