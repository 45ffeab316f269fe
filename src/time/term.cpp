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

Date fraction_reached(Date end, const std::vector<DatedDays>& grants) {
  return detail::fraction_reached_in(
      end, grants.data(), grants.size(), [](const DatedDays& g) { return g.date; },
      [](const DatedDays& g) { return g.days; });
}

}  // namespace binaan
