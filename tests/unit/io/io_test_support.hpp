#pragma once
// Helpers shared by the io tests: a small valid case to mutate, and reading test data.

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace binaan::iotest {

/// A small valid case file on one line: two detention periods, a fixed sentence, nothing optional.
inline const std::string kBaseCase =
    R"({"id":"c1","person":{"id":"P1","religion":"islam"},)"
    R"("detention":[{"from":"2019-01-10","to":"2019-03-10"},{"from":"2019-06-01"}],)"
    R"("sentence":{"term":"2y8m","offence":"general","verdict_final":"2021-11-15"}})";

/// kBaseCase with the first occurrence of `from` replaced by `to`; fails the test when `from` is not there.
inline std::string base_with(std::string_view from, std::string_view to) {
  std::string s = kBaseCase;
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "test input lacks " << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

/// kBaseCase with `member` (`"key": value`) added at the end of the top-level object.
inline std::string base_plus(std::string_view member) {
  std::string s = kBaseCase;
  s.insert(s.size() - 1, "," + std::string(member));
  return s;
}

inline std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<std::filesystem::path> golden_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(BINAAN_TEST_DATA_DIR) / "golden"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

/// The InputError that reading `text` as a case file throws; fails the test when nothing is thrown.
inline InputError case_refusal(const std::string& text, const std::string& file = "bad.json") {
  try {
    (void)read_case_json(text, file);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted: " << text.substr(0, 300);
  return InputError(file, 0, "<accepted>", "", "accepted");
}

/// Cases compare equal when they write the same.
inline std::string canonical(const Case& c) { return write_case_json(c, -1); }

}  // namespace binaan::iotest
