#include <binaan/programmes/profit_split.hpp>

#include <binaan/error.hpp>
#include <binaan/programmes/split.hpp>

#include "programmes/checks.hpp"

#include "io/detail_json.hpp"

#include <algorithm>
#include <charconv>

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

namespace {

// A schedule file is an array of flat objects; these bound what a hostile file can make the reader hold. The policy
// files' limits: no `from` or `source` that long could be accepted anyway (a source is at most 1,000 bytes).
constexpr std::size_t kMaxScheduleDepth = 16;
constexpr std::size_t kMaxScheduleStringChars = 1000;

/// Reads one schedule file; every refusal names the file, the line of the offending value (of the object for a
/// missing key), the key path and the value.
class ScheduleReader {
public:
  ScheduleReader(std::string_view text, const std::string& file) : file_(file) {
    // nlohmann-json, which read these files before, skipped a byte order mark: still accepted.
    text = detail::strip_bom(text);
    doc_.parse(text, {file_, 0, kMaxScheduleDepth, kMaxScheduleStringChars});
  }

  ProfitSplitSchedule read() const {
    const detail::JsonNode& root = doc_.root();
    if (root.kind != detail::JsonKind::Array || root.first == detail::kNoJsonNode)
      refuse(root, "", "expected an array of policies");
    std::vector<ProfitSplitPolicy> out;
    std::vector<const detail::JsonNode*> objects;  // out[i] was read from objects[i]
    for (const detail::JsonNode& p : doc_.children(root)) {
      const std::string at = "[" + std::to_string(out.size()) + "]";
      if (p.kind != detail::JsonKind::Object) refuse(p, at, "expected an object");
      objects.push_back(&p);
      out.push_back(policy(p, at));
    }
    std::vector<Date> days;  // in file order: the schedule sorts its policies
    for (const ProfitSplitPolicy& p : out) days.push_back(p.effective_from());
    try {
      return ProfitSplitSchedule(std::move(out));
    } catch (const ValueError& e) {
      // The schedule's only refusal left is two policies on one day: name the later one in the file.
      for (std::size_t j = 1; j < days.size(); ++j)
        for (std::size_t k = 0; k < j; ++k)
          if (days[k] == days[j])
            refuse(*member(*objects[j], "from"), "[" + std::to_string(j) + "].from",
                   e.why() + " (also [" + std::to_string(k) + "])");
      throw InputError(file_, doc_.line_of(root), "", e.value(), e.why());
    }
  }

private:
  [[noreturn]] void refuse(const detail::JsonNode& n, const std::string& path, const std::string& why) const {
    throw InputError(file_, doc_.line_of(n), path, detail::describe_json(doc_, n), why);
  }

  const detail::JsonNode* member(const detail::JsonNode& object, std::string_view key) const {
    for (const detail::JsonNode& m : doc_.children(object))
      if (m.key == key) return &m;
    return nullptr;
  }

  /// The member `key` of `object`; a missing key is refused on the object's line.
  const detail::JsonNode& required(const detail::JsonNode& object, const std::string& at, const char* key) const {
    const detail::JsonNode* m = member(object, key);
    if (!m) throw InputError(file_, doc_.line_of(object), at + "." + key, "", "missing required key");
    return *m;
  }

  std::string text(const detail::JsonNode& object, const std::string& at, const char* key) const {
    const detail::JsonNode& m = required(object, at, key);
    if (m.kind != detail::JsonKind::String) refuse(m, at + "." + key, "expected a string");
    return std::string(m.text);
  }

  int percent(const detail::JsonNode& object, const std::string& at, const char* key) const {
    const detail::JsonNode& m = required(object, at, key);
    // Only an integer literal ("60", "-0"; not "60.0" or "6e1"), as nlohmann's is_number_integer took it.
    int v = -1;
    if (m.kind == detail::JsonKind::Integer) {
      const char* last = m.text.data() + m.text.size();
      const auto [end, ec] = std::from_chars(m.text.data(), last, v);
      if (ec != std::errc() || end != last) v = -1;
    }
    if (v < 0 || v > 100) refuse(m, at + "." + key, "expected a whole percent 0-100");
    return v;
  }

  ProfitSplitPolicy policy(const detail::JsonNode& p, const std::string& at) const {
    // Checked in this order: from, premi, pnbp, capital, source, then the sum.
    const std::string from_text = text(p, at, "from");
    Date from;
    try {
      from = parse_date(from_text, at + ".from");
    } catch (const ValueError& e) {
      refuse(*member(p, "from"), at + ".from", e.why());  // not YYYY-MM-DD, no such day, or outside the years
    }
    const int premi = percent(p, at, "premi");
    const int pnbp = percent(p, at, "pnbp");
    const int capital = percent(p, at, "capital");
    const std::string source = text(p, at, "source");
    try {
      return ProfitSplitPolicy(from, premi, pnbp, capital, source);
    } catch (const ValueError& e) {
      if (e.field() == "profit_split.source") refuse(*member(p, "source"), at + ".source", e.why());
      throw InputError(file_, doc_.line_of(p), at, e.value(), e.why());  // the sum: the object's line
    }
  }

  const std::string& file_;
  detail::JsonDocument doc_;
};

}  // namespace

ProfitSplitSchedule parse_profit_split_schedule(std::string_view json, std::string_view file) {
  const std::string f(file);
  return ScheduleReader(json, f).read();
}

ProfitShares split_profit(Rupiah profit, const ProfitSplitPolicy& policy) {
  // A loss gives no premi and no PNBP; working capital bears it (rules-indonesia.md §8).
  if (profit.value() <= 0) return ProfitShares{Rupiah(0), Rupiah(0), profit};
  const auto parts = split_largest_remainder(
      profit, {{"capital", policy.capital_percent()}, {"pnbp", policy.pnbp_percent()}, {"premi", policy.premi_percent()}});
  return ProfitShares{parts[2].amount, parts[1].amount, parts[0].amount};
}

}  // namespace binaan
