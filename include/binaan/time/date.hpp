#pragma once
/// \file
/// Calendar days. binaan::Date is boost::gregorian::date; every month and year step goes through the functions
/// here (never boost's months/years, which snap to month ends and do not round-trip).

#include <binaan/export.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace binaan {

using Date = boost::gregorian::date;

/// Years a date may have anywhere in binaan's input (case-format.md: 1900–2200).
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;

/// Builds a date; throws ValueError naming `field` if the day does not exist or the year is out of range.
BINAAN_EXPORT Date make_date(int year, int month, int day, std::string_view field = "date");

/// Parses exactly `YYYY-MM-DD` (ten characters, real calendar day, year 1900–2200). Anything else — `2023-02-29`,
/// `2023013`, `2023-1-3`, blanks around it — throws ValueError naming `field` and the text.
BINAAN_EXPORT Date parse_date(std::string_view text, std::string_view field = "date");

/// Formats as `YYYY-MM-DD`.
BINAAN_EXPORT std::string format_date(Date d);

namespace detail {

/// Whether boost's day number `n` is one of its special values: negative infinity is 0, positive infinity the
/// largest number and not_a_date_time the one below it (int_adapter<uint32_t>). One comparison instead of three.
constexpr bool is_special_day_number(std::uint32_t n) noexcept { return n - 1u >= 0xFFFFFFFDu; }

/// boost's own `(b - a).days()`, for when a or b is a special value.
BINAAN_EXPORT std::int32_t days_between_special(Date a, Date b);

}  // namespace detail

// The day arithmetic the rules do on every candidate day of every person is inline: a call into the library for
// one addition cost more than the addition. A real date is its day number, so both work on day numbers; special
// values (not_a_date_time, the infinities) keep boost's exact results.

/// `b - a` in days (negative when b is earlier).
inline std::int32_t days_between(Date a, Date b) {
  const std::uint32_t x = a.day_number();
  const std::uint32_t y = b.day_number();
  if (detail::is_special_day_number(x) || detail::is_special_day_number(y)) return detail::days_between_special(a, b);
  // boost subtracts as long and narrows, as here
  return static_cast<std::int32_t>(static_cast<std::int64_t>(y) - static_cast<std::int64_t>(x));
}

/// `d + n` days (n may be negative). A special value stays itself, as with boost's `d + days(n)`.
inline Date add_days(Date d, std::int32_t n) {
  const std::uint32_t x = d.day_number();
  return detail::is_special_day_number(x) ? d : Date(x + static_cast<std::uint32_t>(n));  // wraps as boost's does
}

/// Adds calendar years; 29 February becomes 28 February in a common year (rules-indonesia.md §2).
/// Errors as add_months.
BINAAN_EXPORT Date add_years(Date d, int years);

/// Adds calendar months; a day past the end of the target month becomes its last day (31 Jan + 1 = 28/29 Feb).
/// Unlike boost's `months`, a month end stays on its day number: 28 Feb + 1 month = 28 Mar.
/// Throws ValueError ("month arithmetic leaves the supported years", naming the date) when the result would lie
/// outside boost's years 1400-9999, and for a special value (not_a_date_time, the infinities), even for 0 months.
/// When `d` itself lies outside 1400-9999 (only a raw day number makes such a date; binaan's readers never do), the
/// error is what format_date makes of it: boost's bad_year (std::out_of_range) for any day before 1400 (and most
/// after 9999). Such a date before 0000-03-01, where the calendar arithmetic starts, is refused whatever the step;
/// a later one moves like any other. Adding 0 months to a date that is not special returns it unchecked.
BINAAN_EXPORT Date add_months(Date d, int months);

/// 1 January of the year of `d`.
BINAAN_EXPORT Date first_day_of_year(Date d);

/// The year of `d`, as `d.year()` (which throws boost's bad_year for a special value) but from the day number,
/// without boost's year_month_day and its range-checked types (about 30 instructions a call instead of 50).
BINAAN_EXPORT int year_of(Date d);

/// True when `event` lies in the look-back window of `window_days` ending on `d`: the half-open range
/// (d - window_days, d] (rules-indonesia.md §2).
inline bool in_lookback(Date event, Date d, std::int32_t window_days) {
  const std::int32_t age = days_between(event, d);
  return age >= 0 && age < window_days;
}

/// Age in whole years on day `on` (a birthday on 29 February is reached on 28 February in common years).
BINAAN_EXPORT int age_on(Date birth, Date on);

}  // namespace binaan
