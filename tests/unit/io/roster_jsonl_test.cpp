// JSON Lines rosters: one case per line, line numbers in every refusal, all or nothing.

#include "io_test_support.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace binaan;
using namespace binaan::iotest;

namespace {

std::string line(const std::string& person_id, const std::string& extra = "") {
  return R"({"person":{"id":")" + person_id + R"(","religion":"catholic"},"detention":[{"from":"2020-01-02"}],)" +
         R"("sentence":{"term":"1y","offence":"general","verdict_final":"2020-03-04"})" + extra + "}";
}

InputError roster_refusal(const std::string& text, const std::string& file = "roster.jsonl") {
  try {
    (void)read_roster_jsonl(text, file);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted";
  return InputError(file, 0, "<accepted>", "", "accepted");
}

}  // namespace

TEST(RosterJsonl, ReadsOneCasePerLine) {
  const std::string text = line("A") + "\n" + line("B", R"(,"id":"case-b")") + "\n" + line("C") + "\n";
  const auto cases = read_roster_jsonl(text, "r.jsonl");
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].person().id(), "A");
  EXPECT_TRUE(cases[0].id.empty()) << "id is optional in a roster line";
  EXPECT_EQ(cases[1].id, "case-b");
  EXPECT_EQ(cases[2].person().id(), "C");
  EXPECT_EQ(cases[2].person().religion(), Religion::Catholic);
  EXPECT_EQ(cases[2].sentence().term(), Term(1, 0, 0));
}

// Each policy override keeps its line, for the message when the rules refuse it at evaluation.
TEST(RosterJsonl, PolicyOverridesKeepTheirLine) {
  const std::string text = line("A") + "\n\n" + line("B", R"(,"policy":{"ladder_index":"x","strict":true})") + "\n";
  const auto cases = read_roster_jsonl(text, "r.jsonl");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_TRUE(cases[0].policy.empty());
  ASSERT_EQ(cases[1].policy.size(), 2u);
  EXPECT_EQ(cases[1].policy[0].line, 3);
  EXPECT_EQ(cases[1].policy[1].line, 3);
}

TEST(RosterJsonl, SkipsBlankLinesAndAcceptsCrLfBomAndNoFinalNewline) {
  const std::string text = "\xEF\xBB\xBF" + line("A") + "\r\n\r\n   \n\t\n" + line("B") + "\r\n" + line("C");
  const auto cases = read_roster_jsonl(text, "r.jsonl");
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[1].person().id(), "B");
  EXPECT_EQ(cases[2].person().id(), "C");
  EXPECT_TRUE(read_roster_jsonl("", "empty.jsonl").empty());
  EXPECT_TRUE(read_roster_jsonl("\n\n \n", "blank.jsonl").empty());
}

TEST(RosterJsonl, RefusalsCarryTheLineNumber) {
  // Line 4 (counting the blank line 2) has a bad date; nothing is returned.
  const std::string text = line("A") + "\n\n" + line("B") + "\n" + line("C", R"(,"until":"2021-02-30")") + "\n" +
                           line("D") + "\n";
  const InputError e = roster_refusal(text, "data/roster.jsonl");
  EXPECT_EQ(e.file(), "data/roster.jsonl");
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.path(), "until");
  EXPECT_EQ(e.value(), "\"2021-02-30\"");
  EXPECT_EQ(std::string(e.what()).rfind("data/roster.jsonl:4: until: ", 0), 0u) << e.what();
}

TEST(RosterJsonl, RepeatedPersonIdIsRefusedNamingBothLines) {
  const InputError e = roster_refusal(line("A") + "\n" + line("B") + "\n" + line("A") + "\n", "r.jsonl");
  EXPECT_EQ(e.file(), "r.jsonl");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.path(), "person.id");
  EXPECT_EQ(e.value(), "\"A\"");
  EXPECT_NE(std::string(e.what()).find("already used on line 1"), std::string::npos) << e.what();
  // A bad line later in the roster is named first: the repeat is reported once every line has been read.
  const InputError bad =
      roster_refusal(line("A") + "\n" + line("A") + "\n" + line("C", R"(,"until":"2021-02-30")") + "\n");
  EXPECT_EQ(bad.line(), 3);
  EXPECT_EQ(bad.path(), "until");
}

TEST(RosterJsonl, MalformedLineGivesColumn) {
  const InputError e = roster_refusal(line("A") + "\n" + R"({"person": {"id" "B"}})" + "\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.path(), "person");
  EXPECT_NE(std::string(e.what()).find("malformed JSON at column 18"), std::string::npos) << e.what();
}

TEST(RosterJsonl, ExpectIsRefusedInARosterLine) {
  const InputError e = roster_refusal(line("A") + "\n" + line("B", R"(,"expect":{"expiry":"2021-01-01"})"));
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.path(), "expect");
  EXPECT_NE(std::string(e.what()).find("not in a roster line"), std::string::npos) << e.what();
}

TEST(RosterJsonl, EveryLineIsCheckedLikeACaseFile) {
  EXPECT_EQ(roster_refusal(line("A", R"(,"extra":1)")).path(), "extra");
  EXPECT_EQ(roster_refusal(line("A", R"(,"id":"x","id":"y")")).path(), "id");
  EXPECT_EQ(roster_refusal(line("A") + "\n[1]\n").line(), 2);
  EXPECT_EQ(roster_refusal(line("A") + "\n" + line("A", R"(,"id":"")")).path(), "id");
  // A line is one JSON value: an object spread over two lines is two broken lines.
  const InputError split = roster_refusal("{\"person\":\n{}}");
  EXPECT_EQ(split.line(), 1);
  EXPECT_NE(std::string(split.what()).find("end of input"), std::string::npos);
  // The byte order mark is allowed only at the start of the roster.
  EXPECT_EQ(roster_refusal(line("A") + "\n\xEF\xBB\xBF" + line("B")).line(), 2);
}

TEST(RosterJsonl, LineOver1MiB) {
  const std::string long_title(1000, 't');
  std::string big = line("A", R"(,"title":")" + long_title + "\"");
  big.append((std::size_t{1} << 20) - big.size(), ' ');  // exactly 1 MiB: accepted
  EXPECT_EQ(read_roster_jsonl(big + "\r\n", "r.jsonl").size(), 1u);
  const InputError e = roster_refusal(line("A") + "\n" + big + " \n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.path(), "");
  EXPECT_EQ(e.value(), std::to_string((std::size_t{1} << 20) + 1) + " bytes");
  EXPECT_NE(std::string(e.what()).find("longer than 1 MiB"), std::string::npos) << e.what();
}

TEST(RosterJsonl, WritesOneCompactLinePerCase) {
  auto cases = read_roster_jsonl(line("A") + "\n" + line("B", R"(,"id":"b","until":"2020-12-31")") + "\n", "r.jsonl");
  cases[0].expect_json = R"({"expiry":"2021-01-01"})";  // not part of a roster line: left out
  const std::string text = write_roster_jsonl(cases);
  EXPECT_EQ(text, line("A") + "\n" +
                      R"({"id":"b","person":{"id":"B","religion":"catholic"},"detention":[{"from":"2020-01-02"}],)" +
                      R"("sentence":{"term":"1y","offence":"general","verdict_final":"2020-03-04"},)" +
                      R"("until":"2020-12-31"})" + "\n");
  const auto back = read_roster_jsonl(text, "back.jsonl");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(canonical(back[1]), canonical(cases[1]));
  EXPECT_EQ(write_roster_jsonl(back), text);
  EXPECT_EQ(write_roster_jsonl({}), "");
}

TEST(RosterJsonl, WriterRefusesARosterItCouldNotReadBack) {
  // Two cases of person B: read_roster_jsonl would refuse the lines, so they are not written.
  const auto cases = read_roster_jsonl(line("A") + "\n" + line("B") + "\n" + line("C"), "r.jsonl");
  std::vector<Case> twice = {cases[0], cases[1], cases[2], cases[1]};
  try {
    (void)write_roster_jsonl(twice);
    ADD_FAILURE() << "two lines for person B written";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "person.id");
    EXPECT_EQ(e.value(), "B");
    EXPECT_NE(std::string(e.what()).find("appears twice"), std::string::npos) << e.what();
  }
}

TEST(RosterJsonl, GoldenCasesAsARoster) {
  // The golden cases without their expect make a valid roster, and it round-trips.
  std::vector<Case> cases;
  for (const auto& path : golden_files()) cases.push_back(read_case_json(read_text(path), path.string()));
  const std::string text = write_roster_jsonl(cases);
  const auto back = read_roster_jsonl(text, "golden.jsonl");
  ASSERT_EQ(back.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(back[i].id, cases[i].id);
    EXPECT_TRUE(back[i].expect_json.empty());
  }
  EXPECT_EQ(write_roster_jsonl(back), text);
}
