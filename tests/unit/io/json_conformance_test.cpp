// The case reader's JSON parser agrees with nlohmann-json on what JSON is (apart from binaan's own limits:
// duplicate keys, depth, string length), keeps numbers as written, and lets only InputError escape on any input.

#include "io_test_support.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <vector>

using namespace binaan;
using namespace binaan::iotest;

namespace {

/// `value` as the member "x" of expect in an otherwise valid case.
std::string with_expect_value(const std::string& value) { return base_plus("\"expect\":{\"x\":" + value + "}"); }

bool nlohmann_accepts(const std::string& text) { return !nlohmann::json::parse(text, nullptr, false).is_discarded(); }

}  // namespace

TEST(JsonConformance, AgreesWithNlohmannOnValues) {
  const std::vector<std::string> values{
      // accepted
      "0", "-0", "1", "-1", "1234567890123", "1.5", "-1.5e10", "1E+2", "1e-2", "0.0", "-0.0e0", "true", "false",
      "null", "\"\"", "\"a\"", "\"\\u00e9\"", "\"\\u00E9\"", "\"\\ud83d\\ude00\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
      "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"", "\"\\u0000\"", "\"\x7F\"", "[]", "[1,2]", " [ 1 , [ 2 ] ] ", "{}",
      "{\"a\":{\"b\":[]}}", "{ \"a\" : 1 , \"b\" : [ true , null ] }", "\"\xEF\xBF\xBF\"", "\"\xF4\x8F\xBF\xBF\"",
      // refused
      "01", "-", "+1", ".5", "1.", "1e", "1e+", "--1", "0x10", "NaN", "Infinity", "-Infinity", "tru", "nul", "True",
      "'a'", "\"a", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{,}", "{\"a\":1,}", "{1:2}", "\"\\x\"",
      "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\x01" "b\"", "\"a\nb\"", "\"\xC3\"",
      "\"\xC0\x80\"", "\"\xE0\x80\x80\"", "\"\xED\xBF\xBF\"", "\"\xF8\x88\x80\x80\x80\"", "\"\xFE\"", "[", "]", "{",
      "}", "", "1 2", "[1]]", "\"\\u00g0\"", "\"\\", "\xC3\xA9"};
  for (const std::string& v : values) {
    SCOPED_TRACE("value: " + v);
    const std::string text = with_expect_value(v);
    const bool reference = nlohmann_accepts("{\"x\":" + v + "}");
    bool accepted = false;
    std::string expect_json;
    try {
      expect_json = read_case_json(text, "c.json").expect_json;
      accepted = true;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("c.json"), std::string::npos);
    }
    EXPECT_EQ(accepted, reference);
    if (accepted && reference) {
      EXPECT_EQ(nlohmann::json::parse(expect_json), nlohmann::json::parse("{\"x\":" + v + "}"));
    }
  }
}

TEST(JsonConformance, NumbersAreKeptAsWritten) {
  // expect_json keeps the literal; the comparison tool decides what 1.50 and 1e400 mean.
  EXPECT_EQ(read_case_json(with_expect_value("1.50"), "c.json").expect_json, R"({"x":1.50})");
  EXPECT_EQ(read_case_json(with_expect_value("-0"), "c.json").expect_json, R"({"x":-0})");
  EXPECT_EQ(read_case_json(with_expect_value("1e400"), "c.json").expect_json, R"({"x":1e400})");
  EXPECT_EQ(read_case_json(with_expect_value("123456789012345678901234567890"), "c.json").expect_json,
            R"({"x":123456789012345678901234567890})");
}

TEST(JsonConformance, MutatedGoldenFilesOnlyEverThrowInputError) {
  // Random damage to real case files: every outcome is either a readable case (then also valid JSON, and it
  // round-trips) or an InputError naming the file; nothing else escapes, nothing crashes.
  const auto files = golden_files();
  ASSERT_FALSE(files.empty());
  std::mt19937 rng(174);
  const std::string interesting = "{}[]\",:\\0123456789-+.eEtfnu \n\t\x01\x7F\x80\xBF\xC3\xED\xF4\xFF";
  int accepted = 0;
  int refused = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = read_text(files[static_cast<std::size_t>(i) % files.size()]);
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits && !text.empty(); ++k) {
      const std::size_t at = rng() % text.size();
      const char c = interesting[rng() % interesting.size()];
      switch (rng() % 4) {
        case 0: text[at] = c; break;
        case 1: text.erase(at, 1); break;
        case 2: text.insert(at, 1, c); break;
        default: text.insert(at, text.substr(at, 1 + rng() % 40)); break;
      }
    }
    try {
      const Case c = read_case_json(text, "mutant.json");
      ++accepted;
      EXPECT_TRUE(nlohmann_accepts(text)) << text;
      EXPECT_EQ(canonical(read_case_json(write_case_json(c), "again.json")), canonical(c));
    } catch (const InputError& e) {
      ++refused;
      EXPECT_EQ(e.file(), "mutant.json");
      EXPECT_GE(e.line(), 1);
      EXPECT_EQ(std::string(e.what()).rfind("mutant.json:" + std::to_string(e.line()) + ": ", 0), 0u) << e.what();
    }
  }
  EXPECT_GT(accepted, 10);
  EXPECT_GT(refused, 1000);
}
