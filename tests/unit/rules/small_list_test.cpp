#include <binaan/rules/decision.hpp>
#include <binaan/rules/small_list.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

using namespace binaan;

namespace {

// The values 0, 1, ..., n - 1 pushed into a list of capacity 3 inside.
SmallList<int, 3> counted(int n) {
  SmallList<int, 3> list;
  for (int i = 0; i < n; ++i) list.push_back(i);
  return list;
}

std::vector<int> values(const SmallList<int, 3>& list) { return {list.begin(), list.end()}; }

std::vector<int> iota(int n) {
  std::vector<int> v(static_cast<std::size_t>(n));
  std::iota(v.begin(), v.end(), 0);
  return v;
}

}  // namespace

TEST(SmallList, StartsEmptyInside) {
  SmallList<int, 3> list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.size(), 0u);
  EXPECT_EQ(list.capacity(), 3u);
  EXPECT_EQ(list.begin(), list.end());
}

TEST(SmallList, KeepsValuesInOrderInsideAndBeyond) {
  for (int n : {1, 2, 3, 4, 5, 7, 100}) {
    SmallList<int, 3> list = counted(n);
    ASSERT_EQ(list.size(), static_cast<std::size_t>(n));
    EXPECT_EQ(values(list), iota(n)) << n;
    EXPECT_EQ(list.front(), 0);
    EXPECT_EQ(list.back(), n - 1);
    EXPECT_EQ(list[static_cast<std::size_t>(n / 2)], n / 2);
    EXPECT_GE(list.capacity(), list.size());
    EXPECT_EQ(list.capacity() == 3u, n <= 3) << n;
  }
}

TEST(SmallList, CopiesAreIndependent) {
  for (int n : {0, 2, 3, 4, 9}) {
    SmallList<int, 3> original = counted(n);
    SmallList<int, 3> copy(original);
    EXPECT_EQ(copy, original);
    copy.push_back(42);
    EXPECT_EQ(values(original), iota(n)) << n;
    EXPECT_EQ(copy.size(), static_cast<std::size_t>(n + 1));
    EXPECT_EQ(copy.back(), 42);
    EXPECT_NE(copy, original);

    SmallList<int, 3> assigned = counted(6);
    assigned = original;
    EXPECT_EQ(values(assigned), iota(n));
    const SmallList<int, 3>& same = assigned;
    assigned = same;  // self-assignment keeps the values
    EXPECT_EQ(values(assigned), iota(n));
  }
}

TEST(SmallList, MovesLeaveTheSourceEmpty) {
  for (int n : {0, 3, 4, 20}) {
    SmallList<int, 3> source = counted(n);
    SmallList<int, 3> moved(std::move(source));
    EXPECT_EQ(values(moved), iota(n));
    EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move): the state after a move is specified
    source.push_back(7);          // and usable
    EXPECT_EQ(source.size(), 1u);

    SmallList<int, 3> target = counted(5);
    target = std::move(moved);
    EXPECT_EQ(values(target), iota(n));
    EXPECT_TRUE(moved.empty());  // NOLINT(bugprone-use-after-move)
  }
}

TEST(SmallList, ClearKeepsCapacity) {
  SmallList<int, 3> list = counted(10);
  const std::size_t capacity = list.capacity();
  list.clear();
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.capacity(), capacity);
  list.push_back(5);
  EXPECT_EQ(values(list), std::vector<int>{5});
}

TEST(SmallList, InitialiserListAtAndAlgorithms) {
  SmallList<int, 2> list{4, 8, 15, 16};
  EXPECT_EQ(list.size(), 4u);
  EXPECT_EQ(list.at(3), 16);
  EXPECT_THROW(static_cast<void>(list.at(4)), std::out_of_range);
  EXPECT_NE(std::find(list.begin(), list.end(), 15), list.end());
  EXPECT_EQ(std::find(list.begin(), list.end(), 23), list.end());
  list.reserve(50);
  EXPECT_GE(list.capacity(), 50u);
  EXPECT_EQ(list, (SmallList<int, 2>{4, 8, 15, 16}));
}

TEST(SmallList, DecisionListsAreInsideTheDecision) {
  // A decision with the lists the engine writes most (a ladder rule, a failed condition) and one past the inside
  // capacity of `failed`: copies keep every value.
  Decision d;
  d.rules.push_back(RuleId::RuLadder);
  d.rules.push_back(RuleId::Susulan);
  for (RuleId r : {RuleId::MinServed, RuleId::Conduct, RuleId::PredikatBaik, RuleId::ActiveParticipation,
                   RuleId::ReducedRisk})
    d.failed.push_back({r, std::nullopt});
  d.failed.emplace_back(RuleId::OneThird, make_date(2027, 1, 2));
  d.missing.push_back(MissingFact::AssessmentRisk);
  Decision copy = d;
  ASSERT_EQ(copy.failed.size(), 6u);
  EXPECT_EQ(copy.failed[5].rule, RuleId::OneThird);
  EXPECT_EQ(copy.failed[5].earliest, make_date(2027, 1, 2));
  EXPECT_EQ(copy.failed[0].earliest, std::nullopt);
  EXPECT_EQ(copy.rules, (SmallList<RuleId, 8>{RuleId::RuLadder, RuleId::Susulan}));
  EXPECT_EQ(copy.missing.size(), 1u);
  EXPECT_TRUE(copy.assumptions.empty());
  // No heap block for the rules list of 2 values.
  EXPECT_EQ(copy.rules.capacity(), 8u);
}
