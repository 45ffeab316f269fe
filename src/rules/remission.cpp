// The remission timeline (rules-indonesia.md §3–§5): candidate days, eligibility by period, ladder amounts,
// release (level II). Every condition is decided in exactly one function below and carries its RuleId, whose
// citation is in src/rules/rule.cpp.
#include "rules/remission.hpp"

#include <algorithm>
#include <iterator>

namespace binaan::detail {

std::int32_t ru_amount(int step, std::int32_t served, std::int32_t full_from) {
  // Keppres 174/1999 Art. 4: 1st 1 month (2 months from 12 months served), 2nd 3, 3rd 4, 4th–5th 5, then 6.
  if (step <= 1) return served >= full_from ? 60 : 30;
  if (step == 2) return 90;
  if (step == 3) return 120;
  if (step <= 5) return 150;
  return 180;
}

std::int32_t rk_amount(int step, std::int32_t served, std::int32_t full_from) {
  // Keppres 174/1999 Art. 5: 1st 15 days (1 month from 12 months), 2nd–3rd 1 month, 4th–5th 1 m 15 d, then 2 months.
  if (step <= 1) return served >= full_from ? 30 : 15;
  if (step <= 3) return 30;
  if (step <= 5) return 45;
  return 60;
}

HolidayDays::HolidayDays(const HolidayCalendar& calendar) : calendar_(calendar) {
  constexpr Holiday kAll[] = {Holiday::Independence, Holiday::Natal, Holiday::IdulFitri,
                              Holiday::Nyepi,        Holiday::Waisak, Holiday::Imlek};
  days_.resize(std::size(kAll) * kYears);
  for (Holiday h : kAll)
    for (int y = kMinYear; y <= kMaxYear; ++y)
      days_[static_cast<std::size_t>(static_cast<int>(h) * kYears + (y - kMinYear))] = calendar.resolve(h, y);
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
  std::int32_t total = 0;  // effective days granted so far
  Date expiry;
  int receipts[3] = {0, 0, 0};  // RU, RK, PMP HAN grants received
  int anniversaries[3] = {0, 0, 0};
  std::vector<DatedDays> granted;  // (day, effective days) of every grant so far: the fraction rule's input (§2)
  Date day;                 // the day being decided
  std::int32_t served_today = 0;  // s.served(day): every decision of the day reads it
  bool child_today = false;       // s.child_on(day)
  std::int32_t ru_today = 0;
  bool released = false;
};

int ladder_slot(GrantKind k) { return k == GrantKind::Ru ? 0 : (k == GrantKind::Rk ? 1 : (k == GrantKind::PmpHan ? 2 : -1)); }

// 366 in a leap year: the days from 17 August of year - 1 to 17 August of year.
std::int32_t days_in_year(int year) {
  return boost::gregorian::gregorian_calendar::is_leap_year(static_cast<unsigned short>(year)) ? 366 : 365;
}

// At most six candidates a year (RU, tambahan, dasawarsa, RK, PMP HAN, kemanusiaan).
constexpr std::size_t kMaxCandidatesPerYear = 6;

// Whether event (a_date, a_kind) comes before (b_date, b_kind): date order, and on one day the order of §3.
bool comes_before(Date a_date, GrantKind a_kind, Date b_date, GrantKind b_kind) {
  const auto x = a_date.day_number();  // real days, never boost's special values: the day numbers order them
  const auto y = b_date.day_number();
  return x != y ? x < y : order_of(a_kind) < order_of(b_kind);
}

// Fills `events` (emptied first) with every candidate day of the term, year by year, in the order of sort_events:
// each year's fixed days in their order (29 May, 23 July, 17 August), the year's RK holiday put in its place among
// them. Years follow each other because a calendar's holiday of year y lies in year y (the calendar keys its rows by
// the date's year; tests/unit/time/holiday_calendar_test.cpp checks every year 1900–2200).
void candidate_events(const Subject& s, const HolidayDays& holidays, std::vector<RuleId>& notes,
                      std::vector<Event>& events) {
  events.clear();
  if (!s.term_end) return;
  const bool tambahan = s.has_tambahan_ground();
  std::optional<Holiday> rk = rk_holiday(s.c.person().religion());
  if (!rk) notes.push_back(RuleId::ReligiousHoliday);
  int first = year_of(s.last_start);
  int last = year_of(*s.term_end);
  if (s.until) last = std::min(last, year_of(*s.until));  // nothing after `until` is decided (run_timeline)
  std::size_t recorded = s.c.recorded() ? s.c.recorded()->grants.size() : 0;
  events.reserve(static_cast<std::size_t>(std::max(last - first + 1, 0)) * kMaxCandidatesPerYear + recorded);
  // 17 August of each year by stepping a year's days from the first (date arithmetic, no calendar conversion).
  Date ru = make_date(first, 8, 17);  // Keppres 174/1999 Art. 4: Independence Day
  for (int y = first; y <= last; ru = add_days(ru, days_in_year(++y))) {
    std::optional<HolidayDate> rk_day;
    if (rk) rk_day = holidays.resolve(*rk, y);
    // A fixed candidate of the year, preceded by the RK when the RK comes first.
    auto add = [&](Date d, GrantKind kind) {
      if (rk_day && comes_before(rk_day->date, GrantKind::Rk, d, kind)) {
        events.emplace_back(rk_day->date, GrantKind::Rk, rk_day->status);
        rk_day.reset();
      }
      events.emplace_back(d, kind);
    };
    if (s.p.project_kemanusiaan) {
      // 29 May, Hari Lanjut Usia Nasional (Permenkumham 3/2018 Art. 29): 80 days before 17 August.
      Date elderly_day = add_days(ru, -80);
      if (s.elderly_from && elderly_day >= *s.elderly_from) add(elderly_day, GrantKind::Kemanusiaan);
    }
    if (y >= s.p.pmp_han_from_year) {
      Date han = add_days(ru, -25);  // 23 July, Hari Anak Nasional: 25 days before 17 August
      if (s.child_on(han)) add(han, GrantKind::PmpHan);
    }
    add(ru, GrantKind::Ru);
    // A tambahan candidate with no ground is never decided (run_timeline skips it): none is listed for a person
    // with no ground recorded at all.
    if (tambahan) add(ru, GrantKind::Tambahan);
    if (y >= 1955 && (y - 1955) % 10 == 0) add(ru, GrantKind::Dasawarsa);  // Keppres 120/1955
    if (rk_day) events.emplace_back(rk_day->date, GrantKind::Rk, rk_day->status);  // after 17 August
  }
}

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

// Date order, and on one day the order of §3; events with equal keys keep their order (a candidate before the
// recorded grant that covers it). Needed only when recorded grants out of order are appended to the candidates. An
// insertion sort: the candidates are in order, so this is close to linear and, unlike std::stable_sort, allocates
// nothing.
void sort_events(std::vector<Event>& events) {
  auto before = [](const Event& a, const Event& b) { return comes_before(a.date, a.kind, b.date, b.kind); };
  for (std::size_t i = 1; i < events.size(); ++i) {
    Event e = events[i];
    std::size_t j = i;
    for (; j > 0 && before(e, events[j - 1]); --j) events[j] = events[j - 1];
    events[j] = e;
  }
}

bool grants_in_order(const std::vector<RecordedGrant>& grants) {
  for (std::size_t i = 1; i < grants.size(); ++i)
    if (comes_before(grants[i].date, grants[i].kind, grants[i - 1].date, grants[i - 1].kind)) return false;
  return true;
}

// The candidates (in order) and the recorded grants (in order) merged into `events`, a candidate before the recorded
// grant of the same day and kind, as sort_events would order them; `scratch` is the workspace's, swapped in.
void merge_recorded(const std::vector<RecordedGrant>& grants, std::vector<Event>& events, std::vector<Event>& scratch) {
  scratch.clear();
  scratch.reserve(events.size() + grants.size());
  auto candidate = events.begin();
  for (const auto& g : grants) {
    for (; candidate != events.end() && !comes_before(g.date, g.kind, candidate->date, candidate->kind); ++candidate)
      scratch.push_back(*candidate);
    scratch.emplace_back(g.date, g.kind, DateStatus::Fixed, &g);
  }
  scratch.insert(scratch.end(), candidate, events.end());
  events.swap(scratch);
}

// What deciding a candidate day comes to: all the timeline needs to go on.
struct Verdict {
  Outcome outcome = Outcome::NotEligible;
  std::int32_t days = 0;  // nominal; 0 unless granted
  std::uint8_t step = 0;  // ladder step, when a ladder gave the amount
};

// Decides candidate days. Every condition is one piece of code, run in one of two ways: with reasons (a decision
// that is kept: every rule applied, every failed condition with its earliest day, every missing fact and
// assumption), or without (a decision that only moves the timeline on, as in a projection or before a grant-day
// run's day: nothing is written, and the conditions stop at the first that fails, since the outcome is then
// known). Both ways give the same Verdict.
class Decider {
public:
  Decider(const Subject& s, State& st) : s_(s), p_(s.p), st_(st) {}

  /// Decides the candidate `ev`; with `reasons` (a new Decision), appends the decision's lists to it.
  Verdict decide(const Event& ev, Decision* reasons) {
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
      if (!failed_ && !missing_) amount(ev.kind);
    }
    if (failed_) v_.outcome = Outcome::NotEligible;
    else if (missing_) v_.outcome = Outcome::NeedsReview;
    else v_.outcome = Outcome::Granted;
    if (v_.outcome != Outcome::Granted) v_.days = 0;
    if (v_.outcome == Outcome::Granted && day_ < s_.c.sentence().verdict_final()) rule(RuleId::Susulan);
    dec_ = nullptr;
    return v_;
  }

private:
  // Without reasons, a failed condition settles the outcome: the conditions after it cannot change it.
  bool settled() const { return failed_ && !dec_; }

  // A condition not met; `earliest()` (the first day it could be, or nullopt) is asked only for a decision kept.
  template <typename Earliest>
  void fail_at(RuleId r, Earliest earliest) {
    failed_ = true;
    if (dec_) dec_->failed.push_back({r, earliest()});
  }
  void fail(RuleId r, std::optional<Date> earliest = std::nullopt) {
    fail_at(r, [&] { return earliest; });
  }
  void rule(RuleId r) {
    if (dec_) dec_->rules.push_back(r);
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
      if (auto e = s_.discipline_in(d, p_.conduct_lookback_days))
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
          Date reached = fraction_reached(end, st_.granted);
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
    for (; read_ < s_.assessment_count() && s_.assessment_by_date(read_).date <= d; ++read_) {
      const Assessment& a = s_.assessment_by_date(read_);
      if (a.predicate) latest_predicate_ = &a;
      if (a.risk) {
        if (!first_risk_) first_risk_ = &a;
        latest_risk_ = &a;
      }
    }
    // The one fact both predicate rules read: the programme record (attendance) before an assessment (§4).
    enum class Fact { Good, NotGood, Unrecorded };
    const ParticipationEvidence* evidence = s_.participation_on(d);
    Fact fact = Fact::Unrecorded;
    if (evidence) {
      fact = evidence->active ? Fact::Good : Fact::NotGood;
    } else if (latest_predicate_) {
      Predicate pr = *latest_predicate_->predicate;
      fact = pr == Predicate::SangatBaik || pr == Predicate::Baik ? Fact::Good : Fact::NotGood;
    }
    auto predicate_condition = [&](RuleId r) {
      if (evidence && dec_ &&
          std::find(dec_->rules.begin(), dec_->rules.end(), RuleId::ProgrammeRecord) == dec_->rules.end())
        rule(RuleId::ProgrammeRecord);
      if (fact == Fact::NotGood) fail(r);
      else if (fact == Fact::Unrecorded) missing(r, MissingFact::AssessmentPredicate);
    };
    if (d >= p_.predikat_from) predicate_condition(RuleId::PredikatBaik);
    if (d >= p_.uu22_from && !settled()) {
      predicate_condition(RuleId::ActiveParticipation);
      if (!latest_risk_) {
        missing(RuleId::ReducedRisk, MissingFact::AssessmentRisk);
      } else {
        Risk now = *latest_risk_->risk;
        bool reduced = now == Risk::Low || static_cast<int>(now) > static_cast<int>(*first_risk_->risk);
        if (!reduced) fail(RuleId::ReducedRisk);
      }
    }
  }

  void missing(RuleId r, MissingFact fact) {
    if (p_.assume_unrecorded_facts) {
      if (dec_) dec_->assumptions.push_back(r);
      return;
    }
    missing_ = true;
    if (dec_ && std::find(dec_->missing.begin(), dec_->missing.end(), fact) == dec_->missing.end())
      dec_->missing.push_back(fact);
  }

  int step_of(GrantKind kind) {
    int slot = ladder_slot(kind);
    return p_.ladder_index == LadderIndex::Receipts ? st_.receipts[slot] + 1 : std::max(1, st_.anniversaries[slot]);
  }

  void amount(GrantKind kind) {
    const std::int32_t served = st_.served_today;
    switch (kind) {
      case GrantKind::Ru:
        v_.step = static_cast<std::uint8_t>(std::min(step_of(kind), 255));
        v_.days = ru_amount(v_.step, served, p_.first_step_full_days);
        rule(RuleId::RuLadder);
        break;
      case GrantKind::Rk:
        v_.step = static_cast<std::uint8_t>(std::min(step_of(kind), 255));
        v_.days = rk_amount(v_.step, served, p_.first_step_full_days);
        rule(RuleId::RkLadder);
        break;
      case GrantKind::PmpHan:
        v_.step = static_cast<std::uint8_t>(std::min(step_of(kind), 255));
        v_.days = ru_amount(v_.step, served, p_.first_step_full_days);
        rule(RuleId::PmpHanLadder);
        break;
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
      case GrantKind::Tambahan:
      case GrantKind::Unspecified: break;
    }
  }

  // Keppres 174/1999 Art. 3, 6: ½ of the day's RU for a service, ⅓ for pemuka, in the 365 days up to 17 August.
  void decide_tambahan() {
    TambahanGrounds g = tambahan_grounds(s_, day_);
    if (st_.ru_today == 0) {
      fail(RuleId::RuThatDay);
      return;
    }
    std::int32_t half = g.service ? st_.ru_today / 2 : 0;
    std::int32_t third = g.pemuka ? st_.ru_today / 3 : 0;
    if (g.service) rule(RuleId::TambahanService);
    if (g.pemuka) rule(RuleId::TambahanPemuka);
    v_.days = p_.tambahan_combine == TambahanCombine::Sum ? half + third : std::max(half, third);
  }

  const Subject& s_;
  const Policy& p_;
  State& st_;
  Decision* dec_ = nullptr;  // the decision kept, or nullptr
  // The assessments read so far (assessment_conditions), for days in increasing order.
  std::size_t read_ = 0;
  const Assessment* latest_predicate_ = nullptr;
  const Assessment* first_risk_ = nullptr;
  const Assessment* latest_risk_ = nullptr;
  Date day_;
  bool failed_ = false;
  bool missing_ = false;
  Verdict v_;
};

}  // namespace

Timeline run_timeline(const Subject& s, const HolidayDays& holidays, KeepDecisions keep, Workspace& ws) {
  Timeline tl;
  tl.decisions = std::move(ws.decisions);  // its capacity, handed back by the caller after use
  tl.decisions.clear();
  if (!s.term_end) {
    tl.notes.push_back(RuleId::FixedTerm);
    return tl;
  }
  std::vector<Event>& events = ws.events;
  candidate_events(s, holidays, tl.notes, events);
  const auto& recorded = s.c.recorded();
  if (recorded) {
    for (auto& ev : events) ev.covered = ev.date <= recorded->until;
    if (grants_in_order(recorded->grants)) {
      merge_recorded(recorded->grants, events, ws.merged);
    } else {  // the same day's grants in another order than §3's
      for (const auto& g : recorded->grants) events.emplace_back(g.date, g.kind, DateStatus::Fixed, &g);
      sort_events(events);
    }
  }

  State st;
  st.expiry = *s.term_end;
  st.granted = std::move(ws.granted);  // its capacity, handed back by the caller after use
  st.granted.clear();
  st.granted.reserve(events.size());
  // The grants are gathered in the workspace's vector, lent to the timeline; the caller gives it back (an
  // Evaluation copies them at their exact size: a national roster keeps a million of them).
  std::vector<Grant> grants = std::move(ws.grants);
  grants.clear();
  grants.reserve(events.size());
  Decider decider(s, st);
  const std::optional<Date>& until = s.until;
  for (const auto& ev : events) {
    if (until && ev.date > *until) break;
    if (st.released || ev.date >= st.expiry) break;
    if (ev.date <= s.last_start && !ev.recorded) continue;
    if (ev.date != st.day) {
      st.day = ev.date;
      st.served_today = s.served(ev.date);
      st.child_today = s.child_on(ev.date);
      st.ru_today = 0;
    }
    int slot = ladder_slot(ev.kind);
    if (!ev.recorded && slot >= 0) {
      std::int32_t threshold = st.child_today ? s.p.min_served_days_child : s.p.min_served_days;
      if (st.served_today > threshold) ++st.anniversaries[slot];
    }
    if (ev.covered) continue;
    if (!ev.recorded && ev.kind == GrantKind::Tambahan) {
      TambahanGrounds g = tambahan_grounds(s, ev.date);
      if (!g.service && !g.pemuka) continue;  // no ground: nothing to decide
    }

    // A decision kept is decided with its reasons straight into the timeline's list; any other is decided without
    // reasons, writing nothing.
    Decision* kept = nullptr;
    if (keep.keeps(ev.date)) {
      if (!keep.all && tl.decisions.empty()) {  // one day's: at most its events, which are next to each other
        std::size_t same_day = 0;
        for (auto e = events.begin() + (&ev - events.data()); e != events.end() && e->date == ev.date; ++e) ++same_day;
        tl.decisions.reserve(same_day);
      }
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
      v = decider.decide(ev, kept);
      if (is_estimate(ev.status)) tl.estimated = true;
    }
    std::int32_t effective = 0;
    bool release = false;
    if (v.outcome == Outcome::Granted) {
      const std::int32_t nominal = v.days;
      std::int32_t left = days_between(ev.date, st.expiry);
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
      DatedDays& dated = st.granted.emplace_back();  // in place, not through a temporary (see Event)
      dated.date = ev.date;
      dated.days = effective;
      if (slot >= 0) ++st.receipts[slot];
      if (ev.kind == GrantKind::Ru) st.ru_today = nominal;
      Grant& grant = grants.emplace_back();
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
  tl.granted = std::move(st.granted);
  tl.grants = std::move(grants);
  tl.released_by_grant = st.released;
  return tl;
}

}  // namespace binaan::detail
