#pragma once
/// \file
/// Why a request was not granted: a code for machines, a message for people, and the earliest day it could be met.
/// Declines are values, never exceptions.

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace binaan {

enum class DeclineCode : std::uint8_t {
  NotServing,        ///< not serving a sentence on the day (remand, released, on parole)
  NeedsAsimilasi,    ///< an outside-the-walls workshop needs asimilasi (rules-indonesia.md §6: SAE placement)
  RecentDiscipline,  ///< a register F entry inside the discipline window
  AlreadyEnrolled,   ///< already enrolled in the workshop
  AlreadyWaiting,    ///< already on the workshop's waiting list
  WorkshopOver,      ///< no session of the workshop on or after the day
  WorkshopFull,      ///< no place free: put on the waiting list
  SpendingLimit,     ///< spending inside above the allowed share of premi (SE Dirjen PAS 2010)
  Released           ///< savings already handed over at release: no more spending inside
};

/// snake_case spelling: "not_serving", "needs_asimilasi", …
BINAAN_EXPORT std::string_view to_string(DeclineCode code);

/// One failed condition.
struct Decline {
  DeclineCode code;
  std::string message;
  std::optional<Date> earliest;  ///< the earliest day the condition could be met, when known
};

}  // namespace binaan
