#include <binaan/error.hpp>
#include <binaan/programmes/programmes.hpp>
#include <binaan/programmes/savings.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

using namespace binaan;
using binaan::test::day;

TEST(Savings, SpendingInsideUpToAQuarterOfCredits) {
  SavingsLedger l("WBP-1");
  const SavingsPolicy policy;  // 25 %, SE Dirjen PAS 2010
  l.credit(day("2026-01-25"), Rupiah(1068958), "sale S1");
  // floor(1,068,958 × 25 / 100) = 267,239.
  EXPECT_EQ(l.spendable(policy), Rupiah(267239));
  EXPECT_FALSE(l.spend(day("2026-03-26"), Rupiah(200000), "koperasi", policy).has_value());
  const auto refused = l.spend(day("2026-03-26"), Rupiah(67240), "koperasi", policy);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->code, DeclineCode::SpendingLimit);
  EXPECT_EQ(refused->message,
            "spending Rp 67.240 exceeds what may be spent inside: Rp 67.239 (25% of premi Rp 1.068.958, SE Dirjen PAS "
            "2010)");
  EXPECT_FALSE(l.spend(day("2026-03-27"), Rupiah(67239), "koperasi", policy).has_value());
  EXPECT_EQ(l.spendable(policy), Rupiah(0));
  EXPECT_EQ(l.spent(), Rupiah(267239));
  EXPECT_EQ(l.balance(), Rupiah(801719));
  EXPECT_EQ(l.entries().size(), 3u);  // the refusal leaves no entry
  // New premi makes room again: 25 % of 1,168,958 = 292,239 (floor of 292,239.5).
  l.credit(day("2026-03-28"), Rupiah(100000), "sale S2");
  EXPECT_EQ(l.spendable(policy), Rupiah(25000));
}

TEST(Savings, HandOverAtReleaseThenNoSpending) {
  SavingsLedger l("WBP-5");
  l.credit(day("2026-01-25"), Rupiah(83333), "sale S1");
  EXPECT_EQ(l.hand_over(day("2026-02-01"), "release"), Rupiah(83333));
  EXPECT_EQ(l.balance(), Rupiah(0));
  EXPECT_TRUE(l.released());
  // Premi from a batch made inside still arrives after release and waits for the next hand-over.
  l.credit(day("2026-02-25"), Rupiah(115000), "sale S2");
  const auto d = l.spend(day("2026-02-26"), Rupiah(1000), "x", SavingsPolicy{});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->code, DeclineCode::Released);
  EXPECT_EQ(l.balance(), Rupiah(115000));
  EXPECT_EQ(l.balance_on(day("2026-02-01")), Rupiah(0));
  EXPECT_EQ(l.balance_on(day("2026-01-31")), Rupiah(83333));
  EXPECT_EQ(l.hand_over(day("2026-03-01"), "release (late premi)"), Rupiah(115000));
  EXPECT_EQ(l.handed_over(), Rupiah(198333));
}

TEST(Savings, EntriesStayInDateOrderAndArePositive) {
  SavingsLedger l("WBP-1");
  l.credit(day("2026-02-01"), Rupiah(1000), "a");
  EXPECT_THROW(l.credit(day("2026-01-31"), Rupiah(1000), "b"), ValueError);
  EXPECT_THROW(l.credit(day("2026-02-02"), Rupiah(0), "b"), ValueError);
  EXPECT_THROW(l.spend(day("2026-02-02"), Rupiah(-5), "b", SavingsPolicy{}), ValueError);
  EXPECT_THROW(SavingsLedger(""), ValueError);
  EXPECT_THROW(l.spend(day("2026-02-02"), Rupiah(5), "b", SavingsPolicy{101}), ValueError);
  EXPECT_EQ(l.entries().size(), 1u);
}

TEST(Savings, ThroughTheAggregate) {
  Programmes p = test::small_model();
  const auto none = p.spend("WBP-7", day("2026-01-10"), Rupiah(100), "kantin");
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->code, DeclineCode::SpendingLimit);
  EXPECT_EQ(p.hand_over("WBP-7", day("2026-01-11")), Rupiah(0));
  ASSERT_NE(p.ledger("WBP-7"), nullptr);
  EXPECT_EQ(p.ledger("WBP-7")->entries().size(), 1u);  // the hand-over of 0 is on the book
  EXPECT_EQ(p.ledger("WBP-7")->entries()[0].kind, LedgerEntryKind::HandOver);
}
