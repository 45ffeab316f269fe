#include <binaan/error.hpp>
#include <binaan/programmes/profit_split.hpp>

#include <gtest/gtest.h>

#include <random>

using namespace binaan;

TEST(ProfitSplit, KepmenDefaultIsFiftyFifteenThirtyFive) {
  const ProfitSplitPolicy p = ProfitSplitPolicy::kepmen_1990();
  EXPECT_EQ(p.premi_percent(), 50);
  EXPECT_EQ(p.pnbp_percent(), 15);
  EXPECT_EQ(p.capital_percent(), 35);
  EXPECT_EQ(p.source(), "Kepmen Kehakiman M.01-PP.02.01/1990");
  const ProfitShares s = split_profit(Rupiah(1000000), p);
  EXPECT_EQ(s.premi, Rupiah(500000));
  EXPECT_EQ(s.pnbp, Rupiah(150000));
  EXPECT_EQ(s.capital, Rupiah(350000));
}

TEST(ProfitSplit, OddRupiahByLargestRemainder) {
  // 474,999 × 35/15/50 %: floors 166,249 / 71,249 / 237,499 (sum 474,997); remainders ×100: 65 / 85 / 50, so the
  // two rupiah left go to PNBP and capital.
  const ProfitShares s = split_profit(Rupiah(474999), ProfitSplitPolicy::kepmen_1990());
  EXPECT_EQ(s.capital, Rupiah(166250));
  EXPECT_EQ(s.pnbp, Rupiah(71250));
  EXPECT_EQ(s.premi, Rupiah(237499));
  // 1 rupiah: remainders 35 / 15 / 50 → premi.
  const ProfitShares one = split_profit(Rupiah(1), ProfitSplitPolicy::kepmen_1990());
  EXPECT_EQ(one.premi, Rupiah(1));
  EXPECT_EQ(one.pnbp, Rupiah(0));
  EXPECT_EQ(one.capital, Rupiah(0));
}

TEST(ProfitSplit, LossGivesNoPremiAndCapitalBearsIt) {
  const ProfitShares loss = split_profit(Rupiah(-25000), ProfitSplitPolicy::kepmen_1990());
  EXPECT_EQ(loss.premi, Rupiah(0));
  EXPECT_EQ(loss.pnbp, Rupiah(0));
  EXPECT_EQ(loss.capital, Rupiah(-25000));
  const ProfitShares zero = split_profit(Rupiah(0), ProfitSplitPolicy::kepmen_1990());
  EXPECT_EQ(zero.premi, Rupiah(0));
  EXPECT_EQ(zero.capital, Rupiah(0));
}

TEST(ProfitSplit, PropertyThreeSharesSumToTheProfit) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 3000; ++round) {
    const int premi = static_cast<int>(rng() % 101);
    const int pnbp = static_cast<int>(rng() % static_cast<std::uint64_t>(101 - premi));
    const ProfitSplitPolicy policy(Date(2020, 1, 1), premi, pnbp, 100 - premi - pnbp, "random");
    const std::int64_t profit = static_cast<std::int64_t>(rng() % 2'000'000'000) - 200'000'000;
    const ProfitShares s = split_profit(Rupiah(profit), policy);
    EXPECT_EQ((s.premi + s.pnbp + s.capital).value(), profit) << round;
    if (profit > 0) {
      EXPECT_GE(s.premi.value(), 0);
      EXPECT_LE(s.premi.value() * 100, profit * premi + 100);
      EXPECT_GE(s.premi.value() * 100, profit * premi - 100);
    } else {
      EXPECT_EQ(s.premi.value(), 0);
      EXPECT_EQ(s.pnbp.value(), 0);
    }
  }
}

TEST(ProfitSplit, PolicyValidates) {
  EXPECT_THROW(ProfitSplitPolicy(Date(2020, 1, 1), 50, 15, 30, "x"), ValueError);
  EXPECT_THROW(ProfitSplitPolicy(Date(2020, 1, 1), 110, -10, 0, "x"), ValueError);
  EXPECT_THROW(ProfitSplitPolicy(Date(), 50, 15, 35, "x"), ValueError);
  EXPECT_THROW(ProfitSplitPolicy(Date(2020, 1, 1), 50, 15, 35, ""), ValueError);
}

TEST(ProfitSplit, ScheduleChoosesThePolicyInForce) {
  const ProfitSplitSchedule s({ProfitSplitPolicy(Date(2024, 7, 1), 60, 15, 25, "SK Kalapas 2024"),
                               ProfitSplitPolicy::kepmen_1990()});
  EXPECT_EQ(s.on(Date(2024, 6, 30)).premi_percent(), 50);
  EXPECT_EQ(s.on(Date(2024, 7, 1)).premi_percent(), 60);
  EXPECT_EQ(s.on(Date(2030, 1, 1)).capital_percent(), 25);
  EXPECT_THROW(s.on(Date(1989, 12, 31)), LookupError);
  EXPECT_THROW(ProfitSplitSchedule({}), ValueError);
  EXPECT_THROW(ProfitSplitSchedule({ProfitSplitPolicy::kepmen_1990(), ProfitSplitPolicy::kepmen_1990()}), ValueError);
  EXPECT_EQ(ProfitSplitSchedule::defaults().policies().size(), 1u);
}

TEST(ProfitSplit, AnotherOfficesSixtyFifteenTwentyFiveLoadsFromJson) {
  const ProfitSplitSchedule s = parse_profit_split_schedule(R"([
    {"from": "1990-01-01", "premi": 50, "pnbp": 15, "capital": 35, "source": "Kepmen Kehakiman M.01-PP.02.01/1990"},
    {"from": "2015-01-01", "premi": 60, "pnbp": 15, "capital": 25, "source": "another office"}
  ])",
                                                           "split.json");
  const ProfitShares shares = split_profit(Rupiah(1000000), s.on(Date(2026, 1, 1)));
  EXPECT_EQ(shares.premi, Rupiah(600000));
  EXPECT_EQ(shares.pnbp, Rupiah(150000));
  EXPECT_EQ(shares.capital, Rupiah(250000));
  EXPECT_EQ(s.on(Date(2014, 12, 31)).premi_percent(), 50);
}

TEST(ProfitSplit, BadJsonNamesFileAndPath) {
  auto error_of = [](const char* text) -> std::string {
    try {
      parse_profit_split_schedule(text, "split.json");
    } catch (const InputError& e) {
      return e.path() + " | " + e.value();
    }
    return "no error";
  };
  EXPECT_EQ(error_of(R"([{"from": "2015-01-01", "premi": 60.5, "pnbp": 15, "capital": 25, "source": "x"}])"),
            "[0].premi | 60.5");
  EXPECT_EQ(error_of(R"([{"from": "2015-1-1", "premi": 60, "pnbp": 15, "capital": 25, "source": "x"}])"),
            "[0].from | \"2015-1-1\"");
  EXPECT_EQ(error_of(R"([{"from": "2015-01-01", "premi": 60, "pnbp": 15, "capital": 35, "source": "x"}])"),
            "[0] | 60/15/35");
  EXPECT_EQ(error_of(R"([{"from": "2015-01-01", "pnbp": 15, "capital": 25, "source": "x"}])"), "[0].premi | ");
  EXPECT_EQ(error_of("{}"), " | {}");
  EXPECT_THROW(parse_profit_split_schedule("[", "split.json"), InputError);
}
