// A consumer of the installed binaan package: computes the dates of case T1 of rules-indonesia.md §10 (2 years from
// 2017-05-09, reported release 2019-01-24, parole 2018-08-17), with an earlier 10-day detention added so that the
// sentence start rule (KUHAP Art. 22(4)) is exercised. Exits non-zero when any value differs from the expected one.
#include <binaan/binaan.hpp>

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

int failures = 0;

void expect_date(const char* what, binaan::Date got, const char* want) {
  const std::string text = binaan::format_date(got);
  const bool ok = text == want;
  std::printf("%-28s %s%s%s\n", what, text.c_str(), ok ? "" : "   expected ", ok ? "" : want);
  if (!ok) {
    ++failures;
  }
}

}  // namespace

int main() {
  using binaan::parse_date;

  std::printf("binaan %s\n", BINAAN_VERSION_STRING);
#ifdef BINAAN_EXPECTED_VERSION
  if (std::strcmp(BINAAN_VERSION_STRING, BINAAN_EXPECTED_VERSION) != 0) {
    std::printf("version header says %s, the package says %s\n", BINAAN_VERSION_STRING, BINAAN_EXPECTED_VERSION);
    ++failures;
  }
#endif

  try {
    // 10 days in custody in January 2017 ([from, to) counts to - from days), then continuously from 2017-05-19.
    const binaan::DetentionHistory detention({
        {parse_date("2017-01-02"), parse_date("2017-01-12")},
        {parse_date("2017-05-19"), std::nullopt},
    });
    const binaan::Date start = detention.sentence_start();
    expect_date("sentence start", start, "2017-05-09");

    const binaan::Term term = binaan::parse_term("2y");
    const binaan::Date end = binaan::term_end(start, term);
    expect_date("term end (no remission)", end, "2019-05-09");

    // ⅔ of 2 years = 16 months = 1y4m: one calendar year and 4 × 30 days.
    const binaan::Date two_thirds = binaan::fraction_end(start, term, binaan::kTwoThirds,
                                                         binaan::TermConvention::CalendarYears30DayMonths,
                                                         binaan::FractionConvention::NormalisedTerm);
    expect_date("two thirds (no remission)", two_thirds, "2018-09-06");

    // T1's remissions: RK 2017 15 days, RU 2018 2 months, RK 2018 1 month.
    const std::vector<binaan::DatedDays> grants = {
        {parse_date("2017-12-25"), 15}, {parse_date("2018-08-17"), 60}, {parse_date("2018-12-25"), 30}};
    std::int32_t total = 0;
    for (const auto& g : grants) {
      total += g.days;
    }
    expect_date("expiry after remission", binaan::add_days(end, -total), "2019-01-24");
    expect_date("two thirds reached", binaan::fraction_reached(two_thirds, grants), "2018-08-17");

    // The built-in holiday table travels inside the library.
    const auto idul_fitri = binaan::HolidayCalendar::builtin().lookup(binaan::Holiday::IdulFitri, 2023);
    expect_date("Idul Fitri 2023 (built in)", idul_fitri.date, "2023-04-22");
  } catch (const std::exception& e) {
    std::printf("unexpected exception: %s\n", e.what());
    return 1;
  }

  // An error thrown inside the library is caught here by its own type: its type information must be exported
  // from a shared libbinaan.
  try {
    (void)parse_date("2023-02-29", "verdict_final");
    std::printf("2023-02-29 was accepted\n");
    ++failures;
  } catch (const binaan::ValueError& e) {
    std::printf("%-28s %s\n", "refused 2023-02-29", e.what());
  } catch (...) {
    std::printf("2023-02-29 was refused with an exception that is not binaan::ValueError\n");
    ++failures;
  }

  std::printf("%s\n", failures == 0 ? "all values as expected" : "VALUES DIFFER");
  return failures == 0 ? 0 : 1;
}
