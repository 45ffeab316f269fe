#pragma once
// Internal: a date's ten characters written where the caller wants them, for format_date and for the writers that
// put millions of dates into one text (io/detail_json.hpp) without a string for each.

#include <binaan/time/date.hpp>

namespace binaan::detail {

/// Writes `d` as `YYYY-MM-DD` into out[0..9] and returns true; false (nothing written) for a special value or a day
/// outside the years 1400–9999, which only a raw day number makes.
bool write_iso_date(Date d, char* out) noexcept;

}  // namespace binaan::detail
