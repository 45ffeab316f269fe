#include "rules/subject.hpp"

#include <binaan/error.hpp>

#include <algorithm>

namespace binaan::detail {

Subject::Subject(const Case& cs, const Policy& pol, const ProgrammeRecord& rec)
    : c(cs),
      p(pol),
      record(rec),
      start(cs.detention().sentence_start()),
      last_start(cs.detention().last_start()),
      term(cs.sentence().served_term()),
      until(cs.until()),
      pp99_cohort(cs.sentence().verdict_final() >= pol.pp99_from) {
  for (const auto& e : cs.facts().escapes) escape_days += days_between(e.from, e.to);
  // PP 99/2012 Art. 34A: narcotics only with a term of 5 years or more (policy narcotics_pp99_min_term).
  const Offence offence = cs.sentence().offence();
  special_pp99_ = offence == Offence::Narcotics ? term && compare(*term, pol.narcotics_pp99_min_term) >= 0
                                                : is_special_crime(offence);
  if (term) {
    term_end = add_days(binaan::term_end(start, *term, p.term_convention), escape_days);
    term_end_year = year_of(*term_end);
    if (term_end_year > kMaxYear)  // every date binaan computes lies in 1900–2200 (date.hpp)
      throw ValueError("sentence.term", to_string(*term),
                       "the sentence ends on " + format_date(*term_end) + ", after 2200-12-31, the last day binaan computes");
  }
  discipline.reserve(cs.facts().discipline.size() + cs.facts().escapes.size());
  for (const auto& d : cs.facts().discipline) discipline.push_back(d.date);
  for (const auto& e : cs.facts().escapes) discipline.push_back(e.to);  // the return counts as punishment (§4)
  std::sort(discipline.begin(), discipline.end());
  const auto& assessments = cs.facts().assessments;
  auto by_date = [](const Assessment& a, const Assessment& b) { return a.date < b.date; };
  if (!std::is_sorted(assessments.begin(), assessments.end(), by_date)) {
    assessment_order_.resize(assessments.size());
    for (std::size_t i = 0; i < assessments.size(); ++i) assessment_order_[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(assessment_order_.begin(), assessment_order_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return by_date(assessments[a], assessments[b]); });
  }
  // age_on(birth, d) < n  ⇔  d < add_years(birth, n): add_years is monotone (the clamp rule of §2).
  const auto birth = cs.person().birth_date();
  if (const auto flag = cs.person().child_flag()) child_until_ = *flag ? 0xFFFFFFFFu : 0u;  // the flag decides
  else if (birth) child_until_ = add_years(*birth, pol.child_age).day_number();
  if (birth && pol.project_kemanusiaan) elderly_from = add_years(*birth, pol.kemanusiaan_min_age + 1);
}

bool Subject::escaped_on_or_before(Date d) const {
  for (const auto& e : c.facts().escapes)
    if (e.from <= d) return true;
  return false;
}

Date Subject::first_clear_day_after_discipline(Date d, std::int32_t window) const {
  while (const Date* e = discipline_in(d, window)) d = add_days(*e, window);
  return d;
}

const ParticipationEvidence* Subject::participation_in_record(Date d) const {
  const ParticipationEvidence* latest = nullptr;
  for (const auto& e : record.participation)
    if (e.to < d && days_between(e.to, d) <= 365 && (!latest || e.to > latest->to)) latest = &e;
  return latest;
}

bool Subject::special_thresholds_on(Date d) const {
  // §6: the PP 99 cohort from PP 99's day, and every special-crime inmate from Permenkumham 7/2022.
  if (!special_pp99()) return false;
  return (pp99_cohort && d >= p.pp99_from) || d >= p.permenkumham_7_2022_from;
}

}  // namespace binaan::detail
