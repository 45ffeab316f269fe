#include <binaan/error.hpp>
#include <binaan/programmes/split.hpp>

#include <gtest/gtest.h>

#include <random>

using namespace binaan;

namespace {
__extension__ typedef unsigned __int128 U128;  // the test's independent check only; the library needs none

std::int64_t sum(const std::vector<Part>& parts) {
  Rupiah s;
  for (const Part& p : parts) s += p.amount;
  return s.value();
}
}  // namespace

TEST(Split, LargestRemainderWorkedExample) {
  // 500,000 premi over hours 30/20/10 (W = 60): floors 250,000 / 166,666 / 83,333 = 499,999;
  // remainders (500,000·w mod 60) 0 / 40 / 20, so the last rupiah goes to B.
  const auto parts = split_largest_remainder(Rupiah(500000), {{"A", 30}, {"B", 20}, {"C", 10}});
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].id, "A");
  EXPECT_EQ(parts[0].amount, Rupiah(250000));
  EXPECT_EQ(parts[1].amount, Rupiah(166667));
  EXPECT_EQ(parts[2].amount, Rupiah(83333));
}

TEST(Split, TiesGoToTheLowerId) {
  // 10 over three equal weights: 3 each, one left over, all remainders equal → the lowest id.
  auto parts = split_largest_remainder(Rupiah(10), {{"WBP-3", 1}, {"WBP-1", 1}, {"WBP-2", 1}});
  EXPECT_EQ(parts[0].amount, Rupiah(3));  // WBP-3
  EXPECT_EQ(parts[1].amount, Rupiah(4));  // WBP-1
  EXPECT_EQ(parts[2].amount, Rupiah(3));  // WBP-2
  // 11 → two left over: WBP-1 and WBP-2.
  parts = split_largest_remainder(Rupiah(11), {{"WBP-3", 1}, {"WBP-1", 1}, {"WBP-2", 1}});
  EXPECT_EQ(parts[0].amount, Rupiah(3));
  EXPECT_EQ(parts[1].amount, Rupiah(4));
  EXPECT_EQ(parts[2].amount, Rupiah(4));
}

TEST(Split, ZeroWeightsAndZeroTotals) {
  auto parts = split_largest_remainder(Rupiah(7), {{"a", 0}, {"b", 2}, {"c", 0}, {"d", 1}});
  EXPECT_EQ(parts[0].amount, Rupiah(0));
  EXPECT_EQ(parts[1].amount, Rupiah(5));  // 14/3 = 4 r2 → +1
  EXPECT_EQ(parts[2].amount, Rupiah(0));
  EXPECT_EQ(parts[3].amount, Rupiah(2));  // 7/3 = 2 r1
  parts = split_largest_remainder(Rupiah(0), {{"a", 3}, {"b", 4}});
  EXPECT_EQ(parts[0].amount, Rupiah(0));
  EXPECT_EQ(parts[1].amount, Rupiah(0));
}

TEST(Split, HugeTotalsDoNotOverflow) {
  const Rupiah total(std::numeric_limits<std::int64_t>::max());
  const auto parts = split_largest_remainder(total, {{"a", 999'999'999}, {"b", 1}});
  EXPECT_EQ(sum(parts), total.value());
  // max = q·10^9 + r with q = 9,223,372,036, r = 854,775,807. b's remainder r beats a's (r·999,999,999 mod 10^9 =
  // 145,224,193), so b gets the one rupiah left over.
  EXPECT_EQ(parts[1].amount, Rupiah(9'223'372'037));
}

TEST(Split, RefusesBadInput) {
  EXPECT_THROW(split_largest_remainder(Rupiah(-1), {{"a", 1}}), ValueError);
  EXPECT_THROW(split_largest_remainder(Rupiah(1), {}), ValueError);
  EXPECT_THROW(split_largest_remainder(Rupiah(1), {{"", 1}}), ValueError);
  EXPECT_THROW(split_largest_remainder(Rupiah(1), {{"a", 1}, {"a", 2}}), ValueError);
  EXPECT_THROW(split_largest_remainder(Rupiah(1), {{"a", -1}, {"b", 2}}), ValueError);
  EXPECT_THROW(split_largest_remainder(Rupiah(1), {{"a", 0}, {"b", 0}}), ValueError);
  EXPECT_THROW(split_largest_remainder(Rupiah(1), {{"a", kMaxTotalWeight}, {"b", 1}}), ValueError);
  try {
    split_largest_remainder(Rupiah(1), {{"a", 1}, {"b", -5}});
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "split.weights[1].weight");
    EXPECT_EQ(e.value(), "-5");
  }
}

// Property: over many random splits the parts sum exactly to the total, each part is within one rupiah of its
// exact share (floor or floor + 1), zero weights get nothing, and the rupiah left over go to the largest
// remainders with ties to the lower id.
TEST(Split, PropertyExactSumOverRandomInputs) {
  std::mt19937_64 rng(20260101);
  for (int round = 0; round < 5000; ++round) {
    const std::size_t n = 1 + rng() % 12;
    std::vector<WeightedId> w;
    std::int64_t total_weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t weight = (rng() % 4 == 0) ? 0 : static_cast<std::int64_t>(rng() % 1000);
      w.push_back({"WBP-" + std::to_string(rng() % 100000) + "-" + std::to_string(i), weight});
      total_weight += weight;
    }
    if (total_weight == 0) w[0].weight = total_weight = 1;
    const std::int64_t total = round % 3 == 0 ? static_cast<std::int64_t>(rng() % 100)
                                              : static_cast<std::int64_t>(rng() % 10'000'000'000ULL);
    const auto parts = split_largest_remainder(Rupiah(total), w);
    ASSERT_EQ(parts.size(), n);
    EXPECT_EQ(sum(parts), total) << "round " << round;
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_EQ(parts[i].id, w[i].id);
      // floor(total·w/W) computed independently with 128-bit arithmetic in the test only.
      const auto exact = static_cast<U128>(total) * static_cast<U128>(w[i].weight);
      const auto floor_part = static_cast<std::int64_t>(exact / static_cast<U128>(total_weight));
      const std::int64_t got = parts[i].amount.value();
      EXPECT_TRUE(got == floor_part || got == floor_part + 1) << "round " << round;
      if (w[i].weight == 0) {
        EXPECT_EQ(got, 0);
      }
    }
    // The rupiah left over went to the largest remainders, ties to the lower id.
    auto rem = [&](std::size_t i) {
      return static_cast<std::int64_t>(static_cast<U128>(total) * static_cast<U128>(w[i].weight) %
                                       static_cast<U128>(total_weight));
    };
    auto bumped = [&](std::size_t i) {
      return static_cast<U128>(parts[i].amount.value()) * static_cast<U128>(total_weight) >
                 static_cast<U128>(total) * static_cast<U128>(w[i].weight);
    };
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (bumped(i) && !bumped(j)) {
          EXPECT_TRUE(rem(i) > rem(j) || (rem(i) == rem(j) && w[i].id < w[j].id)) << "round " << round;
        }
  }
}

TEST(CostOfUnits, ClosedFormMatchesTheSplitOverUnits) {
  // 1,650,001 over 30 units: 55,000 each and one rupiah more for unit 0.
  EXPECT_EQ(cost_of_units(Rupiah(1650001), 30, 0, 1), Rupiah(55001));
  EXPECT_EQ(cost_of_units(Rupiah(1650001), 30, 0, 5), Rupiah(275001));
  EXPECT_EQ(cost_of_units(Rupiah(1650001), 30, 5, 25), Rupiah(1375000));
  EXPECT_EQ(cost_of_units(Rupiah(1650001), 30, 0, 30), Rupiah(1650001));
  EXPECT_EQ(cost_of_units(Rupiah(100), 3, 0, 0), Rupiah(0));

  std::mt19937_64 rng(42);
  for (int round = 0; round < 2000; ++round) {
    const std::int64_t units = 1 + static_cast<std::int64_t>(rng() % 60);
    const Rupiah cost(static_cast<std::int64_t>(rng() % 5'000'000));
    std::vector<WeightedId> each;
    for (std::int64_t k = 0; k < units; ++k) {
      const std::string digits = std::to_string(k);
      each.push_back({std::string(5 - digits.size(), '0') + digits, 1});  // ids sort like unit numbers
    }
    const auto split = split_largest_remainder(cost, each);
    // Sold in random chunks, the chunks' costs are the split's parts and add up to the batch cost.
    std::int64_t first = 0;
    Rupiah total;
    while (first < units) {
      const std::int64_t count = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(units - first));
      Rupiah expected;
      for (std::int64_t k = first; k < first + count; ++k) expected += split[static_cast<std::size_t>(k)].amount;
      const Rupiah got = cost_of_units(cost, units, first, count);
      ASSERT_EQ(got, expected) << "round " << round;
      total += got;
      first += count;
    }
    EXPECT_EQ(total, cost);
  }
}

TEST(CostOfUnits, RefusesRangesOutsideTheBatch) {
  EXPECT_THROW(cost_of_units(Rupiah(100), 0, 0, 0), ValueError);
  EXPECT_THROW(cost_of_units(Rupiah(-1), 3, 0, 1), ValueError);
  EXPECT_THROW(cost_of_units(Rupiah(100), 3, 2, 2), ValueError);
  EXPECT_THROW(cost_of_units(Rupiah(100), 3, -1, 1), ValueError);
}
