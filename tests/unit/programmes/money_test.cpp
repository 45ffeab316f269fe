#include <binaan/error.hpp>
#include <binaan/programmes/money.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <type_traits>

using namespace binaan;

namespace {
template <class A, class B, class = void>
struct can_multiply : std::false_type {};
template <class A, class B>
struct can_multiply<A, B, std::void_t<decltype(std::declval<A>() * std::declval<B>())>> : std::true_type {};
}  // namespace

// Money never meets floating point: these operations must not exist.
static_assert(!std::is_constructible<Rupiah, double>::value, "no Rupiah from double");
static_assert(!std::is_constructible<Rupiah, float>::value, "no Rupiah from float");
static_assert(!std::is_convertible<std::int64_t, Rupiah>::value, "no implicit Rupiah from an integer");
static_assert(!can_multiply<Rupiah, double>::value, "no Rupiah * double");
static_assert(!can_multiply<double, Rupiah>::value, "no double * Rupiah");
static_assert(can_multiply<Rupiah, std::int64_t>::value, "Rupiah * integer exists");
static_assert(std::is_trivially_copyable<Rupiah>::value, "Rupiah is a plain value");
static_assert(Rupiah(5) < Rupiah(7) && Rupiah(7) == Rupiah(7) && Rupiah() == Rupiah(0), "constexpr comparisons");

TEST(Rupiah, Arithmetic) {
  EXPECT_EQ(Rupiah(150000) + Rupiah(25000), Rupiah(175000));
  EXPECT_EQ(Rupiah(150000) - Rupiah(200000), Rupiah(-50000));
  EXPECT_EQ(Rupiah(55000) * 30, Rupiah(1650000));
  EXPECT_EQ(3 * Rupiah(7), Rupiah(21));
  EXPECT_EQ(-Rupiah(12), Rupiah(-12));
  Rupiah r(10);
  r += Rupiah(5);
  r -= Rupiah(3);
  r *= -2;
  EXPECT_EQ(r.value(), -24);
}

TEST(Rupiah, OverflowThrowsInsteadOfWrapping) {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  EXPECT_THROW(Rupiah(max) + Rupiah(1), ValueError);
  EXPECT_THROW(Rupiah(min) - Rupiah(1), ValueError);
  EXPECT_THROW(Rupiah(min) + Rupiah(-1), ValueError);
  EXPECT_THROW(Rupiah(max) - Rupiah(-1), ValueError);
  EXPECT_THROW(Rupiah(max / 2 + 1) * 2, ValueError);
  EXPECT_THROW(Rupiah(min) * -1, ValueError);
  EXPECT_THROW(Rupiah(-1) * min, ValueError);
  EXPECT_THROW(Rupiah(3'000'000'000'000) * -4'000'000'000, ValueError);
  EXPECT_THROW(-Rupiah(min), ValueError);
  EXPECT_EQ(Rupiah(max) + Rupiah(min), Rupiah(-1));
  EXPECT_EQ(Rupiah(max / 2) * 2, Rupiah(max - 1));
  EXPECT_EQ(Rupiah(min / 2) * 2, Rupiah(min));
  try {
    (void)(Rupiah(max) + Rupiah(2));
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "rupiah");
    EXPECT_EQ(e.value(), std::to_string(max) + " + 2");
  }
}

TEST(Rupiah, FormatsTheIndonesianWay) {
  EXPECT_EQ(format_rupiah(Rupiah(0)), "Rp 0");
  EXPECT_EQ(format_rupiah(Rupiah(500)), "Rp 500");
  EXPECT_EQ(format_rupiah(Rupiah(3500)), "Rp 3.500");
  EXPECT_EQ(format_rupiah(Rupiah(1250000)), "Rp 1.250.000");
  EXPECT_EQ(format_rupiah(Rupiah(-25000)), "-Rp 25.000");
  EXPECT_EQ(format_rupiah(Rupiah(std::numeric_limits<std::int64_t>::min())), "-Rp 9.223.372.036.854.775.808");
}
