// Writing case files: layout, key order, omitted optionals, and write → read identity.

#include "io_test_support.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

using namespace binaan;
using namespace binaan::iotest;

namespace {

Date d(const char* s) { return parse_date(s); }

Case minimal_case() {
  Case c(Person("P1", Religion::Islam), DetentionHistory({{d("2019-06-01"), std::nullopt}}),
         Sentence::fixed(Term(2, 8, 0), Offence::General, d("2021-11-15")));
  c.id = "c1";
  return c;
}

/// A case with every optional field of the format set.
Case full_case() {
  Facts f;
  f.discipline = {{d("2021-05-10")}, {d("2022-01-03")}};
  f.escapes = {{d("2020-01-01"), d("2020-02-01")}};
  f.justice_collaborator = false;
  f.deradicalisation = true;
  f.pledge = true;
  f.pemuka = {{d("2022-01-01"), d("2024-12-31")}};
  f.services = {{d("2025-06-01"), ServiceKind::BloodDonation}, {d("2025-07-01"), ServiceKind::Humanitarian}};
  f.assessments = {{d("2023-01-10"), Predicate::SangatBaik, Risk::High},
                   {d("2023-07-10"), Predicate::Kurang, std::nullopt},
                   {d("2024-01-10"), std::nullopt, Risk::Low}};
  Recorded r{d("2024-08-17"),
             {{d("2022-08-17"), GrantKind::Ru, Term(0, 1, 0)}, {d("2024-08-17"), GrantKind::PmpHan, Term(0, 58, 30)}}};
  Sentence s = Sentence::life(Offence::Terrorism, d("2018-03-01"))
                   .with_verdict_date(d("2017-12-20"))
                   .with_commutation({d("2026-08-17"), Term(20, 0, 0)})
                   .with_fine({Term(0, 6, 0), true})
                   .with_restitution({Term(1, 0, 15), false});
  Case c(Person("T9", Religion::Buddhist, "Ni \"Made\" Ayu\\Sari", Sex::Female, d("2004-02-29"), true),
         DetentionHistory({{d("2017-01-10"), d("2017-03-10")}, {d("2017-06-01"), std::nullopt}}), std::move(s),
         std::move(f), std::move(r), d("2025-12-31"));
  c.id = "full-case";
  c.title = "Every field: life commuted to 20 years — §9";
  c.source = "hand-built\nsecond line\t\x01";
  c.policy = {{"ladder_index", std::string("receipts")},
              {"strict", true},
              {"big", std::int64_t{INT64_MAX}},
              {"small", std::int64_t{INT64_MIN}},
              {"zero", std::int64_t{0}}};
  c.expect_json = R"({"expiry":"2037-01-01","grants":[{"date":"2027-08-17","kind":"ru","days":30,"release":false}],"x":1.25})";
  return c;
}

}  // namespace

TEST(CaseJsonWrite, PrettyLayoutMatchesTheGoldenFiles) {
  Case c = minimal_case();
  c.title = "T";
  c.expect_json = R"({"grants":[],"milestones":{"pb":"2020-01-01"}})";
  EXPECT_EQ(write_case_json(c),
            "{\n"
            "  \"id\": \"c1\",\n"
            "  \"title\": \"T\",\n"
            "  \"person\": {\n"
            "    \"id\": \"P1\",\n"
            "    \"religion\": \"islam\"\n"
            "  },\n"
            "  \"detention\": [\n"
            "    {\n"
            "      \"from\": \"2019-06-01\"\n"
            "    }\n"
            "  ],\n"
            "  \"sentence\": {\n"
            "    \"term\": \"2y8m\",\n"
            "    \"offence\": \"general\",\n"
            "    \"verdict_final\": \"2021-11-15\"\n"
            "  },\n"
            "  \"expect\": {\n"
            "    \"grants\": [],\n"
            "    \"milestones\": {\n"
            "      \"pb\": \"2020-01-01\"\n"
            "    }\n"
            "  }\n"
            "}");
}

TEST(CaseJsonWrite, GoldenFileIsReproducedByteForByte) {
  const std::string file = std::string(BINAAN_TEST_DATA_DIR) + "/golden/t1-two-years-natal.json";
  std::string text = read_text(file);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  EXPECT_EQ(write_case_json(read_case_json(text, file)), text);
}

TEST(CaseJsonWrite, CompactAndOtherIndents) {
  const Case c = minimal_case();
  EXPECT_EQ(write_case_json(c, -1),
            R"({"id":"c1","person":{"id":"P1","religion":"islam"},"detention":[{"from":"2019-06-01"}],)"
            R"("sentence":{"term":"2y8m","offence":"general","verdict_final":"2021-11-15"}})");
  const std::string four = write_case_json(c, 4);
  EXPECT_EQ(four.substr(0, 29), "{\n    \"id\": \"c1\",\n    \"person");
  EXPECT_EQ(nlohmann::json::parse(four), nlohmann::json::parse(write_case_json(c, -1)));
  const std::string zero = write_case_json(c, 0);
  EXPECT_EQ(zero.substr(0, 14), "{\n\"id\": \"c1\",\n");
  EXPECT_EQ(canonical(read_case_json(zero, "zero.json")), canonical(c));
}

TEST(CaseJsonWrite, AbsentOptionalsAreOmitted) {
  const std::string text = write_case_json(minimal_case(), -1);
  for (const char* key : {"null", "title", "source", "policy", "name", "sex", "birth_date", "child", "\"to\"",
                          "verdict_date", "commuted", "fine", "restitution", "facts", "recorded", "until", "expect"})
    EXPECT_EQ(text.find(key), std::string::npos) << key;
  // An id-less case (a roster case) writes no id.
  Case c = minimal_case();
  c.id.clear();
  EXPECT_EQ(write_case_json(c, -1).find("\"id\":\"c1\""), std::string::npos);
}

TEST(CaseJsonWrite, FullCaseInDocumentedKeyOrder) {
  const std::string text = write_case_json(full_case(), -1);
  const std::vector<std::string> order{
      R"({"id":"full-case","title":)", R"("source":)", R"("policy":{"ladder_index":"receipts","strict":true,)",
      R"("big":9223372036854775807,"small":-9223372036854775808,"zero":0},)",
      R"("person":{"id":"T9","religion":"buddhist","name":"Ni \"Made\" Ayu\\Sari","sex":"female",)"
      R"("birth_date":"2004-02-29","child":true},)",
      R"("detention":[{"from":"2017-01-10","to":"2017-03-10"},{"from":"2017-06-01"}],)",
      R"("sentence":{"term":"life","offence":"terrorism","verdict_final":"2018-03-01","verdict_date":"2017-12-20",)"
      R"("commuted":{"date":"2026-08-17","term":"20y"},"fine":{"subsidiary":"6m","paid":true},)"
      R"("restitution":{"subsidiary":"1y15d","paid":false}},)",
      R"("facts":{"discipline":[{"date":"2021-05-10"},{"date":"2022-01-03"}],)"
      R"("escapes":[{"from":"2020-01-01","to":"2020-02-01"}],"justice_collaborator":false,"deradicalisation":true,)"
      R"("pledge":true,"pemuka":[{"from":"2022-01-01","to":"2024-12-31"}],)"
      R"("services":[{"date":"2025-06-01","kind":"blood_donation"},{"date":"2025-07-01","kind":"humanitarian"}],)"
      R"("assessments":[{"date":"2023-01-10","predicate":"sangat_baik","risk":"high"},)"
      R"({"date":"2023-07-10","predicate":"kurang"},{"date":"2024-01-10","risk":"low"}]},)",
      R"("recorded":{"until":"2024-08-17","grants":[{"date":"2022-08-17","kind":"ru","amount":"1m"},)"
      R"({"date":"2024-08-17","kind":"pmp_han","amount":"58m30d"}]},)",
      R"("until":"2025-12-31",)",
      R"("expect":{"expiry":"2037-01-01","grants":[{"date":"2027-08-17","kind":"ru","days":30,"release":false}],"x":1.25}})"};
  std::size_t at = 0;
  for (const auto& part : order) {
    const auto found = text.find(part, at);
    ASSERT_NE(found, std::string::npos) << part << "\nin\n" << text;
    at = found + part.size();
  }
  EXPECT_EQ(at, text.size());
  EXPECT_NE(text.find(R"("source":"hand-built\nsecond line\t\u0001")"), std::string::npos) << text;
}

TEST(CaseJsonWrite, FullCaseRoundTrips) {
  const Case c = full_case();
  for (int indent : {-1, 0, 2, 3}) {
    SCOPED_TRACE(indent);
    const Case back = read_case_json(write_case_json(c, indent), "full.json");
    EXPECT_EQ(canonical(back), canonical(c));
    EXPECT_EQ(back.id, c.id);
    EXPECT_EQ(back.title, c.title);
    EXPECT_EQ(back.source, c.source);
    EXPECT_EQ(back.person().name(), "Ni \"Made\" Ayu\\Sari");
    EXPECT_EQ(back.person().birth_date(), d("2004-02-29"));
    EXPECT_EQ(back.person().child_flag(), std::optional<bool>(true));
    EXPECT_EQ(back.sentence().commutation()->term, Term(20, 0, 0));
    EXPECT_EQ(back.sentence().restitution()->term, Term(1, 0, 15));
    EXPECT_EQ(back.facts().assessments.size(), 3u);
    EXPECT_EQ(back.recorded()->grants[1].kind, GrantKind::PmpHan);
    ASSERT_EQ(back.policy.size(), 5u);
    EXPECT_EQ(std::get<std::int64_t>(back.policy[3].value), INT64_MIN);
    EXPECT_EQ(back.expect_json, c.expect_json);
  }
}

TEST(CaseJsonWrite, TermsKeepTheirWrittenForm) {
  // 12m is not rewritten as 1y: end dates depend on the form (rules-indonesia.md §2).
  const Case c = read_case_json(base_with("\"2y8m\"", "\"12m\""), "t.json");
  EXPECT_NE(write_case_json(c, -1).find(R"("term":"12m")"), std::string::npos);
}

TEST(CaseJsonWrite, StatusFactsFalseAreWritten) {
  Case c = minimal_case();
  Facts f;
  f.pledge = false;
  c = Case(c.person(), c.detention(), c.sentence(), f);
  EXPECT_NE(write_case_json(c, -1).find(R"("facts":{"pledge":false})"), std::string::npos);
  Case r(c.person(), c.detention(), c.sentence(), Facts{}, Recorded{d("2020-01-01"), {}});
  EXPECT_NE(write_case_json(r, -1).find(R"("recorded":{"until":"2020-01-01","grants":[]})"), std::string::npos);
}

TEST(CaseJsonWrite, RefusesWhatCouldNotBeReadBack) {
  Case c = minimal_case();
  c.title = "bad \xFF byte";
  try {
    (void)write_case_json(c);
    FAIL() << "written";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "title");
    EXPECT_EQ(e.value(), "bad \\xFF byte");
  }
  c = minimal_case();
  c.source = std::string(1001, 's');
  EXPECT_THROW((void)write_case_json(c), ValueError);
  c = minimal_case();
  c.expect_json = "{\"a\":";
  try {
    (void)write_case_json(c);
    FAIL() << "written";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "expect");
  }
  c.expect_json = "[1]";
  EXPECT_THROW((void)write_case_json(c), ValueError);
}

TEST(CaseJsonWrite, GeneratedCasesRoundTrip) {
  // Property: write → read is the identity, whatever combination of optional fields is set.
  std::mt19937 rng(20240817);
  auto coin = [&] { return (rng() & 1u) != 0; };
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto day = [&](int year) { return make_date(year, 1 + pick(12), 1 + pick(28)); };
  for (int i = 0; i < 300; ++i) {
    SCOPED_TRACE(i);
    const Date start = day(2000 + pick(20));
    std::vector<DetentionPeriod> periods;
    if (coin()) periods.push_back({add_days(start, -400), add_days(start, -300 + pick(200))});
    periods.push_back({start, std::nullopt});
    const Date final_day = add_days(start, pick(500));
    Sentence s = pick(10) == 0 ? Sentence::life(static_cast<Offence>(pick(7)), final_day)
                               : Sentence::fixed(Term(pick(20), pick(12), pick(30) + 1), static_cast<Offence>(pick(7)),
                                                 final_day);
    if (coin()) s = s.with_verdict_date(add_days(final_day, -pick(100)));
    if (s.kind() == SentenceKind::Life && coin()) s = s.with_commutation({add_days(final_day, 3000), Term(20, 0, 0)});
    if (coin()) s = s.with_fine({Term(0, 1 + pick(6), pick(30)), coin()});
    if (coin()) s = s.with_restitution({Term(pick(2), 1 + pick(6), 0), coin()});
    Facts f;
    for (int k = pick(3); k > 0; --k) f.discipline.push_back({day(2020)});
    if (coin()) f.escapes.push_back({day(2019), day(2021)});
    if (coin()) f.justice_collaborator = coin();
    if (coin()) f.deradicalisation = coin();
    if (coin()) f.pledge = coin();
    if (coin()) f.pemuka.push_back({day(2020), day(2022)});
    for (int k = pick(3); k > 0; --k) f.services.push_back({day(2021), static_cast<ServiceKind>(pick(4))});
    for (int k = pick(3); k > 0; --k) {
      Assessment a{day(2022), std::nullopt, std::nullopt};
      if (coin()) a.predicate = static_cast<Predicate>(pick(4));
      if (!a.predicate || coin()) a.risk = static_cast<Risk>(pick(3));
      f.assessments.push_back(a);
    }
    std::optional<Recorded> r;
    if (coin()) {
      r = Recorded{d("2023-08-17"), {}};
      for (int k = pick(4); k > 0; --k)
        r->grants.push_back({make_date(2023 - k, 8, 17), static_cast<GrantKind>(pick(7)), Term(0, pick(6), 1 + pick(29))});
    }
    std::optional<Date> until;
    if (coin()) until = day(2030);
    Case c(Person("P" + std::to_string(i), static_cast<Religion>(pick(8)), coin() ? "Name " + std::to_string(i) : "",
                  coin() ? std::optional<Sex>(static_cast<Sex>(pick(2))) : std::nullopt,
                  coin() ? std::optional<Date>(day(1980)) : std::nullopt,
                  coin() ? std::optional<bool>(coin()) : std::nullopt),
           DetentionHistory(periods), s, f, r, until);
    c.id = "gen-" + std::to_string(i);
    if (coin()) c.title = "title " + std::to_string(pick(1000));
    if (coin()) c.policy.push_back({"p" + std::to_string(pick(9)), std::int64_t{pick(100) - 50}});
    if (coin()) c.expect_json = R"({"expiry":")" + format_date(day(2030)) + "\"}";
    const std::string pretty = write_case_json(c);
    const Case back = read_case_json(pretty, "gen.json");
    EXPECT_EQ(write_case_json(back), pretty);
    EXPECT_EQ(canonical(read_case_json(canonical(c), "gen.json")), canonical(c));
  }
}
