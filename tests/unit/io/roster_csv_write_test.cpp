// CSV rosters, writing and round trips: CSV -> CSV byte for byte, JSON Lines -> CSV -> JSON Lines byte for byte,
// every golden case through CSV.

#include "io_test_support.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace binaan;
using namespace binaan::iotest;

namespace {

const std::string kHeader =
    "id,name,sex,birth_date,child,religion,detention,term,offence,verdict_final,verdict_date,commuted_date,"
    "commuted_term,fine_subsidiary,fine_paid,restitution_subsidiary,restitution_paid,justice_collaborator,"
    "deradicalisation,pledge,discipline,escapes,pemuka,services,assessments,recorded_until,recorded_grants,until,"
    "case_id,title,source,policy\n";

/// One roster line (a case id is optional there, unlike in a case file).
Case case_from_json(const std::string& json) { return read_roster_jsonl(json, "t.jsonl").at(0); }

std::string person_line(const std::string& id, const std::string& more_person = "", const std::string& more = "") {
  return R"({"person":{"id":")" + id + R"(","religion":"catholic")" + more_person +
         R"(},"detention":[{"from":"2020-01-02"}],"sentence":{"term":"1y","offence":"general",)"
         R"("verdict_final":"2020-03-04"})" +
         more + "}";
}

}  // namespace

TEST(RosterCsvWrite, HeaderAndOneMinimalRow) {
  const std::vector<Case> cases{case_from_json(person_line("P1"))};
  EXPECT_EQ(write_roster_csv(cases),
            kHeader + "P1,,,,,catholic,2020-01-02..,1y,general,2020-03-04,,,,,,,,,,,,,,,,,,,,,,\n");
  EXPECT_EQ(write_roster_csv({}), kHeader) << "an empty roster is its header";
}

TEST(RosterCsvWrite, EveryFieldInItsCell) {
  const Case c = case_from_json(
      R"({"id":"k1","title":"T","source":"S","policy":{"ladder_index":"receipts","strict":true,"n":7},)"
      R"("person":{"id":"P2","religion":"islam","name":"Ani","sex":"female","birth_date":"2001-02-03","child":true},)"
      R"("detention":[{"from":"2019-01-10","to":"2019-03-10"},{"from":"2019-06-01"}],)"
      R"("sentence":{"term":"life","offence":"terrorism","verdict_final":"2019-11-15","verdict_date":"2019-10-01",)"
      R"("commuted":{"date":"2021-02-01","term":"20y"},"fine":{"subsidiary":"5m","paid":false},)"
      R"("restitution":{"subsidiary":"4m5d","paid":true}},)"
      R"("facts":{"discipline":[{"date":"2021-05-10"}],"escapes":[{"from":"2020-01-01","to":"2020-02-01"}],)"
      R"("justice_collaborator":false,"deradicalisation":true,"pledge":false,)"
      R"("pemuka":[{"from":"2022-01-01","to":"2022-01-01"}],)"
      R"("services":[{"date":"2025-06-01","kind":"organ_donation"}],)"
      R"("assessments":[{"date":"2023-01-10","risk":"high"},{"date":"2023-02-10","predicate":"kurang"}]},)"
      R"("recorded":{"until":"2024-08-17","grants":[{"date":"2024-08-17","kind":"rk","amount":"1m15d"}]},)"
      R"("until":"2030-12-31"})");
  EXPECT_EQ(write_roster_csv({c}),
            kHeader +
                "P2,Ani,female,2001-02-03,true,islam,2019-01-10..2019-03-10;2019-06-01..,life,terrorism,2019-11-15,"
                "2019-10-01,2021-02-01,20y,5m,false,4m5d,true,false,true,false,2021-05-10,2020-01-01..2020-02-01,"
                "2022-01-01..2022-01-01,2025-06-01:organ_donation,2023-01-10::high;2023-02-10:kurang:,2024-08-17,"
                "2024-08-17:rk:1m15d,2030-12-31,k1,T,S,ladder_index=receipts;strict=true;n=7\n");
}

TEST(RosterCsvWrite, QuotesOnlyWhereRfc4180Needs) {
  const Case c = case_from_json(
      person_line("P,3", R"(,"name":"Siti \"Ani\"\r\nline")",
                  R"(,"title":"plain title","source":"a, b","policy":{"s":"x;y","q":"say \"hi\"","t":"true",)"
                  R"("i":"12","e":"","b":"back\\slash","p":"plain"})"));
  const std::string csv = write_roster_csv({c});
  EXPECT_EQ(csv.substr(kHeader.size(), 30), "\"P,3\",\"Siti \"\"Ani\"\"\r\nline\",,,,") << csv;
  EXPECT_NE(csv.find(",plain title,\"a, b\","), std::string::npos) << csv;
  // The policy cell is s="x;y";q="say \"hi\"";t="true";i="12";e="";b="back\\slash";p=plain, then CSV-quoted.
  EXPECT_NE(csv.find(R"("s=""x;y"";q=""say \""hi\"""";t=""true"";i=""12"";e="""";b=""back\\slash"";p=plain")"),
            std::string::npos)
      << csv;
  const auto back = read_roster_csv(csv, "q.csv");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(canonical(back[0]), canonical(c));
  EXPECT_EQ(write_roster_csv(back), csv);
}

TEST(RosterCsvWrite, RefusesWhatCannotBeReadBack) {
  const Case a = case_from_json(person_line("A"));
  const Case a2 = case_from_json(person_line("A", R"(,"name":"other")"));
  try {
    (void)write_roster_csv({a, case_from_json(person_line("B")), a2});
    ADD_FAILURE() << "two rows for person A written";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "person.id");
    EXPECT_EQ(e.value(), "A");
  }

  Case bad_title = case_from_json(person_line("C"));
  bad_title.title = "ab\xFF";
  try {
    (void)write_roster_csv({bad_title});
    ADD_FAILURE() << "invalid UTF-8 written";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "title");
    EXPECT_EQ(e.value(), "ab\\xFF");
  }

  Case bad_policy = case_from_json(person_line("D"));
  bad_policy.policy.push_back({"a=b", true});
  try {
    (void)write_roster_csv({bad_policy});
    ADD_FAILURE() << "unreadable policy name written";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "policy");
    EXPECT_EQ(e.value(), "a=b");
  }
}

TEST(RosterCsvWrite, ExpectIsNotWritten) {
  Case c = case_from_json(person_line("E"));
  c.expect_json = R"({"expiry":"2021-01-02"})";
  const auto back = read_roster_csv(write_roster_csv({c}), "e.csv");
  ASSERT_EQ(back.size(), 1u);
  EXPECT_TRUE(back[0].expect_json.empty());
}

TEST(RosterCsvRoundTrip, HandWrittenCanonicalCsvIsWrittenBackByteForByte) {
  const std::string csv =
      kHeader +
      "A1,\"Budi, \"\"Pak\"\" S.\",male,1980-05-06,,islam,2018-01-01..2018-02-01;2018-06-01..,7y6m,narcotics,"
      "2019-01-15,2019-01-02,,,1y,false,,,,,true,2020-05-10;2021-05-10,,2019-01-01..2019-12-31,"
      "2020-06-01:blood_donation,2020-01-10:cukup:low,,,,,,,\n"
      "A2,,female,,true,protestant,2021-03-03..,life,human_rights,2021-09-09,,2023-03-03,20y,,,6m,true,,,,,"
      "2022-01-01..2022-01-15,,,,2024-12-25,2023-12-25:rk:1m;2024-12-25:rk:1m,2026-01-01,case-2,\"Two\nlines\","
      "source text,assume_unrecorded_facts=false\n";
  const auto cases = read_roster_csv(csv, "hand.csv");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(write_roster_csv(cases), csv);
}

TEST(RosterCsvRoundTrip, JsonLinesToCsvAndBackIsByteIdentical) {
  // A JSON Lines roster of every golden case (person ids are unique among them) plus cases with the text fields the
  // golden files leave out.
  std::vector<Case> cases;
  for (const auto& path : golden_files()) {
    Case c = read_case_json(read_text(path), path.filename().string());
    c.expect_json.clear();
    cases.push_back(std::move(c));
  }
  ASSERT_GE(cases.size(), 100u);
  cases.push_back(case_from_json(person_line("Z1", R"(,"name":"Ñoño, \"Z\"\nx","sex":"male","child":false)",
                                             R"(,"id":"z","policy":{"x":"a;b","y":-3,"z":"007"})")));
  const std::string jsonl = write_roster_jsonl(cases);
  const auto from_jsonl = read_roster_jsonl(jsonl, "golden.jsonl");
  const std::string csv = write_roster_csv(from_jsonl);
  const auto from_csv = read_roster_csv(csv, "golden.csv");
  ASSERT_EQ(from_csv.size(), cases.size());
  EXPECT_EQ(write_roster_jsonl(from_csv), jsonl);
  EXPECT_EQ(write_roster_csv(from_csv), csv) << "CSV -> CSV is byte-identical too";
}

TEST(RosterCsvRoundTrip, EveryGoldenCaseThroughCsv) {
  int checked = 0;
  for (const auto& path : golden_files()) {
    SCOPED_TRACE(path.filename().string());
    Case c = read_case_json(read_text(path), path.filename().string());
    c.expect_json.clear();
    const std::string csv = write_roster_csv({c});
    const auto back = read_roster_csv(csv, path.filename().string() + ".csv");
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(write_case_json(back[0]), write_case_json(c));
    EXPECT_EQ(write_roster_csv(back), csv);
    ++checked;
  }
  EXPECT_GE(checked, 100);
}

TEST(RosterCsvRoundTrip, CrLfAndBomInputWritesTheCanonicalForm) {
  // Spreadsheet exports come with a BOM and CR LF; the writer gives LF without a BOM, the same rows.
  const std::string lf =
      kHeader + "A,,,,,islam,2020-01-02..,1y,general,2020-03-04,,,,,,,,,,,,,,,,,,,,,,\n";
  std::string crlf = "\xEF\xBB\xBF";
  for (char ch : lf) {
    if (ch == '\n') crlf += '\r';
    crlf += ch;
  }
  EXPECT_EQ(write_roster_csv(read_roster_csv(crlf, "excel.csv")), lf);
}
