#pragma once
// The floor of issue 6, shared by BM_ProjectionFloor (national_engine_bench.cpp) and the instruction counts
// (instruction_count.cpp): the least work any remission engine must do for the same people, to show what the
// engine's generality costs.
//
// Only the RU and RK ladders and the expiry, with no policy, no facts, no explanation: every person with a fixed or
// commuted term receives RU on 17 August and RK on the holiday of their religion once more than 180 days of the
// current detention are served (Keppres 174/1999 Art. 4, 5; PP 99/2012 Art. 34(2)(b)), amounts by the ladders,
// until the remission reaches the term end. The holiday dates are looked up in a table made before timing.
//
// A floor only if it computes what the engine computes where it can: tests/unit/benchmarks/floor_test.cpp checks that
// its expiry is the engine's, to the day, for every ladder-only person (an adult with a general offence, a fixed
// term and no facts, spanning no dasawarsa 17 August) of the benchmarks' population.

#include <binaan/people/case.hpp>
#include <binaan/time/holiday_calendar.hpp>
#include <binaan/time/term.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace binaan::bench::floor {

inline constexpr int kFirstYear = 1995;
inline constexpr int kLastYear = 2075;

struct HolidayTable {
  // RK day by religion (Islam, Protestant, Catholic, Hindu, Buddhist, Confucian) and year; unset: no RK.
  std::array<std::array<std::optional<Date>, kLastYear - kFirstYear + 1>, 6> rk;

  HolidayTable() {
    const HolidayCalendar calendar = HolidayCalendar::builtin();
    const Holiday by_religion[6] = {Holiday::IdulFitri, Holiday::Natal,  Holiday::Natal,
                                    Holiday::Nyepi,     Holiday::Waisak, Holiday::Imlek};
    for (std::size_t r = 0; r < 6; ++r)
      for (int y = kFirstYear; y <= kLastYear; ++y)
        rk[r][static_cast<std::size_t>(y - kFirstYear)] = calendar.resolve(by_religion[r], y).date;
  }
  std::optional<Date> rk_day(Religion religion, int year) const {
    const auto r = static_cast<std::size_t>(religion);
    if (r >= 6 || year < kFirstYear || year > kLastYear) return std::nullopt;
    return rk[r][static_cast<std::size_t>(year - kFirstYear)];
  }
};

inline std::int32_t ru_amount(int n, std::int32_t served) {
  if (n == 1) return served < 360 ? 30 : 60;
  static constexpr std::int32_t later[] = {90, 120, 150, 150};
  return n <= 5 ? later[n - 2] : 180;
}

inline std::int32_t rk_amount(int n, std::int32_t served) {
  if (n == 1) return served < 360 ? 15 : 30;
  if (n <= 3) return 30;
  return n <= 5 ? 45 : 60;
}

// The expiry (custody scenario) of one person, or nullopt for death and uncommuted life.
inline std::optional<Date> floor_expiry(const Case& c, const HolidayTable& holidays) {
  const std::optional<Term> term = c.sentence().served_term();
  if (!term) return std::nullopt;
  const Date last = c.detention().last_start();
  const Date end = term_end(c.detention().sentence_start(), *term);
  const Religion religion = c.person().religion();
  std::int32_t remitted = 0;
  int ru_n = 0, rk_n = 0;
  for (int year = last.year(); year <= kLastYear; ++year) {
    Date days[2] = {make_date(year, 8, 17), Date()};
    bool is_ru[2] = {true, false};
    int count = 1;
    if (const std::optional<Date> rk = holidays.rk_day(religion, year)) {
      if (*rk < days[0]) {
        days[1] = days[0];
        days[0] = *rk;
        is_ru[0] = false;
        is_ru[1] = true;
      } else {
        days[1] = *rk;
      }
      count = 2;
    }
    for (int i = 0; i < count; ++i) {
      const Date d = days[i];
      if (d < last) continue;
      const std::int32_t left = days_between(d, end) - remitted;
      if (left <= 0) return add_days(end, -remitted);
      const std::int32_t served = days_between(last, d);
      if (served <= 180) continue;
      remitted += is_ru[i] ? ru_amount(++ru_n, served) : rk_amount(++rk_n, served);
      if (remitted >= days_between(d, end)) return d;  // level II: released on the grant day
    }
  }
  return add_days(end, -remitted);
}

/// The sum of the day numbers of the people's expiries (a checksum, so that the work is kept).
inline std::int64_t checksum(const std::vector<Case>& people, const HolidayTable& holidays) {
  std::int64_t sum = 0;
  for (const Case& c : people)
    if (const auto expiry = floor_expiry(c, holidays)) sum += expiry->day_number();
  return sum;
}

}  // namespace binaan::bench::floor
