#pragma once
/// \file
/// What-if questions over a whole roster: the same people projected under two policies (Engine::project_all with
/// each), compared person by person — how far each date moves and for how many people, the remission granted in
/// all, and who would be released at once, or held longer, if the alternative applied on a given day.
///
/// Pure functions of the two projections: no engine, no clock (the day is the caller's).

#include <binaan/export.hpp>
#include <binaan/rules/evaluation.hpp>
#include <binaan/time/date.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace binaan {

/// The dates of a Projection that a what-if compares, in this order.
enum class ProjectedDate : std::uint8_t { Expiry, FinalRelease, Asimilasi, Cmk, Pb, Cb, CmbStart, ParoleExpiry };
inline constexpr std::size_t kProjectedDates = 8;
/// Every ProjectedDate, in order: what a comparison counts, and how a program lists them.
inline constexpr std::array<ProjectedDate, kProjectedDates> kAllProjectedDates = {
    ProjectedDate::Expiry, ProjectedDate::FinalRelease, ProjectedDate::Asimilasi, ProjectedDate::Cmk,
    ProjectedDate::Pb,     ProjectedDate::Cb,           ProjectedDate::CmbStart,  ProjectedDate::ParoleExpiry};

/// The key of the date in case-format.md's result: "expiry", "final_release", "asimilasi", "cmk", "pb", "cb",
/// "cmb_start", "parole_expiry" (the earliest-parole scenario's expiry).
BINAAN_EXPORT std::string_view to_string(ProjectedDate d);

/// The date `d` of `pr`, or nullopt when it does not apply (a life sentence's expiry, PB never reached, …).
BINAAN_EXPORT std::optional<Date> projected_date(const Projection& pr, ProjectedDate d);

/// How one date moved over the people of two projections. Every person falls in exactly one of earlier, later,
/// unchanged (the date in both), gained, lost (in one only) or neither (in none).
struct DateShift {
  std::size_t earlier = 0;        ///< with the date in both, earlier in the alternative
  std::size_t later = 0;          ///< with the date in both, later in the alternative
  std::size_t unchanged = 0;      ///< with the same date in both
  std::size_t gained = 0;         ///< without the date in the base, with it in the alternative
  std::size_t lost = 0;           ///< with the date in the base, without it in the alternative
  std::int64_t days_earlier = 0;  ///< the days moved earlier, added over `earlier`
  std::int64_t days_later = 0;    ///< the days moved later, added over `later`
  std::int32_t most_earlier = 0;  ///< the most days one person's date moved earlier (0 when none did)
  std::int32_t most_later = 0;    ///< the most days one person's date moved later (0 when none did)
};

/// Two projections of one roster compared.
struct ProjectionComparison {
  Date as_of;                  ///< the day of due_at_once and held_longer
  std::size_t people = 0;
  std::size_t changed = 0;     ///< people with any compared date or their remission days different
  std::array<DateShift, kProjectedDates> shifts{};  ///< by ProjectedDate
  std::int64_t remission_days = 0;              ///< Projection::remission_days added over the base
  std::int64_t remission_days_alternative = 0;  ///< the same over the alternative
  /// People whose final release is on or after `as_of` in the base and before it in the alternative: released at
  /// once if the alternative applied on that day.
  std::size_t due_at_once = 0;
  /// People whose final release is before `as_of` in the base but not in the alternative (on or after it, or
  /// none): still held on that day under the alternative.
  std::size_t held_longer = 0;

  const DateShift& shift(ProjectedDate d) const { return shifts[static_cast<std::size_t>(d)]; }
};

/// Whether any compared date, or the remission days, differ between two projections of one person.
BINAAN_EXPORT bool projection_changed(const Projection& base, const Projection& alternative);

/// Compares two projections of the same roster person by person (element i of each is person i). Throws
/// ValueError naming `alternative` when the two differ in size.
BINAAN_EXPORT ProjectionComparison compare_projections(const std::vector<Projection>& base,
                                                       const std::vector<Projection>& alternative, Date as_of);

}  // namespace binaan
