#pragma once
/// \file
/// The evidence of programme participation that the rules engine reads for "active participation" / "predikat
/// baik" (rules-indonesia.md §4) and for pemuka status (remisi tambahan, §3). Nothing here turns hours into
/// remission days: no regulation does (§8).

#include <binaan/export.hpp>
#include <binaan/people/facts.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/term.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace binaan {

class Programmes;

/// A period serving as pemuka (trustee) in a workshop or in pembinaan generally (empty workshop_id).
struct PemukaPeriod {
  std::string inmate_id;
  std::string workshop_id;
  DaySpan span;  ///< inclusive
};

/// One inmate's participation over [from, to] (inclusive), counted over the sessions of every workshop held while
/// the inmate was enrolled in it.
struct ParticipationSummary {
  std::string inmate_id;
  Date from;
  Date to;
  int scheduled = 0;   ///< sessions while enrolled, cancelled ones included
  int attended = 0;
  int sick = 0;
  int excused = 0;
  int refused = 0;
  int absent = 0;      ///< recorded as absent without reason
  int unrecorded = 0;  ///< no attendance recorded: counted as not attended
  int cancelled = 0;
  std::int64_t hours = 0;                 ///< hours attended
  std::vector<std::string> certificates;  ///< ids of certificates dated in the period
  std::vector<DaySpan> pemuka;            ///< pemuka periods clipped to the period

  /// Sessions the inmate was expected at: scheduled − cancelled − sick − excused (legitimate absences do not count
  /// against the inmate; refusals, absences and unrecorded sessions do).
  int expected() const noexcept { return scheduled - cancelled - sick - excused; }
  /// attended / expected as an exact fraction; 0/1 when nothing was expected.
  Fraction attendance_rate() const noexcept {
    return expected() > 0 ? Fraction{attended, expected()} : Fraction{0, 1};
  }
  /// Days as pemuka within the period.
  std::int32_t pemuka_days() const {
    std::int32_t days = 0;
    for (const DaySpan& s : pemuka) days += days_between(s.from, s.to) + 1;
    return days;
  }
};

/// Summarises one inmate's participation. Throws ValueError when from > to.
BINAAN_EXPORT ParticipationSummary summarise_participation(const Programmes& programmes, const std::string& inmate_id,
                                                           Date from, Date to);

/// The threshold for "active participation". No regulation fixes a number: these defaults are an assumption and a
/// policy parameter — at least `min_sessions` (and at least one) expected sessions in the period and
/// attended/expected ≥ min_rate.
struct ParticipationPolicy {
  Fraction min_rate{3, 4};
  int min_sessions = 8;
};

/// expected() ≥ max(1, min_sessions) and attended × min_rate.denominator ≥ min_rate.numerator × expected().
BINAAN_EXPORT bool shows_active_participation(const ParticipationSummary& summary, const ParticipationPolicy& policy);

/// What the programme record says about participation over one period: the evidence the rules engine reads for
/// "active participation" and "predikat baik" (rules-indonesia.md §4). No hours become remission days (§8).
struct ParticipationEvidence {
  Date from;  ///< inclusive
  Date to;    ///< inclusive
  bool active = false;  ///< shows_active_participation over the period
  int expected = 0;
  int attended = 0;
};

/// The inmate's participation evidence by calendar quarter: one entry for every quarter in which at least one session
/// was held while the inmate was enrolled, in date order. Empty for an inmate never enrolled.
BINAAN_EXPORT std::vector<ParticipationEvidence> participation_evidence(const Programmes& programmes,
                                                                      const std::string& inmate_id,
                                                                      const ParticipationPolicy& policy = {});

}  // namespace binaan
