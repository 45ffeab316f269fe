#pragma once
/// \file
/// The dated split of production profit into premi, PNBP and working capital (rules-indonesia.md §8; Kepmen
/// Kehakiman M.01-PP.02.01/1990, LOW on the numbers).

#include <binaan/export.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/time/date.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// One split, in whole percent, in force from `effective_from`. Construction validates: percents 0–100 summing to
/// 100, a real date, a source text.
class BINAAN_EXPORT ProfitSplitPolicy {
public:
  ProfitSplitPolicy(Date effective_from, int premi_percent, int pnbp_percent, int capital_percent, std::string source);

  /// 50 % premi, 15 % PNBP, 35 % working capital (Kepmen Kehakiman M.01-PP.02.01/1990). The decree's day is not
  /// known to us: it is taken to apply from 1990-01-01 (assumption).
  static ProfitSplitPolicy kepmen_1990();

  Date effective_from() const noexcept { return effective_from_; }
  int premi_percent() const noexcept { return premi_; }
  int pnbp_percent() const noexcept { return pnbp_; }
  int capital_percent() const noexcept { return capital_; }
  const std::string& source() const noexcept { return source_; }

private:
  Date effective_from_;
  int premi_;
  int pnbp_;
  int capital_;
  std::string source_;
};

/// Policies by date; the one in force on a day is the latest that starts on or before it.
class BINAAN_EXPORT ProfitSplitSchedule {
public:
  /// Throws ValueError when empty or when two policies start on the same day.
  explicit ProfitSplitSchedule(std::vector<ProfitSplitPolicy> policies);
  /// Only the Kepmen 1990 default.
  static ProfitSplitSchedule defaults();

  /// Throws LookupError for a day before the first policy.
  const ProfitSplitPolicy& on(Date day) const;
  const std::vector<ProfitSplitPolicy>& policies() const noexcept { return policies_; }

private:
  std::vector<ProfitSplitPolicy> policies_;  // by effective_from
};

/// Reads a schedule from JSON: an array of objects with `from` (YYYY-MM-DD), `premi`, `pnbp`, `capital` (whole
/// percent) and `source`, e.g. `[{"from": "2015-01-01", "premi": 60, "pnbp": 15, "capital": 25, "source": "…"}]`.
/// Throws InputError naming `file`, the line, the key path (`[0].premi`) and the value; duplicate keys, nesting
/// deeper than 16 and strings over 1,000 characters are refused like every JSON input of binaan.
BINAAN_EXPORT ProfitSplitSchedule parse_profit_split_schedule(std::string_view json, std::string_view file = "");

/// The three shares of one profit.
struct ProfitShares {
  Rupiah premi;
  Rupiah pnbp;
  Rupiah capital;
};

/// Splits a profit by the policy with split_largest_remainder over the claimants "capital", "pnbp", "premi" (so a
/// tied odd rupiah goes to capital first). A loss or zero profit gives no premi and no PNBP; working capital bears
/// it: {0, 0, profit} (§8).
BINAAN_EXPORT ProfitShares split_profit(Rupiah profit, const ProfitSplitPolicy& policy);

}  // namespace binaan
