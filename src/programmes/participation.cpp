#include <binaan/programmes/participation.hpp>

#include <binaan/programmes/programmes.hpp>

#include "programmes/checks.hpp"

#include <algorithm>

namespace binaan {

ParticipationSummary summarise_participation(const Programmes& programmes, const std::string& inmate_id, Date from,
                                             Date to) {
  detail::require_period(from, to);
  ParticipationSummary s;
  s.inmate_id = inmate_id;
  s.from = from;
  s.to = to;
  for (const Enrolment& e : programmes.enrolments()) {
    if (e.inmate_id != inmate_id || !enrolled_during(e, from, to)) continue;
    const Workshop& w = programmes.workshop(e.workshop_id);
    for (const Session& session : w.sessions) {
      if (!detail::in_period(session.date, from, to) || !enrolled_on(e, session.date)) continue;
      ++s.scheduled;
      const Attendance* a = programmes.find_attendance(w.id, session.date, inmate_id);
      if (!a) {
        ++s.unrecorded;
        continue;
      }
      s.hours += a->hours;
      switch (a->status) {
        case AttendanceStatus::Attended: ++s.attended; break;
        case AttendanceStatus::Sick: ++s.sick; break;
        case AttendanceStatus::Excused: ++s.excused; break;
        case AttendanceStatus::Refused: ++s.refused; break;
        case AttendanceStatus::Absent: ++s.absent; break;
        case AttendanceStatus::Cancelled: ++s.cancelled; break;
      }
    }
  }
  for (const Certificate& c : programmes.certificates())
    if (c.inmate_id == inmate_id && detail::in_period(c.date, from, to)) s.certificates.push_back(c.id);
  for (const PemukaPeriod& p : programmes.pemuka()) {
    if (p.inmate_id != inmate_id || p.span.to < from || p.span.from > to) continue;
    s.pemuka.push_back(DaySpan{std::max(p.span.from, from), std::min(p.span.to, to)});
  }
  return s;
}

bool shows_active_participation(const ParticipationSummary& s, const ParticipationPolicy& policy) {
  const std::int64_t expected = s.expected();
  return expected >= std::max(1, policy.min_sessions) &&
         std::int64_t{s.attended} * policy.min_rate.denominator >= std::int64_t{policy.min_rate.numerator} * expected;
}

}  // namespace binaan

namespace binaan {

std::vector<ParticipationEvidence> participation_evidence(const Programmes& programmes, const std::string& inmate_id,
                                                          const ParticipationPolicy& policy) {
  // The span to look at: from the first enrolment of the inmate to the last session of the workshops concerned.
  std::optional<Date> first, last;
  for (const Enrolment& e : programmes.enrolments()) {
    if (e.inmate_id != inmate_id) continue;
    if (!first || e.enrolled_on < *first) first = e.enrolled_on;
    const Workshop& w = programmes.workshop(e.workshop_id);
    if (!w.sessions.empty() && (!last || w.sessions.back().date > *last)) last = w.sessions.back().date;
  }
  std::vector<ParticipationEvidence> out;
  if (!first || !last || *last < *first) return out;
  // Calendar quarters: the periods the evidence is kept in (an assumption: no regulation fixes the period).
  Date quarter = make_date(first->year(), (first->month() - 1) / 3 * 3 + 1, 1);
  while (quarter <= *last) {
    Date next = add_months(quarter, 3);
    ParticipationSummary s = summarise_participation(programmes, inmate_id, quarter, add_days(next, -1));
    if (s.scheduled > 0)
      out.push_back({quarter, add_days(next, -1), shows_active_participation(s, policy), s.expected(), s.attended});
    quarter = next;
  }
  return out;
}

}  // namespace binaan
