// The day, month and year arithmetic of date.hpp against boost and a plain reference built on boost's
// year_month_day: the fast paths on day numbers must give the same dates, and the same errors, everywhere.
#include <binaan/error.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/term.hpp>

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace binaan;
namespace bg = boost::gregorian;

namespace {

const char* const kLeaves = "month arithmetic leaves the supported years";

// The clamp rule of date.hpp written the slow way: a civil month count, and a missing day becomes the month's last.
Date reference_add_months(Date d, long months) {
  if (d.is_special()) throw ValueError("date", format_date(d), kLeaves);
  if (months == 0) return d;
  const auto ymd = d.year_month_day();
  const long total = static_cast<long>(ymd.year) * 12 + (ymd.month - 1) + months;
  if (total < 1400 * 12 || total >= 10000 * 12) throw ValueError("date", format_date(d), kLeaves);
  const auto y = static_cast<unsigned short>(total / 12);
  const auto m = static_cast<unsigned short>(total % 12 + 1);
  const auto last = bg::gregorian_calendar::end_of_month_day(y, m);
  return Date(y, m, std::min(static_cast<unsigned short>(ymd.day), last));
}

// The error of an operation, or "" if it returns.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const ValueError& e) {
    return e.field() + "|" + e.value() + "|" + e.why();
  }
  return "";
}

std::vector<Date> special_dates() {
  return {Date(bg::not_a_date_time), Date(bg::pos_infin), Date(bg::neg_infin)};
}

}  // namespace

TEST(DateArithmetic, SpecialDayNumbersAreBoostsSpecialValues) {
  for (Date s : special_dates()) EXPECT_TRUE(detail::is_special_day_number(s.day_number())) << s.day_number();
  for (Date d : {Date(bg::min_date_time), Date(bg::max_date_time), Date(2024, 2, 29), Date(std::uint32_t{1}),
                 Date(std::uint32_t{0xFFFFFFFDu})}) {
    EXPECT_EQ(detail::is_special_day_number(d.day_number()), d.is_special()) << d.day_number();
    EXPECT_FALSE(d.is_special());
  }
}

TEST(DateArithmetic, AddDaysAndDaysBetweenAgreeWithBoost) {
  const std::vector<std::int32_t> steps{0, 1, -1, 29, -365, 366, 146097, -146097, 2000000, -3000000};
  std::vector<Date> dates{Date(bg::min_date_time), Date(bg::max_date_time), Date(1900, 1, 1), Date(2024, 2, 29)};
  for (Date s : special_dates()) dates.push_back(s);
  for (std::uint32_t n = 2232400; n < 5373484; n += 9973) dates.push_back(Date(n));
  for (Date d : dates) {
    for (std::int32_t n : steps) {
      const Date expected = d + bg::date_duration(n);
      EXPECT_EQ(add_days(d, n).day_number(), expected.day_number()) << d.day_number() << " + " << n;
    }
    for (Date e : dates) {
      EXPECT_EQ(days_between(d, e), static_cast<std::int32_t>((e - d).days())) << d.day_number() << " " << e.day_number();
    }
  }
  EXPECT_TRUE(add_days(Date(bg::not_a_date_time), 5).is_not_a_date());
  EXPECT_TRUE(add_days(Date(bg::pos_infin), -5).is_pos_infinity());
  EXPECT_EQ(days_between(Date(2017, 5, 9), Date(2017, 8, 17)), 100);
  EXPECT_EQ(days_between(Date(2017, 8, 17), Date(2017, 5, 9)), -100);
}

TEST(DateArithmetic, AddMonthsAndYearsAgreeWithTheClampRuleEveryDayAroundTheCenturies) {
  // Every day of four decades around century years (1900 and 2100 are common, 2000 is leap), and of the ends of
  // binaan's range of years, with steps that cross year ends and centuries both ways.
  const std::vector<int> month_steps{-1201, -25, -13, -12, -11, -2, -1, 1, 2, 11, 12, 13, 14, 24, 121, 1200};
  const std::vector<int> year_steps{-100, -4, -1, 1, 3, 4, 100, 400};
  for (int from_year : {1896, 1996, 2096, 2196}) {
    for (Date d(static_cast<unsigned short>(from_year), 1, 1); d < Date(static_cast<unsigned short>(from_year + 10), 1, 1);
         d = add_days(d, 1)) {
      for (int m : month_steps) ASSERT_EQ(add_months(d, m), reference_add_months(d, m)) << d << " + " << m << "m";
      for (int y : year_steps) ASSERT_EQ(add_years(d, y), reference_add_months(d, 12L * y)) << d << " + " << y << "y";
    }
  }
}

TEST(DateArithmetic, AddMonthsAndYearsAgreeAcrossTheWholeRangeOfBoost) {
  // A day in every 997 from 1400-01-01 to 9999-12-31 (every day of the month and every month in turn), with steps
  // that stay inside and steps that leave the supported years: the same dates, or the same error.
  auto same = [](Date d, auto ours, auto reference) {
    const std::string error = error_of(ours);
    ASSERT_EQ(error, error_of(reference)) << d;
    if (error.empty()) {
      ASSERT_EQ(ours(), reference()) << d;
    }
  };
  for (std::uint32_t n = Date(bg::min_date_time).day_number(); n <= Date(bg::max_date_time).day_number(); n += 997) {
    const Date d(n);
    for (int m : {-120000, -12, -1, 0, 1, 12, 120000})
      same(d, [&] { return add_months(d, m); }, [&] { return reference_add_months(d, m); });
    for (int y : {-9000, -1, 0, 1, 9000})
      same(d, [&] { return add_years(d, y); }, [&] { return reference_add_months(d, 12L * y); });
    ASSERT_EQ(first_day_of_year(d), Date(d.year(), 1, 1)) << d;
    ASSERT_EQ(year_of(d), static_cast<int>(d.year())) << d;
  }
}

TEST(DateArithmetic, LeavingTheSupportedYearsThrowsNamingTheDate) {
  EXPECT_EQ(error_of([] { add_months(Date(9999, 12, 1), 1); }), "date|9999-12-01|" + std::string(kLeaves));
  EXPECT_EQ(error_of([] { add_months(Date(1400, 1, 31), -1); }), "date|1400-01-31|" + std::string(kLeaves));
  EXPECT_EQ(error_of([] { add_years(Date(9999, 1, 1), 1); }), "date|9999-01-01|" + std::string(kLeaves));
  EXPECT_EQ(error_of([] { add_years(Date(1400, 12, 31), -1); }), "date|1400-12-31|" + std::string(kLeaves));
  EXPECT_EQ(add_years(Date(1401, 2, 28), -1), Date(1400, 2, 28));
  EXPECT_EQ(add_months(Date(9999, 11, 30), 1), Date(9999, 12, 30));
  for (Date s : special_dates()) {
    EXPECT_EQ(error_of([&] { add_months(s, 1); }), "date|not-a-date|" + std::string(kLeaves));
    EXPECT_EQ(error_of([&] { add_years(s, 0); }), "date|not-a-date|" + std::string(kLeaves));
  }
}

TEST(DateArithmetic, DaysBeforeYearZeroAreRefused) {
  // Boost's date(y, m, d) cannot make a year before 1400; only a raw day number can. Day 1721120 is 1 March of
  // year 0 (proleptic Gregorian), where the calendar arithmetic starts; the day before it is 29 February.
  EXPECT_THROW(Date(1399, 12, 31), std::out_of_range);
  const Date feb29_year0(std::uint32_t{1721119});
  const Date mar1_year0(std::uint32_t{1721120});
  // Before it, every step is refused: the error would name the date, which boost cannot show (its bad_year).
  for (int years : {1, 1500, 1600, 2024, -1})
    EXPECT_THROW(add_years(feb29_year0, years), std::out_of_range) << years;
  for (int months : {1, 12 * 1500 + 1, 12 * 2024 - 1, -1})
    EXPECT_THROW(add_months(feb29_year0, months), std::out_of_range) << months;
  EXPECT_THROW(add_years(Date(std::uint32_t{1}), 6000), std::out_of_range);  // the first day (day 0 is -infinity)
  try {
    add_years(feb29_year0, 2000);
    ADD_FAILURE() << "no error";
  } catch (const std::out_of_range& e) {
    EXPECT_EQ(std::string(e.what()), "Year is out of valid range: 1400..9999");
  }
  // Beyond the days the arithmetic covers (about 735,000 years on), the same.
  EXPECT_THROW(add_months(Date(std::uint32_t{1721120} + (1u << 28)), -1), std::out_of_range);
  EXPECT_THROW(add_years(Date(std::uint32_t{0xFFFFFFF0u}), -700000), std::out_of_range);
  // No step, no check.
  EXPECT_EQ(add_months(feb29_year0, 0), feb29_year0);
  EXPECT_EQ(add_years(feb29_year0, 0), feb29_year0);
  // From 1 March of year 0 on, the arithmetic holds, even for dates boost cannot show.
  EXPECT_EQ(add_years(mar1_year0, 1500), Date(1500, 3, 1));
  EXPECT_EQ(add_months(mar1_year0, 12 * 2024 - 1), Date(2024, 2, 1));
  EXPECT_THROW(add_years(mar1_year0, 1), std::out_of_range);  // year 1: outside boost's years
}

TEST(DateArithmetic, MakeDateIsBoostsDate) {
  for (Date d(1900, 1, 1); d <= Date(2200, 12, 31); d = add_days(d, 1)) {
    const auto ymd = d.year_month_day();
    ASSERT_EQ(make_date(ymd.year, ymd.month, ymd.day), d);
  }
  EXPECT_EQ(first_day_of_year(Date(2024, 12, 31)), Date(2024, 1, 1));
  EXPECT_EQ(first_day_of_year(Date(2024, 1, 1)), Date(2024, 1, 1));
  EXPECT_EQ(first_day_of_year(Date(2000, 2, 29)), Date(2000, 1, 1));
}

TEST(DateArithmetic, YearOfIsBoostsYear) {
  for (Date d(1899, 12, 25); d <= Date(1900, 3, 5); d = add_days(d, 1))
    ASSERT_EQ(year_of(d), d < Date(1900, 1, 1) ? 1899 : 1900) << d;
  EXPECT_EQ(year_of(Date(1999, 12, 31)), 1999);
  EXPECT_EQ(year_of(Date(2000, 1, 1)), 2000);
  EXPECT_EQ(year_of(Date(2000, 2, 29)), 2000);
  EXPECT_EQ(year_of(Date(2000, 3, 1)), 2000);
  EXPECT_EQ(year_of(Date(bg::min_date_time)), 1400);
  EXPECT_EQ(year_of(Date(bg::max_date_time)), 9999);
  // Outside boost's years, and for special values, it answers or fails as d.year() does.
  std::vector<Date> others = special_dates();
  others.push_back(add_days(Date(bg::min_date_time), -1));
  others.push_back(add_days(Date(bg::max_date_time), 1));
  others.push_back(Date(std::uint32_t{1721119}));
  for (Date d : others) {
    std::string boosts = "no error";
    std::string ours = "no error";
    try {
      boosts = std::to_string(d.year());
    } catch (const std::out_of_range& e) {
      boosts = e.what();
    }
    try {
      ours = std::to_string(year_of(d));
    } catch (const std::out_of_range& e) {
      ours = e.what();
    }
    EXPECT_EQ(ours, boosts) << d.day_number();
  }
  EXPECT_THROW(year_of(add_days(Date(bg::max_date_time), 1)), std::out_of_range);
}

TEST(TermArithmetic, ConstructorRefusesPartsOutsideSixteenBits) {
  EXPECT_EQ(Term(65535, 0, 65535).days(), 65535);
  EXPECT_EQ(error_of([] { Term(-1, 0, 0); }), "term|-1y0m0d|a term's years, months and days must each be 0-65535");
  EXPECT_EQ(error_of([] { Term(0, 65536, 0); }), "term|0y65536m0d|a term's years, months and days must each be 0-65535");
  EXPECT_EQ(error_of([] { Term(0, 0, -65536); }), "term|0y0m-65536d|a term's years, months and days must each be 0-65535");
  EXPECT_THROW(fraction_of(Term(1, 0, 0), Fraction{-1, 3}), ValueError);
}

TEST(TermArithmetic, FractionReachedKeepsBoostsMinimumAndSpecialValues) {
  const std::vector<DatedDays> grants{{Date(2020, 1, 1), 30}, {Date(2020, 8, 17), 60}};
  // Before 1400-01-01 the answer stops at boost's min_date_time.
  EXPECT_EQ(fraction_reached(add_days(Date(bg::min_date_time), -10), {}), Date(bg::min_date_time));
  EXPECT_EQ(fraction_reached(Date(bg::neg_infin), grants), Date(bg::min_date_time));
  EXPECT_TRUE(fraction_reached(Date(bg::not_a_date_time), grants).is_not_a_date());
  EXPECT_TRUE(fraction_reached(Date(bg::pos_infin), grants).is_pos_infinity());
  EXPECT_EQ(fraction_reached(Date(2020, 10, 16), grants), Date(2020, 8, 17));  // 90 days earlier: on the grant day
  EXPECT_EQ(fraction_reached(Date(2020, 10, 15), grants), Date(2020, 8, 17));
  EXPECT_EQ(fraction_reached(Date(2020, 11, 20), grants), Date(2020, 8, 22));
}

// Two ends in one pass (½ and ⅔ of a sentence) give what each alone gives, in either order, with special values,
// ends before every grant and after the last, one end twice, and sums of days past an end.
TEST(TermArithmetic, FractionsReachedInOnePassEqualEachEndAlone) {
  std::mt19937 rng(20260817);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const Date specials[] = {Date(bg::neg_infin), Date(bg::pos_infin), Date(bg::not_a_date_time), Date(bg::min_date_time)};
  auto date_of = [](const DatedDays& g) { return g.date; };
  auto days_of = [](const DatedDays& g) { return g.days; };
  std::size_t resumed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<DatedDays> grants;
    Date day(2010, 1, 1);
    const int count = pick(0, 12);
    for (int k = 0; k < count; ++k) {
      day = add_days(day, pick(0, 400));  // some on the same day
      grants.push_back({day, round % 50 == 0 ? pick(0, 2'000'000'000) : pick(0, 180)});
    }
    auto end = [&] {
      const int kind = pick(0, 20);
      if (kind == 0) return specials[pick(0, 3)];
      return add_days(Date(2009, 6, 1), pick(0, 7000));
    };
    const Date a = end();
    const Date b = pick(0, 9) == 0 ? a : end();
    const auto both = detail::fractions_reached_in<2>({a, b}, grants.data(), grants.size(), date_of, days_of);
    EXPECT_EQ(both[0], fraction_reached(a, grants)) << round;
    EXPECT_EQ(both[1], fraction_reached(b, grants)) << round;
    if (!a.is_special() && !b.is_special() && a <= b) ++resumed;
  }
  EXPECT_GT(resumed, 5000u);  // the second end went on from the first's interval often
}
