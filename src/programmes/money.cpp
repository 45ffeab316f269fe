#include <binaan/programmes/money.hpp>

#include <binaan/error.hpp>

#include <limits>

namespace binaan {

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

[[noreturn]] void overflow(std::int64_t a, const char* op, std::int64_t b) {
  throw ValueError("rupiah", std::to_string(a) + op + std::to_string(b), "overflows 64-bit rupiah");
}
}  // namespace

Rupiah& Rupiah::operator+=(Rupiah other) {
  const std::int64_t b = other.amount_;
  if ((b > 0 && amount_ > kMax - b) || (b < 0 && amount_ < kMin - b)) overflow(amount_, " + ", b);
  amount_ += b;
  return *this;
}

Rupiah& Rupiah::operator-=(Rupiah other) {
  const std::int64_t b = other.amount_;
  if ((b < 0 && amount_ > kMax + b) || (b > 0 && amount_ < kMin + b)) overflow(amount_, " - ", b);
  amount_ -= b;
  return *this;
}

Rupiah& Rupiah::operator*=(std::int64_t f) {
  const std::int64_t a = amount_;
  if (a != 0 && f != 0) {
    // Division-based check: portable, no 128-bit integers.
    const bool bad = (a == -1 && f == kMin) || (f == -1 && a == kMin) ||
                     (a > 0 ? (f > 0 ? a > kMax / f : f < kMin / a) : (f > 0 ? a < kMin / f : a < kMax / f));
    if (bad) overflow(a, " * ", f);
  }
  amount_ = a * f;
  return *this;
}

Rupiah Rupiah::operator-() const {
  if (amount_ == kMin) overflow(0, " - ", amount_);
  return Rupiah(-amount_);
}

std::string format_rupiah(Rupiah amount) {
  const std::int64_t v = amount.value();
  // The magnitude as unsigned, so that the most negative value formats too.
  std::uint64_t m = v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::string digits = std::to_string(m);
  std::string grouped;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return (v < 0 ? "-Rp " : "Rp ") + grouped;
}

}  // namespace binaan
