#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/programmes.hpp>

#include "fixture.hpp"

#include <gtest/gtest.h>

using namespace binaan;
using binaan::test::day;
using binaan::test::serving;

namespace {

// Two batches of PRD: B1 (2026-01-10, 10 units, cost 100,003 → 10,000 each, units 0–2 one rupiah more) made by
// WBP-1 (3 h) and WBP-2 (1 h); B2 (2026-01-20, 5 units, cost 100,000 → 20,000 each) made by WBP-2 alone.
Programmes model() {
  Programmes p = test::small_model();
  p.request_enrolment("WBP-1", "W-IN", day("2026-01-02"), serving());
  p.request_enrolment("WBP-2", "W-IN", day("2026-01-02"), serving());
  p.add_batch({"B1", "PRD", "W-IN", day("2026-01-10"), 10, Rupiah(100003), ContributionBasis::Hours,
               {{"WBP-1", 3}, {"WBP-2", 1}}, std::nullopt});
  p.add_batch({"B2", "PRD", "W-IN", day("2026-01-20"), 5, Rupiah(100000), ContributionBasis::Pieces,
               {{"WBP-2", 5}}, std::nullopt});
  return p;
}

Sale gallery_sale(const char* id, const char* date, std::int64_t units, std::int64_t price) {
  return Sale{id, day(date), "PRD", units, Rupiah(price), SaleChannel::Gallery, std::nullopt, "pengunjung"};
}

}  // namespace

TEST(Sale, DrawsFromTheOldestBatchAndCostsUnitsExactly) {
  Programmes p = model();
  // 12 units at 30,000 = 360,000: 10 from B1 (cost 100,003), 2 from B2 (cost 40,000).
  const SaleRecord& r = p.record_sale(gallery_sale("S1", "2026-01-25", 12, 30000));
  EXPECT_EQ(r.amount, Rupiah(360000));
  EXPECT_EQ(r.policy_source, "Kepmen Kehakiman M.01-PP.02.01/1990");
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].batch_id, "B1");
  EXPECT_EQ(r.lines[0].units, 10);
  EXPECT_EQ(r.lines[0].revenue, Rupiah(300000));
  EXPECT_EQ(r.lines[0].cost, Rupiah(100003));
  EXPECT_EQ(r.lines[0].profit, Rupiah(199997));
  // 199,997 × 35/15/50: floors 69,998 / 29,999 / 99,998 (sum 199,995); remainders ×100 95 / 55 / 50 → capital,
  // PNBP.
  EXPECT_EQ(r.lines[0].shares.capital, Rupiah(69999));
  EXPECT_EQ(r.lines[0].shares.pnbp, Rupiah(30000));
  EXPECT_EQ(r.lines[0].shares.premi, Rupiah(99998));
  // 99,998 by hours 3:1 → 74,998.5 / 24,999.5: floors 74,998 / 24,999, remainders equal → lower id WBP-1.
  ASSERT_EQ(r.lines[0].premi.size(), 2u);
  EXPECT_EQ(r.lines[0].premi[0].amount, Rupiah(74999));
  EXPECT_EQ(r.lines[0].premi[1].amount, Rupiah(24999));
  EXPECT_EQ(r.lines[1].batch_id, "B2");
  EXPECT_EQ(r.lines[1].revenue, Rupiah(60000));
  EXPECT_EQ(r.lines[1].cost, Rupiah(40000));
  EXPECT_EQ(r.lines[1].shares.premi, Rupiah(10000));
  EXPECT_EQ(p.unsold("B1"), 0);
  EXPECT_EQ(p.unsold("B2"), 3);
  EXPECT_EQ(p.stock("PRD"), 3);
  // Savings credited on the sale day: WBP-1 74,999; WBP-2 24,999 + 10,000.
  EXPECT_EQ(p.ledger("WBP-1")->credits(), Rupiah(74999));
  EXPECT_EQ(p.ledger("WBP-2")->credits(), Rupiah(34999));
  EXPECT_EQ(p.ledger("WBP-2")->entries().back().reference, "sale S1");
}

TEST(Sale, UnitCostsFollowTheOrderOfSaleAcrossSales) {
  Programmes p = model();
  // B1's units 0–2 carry the extra rupiah: sold one at a time, the first three cost 10,001.
  for (int i = 0; i < 10; ++i) {
    const SaleRecord& r = p.record_sale(gallery_sale(("S" + std::to_string(i)).c_str(), "2026-01-25", 1, 20000));
    EXPECT_EQ(r.lines[0].cost, Rupiah(i < 3 ? 10001 : 10000)) << i;
  }
  Rupiah total;
  for (const SaleRecord& r : p.sales()) total += r.lines[0].cost;
  EXPECT_EQ(total, Rupiah(100003));  // the batch's cost, exactly
}

TEST(Sale, LossGivesNoPremiAndCapitalBearsIt) {
  Programmes p = model();
  const SaleRecord& r = p.record_sale(gallery_sale("S1", "2026-01-25", 3, 5000));
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0].cost, Rupiah(30003));
  EXPECT_EQ(r.lines[0].profit, Rupiah(-15003));
  EXPECT_EQ(r.lines[0].shares.premi, Rupiah(0));
  EXPECT_EQ(r.lines[0].shares.pnbp, Rupiah(0));
  EXPECT_EQ(r.lines[0].shares.capital, Rupiah(-15003));
  for (const Part& part : r.lines[0].premi) EXPECT_EQ(part.amount, Rupiah(0));
  EXPECT_EQ(p.ledger("WBP-1"), nullptr);  // nothing credited
}

TEST(Sale, RevenueSplitOverLinesSumsToTheAmount) {
  Programmes p = model();
  // 11 units at 9,091 = 100,001, drawn as 10 from B1 and 1 from B2: split by units, each line gets its units × price.
  const SaleRecord& r = p.record_sale(Sale{"S1", day("2026-01-25"), "PRD", 11, Rupiah(9091), SaleChannel::Online,
                                           std::nullopt, ""});
  EXPECT_EQ(r.amount, Rupiah(100001));
  EXPECT_EQ(r.lines[0].revenue + r.lines[1].revenue, Rupiah(100001));
  EXPECT_EQ(r.lines[0].revenue, Rupiah(90910));
  EXPECT_EQ(r.lines[1].revenue, Rupiah(9091));
}

TEST(Sale, InvalidSalesChangeNothing) {
  Programmes p = model();
  try {
    p.record_sale(Sale{"S1", day("2026-01-25"), "NOPE", 1, Rupiah(1), SaleChannel::Gallery, std::nullopt, ""});
    FAIL();
  } catch (const UnknownReference& e) {
    EXPECT_EQ(e.field(), "sale.product_id");
    EXPECT_EQ(e.value(), "NOPE");
  }
  EXPECT_THROW(p.record_sale(gallery_sale("S1", "2026-01-25", 16, 1000)), ValueError);  // only 15 in stock
  EXPECT_THROW(p.record_sale(gallery_sale("S1", "2026-01-25", 0, 1000)), ValueError);
  EXPECT_THROW(p.record_sale(gallery_sale("S1", "2026-01-25", 1, -1)), ValueError);
  EXPECT_THROW(p.record_sale(gallery_sale("S1", "2026-01-19", 1, 1000)), ValueError);  // before the last movement
  EXPECT_TRUE(p.sales().empty());
  EXPECT_EQ(p.stock("PRD"), 15);
  p.record_sale(gallery_sale("S1", "2026-01-25", 1, 1000));
  EXPECT_THROW(p.record_sale(gallery_sale("S1", "2026-01-26", 1, 1000)), ValueError);  // id reused
}

TEST(Batch, ContributorsMustBeEnrolledAndDistinct) {
  Programmes p = model();
  auto batch = [](std::vector<Contribution> c) {
    return Batch{"B3", "PRD", "W-IN", day("2026-01-21"), 4, Rupiah(1000), ContributionBasis::Hours, std::move(c),
                 std::nullopt};
  };
  try {
    p.add_batch(batch({{"WBP-1", 2}, {"WBP-9", 2}}));
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "batch.contributors[1].inmate_id");
    EXPECT_EQ(e.value(), "WBP-9");
  }
  EXPECT_THROW(p.add_batch(batch({{"WBP-1", 2}, {"WBP-1", 2}})), ValueError);
  EXPECT_THROW(p.add_batch(batch({{"WBP-1", 0}})), ValueError);
  EXPECT_THROW(p.add_batch(batch({})), ValueError);
  Batch unknown_workshop = batch({{"WBP-1", 1}});
  unknown_workshop.workshop_id = "W-X";
  EXPECT_THROW(p.add_batch(unknown_workshop), UnknownReference);
  Batch early = batch({{"WBP-1", 1}});
  early.date = day("2026-01-15");
  EXPECT_THROW(p.add_batch(early), ValueError);  // stock movements in date order
  EXPECT_EQ(p.batches().size(), 2u);
}

TEST(Sale, SixtyFifteenTwentyFiveScheduleAppliesFromItsDay) {
  Programmes p(ProfitSplitSchedule({ProfitSplitPolicy::kepmen_1990(),
                                    ProfitSplitPolicy(day("2026-02-01"), 60, 15, 25, "another office")}));
  p.add_programme({"P", ProgrammeKind::Crafts, "Kerajinan"});
  p.add_workshop({"W", "P", "Bengkel", 5, test::weekly(day("2026-01-05"), 8, 2), {}, Location::InsideWalls,
                  std::nullopt});
  p.add_product({"X", "Tas"});
  p.request_enrolment("WBP-1", "W", day("2026-01-02"), serving());
  p.add_batch({"B", "X", "W", day("2026-01-05"), 2, Rupiah(0), ContributionBasis::Pieces, {{"WBP-1", 2}},
               std::nullopt});
  EXPECT_EQ(p.record_sale({"S1", day("2026-01-31"), "X", 1, Rupiah(100000), SaleChannel::Gallery, std::nullopt, ""})
                .lines[0]
                .shares.premi,
            Rupiah(50000));
  const SaleRecord& r =
      p.record_sale({"S2", day("2026-02-01"), "X", 1, Rupiah(100000), SaleChannel::Gallery, std::nullopt, ""});
  EXPECT_EQ(r.lines[0].shares.premi, Rupiah(60000));
  EXPECT_EQ(r.lines[0].shares.pnbp, Rupiah(15000));
  EXPECT_EQ(r.lines[0].shares.capital, Rupiah(25000));
  EXPECT_EQ(r.policy_source, "another office");
}
