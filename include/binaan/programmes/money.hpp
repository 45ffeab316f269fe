#pragma once
/// \file
/// Money in whole rupiah. Nothing near money uses floating point (rules-indonesia.md §8).

#include <binaan/export.hpp>

#include <cstdint>
#include <string>
#include <type_traits>

namespace binaan {

/// An amount in whole rupiah (the rupiah has no minor unit in use). Arithmetic is checked: a result outside the
/// 64-bit range throws ValueError (field `rupiah`) instead of wrapping. There is no conversion from or to floating
/// point, and no multiplication by a floating-point factor: shares of money come from split_largest_remainder.
class BINAAN_EXPORT Rupiah {
public:
  constexpr Rupiah() noexcept = default;
  constexpr explicit Rupiah(std::int64_t amount) noexcept : amount_(amount) {}
  template <class F, std::enable_if_t<std::is_floating_point<F>::value, int> = 0>
  Rupiah(F) = delete;

  constexpr std::int64_t value() const noexcept { return amount_; }

  Rupiah& operator+=(Rupiah other);
  Rupiah& operator-=(Rupiah other);
  Rupiah& operator*=(std::int64_t factor);
  Rupiah operator-() const;

  friend constexpr bool operator==(Rupiah a, Rupiah b) noexcept { return a.amount_ == b.amount_; }
  friend constexpr bool operator!=(Rupiah a, Rupiah b) noexcept { return a.amount_ != b.amount_; }
  friend constexpr bool operator<(Rupiah a, Rupiah b) noexcept { return a.amount_ < b.amount_; }
  friend constexpr bool operator<=(Rupiah a, Rupiah b) noexcept { return a.amount_ <= b.amount_; }
  friend constexpr bool operator>(Rupiah a, Rupiah b) noexcept { return a.amount_ > b.amount_; }
  friend constexpr bool operator>=(Rupiah a, Rupiah b) noexcept { return a.amount_ >= b.amount_; }

private:
  std::int64_t amount_ = 0;
};
static_assert(sizeof(Rupiah) == 8, "Rupiah is one int64");

inline Rupiah operator+(Rupiah a, Rupiah b) { return a += b; }
inline Rupiah operator-(Rupiah a, Rupiah b) { return a -= b; }
inline Rupiah operator*(Rupiah a, std::int64_t factor) { return a *= factor; }
inline Rupiah operator*(std::int64_t factor, Rupiah a) { return a *= factor; }
template <class F, std::enable_if_t<std::is_floating_point<F>::value, int> = 0>
Rupiah operator*(Rupiah, F) = delete;
template <class F, std::enable_if_t<std::is_floating_point<F>::value, int> = 0>
Rupiah operator*(F, Rupiah) = delete;

/// Indonesian notation: "Rp 1.250.000", "-Rp 3.500", "Rp 0".
BINAAN_EXPORT std::string format_rupiah(Rupiah amount);

}  // namespace binaan
