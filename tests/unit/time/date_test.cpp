#include <binaan/error.hpp>
#include <binaan/time/date.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>

using namespace binaan;

TEST(Date, ParsesStrictIsoDays) {
  EXPECT_EQ(parse_date("2017-05-09"), Date(2017, 5, 9));
  EXPECT_EQ(parse_date("2024-02-29"), Date(2024, 2, 29));
  EXPECT_EQ(parse_date("1900-01-01"), Date(1900, 1, 1));
  EXPECT_EQ(parse_date("2200-12-31"), Date(2200, 12, 31));
  EXPECT_EQ(format_date(parse_date("2017-05-09")), "2017-05-09");
}

TEST(Date, RefusesAnythingElse) {
  for (const char* bad : {"2023-02-29", "2023013", "20230103", "", " ", " 2023-01-03", "2023-01-03 ", "2023-1-3",
                          "2023/01/03", "2023-13-01", "2023-00-10", "2023-01-00", "2023-04-31", "1899-12-31",
                          "2201-01-01", "2023-01-0a", "+023-01-03", "2023-01-03T00:00"}) {
    EXPECT_THROW(parse_date(bad, "detention[0].from"), ValueError) << '"' << bad << '"';
  }
  try {
    parse_date("2023-02-29", "detention[1].from");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "detention[1].from");
    EXPECT_EQ(e.value(), "2023-02-29");
  }
}

// The pitfalls of Boost.Date_Time 1.74 named in conventions.md, pinned so that nobody relies on them.
TEST(BoostPitfalls, MonthsSnapToMonthEndButAddMonthsDoesNot) {
  Date end_of_feb(2023, 2, 28);
  EXPECT_EQ(end_of_feb + boost::gregorian::months(1), Date(2023, 3, 31));  // boost snaps
  EXPECT_EQ(add_months(end_of_feb, 1), Date(2023, 3, 28));                // ours keeps the day
  EXPECT_EQ(add_months(Date(2023, 1, 31), 1), Date(2023, 2, 28));          // and clamps
  EXPECT_EQ(add_months(add_months(Date(2023, 3, 15), 1), -1), Date(2023, 3, 15));
}

TEST(BoostPitfalls, NotADateSurvivesDaysButThrowsOnMonths) {
  Date nad;  // boost's default is not_a_date_time
  EXPECT_TRUE((nad + boost::gregorian::days(1)).is_not_a_date());
  EXPECT_ANY_THROW(nad + boost::gregorian::months(1));
}

TEST(BoostPitfalls, UndelimitedStringsAreAmbiguous) {
  EXPECT_EQ(boost::gregorian::from_undelimited_string("2023013"), Date(2023, 1, 3));  // boost guesses
  EXPECT_THROW(parse_date("2023013"), ValueError);                                    // we refuse
}

TEST(BoostPitfalls, DatePeriodIsHalfOpen) {
  boost::gregorian::date_period p(Date(2020, 1, 1), Date(2020, 1, 10));
  EXPECT_FALSE(p.contains(Date(2020, 1, 10)));
  EXPECT_EQ(p.length().days(), 9);
}

TEST(Date, YearsClampTheTwentyNinthOfFebruary) {
  EXPECT_EQ(add_years(Date(2020, 2, 29), 1), Date(2021, 2, 28));
  EXPECT_EQ(add_years(Date(2020, 2, 29), 4), Date(2024, 2, 29));
  EXPECT_EQ(add_years(Date(2021, 3, 1), -1), Date(2020, 3, 1));
}

TEST(Date, DayArithmetic) {
  EXPECT_EQ(days_between(Date(2017, 5, 9), Date(2017, 8, 17)), 100);
  EXPECT_EQ(add_days(Date(2019, 5, 9), -105), Date(2019, 1, 24));
  EXPECT_EQ(first_day_of_year(Date(2019, 5, 9)), Date(2019, 1, 1));
}

TEST(Date, LookBackWindowIsHalfOpenOnTheLeft) {
  Date grant(2021, 8, 17);
  EXPECT_TRUE(in_lookback(grant, grant, 180));
  EXPECT_TRUE(in_lookback(add_days(grant, -179), grant, 180));
  EXPECT_FALSE(in_lookback(add_days(grant, -180), grant, 180));
  EXPECT_FALSE(in_lookback(add_days(grant, 1), grant, 180));
}

TEST(Date, AgeOn) {
  EXPECT_EQ(age_on(Date(2004, 7, 23), Date(2022, 7, 22)), 17);
  EXPECT_EQ(age_on(Date(2004, 7, 23), Date(2022, 7, 23)), 18);
  EXPECT_EQ(age_on(Date(2004, 2, 29), Date(2022, 2, 28)), 18);
}

TEST(AddMonths, AgreesWithBoostsCalendarOnEveryWeekOf1900To2200) {
  // add_months works on day counts; the reference converts through boost's year_month_day and clamps to the
  // month's end as §2 says. Every 7th day of 1900–2200 (so every day of the month and week), months from −30 to 30
  // and ±100 years.
  auto reference = [](Date d, int months) {
    const auto ymd = d.year_month_day();
    const int total = static_cast<int>(ymd.year) * 12 + static_cast<int>(ymd.month) - 1 + months;
    const int y = total / 12;
    const int m = total % 12 + 1;
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                           static_cast<unsigned short>(m));
    const int day = std::min(static_cast<int>(ymd.day), last);
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(day));
  };
  std::size_t checked = 0;
  for (Date d(1900, 1, 1); d <= Date(2200, 12, 31); d += boost::gregorian::days(7)) {
    for (int months = -30; months <= 30; ++months) {
      ASSERT_EQ(add_months(d, months), reference(d, months)) << format_date(d) << " + " << months << " months";
      ++checked;
    }
    ASSERT_EQ(add_years(d, 100), reference(d, 1200)) << format_date(d);
    ASSERT_EQ(add_years(d, -100), reference(d, -1200)) << format_date(d);
  }
  EXPECT_EQ(checked, 15706u * 61u);  // 15,706 weeks
  EXPECT_EQ(add_years(Date(2024, 2, 29), 1), Date(2025, 2, 28));
  EXPECT_EQ(add_months(Date(2024, 3, 31), -1), Date(2024, 2, 29));
  EXPECT_THROW(add_months(Date(boost::gregorian::not_a_date_time), 1), ValueError);
  EXPECT_THROW(add_years(Date(1400, 1, 1), -1), ValueError);
  EXPECT_THROW(add_years(Date(9999, 12, 1), 1), ValueError);
}

TEST(FormatDate, AgreesWithBoostsCalendarOnEveryDayOf1900To2200AndEveryMonthOf1400To9999) {
  // format_date writes the digits of its own civil date; the reference is boost's year_month_day through printf.
  auto reference = [](Date d) {
    const auto ymd = d.year_month_day();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                  static_cast<int>(ymd.day));
    return std::string(buf);
  };
  std::size_t checked = 0;
  for (Date d(1900, 1, 1); d <= Date(2200, 12, 31); d += boost::gregorian::days(1), ++checked)
    ASSERT_EQ(format_date(d), reference(d));
  EXPECT_EQ(checked, 109938u);  // every day of 301 years, 73 of them leap
  for (int y = 1400; y <= 9999; y += 7)
    for (unsigned short m = 1; m <= 12; ++m) {
      const Date last(static_cast<unsigned short>(y), m,
                      boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), m));
      ASSERT_EQ(format_date(last), reference(last));
      ASSERT_EQ(format_date(Date(static_cast<unsigned short>(y), m, 1)), reference(Date(static_cast<unsigned short>(y), m, 1)));
    }
  EXPECT_EQ(format_date(Date(1400, 1, 1)), "1400-01-01");
  EXPECT_EQ(format_date(Date(9999, 12, 31)), "9999-12-31");
  EXPECT_EQ(format_date(Date(boost::gregorian::not_a_date_time)), "not-a-date");
  EXPECT_EQ(format_date(Date(boost::gregorian::pos_infin)), "not-a-date");
}
