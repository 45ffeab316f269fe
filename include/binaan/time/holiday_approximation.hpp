#pragma once
/// \file
/// Approximate dates of the moving holidays for years outside the decree table (rules-indonesia.md §7). Every date
/// from here is marked DateStatus::Approximated, and every result that uses one is marked estimated.

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/holiday_calendar.hpp>

namespace binaan {

/// The approximate date of a moving holiday in `year` (1900–2200). Each rule was calibrated on the 21 years of the
/// built-in table (2010–2030); the figures are exact matches out of 21 rows:
/// - Idul Fitri: 1 Syawal of the tabular (arithmetic) Islamic calendar, 30-year cycle with leap years 2, 5, 7, 10,
///   13, 16, 18, 21, 24, 26, 29 and the civil epoch (16 July 622 Julian). 15 of 21 exact; the other 6 differ by one
///   day (the decree follows sighting, which the arithmetic calendar cannot know). In the rare Gregorian year with
///   two 1 Syawal (2000, 2033, …) the earlier one is returned.
/// - Imlek: the new moon day (China time, UTC+8) that begins the Chinese year — two lunations after the one holding
///   the winter solstice, three when a leap month intervenes; always 21 January – 20 February. 21 of 21.
/// - Nyepi: the day after tilem kesanga, taken from the mean new moon (the Balinese calendar is arithmetic) nearest
///   mid-March, in Western Indonesia Time (UTC+7). 21 of 21.
/// - Waisak: the full moon day (UTC+7) of the 4th Chinese month (the lunation holding Xiaoman, solar longitude 60°);
///   always about 6 May – 5 June. 21 of 21.
/// New and full moons follow Meeus, Astronomical Algorithms ch. 49 (with the planetary terms), the Sun ch. 25 and
/// 27; ΔT from the Espenak–Meeus polynomials. The source file documents each rule and its calibration.
/// Pure and deterministic. Throws ValueError for Holiday::Independence or Holiday::Natal (fixed days; use
/// HolidayCalendar::find) and for years outside 1900–2200.
BINAAN_EXPORT Date approximate_holiday(Holiday h, int year);

}  // namespace binaan
