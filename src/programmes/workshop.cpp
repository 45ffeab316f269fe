#include <binaan/programmes/workshop.hpp>

#include <binaan/error.hpp>

#include "programmes/checks.hpp"

#include <algorithm>

namespace binaan {

void validate_workshop(const Workshop& w) {
  detail::require_id("workshop.id", w.id);
  detail::require_id("workshop.programme_id", w.programme_id);
  detail::require_id("workshop.name", w.name);
  if (w.capacity < 1) throw ValueError("workshop.capacity", std::to_string(w.capacity), "must be at least 1");
  for (std::size_t i = 0; i < w.sessions.size(); ++i) {
    const std::string at = "workshop.sessions[" + std::to_string(i) + "]";
    detail::require_date(at + ".date", w.sessions[i].date);
    if (i > 0 && w.sessions[i].date <= w.sessions[i - 1].date)
      throw ValueError(at + ".date", format_date(w.sessions[i].date), "sessions must be in date order, one a day");
    if (w.sessions[i].hours < 1 || w.sessions[i].hours > 24)
      throw ValueError(at + ".hours", std::to_string(w.sessions[i].hours), "must be 1-24");
  }
  for (std::size_t i = 0; i < w.instructors.size(); ++i)
    detail::require_id("workshop.instructors[" + std::to_string(i) + "]", w.instructors[i]);
  if (w.partner_id) detail::require_id("workshop.partner_id", *w.partner_id);
}

const Session* find_session(const Workshop& w, Date day) {
  auto it = std::lower_bound(w.sessions.begin(), w.sessions.end(), day,
                             [](const Session& s, Date d) { return s.date < d; });
  return it != w.sessions.end() && it->date == day ? &*it : nullptr;
}

}  // namespace binaan
