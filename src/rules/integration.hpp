#pragma once
// Internal: integration programmes (rules-indonesia.md §5, §6): milestones, subsider shift, parole scenario, PB path.

#include "rules/remission.hpp"
#include "rules/subject.hpp"

#include <binaan/rules/evaluation.hpp>

namespace binaan::detail {

/// The milestones of §5–§6 after the timeline `tl`, decided straight into the result `out` (an Evaluation or a
/// Projection: its half_day, two_thirds_day, milestones, subsider_days, final_release and parole_scenario), which
/// must be as made (every one of those empty); an Evaluation's pb_path too (a Projection has no path to PB, the only
/// part that allocates, and its instantiation has no code for it).
///
/// Into the result itself: no intermediate with the same fields to copy across (its copy read back, eight bytes at a
/// time, dates and flags just written in smaller pieces; removing it saved instructions, no cycles this machine's
/// noise let us see).
template <typename Result>
void integrate(const Subject& s, const Timeline& tl, Result& out);

extern template void integrate<Evaluation>(const Subject&, const Timeline&, Evaluation&);
extern template void integrate<Projection>(const Subject&, const Timeline&, Projection&);

}  // namespace binaan::detail
