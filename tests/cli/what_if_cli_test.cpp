// `binaan what-if`: the grant-day roster (tests/data/rosters, built from the golden cases) projected under the
// default policy and under a changed one. T1's figures are worked in tests/unit/rules/what_if_test.cpp: with more
// than 90 days served needed instead of 180 it receives the RU of 2017 too, 135 days instead of 105, and leaves on
// 2018-12-25 instead of 2019-01-24.
#include "cli_support.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace binaan::clitest {
namespace {

using Json = nlohmann::json;

const std::string kRoster = data("tests/data/rosters/grant-day-2019-08-17.jsonl");
const std::string kRosterCsv = data("tests/data/rosters/grant-day-2019-08-17.csv");

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(CliWhatIf, TextSaysWhatMovesAndWhoWouldBeOutAtOnce) {
  Result r = run({"what-if", kRoster, "--set", "min_served_days=90", "--as-of", "2019-01-01"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_TRUE(has(r.out, "What if: min_served_days 180 -> 90\n")) << r.out;
  EXPECT_TRUE(has(r.out, "People: 12, with a projection changed: 3\n")) << r.out;
  EXPECT_TRUE(has(r.out, "Remission days in all: 2614 -> 2734 (+120)\n")) << r.out;
  // T1: out on 2018-12-25 under the alternative, on 2019-01-24 under the policy.
  EXPECT_TRUE(has(r.out, "As of 2019-01-01: 1 would be released at once, 0 released would still be held\n")) << r.out;
  EXPECT_TRUE(has(r.out, "\nexpiry                 3")) << r.out;
}

TEST(CliWhatIf, TextInIndonesian) {
  Result r = run({"what-if", kRoster, "--set", "min_served_days=90", "--as-of", "2019-01-01", "--lang", "id"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Bagaimana jika: min_served_days 180 -> 90\n")) << r.out;
  EXPECT_TRUE(has(r.out, "Per 2019-01-01: 1 akan segera bebas")) << r.out;
}

TEST(CliWhatIf, JsonSummary) {
  Result r = run({"what-if", kRoster, "--set", "min_served_days=90,ladder_index=receipts", "--as-of", "2019-01-01",
                  "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["as_of"], "2019-01-01");
  // ladder_index=receipts is the policy's own value: not a change.
  ASSERT_EQ(j["changes"].size(), 1u);
  EXPECT_EQ(j["changes"][0], (Json{{"name", "min_served_days"}, {"base", 180}, {"alternative", 90}}));
  EXPECT_EQ(j["people"], 12);
  EXPECT_EQ(j["changed"], 3);
  EXPECT_EQ(j["remission_days"], (Json{{"base", 2614}, {"alternative", 2734}}));
  EXPECT_EQ(j["due_at_once"], 1);
  EXPECT_EQ(j["held_longer"], 0);
  ASSERT_EQ(j["dates"].size(), 8u);
  const Json& expiry = j["dates"][0];
  EXPECT_EQ(expiry["date"], "expiry");
  EXPECT_EQ(expiry["earlier"], 3);
  EXPECT_EQ(expiry["later"], 0);
  EXPECT_EQ(expiry["unchanged"], 8);
  EXPECT_EQ(expiry["earlier"].get<int>() + expiry["unchanged"].get<int>(), 11);  // LI4 (life) has none
  EXPECT_GE(expiry["most_earlier"].get<int>(), 30);  // T1's
  EXPECT_EQ(j["dates"][7]["date"], "parole_expiry");
}

TEST(CliWhatIf, CsvListsOnlyThePeopleWhoseProjectionChanged) {
  Result r = run({"what-if", kRoster, "--set", "min_served_days=90", "--as-of", "2019-01-01", "--format", "csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;
  EXPECT_EQ(lines[0],
            "id,expiry,expiry_alternative,final_release,final_release_alternative,asimilasi,asimilasi_alternative,"
            "cmk,cmk_alternative,pb,pb_alternative,cb,cb_alternative,cmb_start,cmb_start_alternative,parole_expiry,"
            "parole_expiry_alternative,remission_days,remission_days_alternative");
  const auto t1 = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("T1,", 0) == 0; });
  ASSERT_NE(t1, lines.end()) << r.out;
  EXPECT_EQ(t1->substr(0, 47), "T1,2019-01-24,2018-12-25,2019-01-24,2018-12-25,");
  EXPECT_EQ(t1->substr(t1->size() - 8), ",105,135");
}

TEST(CliWhatIf, CsvRosterGivesTheSameAnswer) {
  const std::vector<std::string> tail = {"--set", "min_served_days=90", "--as-of", "2019-01-01", "--format", "json"};
  std::vector<std::string> a = {"what-if", kRoster}, b = {"what-if", kRosterCsv};
  a.insert(a.end(), tail.begin(), tail.end());
  b.insert(b.end(), tail.begin(), tail.end());
  Result x = run(a), y = run(b);
  ASSERT_EQ(x.status, 0) << x.err;
  EXPECT_EQ(x.out, y.out);
}

TEST(CliWhatIf, NothingChangedWhenTheValueIsTheSame) {
  Result r = run({"what-if", kRoster, "--set", "min_served_days=180", "--as-of", "2019-01-01", "--format", "csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(lines_of(r.out).size(), 1u) << r.out;  // the header alone
}

TEST(CliWhatIf, BadSetIsUsage) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"nope=1", "no policy parameter is named \"nope\""},
      {"min_served_days=abc", "--set min_served_days takes a whole number, not \"abc\""},
      {"min_served_days=-5", "policy.min_served_days"},
      {"assume_unrecorded_facts=yes", "--set assume_unrecorded_facts takes true or false, not \"yes\""},
      {"ladder_index=sideways", "policy.ladder_index"},
      {"uu22_from=2022-02-30", "policy.uu22_from"},
      {"min_served_days=90,min_served_days=91", "--set names min_served_days twice"},
      {"min_served_days=90,", "--set takes NAME=VALUE[,NAME=VALUE...], not \"\""},
      {"=90", "--set takes NAME=VALUE"},
      {"min_served_days", "--set takes NAME=VALUE"},
  };
  for (const auto& [set, message] : cases) {
    Result r = run({"what-if", kRoster, "--set", set, "--as-of", "2019-01-01"});
    EXPECT_EQ(r.status, 2) << set;
    EXPECT_TRUE(r.out.empty()) << set;
    EXPECT_TRUE(has(r.err, message)) << set << ": " << r.err;
  }
  Result none = run({"what-if", kRoster, "--as-of", "2019-01-01"});
  EXPECT_EQ(none.status, 2);
  EXPECT_TRUE(has(none.err, "what-if needs --set NAME=VALUE or --alternative FILE")) << none.err;
}

TEST(CliWhatIf, AlternativePolicyFile) {
  Scratch s;
  write_text(s / "ninety.json", "{\"id\": \"ninety\", \"min_served_days\": 90}\n");
  const std::vector<std::string> tail = {"--as-of", "2019-01-01", "--format", "json"};
  std::vector<std::string> from_file = {"what-if", kRoster, "--alternative", s / "ninety.json"};
  std::vector<std::string> from_set = {"what-if", kRoster, "--set", "min_served_days=90"};
  from_file.insert(from_file.end(), tail.begin(), tail.end());
  from_set.insert(from_set.end(), tail.begin(), tail.end());
  Result a = run(from_file), b = run(from_set);
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);  // the same alternative, whichever way it is given
  // --set on top of the file: both parameters listed, in the order of the policy's parameters.
  std::vector<std::string> both = {"what-if", kRoster, "--alternative", s / "ninety.json", "--set",
                                   "ladder_index=anniversaries", "--as-of", "2019-01-01"};
  Result c = run(both);
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_TRUE(has(c.out, "What if: ladder_index receipts -> anniversaries, min_served_days 180 -> 90\n")) << c.out;
  // The policy file is the alternative's own: --policy is the base of the comparison.
  Result d = run({"what-if", kRoster, "--policy", s / "ninety.json", "--alternative", s / "ninety.json", "--as-of",
                  "2019-01-01"});
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_TRUE(has(d.out, "What if: no parameter changes\nPeople: 12, with a projection changed: 0\n")) << d.out;
}

TEST(CliWhatIf, BadAlternativeFileIsBadInput) {
  Scratch s;
  write_text(s / "bad.json", "{\"min_served_days\": \"ninety\"}\n");
  Result r = run({"what-if", kRoster, "--alternative", s / "bad.json", "--as-of", "2019-01-01", "-o", s / "w.txt"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, s / "bad.json")) << r.err;
  EXPECT_TRUE(has(r.err, "min_served_days")) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(s.listing(), std::vector<std::string>{"bad.json"});  // nothing written
  Result missing = run({"what-if", kRoster, "--alternative", s / "absent.json", "--as-of", "2019-01-01"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_TRUE(has(missing.err, "absent.json")) << missing.err;
}

TEST(CliWhatIf, MissingRosterIsBadInput) {
  Scratch s;
  Result r = run({"what-if", s / "absent.jsonl", "--set", "min_served_days=90", "--as-of", "2019-01-01"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "absent.jsonl")) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliWhatIf, OutputFileAndTiming) {
  Scratch s;
  const std::vector<std::string> args = {"what-if", kRoster, "--set", "min_served_days=90", "--as-of", "2019-01-01",
                                         "--format", "csv"};
  std::vector<std::string> to_file = args;
  to_file.insert(to_file.end(), {"-o", s / "w.csv", "--timing"});
  Result r = run(to_file);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(read_text(s / "w.csv"), run(args).out);
  EXPECT_EQ(s.listing(), std::vector<std::string>{"w.csv"});
  for (const char* phase : {"timing: read", "timing: base", "timing: what-if", "timing: compare", "timing: render",
                            "timing: write", "timing: total"})
    EXPECT_TRUE(has(r.err, phase)) << phase << " in\n" << r.err;
}

// A facility (the demo prison) is projected with its programme records under both policies, as `binaan project`
// projects it: every changed person's dates under the policy are project's, and the unchanged are all the others.
TEST(CliWhatIf, FacilityWithProgrammeRecordsAsProjectSeesIt) {
  Scratch s;
  ASSERT_EQ(run({"generate", "demo", "-o", s / "demo.binaan"}).status, 0);
  Result w = run({"what-if", s / "demo.binaan", "--set", "min_served_days=90", "--as-of", "2026-12-02", "--format",
                  "csv"});
  ASSERT_EQ(w.status, 0) << w.err;
  Result p = run({"project", s / "demo.binaan", "--format", "csv"});
  ASSERT_EQ(p.status, 0) << p.err;
  // project's rows by id: expiry (column 4) and final release (column 5).
  std::map<std::string, std::pair<std::string, std::string>> projected;
  const std::vector<std::string> rows = lines_of(p.out);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::vector<std::string> cells;
    std::istringstream in(rows[i]);
    for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
    ASSERT_GE(cells.size(), 5u) << rows[i];
    projected[cells[0]] = {cells[3], cells[4]};
  }
  const std::vector<std::string> changed = lines_of(w.out);
  ASSERT_GT(changed.size(), 50u) << "a lower minimum moves many of the prison's 1,200";
  for (std::size_t i = 1; i < changed.size(); ++i) {
    std::vector<std::string> cells;
    std::istringstream in(changed[i]);
    for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
    ASSERT_GE(cells.size(), 5u) << changed[i];
    ASSERT_EQ(projected.count(cells[0]), 1u) << cells[0];
    EXPECT_EQ(cells[1], projected[cells[0]].first) << cells[0] << ": expiry under the policy";
    EXPECT_EQ(cells[3], projected[cells[0]].second) << cells[0] << ": final release under the policy";
  }
  Result j = run({"what-if", s / "demo.binaan", "--set", "min_served_days=90", "--as-of", "2026-12-02", "--format",
                  "json"});
  ASSERT_EQ(j.status, 0) << j.err;
  const Json summary = Json::parse(j.out);
  EXPECT_EQ(summary["people"].get<std::size_t>(), rows.size() - 1);
  EXPECT_EQ(summary["changed"].get<std::size_t>(), changed.size() - 1);
}

}  // namespace
}  // namespace binaan::clitest
