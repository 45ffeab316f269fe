// CSV rosters, reading: every column onto its field of the model, header order, RFC 4180 quoting, BOM, CR LF.

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

const std::string kMinimalHeader = "id,religion,detention,term,offence,verdict_final\n";

Date d(int y, int m, int dd) { return make_date(y, m, dd); }

// Every column, in the writer's order.
const std::string kFullHeader =
    "id,name,sex,birth_date,child,religion,detention,term,offence,verdict_final,verdict_date,commuted_date,"
    "commuted_term,fine_subsidiary,fine_paid,restitution_subsidiary,restitution_paid,justice_collaborator,"
    "deradicalisation,pledge,discipline,escapes,pemuka,services,assessments,recorded_until,recorded_grants,until,"
    "case_id,title,source,policy\n";

const std::string kFullRow =
    R"(P7,"Budi, S.",male,1990-04-02,false,hindu,2019-01-10..2019-03-10;2019-06-01..,life,narcotics,2019-11-15,)"
    R"(2019-10-01,2021-02-01,20y,5m,true,4m5d,false,true,false,true,2021-05-10;2022-01-03,2020-01-01..2020-02-01,)"
    R"(2022-01-01..2024-12-31,2025-06-01:blood_donation;2025-07-01:humanitarian,)"
    R"(2023-01-10:baik:medium;2023-07-10::low;2024-01-10:sangat_baik:,2024-08-17,)"
    R"(2023-08-17:ru:2m;2024-08-17:unspecified:58m30d,2030-12-31,case-7,"A ""quoted"" title","line one)"
    "\n"
    R"(line two","ladder_index=receipts;assume_unrecorded_facts=false;n=-42;s=""007"";t=""a;b \"" c""")"
    "\n";

// The same case as a case file.
const std::string kFullJson = R"({"id":"case-7","title":"A \"quoted\" title","source":"line one\nline two",)"
                              R"("policy":{"ladder_index":"receipts","assume_unrecorded_facts":false,"n":-42,)"
                              R"("s":"007","t":"a;b \" c"},)"
                              R"("person":{"id":"P7","religion":"hindu","name":"Budi, S.","sex":"male",)"
                              R"("birth_date":"1990-04-02","child":false},)"
                              R"("detention":[{"from":"2019-01-10","to":"2019-03-10"},{"from":"2019-06-01"}],)"
                              R"("sentence":{"term":"life","offence":"narcotics","verdict_final":"2019-11-15",)"
                              R"("verdict_date":"2019-10-01","commuted":{"date":"2021-02-01","term":"20y"},)"
                              R"("fine":{"subsidiary":"5m","paid":true},)"
                              R"("restitution":{"subsidiary":"4m5d","paid":false}},)"
                              R"("facts":{"discipline":[{"date":"2021-05-10"},{"date":"2022-01-03"}],)"
                              R"("escapes":[{"from":"2020-01-01","to":"2020-02-01"}],)"
                              R"("justice_collaborator":true,"deradicalisation":false,"pledge":true,)"
                              R"("pemuka":[{"from":"2022-01-01","to":"2024-12-31"}],)"
                              R"("services":[{"date":"2025-06-01","kind":"blood_donation"},)"
                              R"({"date":"2025-07-01","kind":"humanitarian"}],)"
                              R"("assessments":[{"date":"2023-01-10","predicate":"baik","risk":"medium"},)"
                              R"({"date":"2023-07-10","risk":"low"},{"date":"2024-01-10","predicate":"sangat_baik"}]},)"
                              R"("recorded":{"until":"2024-08-17","grants":[)"
                              R"({"date":"2023-08-17","kind":"ru","amount":"2m"},)"
                              R"({"date":"2024-08-17","kind":"unspecified","amount":"58m30d"}]},)"
                              R"("until":"2030-12-31"})";

}  // namespace

TEST(RosterCsvRead, ColumnsAreTheDocumentedOnesInWriterOrder) {
  const auto cols = roster_csv_columns();
  ASSERT_EQ(cols.size(), 32u);
  std::string joined;
  for (auto c : cols) joined += (joined.empty() ? "" : ",") + std::string(c);
  EXPECT_EQ(joined + "\n", kFullHeader);
}

TEST(RosterCsvRead, EveryColumnMapsToItsField) {
  const auto cases = read_roster_csv(kFullHeader + kFullRow, "full.csv");
  ASSERT_EQ(cases.size(), 1u);
  const Case& c = cases[0];
  // Person.
  EXPECT_EQ(c.person().id(), "P7");
  EXPECT_EQ(c.person().name(), "Budi, S.");
  EXPECT_EQ(c.person().sex(), Sex::Male);
  EXPECT_EQ(c.person().birth_date(), d(1990, 4, 2));
  EXPECT_EQ(c.person().child_flag(), false);
  EXPECT_EQ(c.person().religion(), Religion::Hindu);
  // Detention.
  const auto& periods = c.detention().periods();
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].from, d(2019, 1, 10));
  EXPECT_EQ(periods[0].to, d(2019, 3, 10));
  EXPECT_EQ(periods[1].from, d(2019, 6, 1));
  EXPECT_FALSE(periods[1].to.has_value());
  // Sentence.
  const Sentence& s = c.sentence();
  EXPECT_EQ(s.kind(), SentenceKind::Life);
  EXPECT_EQ(s.offence(), Offence::Narcotics);
  EXPECT_EQ(s.verdict_final(), d(2019, 11, 15));
  EXPECT_EQ(s.verdict_date(), d(2019, 10, 1));
  ASSERT_TRUE(s.commutation().has_value());
  EXPECT_EQ(s.commutation()->date, d(2021, 2, 1));
  EXPECT_EQ(s.commutation()->term, Term(20, 0, 0));
  ASSERT_TRUE(s.fine().has_value());
  EXPECT_EQ(s.fine()->term, Term(0, 5, 0));
  EXPECT_TRUE(s.fine()->paid);
  ASSERT_TRUE(s.restitution().has_value());
  EXPECT_EQ(s.restitution()->term, Term(0, 4, 5));
  EXPECT_FALSE(s.restitution()->paid);
  // Facts.
  const Facts& f = c.facts();
  EXPECT_EQ(f.justice_collaborator, true);
  EXPECT_EQ(f.deradicalisation, false);
  EXPECT_EQ(f.pledge, true);
  ASSERT_EQ(f.discipline.size(), 2u);
  EXPECT_EQ(f.discipline[0].date, d(2021, 5, 10));
  EXPECT_EQ(f.discipline[1].date, d(2022, 1, 3));
  ASSERT_EQ(f.escapes.size(), 1u);
  EXPECT_EQ(f.escapes[0].from, d(2020, 1, 1));
  EXPECT_EQ(f.escapes[0].to, d(2020, 2, 1));
  ASSERT_EQ(f.pemuka.size(), 1u);
  EXPECT_EQ(f.pemuka[0].from, d(2022, 1, 1));
  EXPECT_EQ(f.pemuka[0].to, d(2024, 12, 31));
  ASSERT_EQ(f.services.size(), 2u);
  EXPECT_EQ(f.services[0].date, d(2025, 6, 1));
  EXPECT_EQ(f.services[0].kind, ServiceKind::BloodDonation);
  EXPECT_EQ(f.services[1].kind, ServiceKind::Humanitarian);
  ASSERT_EQ(f.assessments.size(), 3u);
  EXPECT_EQ(f.assessments[0].date, d(2023, 1, 10));
  EXPECT_EQ(f.assessments[0].predicate, Predicate::Baik);
  EXPECT_EQ(f.assessments[0].risk, Risk::Medium);
  EXPECT_FALSE(f.assessments[1].predicate.has_value());
  EXPECT_EQ(f.assessments[1].risk, Risk::Low);
  EXPECT_EQ(f.assessments[2].predicate, Predicate::SangatBaik);
  EXPECT_FALSE(f.assessments[2].risk.has_value());
  // Recorded grants and until.
  ASSERT_TRUE(c.recorded().has_value());
  EXPECT_EQ(c.recorded()->until, d(2024, 8, 17));
  ASSERT_EQ(c.recorded()->grants.size(), 2u);
  EXPECT_EQ(c.recorded()->grants[0].date, d(2023, 8, 17));
  EXPECT_EQ(c.recorded()->grants[0].kind, GrantKind::Ru);
  EXPECT_EQ(c.recorded()->grants[0].amount, Term(0, 2, 0));
  EXPECT_EQ(c.recorded()->grants[1].kind, GrantKind::Unspecified);
  EXPECT_EQ(c.recorded()->grants[1].amount, Term(0, 58, 30));
  EXPECT_EQ(c.until(), d(2030, 12, 31));
  // Case metadata.
  EXPECT_EQ(c.id, "case-7");
  EXPECT_EQ(c.title, "A \"quoted\" title");
  EXPECT_EQ(c.source, "line one\nline two");
  ASSERT_EQ(c.policy.size(), 5u);
  EXPECT_EQ(c.policy[0].name, "ladder_index");
  EXPECT_EQ(std::get<std::string>(c.policy[0].value), "receipts");
  EXPECT_EQ(c.policy[1].name, "assume_unrecorded_facts");
  EXPECT_EQ(std::get<bool>(c.policy[1].value), false);
  EXPECT_EQ(std::get<std::int64_t>(c.policy[2].value), -42);
  EXPECT_EQ(std::get<std::string>(c.policy[3].value), "007") << "a quoted value stays a string";
  EXPECT_EQ(std::get<std::string>(c.policy[4].value), "a;b \" c");
  for (const auto& o : c.policy) EXPECT_EQ(o.line, 2) << o.name;  // the row's line, for the rules' refusal
  EXPECT_TRUE(c.expect_json.empty());
}

TEST(RosterCsvRead, FullRowEqualsTheSameCaseReadAsJson) {
  const auto cases = read_roster_csv(kFullHeader + kFullRow, "full.csv");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(canonical(cases[0]), canonical(read_case_json(kFullJson, "full.json")));
}

TEST(RosterCsvRead, OnlyTheRequiredColumnsAndAbsentOptionals) {
  const auto cases = read_roster_csv(kMinimalHeader + "A,islam,2019-06-01..,2y8m,general,2021-11-15\n", "min.csv");
  ASSERT_EQ(cases.size(), 1u);
  const Case& c = cases[0];
  EXPECT_EQ(c.person().id(), "A");
  EXPECT_TRUE(c.person().name().empty());
  EXPECT_FALSE(c.person().sex().has_value());
  EXPECT_FALSE(c.person().birth_date().has_value());
  EXPECT_FALSE(c.person().child_flag().has_value());
  EXPECT_EQ(c.sentence().term(), Term(2, 8, 0));
  EXPECT_FALSE(c.sentence().verdict_date().has_value());
  EXPECT_FALSE(c.sentence().fine().has_value());
  EXPECT_FALSE(c.sentence().commutation().has_value());
  EXPECT_FALSE(c.facts().justice_collaborator.has_value());
  EXPECT_TRUE(c.facts().discipline.empty());
  EXPECT_FALSE(c.recorded().has_value());
  EXPECT_FALSE(c.until().has_value());
  EXPECT_TRUE(c.id.empty());
  EXPECT_TRUE(c.policy.empty());
  EXPECT_EQ(canonical(c), canonical(read_roster_jsonl(
                              R"({"person":{"id":"A","religion":"islam"},"detention":[{"from":"2019-06-01"}],)"
                              R"("sentence":{"term":"2y8m","offence":"general","verdict_final":"2021-11-15"}})",
                              "x.jsonl")
                                                          .at(0)));
}

TEST(RosterCsvRead, EmptyCellsAreUnrecordedAndColumnsMayComeInAnyOrder) {
  const std::string text =
      "verdict_final,pledge,offence,fine_paid,fine_subsidiary,term,detention,religion,id,recorded_until,"
      "recorded_grants\n"
      "2020-03-04,,corruption,,3m,1y,2020-01-02..,buddhist,X1,2021-01-01,\n"
      "2020-03-04,true,general,true,3m,death,2020-01-02..,confucian,X2,,\n";
  const auto cases = read_roster_csv(text, "order.csv");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].person().id(), "X1");
  EXPECT_EQ(cases[0].person().religion(), Religion::Buddhist);
  EXPECT_EQ(cases[0].sentence().offence(), Offence::Corruption);
  EXPECT_FALSE(cases[0].facts().pledge.has_value());
  ASSERT_TRUE(cases[0].sentence().fine().has_value());
  EXPECT_FALSE(cases[0].sentence().fine()->paid) << "an empty _paid cell means not paid, as in JSON";
  ASSERT_TRUE(cases[0].recorded().has_value()) << "recorded_until alone is a record without grants";
  EXPECT_TRUE(cases[0].recorded()->grants.empty());
  EXPECT_EQ(cases[1].sentence().kind(), SentenceKind::Death);
  EXPECT_EQ(cases[1].facts().pledge, true);
  EXPECT_TRUE(cases[1].sentence().fine()->paid);
  EXPECT_FALSE(cases[1].recorded().has_value());
}

TEST(RosterCsvRead, BooleansInSpreadsheetCapitals) {
  const std::string text = "id,religion,detention,term,offence,verdict_final,child,pledge,justice_collaborator\n"
                           "A,islam,2020-01-02..,1y,general,2020-03-04,TRUE,FALSE,True\n";
  const auto cases = read_roster_csv(text, "caps.csv");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].person().child_flag(), true);
  EXPECT_EQ(cases[0].facts().pledge, false);
  EXPECT_EQ(cases[0].facts().justice_collaborator, true);
}

TEST(RosterCsvRead, ByteOrderMarkAndCrLf) {
  const std::string text = "\xEF\xBB\xBF" "id,religion,detention,term,offence,verdict_final\r\n"
                           "A,islam,2020-01-02..,1y,general,2020-03-04\r\n"
                           "B,catholic,2020-01-02..,2y,general,2020-03-04\r\n";
  const auto cases = read_roster_csv(text, "bom.csv");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].person().id(), "A") << "the BOM is not part of the first column name";
  EXPECT_EQ(cases[1].person().religion(), Religion::Catholic);
  EXPECT_EQ(cases[1].sentence().verdict_final(), d(2020, 3, 4)) << "CR is not part of the last field";
}

TEST(RosterCsvRead, QuotedFieldsKeepCommasQuotesAndLineEnds) {
  const std::string text = "id,name,religion,detention,term,offence,verdict_final\n"
                           "\"A\",\"Siti \"\"Ani\"\", Jr.\",islam,2020-01-02..,1y,general,2020-03-04\n"
                           "B,\"two\r\nlines\nhere\",islam,2020-01-02..,1y,general,\"2020-03-04\"\n"
                           "C,\"\",islam,2020-01-02..,1y,general,2020-03-04";  // no final line end
  const auto cases = read_roster_csv(text, "q.csv");
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].person().id(), "A");
  EXPECT_EQ(cases[0].person().name(), "Siti \"Ani\", Jr.");
  EXPECT_EQ(cases[1].person().name(), "two\r\nlines\nhere") << "line ends inside quotes are kept as written";
  EXPECT_EQ(cases[2].person().name(), "");
  EXPECT_EQ(cases[2].sentence().verdict_final(), d(2020, 3, 4));
}

TEST(RosterCsvRead, QuotedLineEndsMoveTheLineNumbersOfLaterRows) {
  // Row B starts on line 3 and spans lines 3-5; row C starts on line 6.
  const std::string text = "id,name,religion,detention,term,offence,verdict_final\n"
                           "A,a,islam,2020-01-02..,1y,general,2020-03-04\n"
                           "B,\"x\n\ny\",islam,2020-01-02..,1y,general,2020-03-04\n"
                           "C,c,islam,2020-01-02..,1y,general,2020-02-30\n";
  try {
    (void)read_roster_csv(text, "lines.csv");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 6);
    EXPECT_EQ(e.path(), "verdict_final");
    EXPECT_EQ(e.value(), "\"2020-02-30\"");
  }
}

TEST(RosterCsvRead, BlankLinesAndEmptyRowsAreSkipped) {
  const std::string text = "\n" + kMinimalHeader + "A,islam,2020-01-02..,1y,general,2020-03-04\n\n,,,,,\n" +
                           "B,islam,2020-01-02..,1y,general,2020-03-04\n\r\n\n\n";
  const auto cases = read_roster_csv(text, "blank.csv");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[1].person().id(), "B");
}

TEST(RosterCsvRead, HeaderAloneIsAnEmptyRoster) {
  EXPECT_TRUE(read_roster_csv(kMinimalHeader, "h.csv").empty());
  EXPECT_TRUE(read_roster_csv(kFullHeader + "\n\n", "h.csv").empty());
}

TEST(RosterCsvRead, UnicodeTextIsKept) {
  const std::string text = "id,name,religion,detention,term,offence,verdict_final\n"
                           "Ä-1,\"Ñoño — 王小明\",islam,2020-01-02..,1y,general,2020-03-04\n";
  const auto cases = read_roster_csv(text, "u.csv");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].person().id(), "Ä-1");
  EXPECT_EQ(cases[0].person().name(), "Ñoño — 王小明");
}

TEST(RosterCsvRead, PolicyValueForms) {
  const std::string text = "id,religion,detention,term,offence,verdict_final,policy\n"
                           "A,islam,2020-01-02..,1y,general,2020-03-04,"
                           "\"a=true;b=0;c=plain text;d=\"\"\"\";e=\"\"x\\\\y\"\";f=\"\"true\"\";g=1-2;h=-\"\n";
  const auto cases = read_roster_csv(text, "p.csv");
  ASSERT_EQ(cases.size(), 1u);
  const auto& p = cases[0].policy;
  ASSERT_EQ(p.size(), 8u);
  EXPECT_EQ(std::get<bool>(p[0].value), true);
  EXPECT_EQ(std::get<std::int64_t>(p[1].value), 0);
  EXPECT_EQ(std::get<std::string>(p[2].value), "plain text");
  EXPECT_EQ(std::get<std::string>(p[3].value), "");
  EXPECT_EQ(std::get<std::string>(p[4].value), "x\\y");
  EXPECT_EQ(std::get<std::string>(p[5].value), "true");
  EXPECT_EQ(std::get<std::string>(p[6].value), "1-2") << "only -?[0-9]+ is an integer";
  EXPECT_EQ(std::get<std::string>(p[7].value), "-");
  EXPECT_EQ(write_roster_csv(cases), write_roster_csv(read_roster_csv(write_roster_csv(cases), "again.csv")));
}
