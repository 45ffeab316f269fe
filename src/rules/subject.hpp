#pragma once
// Internal: what the rules derive once from a case and a policy, shared by the remission timeline and the
// integration milestones so that served time, conduct and the cohort are computed in one place.

#include <binaan/people/case.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/time/term.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace binaan::detail {

class Subject {
public:
  Subject(const Case& c, const Policy& p, const ProgrammeRecord& record);

  const Case& c;
  const Policy& p;
  const ProgrammeRecord& record;  // evidence from the facility's programmes; may be empty
  Date start;        // sentence start after detention credit (KUHAP Art. 22(4))
  Date last_start;   // first day of the last, continuing detention (Keppres 174/1999 Art. 7(3))
  std::optional<Term> term;  // served term; nullopt for death and uncommuted life
  std::int32_t escape_days = 0;  // days at large: added to every end date (§4 Escape)
  std::optional<Date> term_end;  // principal term end without remission, escapes included
  int term_end_year = 0;         // its year (with a term)
  std::optional<Date> until;     // the last day evaluated (the case's `until`; a grant-day run stops at its day)
  bool pp99_cohort = false;      // verdict final on or after PP 99/2012's day
  std::vector<Date> discipline;  // register F entries and escape returns, sorted
  // The first day the person is over kemanusiaan_min_age (the birthday after it), when the birth date is known
  // and the policy projects remisi kemanusiaan.
  std::optional<Date> elderly_from;

  /// The ends of ⅓, ½ and ⅔ of the sentence before remission, escapes included (§2); only with a term. Each is
  /// computed on first use and kept: a Subject lives for one evaluation on one thread.
  Date one_third_end() const { return fraction_end_of(kOneThird, one_third_end_); }
  Date half_end() const { return fraction_end_of(kOneHalf, half_end_); }
  Date two_thirds_end() const { return fraction_end_of(kTwoThirds, two_thirds_end_); }

  // The questions the timeline asks on every candidate day are inline (defined below the class).

  /// Days served on `d` for the thresholds: since the last detention, less days at large (§2, §4).
  std::int32_t served(Date d) const;
  bool at_large(Date d) const;
  bool escaped_on_or_before(Date d) const;
  /// The latest discipline entry in (d − window, d]; nullptr when there is none (the entry itself otherwise).
  const Date* discipline_in(Date d, std::int32_t window) const;
  /// The first day on or after `d` with no discipline entry in the look-back window (inline for the people with
  /// none, most of them: the integration programmes ask three or four times a person).
  Date first_clear_day(Date d, std::int32_t window) const {
    return discipline.empty() ? d : first_clear_day_after_discipline(d, window);
  }
  /// The programme record's evidence for day d: the latest period that ended before d and within the year before
  /// it; nullptr when the record has none.
  const ParticipationEvidence* participation_on(Date d) const {
    return record.participation.empty() ? nullptr : participation_in_record(d);
  }
  /// A child on day d (explicit flag, else birth date; unknown: adult). `d` is a calendar day.
  bool child_on(Date d) const { return d.day_number() < child_until_; }

  /// Whether any ground of remisi tambahan is recorded at all (a service, or a pemuka period in the facts or the
  /// programme record); most people have none, and then no tambahan candidate is listed.
  bool has_tambahan_ground() const {
    return !c.facts().services.empty() || !c.facts().pemuka.empty() || !record.pemuka.empty();
  }
  /// The recorded assessments in date order (recorded order among one day's): the timeline reads them forward,
  /// one candidate day after the other. Indices into c.facts().assessments.
  std::size_t assessment_count() const { return c.facts().assessments.size(); }
  const Assessment& assessment_by_date(std::size_t i) const {
    return c.facts().assessments[assessment_order_.empty() ? i : assessment_order_[i]];
  }

  /// Special crime as PP 28/2006 lists it (every category but general).
  bool special_pp28() const { return is_special_crime(c.sentence().offence()); }
  /// Special crime under PP 99/2012 Art. 34A: narcotics only with a term of 5 years or more (decided once, at
  /// construction: the timeline asks on every candidate day).
  bool special_pp99() const { return special_pp99_; }
  /// Whether the special-crime thresholds of the integration programmes apply on day d (§6).
  bool special_thresholds_on(Date d) const;

private:
  const ParticipationEvidence* participation_in_record(Date d) const;
  Date first_clear_day_after_discipline(Date d, std::int32_t window) const;
  // The day number of the first day the person is no longer a child: the child_age-th birthday when the birth date
  // tells; 0 for an adult throughout (flag false, or nothing known), past every day for a child throughout (flag
  // true). Age only grows, so this one number answers child_on for every day without date arithmetic per candidate.
  std::uint32_t child_until_ = 0;
  bool special_pp99_ = false;
  std::vector<std::uint32_t> assessment_order_;  // empty when the facts list them in date order already (most do)
  // Inline: called with a constant fraction, fraction_end's divisions become multiplications.
  Date fraction_end_of(Fraction f, std::optional<Date>& cache) const {
    if (!cache) cache = add_days(fraction_end(start, *term, f, p.term_convention, p.fraction_convention), escape_days);
    return *cache;
  }
  mutable std::optional<Date> one_third_end_;
  mutable std::optional<Date> half_end_;
  mutable std::optional<Date> two_thirds_end_;

};

inline std::int32_t Subject::served(Date d) const {
  // Both are calendar days (a candidate day, the start of a detention period): their day numbers subtract.
  std::int32_t days = static_cast<std::int32_t>(d.day_number() - last_start.day_number());
  for (const auto& e : c.facts().escapes) {
    Date from = std::max(e.from, last_start);
    Date to = std::min(e.to, d);
    if (from < to) days -= days_between(from, to);
  }
  return days;
}

inline bool Subject::at_large(Date d) const {
  for (const auto& e : c.facts().escapes)
    if (e.from <= d && d < e.to) return true;
  return false;
}

inline const Date* Subject::discipline_in(Date d, std::int32_t window) const {
  const Date* latest = nullptr;
  for (const Date& e : discipline)
    if (in_lookback(e, d, window)) latest = &e;
  return latest;
}


}  // namespace binaan::detail
