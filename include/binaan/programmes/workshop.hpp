#pragma once
/// \file
/// A workshop: one running of a programme with a capacity, a schedule of sessions, instructors, a place inside or
/// outside the walls, and possibly a partner (rules-indonesia.md §8), e.g. "SAE Konveksi".

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

enum class Location : std::uint8_t {
  InsideWalls,
  OutsideWalls  ///< e.g. an SAE farm or shop: needs asimilasi (rules-indonesia.md §6)
};

BINAAN_EXPORT std::string_view to_string(Location location);

/// One scheduled session. A workshop has at most one session a day, so a session is named by its date.
struct Session {
  Date date;
  int hours;  ///< whole hours, 1–24
};

struct Workshop {
  std::string id;
  std::string programme_id;
  std::string name;
  int capacity;                    ///< places, at least 1
  std::vector<Session> sessions;   ///< in date order, one a day
  std::vector<std::string> instructors;
  Location location;
  std::optional<std::string> partner_id;  ///< the partner that trains, under a Training agreement
};

/// Throws ValueError naming the field (`workshop.sessions[2].date`, …): empty ids or name, capacity < 1, sessions out
/// of order or two on a day, hours outside 1–24, an empty instructor name.
BINAAN_EXPORT void validate_workshop(const Workshop& workshop);

/// The session on `day`, or nullptr.
BINAAN_EXPORT const Session* find_session(const Workshop& workshop, Date day);

}  // namespace binaan
