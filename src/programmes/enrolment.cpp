#include <binaan/programmes/enrolment.hpp>

#include <algorithm>
#include <tuple>

namespace binaan {

bool enrolled_on(const Enrolment& e, Date day) noexcept {
  return e.enrolled_on <= day && (!e.left_on || day < *e.left_on);
}

bool enrolled_during(const Enrolment& e, Date from, Date to) noexcept {
  return e.enrolled_on <= to && (!e.left_on || from < *e.left_on);
}

std::vector<Decline> check_eligibility(const Workshop& workshop, Date on, const InmateStatus& status,
                                       const EnrolmentPolicy& policy) {
  std::vector<Decline> out;
  if (!status.serving)
    out.push_back({DeclineCode::NotServing, "not serving a sentence on " + format_date(on), std::nullopt});

  // Work outside the walls is asimilasi (rules-indonesia.md §6: "SAE placement requires asimilasi").
  if (workshop.location == Location::OutsideWalls && (!status.asimilasi_from || *status.asimilasi_from > on)) {
    out.push_back({DeclineCode::NeedsAsimilasi,
                   workshop.name + " is outside the walls and needs asimilasi; " +
                       (status.asimilasi_from ? "asimilasi can start on " + format_date(*status.asimilasi_from)
                                              : std::string("asimilasi does not apply")),
                   status.asimilasi_from});
  }

  std::optional<Date> last;
  for (Date d : status.discipline)
    if (in_lookback(d, on, policy.discipline_window_days) && (!last || d > *last)) last = d;
  if (last) {
    const Date clear = add_days(*last, policy.discipline_window_days);
    out.push_back({DeclineCode::RecentDiscipline,
                   "register F entry on " + format_date(*last) + " within " +
                       std::to_string(policy.discipline_window_days) + " days; clear from " + format_date(clear),
                   clear});
  }

  if (workshop.sessions.empty() || workshop.sessions.back().date < on)
    out.push_back({DeclineCode::WorkshopOver, workshop.name + " has no session on or after " + format_date(on),
                   std::nullopt});
  return out;
}

std::vector<WaitingCandidate> rank_waiting_list(std::vector<WaitingCandidate> candidates, Date on,
                                                const EnrolmentPolicy& policy) {
  const Date horizon = add_days(on, policy.near_release_days);
  auto key = [&](const WaitingCandidate& c) {
    const bool near = c.expected_release && *c.expected_release <= horizon;
    // Unknown release sorts after every known one on the same request day.
    const Date release = c.expected_release ? *c.expected_release : Date(kMaxYear, 12, 31);
    return std::make_tuple(near ? 0 : 1, c.requested_on, c.expected_release ? 0 : 1, release, c.inmate_id);
  };
  std::sort(candidates.begin(), candidates.end(),
            [&](const WaitingCandidate& a, const WaitingCandidate& b) { return key(a) < key(b); });
  return candidates;
}

}  // namespace binaan
