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

struct Timeline {
  std::vector<Grant> grants;
  std::vector<Decision> decisions;
  std::optional<Date> expiry;  // principal term end after remission
  bool released_by_grant = false;  // a level II grant ended the term
  bool estimated = false;
  std::vector<RuleId> notes;
};

/// Runs every candidate day in date order, applying recorded grants up to recorded.until and deciding the rest.
Timeline run_timeline(const Subject& s, const HolidayCalendar& calendar, bool keep_decisions);

}  // namespace binaan::detail
