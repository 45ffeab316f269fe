#pragma once
/// \file
/// Enrolment in a workshop: the eligibility checks, the waiting list and its allocation rule, and the audited
/// decision of every request.

#include <binaan/export.hpp>
#include <binaan/programmes/decline.hpp>
#include <binaan/programmes/workshop.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// What the rules engine says about an inmate on the day of a request. The caller supplies it (from the engine's
/// decision for that day); this module never computes it, so it does not depend on the engine.
struct InmateStatus {
  bool serving = false;                   ///< serving a sentence on the day (not remand, not released, not on PB/CB/CMB)
  std::optional<Date> asimilasi_from;     ///< the day asimilasi can start; nullopt when it does not apply
  std::vector<Date> discipline;           ///< register F entries
  std::optional<Date> expected_release;   ///< the projected final release; orders the waiting list
};

/// Enrolment parameters. Both numbers are assumptions (no regulation fixes them) and can be changed.
struct EnrolmentPolicy {
  /// No register F entry in the window (day − window, day]. 180 days, the general asimilasi look-back
  /// (rules-indonesia.md §6), taken as the meaning of "no active discipline".
  std::int32_t discipline_window_days = 180;
  /// Waiting-list priority for those whose expected release is at most this many days after the allocation day.
  std::int32_t near_release_days = 365;
};

enum class LeaveReason : std::uint8_t { Completed, Withdrawn, Released, Transferred, Removed };
BINAAN_EXPORT std::string_view to_string(LeaveReason reason);

/// A place in a workshop, held from `enrolled_on` until `left_on` (exclusive: not enrolled on that day).
struct Enrolment {
  std::string inmate_id;
  std::string workshop_id;
  Date requested_on;
  Date enrolled_on;
  std::optional<Date> left_on;
  std::optional<LeaveReason> leave_reason;
};

/// enrolled_on ≤ day < left_on.
BINAAN_EXPORT bool enrolled_on(const Enrolment& enrolment, Date day) noexcept;
/// Enrolled on at least one day of [from, to] (inclusive).
BINAAN_EXPORT bool enrolled_during(const Enrolment& enrolment, Date from, Date to) noexcept;

/// A request waiting for a place.
struct WaitingEntry {
  std::string inmate_id;
  std::string workshop_id;
  Date requested_on;
};

enum class EnrolmentOutcome : std::uint8_t { Enrolled, Waitlisted, Declined };
BINAAN_EXPORT std::string_view to_string(EnrolmentOutcome outcome);

/// The audited answer to a request or an allocation: every failed condition is listed.
struct EnrolmentDecision {
  std::string inmate_id;
  std::string workshop_id;
  Date on;
  EnrolmentOutcome outcome;
  std::vector<Decline> reasons;  ///< empty when enrolled; WorkshopFull when waitlisted
};

/// The conditions that do not depend on other enrolments, each checked on its own (all failures are listed):
/// serving a sentence; for a workshop outside the walls, asimilasi on the day (earliest = asimilasi_from);
/// no discipline in the window (earliest = last entry + window); a session on or after the day.
BINAAN_EXPORT std::vector<Decline> check_eligibility(const Workshop& workshop, Date on, const InmateStatus& status,
                                                     const EnrolmentPolicy& policy);

/// A waiting request with what the engine says about the inmate's release.
struct WaitingCandidate {
  std::string inmate_id;
  Date requested_on;
  std::optional<Date> expected_release;
};

/// The fair allocation order of a waiting list on day `on`:
///  1. first those near release: expected_release known and at most `near_release_days` after `on`;
///  2. then, within each group, the earliest request first;
///  3. on the same request day, the earlier expected release first (unknown last);
///  4. then the lower inmate id.
/// Near release goes first because they have least time left to learn a trade before they leave.
BINAAN_EXPORT std::vector<WaitingCandidate> rank_waiting_list(std::vector<WaitingCandidate> candidates, Date on,
                                                              const EnrolmentPolicy& policy);

}  // namespace binaan
