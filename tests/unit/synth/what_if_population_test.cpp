// A what-if over the synthetic national population (tools/synth; include/binaan/rules/what_if.hpp): what a
// change of policy must and must not do to 20,000 people, and that the comparison's counts add up person by person.
#include <binaan/rules/engine.hpp>
#include <binaan/rules/what_if.hpp>
#include <binaan/synth/population.hpp>

#include <gtest/gtest.h>

#include <vector>

using namespace binaan;

namespace {

const std::vector<Case>& people() {
  static const std::vector<Case> p = synth::generate_population(20'000, 20260817, 2);
  return p;
}

std::vector<Projection> project(const Policy& policy) {
  return Engine(policy, HolidayCalendar::builtin()).project_all(people(), 2);
}

}  // namespace

TEST(WhatIfPopulation, ALowerMinimumServedNeverKeepsAnyoneLonger) {
  // PP 99/2012 Art. 34(2)(b): more than 180 days served on the grant day. With 90, every grant of the policy is
  // still granted (more days served than needed), on the same ladder step or a later one: nobody's expiry or final
  // release comes later, and nobody receives fewer days.
  const Policy base = default_policy();
  Policy lower = base;
  lower.min_served_days = 90;
  const std::vector<Projection> a = project(base);
  const std::vector<Projection> b = project(lower);
  const ProjectionComparison c = compare_projections(a, b, make_date(2026, 12, 2));
  EXPECT_EQ(c.shift(ProjectedDate::Expiry).later, 0u);
  EXPECT_EQ(c.shift(ProjectedDate::FinalRelease).later, 0u);
  EXPECT_EQ(c.held_longer, 0u);
  for (std::size_t i = 0; i < a.size(); ++i)
    ASSERT_GE(b[i].remission_days, a[i].remission_days) << people()[i].person().id();
  // And it matters: thousands move earlier, and some of those in custody now would be out at once.
  EXPECT_GT(c.shift(ProjectedDate::Expiry).earlier, 1'000u);
  EXPECT_GT(c.due_at_once, 10u);
  EXPECT_GT(c.remission_days_alternative, c.remission_days);
}

TEST(WhatIfPopulation, CountsAddUpPersonByPerson) {
  Policy anniversaries = default_policy();
  anniversaries.ladder_index = LadderIndex::Anniversaries;
  const std::vector<Projection> a = project(default_policy());
  const std::vector<Projection> b = project(anniversaries);
  const ProjectionComparison c = compare_projections(a, b, make_date(2026, 12, 2));
  ASSERT_EQ(c.people, people().size());
  std::size_t changed = 0;
  for (std::size_t i = 0; i < a.size(); ++i) changed += projection_changed(a[i], b[i]) ? 1u : 0u;
  EXPECT_EQ(c.changed, changed);
  EXPECT_GT(changed, 0u);
  for (ProjectedDate d : kAllProjectedDates) {
    std::size_t earlier = 0, later = 0, same = 0, gained = 0, lost = 0, neither = 0;
    std::int64_t days_earlier = 0, days_later = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const auto x = projected_date(a[i], d);
      const auto y = projected_date(b[i], d);
      if (!x && !y) ++neither;
      else if (!x) ++gained;
      else if (!y) ++lost;
      else if (*y < *x) ++earlier, days_earlier += days_between(*y, *x);
      else if (*x < *y) ++later, days_later += days_between(*x, *y);
      else ++same;
    }
    const DateShift& s = c.shift(d);
    EXPECT_EQ(s.earlier, earlier) << to_string(d);
    EXPECT_EQ(s.later, later) << to_string(d);
    EXPECT_EQ(s.unchanged, same) << to_string(d);
    EXPECT_EQ(s.gained, gained) << to_string(d);
    EXPECT_EQ(s.lost, lost) << to_string(d);
    EXPECT_EQ(s.days_earlier, days_earlier) << to_string(d);
    EXPECT_EQ(s.days_later, days_later) << to_string(d);
    EXPECT_EQ(s.earlier + s.later + s.unchanged + s.gained + s.lost + neither, people().size()) << to_string(d);
  }
}
