#pragma once
/// \file
/// The dates of the remission days (rules-indonesia.md §7): 17 August and 25 December are fixed; Idul Fitri,
/// Nyepi, Waisak and Imlek come from the government's yearly joint decree, held in a table with a status per row.
/// The table built into the library is data/holidays-indonesia.csv; users may load their own or override rows.

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace binaan {

/// A day on which remission may be granted.
enum class Holiday : std::uint8_t {
  Independence,  ///< 17 August (RU; Keppres 174/1999 Art. 4)
  Natal,         ///< 25 December (RK for Protestants and Catholics)
  IdulFitri,     ///< 1 Syawal (RK for Muslims)
  Nyepi,         ///< RK for Hindus
  Waisak,        ///< RK for Buddhists
  Imlek          ///< RK for Confucians (Konghucu)
};

/// Where a date comes from, most certain first (§7).
enum class DateStatus : std::uint8_t {
  Fixed,        ///< fixed by law (17 August, 25 December)
  Confirmed,    ///< read from the joint decree
  Unverified,   ///< believed right, not read from a decree
  Estimated,    ///< computed before any decree (a row of the table)
  Approximated  ///< computed by binaan's astronomical approximation: the year is outside the table
};

/// Whether a result that used a date of this status must be marked estimated.
constexpr bool is_estimate(DateStatus s) noexcept {
  return s == DateStatus::Estimated || s == DateStatus::Approximated;
}

struct HolidayDate {
  Date date;
  DateStatus status;
};

BINAAN_EXPORT std::string_view to_string(Holiday h);
BINAAN_EXPORT std::string_view to_string(DateStatus s);
/// "idul_fitri", "nyepi", "waisak", "imlek", "natal", "independence"; throws ValueError.
BINAAN_EXPORT Holiday parse_holiday(std::string_view text, std::string_view field = "holiday");
/// "confirmed", "unverified", "estimated", "approximated", "fixed"; throws ValueError.
BINAAN_EXPORT DateStatus parse_date_status(std::string_view text, std::string_view field = "status");

/// An immutable table of holiday dates. Copies are cheap enough for configuration; share one per engine.
///
/// \par Thread safety
/// A value type with const members only (with() and overridden_by() return new tables): any number of threads may
/// read one calendar at once, resolve() included (the approximation computes, it caches nothing). Assigning to a
/// calendar while others read it is a data race. See docs/concurrency.md.
class BINAAN_EXPORT HolidayCalendar {
public:
  /// An empty table: only the fixed days are known.
  HolidayCalendar() = default;

  /// The table built into the library (data/holidays-indonesia.csv, 2010–2030).
  static HolidayCalendar builtin();

  /// Reads a table in the format of data/holidays-indonesia.csv: header `year,holiday,religion,date,status,note`,
  /// one row per holiday and year. `file` names the source in error messages; every error names the line, the
  /// column and the value (InputError). A repeated (holiday, year) row is an error.
  static HolidayCalendar from_csv(std::string_view text, std::string file = "<holidays>");

  /// A copy with one date added or replaced. The year of `date` is the holiday's year.
  HolidayCalendar with(Holiday h, Date date, DateStatus status) const;

  /// A copy with every row of `overrides` added or replacing this table's row.
  HolidayCalendar overridden_by(const HolidayCalendar& overrides) const;

  /// The date from the table (or the fixed day), if the table has that year.
  std::optional<HolidayDate> find(Holiday h, int year) const;

  /// The date from the table or the fixed day; throws LookupError naming the holiday and year when the table lacks
  /// it. See resolve() for a lookup that approximates instead.
  HolidayDate lookup(Holiday h, int year) const;

  /// The table's date, or else binaan's astronomical approximation with status Approximated
  /// (see holiday_approximation.hpp).
  HolidayDate resolve(Holiday h, int year) const;

  /// Number of rows (moving holidays only).
  std::size_t size() const noexcept { return rows_.size(); }
  /// The first and last year with any row; nullopt for an empty table.
  std::optional<std::pair<int, int>> years() const;

private:
  /// Rebuilds by_year_ from rows_; every change of rows_ ends with it.
  void reindex();

  std::map<std::pair<Holiday, int>, HolidayDate> rows_;
  /// rows_ again, by holiday and year (kMinYear..kMaxYear), for a lookup without a search: the engine asks for a
  /// holiday in every year of every sentence. Empty when rows_ is.
  std::vector<std::optional<HolidayDate>> by_year_;
};

}  // namespace binaan
