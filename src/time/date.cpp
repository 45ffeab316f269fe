#include <binaan/time/date.hpp>

#include <binaan/error.hpp>

#include <algorithm>
#include <cstdio>

namespace binaan {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// The Julian day number of 1970-01-01: boost's day_number() counts Julian days.
constexpr int kJulianDayOf1970 = 2440588;

struct Civil {
  int year;
  int month;
  int day;
};

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms"): integer arithmetic only, divisions by constants.
constexpr int days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                    // [0, 399]
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

constexpr Civil civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

static_assert(days_from_civil(1970, 1, 1) == 0 && days_from_civil(2000, 3, 1) == 11017, "epoch and a leap year");
static_assert(civil_from_days(11017).year == 2000 && civil_from_days(11017).month == 3, "and back");

}  // namespace

Date make_date(int year, int month, int day, std::string_view field) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    throw ValueError(std::string(field), buf, "not a calendar day between 1900-01-01 and 2200-12-31");
  }
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
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

std::string format_date(Date d) {
  if (d.is_special()) return "not-a-date";
  auto ymd = d.year_month_day();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                static_cast<int>(ymd.day));
  return buf;
}

Date add_years(Date d, int years) { return add_months(d, 12 * years); }

Date add_months(Date d, int months) {
  // Through the proleptic Gregorian day count rather than boost's year_month_day and date(y, m, d), which convert
  // and validate more slowly: the rules add months several times for every person.
  if (d.is_special()) throw ValueError("date", format_date(d), "month arithmetic leaves the supported years");
  if (months == 0) return d;  // a fraction of a short sentence has no whole years
  const int z = static_cast<int>(d.day_number()) - kJulianDayOf1970;
  const Civil c = civil_from_days(z);
  const int total = c.year * 12 + (c.month - 1) + months;
  const int y = total / 12;
  const int m = total % 12 + 1;
  if (total < 0 || y < 1400 || y > 9999)
    throw ValueError("date", format_date(d), "month arithmetic leaves the supported years");
  const int day = std::min(c.day, days_in_month(y, m));  // the clamp rule: a missing day becomes the month's last
  return add_days(d, days_from_civil(y, m, day) - z);
}

Date first_day_of_year(Date d) { return Date(d.year(), 1, 1); }

int age_on(Date birth, Date on) {
  auto b = birth.year_month_day();
  auto o = on.year_month_day();
  int age = static_cast<int>(o.year) - static_cast<int>(b.year);
  Date birthday_this_year = add_years(birth, age);
  if (on < birthday_this_year) --age;
  return age;
}

}  // namespace binaan
