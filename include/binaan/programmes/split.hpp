#pragma once
/// \file
/// The one routine that divides money: the largest-remainder rule (rules-indonesia.md §8: "Every division of money
/// uses the largest-remainder rule (ties to the lower inmate id), so the parts always sum exactly to the whole").

#include <binaan/export.hpp>
#include <binaan/programmes/money.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace binaan {

/// One claimant of a split and its weight (hours, pieces, percent, units).
struct WeightedId {
  std::string id;
  std::int64_t weight;
};

/// One claimant's part of a split.
struct Part {
  std::string id;
  Rupiah amount;
};

/// The largest total weight a split accepts; it keeps every intermediate product inside 64 bits.
inline constexpr std::int64_t kMaxTotalWeight = 1'000'000'000;

/// Divides `total` among the claimants in proportion to their weights (Hamilton's method): each first gets
/// floor(total × w / W), W the sum of weights; the rupiah left over (fewer than the number of claimants) go one each
/// to the largest remainders (total × w mod W), ties to the lower id (byte-wise string order). The parts sum to
/// `total` exactly and no part differs from its exact share by a rupiah or more; a zero weight gets nothing.
/// Parts come back in the order of `weights`.
/// Throws ValueError for a negative total, no claimants, an empty or repeated id, a negative weight, weights that
/// are all zero, or a total weight above kMaxTotalWeight.
BINAAN_EXPORT std::vector<Part> split_largest_remainder(Rupiah total, const std::vector<WeightedId>& weights);

/// Material cost of the units [first, first + count) of a batch of `units` units costing `batch_cost`, units
/// numbered 0.. in the order they are sold. It is the largest-remainder split of the batch cost over its units (all
/// weights equal, ties to the lower unit number): unit k costs floor(C / U) + 1 when k < C mod U, else floor(C / U).
/// So the costs of all the units of a batch add up to its cost exactly. Written in closed form (a batch may hold
/// millions of units); the tests check it against split_largest_remainder.
/// Throws ValueError for a negative cost, units < 1, or a range outside [0, units].
BINAAN_EXPORT Rupiah cost_of_units(Rupiah batch_cost, std::int64_t units, std::int64_t first, std::int64_t count);

}  // namespace binaan
