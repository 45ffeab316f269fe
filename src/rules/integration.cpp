// Integration programmes (rules-indonesia.md §6) and the subsider (§5). Fractions are "reached" counting the
// remission granted up to and including the day (§2).
#include "rules/integration.hpp"

#include <algorithm>
#include <type_traits>

namespace binaan::detail {

namespace {

// CMK: no disciplinary punishment in the current calendar year up to the day.
Date first_clear_year_day(const Subject& s, Date d) {
  if (s.discipline.empty()) return d;
  for (;;) {
    const Date jan1 = first_day_of_year(d);
    bool punished = std::any_of(s.discipline.begin(), s.discipline.end(), [&](Date e) { return e >= jan1 && e <= d; });
    if (!punished) return d;
    d = make_date(year_of(d) + 1, 1, 1);
  }
}

// §5: each unpaid subsider in turn (fine, then restitution), its length `term_end(from, subsider) − from`.
std::int32_t subsider_length(const Subject& s, Date from) {
  std::int32_t total = 0;
  for (const auto* sub : {&s.c.sentence().fine(), &s.c.sentence().restitution()}) {
    if (*sub && !(*sub)->paid) {
      std::int32_t days = term_days(add_days(from, total), (*sub)->term, s.p.term_convention);
      total += days;
    }
  }
  return total;
}

}  // namespace

template <typename Result>
void integrate(const Subject& s, const Timeline& tl, Result& out) {
  constexpr bool kPath = std::is_same_v<Result, Evaluation>;  // only an Evaluation shows the path to PB
  if (!s.term || !tl.expiry) return;
  const Policy& p = s.p;
  const Term term = *s.term;
  const Date expiry = *tl.expiry;
  const bool unpaid = s.c.sentence().has_unpaid_subsidiary();
  const bool two_thirds_ok = compare(fraction_of(term, kTwoThirds), p.pb_min_fraction) >= 0;  // KUHP Art. 15
  const auto [half, two_thirds] = fractions_reached_of<2>({s.half_end(), s.two_thirds_end()}, tl.grants);
  out.half_day = half;
  out.two_thirds_day = two_thirds;
  // Each milestone is worked out in a local and written to the result once, shifted by the subsider (below).
  using Day = std::optional<Date>;
  auto before_expiry = [&](Date d) { return d < expiry ? Day(d) : std::nullopt; };

  // Asimilasi (PP 99/2012 Art. 36; Permenkumham 7/2022 Art. 45): ½, special crimes ⅔ (≥ 9 months); fine paid.
  Day asimilasi;
  if (!unpaid) {
    const Date general = s.first_clear_day(half, p.conduct_lookback_days);
    if (!s.special_thresholds_on(general)) asimilasi = before_expiry(general);
    else if (two_thirds_ok) asimilasi = before_expiry(s.first_clear_day(two_thirds, p.special_lookback_days));
  }

  // CMK (Permenkumham 3/2018): sentence ≥ 12 months, ½ served, no punishment this calendar year.
  Day cmk;
  if (compare(term, p.cmk_min_sentence) >= 0) cmk = before_expiry(first_clear_year_day(s, half));

  // PB (KUHP Art. 15; Permenkumham 7/2022 Art. 85): ⅔ ≥ 9 months, 9 months' conduct; special crimes also
  // asimilasi for at least ½ of the time left at its start.
  Day pb;
  PbPath path;
  auto step = [&](RuleId rule, std::optional<Date> met_on) {
    if constexpr (kPath) path.steps.push_back({rule, met_on});
  };
  if constexpr (kPath) path.steps.reserve(5);  // two-thirds minimum, PB, conduct, asimilasi, subsider
  step(RuleId::TwoThirdsMinimum, two_thirds_ok ? std::optional<Date>(s.start) : std::nullopt);
  step(RuleId::Pb, two_thirds);
  if (two_thirds_ok) {
    Date day = s.first_clear_day(two_thirds, p.pb_lookback_days);
    step(RuleId::PbConduct, day);
    bool possible = true;
    if (s.special_thresholds_on(day)) {
      if (asimilasi) {
        std::int32_t left = days_between(*asimilasi, expiry);
        Date after = add_days(*asimilasi, (left + 1) / 2);
        step(RuleId::PbAsimilasi, after);
        day = std::max(day, after);
      } else {
        step(RuleId::PbAsimilasi, std::nullopt);
        possible = false;
      }
    }
    if (possible) pb = before_expiry(day);
  }

  // CB (Permenkumham 3/2018): sentence ≤ 1 y 6 m, ⅔ served, runs to expiry for at most 6 months.
  Day cb;
  if (compare(term, p.cb_max_sentence) <= 0) {
    std::int32_t window = s.special_thresholds_on(two_thirds) ? p.special_lookback_days : p.conduct_lookback_days;
    cb = before_expiry(std::max(s.first_clear_day(two_thirds, window), add_days(expiry, -p.cb_max_days)));
  }

  // CMB (Permenkumham 3/2018 Art. 102): as long as the last remission (the grants of the last grant day), at most
  // 6 months, occupying the last days before release; only from the ⅔ day.
  Day cmb;
  if (two_thirds_ok && !tl.grants.empty()) {
    // The timeline grants in date order, so the last grant day's grants are the last ones.
    const Date last_day = tl.grants.back().date;
    std::int32_t length = 0;
    for (auto g = tl.grants.rbegin(); g != tl.grants.rend() && g->date == last_day; ++g)
      length += g->days;  // nominal: the remission as granted, even a level II one
    length = std::min(length, p.cmb_max_days);
    Date day = add_days(expiry, -length);
    if (length > 0 && day >= two_thirds) cmb = before_expiry(s.first_clear_day(day, p.pb_lookback_days));
  }

  // §5: an unpaid subsider is served at the first moment the inmate would leave custody; that moment and
  // everything after it move later by its length. The principal expiry itself stays.
  Date insert = expiry;
  auto release_on = [&](const Day& m) {
    if (m && *m < insert) insert = *m;
  };
  release_on(pb);
  release_on(cb);
  release_on(cmb);
  // Earliest-parole scenario (§6): remission frozen after the grants of the PB day, counted before any shift.
  std::int32_t frozen = 0;
  if (pb) {
    for (const auto& g : tl.grants) {  // in date order
      if (*pb < g.date) break;
      frozen += g.effective_days;
    }
  }
  const std::int32_t subsider = unpaid ? subsider_length(s, insert) : 0;
  out.subsider_days = subsider;
  out.final_release = add_days(expiry, subsider);
  // Each milestone into the result, moved later by the subsider when on or after its start (a shift by no days
  // changes nothing).
  auto set = [&](std::optional<Date>& m, const Day& d) {
    if (d) m = subsider != 0 && *d >= insert ? add_days(*d, subsider) : *d;
  };
  Milestones& ms = out.milestones;
  set(ms.asimilasi, asimilasi);
  set(ms.cmk, cmk);
  set(ms.pb, pb);
  set(ms.cb, cb);
  set(ms.cmb_start, cmb);

  // Earliest-parole scenario: leaves on PB (after the shift); remission frozen as counted above.
  if (pb) {
    const Date leaves = *ms.pb;
    const Date parole_expiry = add_days(add_days(*s.term_end, -frozen), subsider);
    out.parole_scenario = ParoleScenario{leaves, parole_expiry, add_years(parole_expiry, p.probation_years)};
  }
  if constexpr (kPath) {
    if (unpaid) step(RuleId::SubsiderAfterRelease, ms.pb);
    path.earliest = ms.pb;
    out.pb_path = std::move(path);
  }
}

template void integrate<Evaluation>(const Subject&, const Timeline&, Evaluation&);
template void integrate<Projection>(const Subject&, const Timeline&, Projection&);

}  // namespace binaan::detail
