// The binaan program run as a user runs it: output and exit status of every command (0 success, 1 bad input,
// 2 usage). Expected values come from the golden cases (tests/golden) the roster was built from; see
// tests/data/rosters/README.md.
#include "cli_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>

namespace binaan::clitest {
namespace {

using Json = nlohmann::json;

const std::string kRoster = data("tests/data/rosters/grant-day-2019-08-17.jsonl");
const std::string kRosterCsv = data("tests/data/rosters/grant-day-2019-08-17.csv");
const std::string kT1 = data("tests/golden/t1-two-years-natal.json");

const std::vector<std::string> kCommands = {"evaluate", "remission-run", "project", "explain",         "timeline",
                                            "stats",    "what-if",       "import",  "export",          "report",
                                            "research-export"};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---- the program and its usage ----

TEST(CliUsage, NoCommandIsUsage) {
  Result r = run({});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "usage: binaan COMMAND")) << r.err;
}

TEST(CliUsage, MainHelpListsEveryCommand) {
  Result r = run({"--help"});
  EXPECT_EQ(r.status, 0);
  for (const auto& c : kCommands) EXPECT_TRUE(has(r.out, "  " + c)) << c;
}

TEST(CliUsage, Version) {
  Result r = run({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("binaan ", 0), 0u) << r.out;
}

TEST(CliUsage, UnknownCommandIsUsage) {
  Result r = run({"frobnicate"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(has(r.err, "unknown command \"frobnicate\"")) << r.err;
}

TEST(CliUsage, EveryCommandHasHelp) {
  for (const auto& c : kCommands) {
    Result r = run({c, "--help"});
    EXPECT_EQ(r.status, 0) << c;
    EXPECT_TRUE(has(r.out, "usage: binaan " + c)) << c << ": " << r.out;
    EXPECT_TRUE(has(r.out, "Exit status")) << c;
    EXPECT_TRUE(r.err.empty()) << c << ": " << r.err;
  }
}

TEST(CliUsage, EveryCommandRefusesAnUnknownOption) {
  for (const auto& c : kCommands) {
    Result r = run({c, "--no-such-option", kRoster});
    EXPECT_EQ(r.status, 2) << c;
    EXPECT_TRUE(has(r.err, "unknown option --no-such-option")) << c << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << c;
  }
}

TEST(CliUsage, MissingArguments) {
  const std::vector<std::vector<std::string>> cases = {
      {"evaluate"},
      {"remission-run", kRoster},               // no --on
      {"remission-run", "--on", "2019-08-17"},  // no roster
      {"project"},
      {"explain", kRoster},                     // no id
      {"timeline", "T1", kRoster},              // no --svg
      {"stats"},
      {"what-if", kRoster},                     // no --set
      {"what-if", "--set", "min_served_days=90"},  // no roster
      {"import", kRoster},                      // no -o
      {"export"},
      {"report", "programmes", kRoster, "--to", "2019-12-31"},  // no --from
      {"report"},
      {"project", kRoster, "--format"},         // an option without its value
  };
  for (const auto& args : cases) {
    Result r = run(args);
    EXPECT_EQ(r.status, 2) << args[0] << " " << args.size();
    EXPECT_FALSE(r.err.empty());
  }
}

TEST(CliUsage, BadOptionValues) {
  const std::vector<std::vector<std::string>> cases = {
      {"project", kRoster, "--format", "xml"},
      {"project", kRoster, "--lang", "fr"},
      {"project", kRoster, "--threads", "many"},
      {"remission-run", "--on", "2019-13-01", kRoster},
      {"remission-run", "--on", "17-08-2019", kRoster},
      {"stats", kRoster, "--as-of", "2019-02-29"},
      {"stats", kRoster, "--months", "0"},
      {"report", "sales", kRoster, "--from", "2019-01-01", "--to", "2019-12-31"},
      {"report", "programmes", kRoster, "--from", "2019-12-31", "--to", "2019-01-01"},
      {"evaluate", kT1, "--format", "csv"},
      {"remission-run", "--on", "2019-08-17", "--on", "2019-08-18", kRoster},
  };
  for (const auto& args : cases) {
    Result r = run(args);
    EXPECT_EQ(r.status, 2) << args[0] << " " << args[1] << " " << args.back() << ": " << r.err;
    EXPECT_TRUE(r.out.empty());
  }
  Result r = run({"remission-run", "--on", "2019-13-01", kRoster});
  EXPECT_TRUE(has(r.err, "--on takes a date YYYY-MM-DD, not \"2019-13-01\"")) << r.err;
}

// ---- bad input: exit status 1, naming the file, the line and the key ----

TEST(CliBadInput, MissingFile) {
  for (const auto& c : {"evaluate", "project", "stats", "export"}) {
    Result r = run({c, "/nonexistent/roster.jsonl"});
    EXPECT_EQ(r.status, 1) << c;
    EXPECT_TRUE(has(r.err, "/nonexistent/roster.jsonl")) << c << ": " << r.err;
  }
  Result r = run({"remission-run", "--on", "2019-08-17", "/nonexistent/x.binaan"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "/nonexistent/x.binaan")) << r.err;
}

TEST(CliBadInput, DirectoryIsNotAFile) {
  Scratch s;
  fs::create_directory(s / "roster.jsonl");
  Result r = run({"project", s / "roster.jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, s / "roster.jsonl")) << r.err;
  Result e = run({"evaluate", s / "roster.jsonl"});
  EXPECT_EQ(e.status, 1);
}

TEST(CliBadInput, UnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  Scratch s;
  fs::copy_file(kRoster, s / "r.jsonl");
  ::chmod((s / "r.jsonl").c_str(), 0);
  Result r = run({"project", s / "r.jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "r.jsonl")) << r.err;
}

TEST(CliBadInput, MalformedJsonLineNamesFileAndLine) {
  Scratch s;
  std::string lines = read_text(kRoster);
  std::string first = lines.substr(0, lines.find('\n') + 1);
  write_text(s / "bad.jsonl", first + "{\"person\": {\"id\": \"X\",\n");
  Result r = run({"remission-run", "--on", "2019-08-17", s / "bad.jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, s / "bad.jsonl" + ":2")) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliBadInput, BadDateNamesKeyAndValue) {
  Scratch s;
  Json c = Json::parse(read_text(kT1));
  c["sentence"]["verdict_final"] = "2017-02-30";
  write_text(s / "case.json", c.dump(2));
  Result r = run({"evaluate", s / "case.json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "case.json")) << r.err;
  EXPECT_TRUE(has(r.err, "sentence.verdict_final")) << r.err;
  EXPECT_TRUE(has(r.err, "2017-02-30")) << r.err;

  // The same in a roster line: file, line and key.
  std::string lines = read_text(kRoster);
  std::string first = lines.substr(0, lines.find('\n') + 1);
  c.erase("expect");
  write_text(s / "roster.jsonl", first + first + c.dump() + "\n");
  Result p = run({"project", s / "roster.jsonl"});
  EXPECT_EQ(p.status, 1);
  EXPECT_TRUE(has(p.err, "roster.jsonl:3")) << p.err;
  EXPECT_TRUE(has(p.err, "sentence.verdict_final")) << p.err;
}

TEST(CliBadInput, BadCsvCellNamesLineAndColumn) {
  Scratch s;
  std::string csv = read_text(kRosterCsv);
  auto at = csv.find("2018-12-03");  // RU2's verdict_final, on line 2
  csv.replace(at, 10, "2018-12-32");
  write_text(s / "roster.csv", csv);
  Result r = run({"project", s / "roster.csv"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "roster.csv:2")) << r.err;
  EXPECT_TRUE(has(r.err, "verdict_final")) << r.err;
  EXPECT_TRUE(has(r.err, "2018-12-32")) << r.err;
}

TEST(CliBadInput, NeitherArchiveNorRoster) {
  Scratch s;
  write_text(s / "people.txt", "hello\n");
  Result r = run({"project", s / "people.txt"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "not a facility archive")) << r.err;
  EXPECT_TRUE(has(r.err, "people.txt")) << r.err;
}

TEST(CliBadInput, InvalidPolicyOverrideInRosterNamesThePerson) {
  Scratch s;
  std::string lines = read_text(kRoster);
  std::string first = lines.substr(0, lines.find('\n') + 1);
  Json c = Json::parse(first);
  c["person"]["id"] = "BAD1";
  c["policy"] = Json{{"ladder_index", "sideways"}};
  write_text(s / "r.jsonl", first + c.dump() + "\n");
  Result r = run({"project", s / "r.jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "BAD1")) << r.err;
  EXPECT_TRUE(has(r.err, "ladder_index")) << r.err;
  EXPECT_TRUE(has(r.err, "r.jsonl:2: person BAD1: policy.ladder_index")) << r.err;  // the roster line
  EXPECT_TRUE(r.out.empty());
}

// An override the rules refuse is found when the case is evaluated, after reading; the message still names the
// line the override was read from: the key's in a case file, the row's in a CSV roster.
TEST(CliBadInput, InvalidPolicyOverrideNamesItsLine) {
  Scratch s;
  Json c = Json::parse(read_text(kT1));
  c["policy"] = Json{{"strict", false}, {"ladder_index", "sideways"}};
  const std::string text = c.dump(2);
  write_text(s / "case.json", text);
  // The line of "ladder_index" in the file as written.
  const long line = 1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(
                                                                                     text.find("\"ladder_index\"")),
                                                     '\n'));
  ASSERT_GT(line, 1);
  Result r = run({"evaluate", s / "case.json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, s / "case.json" + ":" + std::to_string(line) + ": policy.ladder_index")) << r.err;
  EXPECT_TRUE(has(r.err, "sideways")) << r.err;
  EXPECT_TRUE(r.out.empty());

  std::string csv = read_text(kRosterCsv);
  const auto row3 = csv.find("\nRU4,");  // the fourth line
  ASSERT_NE(row3, std::string::npos);
  const auto end = csv.find('\n', row3 + 1);
  csv.insert(end, "ladder_index=sideways");  // the last column: policy
  write_text(s / "roster.csv", csv);
  for (const char* command : {"project", "remission-run"}) {
    std::vector<std::string> args{command, s / "roster.csv"};
    if (std::string(command) == "remission-run") args = {command, "--on", "2019-08-17", s / "roster.csv"};
    Result p = run(args);
    EXPECT_EQ(p.status, 1) << command;
    EXPECT_TRUE(has(p.err, "roster.csv:4: person RU4: policy.ladder_index")) << command << ": " << p.err;
  }
  Result e = run({"explain", "RU4", "--on", "2019-08-17", s / "roster.csv"});
  EXPECT_EQ(e.status, 1);
  EXPECT_TRUE(has(e.err, "roster.csv:4: person RU4: policy.ladder_index")) << e.err;
}

// ---- evaluate ----

TEST(CliEvaluate, T1Json) {
  Result r = run({"evaluate", kT1, "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["id"], "t1-two-years-natal");
  EXPECT_EQ(j["person"], "T1");
  EXPECT_EQ(j["start"], "2017-05-09");
  EXPECT_EQ(j["expiry"], "2019-01-24");
  EXPECT_EQ(j["final_release"], "2019-01-24");
  ASSERT_EQ(j["grants"].size(), 3u);
  EXPECT_EQ(j["grants"][0], (Json{{"date", "2017-12-25"}, {"kind", "rk"}, {"days", 15}, {"release", false}}));
  EXPECT_EQ(j["grants"][1]["days"], 60);
  EXPECT_EQ(j["grants"][2]["days"], 30);
  EXPECT_FALSE(j["decisions"].empty());
}

TEST(CliEvaluate, T1TextInEnglishAndIndonesian) {
  Result en = run({"evaluate", kT1, "--format", "text", "--lang", "en"});
  ASSERT_EQ(en.status, 0) << en.err;
  EXPECT_TRUE(has(en.out, "Expiry:")) << en.out;
  EXPECT_TRUE(has(en.out, "2019-01-24"));
  EXPECT_TRUE(has(en.out, "Keppres 174/1999 Art. 5"));

  Result id = run({"evaluate", kT1, "--format", "text", "--lang", "id"});
  ASSERT_EQ(id.status, 0) << id.err;
  EXPECT_TRUE(has(id.out, "Ekspirasi:")) << id.out;
  EXPECT_TRUE(has(id.out, "2019-01-24"));
  EXPECT_FALSE(has(id.out, "Expiry:"));
}

TEST(CliEvaluate, LanguageFollowsLang) {
  Result id = run({"evaluate", kT1, "--format", "text"}, "id_ID.UTF-8");
  EXPECT_TRUE(has(id.out, "Ekspirasi:")) << id.out;
  Result en = run({"evaluate", kT1, "--format", "text"}, "en_GB.UTF-8");
  EXPECT_TRUE(has(en.out, "Expiry:")) << en.out;
  Result unset = run({"evaluate", kT1, "--format", "text"}, "");
  EXPECT_TRUE(has(unset.out, "Expiry:")) << unset.out;
  Result forced = run({"evaluate", kT1, "--format", "text", "--lang", "en"}, "id_ID.UTF-8");
  EXPECT_TRUE(has(forced.out, "Expiry:")) << forced.out;
}

// ---- remission-run: the grant day of 17 August 2019 on the roster of golden cases ----

// person id → (days, release) as the golden cases give them for 2019-08-17.
const std::map<std::string, std::pair<int, bool>> kGranted = {
    {"RU2", {60, false}},  {"RU1", {30, false}}, {"RU4", {30, false}}, {"PO2", {120, true}},
    {"RU5", {150, false}}, {"S1", {150, false}}, {"RS2", {30, false}}};

void check_grant_day(const Json& j) {
  EXPECT_EQ(j["date"], "2019-08-17");
  std::map<std::string, std::pair<int, bool>> granted;
  for (const auto& g : j["granted"]) {
    EXPECT_EQ(g["kind"], "ru");
    granted[g["id"]] = {g["days"].get<int>(), g["release"].get<bool>()};
  }
  EXPECT_EQ(granted, kGranted);
  std::set<std::string> refused;
  for (const auto& n : j["not_eligible"]) {
    refused.insert(n["id"].get<std::string>());
    ASSERT_EQ(n["reasons"].size(), 1u);
    EXPECT_EQ(n["reasons"][0]["code"], "min_served");
    EXPECT_EQ(n["reasons"][0]["citation"], "PP 99/2012 Art. 34(2)(b); Permenkumham 3/2018");
    EXPECT_FALSE(n["reasons"][0]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(refused, (std::set<std::string>{"TM3", "RU3"}));
  ASSERT_EQ(j["needs_review"].size(), 1u);
  EXPECT_EQ(j["needs_review"][0]["id"], "PO1");
  EXPECT_EQ(j["needs_review"][0]["missing"], Json::array({"facts.assessments.predicate"}));
  Json summary = Json::array({
      Json{{"kind", "ru"}, {"level", "I"}, {"days", 30}, {"count", 3}},
      Json{{"kind", "ru"}, {"level", "I"}, {"days", 60}, {"count", 1}},
      Json{{"kind", "ru"}, {"level", "I"}, {"days", 150}, {"count", 2}},
      Json{{"kind", "ru"}, {"level", "II"}, {"days", 120}, {"count", 1}},
  });
  EXPECT_EQ(j["summary"], summary);
}

TEST(CliRemissionRun, JsonMatchesTheGoldenCases) {
  Result r = run({"remission-run", "--on", "2019-08-17", kRoster, "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  check_grant_day(j);
  // T1 was released in January and LI4 (life) has nothing to decide: left out.
  for (const char* key : {"granted", "not_eligible", "needs_review"})
    for (const auto& e : j[key]) {
      EXPECT_NE(e["id"], "T1");
      EXPECT_NE(e["id"], "LI4");
    }
}

TEST(CliRemissionRun, CsvRosterAndThreadsGiveTheSameRun) {
  Result jsonl = run({"remission-run", "--on", "2019-08-17", kRoster, "--format", "json"});
  Result csv = run({"remission-run", "--on", "2019-08-17", kRosterCsv, "--format", "json"});
  Result one = run({"remission-run", "--on", "2019-08-17", kRoster, "--format", "json", "--threads", "1"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(jsonl.out, csv.out);
  EXPECT_EQ(jsonl.out, one.out);
}

TEST(CliRemissionRun, TextIsTheAnnouncementTable) {
  Result r = run({"remission-run", "--on", "2019-08-17", kRoster, "--lang", "en"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Grant day 2019-08-17: 7 granted, 2 not eligible, 1 need review")) << r.out;
  EXPECT_TRUE(has(r.out, "RU I  1m (30 days): 3")) << r.out;
  EXPECT_TRUE(has(r.out, "RU I  5m (150 days): 2")) << r.out;
  EXPECT_TRUE(has(r.out, "RU II  4m (120 days): 1")) << r.out;
  EXPECT_TRUE(has(r.out, "  TM3  RU: not eligible")) << r.out;
  EXPECT_TRUE(has(r.out, "  PO1  RU: needs review")) << r.out;

  Result id = run({"remission-run", "--on", "2019-08-17", kRoster, "--lang", "id"});
  EXPECT_TRUE(has(id.out, "Hari pemberian 2019-08-17")) << id.out;
  EXPECT_TRUE(has(id.out, "tidak memenuhi syarat")) << id.out;
}

TEST(CliRemissionRun, CsvOneRowPerDecision) {
  Result r = run({"remission-run", "--on", "2019-08-17", kRoster, "--format", "csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 11u);  // the header, then 7 granted, 2 not eligible and 1 needs review
  EXPECT_EQ(lines[0], "date,id,kind,outcome,level,days,effective_days,release,failed,missing");
  EXPECT_EQ(lines[1], "2019-08-17,RU2,ru,granted,I,60,60,false,,");
  // Roster order.
  EXPECT_EQ(lines[4], "2019-08-17,TM3,ru,not_eligible,,,,,min_served,");
  EXPECT_EQ(lines[6], "2019-08-17,PO1,ru,needs_review,,,,,,facts.assessments.predicate");
  EXPECT_EQ(lines[7], "2019-08-17,PO2,ru,granted,II,120,19,true,,");
}

TEST(CliRemissionRun, StrictTurnsAssumptionsIntoReviews) {
  Result r = run({"remission-run", "--on", "2019-08-17", kRoster, "--format", "json", "--strict"});
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  std::set<std::string> review;
  for (const auto& n : j["needs_review"]) review.insert(n["id"].get<std::string>());
  // Only PO2 has an assessment: everyone else who would be granted lacks the predicate; a failed condition still
  // makes TM3 and RU3 not eligible.
  EXPECT_EQ(review, (std::set<std::string>{"RU2", "RU1", "RU4", "PO1", "RU5", "S1", "RS2"}));
  ASSERT_EQ(j["granted"].size(), 1u);
  EXPECT_EQ(j["granted"][0]["id"], "PO2");
  EXPECT_EQ(j["not_eligible"].size(), 2u);
}

// ---- project ----

const std::map<std::string, std::string> kExpiry = {{"T1", "2019-01-24"}, {"S1", "2022-04-02"},
                                                    {"RU5", "2025-01-19"}, {"RU2", "2020-06-23"},
                                                    {"PO1", "2019-12-04"}};

TEST(CliProject, JsonArrayOfPeople) {
  Result r = run({"project", kRoster, "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 12u);
  for (const auto& p : j) {
    EXPECT_EQ(p["id"], p["person"]);  // the person id, not the case id of the roster line
    EXPECT_FALSE(p.contains("decisions"));
    EXPECT_TRUE(p.contains("policy"));
    auto it = kExpiry.find(p["id"]);
    if (it != kExpiry.end()) {
      EXPECT_EQ(p["expiry"], it->second) << it->first;
    }
  }
  EXPECT_EQ(j[11]["id"], "T1");
  EXPECT_EQ(j[11]["milestones"]["pb"], "2018-08-17");
  EXPECT_FALSE(j[10].contains("expiry"));  // LI4: life, no expiry (absent, never null)
}

TEST(CliProject, JsonLinesOnePersonPerLine) {
  Result r = run({"project", kRoster, "--format", "jsonl"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(in, line)) ids.push_back(Json::parse(line)["id"].get<std::string>());
  EXPECT_EQ(ids, (std::vector<std::string>{"RU2", "RU1", "RU4", "TM3", "RU3", "PO1", "PO2", "RU5", "S1", "RS2",
                                           "LI4", "T1"}));
}

TEST(CliProject, CsvOneRowPerPerson) {
  Result r = run({"project", kRoster, "--format", "csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 13u);
  EXPECT_EQ(lines[0],
            "id,start,term_end,expiry,final_release,asimilasi,cmk,pb,cb,cmb_start,parole_expiry,probation_end,"
            "grants_days,estimated");
  // T1 (§10 of the rules): start 2017-05-09, end 2019-05-09, 105 days of remission, PB 2018-08-17.
  EXPECT_EQ(lines[12],
            "T1,2017-05-09,2019-05-09,2019-01-24,2019-01-24,2018-04-24,2018-04-24,2018-08-17,,2018-12-25,"
            "2019-02-23,2020-02-23,105,false");
  EXPECT_EQ(lines[11], "LI4,2018-01-08,,,,,,,,,,,0,false");
}

TEST(CliProject, OutputFileIsWrittenWhole) {
  Scratch s;
  Result r = run({"project", kRoster, "--format", "csv", "-o", s / "p.csv"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(read_text(s / "p.csv"), run({"project", kRoster, "--format", "csv"}).out);
  EXPECT_EQ(s.listing(), std::vector<std::string>{"p.csv"});
}

// A roster larger than one round of render_items (2 threads: 32 chunks of 2,048 people): its JSON Lines are
// rendered on threads and written round after round, and still hold every person once, in roster order; the file
// appears whole, from a single rename.
TEST(CliProject, LargeRosterIsWrittenInOrderRoundAfterRound) {
  Scratch s;
  const std::size_t n = 66000;
  ASSERT_EQ(run({"generate", "national", "--count", std::to_string(n), "--seed", "5", "-o", s / "n.jsonl"}).status, 0);
  Result r = run({"project", s / "n.jsonl", "--format", "jsonl", "--threads", "2", "-o", s / "p.jsonl"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(read_text(s / "p.jsonl"));
  std::string line;
  std::size_t count = 0;
  char expected[32];
  while (std::getline(in, line)) {
    ++count;
    std::snprintf(expected, sizeof expected, "{\"id\":\"NAT-%08zu\",", count);  // the generator's ids, in order
    ASSERT_EQ(line.compare(0, std::strlen(expected), expected), 0) << "line " << count << ": " << line.substr(0, 40);
  }
  EXPECT_EQ(count, n);
  EXPECT_EQ(s.listing(), (std::vector<std::string>{"n.jsonl", "p.jsonl"}));
}

// ---- explain ----

TEST(CliExplain, RefusalInProseWithCitation) {
  Result r = run({"explain", "RU3", "--on", "2019-08-17", kRoster, "--lang", "en"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Decisions for RU3 on 17 August 2019")) << r.out;
  EXPECT_TRUE(has(r.out, "RU: not eligible")) << r.out;
  EXPECT_TRUE(has(r.out, "PP 99/2012 Art. 34(2)(b)")) << r.out;
  EXPECT_TRUE(has(r.out, "earliest 2019-08-18")) << r.out;
  EXPECT_TRUE(has(r.out, "Expiry:")) << r.out;  // the whole evaluation follows
  EXPECT_TRUE(has(r.out, "2020-12-20")) << r.out;
}

TEST(CliExplain, GrantInIndonesian) {
  Result r = run({"explain", "S1", "--on", "2019-08-17", kRoster, "--lang", "id"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "17 Agustus 2019")) << r.out;
  EXPECT_TRUE(has(r.out, "diberikan 150 hari")) << r.out;
  EXPECT_TRUE(has(r.out, "Keppres 174/1999 Art. 4")) << r.out;
}

TEST(CliExplain, DayWithoutDecisionSaysSoAndNamesTheNext) {
  Result r = run({"explain", "S1", "--on", "2019-08-18", kRoster, "--lang", "en"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.out, "No remission is considered on this day")) << r.out;
  EXPECT_TRUE(has(r.out, "The next grant day considered: ")) << r.out;
}

TEST(CliExplain, Json) {
  Result r = run({"explain", "PO1", "--on", "2019-08-17", kRoster, "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["id"], "PO1");
  EXPECT_EQ(j["date"], "2019-08-17");
  ASSERT_EQ(j["decisions"].size(), 1u);
  EXPECT_EQ(j["decisions"][0]["outcome"], "needs_review");
  EXPECT_EQ(j["evaluation"]["expiry"], "2019-12-04");
  EXPECT_FALSE(j["evaluation"].contains("decisions"));
}

TEST(CliExplain, UnknownIdIsBadInput) {
  Result r = run({"explain", "NOBODY", "--on", "2019-08-17", kRoster});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "NOBODY")) << r.err;
  EXPECT_TRUE(r.out.empty());
}

// ---- timeline ----

void check_svg(const std::string& path) {
  std::string svg = read_text(path);
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(xml_problem(svg), "") << path;
  if (::access("/usr/bin/xmllint", X_OK) == 0) {
    std::string command = "/usr/bin/xmllint --noout '" + path + "' 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
}

TEST(CliTimeline, SvgIsWellFormedAndShowsTheDates) {
  Scratch s;
  Result r = run({"timeline", "T1", kRoster, "--svg", s / "t1.svg", "--as-of", "2018-06-01", "--lang", "en"});
  ASSERT_EQ(r.status, 0) << r.err;
  check_svg(s / "t1.svg");
  std::string svg = read_text(s / "t1.svg");
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_TRUE(has(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(has(svg, "2019-01-24")) << "expiry";
  EXPECT_TRUE(has(svg, "24 January 2019"));
  EXPECT_TRUE(has(svg, "2018-06-01")) << "today";
  EXPECT_TRUE(has(svg, "2018-08-17")) << "PB";
  EXPECT_TRUE(has(svg, "2018-12-25")) << "CMB and the last RK";
  EXPECT_TRUE(has(svg, "2017-12-25")) << "the first RK";
  EXPECT_TRUE(has(svg, "Legend"));
  EXPECT_TRUE(has(svg, "Half of the sentence served"));
  EXPECT_EQ(s.listing(), std::vector<std::string>{"t1.svg"});
}

TEST(CliTimeline, IndonesianWithSubsiderAndEscapedName) {
  Scratch s;
  // A name with XML's special characters must come out escaped.
  std::string lines = read_text(kRoster);
  std::string rs2 = lines.substr(lines.find("{\"id\":\"ru-ii-with-fine-subsider\""));
  rs2 = rs2.substr(0, rs2.find('\n'));
  Json c = Json::parse(rs2);
  c["person"]["name"] = "Budi <\"Si & Kancil\">";
  write_text(s / "one.jsonl", c.dump() + "\n");
  Result r = run({"timeline", "RS2", s / "one.jsonl", "--svg", s / "rs2.svg", "--as-of", "2020-01-01"}, "id_ID.UTF-8");
  ASSERT_EQ(r.status, 0) << r.err;
  check_svg(s / "rs2.svg");
  std::string svg = read_text(s / "rs2.svg");
  EXPECT_TRUE(has(svg, "Budi &lt;&quot;Si &amp; Kancil&quot;&gt;"));
  EXPECT_TRUE(has(svg, "Hari ini"));
  EXPECT_TRUE(has(svg, "Keterangan"));
  EXPECT_TRUE(has(svg, "15 November 2020")) << "release after the subsider";
  EXPECT_TRUE(has(svg, "2020-08-17")) << "expiry";
}

TEST(CliTimeline, LifeSentenceHasNoEnd) {
  Scratch s;
  Result r = run({"timeline", "LI4", kRoster, "--svg", s / "li4.svg", "--as-of", "2020-01-01", "--lang", "en"});
  ASSERT_EQ(r.status, 0) << r.err;
  check_svg(s / "li4.svg");
  EXPECT_TRUE(has(read_text(s / "li4.svg"), "No release date can be computed"));
}

TEST(CliTimeline, DefaultAsOfIsTheSystemDatePrinted) {
  Scratch s;
  Result r = run({"timeline", "T1", kRoster, "--svg", s / "t1.svg"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.err, "as of ")) << r.err;
  EXPECT_TRUE(has(r.err, "system date")) << r.err;
}

TEST(CliTimeline, UnknownIdIsBadInput) {
  Scratch s;
  Result r = run({"timeline", "NOBODY", kRoster, "--svg", s / "x.svg", "--as-of", "2020-01-01"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "NOBODY")) << r.err;
  EXPECT_TRUE(s.listing().empty());
}

// ---- unwritable outputs: exit status 1, no partial file, the old file intact ----

TEST(CliOutput, UnwritablePathLeavesNothing) {
  Scratch s;
  write_text(s / "plain", "not a directory\n");
  Result r = run({"timeline", "T1", kRoster, "--svg", s / "plain/t1.svg", "--as-of", "2018-06-01"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "plain/t1.svg")) << r.err;
  Result p = run({"project", kRoster, "-o", s / "missing-dir/p.json"});
  EXPECT_EQ(p.status, 1);
  EXPECT_TRUE(has(p.err, "missing-dir/p.json")) << p.err;
  Result i = run({"import", kRoster, "-o", s / "missing-dir/f.binaan"});
  EXPECT_EQ(i.status, 1);
  EXPECT_TRUE(has(i.err, "missing-dir/f.binaan")) << i.err;
  Result e = run({"export", kRoster, "-o", s / "plain/people.csv"});
  EXPECT_EQ(e.status, 1);
  EXPECT_TRUE(has(e.err, "plain/people.csv")) << e.err;
  EXPECT_EQ(s.listing(), std::vector<std::string>{"plain"});
  EXPECT_EQ(read_text(s / "plain"), "not a directory\n");
}

TEST(CliOutput, FailedReplaceKeepsWhatWasThere) {
  Scratch s;
  // The target is a non-empty directory: the rename fails after the temporary file was written in full.
  fs::create_directory(s / "out.svg");
  write_text(s / "out.svg/keep", "kept\n");
  Result r = run({"timeline", "T1", kRoster, "--svg", s / "out.svg", "--as-of", "2018-06-01"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "out.svg")) << r.err;
  EXPECT_EQ(s.listing(), std::vector<std::string>{"out.svg"});
  EXPECT_EQ(read_text(s / "out.svg/keep"), "kept\n");
}

TEST(CliOutput, NoProgressWhenStandardErrorIsNotATerminal) {
  Scratch s;
  // A run long enough for the progress indicator, which only a terminal gets.
  std::string lines = read_text(kRoster);
  std::vector<std::string> people;
  for (std::size_t at = 0; at < lines.size(); at = lines.find('\n', at) + 1)
    people.push_back(lines.substr(at, lines.find('\n', at) - at));
  std::string big;
  for (int i = 0; i < 2100; ++i) {
    Json c = Json::parse(people[static_cast<std::size_t>(i) % people.size()]);
    c["person"]["id"] = "P" + std::to_string(i);
    big += c.dump() + "\n";
  }
  write_text(s / "big.jsonl", big);
  Result r = run({"remission-run", "--on", "2019-08-17", s / "big.jsonl", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["summary"][0], (Json{{"kind", "ru"}, {"level", "I"}, {"days", 30}, {"count", 525}}));  // 3 × 175
}

// ---- stats ----

TEST(CliStats, PopulationAndReleases) {
  Result r = run({"stats", kRoster, "--as-of", "2019-08-17", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["as_of"], "2019-08-17");
  EXPECT_EQ(j["people"], 12);
  EXPECT_EQ(j["by_offence"][0], (Json{{"offence", "general"}, {"count", 12}}));
  std::map<std::string, int> religion;
  for (const auto& e : j["by_religion"]) religion[e["religion"]] = e["count"];
  EXPECT_EQ(religion["islam"], 2);  // S1, LI4
  EXPECT_EQ(religion["protestant"], 1);
  EXPECT_EQ(religion["other"], 9);
  std::map<std::string, int> band;
  for (const auto& e : j["by_sentence_length"]) band[e["band"]] = e["count"];
  EXPECT_EQ(band["1y_to_5y"], 9);
  EXPECT_EQ(band["5y_to_10y"], 1);   // S1, 9 years
  EXPECT_EQ(band["10y_to_20y"], 1);  // RU5, 12 years
  EXPECT_EQ(band["life"], 1);
  ASSERT_EQ(j["releases_by_month"].size(), 12u);
  // PO2 is released by RU II on the day itself; PO1 on 2019-12-04 (golden expiry).
  EXPECT_EQ(j["releases_by_month"][0], (Json{{"month", "2019-08"}, {"count", 1}}));
  EXPECT_EQ(j["releases_by_month"][4], (Json{{"month", "2019-12"}, {"count", 1}}));
  EXPECT_EQ(j["released_before"], 1);  // T1, January 2019
  EXPECT_EQ(j["no_release_date"], 1);  // LI4
  EXPECT_EQ(j["in_custody"], 11);
  int listed = 0;
  for (const auto& m : j["releases_by_month"]) listed += m["count"].get<int>();
  EXPECT_EQ(listed + j["releases_later"].get<int>() + 1 + 1, 12);

  Result text = run({"stats", kRoster, "--as-of", "2019-08-17", "--lang", "id"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(has(text.out, "Populasi per 2019-08-17: 12 orang")) << text.out;
  EXPECT_TRUE(has(text.out, "Menurut agama")) << text.out;
}

// ---- import, export, facility archives, reports ----

TEST(CliFacility, ImportThenRunGivesTheRosterRun) {
  Scratch s;
  Result imp = run({"import", kRoster, "-o", s / "lapas.binaan", "--name", "Lapas Uji"});
  ASSERT_EQ(imp.status, 0) << imp.err;
  EXPECT_EQ(read_text(s / "lapas.binaan").rfind("BINAANFAC\n", 0), 0u);
  Result run_roster = run({"remission-run", "--on", "2019-08-17", kRoster, "--format", "json"});
  Result run_facility = run({"remission-run", "--on", "2019-08-17", s / "lapas.binaan", "--format", "json"});
  ASSERT_EQ(run_facility.status, 0) << run_facility.err;
  EXPECT_EQ(run_roster.out, run_facility.out);

  // Recognised by its magic, whatever its name, even a roster's extension.
  fs::copy_file(s / "lapas.binaan", s / "looks-like.jsonl");
  Result renamed = run({"project", s / "looks-like.jsonl", "--format", "csv"});
  ASSERT_EQ(renamed.status, 0) << renamed.err;
  EXPECT_EQ(renamed.out, run({"project", kRoster, "--format", "csv"}).out);
}

TEST(CliFacility, ImportRefusesToOverwriteWithoutForce) {
  Scratch s;
  ASSERT_EQ(run({"import", kRoster, "-o", s / "f.binaan"}).status, 0);
  std::string before = read_text(s / "f.binaan");
  Result again = run({"import", kRosterCsv, "-o", s / "f.binaan"});
  EXPECT_EQ(again.status, 1);
  EXPECT_TRUE(has(again.err, "--force")) << again.err;
  EXPECT_EQ(read_text(s / "f.binaan"), before);
  EXPECT_EQ(run({"import", kRosterCsv, "-o", s / "f.binaan", "--force"}).status, 0);
}

TEST(CliFacility, ImportOfABadRosterWritesNothing) {
  Scratch s;
  write_text(s / "bad.jsonl", "{\"person\":{\"id\":\"A\"}}\n");
  Result r = run({"import", s / "bad.jsonl", "-o", s / "f.binaan"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "bad.jsonl:1")) << r.err;
  EXPECT_EQ(s.listing(), std::vector<std::string>{"bad.jsonl"});
}

TEST(CliFacility, ImportRefusesDuplicatePeople) {
  Scratch s;
  std::string lines = read_text(kRoster);
  std::string first = lines.substr(0, lines.find('\n') + 1);
  write_text(s / "dup.jsonl", first + first);
  Result r = run({"import", s / "dup.jsonl", "-o", s / "f.binaan"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "RU2")) << r.err;
  EXPECT_FALSE(fs::exists(s / "f.binaan"));
}

TEST(CliFacility, ExportRoundTrips) {
  Scratch s;
  ASSERT_EQ(run({"import", kRoster, "-o", s / "f.binaan"}).status, 0);
  ASSERT_EQ(run({"export", s / "f.binaan", "-o", s / "people.csv"}).status, 0);
  ASSERT_EQ(run({"export", s / "f.binaan", "-o", s / "people.jsonl"}).status, 0);
  EXPECT_EQ(read_text(s / "people.csv"), read_text(kRosterCsv));
  Result stdout_jsonl = run({"export", s / "f.binaan"});
  EXPECT_EQ(stdout_jsonl.out, read_text(s / "people.jsonl"));
  Result a = run({"project", s / "people.jsonl", "--format", "jsonl"});
  Result b = run({"project", kRoster, "--format", "jsonl"});
  EXPECT_EQ(a.out, b.out);
  Result ext = run({"export", kRoster, "-o", s / "people.xlsx"});
  EXPECT_EQ(ext.status, 2);
}

TEST(CliFacility, DamagedArchiveIsBadInput) {
  Scratch s;
  ASSERT_EQ(run({"import", kRoster, "-o", s / "f.binaan"}).status, 0);
  std::string bytes = read_text(s / "f.binaan");
  write_text(s / "cut.binaan", bytes.substr(0, bytes.size() / 2));
  Result r = run({"project", s / "cut.binaan"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "cut.binaan")) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliFacility, ReportsOfAFacility) {
  Scratch s;
  ASSERT_EQ(run({"import", kRoster, "-o", s / "f.binaan"}).status, 0);
  Result p = run({"report", "programmes", s / "f.binaan", "--from", "2019-01-01", "--to", "2019-12-31", "--format",
               "json"});
  ASSERT_EQ(p.status, 0) << p.err;
  Json j = Json::parse(p.out);
  EXPECT_EQ(j["from"], "2019-01-01");
  EXPECT_EQ(j["to"], "2019-12-31");
  EXPECT_TRUE(j["workshops"].empty());
  Result partners = run({"report", "partners", s / "f.binaan", "--from", "2019-01-01", "--to", "2019-12-31",
                      "--format", "json"});
  ASSERT_EQ(partners.status, 0) << partners.err;
  EXPECT_TRUE(Json::parse(partners.out).is_array());
  Result head = run({"report", "head", s / "f.binaan", "--from", "2019-01-01", "--to", "2019-12-31", "--format", "csv"});
  EXPECT_EQ(head.status, 0) << head.err;

  Result roster = run({"report", "programmes", kRoster, "--from", "2019-01-01", "--to", "2019-12-31"});
  EXPECT_EQ(roster.status, 1);
  EXPECT_TRUE(has(roster.err, "needs a facility archive")) << roster.err;
}

// The demo prison (binaan generate demo, deterministic for its seed) has programmes: the commands on the facility
// read each person's programme record, which a roster exported from it does not carry.
TEST(CliFacility, DemoPrisonProgrammeRecords) {
  Scratch s;
  Result gen = run({"generate", "demo", "-o", s / "demo.binaan"});
  ASSERT_EQ(gen.status, 0) << gen.err;
  ASSERT_EQ(run({"export", s / "demo.binaan", "-o", s / "demo.jsonl"}).status, 0);
  auto rule_codes = [](const Result& r) {
    std::set<std::string> codes;
    const Json j = Json::parse(r.out);  // kept alive: a loop over a temporary's member would dangle
    for (const auto& d : j["decisions"])
      for (const auto& rule : d.value("rules", Json::array())) codes.insert(rule["code"].get<std::string>());
    return codes;
  };
  Result facility = run({"explain", "WBP-SMD-0001", "--on", "2026-08-17", s / "demo.binaan", "--format", "json"});
  ASSERT_EQ(facility.status, 0) << facility.err;
  EXPECT_EQ(rule_codes(facility).count("programme_record"), 1u) << facility.out;
  Result roster = run({"explain", "WBP-SMD-0001", "--on", "2026-08-17", s / "demo.jsonl", "--format", "json"});
  ASSERT_EQ(roster.status, 0) << roster.err;
  EXPECT_EQ(rule_codes(roster).count("programme_record"), 0u) << roster.out;

  Result report = run({"report", "programmes", s / "demo.binaan", "--from", "2026-01-01", "--to", "2026-12-31",
                       "--format", "json"});
  ASSERT_EQ(report.status, 0) << report.err;
  EXPECT_FALSE(Json::parse(report.out)["workshops"].empty());
  Result partners = run({"report", "partners", s / "demo.binaan", "--from", "2026-01-01", "--to", "2026-12-31",
                         "--format", "json"});
  ASSERT_EQ(partners.status, 0) << partners.err;
  EXPECT_FALSE(Json::parse(partners.out).empty());
  EXPECT_FALSE(has(partners.out, "WBP-SMD-")) << "the partner report carries no inmate id";

  Result day = run({"remission-run", "--on", "2026-08-17", s / "demo.binaan", "--format", "json"});
  ASSERT_EQ(day.status, 0) << day.err;
  const Json run_json = Json::parse(day.out);
  std::size_t counted = 0;
  for (const auto& row : run_json["summary"]) counted += row["count"].get<std::size_t>();
  EXPECT_EQ(counted, run_json["granted"].size());
  EXPECT_GT(counted, 500u);
  ASSERT_EQ(run({"timeline", "WBP-SMD-0001", s / "demo.binaan", "--svg", s / "t.svg", "--as-of", "2026-08-17"}).status,
            0);
  check_svg(s / "t.svg");
}


TEST(CliTiming, PrintsEachPhaseOnStandardErrorAndLeavesTheOutputAlone) {
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"remission-run", "--on", "2019-08-17", kRoster, "--format", "csv"},
        std::vector<std::string>{"project", kRoster, "--format", "csv"}}) {
    Result plain = run(command);
    std::vector<std::string> timed = command;
    timed.push_back("--timing");
    Result r = run(timed);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, plain.out) << command[0];
    EXPECT_TRUE(plain.err.empty()) << plain.err;
    const std::string phase = command[0] == "project" ? "timing: project" : "timing: decide";
    for (const std::string& line : {std::string("timing: read"), phase, std::string("timing: render"),
                                    std::string("timing: write"), std::string("timing: total")})
      EXPECT_NE(r.err.find(line), std::string::npos) << command[0] << ": no '" << line << "' in\n" << r.err;
    // The read phase names the people and a rate: "timing: read  0.012 s  4 people  333 people/s".
    EXPECT_NE(r.err.find(" people/s\n"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace binaan::clitest
