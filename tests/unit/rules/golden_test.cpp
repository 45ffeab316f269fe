// Every golden case of tests/golden/ through the library API: read, evaluate, render, compare with `expect` by the
// subset rule of case-format.md. (tests/cmake/golden.cmake runs the same files through `binaan evaluate`.)
#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>

#include "golden_cases.hpp"
#include "json_subset.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace binaan;

namespace {

using binaan::testing::golden_files;

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string stem = std::filesystem::path(info.param).stem().string();
  std::replace_if(stem.begin(), stem.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return stem;
}

class Golden : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(Golden, MatchesExpect) {
  const std::string& file = GetParam();
  Case c = read_case_json(read_file_text(file), file);
  ASSERT_FALSE(c.expect_json.empty()) << file << " has no expect";
  static const Engine engine;
  Evaluation ev = engine.evaluate(c);
  auto result = nlohmann::json::parse(evaluation_to_json(ev));
  auto expect = nlohmann::json::parse(c.expect_json);
  auto mismatches = binaan::testing::json_subset_mismatches(expect, result);
  for (const auto& m : mismatches) ADD_FAILURE() << file << ": " << m;
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(golden_files()), test_name);

TEST(GoldenSet, HasThePublicCasesAndManyMore) {
  auto files = golden_files();
  EXPECT_GE(files.size(), 7u);
  for (const char* name : {"t1-two-years-natal", "t4-corruption-subsider-cmb", "t5-tambahan-dasawarsa", "t6-one-year-cb",
                           "t10-ru-ii-subsider", "s1-muslim-full-ladder", "s2-corruption-paid-after-2021"}) {
    EXPECT_TRUE(std::any_of(files.begin(), files.end(),
                            [&](const std::string& f) { return std::filesystem::path(f).stem() == name; }))
        << name;
  }
}
