#include <binaan/synth/random.hpp>

namespace binaan::synth {

namespace {
constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
}  // namespace

Rng::Rng(std::uint64_t seed) noexcept {
  // splitmix64: state advances by the golden-ratio increment, each output mixed.
  for (std::uint64_t& word : s_) {
    seed += 0x9E3779B97F4A7C15ULL;
    word = mix64(seed);
  }
}

std::uint64_t Rng::next() noexcept {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::uint64_t Rng::below(std::uint64_t n) noexcept {
  if (n == 0) return 0;
  // 2^64 mod n values at the bottom would make the low residues likelier: draw again when one comes up.
  const std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    const std::uint64_t r = next();
    if (r >= threshold) return r % n;
  }
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) noexcept {
  if (hi <= lo) return lo;
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + below(span));
}

Date Rng::day_between(Date from, Date to) noexcept {
  const std::int32_t span = days_between(from, to);
  if (span <= 0) return from;
  return add_days(from, static_cast<std::int32_t>(below(static_cast<std::uint64_t>(span) + 1)));
}

std::size_t Rng::weighted(const std::vector<std::uint32_t>& weights) noexcept {
  std::uint64_t total = 0;
  for (std::uint32_t w : weights) total += w;
  std::uint64_t r = below(total);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  return weights.empty() ? 0 : weights.size() - 1;
}

}  // namespace binaan::synth
