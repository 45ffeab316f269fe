#pragma once
// Shared checks of the programmes model (private to src/).

#include <binaan/error.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <limits>
#include <string>

namespace binaan::detail {

inline constexpr std::size_t kMaxIdLength = 1000;  // as every text field (case-format.md)

inline void require_id(const std::string& field, const std::string& value) {
  if (value.empty()) throw ValueError(field, value, "must not be empty");
  if (value.size() > kMaxIdLength) throw ValueError(field, value.substr(0, 40), "longer than 1,000 characters");
}

inline void require_text(const std::string& field, const std::string& value) {
  if (value.size() > kMaxIdLength) throw ValueError(field, value.substr(0, 40), "longer than 1,000 characters");
}

inline void require_date(const std::string& field, Date d) {
  if (d.is_special()) throw ValueError(field, format_date(d), "must be a calendar day");
}

inline void require_period(Date from, Date to) {
  require_date("from", from);
  require_date("to", to);
  if (from > to) throw ValueError("to", format_date(to), "is before from " + format_date(from));
}

/// a + b for counts (units, hours); throws instead of wrapping.
inline std::int64_t add_count(const std::string& field, std::int64_t a, std::int64_t b) {
  if ((b > 0 && a > std::numeric_limits<std::int64_t>::max() - b) ||
      (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b))
    throw ValueError(field, std::to_string(a) + " + " + std::to_string(b), "overflows");
  return a + b;
}

inline bool in_period(Date d, Date from, Date to) { return from <= d && d <= to; }

}  // namespace binaan::detail

#include <string_view>

namespace binaan::detail {

/// Spelling of enum value `v` from a table in declaration order.
template <class E, std::size_t N>
std::string_view enum_name(E v, const std::string_view (&names)[N]) {
  const auto i = static_cast<std::size_t>(v);
  return i < N ? names[i] : std::string_view("?");
}

/// The enum value spelled `text`; ValueError naming `field` and listing the spellings otherwise.
template <class E, std::size_t N>
E parse_enum(std::string_view text, std::string_view field, const std::string_view (&names)[N]) {
  std::string allowed;
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
    allowed += (i ? ", " : "") + std::string(names[i]);
  }
  throw ValueError(std::string(field), std::string(text), "expected one of: " + allowed);
}

}  // namespace binaan::detail
