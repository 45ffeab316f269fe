// Reading case files: the golden cases, every field of the format, BOM, expect and policy.

#include "io_test_support.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace binaan;
using namespace binaan::iotest;

namespace {
Date d(const char* s) { return parse_date(s); }
}  // namespace

TEST(CaseJsonRead, GoldenCasesRoundTrip) {
  const auto files = golden_files();
  ASSERT_GE(files.size(), 7u);
  for (const auto& path : files) {
    SCOPED_TRACE(path.filename().string());
    const std::string text = read_text(path);
    const Case first = read_case_json(text, path.string());
    EXPECT_EQ(first.id, path.stem().string()) << "a golden case is named after its id";
    EXPECT_FALSE(first.expect_json.empty());
    const std::string written = write_case_json(first);
    const Case second = read_case_json(written, "rewritten.json");
    EXPECT_EQ(canonical(second), canonical(first));
    EXPECT_EQ(write_case_json(second), written);
    EXPECT_EQ(second.expect_json, first.expect_json);
  }
}

TEST(CaseJsonRead, GoldenCasesAreWrittenBackUnchanged) {
  // The writer loses and invents nothing: the rewritten file holds the same JSON as the original.
  for (const auto& path : golden_files()) {
    SCOPED_TRACE(path.filename().string());
    const std::string text = read_text(path);
    const std::string written = write_case_json(read_case_json(text, path.string()));
    EXPECT_EQ(nlohmann::json::parse(written), nlohmann::json::parse(text));
  }
}

TEST(CaseJsonRead, GoldenT4HasRestitutionFactsAndUntil) {
  const std::string file = std::string(BINAAN_TEST_DATA_DIR) + "/golden/t4-corruption-subsider-cmb.json";
  const Case c = read_case_json(read_text(file), file);
  EXPECT_EQ(c.id, "t4-corruption-subsider-cmb");
  EXPECT_EQ(c.source, "rules-indonesia.md §10 T4");
  EXPECT_EQ(c.person().id(), "T4");
  EXPECT_EQ(c.person().religion(), Religion::Islam);
  EXPECT_FALSE(c.person().sex().has_value());
  ASSERT_EQ(c.detention().periods().size(), 1u);
  EXPECT_EQ(c.detention().periods()[0].from, d("2012-04-27"));
  EXPECT_FALSE(c.detention().periods()[0].to.has_value());
  EXPECT_EQ(c.sentence().kind(), SentenceKind::Fixed);
  EXPECT_EQ(c.sentence().term(), Term(10, 0, 0));
  EXPECT_EQ(c.sentence().offence(), Offence::Corruption);
  EXPECT_EQ(c.sentence().verdict_final(), d("2013-11-22"));
  EXPECT_FALSE(c.sentence().fine().has_value());
  ASSERT_TRUE(c.sentence().restitution().has_value());
  EXPECT_EQ(c.sentence().restitution()->term, Term(0, 4, 5));
  EXPECT_FALSE(c.sentence().restitution()->paid);
  EXPECT_EQ(c.facts().justice_collaborator, std::optional<bool>(false));
  EXPECT_FALSE(c.facts().pledge.has_value());
  EXPECT_EQ(c.until(), d("2022-01-26"));
  EXPECT_FALSE(c.recorded().has_value());
  EXPECT_TRUE(c.policy.empty());
  const auto expect = nlohmann::json::parse(c.expect_json);
  EXPECT_EQ(expect["final_release"], "2022-06-01");
  EXPECT_EQ(expect["grants"][0]["days"], 90);
}

TEST(CaseJsonRead, GoldenT5HasAService) {
  const std::string file = std::string(BINAAN_TEST_DATA_DIR) + "/golden/t5-tambahan-dasawarsa.json";
  const Case c = read_case_json(read_text(file), file);
  ASSERT_EQ(c.facts().services.size(), 1u);
  EXPECT_EQ(c.facts().services[0].date, d("2025-06-01"));
  EXPECT_EQ(c.facts().services[0].kind, ServiceKind::BloodDonation);
  EXPECT_EQ(c.person().religion(), Religion::Catholic);
}

TEST(CaseJsonRead, EveryFieldOfTheFormat) {
  const std::string text = R"({
    "id": "full", "title": "Every key", "source": "case-format.md",
    "policy": {"ladder_index": "receipts", "strict": true, "grace_days": -3},
    "person": {"id": "T9", "religion": "confucian", "name": "Budi Santoso", "sex": "female",
               "birth_date": "1966-06-29", "child": false},
    "detention": [{"from": "2019-01-10", "to": "2019-03-10"}, {"from": "2019-06-01"}],
    "sentence": {"term": "life", "offence": "narcotics", "verdict_final": "2021-11-15", "verdict_date": "2021-06-01",
                 "commuted": {"date": "2026-08-17", "term": "20y"},
                 "fine": {"subsidiary": "5m", "paid": true}, "restitution": {"subsidiary": "4m5d", "paid": false}},
    "facts": {
      "discipline": [{"date": "2021-05-10"}],
      "escapes": [{"from": "2020-01-01", "to": "2020-02-01"}],
      "justice_collaborator": false, "deradicalisation": true, "pledge": true,
      "pemuka": [{"from": "2022-01-01", "to": "2024-12-31"}],
      "services": [{"date": "2025-06-01", "kind": "organ_donation"}],
      "assessments": [{"date": "2023-01-10", "predicate": "baik", "risk": "medium"}, {"date": "2024-01-10", "risk": "low"}]
    },
    "recorded": {"until": "2024-08-17", "grants": [{"date": "2022-08-17", "kind": "rk", "amount": "1m"},
                                                 {"date": "2024-08-17", "kind": "unspecified", "amount": "58m30d"}]},
    "until": "2025-12-31",
    "expect": {"expiry": "2039-01-01", "estimated": false, "ratio": 0.5e1, "grants": []}
  })";
  const Case c = read_case_json(text, "full.json");
  EXPECT_EQ(c.id, "full");
  EXPECT_EQ(c.title, "Every key");
  EXPECT_EQ(c.source, "case-format.md");
  ASSERT_EQ(c.policy.size(), 3u);
  EXPECT_EQ(c.policy[0].name, "ladder_index");
  EXPECT_EQ(std::get<std::string>(c.policy[0].value), "receipts");
  EXPECT_EQ(c.policy[1].name, "strict");
  EXPECT_EQ(std::get<bool>(c.policy[1].value), true);
  EXPECT_EQ(c.policy[2].name, "grace_days");
  EXPECT_EQ(std::get<std::int64_t>(c.policy[2].value), -3);
  for (const auto& o : c.policy) EXPECT_EQ(o.line, 3) << o.name;  // for the message when the rules refuse one

  const Person& p = c.person();
  EXPECT_EQ(p.id(), "T9");
  EXPECT_EQ(p.religion(), Religion::Confucian);
  EXPECT_EQ(p.name(), "Budi Santoso");
  EXPECT_EQ(p.sex(), Sex::Female);
  EXPECT_EQ(p.birth_date(), d("1966-06-29"));
  EXPECT_EQ(p.child_flag(), std::optional<bool>(false));

  ASSERT_EQ(c.detention().periods().size(), 2u);
  EXPECT_EQ(c.detention().periods()[0].to, d("2019-03-10"));
  EXPECT_EQ(c.detention().sentence_start(), d("2019-04-03"));

  const Sentence& s = c.sentence();
  EXPECT_EQ(s.kind(), SentenceKind::Life);
  EXPECT_EQ(s.offence(), Offence::Narcotics);
  EXPECT_EQ(s.verdict_date(), d("2021-06-01"));
  ASSERT_TRUE(s.commutation().has_value());
  EXPECT_EQ(s.commutation()->date, d("2026-08-17"));
  EXPECT_EQ(s.served_term(), Term(20, 0, 0));
  EXPECT_EQ(s.fine()->term, Term(0, 5, 0));
  EXPECT_TRUE(s.fine()->paid);
  EXPECT_EQ(s.restitution()->term, Term(0, 4, 5));
  EXPECT_FALSE(s.restitution()->paid);

  const Facts& f = c.facts();
  ASSERT_EQ(f.discipline.size(), 1u);
  EXPECT_EQ(f.discipline[0].date, d("2021-05-10"));
  ASSERT_EQ(f.escapes.size(), 1u);
  EXPECT_EQ(f.escapes[0].from, d("2020-01-01"));
  EXPECT_EQ(f.escapes[0].to, d("2020-02-01"));
  EXPECT_EQ(f.justice_collaborator, std::optional<bool>(false));
  EXPECT_EQ(f.deradicalisation, std::optional<bool>(true));
  EXPECT_EQ(f.pledge, std::optional<bool>(true));
  ASSERT_EQ(f.pemuka.size(), 1u);
  EXPECT_EQ(f.pemuka[0].to, d("2024-12-31"));
  ASSERT_EQ(f.services.size(), 1u);
  EXPECT_EQ(f.services[0].kind, ServiceKind::OrganDonation);
  ASSERT_EQ(f.assessments.size(), 2u);
  EXPECT_EQ(f.assessments[0].predicate, Predicate::Baik);
  EXPECT_EQ(f.assessments[0].risk, Risk::Medium);
  EXPECT_FALSE(f.assessments[1].predicate.has_value());
  EXPECT_EQ(f.assessments[1].risk, Risk::Low);

  ASSERT_TRUE(c.recorded().has_value());
  EXPECT_EQ(c.recorded()->until, d("2024-08-17"));
  ASSERT_EQ(c.recorded()->grants.size(), 2u);
  EXPECT_EQ(c.recorded()->grants[0].kind, GrantKind::Rk);
  EXPECT_EQ(c.recorded()->grants[0].amount, Term(0, 1, 0));
  EXPECT_EQ(c.recorded()->grants[1].kind, GrantKind::Unspecified);
  EXPECT_EQ(c.recorded()->grants[1].amount, Term(0, 58, 30));
  EXPECT_EQ(c.until(), d("2025-12-31"));
  // expect is kept compact, in file order, numbers as written.
  EXPECT_EQ(c.expect_json, R"({"expiry":"2039-01-01","estimated":false,"ratio":0.5e1,"grants":[]})");
}

TEST(CaseJsonRead, DefaultsOfOptionalKeys) {
  const Case c = read_case_json(
      base_with(R"("verdict_final":"2021-11-15")",
                R"("verdict_final":"2021-11-15","fine":{"subsidiary":"1m"}},"recorded":{"until":"2020-08-17")"),
      "defaults.json");
  ASSERT_TRUE(c.sentence().fine().has_value());
  EXPECT_FALSE(c.sentence().fine()->paid) << "an unrecorded payment is not a payment";
  ASSERT_TRUE(c.recorded().has_value());
  EXPECT_TRUE(c.recorded()->grants.empty());
  EXPECT_TRUE(c.title.empty());
  EXPECT_TRUE(c.expect_json.empty());
  EXPECT_FALSE(c.until().has_value());
}

TEST(CaseJsonRead, DeathSentence) {
  const Case c = read_case_json(base_with("\"2y8m\"", "\"death\""), "death.json");
  EXPECT_EQ(c.sentence().kind(), SentenceKind::Death);
  EXPECT_FALSE(c.sentence().served_term().has_value());
}

TEST(CaseJsonRead, ByteOrderMarkAtStartIsAccepted) {
  const Case c = read_case_json("\xEF\xBB\xBF" + kBaseCase, "bom.json");
  EXPECT_EQ(c.id, "c1");
  // Only at the very start: after whitespace it is text that is not JSON.
  const InputError e = case_refusal(" \xEF\xBB\xBF" + kBaseCase, "bom2.json");
  EXPECT_EQ(e.path(), "");
  EXPECT_EQ(e.line(), 1);
  EXPECT_NE(std::string(e.what()).find("bom2.json:1: malformed JSON at column 2"), std::string::npos) << e.what();
}

TEST(CaseJsonRead, EscapesAreDecoded) {
  const Case c = read_case_json(
      base_plus(R"("title":"Tab\there \"quoted\" \\ \/ caf\u00e9 \ud83d\ude00 \u20ac\n")"), "esc.json");
  EXPECT_EQ(c.title, "Tab\there \"quoted\" \\ / caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x82\xAC\n");
  // Non-ASCII text as it is, too.
  const Case u = read_case_json(base_plus("\"title\":\"Pemasyarakatan — §10 ✓\""), "utf8.json");
  EXPECT_EQ(u.title, "Pemasyarakatan — §10 ✓");
}

TEST(CaseJsonRead, KeysInAnyOrderAndWhitespace) {
  const std::string text =
      "\r\n\t{ \"sentence\" : { \"verdict_final\" : \"2021-11-15\" , \"offence\":\"general\",\"term\":\"15d\" } ,\n"
      "  \"detention\" : [ { \"from\" : \"2021-01-01\" } ] , \"person\":{\"religion\":\"hindu\",\"id\":\"X\"},"
      "\"id\":\"z\" }\n\n";
  const Case c = read_case_json(text, "ws.json");
  EXPECT_EQ(c.sentence().term(), Term(0, 0, 15));
  EXPECT_EQ(c.person().religion(), Religion::Hindu);
  EXPECT_EQ(c.id, "z");
}

TEST(CaseJsonRead, ExpectMayHoldAnyJson) {
  const Case c = read_case_json(
      base_plus(R"("expect":{"a":[1,-2,3.5,-0.25e-3,true,false,null,"s",{},[]],"b":{"c":{"d":"\u00e9"}}})"),
      "expect.json");
  EXPECT_EQ(c.expect_json, R"({"a":[1,-2,3.5,-0.25e-3,true,false,null,"s",{},[]],"b":{"c":{"d":"é"}}})");
  EXPECT_EQ(nlohmann::json::parse(c.expect_json)["a"][3], -0.25e-3);
}
