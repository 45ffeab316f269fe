// The engine's table of a plain person's candidate days (HolidayDays::plain_years): every year's candidates, the
// years one after the other, which a plain person's timeline reads as one list (remission.cpp, EventStream).
#include "rules/remission.hpp"

#include <binaan/time/holiday_calendar.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace {

using namespace binaan;
using binaan::detail::Event;
using binaan::detail::EventSpan;
using binaan::detail::HolidayDays;

std::vector<Event> events_of(const std::optional<EventSpan>& span) {
  if (!span) return {};
  return {span->first, span->first + span->count};
}

constexpr std::optional<Holiday> kRows[] = {std::nullopt,       Holiday::IdulFitri, Holiday::Natal,
                                            Holiday::Nyepi,     Holiday::Waisak,    Holiday::Imlek};

TEST(PlainYears, EveryYearHasItsCandidatesInTheOrderDecided) {
  const HolidayCalendar calendar = HolidayCalendar::builtin();
  const HolidayDays days(calendar);
  for (const auto rk : kRows) {
    for (int y = kMinYear; y <= kMaxYear; ++y) {
      const std::vector<Event> year = events_of(days.plain_years(rk, y, y));
      // RU on 17 August (Keppres 174/1999 Art. 4), dasawarsa with it every tenth year from 1955 (Keppres 120/1955),
      // and the RK of the religion on its holiday (Art. 5), before 17 August when its holiday is.
      std::vector<std::pair<Date, GrantKind>> expected{{make_date(y, 8, 17), GrantKind::Ru}};
      if (y >= 1955 && (y - 1955) % 10 == 0) expected.push_back({make_date(y, 8, 17), GrantKind::Dasawarsa});
      if (rk) {
        const Date d = calendar.resolve(*rk, y).date;
        if (d < make_date(y, 8, 17)) expected.insert(expected.begin(), {d, GrantKind::Rk});
        else expected.push_back({d, GrantKind::Rk});
      }
      ASSERT_EQ(year.size(), expected.size()) << y;
      for (std::size_t i = 0; i < year.size(); ++i) {
        EXPECT_EQ(year[i].date, expected[i].first) << y << " #" << i;
        EXPECT_EQ(year[i].kind, expected[i].second) << y << " #" << i;
        EXPECT_EQ(year[i].slot, detail::ladder_slot(year[i].kind)) << y << " #" << i;
        EXPECT_EQ(year[i].recorded, nullptr);
        if (year[i].kind == GrantKind::Rk) {
          EXPECT_EQ(year[i].status, calendar.resolve(*rk, y).status) << y;
        }
      }
    }
  }
}

TEST(PlainYears, YearsFollowOneAnotherWithoutGapOrOverlap) {
  const HolidayDays days(HolidayCalendar::builtin());
  // Spans of every length at both ends of the table and across it.
  const std::pair<int, int> spans[] = {{kMinYear, kMinYear},     {kMinYear, kMinYear + 1}, {kMinYear, kMaxYear},
                                       {kMaxYear - 1, kMaxYear}, {kMaxYear, kMaxYear},     {1999, 2031},
                                       {2026, 2026},             {1954, 1956},             {2154, 2200}};
  for (const auto rk : kRows) {
    for (const auto& [from, to] : spans) {
      std::vector<Event> joined;
      for (int y = from; y <= to; ++y) {
        const std::vector<Event> year = events_of(days.plain_years(rk, y, y));
        joined.insert(joined.end(), year.begin(), year.end());
      }
      const std::vector<Event> span = events_of(days.plain_years(rk, from, to));
      ASSERT_EQ(span.size(), joined.size()) << from << "-" << to;
      for (std::size_t i = 0; i < span.size(); ++i) {
        EXPECT_EQ(span[i].date, joined[i].date) << from << "-" << to << " #" << i;
        EXPECT_EQ(span[i].kind, joined[i].kind) << from << "-" << to << " #" << i;
      }
      for (std::size_t i = 1; i < span.size(); ++i) EXPECT_LE(span[i - 1].date, span[i].date);
    }
  }
}

TEST(PlainYears, OutsideTheTableTheYearsAreAskedOneByOne) {
  const HolidayDays days(HolidayCalendar::builtin());
  EXPECT_FALSE(days.plain_years(Holiday::IdulFitri, kMinYear - 1, 2026));
  EXPECT_FALSE(days.plain_years(Holiday::IdulFitri, 2026, kMaxYear + 1));
  EXPECT_FALSE(days.plain_years(std::nullopt, 2027, 2026));  // no year
  EXPECT_TRUE(days.plain_years(std::nullopt, 2026, 2026));
}

}  // namespace
