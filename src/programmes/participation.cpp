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
