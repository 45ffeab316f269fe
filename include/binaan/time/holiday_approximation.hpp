#pragma once
/// \file
/// Approximate dates of the moving holidays for years outside the decree table (rules-indonesia.md §7). Every date
/// from here is marked DateStatus::Approximated, and every result that uses one is marked estimated.

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/holiday_calendar.hpp>

namespace binaan {

/// The approximate date of a moving holiday in `year` (1900–2200):
/// - Idul Fitri: 1 Syawal of the tabular (arithmetic) Islamic calendar;
/// - Imlek, Nyepi, Waisak: from the mean lunation with the main periodic terms (Meeus, Astronomical Algorithms
///   ch. 49), in Western Indonesia / China time.
/// Throws ValueError for Holiday::Independence or Holiday::Natal (fixed days) and for years outside 1900–2200.
BINAAN_EXPORT Date approximate_holiday(Holiday h, int year);

}  // namespace binaan
