#include <binaan/programmes/split.hpp>

#include <binaan/error.hpp>

#include <algorithm>
#include <numeric>
#include <set>

namespace binaan {

std::vector<Part> split_largest_remainder(Rupiah total, const std::vector<WeightedId>& weights) {
  if (total.value() < 0) throw ValueError("split.total", std::to_string(total.value()), "must not be negative");
  if (weights.empty()) throw ValueError("split.weights", "[]", "needs at least one claimant");
  std::int64_t sum = 0;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const WeightedId& w = weights[i];
    const std::string field = "split.weights[" + std::to_string(i) + "]";
    if (w.id.empty()) throw ValueError(field + ".id", w.id, "must not be empty");
    if (!seen.insert(w.id).second) throw ValueError(field + ".id", w.id, "appears twice");
    if (w.weight < 0) throw ValueError(field + ".weight", std::to_string(w.weight), "must not be negative");
    if (w.weight > kMaxTotalWeight || sum > kMaxTotalWeight - w.weight)
      throw ValueError(field + ".weight", std::to_string(w.weight), "total weight above 1,000,000,000");
    sum += w.weight;
  }
  if (sum == 0) throw ValueError("split.weights", "0", "weights are all zero");

  // total·w / W without overflow: total = q·W + r, so total·w = q·w·W + r·w with r·w < W² ≤ 10^18.
  const std::int64_t q = total.value() / sum;
  const std::int64_t r = total.value() % sum;
  std::vector<Part> parts;
  parts.reserve(weights.size());
  std::vector<std::int64_t> remainder(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const std::int64_t w = weights[i].weight;
    const std::int64_t floor_part = q * w + (r * w) / sum;
    remainder[i] = (r * w) % sum;
    parts.push_back(Part{weights[i].id, Rupiah(floor_part)});
    given += floor_part;
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return weights[a].id < weights[b].id;  // ties to the lower id (§8)
  });
  // Fewer rupiah are left than claimants with a non-zero remainder, so a zero weight never gets one.
  const std::int64_t left = total.value() - given;
  for (std::int64_t k = 0; k < left; ++k) parts[order[static_cast<std::size_t>(k)]].amount += Rupiah(1);
  return parts;
}

Rupiah cost_of_units(Rupiah batch_cost, std::int64_t units, std::int64_t first, std::int64_t count) {
  if (batch_cost.value() < 0)
    throw ValueError("batch.material_cost", std::to_string(batch_cost.value()), "must not be negative");
  if (units < 1) throw ValueError("batch.units", std::to_string(units), "must be at least 1");
  if (first < 0 || count < 0 || first > units || count > units - first)
    throw ValueError("units", std::to_string(first) + "+" + std::to_string(count),
                     "outside the batch of " + std::to_string(units));
  const std::int64_t base = batch_cost.value() / units;
  const std::int64_t extra = batch_cost.value() % units;  // units 0..extra-1 carry one rupiah more
  const std::int64_t extra_in_range = std::max<std::int64_t>(0, std::min(first + count, extra) - first);
  return Rupiah(base) * count + Rupiah(extra_in_range);
}

}  // namespace binaan
