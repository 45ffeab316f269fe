#include <binaan/time/holiday_approximation.hpp>

#include <binaan/error.hpp>

#include <cmath>
#include <cstdint>
#include <string>

// The moving holidays beyond the decree table (rules-indonesia.md §7). Each rule below was calibrated on the 84 rows
// of data/holidays-indonesia.csv (2010–2030); the figures in the comments are exact matches / rows, measured with this
// code (tests/unit/time/holiday_approximation_test.cpp pins them).
//
// Time scales: the lunar and solar formulas give instants in Terrestrial Time (JDE); they are brought to Universal
// Time with ΔT, then to a local calendar day with the zone's offset. Instants are Julian Dates (days from noon,
// 1 January 4713 BC); days are Julian Day Numbers (JDN: the integer Julian Date of that day's noon).

namespace binaan {

namespace {

using DayNumber = std::int64_t;

constexpr double kPi = 3.14159265358979323846;
constexpr double kJ2000 = 2451545.0;         // 2000-01-01 12:00 TT
constexpr DayNumber kJdn20000101 = 2451545;  // JDN of 2000-01-01

constexpr double kWib = 7.0;    // Western Indonesia Time (WIB), UTC+7: the decree's time for Nyepi and Waisak
constexpr double kChina = 8.0;  // China Standard Time, UTC+8: the Chinese calendar's reference meridian (120° E)

double sin_deg(double degrees) { return std::sin(degrees * kPi / 180.0); }

double normalize_deg(double degrees) {
  double r = std::fmod(degrees, 360.0);
  return r < 0 ? r + 360.0 : r;
}

/// The JDN of a proleptic Gregorian date (Fliegel & Van Flandern 1968); unlike make_date() it accepts 1899, which the
/// Chinese New Year of 1900 needs (its winter solstice).
DayNumber day_number(int year, int month, int day) {
  DayNumber a = (14 - month) / 12;
  DayNumber y = year + 4800 - a;
  DayNumber m = month + 12 * a - 3;
  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

Date date_of(DayNumber jdn) { return add_days(make_date(2000, 1, 1), static_cast<std::int32_t>(jdn - kJdn20000101)); }

/// The calendar day (JDN) that contains the instant `jd_ut` (UT) in the zone UTC + `offset_hours`.
DayNumber local_day(double jd_ut, double offset_hours) {
  return static_cast<DayNumber>(std::floor(jd_ut + 0.5 + offset_hours / 24.0));
}

// ΔT = TT − UT in seconds: the polynomials of Espenak & Meeus, "Five Millennium Canon of Solar Eclipses" (NASA
// TP-2006-214141), as published on eclipse.gsfc.nasa.gov/SEhelp/deltatpoly2004.html. The observed ΔT differs from
// them by a few seconds up to now and may by minutes by 2200, which moves a date only when a phase falls that close
// to midnight.
double delta_t_seconds(double year) {
  if (year < 1920) {
    double t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
  }
  if (year < 1941) {
    double t = year - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (year < 1961) {
    double t = year - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (year < 1986) {
    double t = year - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (year < 2005) {
    double t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t +
           0.00002373599 * t * t * t * t * t;
  }
  if (year < 2050) {
    double t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  double u = (year - 1820) / 100;
  if (year < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - year);
  return -20 + 32 * u * u;
}

double tt_to_ut(double jde) { return jde - delta_t_seconds(2000.0 + (jde - kJ2000) / 365.25) / 86400.0; }

// --- Moon: Meeus, Astronomical Algorithms (2nd ed. 1998), chapter 49 ----------------------------------------------
// Lunation k = 0 is the new moon of 2000-01-06; k + 0.5 is the following full moon.

constexpr double kMeanNewMoon2000 = 2451550.09766;
constexpr double kSynodicMonth = 29.530588861;

/// Eq. 49.1: the mean phase (JDE) of lunation `k`.
double mean_phase_jde(double k) {
  double t = k / 1236.85;
  return kMeanNewMoon2000 + kSynodicMonth * k + t * t * (0.00015437 + t * (-0.000000150 + t * 0.00000000073));
}

enum class Phase { New, Full };

/// The true new or full moon (JDE) of lunation `k` (an integer): eq. 49.1 with the periodic terms of both tables of
/// p. 351 and the 14 planetary terms of p. 352 (Meeus gives the result within a few seconds of ELP-2000/82).
double true_phase_jde(double k, Phase phase) {
  if (phase == Phase::Full) k += 0.5;
  double t = k / 1236.85;
  double t2 = t * t;
  double t3 = t2 * t;
  double t4 = t3 * t;
  double e = 1 - 0.002516 * t - 0.0000074 * t2;                                              // eq. 47.6
  double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;                    // Sun's mean anomaly
  double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;  // Moon's
  double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;  // arg. of latitude
  double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;               // ascending node

  // The seven largest terms differ between new and full moon; the rest are shared.
  double c = phase == Phase::New
                 ? -0.40720 * sin_deg(mp) + 0.17241 * e * sin_deg(m) + 0.01608 * sin_deg(2 * mp) +
                       0.01039 * sin_deg(2 * f) + 0.00739 * e * sin_deg(mp - m) - 0.00514 * e * sin_deg(mp + m) +
                       0.00208 * e * e * sin_deg(2 * m)
                 : -0.40614 * sin_deg(mp) + 0.17302 * e * sin_deg(m) + 0.01614 * sin_deg(2 * mp) +
                       0.01043 * sin_deg(2 * f) + 0.00734 * e * sin_deg(mp - m) - 0.00515 * e * sin_deg(mp + m) +
                       0.00209 * e * e * sin_deg(2 * m);
  c += -0.00111 * sin_deg(mp - 2 * f) - 0.00057 * sin_deg(mp + 2 * f) + 0.00056 * e * sin_deg(2 * mp + m) -
       0.00042 * sin_deg(3 * mp) + 0.00042 * e * sin_deg(m + 2 * f) + 0.00038 * e * sin_deg(m - 2 * f) -
       0.00024 * e * sin_deg(2 * mp - m) - 0.00017 * sin_deg(omega) - 0.00007 * sin_deg(mp + 2 * m) +
       0.00004 * sin_deg(2 * mp - 2 * f) + 0.00004 * sin_deg(3 * m) + 0.00003 * sin_deg(mp + m - 2 * f) +
       0.00003 * sin_deg(2 * mp + 2 * f) - 0.00003 * sin_deg(mp + m + 2 * f) + 0.00003 * sin_deg(mp - m + 2 * f) -
       0.00002 * sin_deg(mp - m - 2 * f) - 0.00002 * sin_deg(3 * mp + m) + 0.00002 * sin_deg(4 * mp);

  struct PlanetaryTerm {
    double amplitude, phase, rate;
  };
  static constexpr PlanetaryTerm kPlanetary[14] = {
      {0.000325, 299.77, 0.107408}, {0.000165, 251.88, 0.016321}, {0.000164, 251.83, 26.651886},
      {0.000126, 349.42, 36.412478}, {0.000110, 84.66, 18.206239}, {0.000062, 141.74, 53.303771},
      {0.000060, 207.14, 2.453732},  {0.000056, 154.84, 7.306860}, {0.000047, 34.52, 27.261239},
      {0.000042, 207.19, 0.121824},  {0.000040, 291.34, 1.844379}, {0.000037, 161.72, 24.198154},
      {0.000035, 239.56, 25.513099}, {0.000023, 331.55, 3.592518}};
  for (const auto& term : kPlanetary) {
    double argument = term.phase + term.rate * k;
    if (&term == &kPlanetary[0]) argument -= 0.009173 * t2;  // A1 alone has a T² term
    c += term.amplitude * sin_deg(argument);
  }
  return mean_phase_jde(k) + c;
}

/// The lunation whose mean new moon is nearest to the instant `jd`.
double lunation_near(double jd) { return std::round((jd - kMeanNewMoon2000) / kSynodicMonth); }

/// The local day of the true new moon of lunation `k`.
DayNumber new_moon_day(double k, double offset_hours) {
  return local_day(tt_to_ut(true_phase_jde(k, Phase::New)), offset_hours);
}

// --- Sun: Meeus ch. 25 (low accuracy, 0.01°) and ch. 27 (solving for a given longitude) ---------------------------

/// The Sun's apparent longitude in degrees at the instant `jde` (eqs. 25.2–25.4 with the aberration and nutation
/// correction of p. 164).
double sun_apparent_longitude(double jde) {
  double t = (jde - kJ2000) / 36525.0;
  double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin_deg(m) + (0.019993 - 0.000101 * t) * sin_deg(2 * m) +
             0.000289 * sin_deg(3 * m);
  double omega = 125.04 - 1934.136 * t;
  return normalize_deg(l0 + c - 0.00569 - 0.00478 * sin_deg(omega));
}

/// The instant (JDE) near `guess` when the Sun's apparent longitude is `target` degrees; the correction step of
/// Meeus p. 180 (58 days per unit of sin Δλ), repeated until it moves less than a second.
double sun_reaches(double target, double guess) {
  double jde = guess;
  for (int i = 0; i < 20; ++i) {
    double step = 58.0 * sin_deg(target - sun_apparent_longitude(jde));
    jde += step;
    if (std::fabs(step) < 1e-5) break;
  }
  return jde;
}

/// The lunation (new moon to new moon, in China days) that contains `day`.
double lunation_containing(DayNumber day, double offset_hours) {
  double k = lunation_near(static_cast<double>(day));
  while (new_moon_day(k, offset_hours) > day) k -= 1;
  while (new_moon_day(k + 1, offset_hours) <= day) k += 1;
  return k;
}

// --- The holidays ---------------------------------------------------------------------------------------------------

// Idul Fitri = 1 Syawal (month 10) of the tabular Islamic calendar: months of 30 and 29 days alternating, Dhu al-Hijja
// 30 days in the leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle (the usual "type II"
// intercalation, ⌊(3 + 11·y) / 30⌋; Reingold & Dershowitz, Calendrical Calculations, ch. 6), counted from the civil
// epoch 1 Muharram 1 AH = Friday 16 July 622 Julian (JD 1948439.5).
// Measured on the table: the civil epoch with no offset matches 15 of 21 rows; in 5 rows (2014–2017, 2022) Indonesia
// kept 1 Syawal a day before the tabular date and in 1 (2026) a day after, so every row is within a day. The
// astronomical epoch (15 July 622) matches 5 rows, and the civil epoch + 1 day (the guess "Indonesia is a day late")
// only 1.
DayNumber tabular_islamic_day(std::int64_t year, int month, int day) {
  constexpr DayNumber kCivilEpoch = 1948440;  // JDN of 16 July 622 (Julian)
  return kCivilEpoch - 1 + (year - 1) * 354 + (3 + 11 * year) / 30 + 29 * (month - 1) + month / 2 + day;
}

// A Gregorian year holds two 1 Syawal about every 32½ years (1968, 2000, 2033, 2065, …). The earlier one is returned
// and the later one belongs to no year, since the table and this function hold one date per holiday and year;
// whether both are remission days is an open question for rules-indonesia.md §3 ("one RK a year").
DayNumber idul_fitri(int year) {
  // The AH year that begins near the start of `year`, give or take two.
  std::int64_t ah = static_cast<std::int64_t>((year - 622) * 33 / 32);
  DayNumber first = day_number(year, 1, 1);
  DayNumber last = day_number(year, 12, 31);
  for (std::int64_t y = ah - 2; y <= ah + 3; ++y) {
    DayNumber d = tabular_islamic_day(y, 10, 1);
    if (d >= first && d <= last) return d;
  }
  throw LookupError("no tabular 1 Syawal in " + std::to_string(year));  // unreachable: every year has one
}

// Imlek = 1st day of the 1st month of the Chinese calendar, reckoned in China time (UTC+8): the 11th month is the
// lunation that contains the winter solstice (solar longitude 270°), and the New Year begins two lunations later —
// or three when a leap month intervenes, which shows as a date before 21 January (as in 2033–34). It therefore always
// falls between 21 January and 20 February. Matches 21 of 21 table rows. The plain rule "the new moon day between
// 21 January and 20 February" is ambiguous in 14 years of 1900–2200, where two new moons fall in that window (1985:
// 21 January and 20 February); the solstice settles them (1985: 20 February).
DayNumber imlek(int year) {
  DayNumber jan21 = day_number(year, 1, 21);
  double solstice = tt_to_ut(sun_reaches(270.0, static_cast<double>(day_number(year - 1, 12, 21))));
  double month11 = lunation_containing(local_day(solstice, kChina), kChina);
  DayNumber new_year = new_moon_day(month11 + 2, kChina);
  if (new_year < jan21) new_year = new_moon_day(month11 + 3, kChina);
  return new_year;
}

// Nyepi = 1 Kedasa, the day after tilem kesanga (the new moon ending the 9th Balinese month). The Balinese tilem is
// reckoned arithmetically (pangalantaka, which drops a lunar day every 63 days), and the table bears out that it
// follows the mean moon rather than the true one: the day after the true new moon (WIB) matches only 7 of 21 rows
// (Nyepi fell on the day of the true new moon in 2016 and 2025), the same construction from the mean new moon
// (Meeus eq. 49.1) matches all 21. Calibration on the table:
// - the tilem day is the WIB day of (mean new moon − 11.5 h); every shift between 10.4 h and 12.8 h matches all rows,
//   11.5 h is the middle;
// - kesanga is the lunation whose mean new moon is nearest to 17 March 00:00 UT; the rows (tilem from 2 March in
//   2022 to 30 March in 2014) admit centres from about 16 March 06:00 to 17 March 12:00 UT only.
// The Balinese calendar's leap months (nampih sasih) follow their own cycle; beyond the table the month may be off
// by one lunation in a year where the tilem falls at the very start or end of March.
DayNumber nyepi(int year) {
  constexpr double kTilemShiftHours = -11.5;
  double centre = static_cast<double>(day_number(year, 3, 17)) - 0.5;  // 17 March 00:00 UT
  double k = lunation_near(centre);
  double mean_new_moon = tt_to_ut(mean_phase_jde(k));
  DayNumber tilem = local_day(mean_new_moon, kWib + kTilemShiftHours);
  return tilem + 1;
}

// Waisak = the day (WIB) of the full moon of the 4th month of the Chinese lunisolar calendar: the lunation (China
// days) that contains the principal term Xiaoman, solar longitude 60°, about 21 May. This is what makes 2023 fall on
// 4 June (the May full moon came before Xiaoman's lunation) while 2012 fell on 6 May. Matches 21 of 21 table rows;
// "the first full moon (WIB) in May" matches 18 of 21 (it misses 2015, 2023 and 2026 by a lunation).
DayNumber waisak(int year) {
  double xiaoman = tt_to_ut(sun_reaches(60.0, static_cast<double>(day_number(year, 5, 21))));
  double month4 = lunation_containing(local_day(xiaoman, kChina), kChina);
  return local_day(tt_to_ut(true_phase_jde(month4, Phase::Full)), kWib);
}

}  // namespace

Date approximate_holiday(Holiday h, int year) {
  if (year < kMinYear || year > kMaxYear)
    throw ValueError("year", std::to_string(year), "the holiday approximation covers the years 1900 to 2200");
  switch (h) {
    case Holiday::IdulFitri: return date_of(idul_fitri(year));
    case Holiday::Imlek: return date_of(imlek(year));
    case Holiday::Nyepi: return date_of(nyepi(year));
    case Holiday::Waisak: return date_of(waisak(year));
    case Holiday::Independence:
    case Holiday::Natal: break;
  }
  throw ValueError("holiday", std::string(to_string(h)),
                   "a fixed day (17 August or 25 December) has no approximation; use HolidayCalendar::find");
}

}  // namespace binaan
