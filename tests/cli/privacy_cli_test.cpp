// `binaan research-export` run as a user runs it: the key file and its refusals, the formats, and on the demo
// prison that nothing naming a person leaves, neither in the research export nor in the partner report.
#include "cli_support.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace binaan::clitest {
namespace {

using Json = nlohmann::json;

const std::string kRoster = data("tests/data/rosters/grant-day-2019-08-17.jsonl");
// 32 bytes and the line end `echo` adds, which the key file rule drops.
const std::string kKeyText = "cli-test-key: thirty-two bytes!!";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

// A small facility (no programmes) from the test roster, and a key file.
struct Small {
  Scratch s;
  std::string facility = s / "f.binaan";
  std::string key = s / "key";
  Small() {
    write_text(key, kKeyText + "\n");
    EXPECT_EQ(run({"import", kRoster, "-o", facility}).status, 0);
  }
};

TEST(CliResearch, HelpAndMainUsage) {
  Result r = run({"research-export", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(has(r.out, "usage: binaan research-export FACILITY --key-file KEYFILE")) << r.out;
  EXPECT_TRUE(has(r.out, "HMAC-SHA-256(key, facility id + LF + person id)")) << r.out;
  EXPECT_TRUE(has(r.out, "Exit status")) << r.out;
  Result main_help = run({"--help"});
  EXPECT_TRUE(has(main_help.out, "  research-export FACILITY --key-file KEYFILE")) << main_help.out;
}

TEST(CliResearch, UsageErrors) {
  Small f;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"research-export", f.facility}, "there is no default key"},
      {{"research-export", "--key-file", f.key}, "exactly one FACILITY"},
      {{"research-export", f.facility, "--key-file", f.key, "--min-count", "1"}, "--min-count takes a whole number"},
      {{"research-export", f.facility, "--key-file", f.key, "--min-count", "five"}, "not \"five\""},
      {{"research-export", f.facility, "--key-file", f.key, "--min-count", "-3"}, "--min-count"},
      {{"research-export", f.facility, "--key-file", f.key, "--min-count", "1000001"}, "--min-count"},
      {{"research-export", f.facility, "--key-file", f.key, "--format", "xml"}, "--format"},
      {{"research-export", f.facility, "--key-file", f.key, "--format", "json", "--tables"}, "--tables is for"},
      {{"research-export", f.facility, "--key-file", f.key, "--no-such-option"}, "unknown option --no-such-option"},
  };
  for (const auto& [args, message] : cases) {
    Result r = run(args);
    EXPECT_EQ(r.status, 2) << args.back() << ": " << r.err;
    EXPECT_TRUE(has(r.err, message)) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

TEST(CliResearch, ShortKeyIsRefusedWithoutShowingIt) {
  Small f;
  const std::string secret = "fifteen-bytes!!";
  write_text(f.key, secret + "\n");
  Result r = run({"research-export", f.facility, "--key-file", f.key, "-o", f.s / "out.csv"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, f.key)) << r.err;
  EXPECT_TRUE(has(r.err, "at least 16 bytes")) << r.err;
  EXPECT_TRUE(has(r.err, "15 bytes")) << r.err;
  EXPECT_FALSE(has(r.err, secret)) << "the key must not be shown: " << r.err;
  EXPECT_FALSE(fs::exists(f.s / "out.csv"));

  write_text(f.key, "");
  EXPECT_EQ(run({"research-export", f.facility, "--key-file", f.key}).status, 1);
  write_text(f.key, std::string(5000, 'k'));  // e.g. the facility given as the key by mistake
  Result oversized = run({"research-export", f.facility, "--key-file", f.key});
  EXPECT_EQ(oversized.status, 1) << oversized.err;
  EXPECT_TRUE(has(oversized.err, "larger than the limit")) << oversized.err;
  EXPECT_FALSE(has(oversized.err, "kkkkkkkk")) << oversized.err;
}

TEST(CliResearch, BadInputs) {
  Small f;
  Result missing = run({"research-export", f.facility, "--key-file", f.s / "no-such-key"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_TRUE(has(missing.err, "no such file")) << missing.err;
  Result roster = run({"research-export", kRoster, "--key-file", f.key});
  EXPECT_EQ(roster.status, 1);
  EXPECT_TRUE(has(roster.err, "research-export needs a facility archive")) << roster.err;
  // Writing over the key would lose every pseudonym for good.
  Result over_key = run({"research-export", f.facility, "--key-file", f.key, "-o", f.key});
  EXPECT_EQ(over_key.status, 1);
  EXPECT_TRUE(has(over_key.err, "would overwrite it")) << over_key.err;
  EXPECT_EQ(read_text(f.key), kKeyText + "\n");
}

TEST(CliResearch, SmallFacilityRowsWithoutProgrammes) {
  Small f;
  Result r = run({"research-export", f.facility, "--key-file", f.key});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("pseudonym,birth_year,sex,facility_kind,enrolments,completed,sessions,hours,certificates\r\n",
                        0),
            0u)
      << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;  // nothing on standard error when the export goes to standard output
  EXPECT_FALSE(has(r.out, kKeyText));
}

// The demo prison: 1,200 people with names, birth dates, sentences and a year of programmes.
TEST(CliResearch, DemoPrisonNothingPersonalLeaves) {
  Scratch s;
  ASSERT_EQ(run({"generate", "demo", "-o", s / "demo.binaan"}).status, 0);
  ASSERT_EQ(run({"export", s / "demo.binaan", "-o", s / "demo.csv"}).status, 0);
  write_text(s / "key", kKeyText + "\n");
  write_text(s / "other-key", "another key for the same prison\n");

  // The rows as CSV, to a file.
  Result csv = run({"research-export", s / "demo.binaan", "--key-file", s / "key", "-o", s / "rows.csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_TRUE(has(csv.err, "research export of 1200 people (k = 5) written to")) << csv.err;
  const std::string rows = read_text(s / "rows.csv");
  EXPECT_EQ(lines(rows), 1201u);
  // The documented pseudonym of the demo's first inmate under this key (Python's hmac module gives the same).
  EXPECT_TRUE(has(rows, "712d9a25bacf0b11e1ea88ecb5f93384,")) << rows.substr(0, 400);
  EXPECT_TRUE(has(rows, "29a7c66a29af2c7b990f84012263f24d,"));

  // JSON chosen by the extension; the tables as CSV.
  ASSERT_EQ(run({"research-export", s / "demo.binaan", "--key-file", s / "key", "-o", s / "all.json"}).status, 0);
  const std::string json_text = read_text(s / "all.json");
  const Json j = Json::parse(json_text);
  EXPECT_EQ(j["format"], "binaan-research-export");
  EXPECT_EQ(j["people"].size(), 1200u);
  EXPECT_EQ(j["min_count"], 5);
  Result tables = run({"research-export", s / "demo.binaan", "--key-file", s / "key", "--tables", "--min-count", "50"});
  ASSERT_EQ(tables.status, 0) << tables.err;
  EXPECT_TRUE(has(tables.out, "table,group_by,group,measure,value,status\r\n")) << tables.out;
  EXPECT_TRUE(has(tables.out, "participation_by_religion,religion,islam,people,")) << tables.out;
  EXPECT_TRUE(has(tables.out, "participation_by_religion,religion,hindu,people,,suppressed\r\n")) << tables.out;

  // Same key, same bytes; another key, other pseudonyms.
  Result again = run({"research-export", s / "demo.binaan", "--key-file", s / "key"});
  EXPECT_EQ(again.out, rows);
  Result other = run({"research-export", s / "demo.binaan", "--key-file", s / "other-key"});
  ASSERT_EQ(other.status, 0) << other.err;
  EXPECT_FALSE(has(other.out, "712d9a25bacf0b11e1ea88ecb5f93384"));

  // The partner report of the same prison, in its three formats.
  std::vector<std::string> partner;
  for (const char* format : {"json", "csv", "text"}) {
    Result r = run({"report", "partners", s / "demo.binaan", "--from", "2026-01-01", "--to", "2026-12-31",
                    "--format", format});
    ASSERT_EQ(r.status, 0) << r.err;
    partner.push_back(r.out);
  }

  // Every person's id, name and birth date, from the roster the prison itself keeps: in none of them.
  const std::string roster = read_text(s / "demo.csv");
  std::size_t people = 0;
  std::size_t start = roster.find('\n') + 1;  // after the header: id, name, sex, birth_date, …
  const std::vector<std::string> outputs = {rows, json_text, tables.out, partner[0], partner[1], partner[2]};
  while (start < roster.size()) {
    const std::size_t end = roster.find('\n', start);
    const std::string line = roster.substr(start, end - start);
    start = end + 1;
    std::vector<std::string> cells;
    std::size_t from = 0;
    for (int i = 0; i < 4; ++i) {  // the first four cells hold no comma or quote in the demo
      const std::size_t comma = line.find(',', from);
      cells.push_back(line.substr(from, comma - from));
      from = comma + 1;
    }
    ++people;
    for (const std::string& out : outputs)
      for (std::size_t c : {0u, 1u, 3u}) EXPECT_FALSE(has(out, cells[c])) << "\"" << cells[c] << "\" leaked";
  }
  EXPECT_EQ(people, 1200u);
  for (const std::string& out : outputs) {
    EXPECT_FALSE(has(out, "WBP-SMD-"));
    EXPECT_FALSE(has(out, kKeyText));
  }
}

}  // namespace
}  // namespace binaan::clitest
