#include <binaan/people/detention.hpp>

#include <binaan/error.hpp>

#include <string>
#include <utility>

namespace binaan {

DetentionHistory::DetentionHistory(std::vector<DetentionPeriod> periods) : periods_(std::move(periods)) {
  if (periods_.empty()) throw ValueError("detention", "[]", "at least one detention period is required");
  for (std::size_t i = 0; i < periods_.size(); ++i) {
    const auto& p = periods_[i];
    // The key path is built only for a refusal: every case of a national roster passes here.
    auto at = [i](const char* field) { return "detention[" + std::to_string(i) + "]." + field; };
    if (!p.to && i + 1 < periods_.size())
      throw ValueError(at("to"), "", "every detention period but the last needs an end (\"to\")");
    if (p.to && *p.to <= p.from)
      throw ValueError(at("to"), format_date(*p.to), "ends on or before its start " + format_date(p.from));
    if (i > 0 && p.from < *periods_[i - 1].to)
      throw ValueError(at("from"), format_date(p.from),
                       "starts before the previous period ends (" + format_date(*periods_[i - 1].to) +
                           "): periods must be oldest first and must not overlap");
  }
}

std::int32_t DetentionHistory::earlier_days() const noexcept {
  std::int32_t days = 0;
  for (std::size_t i = 0; i + 1 < periods_.size(); ++i) days += days_between(periods_[i].from, *periods_[i].to);
  return days;
}

Date DetentionHistory::sentence_start() const noexcept { return add_days(last_start(), -earlier_days()); }

}  // namespace binaan
