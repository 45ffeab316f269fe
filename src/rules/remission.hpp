#pragma once
// Internal: the remission timeline of the custody scenario (rules-indonesia.md §3–§5).

#include "rules/subject.hpp"

#include <binaan/rules/evaluation.hpp>
#include <binaan/time/holiday_calendar.hpp>

namespace binaan::detail {

/// RU amount in days for ladder step `step` (1-based) with `served` days on the day (Keppres 174/1999 Art. 4).
std::int32_t ru_amount(int step, std::int32_t served, std::int32_t full_from);
/// RK amount in days (Keppres 174/1999 Art. 5).
std::int32_t rk_amount(int step, std::int32_t served, std::int32_t full_from);

/// A candidate grant day, or a recorded grant.
struct Event {
  Date date;
  GrantKind kind;
  DateStatus status = DateStatus::Fixed;
  const RecordedGrant* recorded = nullptr;  // a recorded grant rather than a candidate day
  bool covered = false;                     // a candidate on or before recorded.until: only counted, not decided
};

/// Scratch space that one thread reuses from one evaluation to the next, so that evaluating a roster allocates
/// little more than what the results keep. Owned by the caller (no global or thread-local state); one per thread.
struct Workspace {
  std::vector<Event> events;
  std::vector<Grant> grants;
  std::vector<DatedDays> granted;  // handed to Timeline::granted; give it back after use to keep its capacity
  Decision scratch;
};

struct Timeline {
  std::vector<Grant> grants;
  std::vector<DatedDays> granted;  // (day, effective days) of each grant, for fraction_reached (§2)
  std::vector<Decision> decisions;
  std::optional<Date> expiry;  // principal term end after remission
  bool released_by_grant = false;  // a level II grant ended the term
  bool estimated = false;
  std::vector<RuleId> notes;
};

/// Which decisions a timeline keeps: all (evaluate), none (a projection), or one day's (the grant-day run). The
/// others are still decided — the ladder and the fractions need them — but not kept.
struct KeepDecisions {
  bool all = false;
  std::optional<Date> day;
  bool keeps(Date d) const { return all || (day && *day == d); }
};

/// Runs every candidate day in date order up to s.until, applying recorded grants up to recorded.until and
/// deciding the rest.
Timeline run_timeline(const Subject& s, const HolidayCalendar& calendar, KeepDecisions keep, Workspace& ws);

}  // namespace binaan::detail
