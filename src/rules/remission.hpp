#pragma once
// Internal: the remission timeline of the custody scenario (rules-indonesia.md §3–§5).

#include "rules/subject.hpp"

#include <binaan/rules/evaluation.hpp>
#include <binaan/time/holiday_calendar.hpp>

#include <cstdint>
#include <iterator>

namespace binaan::detail {

/// RU amount in days for ladder step `step` (1-based) with `served` days on the day (Keppres 174/1999 Art. 4).
std::int32_t ru_amount(int step, std::int32_t served, std::int32_t full_from);
/// RK amount in days (Keppres 174/1999 Art. 5).
std::int32_t rk_amount(int step, std::int32_t served, std::int32_t full_from);

/// The ladder a kind of remission climbs, which counts its receipts and anniversaries: RU 0, RK 1, PMP HAN 2
/// (Keppres 174/1999 Art. 4, 5; PMP HAN as RU); every other kind kNoLadder, a slot the timeline counts into but
/// never reads, so that it counts every event without a branch on its kind.
inline constexpr std::uint8_t kNoLadder = 3;
constexpr std::uint8_t ladder_slot(GrantKind k) {
  // By GrantKind's value: Ru, Rk, Tambahan, Dasawarsa, Kemanusiaan, PmpHan, Unspecified.
  constexpr std::uint8_t kSlots[] = {0, 1, kNoLadder, kNoLadder, kNoLadder, 2, kNoLadder};
  const auto i = static_cast<std::size_t>(k);
  return i < std::size(kSlots) ? kSlots[i] : kNoLadder;
}

/// A candidate grant day, or a recorded grant. Always made whole (Event{date, kind, status, ladder_slot(kind),
/// recorded}): the lists of them are made for every person, so its parts have no defaults to write first.
struct Event {
  Date date;
  GrantKind kind;
  DateStatus status;
  std::uint8_t slot;  // ladder_slot(kind), looked up once when the event is made
  const RecordedGrant* recorded;  // a recorded grant rather than a candidate day
};

/// Consecutive events, in the order they are decided.
struct EventSpan {
  const Event* first = nullptr;
  std::size_t count = 0;
};

/// Every holiday's date in every year binaan computes (1900–2200), resolved once from the engine's calendar: the
/// timeline asks for one holiday in every year of every sentence, and outside the calendar's table the answer is an
/// astronomical approximation — trigonometry a national roster would repeat millions of times. And the candidate
/// days of a plain person — no tambahan ground, no child, no remisi kemanusiaan: RU, dasawarsa in its years, and the
/// RK of the religion — for each RK holiday, every year's after the last one's, made from those dates by the code
/// that makes every person's (remission.cpp, candidates_of_year): most people are plain, and their timeline then
/// reads its candidates straight from the table, all its years as one list.
class HolidayDays {
public:
  explicit HolidayDays(const HolidayCalendar& calendar);
  /// calendar.resolve(h, year) (a copy of the calendar is kept); a year outside 1900–2200 (only from dates built outside binaan's readers) asks the
  /// calendar.
  HolidayDate resolve(Holiday h, int year) const {
    if (year < kMinYear || year > kMaxYear) return calendar_.resolve(h, year);
    return days_[static_cast<std::size_t>(static_cast<int>(h) * kYears + (year - kMinYear))];
  }
  /// A plain person's candidates of the years `from` to `to` with the RK holiday `rk` (none: no RK), year after
  /// year; none when a year lies outside 1900–2200 (asked year by year then).
  std::optional<EventSpan> plain_years(std::optional<Holiday> rk, int from, int to) const {
    if (from < kMinYear || to > kMaxYear || from > to) return std::nullopt;
    // No RK takes Independence's place in the table (it is never an RK holiday).
    const std::size_t row = static_cast<std::size_t>(rk.value_or(Holiday::Independence)) * (kYears + 1);
    const std::uint32_t first = plain_starts_[row + static_cast<std::size_t>(from - kMinYear)];
    const std::uint32_t end = plain_starts_[row + static_cast<std::size_t>(to - kMinYear) + 1];
    return EventSpan{plain_events_.data() + first, end - first};
  }

private:
  static constexpr int kYears = kMaxYear - kMinYear + 1;
  HolidayCalendar calendar_;
  std::vector<HolidayDate> days_;  // by holiday, then year
  // A plain person's candidates by RK holiday (Independence's place: none), then year; and by RK holiday the index
  // of each year's first in plain_events_, then of the end of the row's last year (kYears + 1 a holiday).
  std::vector<Event> plain_events_;
  std::vector<std::uint32_t> plain_starts_;
};

/// Scratch space that one thread reuses from one evaluation to the next, so that evaluating a roster allocates
/// little more than what the results keep. Owned by the caller (no global or thread-local state); one per thread.
struct Workspace {
  std::vector<const RecordedGrant*> recorded;  // recorded grants put in order, when the facts list them otherwise
  std::vector<Grant> grants;        // a timeline's grants (Timeline::grants is this list): emptied by each timeline
  std::vector<Decision> decisions;  // the kept decisions are appended to it (Timeline::decisions is this list)
  std::optional<Policy> policy;     // the policy of a case with overrides (the engine's with them applied)
};

/// A timeline's results. Its two lists are the workspace's, lent for as long as the timeline lives (no list is
/// moved or allocated per case): a caller that keeps them moves them out.
struct Timeline {
  std::vector<Grant>& grants;  // in date order (the events are run in date order); integrate() relies on it
  std::vector<Decision>& decisions;
  std::optional<Date> expiry{};  // principal term end after remission
  bool released_by_grant = false;  // a level II grant ended the term
  bool estimated = false;
  std::vector<RuleId> notes{};
};

/// Which decisions a timeline keeps: all (evaluate), none (a projection), or one day's (the grant-day run). The
/// others are still decided — the ladder and the fractions need them — but not kept.
struct KeepDecisions {
  KeepDecisions() = default;
  KeepDecisions(bool keep_all, std::optional<Date> keep_day)
      : all(keep_all), day_number(keep_day ? keep_day->day_number() : 0) {}
  bool all = false;
  std::uint32_t day_number = 0;  // the one day's (0, boost's negative infinity, is no calendar day: none)
  /// Whether the decision of calendar day d is kept.
  bool keeps(Date d) const { return all || d.day_number() == day_number; }
};

/// fraction_reached (§2) for each of `ends`, with the effective days of `grants` (in date order) as the remission
/// granted; one pass over the grants for all of them.
template <std::size_t N>
std::array<Date, N> fractions_reached_of(const std::array<Date, N>& ends, const std::vector<Grant>& grants) {
  return fractions_reached_in<N>(
      ends, grants.data(), grants.size(), [](const Grant& g) { return g.date; },
      [](const Grant& g) { return g.effective_days; });
}

/// The same for one end.
inline Date fraction_reached_of(Date end, const std::vector<Grant>& grants) {
  return fractions_reached_of<1>({end}, grants)[0];
}

/// Whether day d lies before the end of the sentence of `s` (its term's end, escapes included, before any
/// remission). The timeline decides nothing without a term, and nothing on or after the expiry, which starts at the
/// term's end and which grants only move earlier (run_timeline): false means no decision on d, without a timeline.
inline bool before_term_end(const Subject& s, Date d) { return s.term_end && d < *s.term_end; }

/// Whether the timeline of `s` could decide or apply anything on day d: d is before the term's end, and a candidate
/// day of d's year falls on d or a grant is recorded on d. False means no decision on d, whatever came before (a
/// grant-day run skips the person).
bool may_have_event_on(const Subject& s, const HolidayDays& holidays, Date d);

/// Runs every candidate day in date order up to s.until, applying recorded grants up to recorded.until and
/// deciding the rest. The grants replace ws.grants; the decisions `keep` names are appended to ws.decisions.
Timeline run_timeline(const Subject& s, const HolidayDays& holidays, KeepDecisions keep, Workspace& ws);

}  // namespace binaan::detail
