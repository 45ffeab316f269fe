#include <binaan/time/term.hpp>

#include <binaan/error.hpp>

namespace binaan {

void Term::invalid(int years, int months, int days) {
  throw ValueError("term", std::to_string(years) + "y" + std::to_string(months) + "m" + std::to_string(days) + "d",
                   "a term's years, months and days must each be 0-65535");
}

Term parse_term(std::string_view text, std::string_view field) {
  // Grammar: optional "<1-3 digits>y", then optional "<1-2 digits>m", then optional "<1-3 digits>d", in that order.
  auto fail = [&](const char* why) -> Term { throw ValueError(std::string(field), std::string(text), why); };
  static constexpr char kUnits[3] = {'y', 'm', 'd'};
  static constexpr std::size_t kMaxDigits[3] = {3, 2, 3};
  int parts[3] = {0, 0, 0};
  std::size_t pos = 0;
  int next_unit = 0;
  if (text.empty()) return fail("expected a term such as 2y8m, 4m5d or 15d");
  while (pos < text.size()) {
    std::size_t digits = 0;
    int value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      value = value * 10 + (text[pos] - '0');
      ++pos;
      if (++digits > 3) return fail("expected a term such as 2y8m, 4m5d or 15d");
    }
    if (digits == 0 || pos >= text.size()) return fail("expected a term such as 2y8m, 4m5d or 15d");
    char unit = text[pos++];
    int u = next_unit;
    while (u < 3 && kUnits[u] != unit) ++u;
    if (u == 3) return fail("expected a term such as 2y8m, 4m5d or 15d (units y, m, d in that order)");
    if (digits > kMaxDigits[u]) return fail("too many digits in a term part");
    parts[u] = value;
    next_unit = u + 1;
  }
  if (parts[0] == 0 && parts[1] == 0 && parts[2] == 0) return fail("a term needs at least one non-zero part");
  return Term(parts[0], parts[1], parts[2]);
}

std::string to_string(Term t) {
  std::string s;
  if (t.years() != 0) s += std::to_string(t.years()) + "y";
  if (t.months() != 0) s += std::to_string(t.months()) + "m";
  if (t.days() != 0 || s.empty()) s += std::to_string(t.days()) + "d";
  return s;
}

Term term_from_nominal_days(int days) {
  if (days < 0) throw ValueError("days", std::to_string(days), "an amount cannot be negative");
  return Term(0, days / 30, days % 30);
}

Date term_end(Date start, Term t, TermConvention c) {
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

std::int32_t term_days(Date start, Term t, TermConvention c) { return days_between(start, term_end(start, t, c)); }

namespace {
constexpr long ceil_div(long a, long b) { return (a + b - 1) / b; }
// boost's day number of min_date_time, 1400-01-01 (a test checks it against boost)
constexpr std::uint32_t kMinDayNumber = 2232400;
}  // namespace

Date fraction_end(Date start, Term t, Fraction f, TermConvention tc, FractionConvention fc) {
  if (fc == FractionConvention::TermDays) {
    long days = ceil_div(static_cast<long>(term_days(start, t, tc)) * f.numerator, f.denominator);
    return add_days(start, static_cast<std::int32_t>(days));
  }
  return term_end(start, fraction_of(t, f), tc);
}

Date fraction_reached(Date end, const std::vector<DatedDays>& grants) {
  // S is a step function that only grows; between two grant days it is constant, so the answer in the k-th
  // interval [g_k, g_k+1) is max(g_k, end - S_k) if that lies inside the interval. On day numbers: boost compares
  // dates by their numbers, and end - S_k is add_days (a special `end` stays itself).
  const std::uint32_t e = end.day_number();
  const bool special = detail::is_special_day_number(e);
  const DatedDays* g = grants.data();
  const std::size_t n = grants.size();
  std::uint32_t cumulative = 0;  // S_k, added as boost adds days: modulo 2^32
  std::size_t i = 0;
  std::uint32_t interval_start = kMinDayNumber;
  while (true) {
    std::uint32_t candidate = special ? e : e - cumulative;
    if (candidate < interval_start) candidate = interval_start;
    if (i == n || candidate < g[i].date.day_number()) return Date(candidate);
    interval_start = g[i].date.day_number();
    while (i < n && g[i].date.day_number() == interval_start) cumulative += static_cast<std::uint32_t>(g[i++].days);
  }
}

}  // namespace binaan
