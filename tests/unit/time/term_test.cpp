#include <binaan/error.hpp>
#include <binaan/time/term.hpp>

#include <gtest/gtest.h>

using namespace binaan;

namespace {
Date d(const char* s) { return parse_date(s); }
}  // namespace

static_assert(Term().is_zero());
static_assert(Term::from_days(45).nominal_days() == 45);
static_assert(sizeof(Term) == 6);

TEST(Term, ParsesAndFormatsAsWritten) {
  EXPECT_EQ(parse_term("2y8m"), Term(2, 8, 0));
  EXPECT_EQ(parse_term("4m5d"), Term(0, 4, 5));
  EXPECT_EQ(parse_term("15d"), Term(0, 0, 15));
  EXPECT_EQ(parse_term("999y99m999d"), Term(999, 99, 999));
  EXPECT_EQ(to_string(Term(2, 8, 0)), "2y8m");
  EXPECT_EQ(to_string(Term(0, 4, 5)), "4m5d");
  EXPECT_EQ(to_string(Term()), "0d");
  for (const char* text : {"2y8m", "4m5d", "15d", "1y", "10y6m", "58m30d"}) EXPECT_EQ(to_string(parse_term(text)), text);
}

TEST(Term, RefusesMalformedTerms) {
  for (const char* bad : {"", "0d", "0y0m", "y", "2", "2x", "8m2y", "1000y", "100m", "1234d", " 2y", "2y ", "2Y", "-1d",
                          "2y2y", "1y1m1d1d"}) {
    EXPECT_THROW(parse_term(bad, "sentence.term"), ValueError) << bad;
  }
  try {
    parse_term("8m2y", "sentence.term");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "sentence.term");
    EXPECT_EQ(e.value(), "8m2y");
    EXPECT_NE(std::string(e.what()).find("sentence.term"), std::string::npos);
  }
}

TEST(Term, ComparesByNominalLength) {
  EXPECT_EQ(compare(Term(1, 0, 0), Term(0, 12, 0)), 0);
  EXPECT_EQ(compare(Term(0, 1, 0), Term(0, 0, 30)), 0);
  EXPECT_LT(compare(Term(4, 11, 29), Term(5, 0, 0)), 0);
  EXPECT_GT(compare(Term(0, 9, 1), Term(0, 9, 0)), 0);
}

TEST(TermEnd, DefaultConventionIsCalendarYearsAndThirtyDayMonths) {
  EXPECT_EQ(term_end(d("2017-05-09"), Term(2, 0, 0)), d("2019-05-09"));      // T1
  EXPECT_EQ(term_end(d("2009-01-05"), Term(10, 6, 0)), d("2019-07-04"));     // 2019-01-05 + 180 days
  EXPECT_EQ(term_end(d("2021-10-29"), Term(0, 4, 5)), d("2022-03-03"));      // T4 subsider 125 days
  EXPECT_EQ(term_end(d("2020-02-29"), Term(1, 0, 0)), d("2021-02-28"));      // 29 Feb clamps
  EXPECT_EQ(term_end(d("2020-01-31"), Term(0, 1, 0)), d("2020-03-01"));      // a month is 30 days
  EXPECT_EQ(term_end(d("2020-01-31"), Term(0, 12, 0)), d("2021-01-25"));     // 12m is 360 days, 1y is not
  EXPECT_EQ(term_days(d("2016-08-17"), Term(0, 6, 0)), 180);                 // T10 subsider
}

TEST(TermEnd, OtherConventions) {
  EXPECT_EQ(term_end(d("2020-01-31"), Term(0, 1, 0), TermConvention::Calendar), d("2020-02-29"));
  EXPECT_EQ(term_end(d("2019-01-31"), Term(0, 1, 0), TermConvention::Calendar), d("2019-02-28"));
  EXPECT_EQ(term_end(d("2020-01-31"), Term(1, 1, 1), TermConvention::Calendar), d("2021-03-01"));
  EXPECT_EQ(term_end(d("2020-01-01"), Term(1, 0, 0), TermConvention::Days360), d("2020-12-26"));
}

TEST(Fraction, NormalisedTermExamplesOfTheSpec) {
  EXPECT_EQ(fraction_of(Term(2, 8, 0), kTwoThirds), Term(1, 9, 10));
  EXPECT_EQ(fraction_of(Term(20, 0, 0), kTwoThirds), Term(13, 4, 0));
  EXPECT_EQ(fraction_of(Term(1, 0, 0), kTwoThirds), Term(0, 8, 0));
  EXPECT_EQ(fraction_of(Term(2, 8, 0), kOneTwelfth), Term(0, 2, 20));
  EXPECT_EQ(fraction_of(Term(10, 0, 0), kOneTwelfth), Term(0, 10, 0));
  EXPECT_EQ(fraction_of(Term(1, 2, 0), kTwoThirds), Term(0, 9, 10));  // 28/3 months: 9 months 10 days, exactly
  EXPECT_EQ(fraction_of(Term(0, 0, 10), kOneThird), Term(0, 0, 4));   // 10/3 days rounds up
  EXPECT_EQ(fraction_of(Term(0, 1, 1), kOneHalf), Term(0, 0, 16));    // 15 + 0.5 days, up
}

TEST(Fraction, EndDateUnderBothConventions) {
  auto tc = TermConvention::CalendarYears30DayMonths;
  EXPECT_EQ(fraction_end(d("2018-05-08"), Term(1, 0, 0), kTwoThirds, tc, FractionConvention::NormalisedTerm),
            d("2019-01-03"));  // T6: 8 months = 240 days
  EXPECT_EQ(fraction_end(d("2018-05-08"), Term(1, 0, 0), kTwoThirds, tc, FractionConvention::TermDays),
            d("2019-01-07"));  // ceil(2/3 × 365) = 244 days
}

TEST(Fraction, ReachedCountsRemissionAsServed) {
  // T1: ⅔ of 2 years from 2017-05-09 ends 2018-09-06; RK 15 days on 2017-12-25 and RU 60 on 2018-08-17.
  Date end = d("2018-09-06");
  std::vector<DatedDays> grants{{d("2017-12-25"), 15}, {d("2018-08-17"), 60}, {d("2018-12-25"), 30}};
  EXPECT_EQ(fraction_reached(end, grants), d("2018-08-17"));
  // ½ ends 2018-05-09: 15 days earlier.
  EXPECT_EQ(fraction_reached(d("2018-05-09"), grants), d("2018-04-24"));
  EXPECT_EQ(fraction_reached(end, {}), end);
  // A grant exactly on the computed day counts on that day.
  EXPECT_EQ(fraction_reached(d("2020-01-31"), {{d("2020-01-01"), 30}}), d("2020-01-01"));
  EXPECT_EQ(fraction_reached(d("2020-01-31"), {{d("2020-01-01"), 29}}), d("2020-01-02"));
  // Two grants on one day are summed.
  EXPECT_EQ(fraction_reached(d("2020-03-01"), {{d("2020-01-01"), 30}, {d("2020-01-01"), 30}}), d("2020-01-01"));
}
