// What-if comparisons (include/binaan/rules/what_if.hpp): the counting on projections made by hand, and the engine's
// projections of the grant-day roster (tests/data/rosters, built from the golden cases) under two policies.
#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/rules/what_if.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace binaan;

namespace {

Date day(const char* text) { return parse_date(text); }

Projection with_release(const char* expiry, const char* final_release) {
  Projection p;
  if (expiry) p.expiry = day(expiry);
  if (final_release) p.final_release = day(final_release);
  return p;
}

std::vector<Case> grant_day_roster() {
  const std::string file = std::string(BINAAN_SOURCE_DIR) + "/tests/data/rosters/grant-day-2019-08-17.jsonl";
  return read_roster_jsonl(read_file_text(file), file);
}

std::size_t index_of(const std::vector<Case>& roster, const std::string& id) {
  for (std::size_t i = 0; i < roster.size(); ++i)
    if (roster[i].person().id() == id) return i;
  ADD_FAILURE() << "no " << id << " in the roster";
  return 0;
}

}  // namespace

TEST(WhatIf, NamesAndDatesOfEveryComparedDate) {
  Projection p;
  p.expiry = day("2030-01-02");
  p.final_release = day("2030-03-04");
  p.milestones.asimilasi = day("2027-01-01");
  p.milestones.cmk = day("2027-01-02");
  p.milestones.pb = day("2028-01-03");
  p.milestones.cb = day("2029-01-04");
  p.milestones.cmb_start = day("2029-06-05");
  p.parole_scenario = ParoleScenario{day("2028-01-03"), day("2030-05-06"), day("2031-05-06")};
  const std::vector<std::pair<ProjectedDate, const char*>> expected = {
      {ProjectedDate::Expiry, "2030-01-02"},    {ProjectedDate::FinalRelease, "2030-03-04"},
      {ProjectedDate::Asimilasi, "2027-01-01"}, {ProjectedDate::Cmk, "2027-01-02"},
      {ProjectedDate::Pb, "2028-01-03"},        {ProjectedDate::Cb, "2029-01-04"},
      {ProjectedDate::CmbStart, "2029-06-05"},  {ProjectedDate::ParoleExpiry, "2030-05-06"}};
  const char* names[] = {"expiry", "final_release", "asimilasi", "cmk", "pb", "cb", "cmb_start", "parole_expiry"};
  ASSERT_EQ(expected.size(), kProjectedDates);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(kAllProjectedDates[i], expected[i].first);
    EXPECT_EQ(to_string(expected[i].first), names[i]);
    EXPECT_EQ(format_date(*projected_date(p, expected[i].first)), expected[i].second) << names[i];
    EXPECT_FALSE(projected_date(Projection{}, expected[i].first)) << names[i];
  }
}

TEST(WhatIf, CountsEachPersonOnceForEachDate) {
  // Expiry: earlier by 10, earlier by 30, later by 5, unchanged, gained, lost, and absent in both.
  const std::vector<Projection> base = {
      with_release("2025-01-11", "2025-01-11"), with_release("2025-01-31", "2025-02-28"),
      with_release("2025-01-01", "2025-01-01"), with_release("2025-06-01", "2025-06-01"),
      with_release(nullptr, nullptr),           with_release("2025-01-01", "2025-01-01"),
      with_release(nullptr, nullptr)};
  const std::vector<Projection> alternative = {
      with_release("2025-01-01", "2025-01-01"), with_release("2025-01-01", "2025-01-29"),
      with_release("2025-01-06", "2025-01-06"), with_release("2025-06-01", "2025-06-01"),
      with_release("2026-01-01", "2026-01-01"), with_release(nullptr, nullptr),
      with_release(nullptr, nullptr)};
  const ProjectionComparison c = compare_projections(base, alternative, day("2025-03-01"));
  EXPECT_EQ(format_date(c.as_of), "2025-03-01");
  EXPECT_EQ(c.people, 7u);
  EXPECT_EQ(c.changed, 5u);  // all but the unchanged and the absent
  const DateShift& e = c.shift(ProjectedDate::Expiry);
  EXPECT_EQ(e.earlier, 2u);
  EXPECT_EQ(e.days_earlier, 40);
  EXPECT_EQ(e.most_earlier, 30);
  EXPECT_EQ(e.later, 1u);
  EXPECT_EQ(e.days_later, 5);
  EXPECT_EQ(e.most_later, 5);
  EXPECT_EQ(e.unchanged, 1u);
  EXPECT_EQ(e.gained, 1u);
  EXPECT_EQ(e.lost, 1u);
  const DateShift& f = c.shift(ProjectedDate::FinalRelease);
  EXPECT_EQ(f.earlier, 2u);
  EXPECT_EQ(f.days_earlier, 10 + 30);
  // No PB in any: nothing counted for it.
  const DateShift& pb = c.shift(ProjectedDate::Pb);
  EXPECT_EQ(pb.earlier + pb.later + pb.unchanged + pb.gained + pb.lost, 0u);
  // On 1 March 2025 nobody is released at once (the fourth stays until June in both, the fifth gains a release in
  // 2026); the sixth, out in January under the policy, has no release under the alternative: held longer.
  EXPECT_EQ(c.due_at_once, 0u);
  EXPECT_EQ(c.held_longer, 1u);
}

TEST(WhatIf, ReleasedAtOnceAndHeldLongerOnTheAsOfDay) {
  const std::vector<Projection> base = {
      with_release("2025-03-01", "2025-03-01"),  // in custody on the day (released that day), out before it
      with_release("2025-04-01", "2025-04-01"),  // in custody, still in custody
      with_release("2025-02-28", "2025-02-28"),  // out the day before, then on the day itself: held longer
      with_release("2025-02-01", "2025-02-01"),  // out, then no release at all (life): held longer
      with_release(nullptr, nullptr),            // no release, then out: released at once? no: none in the base
  };
  const std::vector<Projection> alternative = {
      with_release("2025-02-28", "2025-02-28"), with_release("2025-03-15", "2025-03-15"),
      with_release("2025-03-01", "2025-03-01"), with_release(nullptr, nullptr),
      with_release("2025-01-01", "2025-01-01")};
  const ProjectionComparison c = compare_projections(base, alternative, day("2025-03-01"));
  EXPECT_EQ(c.due_at_once, 1u);
  EXPECT_EQ(c.held_longer, 2u);
}

TEST(WhatIf, RemissionDaysAloneMakeAChange) {
  Projection a = with_release("2025-01-01", "2025-01-01");
  Projection b = a;
  EXPECT_FALSE(projection_changed(a, b));
  b.remission_days = 30;
  EXPECT_TRUE(projection_changed(a, b));
  const ProjectionComparison c = compare_projections({a}, {b}, day("2020-01-01"));
  EXPECT_EQ(c.changed, 1u);
  EXPECT_EQ(c.remission_days, 0);
  EXPECT_EQ(c.remission_days_alternative, 30);
  b.remission_days = 0;
  b.milestones.cmb_start = day("2024-12-01");
  EXPECT_TRUE(projection_changed(a, b));
}

TEST(WhatIf, ProjectionsOfAnotherRosterAreRefused) {
  try {
    compare_projections(std::vector<Projection>(3), std::vector<Projection>(2), day("2020-01-01"));
    FAIL() << "no error";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "alternative");
    EXPECT_EQ(e.value(), "2 projections");
    EXPECT_NE(std::string(e.what()).find("the base has 3"), std::string::npos) << e.what();
  }
}

TEST(WhatIf, TheSamePolicyChangesNothing) {
  const std::vector<Case> roster = grant_day_roster();
  const Engine engine;
  const std::vector<Projection> a = engine.project_all(roster, 1);
  const ProjectionComparison c = compare_projections(a, engine.project_all(roster, 2), day("2019-08-17"));
  EXPECT_EQ(c.people, roster.size());
  EXPECT_EQ(c.changed, 0u);
  EXPECT_EQ(c.remission_days, c.remission_days_alternative);
  EXPECT_GT(c.remission_days, 0);
  for (std::size_t d = 0; d < kProjectedDates; ++d) {
    const DateShift& s = c.shifts[d];
    EXPECT_EQ(s.earlier + s.later + s.gained + s.lost, 0u) << d;
  }
  // Eleven of the twelve have a term (LI4: life).
  EXPECT_EQ(c.shift(ProjectedDate::Expiry).unchanged, 11u);
}

TEST(WhatIf, NinetyDaysServedInsteadOf180GivesT1TheRuOf2017) {
  // T1 (rules-indonesia.md §10): detained 2017-05-09, two years, Christian. With more than 180 days served needed,
  // RK Natal 2017 (15 days), RU 2018 (2 months, 12 months served) and RK Natal 2018 (1 month): 105 days, expiry
  // 2019-01-24. With more than 90, the RU of 17 August 2017 (100 days served) is granted too, 1 month (Keppres
  // 174/1999 Art. 4), and the RU of 2018 is the second step, 3 months: 135 days by 17 August 2018, expiry 25
  // December 2018 — Natal, whose RK is then never decided (nothing is on or after the expiry).
  const std::vector<Case> roster = grant_day_roster();
  const Engine engine;
  Policy ninety = engine.policy();
  ninety.min_served_days = 90;
  const std::vector<Projection> base = engine.project_all(roster, 1);
  const std::vector<Projection> alternative = Engine(ninety, engine.calendar()).project_all(roster, 1);
  const std::size_t t1 = index_of(roster, "T1");
  EXPECT_EQ(format_date(*base[t1].expiry), "2019-01-24");
  EXPECT_EQ(base[t1].remission_days, 105);
  EXPECT_EQ(alternative[t1].remission_days, 135);
  EXPECT_EQ(format_date(*alternative[t1].expiry), "2018-12-25");
  const ProjectionComparison c = compare_projections(base, alternative, day("2019-01-01"));
  // T1 leaves before 1 January 2019 under the alternative, but not under the policy.
  EXPECT_EQ(c.due_at_once, 1u);
  EXPECT_EQ(c.held_longer, 0u);
  // A lower minimum only adds grants: no date of anyone's custody comes later.
  EXPECT_EQ(c.shift(ProjectedDate::Expiry).later, 0u);
  EXPECT_EQ(c.shift(ProjectedDate::FinalRelease).later, 0u);
  EXPECT_GE(c.shift(ProjectedDate::Expiry).earlier, 1u);
  EXPECT_EQ(c.remission_days_alternative - c.remission_days,
            [&] {
              std::int64_t sum = 0;
              for (std::size_t i = 0; i < base.size(); ++i) sum += alternative[i].remission_days - base[i].remission_days;
              return sum;
            }());
}
