// Fuzz target: a holiday table (HolidayCalendar::from_csv). Bad input ends in an InputError; a table that is read
// answers every lookup of its years consistently, alone and laid over the built-in table.

#include "fuzz_support.hpp"

#include <binaan/time/holiday_calendar.hpp>

#include <algorithm>
#include <optional>

namespace {

using namespace binaan;

constexpr Holiday kHolidays[] = {Holiday::Independence, Holiday::Natal, Holiday::IdulFitri,
                                 Holiday::Nyepi,        Holiday::Waisak, Holiday::Imlek};

void check_year(const HolidayCalendar& cal, Holiday h, int year) {
  const std::optional<HolidayDate> found = cal.find(h, year);
  if (found) {
    fuzz::check(found->date.year() == year, "a holiday's date is not in its year");
    const HolidayDate looked = cal.lookup(h, year);
    fuzz::check(looked.date == found->date && looked.status == found->status, "lookup() != find()");
  } else {
    try {
      cal.lookup(h, year);
      fuzz::check(false, "lookup() found what find() did not");
    } catch (const LookupError&) {
    }
  }
  const HolidayDate resolved = cal.resolve(h, year);
  fuzz::check(resolved.date.year() == year, "resolve() gave a date outside the year");
  fuzz::check(!found || resolved.date == found->date, "resolve() ignores the table");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::optional<HolidayCalendar> cal;
  try {
    cal = HolidayCalendar::from_csv(fuzz::as_text(data, size), "fuzz-holidays.csv");
  } catch (const InputError&) {
    return 0;
  }
  const auto years = cal->years();
  fuzz::check(years.has_value() == (cal->size() > 0), "years() disagrees with size()");
  if (!years) return 0;
  fuzz::check(years->first <= years->second, "years() is not an ordered range");
  const HolidayCalendar over = HolidayCalendar::builtin().overridden_by(*cal);
  fuzz::check(over.size() >= cal->size() && over.size() <= cal->size() + HolidayCalendar::builtin().size(),
              "overridden_by() lost or invented rows");
  // A table may span centuries; a few of its years are enough.
  const int last = std::min(years->second, years->first + 8);
  for (int year = years->first; year <= last; ++year) {
    for (Holiday h : kHolidays) {
      check_year(*cal, h, year);
      check_year(over, h, year);
      const auto mine = cal->find(h, year);
      fuzz::check(!mine || over.find(h, year)->date == mine->date, "overridden_by() did not take the new row");
    }
  }
  return 0;
}
