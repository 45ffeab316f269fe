// parse_profit_split_schedule: what a schedule file may hold, and that every refusal names the file, the line of
// the offending value (of the object for a missing key), the key path and the value.
#include <binaan/error.hpp>
#include <binaan/programmes/profit_split.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace binaan;

namespace {

// Three policies out of date order, one per line from line 2; the second object spans lines 3-5.
const std::string kValid =
    "[\n"
    R"(  {"from": "2015-01-01", "premi": 60, "pnbp": 15, "capital": 25, "source": "another office"},)" "\n"
    R"(  {"from": "1990-01-01", "premi": 50,)" "\n"
    R"(   "pnbp": 15, "capital": 35,)" "\n"
    R"(   "source": "Kepmen Kehakiman M.01-PP.02.01/1990"},)" "\n"
    R"(  {"from": "2024-07-01", "premi": 55, "pnbp": 20, "capital": 25, "source": "SK Kalapas 2024"})" "\n"
    "]\n";

/// `text` with one occurrence of `from` replaced by `to`.
std::string edit(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// The refusal's parts as "line | path | value | message", or "no error".
std::string refusal(const std::string& text) {
  try {
    parse_profit_split_schedule(text, "split.json");
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "split.json");
    return std::to_string(e.line()) + " | " + e.path() + " | " + e.value() + " | " + e.what();
  }
  return "no error";
}

/// Every policy as "from premi/pnbp/capital source", in schedule order.
std::string describe(const ProfitSplitSchedule& s) {
  std::string out;
  for (const ProfitSplitPolicy& p : s.policies())
    out += format_date(p.effective_from()) + " " + std::to_string(p.premi_percent()) + "/" +
           std::to_string(p.pnbp_percent()) + "/" + std::to_string(p.capital_percent()) + " " + p.source() + "\n";
  return out;
}

const std::string kValidSchedule =
    "1990-01-01 50/15/35 Kepmen Kehakiman M.01-PP.02.01/1990\n"
    "2015-01-01 60/15/25 another office\n"
    "2024-07-01 55/20/25 SK Kalapas 2024\n";

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

TEST(ProfitSplitJson, ValidMultiPolicyFileParsesToTheSameSchedule) {
  const ProfitSplitSchedule s = parse_profit_split_schedule(kValid, "split.json");
  EXPECT_EQ(describe(s), kValidSchedule);
  EXPECT_EQ(s.on(Date(2014, 12, 31)).premi_percent(), 50);
  EXPECT_EQ(s.on(Date(2015, 1, 1)).premi_percent(), 60);
  EXPECT_EQ(s.on(Date(2024, 7, 1)).pnbp_percent(), 20);
  // The file name is optional.
  EXPECT_EQ(describe(parse_profit_split_schedule(kValid)), kValidSchedule);
}

TEST(ProfitSplitJson, AcceptsWhatTheNlohmannReaderAccepted) {
  // A byte order mark, unknown keys (nested too), an escaped key, -0, an escaped character in a string, a
  // one-line file and tabs: all read as before.
  const std::string text = "\xEF\xBB\xBF[{\"from\":\"2015-01-01\",\t\"pr\\u0065mi\": 100, \"pnbp\": -0, "
                           "\"capital\": 0, \"source\": \"SK \\u00e9\", \"note\": {\"a\": [1, 2.5, null]}}]";
  const ProfitSplitSchedule s = parse_profit_split_schedule(text, "split.json");
  EXPECT_EQ(describe(s), "2015-01-01 100/0/0 SK \xC3\xA9\n");
}

TEST(ProfitSplitJson, CrlfFileReadsAndNamesTheSameLines) {
  EXPECT_EQ(describe(parse_profit_split_schedule(crlf(kValid), "split.json")), kValidSchedule);
  EXPECT_EQ(refusal(crlf(edit(kValid, "\"pnbp\": 15, \"capital\": 35", "\"pnbp\": 15.0, \"capital\": 35"))),
            "4 | [1].pnbp | 15.0 | split.json:4: [1].pnbp: expected a whole percent 0-100 (value: 15.0)");
  EXPECT_EQ(refusal(crlf(edit(kValid, "\"premi\": 55, ", ""))),
            "6 | [2].premi |  | split.json:6: [2].premi: missing required key");
}

TEST(ProfitSplitJson, BadPercentNamesItsLine) {
  EXPECT_EQ(refusal(edit(kValid, "\"pnbp\": 15, \"capital\": 35", "\"pnbp\": 15, \"capital\": 101")),
            "4 | [1].capital | 101 | split.json:4: [1].capital: expected a whole percent 0-100 (value: 101)");
  EXPECT_EQ(refusal(edit(kValid, "\"premi\": 55", "\"premi\": \"55\"")),
            "6 | [2].premi | \"55\" | split.json:6: [2].premi: expected a whole percent 0-100 (value: \"55\")");
  EXPECT_EQ(refusal(edit(kValid, "\"premi\": 60", "\"premi\": -1")),
            "2 | [0].premi | -1 | split.json:2: [0].premi: expected a whole percent 0-100 (value: -1)");
  EXPECT_EQ(refusal(edit(kValid, "\"premi\": 60", "\"premi\": 6e1")),
            "2 | [0].premi | 6e1 | split.json:2: [0].premi: expected a whole percent 0-100 (value: 6e1)");
  // Past 64 bits: refused, not wrapped.
  EXPECT_EQ(refusal(edit(kValid, "\"premi\": 60", "\"premi\": 18446744073709551676")),
            "2 | [0].premi | 18446744073709551676 | split.json:2: [0].premi: expected a whole percent 0-100 (value: "
            "18446744073709551676)");
  EXPECT_EQ(refusal(edit(kValid, "\"premi\": 60", "\"premi\": null")),
            "2 | [0].premi | null | split.json:2: [0].premi: expected a whole percent 0-100 (value: null)");
  // A value on the line after its key names the value's line.
  EXPECT_EQ(refusal(edit(kValid, "\"capital\": 35,", "\"capital\":\n    136,")),
            "5 | [1].capital | 136 | split.json:5: [1].capital: expected a whole percent 0-100 (value: 136)");
}

TEST(ProfitSplitJson, PercentsNotSummingToHundredNameTheObjectsLine) {
  EXPECT_EQ(refusal(edit(kValid, "\"capital\": 35", "\"capital\": 34")),
            "3 | [1] | 50/15/34 | split.json:3: [1]: premi + pnbp + capital must be 100 (value: 50/15/34)");
}

TEST(ProfitSplitJson, MissingKeyNamesItsObjectsLine) {
  EXPECT_EQ(refusal(edit(kValid, "\"premi\": 50,", "")),
            "3 | [1].premi |  | split.json:3: [1].premi: missing required key");
  EXPECT_EQ(refusal(edit(kValid, "\"from\": \"2024-07-01\", ", "")),
            "6 | [2].from |  | split.json:6: [2].from: missing required key");
  EXPECT_EQ(refusal(edit(kValid, ",\n   \"source\": \"Kepmen Kehakiman M.01-PP.02.01/1990\"", "")),
            "3 | [1].source |  | split.json:3: [1].source: missing required key");
  EXPECT_EQ(refusal("[\n  {}\n]"), "2 | [0].from |  | split.json:2: [0].from: missing required key");
}

TEST(ProfitSplitJson, DuplicateKeyIsRefusedOnItsLine) {
  // nlohmann-json kept the last of the two; which one was meant cannot be known.
  EXPECT_EQ(refusal(edit(kValid, "\"capital\": 35,", "\"capital\": 35,\n   \"premi\": 51,")),
            "5 | [1].premi | 51 | split.json:5: [1].premi: duplicate key (value: 51)");
}

TEST(ProfitSplitJson, BadDateNamesItsLineAndWhy) {
  EXPECT_EQ(refusal(edit(kValid, "1990-01-01", "1990-02-30")),
            "3 | [1].from | \"1990-02-30\" | split.json:3: [1].from: no such calendar day (value: \"1990-02-30\")");
  EXPECT_EQ(refusal(edit(kValid, "2024-07-01", "2024-7-1")),
            "6 | [2].from | \"2024-7-1\" | split.json:6: [2].from: expected a date as YYYY-MM-DD (value: \"2024-7-1\")");
  EXPECT_EQ(refusal(edit(kValid, "2015-01-01", "1815-01-01")),
            "2 | [0].from | \"1815-01-01\" | split.json:2: [0].from: year outside 1900-2200 (value: \"1815-01-01\")");
  EXPECT_EQ(refusal(edit(kValid, "\"2015-01-01\"", "20150101")),
            "2 | [0].from | 20150101 | split.json:2: [0].from: expected a string (value: 20150101)");
}

TEST(ProfitSplitJson, TwoPoliciesOnOneDayNameTheLaterOnesLine) {
  EXPECT_EQ(refusal(edit(kValid, "2024-07-01", "2015-01-01")),
            "6 | [2].from | \"2015-01-01\" | split.json:6: [2].from: two policies start that day (also [0]) (value: "
            "\"2015-01-01\")");
}

TEST(ProfitSplitJson, BadSourceNamesItsLine) {
  EXPECT_EQ(refusal(edit(kValid, "\"another office\"", "\"\"")),
            "2 | [0].source | \"\" | split.json:2: [0].source: must not be empty (value: \"\")");
  EXPECT_EQ(refusal(edit(kValid, "\"SK Kalapas 2024\"", "[\"SK\"]")),
            "6 | [2].source | [\"SK\"] | split.json:6: [2].source: expected a string (value: [\"SK\"])");
  // Over the reader's 1,000 characters: refused while parsing, with the beginning of the string.
  EXPECT_EQ(refusal(edit(kValid, "another office", std::string(1001, 'x'))),
            "2 | [0].source | \"" + std::string(40, 'x') + "…\" | split.json:2: [0].source: a string longer than "
            "1000 characters (value: \"" + std::string(40, 'x') + "…\")");
}

TEST(ProfitSplitJson, NotAnArrayOfObjects) {
  EXPECT_EQ(refusal("{}"), "1 |  | {} | split.json:1: expected an array of policies (value: {})");
  EXPECT_EQ(refusal("\n\n  []\n"), "3 |  | [] | split.json:3: expected an array of policies (value: [])");
  EXPECT_EQ(refusal("\"policies\""),
            "1 |  | \"policies\" | split.json:1: expected an array of policies (value: \"policies\")");
  EXPECT_EQ(refusal(edit(kValid, "]\n", "  , 7\n]\n")),
            "7 | [3] | 7 | split.json:7: [3]: expected an object (value: 7)");
}

TEST(ProfitSplitJson, MalformedJsonNamesItsLine) {
  // A missing comma between two policies: the second object's line.
  EXPECT_EQ(refusal(edit(kValid, "\"another office\"},", "\"another office\"}")),
            "3 |  | {\"from\": \"1990-01-01 | split.json:3: malformed JSON at column 3 (byte 98): expected ',' or ']' "
            "after a value in an array (value: {\"from\": \"1990-01-01)");
  EXPECT_EQ(refusal("[\n  {\"from\": \"2015-01-01\",\n"),
            "3 | [0] |  | split.json:3: [0]: malformed JSON at column 1 (byte 28): expected a key (a string) "
            "(unexpected end of input)");
  EXPECT_EQ(refusal(""), "1 |  |  | split.json:1: malformed JSON at column 1 (byte 1): no JSON value (the input is "
                         "empty) (unexpected end of input)");
  // Invalid UTF-8 in a string, on line 2.
  EXPECT_EQ(refusal(edit(kValid, "another office", "another \xFF office")),
            "2 | [0].source | \\xFF | split.json:2: [0].source: invalid UTF-8 at column 85 (byte 87) (value: \\xFF)");
}
