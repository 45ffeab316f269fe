#pragma once
// The golden case files of tests/golden/, for the tests that run every one of them.

#include <binaan/io/case_json.hpp>
#include <binaan/people/case.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace binaan::testing {

/// The golden case files (tests/golden/*.json), sorted by file name.
inline std::vector<std::string> golden_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(BINAAN_TEST_DATA_DIR) + "/golden"))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

/// Those files read as cases, in that order.
inline std::vector<Case> golden_cases() {
  std::vector<Case> cases;
  for (const auto& f : golden_files()) cases.push_back(read_case_json(read_file_text(f), f));
  return cases;
}

}  // namespace binaan::testing
