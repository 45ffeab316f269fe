#pragma once
/// \file
/// The golden-test rule of case-format.md: a test passes when `expect` is a subset of the result. Every key of
/// `expect` must be in the result with an equal value, objects compared recursively the same way; the top-level
/// `grants` are compared as a whole list on the four keys date, kind, days and release (result entries may carry
/// more keys). Anything else (arrays, scalars) must be equal; numbers compare by value (15 == 15.0).

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace binaan::testing {

namespace detail {

inline std::string subset_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

inline std::string subset_show(const nlohmann::json& j) {
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (s.size() > 200) s = s.substr(0, 200) + "...";
  return s;
}

/// A grant reduced to the four compared keys; a missing key stays missing (and then differs from a present one).
inline nlohmann::json grant_projection(const nlohmann::json& g) {
  static const std::array<const char*, 4> kKeys{"date", "kind", "days", "release"};
  if (!g.is_object()) return g;
  nlohmann::json p = nlohmann::json::object();
  for (const char* k : kKeys) {
    auto it = g.find(k);
    if (it != g.end()) p[k] = *it;
  }
  return p;
}

inline void compare_grants(const nlohmann::json& expect, const nlohmann::json& actual, const std::string& path,
                           std::vector<std::string>& out) {
  if (!actual.is_array()) {
    out.push_back(path + ": expected a list of grants, got " + subset_show(actual));
    return;
  }
  const std::size_t common = std::min(expect.size(), actual.size());
  for (std::size_t i = 0; i < common; ++i) {
    const nlohmann::json e = grant_projection(expect[i]);
    const nlohmann::json a = grant_projection(actual[i]);
    if (e != a)
      out.push_back(path + "[" + std::to_string(i) + "]: expected " + subset_show(e) + ", got " + subset_show(a));
  }
  for (std::size_t i = common; i < expect.size(); ++i)
    out.push_back(path + "[" + std::to_string(i) + "]: expected " + subset_show(grant_projection(expect[i])) +
                  ", but the result has only " + std::to_string(actual.size()) + " grants");
  for (std::size_t i = common; i < actual.size(); ++i)
    out.push_back(path + "[" + std::to_string(i) + "]: computed but not expected: " +
                  subset_show(grant_projection(actual[i])));
}

inline void compare_subset(const nlohmann::json& expect, const nlohmann::json& actual, const std::string& path,
                           std::vector<std::string>& out) {
  if (expect.is_object()) {
    if (!actual.is_object()) {
      out.push_back((path.empty() ? std::string("(top level)") : path) + ": expected an object, got " +
                    subset_show(actual));
      return;
    }
    for (auto it = expect.begin(); it != expect.end(); ++it) {
      const std::string at = subset_path(path, it.key());
      auto found = actual.find(it.key());
      if (found == actual.end()) {
        out.push_back(at + ": expected " + subset_show(it.value()) + ", but the result has no such key");
      } else if (path.empty() && it.key() == "grants" && it.value().is_array()) {
        compare_grants(it.value(), *found, at, out);
      } else {
        compare_subset(it.value(), *found, at, out);
      }
    }
    return;
  }
  if (expect != actual)
    out.push_back((path.empty() ? std::string("(top level)") : path) + ": expected " + subset_show(expect) +
                  ", got " + subset_show(actual));
}

}  // namespace detail

/// The ways `actual` fails to contain `expect` under the golden-test rule, each naming its key path
/// (`milestones.pb: expected "2018-08-17", got "2018-08-18"`); empty when the test passes.
inline std::vector<std::string> json_subset_mismatches(const nlohmann::json& expect, const nlohmann::json& actual) {
  std::vector<std::string> out;
  detail::compare_subset(expect, actual, "", out);
  return out;
}

}  // namespace binaan::testing
