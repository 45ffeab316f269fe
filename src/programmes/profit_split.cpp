#include <binaan/programmes/profit_split.hpp>

#include <binaan/error.hpp>
#include <binaan/programmes/split.hpp>

#include "programmes/checks.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace binaan {

ProfitSplitPolicy::ProfitSplitPolicy(Date effective_from, int premi_percent, int pnbp_percent, int capital_percent,
                                     std::string source)
    : effective_from_(effective_from),
      premi_(premi_percent),
      pnbp_(pnbp_percent),
      capital_(capital_percent),
      source_(std::move(source)) {
  detail::require_date("profit_split.from", effective_from);
  const std::pair<const char*, int> parts[] = {
      {"profit_split.premi", premi_}, {"profit_split.pnbp", pnbp_}, {"profit_split.capital", capital_}};
  for (const auto& [field, p] : parts)
    if (p < 0 || p > 100) throw ValueError(field, std::to_string(p), "must be a whole percent 0-100");
  if (premi_ + pnbp_ + capital_ != 100)
    throw ValueError("profit_split", std::to_string(premi_) + "/" + std::to_string(pnbp_) + "/" +
                                         std::to_string(capital_),
                     "premi + pnbp + capital must be 100");
  detail::require_id("profit_split.source", source_);
}

ProfitSplitPolicy ProfitSplitPolicy::kepmen_1990() {
  return ProfitSplitPolicy(Date(1990, 1, 1), 50, 15, 35, "Kepmen Kehakiman M.01-PP.02.01/1990");
}

ProfitSplitSchedule::ProfitSplitSchedule(std::vector<ProfitSplitPolicy> policies) : policies_(std::move(policies)) {
  if (policies_.empty()) throw ValueError("profit_split", "[]", "needs at least one policy");
  std::stable_sort(policies_.begin(), policies_.end(), [](const ProfitSplitPolicy& a, const ProfitSplitPolicy& b) {
    return a.effective_from() < b.effective_from();
  });
  for (std::size_t i = 1; i < policies_.size(); ++i)
    if (policies_[i].effective_from() == policies_[i - 1].effective_from())
      throw ValueError("profit_split.from", format_date(policies_[i].effective_from()), "two policies start that day");
}

ProfitSplitSchedule ProfitSplitSchedule::defaults() { return ProfitSplitSchedule({ProfitSplitPolicy::kepmen_1990()}); }

const ProfitSplitPolicy& ProfitSplitSchedule::on(Date day) const {
  auto it = std::upper_bound(policies_.begin(), policies_.end(), day,
                             [](Date d, const ProfitSplitPolicy& p) { return d < p.effective_from(); });
  if (it == policies_.begin())
    throw LookupError("no profit-split policy in force on " + format_date(day) + "; the first starts " +
                      format_date(policies_.front().effective_from()));
  return *(it - 1);
}

ProfitSplitSchedule parse_profit_split_schedule(std::string_view json, std::string_view file) {
  const std::string f(file);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(f, 0, "", "", std::string("not JSON: ") + e.what());
  }
  if (!doc.is_array() || doc.empty()) throw InputError(f, 0, "", doc.dump().substr(0, 40), "expected an array of policies");
  std::vector<ProfitSplitPolicy> out;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const nlohmann::json& p = doc[i];
    const std::string at = "[" + std::to_string(i) + "]";
    if (!p.is_object()) throw InputError(f, 0, at, p.dump().substr(0, 40), "expected an object");
    auto percent = [&](const char* key) {
      const std::string path = at + "." + key;
      if (!p.contains(key)) throw InputError(f, 0, path, "", "missing");
      const nlohmann::json& v = p[key];
      if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 100)
        throw InputError(f, 0, path, v.dump(), "expected a whole percent 0-100");
      return static_cast<int>(v.get<std::int64_t>());
    };
    auto text = [&](const char* key) {
      const std::string path = at + "." + key;
      if (!p.contains(key) || !p[key].is_string()) throw InputError(f, 0, path, p.value(key, nlohmann::json()).dump(), "expected a string");
      return p[key].get<std::string>();
    };
    const std::string from_text = text("from");
    Date from;
    try {
      from = parse_date(from_text, at + ".from");
    } catch (const ValueError&) {
      throw InputError(f, 0, at + ".from", from_text, "expected a date YYYY-MM-DD");
    }
    const int premi = percent("premi");
    const int pnbp = percent("pnbp");
    const int capital = percent("capital");
    const std::string source = text("source");
    try {
      out.emplace_back(from, premi, pnbp, capital, source);
    } catch (const ValueError& e) {
      throw InputError(f, 0, at, e.value(), e.why());
    }
  }
  try {
    return ProfitSplitSchedule(std::move(out));
  } catch (const ValueError& e) {
    throw InputError(f, 0, "", e.value(), e.why());
  }
}

ProfitShares split_profit(Rupiah profit, const ProfitSplitPolicy& policy) {
  // A loss gives no premi and no PNBP; working capital bears it (rules-indonesia.md §8).
  if (profit.value() <= 0) return ProfitShares{Rupiah(0), Rupiah(0), profit};
  const auto parts = split_largest_remainder(
      profit, {{"capital", policy.capital_percent()}, {"pnbp", policy.pnbp_percent()}, {"premi", policy.premi_percent()}});
  return ProfitShares{parts[2].amount, parts[1].amount, parts[0].amount};
}

}  // namespace binaan
