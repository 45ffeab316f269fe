#include <binaan/time/holiday_calendar.hpp>

#include <binaan/error.hpp>
#include <binaan/time/holiday_approximation.hpp>

#include <array>
#include <vector>

namespace binaan {

namespace detail {
extern const std::string_view kBuiltinHolidayTable;  // generated from data/holidays-indonesia.csv
}

namespace {

struct HolidayName {
  Holiday holiday;
  std::string_view name;
};
constexpr std::array<HolidayName, 6> kHolidayNames{{{Holiday::Independence, "independence"},
                                                    {Holiday::Natal, "natal"},
                                                    {Holiday::IdulFitri, "idul_fitri"},
                                                    {Holiday::Nyepi, "nyepi"},
                                                    {Holiday::Waisak, "waisak"},
                                                    {Holiday::Imlek, "imlek"}}};

struct StatusName {
  DateStatus status;
  std::string_view name;
};
constexpr std::array<StatusName, 5> kStatusNames{{{DateStatus::Fixed, "fixed"},
                                                  {DateStatus::Confirmed, "confirmed"},
                                                  {DateStatus::Unverified, "unverified"},
                                                  {DateStatus::Estimated, "estimated"},
                                                  {DateStatus::Approximated, "approximated"}}};

// The religion column of the table, checked against the holiday so that a shifted row is caught.
std::string_view religion_of(Holiday h) {
  switch (h) {
    case Holiday::IdulFitri: return "islam";
    case Holiday::Nyepi: return "hindu";
    case Holiday::Waisak: return "buddhist";
    case Holiday::Imlek: return "confucian";
    case Holiday::Natal: return "christian";
    case Holiday::Independence: return "";
  }
  return "";
}

constexpr std::size_t kHolidayCount = 6;  // the enumerators of Holiday
static_assert(static_cast<std::size_t>(Holiday::Imlek) + 1 == kHolidayCount, "a new Holiday needs a place");
constexpr std::size_t kYears = static_cast<std::size_t>(kMaxYear - kMinYear + 1);

// The place of (h, year) in HolidayCalendar::by_year_; year in kMinYear..kMaxYear (every table date is).
std::size_t year_slot(Holiday h, int year) {
  return static_cast<std::size_t>(h) * kYears + static_cast<std::size_t>(year - kMinYear);
}

std::optional<HolidayDate> fixed_day(Holiday h, int year) {
  if (h == Holiday::Independence) return HolidayDate{make_date(year, 8, 17), DateStatus::Fixed};  // Keppres 174/1999 Art. 4
  if (h == Holiday::Natal) return HolidayDate{make_date(year, 12, 25), DateStatus::Fixed};        // Art. 5, 7(5)
  return std::nullopt;
}

// Splits one CSV record (RFC 4180 quoting, no embedded line breaks: the table has one row per line).
std::vector<std::string> split_csv_line(std::string_view line, const std::string& file, long line_no) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) throw InputError(file, line_no, "", std::string(line), "unterminated quoted field");
  return fields;
}

}  // namespace

std::string_view to_string(Holiday h) {
  for (const auto& n : kHolidayNames)
    if (n.holiday == h) return n.name;
  return "?";
}

std::string_view to_string(DateStatus s) {
  for (const auto& n : kStatusNames)
    if (n.status == s) return n.name;
  return "?";
}

Holiday parse_holiday(std::string_view text, std::string_view field) {
  for (const auto& n : kHolidayNames)
    if (n.name == text) return n.holiday;
  throw ValueError(std::string(field), std::string(text),
                   "unknown holiday (expected idul_fitri, nyepi, waisak, imlek, natal or independence)");
}

DateStatus parse_date_status(std::string_view text, std::string_view field) {
  for (const auto& n : kStatusNames)
    if (n.name == text) return n.status;
  throw ValueError(std::string(field), std::string(text),
                   "unknown status (expected confirmed, unverified, estimated, approximated or fixed)");
}

HolidayCalendar HolidayCalendar::builtin() { return from_csv(detail::kBuiltinHolidayTable, "holidays-indonesia.csv (built in)"); }

HolidayCalendar HolidayCalendar::from_csv(std::string_view text, std::string file) {
  HolidayCalendar cal;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  static constexpr std::array<std::string_view, 6> kHeader{"year", "holiday", "religion", "date", "status", "note"};
  long line_no = 0;
  bool header_seen = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto fields = split_csv_line(line, file, line_no);
    if (!header_seen) {
      for (std::size_t i = 0; i < kHeader.size(); ++i)
        if (i >= fields.size() || fields[i] != kHeader[i])
          throw InputError(file, line_no, i < kHeader.size() ? std::string(kHeader[i]) : "",
                           std::string(line), "expected the header year,holiday,religion,date,status,note");
      header_seen = true;
      continue;
    }
    if (fields.size() != kHeader.size())
      throw InputError(file, line_no, "", std::string(line),
                       "expected 6 columns, found " + std::to_string(fields.size()));
    // The reason alone: the InputError states the column and the value itself.
    auto column_error = [&](std::size_t col, const ValueError& e) -> InputError {
      return InputError(file, line_no, std::string(kHeader[col]), fields[col], e.why());
    };
    Holiday h{};
    Date date;
    DateStatus status{};
    try { h = parse_holiday(fields[1], "holiday"); } catch (const ValueError& e) { throw column_error(1, e); }
    try { date = parse_date(fields[3], "date"); } catch (const ValueError& e) { throw column_error(3, e); }
    try { status = parse_date_status(fields[4], "status"); } catch (const ValueError& e) { throw column_error(4, e); }
    if (h == Holiday::Independence || h == Holiday::Natal)
      throw InputError(file, line_no, "holiday", fields[1], "a fixed day cannot be listed in the table");
    if (fields[0] != std::to_string(static_cast<int>(date.year())))
      throw InputError(file, line_no, "year", fields[0], "the year does not match the date " + fields[3]);
    if (fields[2] != religion_of(h))
      throw InputError(file, line_no, "religion", fields[2],
                       "expected " + std::string(religion_of(h)) + " for " + fields[1]);
    auto key = std::make_pair(h, static_cast<int>(date.year()));
    if (!cal.rows_.emplace(key, HolidayDate{date, status}).second)
      throw InputError(file, line_no, "holiday", fields[1], "a second row for " + fields[1] + " " + fields[0]);
  }
  if (!header_seen) throw InputError(file, 0, "", "", "empty holiday table");
  cal.reindex();
  return cal;
}

HolidayCalendar HolidayCalendar::with(Holiday h, Date date, DateStatus status) const {
  if (h == Holiday::Independence || h == Holiday::Natal)
    throw ValueError("holiday", std::string(to_string(h)), "a fixed day cannot be overridden");
  HolidayCalendar copy = *this;
  copy.rows_[{h, static_cast<int>(date.year())}] = HolidayDate{date, status};
  copy.reindex();
  return copy;
}

HolidayCalendar HolidayCalendar::overridden_by(const HolidayCalendar& overrides) const {
  HolidayCalendar copy = *this;
  for (const auto& [key, value] : overrides.rows_) copy.rows_[key] = value;
  copy.reindex();
  return copy;
}

std::optional<HolidayDate> HolidayCalendar::find(Holiday h, int year) const {
  if (auto fixed = fixed_day(h, year)) return fixed;
  if (by_year_.empty() || year < kMinYear || year > kMaxYear) return std::nullopt;
  return by_year_[year_slot(h, year)];
}

void HolidayCalendar::reindex() {
  by_year_.clear();
  if (rows_.empty()) return;
  by_year_.resize(kHolidayCount * kYears);
  for (const auto& [key, value] : rows_) by_year_[year_slot(key.first, key.second)] = value;
}

HolidayDate HolidayCalendar::lookup(Holiday h, int year) const {
  if (auto found = find(h, year)) return *found;
  throw LookupError("the holiday table has no date for " + std::string(to_string(h)) + " " + std::to_string(year));
}

HolidayDate HolidayCalendar::resolve(Holiday h, int year) const {
  if (auto found = find(h, year)) return *found;
  return HolidayDate{approximate_holiday(h, year), DateStatus::Approximated};
}

std::optional<std::pair<int, int>> HolidayCalendar::years() const {
  if (rows_.empty()) return std::nullopt;
  int lo = rows_.begin()->first.second;
  int hi = lo;
  for (const auto& [key, value] : rows_) {
    lo = std::min(lo, key.second);
    hi = std::max(hi, key.second);
  }
  return std::make_pair(lo, hi);
}

}  // namespace binaan
