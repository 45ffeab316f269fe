#include <binaan/time/date.hpp>

#include "time/date_text.hpp"

#include <binaan/error.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace binaan {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

struct Civil {
  int year;
  int month;
  int day;
};

// Days counted from 0000-03-01 in a calendar whose years start on 1 March (Feb 29 is the last day of its year, so
// every year has its months in the same place) with the Euclidean affine functions of C. Neri and L. Schneider,
// "Euclidean affine functions and their application to calendar algorithms" (2022): multiplications and shifts
// only, on unsigned 32-bit numbers. Valid for every day from 0000-03-01 on for millions of years; binaan keeps it to
// kFastDays. The days outside (before year 0, or hundreds of thousands of years on) lie far outside boost's years
// (1400-9999): only a raw day number builds one, and month arithmetic refuses it.
constexpr std::uint32_t kJulianDayOfMarch1Year0 = 1721120;  // boost's day number of 0000-03-01
constexpr std::uint32_t kFastDays = 1u << 28;               // ~735,000 years: far beyond 9999, and 4n + 3 fits

// A day as a year of the March calendar and the day in it (0 = 1 March, 365 = 29 February).
struct MarchDay {
  std::uint32_t year;
  std::uint32_t day;
};

constexpr MarchDay march_day(std::uint32_t n) {
  const std::uint32_t n1 = 4 * n + 3;
  const std::uint32_t century = n1 / 146097;
  const std::uint32_t n2 = (n1 % 146097) | 3;  // 4 × day of the century + 3
  const std::uint64_t p2 = std::uint64_t{2939745} * n2;
  const auto year_of_century = static_cast<std::uint32_t>(p2 >> 32);
  const std::uint32_t day = static_cast<std::uint32_t>(p2) / 2939745 / 4;
  return {100 * century + year_of_century, day};
}

// Days from 0000-03-01 to 1 March of March year `y`.
constexpr std::uint32_t march_year_start(std::uint32_t y) {
  const std::uint32_t century = y / 100;
  return 1461 * y / 4 - century + century / 4;
}

// A day's civil date from its March day: month 1-12, day 1-31.
constexpr Civil civil_of(MarchDay md) {
  const std::uint32_t n3 = 2141 * md.day + 197913;
  const std::uint32_t m = n3 >> 16;  // 3..14: March..February
  const std::uint32_t d = (n3 & 0xFFFF) / 2141;
  const bool jan_feb = md.day >= 306;
  return {static_cast<int>(md.year + (jan_feb ? 1u : 0u)), static_cast<int>(jan_feb ? m - 12 : m),
          static_cast<int>(d + 1)};
}

// Days from 0000-03-01 of a civil date with a year of 1 or more.
constexpr std::uint32_t march_days_from_civil(int year, int month, int day) {
  const bool jan_feb = month <= 2;
  const auto y = static_cast<std::uint32_t>(year - (jan_feb ? 1 : 0));
  const auto m = static_cast<std::uint32_t>(jan_feb ? month + 12 : month);
  return march_year_start(y) + (979 * m - 2919) / 32 + static_cast<std::uint32_t>(day - 1);
}

static_assert(march_days_from_civil(1970, 1, 1) == 719468 && march_days_from_civil(2000, 2, 29) == 730484, "days");
static_assert(march_day(730484).year == 1999 && march_day(730484).day == 365, "29 February ends its March year");
static_assert(civil_of(march_day(730484)).year == 2000 && civil_of(march_day(730484)).month == 2 &&
                  civil_of(march_day(730484)).day == 29,
              "and is 29 February 2000");
static_assert(civil_of(march_day(719468)).year == 1970 && civil_of(march_day(719468)).month == 1 &&
                  civil_of(march_day(719468)).day == 1,
              "the epoch");

// For a date boost cannot show (a raw day number outside 1400-9999), format_date throws boost's bad_year first.
[[noreturn]] void throw_leaves_years(Date d) {
  throw ValueError("date", format_date(d), "month arithmetic leaves the supported years");
}

}  // namespace

Date make_date(int year, int month, int day, std::string_view field) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    throw ValueError(std::string(field), buf, "not a calendar day between 1900-01-01 and 2200-12-31");
  }
  // boost's date(y, m, d) would validate again; a valid day's number is the same
  return Date(kJulianDayOfMarch1Year0 + march_days_from_civil(year, month, day));
}

Date parse_date(std::string_view text, std::string_view field) {
  auto fail = [&](const char* why) -> Date { throw ValueError(std::string(field), std::string(text), why); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail("expected a date as YYYY-MM-DD");
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      char c = text[static_cast<std::size_t>(starts[p] + i)];
      if (c < '0' || c > '9') return fail("expected a date as YYYY-MM-DD");
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (parts[0] < kMinYear || parts[0] > kMaxYear) return fail("year outside 1900-2200");
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > days_in_month(parts[0], parts[1]))
    return fail("no such calendar day");
  return make_date(parts[0], parts[1], parts[2], field);
}

bool detail::write_iso_date(Date d, char* out) noexcept {
  // The civil date from the day number, its digits written directly: the renderers format every date of every
  // person of a roster (a million people's projections hold about ten million), and boost's year_month_day with
  // snprintf took most of that time.
  const std::uint32_t n = d.day_number() - kJulianDayOfMarch1Year0;
  if (d.is_special() || n >= kFastDays) return false;
  const Civil c = civil_of(march_day(n));
  if (c.year < 1400 || c.year > 9999) return false;
  // Two digits at a time from a table of "00" to "99".
  static constexpr auto kPairs = [] {
    std::array<char, 200> pairs{};
    for (int v = 0; v < 100; ++v) {
      pairs[static_cast<std::size_t>(2 * v)] = static_cast<char>('0' + v / 10);
      pairs[static_cast<std::size_t>(2 * v + 1)] = static_cast<char>('0' + v % 10);
    }
    return pairs;
  }();
  auto two = [](char* at, int v) { std::memcpy(at, kPairs.data() + 2 * v, 2); };
  two(out, c.year / 100);
  two(out + 2, c.year % 100);
  out[4] = '-';
  two(out + 5, c.month);
  out[7] = '-';
  two(out + 8, c.day);
  return true;
}

std::string format_date(Date d) {
  if (d.is_special()) return "not-a-date";
  char buf[10];
  if (detail::write_iso_date(d, buf)) return std::string(buf, sizeof buf);
  // A raw day number outside boost's years: its year_month_day throws bad_year, as it always did here.
  auto ymd = d.year_month_day();
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                static_cast<int>(ymd.day));
  return text;
}

std::int32_t detail::days_between_special(Date a, Date b) { return static_cast<std::int32_t>((b - a).days()); }

Date add_years(Date d, int years) {
  // As add_months(d, 12 * years), without the months: a year of the March calendar keeps every day in its place
  // but 29 February, its last day, which becomes 28 February when the target year has none.
  if (d.is_special()) throw_leaves_years(d);
  if (years == 0) return d;
  const std::uint32_t n = d.day_number() - kJulianDayOfMarch1Year0;
  if (n >= kFastDays) throw_leaves_years(d);
  const MarchDay md = march_day(n);
  const std::int64_t year = std::int64_t{md.year} + (md.day >= 306 ? 1 : 0) + years;  // civil year of the result
  if (year < 1400 || year > 9999) throw_leaves_years(d);
  const auto y = static_cast<std::uint32_t>(static_cast<std::int64_t>(md.year) + years);
  std::uint32_t day = md.day;
  if (day == 365 && !is_leap(static_cast<int>(y) + 1)) day = 364;  // the clamp rule
  return Date(kJulianDayOfMarch1Year0 + march_year_start(y) + day);
}

Date add_months(Date d, int months) {
  // Through day counts rather than boost's year_month_day and date(y, m, d), which convert and validate more
  // slowly: the rules add months several times for every person.
  if (d.is_special()) throw_leaves_years(d);
  if (months == 0) return d;  // a fraction of a short sentence has no whole years
  const std::uint32_t n = d.day_number() - kJulianDayOfMarch1Year0;
  if (n >= kFastDays) throw_leaves_years(d);
  const Civil c = civil_of(march_day(n));
  const std::int64_t total = std::int64_t{c.year} * 12 + (c.month - 1) + months;
  if (total < 1400 * 12 || total >= 10000 * 12) throw_leaves_years(d);
  const int y = static_cast<int>(total / 12);
  const int m = static_cast<int>(total % 12) + 1;
  const int day = std::min(c.day, days_in_month(y, m));  // the clamp rule: a missing day becomes the month's last
  return Date(kJulianDayOfMarch1Year0 + march_days_from_civil(y, m, day));
}

Date first_day_of_year(Date d) {
  const std::uint32_t n = d.day_number() - kJulianDayOfMarch1Year0;
  if (d.is_special() || n >= kFastDays) return Date(d.year(), 1, 1);  // boost's answer, or its exception
  const MarchDay md = march_day(n);
  const std::uint32_t y = md.year + (md.day >= 306 ? 1u : 0u);  // the civil year
  if (y < 1400 || y > 9999) return Date(d.year(), 1, 1);
  return Date(kJulianDayOfMarch1Year0 + march_year_start(y - 1) + 306);  // 1 January is day 306 of the year before
}

int year_of(Date d) {
  const std::uint32_t n = d.day_number() - kJulianDayOfMarch1Year0;
  if (d.is_special() || n >= kFastDays) return d.year();  // boost's answer, or its exception
  const MarchDay md = march_day(n);
  const std::uint32_t y = md.year + (md.day >= 306 ? 1u : 0u);
  if (y < 1400 || y > 9999) return d.year();
  return static_cast<int>(y);
}

int age_on(Date birth, Date on) {
  auto b = birth.year_month_day();
  auto o = on.year_month_day();
  int age = static_cast<int>(o.year) - static_cast<int>(b.year);
  Date birthday_this_year = add_years(birth, age);
  if (on < birthday_this_year) --age;
  return age;
}

}  // namespace binaan
