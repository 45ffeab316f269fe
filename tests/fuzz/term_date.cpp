// Fuzz target: dates and terms. Each line of the input is tried as a date (parse_date) and as a term (parse_term);
// what parses must format back (a date to the very text, a term to a text that parses to the same term), and the
// arithmetic on a date and the date or term of the next line must keep the contracts of date.hpp and term.hpp.

#include "fuzz_support.hpp"

#include <binaan/time/date.hpp>
#include <binaan/time/term.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace binaan;

int month_index(Date d) { return d.year() * 12 + (d.month() - 1); }

int days_in_month(Date d) { return static_cast<int>(d.end_of_month().day()); }

// add_years, add_months, age_on, days_between, add_days, in_lookback on two dates.
void check_dates(Date a, Date b) {
  const std::int32_t n = days_between(a, b);
  fuzz::check(days_between(b, a) == -n, "days_between is not antisymmetric");
  fuzz::check(add_days(a, n) == b, "add_days(a, days_between(a, b)) != b");
  fuzz::check(in_lookback(a, b, 270) == (n >= 0 && n < 270), "in_lookback is not the half-open (d - 270, d]");
  if (n >= 0) {
    const int age = age_on(a, b);
    fuzz::check(age >= 0 && add_years(a, age) <= b && b < add_years(a, age + 1), "age_on disagrees with add_years");
  }
}

void check_month_step(Date d, int months) {
  const Date m = add_months(d, months);
  fuzz::check(month_index(m) == month_index(d) + months, "add_months lands in the wrong month");
  fuzz::check(static_cast<int>(m.day()) == std::min(static_cast<int>(d.day()), days_in_month(m)),
              "add_months does not keep the day or clamp it to the month's end");
}

// term_end, term_days, fraction_of and fraction_end of a term starting on a date, under every convention.
void check_term(Date start, Term t) {
  check_month_step(start, t.total_months());
  const Date y = add_years(start, t.years());
  fuzz::check(y.year() == start.year() + t.years() && y.month() == start.month(), "add_years lands elsewhere");
  for (TermConvention tc : {TermConvention::CalendarYears30DayMonths, TermConvention::Calendar,
                            TermConvention::Days360}) {
    const Date end = term_end(start, t, tc);
    fuzz::check(end > start, "a non-zero term ends on or before its start");
    const std::int32_t days = term_days(start, t, tc);
    fuzz::check(days == days_between(start, end), "term_days != days_between(start, term_end)");
    for (Fraction f : {kOneThird, kOneHalf, kTwoThirds, kOneTwelfth}) {
      const Term part = fraction_of(t, f);
      fuzz::check(compare(part, t) <= 0, "a fraction of a term is longer than the term");
      fuzz::check(fraction_end(start, t, f, tc, FractionConvention::NormalisedTerm) == term_end(start, part, tc),
                  "fraction_end (normalised_term) != term_end(start, fraction_of(t, f))");
      const std::int64_t num = std::int64_t{f.numerator} * days;
      const auto up = static_cast<std::int32_t>((num + f.denominator - 1) / f.denominator);
      fuzz::check(fraction_end(start, t, f, tc, FractionConvention::TermDays) == add_days(start, up),
                  "fraction_end (term_days) != start + ceil(f * term_days)");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::as_text(data, size);
  std::optional<Date> last;
  for (int lines = 0; !text.empty() && lines < 64; ++lines) {
    const std::size_t eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);

    try {
      const Date d = parse_date(line, "fuzz.date");
      fuzz::check(format_date(d) == line, "format_date(parse_date(s)) != s");
      fuzz::check(d.year() >= kMinYear && d.year() <= kMaxYear, "parse_date accepted a year out of range");
      if (last) check_dates(*last, d);
      last = d;
    } catch (const ValueError&) {
    }

    try {
      const Term t = parse_term(line, "fuzz.term");
      fuzz::check(!t.is_zero(), "parse_term accepted a zero term");
      const std::string s = to_string(t);
      fuzz::check(parse_term(s, "fuzz.term") == t, "parse_term(to_string(t)) != t");
      fuzz::check(term_from_nominal_days(t.nominal_days()).nominal_days() == t.nominal_days(),
                  "term_from_nominal_days changes the nominal days");
      if (last) check_term(*last, t);
    } catch (const ValueError&) {
    }
  }
  return 0;
}
