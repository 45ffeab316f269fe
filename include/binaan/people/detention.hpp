#pragma once
/// \file
/// Detention periods and the sentence start they give (KUHAP Art. 22(4); Keppres 174/1999 Art. 7(3)).

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace binaan {

/// One period in custody, `[from, to)`; `to` absent while it continues.
struct DetentionPeriod {
  Date from;
  std::optional<Date> to;  ///< exclusive
};

/// The periods of one sentence, oldest first, non-overlapping, only the last open. Construction validates.
class BINAAN_EXPORT DetentionHistory {
public:
  /// Throws ValueError naming `detention[i].from` / `detention[i].to` when empty, unordered, overlapping, an
  /// earlier period is open, or a period ends on or before it starts.
  explicit DetentionHistory(std::vector<DetentionPeriod> periods);

  const std::vector<DetentionPeriod>& periods() const noexcept { return periods_; }

  /// First day of the last, continuing period: the day from which "time served" for the remission thresholds is
  /// counted (Keppres 174/1999 Art. 7(3)).
  Date last_start() const noexcept { return periods_.back().from; }

  /// Days in custody before the last period: Σ (to − from) of the earlier periods.
  std::int32_t earlier_days() const noexcept;

  /// The sentence start: `last_start() − earlier_days()` (KUHAP Art. 22(4): detention is deducted in full; §2).
  Date sentence_start() const noexcept;

private:
  std::vector<DetentionPeriod> periods_;
};

}  // namespace binaan
