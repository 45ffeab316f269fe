#pragma once
/// \file
/// Terms of years, months and days as courts write them ("2y8m", "4m5d", "15d"), their end dates under the
/// conventions of rules-indonesia.md §2, fractions of a sentence, and nominal amounts in days.

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// A span written as years, months and days. Kept as written: `1y` and `12m` compare equal but end on different
/// days (§2: "End dates keep the term as written").
class BINAAN_EXPORT Term {
public:
  constexpr Term() = default;
  /// Throws ValueError for a negative part or a part beyond 65535.
  Term(int years, int months, int days)
      : years_(static_cast<std::uint16_t>(years)), months_(static_cast<std::uint16_t>(months)),
        days_(static_cast<std::uint16_t>(days)) {
    // Inline: fractions build a Term for every person. A negative part has its high bits set as unsigned.
    if ((static_cast<unsigned>(years) | static_cast<unsigned>(months) | static_cast<unsigned>(days)) > 65535u)
      invalid(years, months, days);
  }

  static constexpr Term from_days(int days) { return Term(Raw{}, 0, 0, days); }

  constexpr int years() const noexcept { return years_; }
  constexpr int months() const noexcept { return months_; }
  constexpr int days() const noexcept { return days_; }
  constexpr bool is_zero() const noexcept { return years_ == 0 && months_ == 0 && days_ == 0; }

  /// 12·Y + M: the month count used for fractions and comparisons (§2).
  constexpr int total_months() const noexcept { return 12 * years_ + months_; }
  /// Nominal days with a month of 30 days and a year of 12 months (Keppres 174/1999 Art. 7(4)); used for
  /// comparisons ("5 years or more", "⅔ at least 9 months") and for remission amounts.
  constexpr int nominal_days() const noexcept { return 30 * total_months() + days_; }

  friend constexpr bool operator==(Term a, Term b) noexcept {
    return a.years_ == b.years_ && a.months_ == b.months_ && a.days_ == b.days_;
  }
  friend constexpr bool operator!=(Term a, Term b) noexcept { return !(a == b); }

private:
  [[noreturn]] static void invalid(int years, int months, int days);
  struct Raw {};
  constexpr Term(Raw, int y, int m, int d)
      : years_(static_cast<std::uint16_t>(y)), months_(static_cast<std::uint16_t>(m)),
        days_(static_cast<std::uint16_t>(d)) {}
  std::uint16_t years_ = 0;
  std::uint16_t months_ = 0;
  std::uint16_t days_ = 0;
};
static_assert(sizeof(Term) == 6, "Term stays compact: 10 million sentences are held in memory");

/// Compares terms by their nominal length (§2: 12·Y + M months and D days, a month of 30 days): -1, 0 or 1.
inline int compare(Term a, Term b) noexcept {
  const int x = a.nominal_days();
  const int y = b.nominal_days();
  return x < y ? -1 : (x > y ? 1 : 0);
}

/// Parses `^([0-9]{1,3}y)?([0-9]{1,2}m)?([0-9]{1,3}d)?$` with at least one non-zero part (case-format.md).
/// Throws ValueError naming `field`.
BINAAN_EXPORT Term parse_term(std::string_view text, std::string_view field = "term");

/// Formats as written: "2y8m", "4m5d", "15d"; the zero term is "0d".
BINAAN_EXPORT std::string to_string(Term t);

/// A nominal amount in days as a term of months and days (1 month = 30 days): 45 → 1m15d, 90 → 3m.
BINAAN_EXPORT Term term_from_nominal_days(int days);

/// How a term becomes an end date (policy parameter `term_convention`, rules-indonesia.md §2).
enum class TermConvention {
  CalendarYears30DayMonths,  ///< default: calendar years, 30-day months, days (Keppres 174/1999 Art. 7(4))
  Calendar,                  ///< calendar years and months, clamped to month end
  Days360                    ///< a year is 360 days, a month 30
};

/// The day a term that starts on `start` ends: the first day no longer served. Example (default convention):
/// 2017-05-09 + 2y = 2019-05-09; 2019-01-05 + 10y6m = 2019-01-05 + 10 years + 180 days. Errors as add_months.
/// Inline, as fraction_end: the rules take the end of every sentence and of fixed fractions of it.
inline Date term_end(Date start, Term t, TermConvention c = TermConvention::CalendarYears30DayMonths) {
  switch (c) {
    case TermConvention::CalendarYears30DayMonths:
      return add_days(add_years(start, t.years()), 30 * t.months() + t.days());
    case TermConvention::Calendar:
      return add_days(add_months(start, t.total_months()), t.days());
    case TermConvention::Days360:
      return add_days(start, 360 * t.years() + 30 * t.months() + t.days());
  }
  return start;  // unreachable: every enumerator is handled above
}

/// `term_end(start, t) - start` in days.
inline std::int32_t term_days(Date start, Term t, TermConvention c = TermConvention::CalendarYears30DayMonths) {
  return days_between(start, term_end(start, t, c));
}

/// A fraction of a sentence: ⅓, ½, ⅔, 1/12.
struct Fraction {
  int numerator;
  int denominator;
};
inline constexpr Fraction kOneThird{1, 3};
inline constexpr Fraction kOneHalf{1, 2};
inline constexpr Fraction kTwoThirds{2, 3};
inline constexpr Fraction kOneTwelfth{1, 12};

/// How a fraction of a sentence is taken (policy parameter `fraction_convention`, §2).
enum class FractionConvention {
  NormalisedTerm,  ///< default: months × fraction, the remainder as 30-day days, day total rounded up
  TermDays         ///< fraction of the term's day count from its start, rounded up
};

/// The fraction of a term under `normalised_term`: ⅔ × 2y8m = 1y9m10d, ⅔ × 20y = 13y4m, ⅔ × 1y = 8m,
/// 1/12 × 2y8m = 2m20d. Integer arithmetic; the day total is rounded up (§2). Inline: the rules take fixed
/// fractions of every sentence, and with a constant fraction the divisions become multiplications.
inline Term fraction_of(Term t, Fraction f) {
  const long months = static_cast<long>(t.total_months()) * f.numerator;
  const long whole = months / f.denominator;
  const long remainder = months % f.denominator;  // in 1/denominator months, each month 30 days
  const long days = (remainder * 30 + static_cast<long>(t.days()) * f.numerator + f.denominator - 1) / f.denominator;
  return Term(static_cast<int>(whole / 12), static_cast<int>(whole % 12), static_cast<int>(days));
}

/// The day the fraction of the sentence ends, ignoring remission: under NormalisedTerm
/// `term_end(start, fraction_of(t, f))`; under TermDays `start + ceil(f × term_days(start, t))`. Inline: called with
/// a constant fraction, its divisions become multiplications.
inline Date fraction_end(Date start, Term t, Fraction f, TermConvention tc, FractionConvention fc) {
  if (fc == FractionConvention::TermDays) {
    const long days = (static_cast<long>(term_days(start, t, tc)) * f.numerator + f.denominator - 1) / f.denominator;
    return add_days(start, static_cast<std::int32_t>(days));
  }
  return term_end(start, fraction_of(t, f), tc);
}

/// A dated amount of remission in days, as the time model sees it.
struct DatedDays {
  Date date;
  std::int32_t days;
};

/// The first day `d` on which `d >= end - S(d)`, with `S(d)` the days of `grants` dated on or before `d`
/// (grants of `d` itself count: remission already granted counts as time served, §2). `grants` must be sorted by
/// date; several on one day are summed.
BINAAN_EXPORT Date fraction_reached(Date end, const std::vector<DatedDays>& grants);

namespace detail {

/// fraction_reached over `n` dated amounts of any type, for N ends (the integration programmes ask for ½ and ⅔ of
/// every sentence): `date_of(x)` and `days_of(x)` read one (the engine reads its list of grants without a second
/// list of dated days). The one implementation of the rule.
template <std::size_t N, typename T, typename DateOf, typename DaysOf>
std::array<Date, N> fractions_reached_in(const std::array<Date, N>& ends, const T* g, std::size_t n, DateOf date_of,
                                         DaysOf days_of) {
  // S is a step function that only grows; between two grant days it is constant, so the answer in the k-th
  // interval [g_k, g_k+1) is max(g_k, end - S_k) if that lies inside the interval. On day numbers: boost compares
  // dates by their numbers, and end - S_k is add_days (a special `end` stays itself).
  // The answer never comes earlier for a later end, so an end no earlier than the last (both calendar days, S not
  // past either) goes on from the interval where the last was found: ½ then ⅔ is one pass over the amounts.
  constexpr std::uint32_t kMinDayNumber = 2232400;  // boost's day number of min_date_time, 1400-01-01 (tested)
  std::array<Date, N> reached{};
  std::uint32_t cumulative = 0;  // S_k, added as boost adds days: modulo 2^32
  std::size_t i = 0;
  std::uint32_t interval_start = kMinDayNumber;
  std::uint32_t last_end = 0;
  for (std::size_t k = 0; k < N; ++k) {
    const std::uint32_t e = ends[k].day_number();
    const bool special = is_special_day_number(e);
    if (k > 0 && (special || is_special_day_number(last_end) || e < last_end || cumulative > last_end)) {
      cumulative = 0;
      i = 0;
      interval_start = kMinDayNumber;
    }
    last_end = e;
    while (true) {
      std::uint32_t candidate = special ? e : e - cumulative;
      if (candidate < interval_start) candidate = interval_start;
      if (i == n || candidate < date_of(g[i]).day_number()) {
        reached[k] = Date(candidate);
        break;
      }
      interval_start = date_of(g[i]).day_number();
      while (i < n && date_of(g[i]).day_number() == interval_start)
        cumulative += static_cast<std::uint32_t>(days_of(g[i++]));
    }
  }
  return reached;
}

/// fractions_reached_in for one end.
template <typename T, typename DateOf, typename DaysOf>
Date fraction_reached_in(Date end, const T* g, std::size_t n, DateOf date_of, DaysOf days_of) {
  return fractions_reached_in<1>({end}, g, n, date_of, days_of)[0];
}

}  // namespace detail

}  // namespace binaan
