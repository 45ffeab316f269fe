#include <binaan/error.hpp>
#include <binaan/time/holiday_approximation.hpp>
#include <binaan/time/holiday_calendar.hpp>

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

using namespace binaan;

namespace {

using H = Holiday;
using S = DateStatus;

constexpr std::array<Holiday, 4> kMoving{H::IdulFitri, H::Nyepi, H::Waisak, H::Imlek};

// The built-in table as it must be (data/holidays-indonesia.csv), one line per year: every row of a year has the same
// status. Written out here so that an accidental edit of the data file, or of its embedding, fails a test.
struct MonthDay {
  int month, day;
};
struct YearRow {
  int year;
  MonthDay imlek, nyepi, idul_fitri, waisak;
  DateStatus status;
};
constexpr std::array<YearRow, 21> kExpectedTable{{
    {2010, {2, 14}, {3, 16}, {9, 10}, {5, 28}, S::Unverified},
    {2011, {2, 3}, {3, 5}, {8, 31}, {5, 17}, S::Unverified},
    {2012, {1, 23}, {3, 23}, {8, 19}, {5, 6}, S::Unverified},
    {2013, {2, 10}, {3, 12}, {8, 8}, {5, 25}, S::Unverified},
    {2014, {1, 31}, {3, 31}, {7, 28}, {5, 15}, S::Unverified},
    {2015, {2, 19}, {3, 21}, {7, 17}, {6, 2}, S::Unverified},
    {2016, {2, 8}, {3, 9}, {7, 6}, {5, 22}, S::Unverified},
    {2017, {1, 28}, {3, 28}, {6, 25}, {5, 11}, S::Unverified},
    {2018, {2, 16}, {3, 17}, {6, 15}, {5, 29}, S::Confirmed},
    {2019, {2, 5}, {3, 7}, {6, 5}, {5, 19}, S::Confirmed},
    {2020, {1, 25}, {3, 25}, {5, 24}, {5, 7}, S::Unverified},
    {2021, {2, 12}, {3, 14}, {5, 13}, {5, 26}, S::Confirmed},
    {2022, {2, 1}, {3, 3}, {5, 2}, {5, 16}, S::Confirmed},
    {2023, {1, 22}, {3, 22}, {4, 22}, {6, 4}, S::Confirmed},
    {2024, {2, 10}, {3, 11}, {4, 10}, {5, 23}, S::Confirmed},
    {2025, {1, 29}, {3, 29}, {3, 31}, {5, 12}, S::Confirmed},
    {2026, {2, 17}, {3, 19}, {3, 21}, {5, 31}, S::Confirmed},
    {2027, {2, 6}, {3, 8}, {3, 10}, {5, 20}, S::Estimated},
    {2028, {1, 26}, {3, 26}, {2, 27}, {5, 9}, S::Estimated},
    {2029, {2, 13}, {3, 15}, {2, 15}, {5, 28}, S::Estimated},
    {2030, {2, 3}, {3, 5}, {2, 5}, {5, 17}, S::Estimated},
}};

using Entry = std::tuple<Holiday, Date, DateStatus>;

std::string describe(const Entry& e) {
  return std::string(to_string(std::get<0>(e))) + " " + format_date(std::get<1>(e)) + " (" +
         std::string(to_string(std::get<2>(e))) + ")";
}

std::set<Entry> expected_entries() {
  std::set<Entry> out;
  for (const auto& r : kExpectedTable) {
    out.emplace(H::Imlek, make_date(r.year, r.imlek.month, r.imlek.day), r.status);
    out.emplace(H::Nyepi, make_date(r.year, r.nyepi.month, r.nyepi.day), r.status);
    out.emplace(H::IdulFitri, make_date(r.year, r.idul_fitri.month, r.idul_fitri.day), r.status);
    out.emplace(H::Waisak, make_date(r.year, r.waisak.month, r.waisak.day), r.status);
  }
  return out;
}

// Every moving row the calendar holds for years [from, to], found through its public interface.
std::set<Entry> computed_entries(const HolidayCalendar& cal, int from, int to) {
  std::set<Entry> out;
  for (int y = from; y <= to; ++y)
    for (Holiday h : kMoving)
      if (auto d = cal.find(h, y)) out.emplace(h, d->date, d->status);
  return out;
}

// QuantLib's way of comparing a calendar with its expected table: report both directions, naming each date.
void expect_same_entries(const std::set<Entry>& computed, const std::set<Entry>& expected) {
  for (const auto& e : computed)
    if (expected.count(e) == 0) ADD_FAILURE() << describe(e) << " computed but not expected";
  for (const auto& e : expected)
    if (computed.count(e) == 0) ADD_FAILURE() << describe(e) << " expected but not computed";
}

const std::string kHeader = "year,holiday,religion,date,status,note\n";

// Runs from_csv on `text` and returns the InputError it must throw.
InputError csv_error(const std::string& text, const std::string& file = "my-holidays.csv") {
  try {
    HolidayCalendar::from_csv(text, file);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return InputError("", 0, "", "", "");
}

}  // namespace

static_assert(is_estimate(DateStatus::Estimated));
static_assert(is_estimate(DateStatus::Approximated));
static_assert(!is_estimate(DateStatus::Fixed));
static_assert(!is_estimate(DateStatus::Confirmed));
static_assert(!is_estimate(DateStatus::Unverified));

// --- The built-in table ---------------------------------------------------------------------------------------------

TEST(HolidayCalendarBuiltin, HasEightyFourRowsFor2010To2030) {
  auto cal = HolidayCalendar::builtin();
  EXPECT_EQ(cal.size(), 84u);
  ASSERT_TRUE(cal.years().has_value());
  EXPECT_EQ(cal.years()->first, 2010);
  EXPECT_EQ(cal.years()->second, 2030);
}

TEST(HolidayCalendarBuiltin, MatchesTheExpectedTableBothWays) {
  auto cal = HolidayCalendar::builtin();
  // A wider span than the table, so that a stray row outside 2010–2030 shows as "computed but not expected".
  expect_same_entries(computed_entries(cal, 1990, 2050), expected_entries());
}

TEST(HolidayCalendarBuiltin, MatchesTheShippedDataFile) {
  // The embedded copy and data/holidays-indonesia.csv must not drift apart.
  std::ifstream in(std::string(BINAAN_SOURCE_DIR) + "/data/holidays-indonesia.csv", std::ios::binary);
  ASSERT_TRUE(in) << "cannot open data/holidays-indonesia.csv";
  std::stringstream text;
  text << in.rdbuf();
  auto from_file = HolidayCalendar::from_csv(text.str(), "holidays-indonesia.csv");
  expect_same_entries(computed_entries(HolidayCalendar::builtin(), 1990, 2050),
                      computed_entries(from_file, 1990, 2050));
}

TEST(HolidayCalendarBuiltin, StatusesFollowTheSources) {
  auto cal = HolidayCalendar::builtin();
  auto waisak_2026 = cal.find(H::Waisak, 2026);
  ASSERT_TRUE(waisak_2026);
  EXPECT_EQ(waisak_2026->date, Date(2026, 5, 31));
  EXPECT_EQ(waisak_2026->status, S::Confirmed);
  EXPECT_EQ(cal.lookup(H::Waisak, 2030).status, S::Estimated);
  EXPECT_EQ(cal.lookup(H::Waisak, 2030).date, Date(2030, 5, 17));
  EXPECT_EQ(cal.lookup(H::Waisak, 2023).date, Date(2023, 6, 4));  // the May full moon was too early (§7)
  EXPECT_EQ(cal.lookup(H::IdulFitri, 2026).date, Date(2026, 3, 21));
  EXPECT_EQ(cal.lookup(H::Nyepi, 2020).status, S::Unverified);
  EXPECT_EQ(cal.lookup(H::Imlek, 2019).status, S::Confirmed);
  EXPECT_EQ(cal.lookup(H::Imlek, 2010).status, S::Unverified);
  int confirmed = 0, unverified = 0, estimated = 0;
  for (int y = 2010; y <= 2030; ++y)
    for (Holiday h : kMoving) {
      auto s = cal.lookup(h, y).status;
      confirmed += s == S::Confirmed;
      unverified += s == S::Unverified;
      estimated += s == S::Estimated;
    }
  EXPECT_EQ(confirmed, 8 * 4);   // 2018, 2019, 2021–2026
  EXPECT_EQ(unverified, 9 * 4);  // 2010–2017, 2020
  EXPECT_EQ(estimated, 4 * 4);   // 2027–2030
}

// --- find / lookup / resolve ----------------------------------------------------------------------------------------

TEST(HolidayCalendar, FixedDaysAreKnownInEveryYearEvenWithoutATable) {
  HolidayCalendar empty;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_FALSE(empty.years().has_value());
  for (int y : {1900, 1999, 2024, 2200}) {
    auto ru = empty.find(H::Independence, y);
    ASSERT_TRUE(ru);
    EXPECT_EQ(ru->date, make_date(y, 8, 17));
    EXPECT_EQ(ru->status, S::Fixed);
    EXPECT_EQ(empty.lookup(H::Natal, y).date, make_date(y, 12, 25));
    EXPECT_EQ(empty.lookup(H::Natal, y).status, S::Fixed);
    EXPECT_EQ(empty.resolve(H::Independence, y).status, S::Fixed);
  }
  auto builtin = HolidayCalendar::builtin();
  EXPECT_EQ(builtin.lookup(H::Natal, 2045).date, Date(2045, 12, 25));
  EXPECT_EQ(builtin.resolve(H::Natal, 2045).status, S::Fixed);
}

TEST(HolidayCalendar, FindReturnsNothingOutsideTheTable) {
  auto cal = HolidayCalendar::builtin();
  EXPECT_FALSE(cal.find(H::Waisak, 2009).has_value());
  EXPECT_FALSE(cal.find(H::Waisak, 2031).has_value());
  EXPECT_FALSE(HolidayCalendar().find(H::IdulFitri, 2024).has_value());
}

TEST(HolidayCalendar, LookupThrowsNamingHolidayAndYear) {
  auto cal = HolidayCalendar::builtin();
  try {
    cal.lookup(H::Waisak, 2031);
    FAIL() << "no LookupError";
  } catch (const LookupError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("waisak"), std::string::npos) << what;
    EXPECT_NE(what.find("2031"), std::string::npos) << what;
  }
  EXPECT_THROW(cal.lookup(H::IdulFitri, 2009), LookupError);
  EXPECT_THROW(HolidayCalendar().lookup(H::Imlek, 2024), LookupError);
}

TEST(HolidayCalendar, ResolveUsesTheTableThenTheApproximation) {
  auto cal = HolidayCalendar::builtin();
  // Inside the table every row is used as it stands, even where the approximation differs (Idul Fitri 2022).
  EXPECT_EQ(cal.resolve(H::IdulFitri, 2022).date, Date(2022, 5, 2));
  EXPECT_EQ(cal.resolve(H::IdulFitri, 2022).status, S::Confirmed);
  EXPECT_NE(approximate_holiday(H::IdulFitri, 2022), Date(2022, 5, 2));
  EXPECT_EQ(cal.resolve(H::Nyepi, 2028).status, S::Estimated);
  // Beyond it, the approximation, marked as such.
  for (Holiday h : kMoving)
    for (int y : {1900, 2009, 2031, 2200}) {
      auto r = cal.resolve(h, y);
      EXPECT_EQ(r.status, S::Approximated) << to_string(h) << " " << y;
      EXPECT_EQ(r.date, approximate_holiday(h, y)) << to_string(h) << " " << y;
      EXPECT_TRUE(is_estimate(r.status));
    }
  EXPECT_EQ(cal.resolve(H::Imlek, 2031).date, Date(2031, 1, 23));
  EXPECT_EQ(HolidayCalendar().resolve(H::Waisak, 2023).date, Date(2023, 6, 4));
  EXPECT_EQ(HolidayCalendar().resolve(H::Waisak, 2023).status, S::Approximated);
}

TEST(HolidayCalendar, ResolveRefusesYearsTheApproximationDoesNotCover) {
  EXPECT_THROW(HolidayCalendar::builtin().resolve(H::Nyepi, 1899), ValueError);
  EXPECT_THROW(HolidayCalendar::builtin().resolve(H::Nyepi, 2201), ValueError);
}

// --- with / overridden_by: values, never mutated ------------------------------------------------------------------

TEST(HolidayCalendar, WithReturnsAChangedCopyAndLeavesTheOriginal) {
  const auto original = HolidayCalendar::builtin();
  auto changed = original.with(H::IdulFitri, Date(2030, 2, 6), S::Confirmed);
  EXPECT_EQ(changed.lookup(H::IdulFitri, 2030).date, Date(2030, 2, 6));
  EXPECT_EQ(changed.lookup(H::IdulFitri, 2030).status, S::Confirmed);
  EXPECT_EQ(changed.size(), 84u);  // replaced, not added
  EXPECT_EQ(original.lookup(H::IdulFitri, 2030).date, Date(2030, 2, 5));
  EXPECT_EQ(original.lookup(H::IdulFitri, 2030).status, S::Estimated);

  auto extended = original.with(H::Waisak, Date(2031, 6, 5), S::Unverified);
  EXPECT_EQ(extended.size(), 85u);
  EXPECT_EQ(extended.years()->second, 2031);
  EXPECT_EQ(extended.resolve(H::Waisak, 2031).status, S::Unverified);
  EXPECT_EQ(original.size(), 84u);
  EXPECT_FALSE(original.find(H::Waisak, 2031).has_value());
  EXPECT_EQ(original.resolve(H::Waisak, 2031).status, S::Approximated);
}

TEST(HolidayCalendar, WithRefusesFixedDays) {
  auto cal = HolidayCalendar::builtin();
  EXPECT_THROW(cal.with(H::Natal, Date(2024, 12, 26), S::Confirmed), ValueError);
  EXPECT_THROW(cal.with(H::Independence, Date(2024, 8, 18), S::Confirmed), ValueError);
  EXPECT_EQ(cal.lookup(H::Natal, 2024).date, Date(2024, 12, 25));
}

TEST(HolidayCalendar, OverriddenByAddsAndReplacesRowsOfACopy) {
  const auto base = HolidayCalendar::builtin();
  const auto overrides = HolidayCalendar::from_csv(kHeader +
                                                   "2030,idul_fitri,islam,2030-02-06,confirmed,decree\n"
                                                   "2031,imlek,confucian,2031-01-23,confirmed,decree\n",
                                                   "overrides.csv");
  auto merged = base.overridden_by(overrides);
  EXPECT_EQ(merged.size(), 85u);
  EXPECT_EQ(merged.lookup(H::IdulFitri, 2030).date, Date(2030, 2, 6));
  EXPECT_EQ(merged.lookup(H::IdulFitri, 2030).status, S::Confirmed);
  EXPECT_EQ(merged.lookup(H::Imlek, 2031).status, S::Confirmed);
  EXPECT_EQ(merged.lookup(H::Waisak, 2030).date, Date(2030, 5, 17));  // untouched rows stay
  EXPECT_EQ(merged.years()->first, 2010);
  EXPECT_EQ(merged.years()->second, 2031);
  // Neither input changed.
  EXPECT_EQ(base.size(), 84u);
  EXPECT_EQ(base.lookup(H::IdulFitri, 2030).date, Date(2030, 2, 5));
  EXPECT_EQ(overrides.size(), 2u);
  EXPECT_FALSE(overrides.find(H::Waisak, 2030).has_value());
  // The other way round, the table wins over the overrides where both have a row.
  auto reversed = overrides.overridden_by(base);
  EXPECT_EQ(reversed.lookup(H::IdulFitri, 2030).date, Date(2030, 2, 5));
  EXPECT_EQ(reversed.size(), 85u);
}

TEST(HolidayCalendar, CopiesAreIndependent) {
  auto a = HolidayCalendar::builtin();
  auto b = a;
  b = b.with(H::Nyepi, Date(2027, 3, 9), S::Confirmed);
  EXPECT_EQ(a.lookup(H::Nyepi, 2027).date, Date(2027, 3, 8));
  EXPECT_EQ(b.lookup(H::Nyepi, 2027).date, Date(2027, 3, 9));
}

// --- Names ----------------------------------------------------------------------------------------------------------

TEST(HolidayNames, RoundTrip) {
  for (Holiday h : {H::Independence, H::Natal, H::IdulFitri, H::Nyepi, H::Waisak, H::Imlek})
    EXPECT_EQ(parse_holiday(to_string(h)), h);
  for (DateStatus s : {S::Fixed, S::Confirmed, S::Unverified, S::Estimated, S::Approximated})
    EXPECT_EQ(parse_date_status(to_string(s)), s);
  EXPECT_EQ(to_string(H::IdulFitri), "idul_fitri");
  EXPECT_EQ(to_string(S::Approximated), "approximated");
}

TEST(HolidayNames, UnknownNamesThrowNamingTheField) {
  try {
    parse_holiday("Idul Fitri", "remissions[2].holiday");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "remissions[2].holiday");
    EXPECT_EQ(e.value(), "Idul Fitri");
  }
  EXPECT_THROW(parse_holiday(""), ValueError);
  EXPECT_THROW(parse_holiday("NYEPI"), ValueError);
  try {
    parse_date_status("guessed");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "status");
    EXPECT_EQ(e.value(), "guessed");
  }
}

// --- from_csv -------------------------------------------------------------------------------------------------------

TEST(HolidayCalendarCsv, ReadsQuotedNotesBlankLinesBomAndCrlf) {
  auto cal = HolidayCalendar::from_csv("\xEF\xBB\xBF" "year,holiday,religion,date,status,note\r\n"
                                       "2031,nyepi,hindu,2031-03-24,estimated,\"lunar, estimate \"\"A\"\"\"\r\n"
                                       "\r\n"
                                       "2031,waisak,buddhist,2031-06-05,unverified,\r\n");
  EXPECT_EQ(cal.size(), 2u);
  EXPECT_EQ(cal.lookup(H::Nyepi, 2031).date, Date(2031, 3, 24));
  EXPECT_EQ(cal.lookup(H::Nyepi, 2031).status, S::Estimated);
  EXPECT_EQ(cal.lookup(H::Waisak, 2031).status, S::Unverified);
}

TEST(HolidayCalendarCsv, HeaderOnlyIsAnEmptyTable) {
  auto cal = HolidayCalendar::from_csv(kHeader);
  EXPECT_EQ(cal.size(), 0u);
  EXPECT_FALSE(cal.years().has_value());
}

TEST(HolidayCalendarCsv, EmptyTextIsRefused) {
  auto e = csv_error("");
  EXPECT_EQ(e.file(), "my-holidays.csv");
  EXPECT_EQ(e.line(), 0);
  EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos) << e.what();
}

TEST(HolidayCalendarCsv, BadHeaderNamesTheColumn) {
  auto e = csv_error("year,holiday,religion,date,status\n2031,nyepi,hindu,2031-03-24,estimated,x\n");
  EXPECT_EQ(e.file(), "my-holidays.csv");
  EXPECT_EQ(e.line(), 1);
  EXPECT_EQ(e.path(), "note");
  EXPECT_EQ(e.value(), "year,holiday,religion,date,status");
  auto renamed = csv_error("year,holliday,religion,date,status,note\n");
  EXPECT_EQ(renamed.path(), "holiday");
  EXPECT_EQ(renamed.line(), 1);
  // A file whose first line is a data row has no header.
  EXPECT_EQ(csv_error("2031,nyepi,hindu,2031-03-24,estimated,x\n").path(), "year");
}

TEST(HolidayCalendarCsv, BadDateNamesFileLineColumnAndValue) {
  auto e = csv_error(kHeader + "2024,nyepi,hindu,2024-03-11,confirmed,ok\n"
                               "2024,waisak,buddhist,2024-02-30,confirmed,x\n");
  EXPECT_EQ(e.file(), "my-holidays.csv");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.path(), "date");
  EXPECT_EQ(e.value(), "2024-02-30");
  std::string what = e.what();
  EXPECT_NE(what.find("my-holidays.csv:3"), std::string::npos) << what;
  EXPECT_NE(what.find("date"), std::string::npos) << what;
  EXPECT_NE(what.find("2024-02-30"), std::string::npos) << what;
  for (const char* bad : {"2024-5-23", "23/05/2024", "20240523", " 2024-05-23", "1899-05-23"}) {
    auto b = csv_error(kHeader + "2024,waisak,buddhist," + bad + ",confirmed,x\n");
    EXPECT_EQ(b.path(), "date") << bad;
    EXPECT_EQ(b.value(), bad);
    EXPECT_EQ(b.line(), 2);
  }
}

TEST(HolidayCalendarCsv, WrongReligionIsCaught) {
  auto e = csv_error(kHeader + "2024,nyepi,islam,2024-03-11,confirmed,shifted row\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.path(), "religion");
  EXPECT_EQ(e.value(), "islam");
  EXPECT_NE(std::string(e.what()).find("hindu"), std::string::npos) << e.what();
}

TEST(HolidayCalendarCsv, UnknownHolidayOrStatusIsCaught) {
  auto holiday = csv_error(kHeader + "2024,galungan,hindu,2024-03-11,confirmed,x\n");
  EXPECT_EQ(holiday.path(), "holiday");
  EXPECT_EQ(holiday.value(), "galungan");
  auto status = csv_error(kHeader + "2024,nyepi,hindu,2024-03-11,sure,x\n");
  EXPECT_EQ(status.path(), "status");
  EXPECT_EQ(status.value(), "sure");
  EXPECT_EQ(status.line(), 2);
}

TEST(HolidayCalendarCsv, FixedDaysCannotBeListed) {
  auto e = csv_error(kHeader + "2024,natal,christian,2024-12-25,confirmed,x\n");
  EXPECT_EQ(e.path(), "holiday");
  EXPECT_EQ(e.value(), "natal");
  EXPECT_EQ(csv_error(kHeader + "2024,independence,,2024-08-17,fixed,x\n").path(), "holiday");
}

TEST(HolidayCalendarCsv, DuplicateRowNamesTheSecondLine) {
  auto e = csv_error(kHeader + "2024,nyepi,hindu,2024-03-11,confirmed,a\n"
                               "2024,waisak,buddhist,2024-05-23,confirmed,b\n"
                               "2024,nyepi,hindu,2024-03-12,confirmed,c\n");
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.path(), "holiday");
  EXPECT_EQ(e.value(), "nyepi");
  EXPECT_NE(std::string(e.what()).find("2024"), std::string::npos) << e.what();
}

TEST(HolidayCalendarCsv, WrongColumnCountIsCaught) {
  auto few = csv_error(kHeader + "2024,nyepi,hindu,2024-03-11,confirmed\n");
  EXPECT_EQ(few.line(), 2);
  EXPECT_EQ(few.value(), "2024,nyepi,hindu,2024-03-11,confirmed");
  EXPECT_NE(std::string(few.what()).find("found 5"), std::string::npos) << few.what();
  auto many = csv_error(kHeader + "2024,nyepi,hindu,2024-03-11,confirmed,a,b\n");
  EXPECT_NE(std::string(many.what()).find("found 7"), std::string::npos) << many.what();
}

TEST(HolidayCalendarCsv, YearMustMatchTheDate) {
  auto e = csv_error(kHeader + "2023,imlek,confucian,2024-02-10,confirmed,x\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.path(), "year");
  EXPECT_EQ(e.value(), "2023");
  EXPECT_NE(std::string(e.what()).find("2024-02-10"), std::string::npos) << e.what();
}

TEST(HolidayCalendarCsv, UnterminatedQuoteIsCaught) {
  auto e = csv_error(kHeader + "2024,nyepi,hindu,2024-03-11,confirmed,\"no end\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.value(), "2024,nyepi,hindu,2024-03-11,confirmed,\"no end");
  EXPECT_NE(std::string(e.what()).find("unterminated"), std::string::npos) << e.what();
}

TEST(HolidayCalendarCsv, ErrorsCountLinesAcrossCrlfAndBlankLines) {
  auto e = csv_error("\xEF\xBB\xBF" "year,holiday,religion,date,status,note\r\n\r\n"
                     "2024,nyepi,hindu,2024-03-11,confirmed,x\r\n2024,imlek,confucian,2024-13-01,confirmed,x\r\n");
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.value(), "2024-13-01");  // no stray \r in the value
}

TEST(HolidayCalendarCsv, DefaultFileNameAppearsInMessages) {
  try {
    HolidayCalendar::from_csv(kHeader + "2024,nyepi,hindu,2024-03-11,confirmed\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "<holidays>");
    EXPECT_NE(std::string(e.what()).find("<holidays>:2"), std::string::npos) << e.what();
  }
}

TEST(HolidayCalendarResolve, EveryHolidayOfAYearLiesInThatYear) {
  // The engine lists each year's candidate days in date order year by year (src/rules/remission.cpp), which holds
  // because a calendar keys its rows by the date's own year and the approximation stays inside its year. Every
  // holiday, every year binaan computes, table and approximation — and a row added far outside the table.
  const HolidayCalendar calendar =
      HolidayCalendar::builtin().with(Holiday::Imlek, Date(2150, 1, 2), DateStatus::Confirmed);
  const Holiday all[] = {Holiday::Independence, Holiday::Natal,  Holiday::IdulFitri,
                         Holiday::Nyepi,        Holiday::Waisak, Holiday::Imlek};
  std::size_t checked = 0;
  for (Holiday h : all)
    for (int y = 1900; y <= 2200; ++y) {
      ASSERT_EQ(calendar.resolve(h, y).date.year(), y) << to_string(h) << " " << y;
      ++checked;
    }
  EXPECT_EQ(checked, 6u * 301u);
  EXPECT_EQ(calendar.resolve(Holiday::Imlek, 2150).date, Date(2150, 1, 2));
}
