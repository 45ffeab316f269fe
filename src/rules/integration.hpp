#pragma once
// Internal: integration programmes (rules-indonesia.md §5, §6): milestones, subsider shift, parole scenario, PB path.

#include "rules/remission.hpp"
#include "rules/subject.hpp"

namespace binaan::detail {

struct Integration {
  Milestones milestones;
  std::optional<ParoleScenario> parole;
  std::optional<PbPath> pb_path;
  std::optional<Date> final_release;
  std::int32_t subsider_days = 0;
  std::optional<Date> half_day;
  std::optional<Date> two_thirds_day;
};

/// The milestones of §5–§6 after the timeline `tl`; the path to PB only `with_pb_path` (an Evaluation shows it, a
/// Projection does not, and it is the only part that allocates).
Integration integrate(const Subject& s, const Timeline& tl, bool with_pb_path);

}  // namespace binaan::detail
