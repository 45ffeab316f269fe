// The amounts of Keppres 174/1999 Art. 4 and 5, step by step.
#include "rules/remission.hpp"

#include <gtest/gtest.h>

using binaan::detail::rk_amount;
using binaan::detail::ru_amount;

TEST(Ladder, RemisiUmumEveryStep) {
  EXPECT_EQ(ru_amount(1, 181, 360), 30);
  EXPECT_EQ(ru_amount(1, 359, 360), 30);
  EXPECT_EQ(ru_amount(1, 360, 360), 60);
  EXPECT_EQ(ru_amount(2, 400, 360), 90);
  EXPECT_EQ(ru_amount(3, 800, 360), 120);
  EXPECT_EQ(ru_amount(4, 800, 360), 150);
  EXPECT_EQ(ru_amount(5, 800, 360), 150);
  EXPECT_EQ(ru_amount(6, 800, 360), 180);
  EXPECT_EQ(ru_amount(12, 800, 360), 180);
  EXPECT_EQ(ru_amount(255, 9000, 360), 180);  // the highest step a decision records
  EXPECT_EQ(ru_amount(2, 200, 360), 90);      // months served count for the first step only
}

TEST(Ladder, RemisiKhususEveryStep) {
  EXPECT_EQ(rk_amount(1, 181, 360), 15);
  EXPECT_EQ(rk_amount(1, 359, 360), 15);
  EXPECT_EQ(rk_amount(1, 360, 360), 30);
  EXPECT_EQ(rk_amount(2, 400, 360), 30);
  EXPECT_EQ(rk_amount(3, 400, 360), 30);
  EXPECT_EQ(rk_amount(4, 400, 360), 45);
  EXPECT_EQ(rk_amount(5, 400, 360), 45);
  EXPECT_EQ(rk_amount(6, 400, 360), 60);
  EXPECT_EQ(rk_amount(20, 400, 360), 60);
  EXPECT_EQ(rk_amount(255, 9000, 360), 60);
  EXPECT_EQ(rk_amount(2, 200, 360), 30);
}

TEST(Ladder, AmountsAreTheOnlyOnesSeenNationally) {
  // rules-indonesia.md §10: RU only 1–6 whole months; RK only 15 days, 1 month, 1 month 15 days, 2 months.
  for (int step = 1; step <= 10; ++step) {
    for (int served : {181, 359, 360, 1000}) {
      int ru = ru_amount(step, served, 360);
      EXPECT_EQ(ru % 30, 0);
      EXPECT_GE(ru, 30);
      EXPECT_LE(ru, 180);
      int rk = rk_amount(step, served, 360);
      EXPECT_TRUE(rk == 15 || rk == 30 || rk == 45 || rk == 60) << rk;
    }
  }
}
