#pragma once
/// \file
/// The random numbers of the synthetic data: xoshiro256** seeded through splitmix64, and every draw made from it
/// with integer arithmetic of our own. The standard distributions (std::uniform_int_distribution, …) are
/// implementation-defined, so a generator built on them would write different people with libstdc++ and libc++;
/// this one writes the same bytes with every compiler and library.

#include <binaan/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace binaan::synth {

/// splitmix64's output function (Steele, Lea, Flood 2014): a bijective mix of 64 bits.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// xoshiro256** 1.0 (Blackman and Vigna 2018) with bounded draws. Not for cryptography.
class Rng {
public:
  /// The four state words are consecutive splitmix64 outputs from `seed` (the seeding the authors recommend).
  explicit Rng(std::uint64_t seed) noexcept;

  /// The independent stream of item `index` under `seed`: person i of a population is drawn from its own stream,
  /// so it does not depend on the people before it (the streaming writer, a parallel generator and a single
  /// lookup all give the same person).
  static Rng for_item(std::uint64_t seed, std::uint64_t index) noexcept {
    return Rng(mix64(seed ^ mix64(index + 0x9E3779B97F4A7C15ULL)));
  }

  std::uint64_t next() noexcept;

  /// Uniform in [0, n); 0 when n is 0. Rejection of the biased low range, then modulo: exact and portable.
  std::uint64_t below(std::uint64_t n) noexcept;
  /// Uniform in [lo, hi] (inclusive); lo when hi < lo.
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept;
  int between_int(int lo, int hi) noexcept { return static_cast<int>(between(lo, hi)); }
  /// True with probability per_million / 1,000,000.
  bool chance(std::uint32_t per_million) noexcept { return below(1'000'000) < per_million; }
  /// A day uniform in [from, to] (inclusive); `from` when to < from.
  Date day_between(Date from, Date to) noexcept;

  /// An index into `weights` drawn in proportion to them (integer weights; a zero weight is never drawn).
  std::size_t weighted(const std::vector<std::uint32_t>& weights) noexcept;

  /// A value of a table of (value, weight) pairs, drawn in proportion to the weights.
  template <class T>
  const T& pick(const std::vector<std::pair<T, std::uint32_t>>& table) noexcept {
    std::uint64_t total = 0;
    for (const auto& row : table) total += row.second;
    std::uint64_t r = below(total);
    for (const auto& row : table) {
      if (r < row.second) return row.first;
      r -= row.second;
    }
    return table.back().first;
  }

private:
  std::uint64_t s_[4];
};

}  // namespace binaan::synth
