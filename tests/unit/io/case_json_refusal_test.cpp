// The refusal catalogue: every kind of bad case file case-format.md names, each with the exact key path, the
// value shown and a word of the reason.

#include "io_test_support.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace binaan;
using namespace binaan::iotest;

namespace {

struct Refusal {
  const char* name;
  std::string text;
  std::string path;   ///< exact
  std::string value;  ///< contained in InputError::value() and in the message ("" for none)
  std::string why;    ///< contained in the message
  long line = 1;      ///< every text is on one line, but for the whitespace one
};

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string nested_expect(std::size_t levels) {
  // expect = {"a":{"a":…{}…}} with `levels` objects below expect.
  return "\"expect\":" + repeat("{\"a\":", levels) + "{}" + repeat("}", levels);
}

std::string many_keys_with_duplicate() {
  std::string s = "\"expect\":{";
  for (int i = 0; i < 40; ++i) s += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  return s + "\"k5\":99}";
}

std::vector<Refusal> catalogue() {
  const std::string fine = R"("verdict_final":"2021-11-15")";
  const std::string religion = R"("religion":"islam")";
  const std::string periods = R"([{"from":"2019-01-10","to":"2019-03-10"},{"from":"2019-06-01"}])";
  return {
      // ---- Malformed JSON ----
      {"TrailingCommaInObject", base_with(fine, fine + ","), "sentence", "}}", "malformed JSON"},
      {"MissingColon", base_with(religion, R"("religion" "islam")"), "person", "\"islam\"", "expected ':'"},
      {"UnterminatedString", R"({"id":"c1)", "id", "\"c1", "closing quote"},
      {"TruncatedInput", R"({"id":"c1","person":{)", "person", "", "end of input"},
      {"EmptyInput", "", "", "", "empty"},
      {"WhitespaceOnly", " \n\t ", "", "", "empty", 2},
      {"TopLevelArray", "[1,2]", "", "[1,2]", "top level must be an object"},
      {"TopLevelString", "\"case\"", "", "\"case\"", "top level must be an object"},
      {"TextAfterValue", kBaseCase + " x", "", "x", "after the JSON value"},
      {"TwoObjects", kBaseCase + kBaseCase, "", "{\"id\"", "after the JSON value"},
      {"InvalidLiteral", base_with(religion, religion + R"(,"child":tru)"), "person.child", "tru}", "malformed JSON"},
      {"LeadingZero", base_plus(R"("policy":{"n":01})"), "policy", "1}}", "expected ','"},
      {"SignWithoutDigits", base_plus(R"("policy":{"n":-})"), "policy.n", "-}}", "expected a digit"},
      {"PointWithoutDigits", base_plus(R"("policy":{"n":1.})"), "policy.n", "1.}}", "decimal point"},
      {"ExponentWithoutDigits", base_plus(R"("policy":{"n":1e})"), "policy.n", "1e}}", "exponent"},
      {"SingleQuotes", base_with(R"("id":"c1")", "'id':'c1'"), "", "'id'", "expected a key"},
      {"UnknownEscape", base_with(religion, religion + R"(,"name":"a\qb")"), "person.name", "\\qb\"", "escape"},
      {"LoneHighSurrogate", base_with(religion, religion + R"(,"name":"\ud800x")"), "person.name", "\\ud800x",
       "high surrogate"},
      {"LoneLowSurrogate", base_with(religion, religion + R"(,"name":"\udc00")"), "person.name", "\\udc00",
       "low surrogate"},
      {"BadUnicodeEscape", base_with(religion, religion + R"(,"name":"\u12G4")"), "person.name", "\\u12G4",
       "hex digits"},
      {"RawControlCharacter", base_with(religion, religion + ",\"name\":\"a\tb\""), "person.name", "\\x09",
       "control character"},

      // ---- Encoding ----
      {"InvalidUtf8", base_with(religion, religion + ",\"name\":\"\xC3\x28\""), "person.name", "\\xC3",
       "invalid UTF-8"},
      {"OverlongUtf8", base_with(religion, religion + ",\"name\":\"\xC0\xAF\""), "person.name", "\\xC0",
       "invalid UTF-8"},
      {"EncodedSurrogate", base_with(religion, religion + ",\"name\":\"\xED\xA0\x80\""), "person.name",
       "\\xED\\xA0\\x80", "invalid UTF-8"},
      {"BeyondUnicode", base_with(religion, religion + ",\"name\":\"\xF4\x90\x80\x80\""), "person.name",
       "\\xF4\\x90\\x80\\x80", "invalid UTF-8"},
      {"TruncatedUtf8", base_with(religion, religion + ",\"name\":\"\xE2\x82\""), "person.name", "\\xE2\\x82",
       "invalid UTF-8"},
      {"InvalidUtf8InKey", base_with(religion, religion + ",\"\xFF\":1"), "person", "\\xFF", "invalid UTF-8"},
      {"StrayContinuationByte", base_plus("\"title\":\"ok \x80\""), "title", "\\x80", "invalid UTF-8"},

      // ---- Duplicate keys ----
      {"DuplicateTopLevelKey", base_plus(R"("id":"c2")"), "id", "\"c2\"", "duplicate key"},
      {"DuplicateNestedKey", base_with(religion, religion + R"(,"religion":"hindu")"), "person.religion",
       "\"hindu\"", "duplicate key"},
      {"DuplicateKeyInExpect",
       base_plus(R"("expect":{"milestones":{"pb":"2020-01-01","pb":"2020-01-02"}})"), "expect.milestones.pb",
       "\"2020-01-02\"", "duplicate key"},
      {"DuplicateKeyByEscape", base_plus(R"("i\u0064":"c2")"), "id", "\"c2\"", "duplicate key"},
      {"DuplicateKeyInArrayElement",
       base_with(R"({"from":"2019-06-01"})", R"({"from":"2019-06-01","from":"2019-06-02"})"), "detention[1].from",
       "\"2019-06-02\"", "duplicate key"},
      {"DuplicateKeyInLargeObject", base_plus(many_keys_with_duplicate()), "expect.k5", "99", "duplicate key"},

      // ---- Missing required keys ----
      {"MissingPerson", base_with(R"("person":{"id":"P1","religion":"islam"},)", ""), "person", "",
       "missing required key"},
      {"MissingReligion", base_with(",\"religion\":\"islam\"", ""), "person.religion", "", "missing required key"},
      {"MissingVerdictFinal", base_with("," + fine, ""), "sentence.verdict_final", "", "missing required key"},
      {"MissingDetention", base_with("\"detention\":" + periods + ",", ""), "detention", "",
       "missing required key"},
      {"MissingCaseId", base_with(R"("id":"c1",)", ""), "id", "", "missing required key"},
      {"MissingDetentionFrom", base_with(R"({"from":"2019-06-01"})", "{}"), "detention[1].from", "",
       "missing required key"},
      {"MissingRecordedUntil", base_plus(R"("recorded":{"grants":[]})"), "recorded.until", "",
       "missing required key"},
      {"MissingCommutedTerm",
       base_with(R"("term":"2y8m")", R"("term":"life","commuted":{"date":"2030-01-01"})"), "sentence.commuted.term",
       "", "missing required key"},
      {"MissingSubsidiary", base_with(fine, fine + R"(,"fine":{"paid":true})"), "sentence.fine.subsidiary", "",
       "missing required key"},

      // ---- Unknown keys ----
      {"UnknownTopLevelKey", base_plus(R"("titel":"x")"), "titel", "\"x\"", "unknown key"},
      {"UnknownPersonKey", base_with(religion, religion + R"(,"religon":"islam")"), "person.religon", "\"islam\"",
       "unknown key"},
      {"UnknownKeyInListEntry",
       base_plus(R"("facts":{"escapes":[{"from":"2020-01-01","to":"2020-02-01","until":"2020-03-01"}]})"),
       "facts.escapes[0].until", "\"2020-03-01\"", "unknown key"},
      {"UnknownFineKey", base_with(fine, fine + R"(,"fine":{"subsidiary":"5m","paid":true,"amount":1000})"),
       "sentence.fine.amount", "1000", "unknown key"},
      {"UnknownGrantKey",
       base_plus(R"("recorded":{"until":"2024-08-17","grants":[{"date":"2024-08-17","kind":"ru","amount":"1m","days":30}]})"),
       "recorded.grants[0].days", "30", "unknown key"},
      {"UnknownFactsKey", base_plus(R"("facts":{"remorse":true})"), "facts.remorse", "true", "unknown key"},
      {"CaseIsNotRosterResult", base_plus(R"("grants":[])"), "grants", "[]", "unknown key"},

      // ---- Wrong types ----
      {"ChildNotBoolean", base_with(religion, religion + R"(,"child":"yes")"), "person.child", "\"yes\"",
       "expected true or false, found a string"},
      {"PaidNotBoolean", base_with(fine, fine + R"(,"fine":{"subsidiary":"5m","paid":1})"), "sentence.fine.paid", "1",
       "found a number"},
      {"DetentionNotArray", base_with(periods, R"({"from":"2019-01-10"})"), "detention", "{\"from\":\"2019-01-10\"}",
       "expected an array, found an object"},
      {"PersonIdNotString", base_with(R"("id":"P1")", R"("id":42)"), "person.id", "42", "expected a string"},
      {"TitleNull", base_plus(R"("title":null)"), "title", "null", "found null"},
      {"FactsNotObject", base_plus(R"("facts":[])"), "facts", "[]", "expected an object"},
      {"DisciplineEntryNotObject", base_plus(R"("facts":{"discipline":["2020-01-01"]})"), "facts.discipline[0]",
       "\"2020-01-01\"", "expected an object"},
      {"DateAsNumber", base_plus(R"("until":20251231)"), "until", "20251231", "expected a string"},
      {"PersonNotObject", base_with(R"({"id":"P1","religion":"islam"})", R"("P1")"), "person", "\"P1\"",
       "expected an object"},
      {"ExpectNotObject", base_plus(R"("expect":[])"), "expect", "[]", "expected an object"},
      {"PolicyNotObject", base_plus(R"("policy":"receipts")"), "policy", "\"receipts\"", "expected an object"},

      // ---- Dates and terms ----
      {"NoSuchDay", base_with("2021-11-15", "2021-02-29"), "sentence.verdict_final", "\"2021-02-29\"",
       "no such calendar day"},
      {"DateWithoutPadding", base_with("2019-06-01", "2019-6-1"), "detention[1].from", "\"2019-6-1\"", "YYYY-MM-DD"},
      {"YearBefore1900", base_with(religion, religion + R"(,"birth_date":"1899-12-31")"), "person.birth_date",
       "\"1899-12-31\"", "1900-2200"},
      {"DateWithTime", base_plus(R"("until":"2025-12-31T00:00")"), "until", "\"2025-12-31T00:00\"", "YYYY-MM-DD"},
      {"TermUnitsOutOfOrder", base_with("2y8m", "8m2y"), "sentence.term", "\"8m2y\"", "term"},
      {"ZeroTerm", base_with("2y8m", "0d"), "sentence.term", "\"0d\"", "non-zero"},
      {"GrantAmountNotTerm",
       base_plus(R"("recorded":{"until":"2024-08-17","grants":[{"date":"2024-08-17","kind":"ru","amount":"30"}]})"),
       "recorded.grants[0].amount", "\"30\"", "term"},
      {"CommutedToLife",
       base_with(R"("term":"2y8m")", R"("term":"life","commuted":{"date":"2030-01-01","term":"life"})"),
       "sentence.commuted.term", "\"life\"", "term"},

      // ---- Enumerations ----
      {"UnknownReligion", base_with("\"islam\"", "\"muslim\""), "person.religion", "\"muslim\"", "islam, protestant"},
      {"UnknownSex", base_with(religion, religion + R"(,"sex":"m")"), "person.sex", "\"m\"", "male, female"},
      {"UnknownOffence", base_with("\"general\"", "\"theft\""), "sentence.offence", "\"theft\"", "narcotics"},
      {"UnknownServiceKind", base_plus(R"("facts":{"services":[{"date":"2025-06-01","kind":"blood"}]})"),
       "facts.services[0].kind", "\"blood\"", "blood_donation"},
      {"UnknownRisk", base_plus(R"("facts":{"assessments":[{"date":"2023-01-10","risk":"extreme"}]})"),
       "facts.assessments[0].risk", "\"extreme\"", "high, medium, low"},
      {"UnknownPredicate", base_plus(R"("facts":{"assessments":[{"date":"2023-01-10","predicate":"excellent"}]})"),
       "facts.assessments[0].predicate", "\"excellent\"", "sangat_baik"},
      {"UnknownGrantKind",
       base_plus(R"("recorded":{"until":"2024-08-17","grants":[{"date":"2024-08-17","kind":"remisi","amount":"1m"}]})"),
       "recorded.grants[0].kind", "\"remisi\"", "unspecified"},

      // ---- Model checks ----
      {"OverlappingDetention", base_with("2019-06-01", "2019-03-01"), "detention[1].from", "\"2019-03-01\"",
       "must not overlap"},
      {"EarlierPeriodOpen", base_with(R"({"from":"2019-01-10","to":"2019-03-10"})", R"({"from":"2019-01-10"})"),
       "detention[0].to", "", "needs an end"},
      {"PeriodEndsOnItsStart", base_with("2019-03-10", "2019-01-10"), "detention[0].to", "\"2019-01-10\"",
       "ends on or before its start"},
      {"EmptyDetention", base_with(periods, "[]"), "detention", "[]", "at least one"},
      {"EscapeReturnBeforeEscape", base_plus(R"("facts":{"escapes":[{"from":"2020-02-01","to":"2020-01-01"}]})"),
       "facts.escapes[0].to", "\"2020-01-01\"", "day of return"},
      {"AssessmentWithoutContent", base_plus(R"("facts":{"assessments":[{"date":"2023-01-10"}]})"),
       "facts.assessments[0].predicate", "\"2023-01-10\"", "predicate, a risk level"},
      {"PemukaEndsBeforeStart", base_plus(R"("facts":{"pemuka":[{"from":"2022-01-01","to":"2021-12-31"}]})"),
       "facts.pemuka[0].to", "\"2021-12-31\"", "ends before it starts"},
      {"RecordedGrantAfterUntil",
       base_plus(R"("recorded":{"until":"2024-08-16","grants":[{"date":"2024-08-17","kind":"ru","amount":"1m"}]})"),
       "recorded.grants[0].date", "\"2024-08-17\"", "after recorded.until"},
      {"CommutedFixedSentence", base_with(fine, fine + R"(,"commuted":{"date":"2030-01-01","term":"20y"})"),
       "sentence.commuted", "\"2030-01-01\"", "only a life sentence"},
      {"VerdictAfterFinal", base_with(fine, fine + R"(,"verdict_date":"2021-11-16")"), "sentence.verdict_date",
       "\"2021-11-16\"", "cannot come after"},
      {"EmptyCaseId", base_with(R"("id":"c1")", R"("id":"")"), "id", "\"\"", "must not be empty"},
      {"EmptyPersonId", base_with(R"("id":"P1")", R"("id":"")"), "person.id", "\"\"", "needs an id"},

      // ---- Limits ----
      {"StringOver1000", base_plus("\"title\":\"" + std::string(1001, 'x') + "\""), "title",
       "\"" + std::string(40, 'x') + "…\"", "longer than 1000 characters"},
      {"MultibyteStringOver1000", base_with(religion, religion + ",\"name\":\"" + repeat("é", 1001) + "\""),
       "person.name", "\"" + repeat("é", 40), "longer than 1000 characters"},
      {"KeyOver1000", base_plus("\"expect\":{\"" + std::string(1001, 'k') + "\":1}"), "expect",
       "\"" + std::string(40, 'k'), "longer than 1000 characters"},
      {"NestingDeeperThan16", base_plus(nested_expect(15)), "expect" + repeat(".a", 15), "{}",
       "nesting deeper than 16"},
      {"ArrayNestingDeeperThan16", base_plus("\"expect\":{\"a\":" + repeat("[", 15) + repeat("]", 15) + "}"),
       "expect.a" + repeat("[0]", 14), "[]", "nesting deeper than 16"},

      // ---- Policy overrides ----
      {"PolicyFloat", base_plus(R"("policy":{"rate":1.5})"), "policy.rate", "1.5",
       "expected a boolean, an integer or a string"},
      {"PolicyExponent", base_plus(R"("policy":{"n":1e3})"), "policy.n", "1e3", "found a number"},
      {"PolicyIntegerTooLarge", base_plus(R"("policy":{"n":9223372036854775808})"), "policy.n",
       "9223372036854775808", "integer out of range"},
      {"PolicyIntegerTooSmall", base_plus(R"("policy":{"n":-9223372036854775809})"), "policy.n",
       "-9223372036854775809", "integer out of range"},
      {"PolicyNull", base_plus(R"("policy":{"x":null})"), "policy.x", "null", "found null"},
      {"PolicyArray", base_plus(R"("policy":{"x":[1]})"), "policy.x", "[1]", "found an array"},
  };
}

}  // namespace

TEST(CaseJsonRefusal, CatalogueNamesPathValueAndFile) {
  const auto entries = catalogue();
  EXPECT_GE(entries.size(), 40u);
  const std::string file = "cases/bad-input.json";
  for (const Refusal& r : entries) {
    SCOPED_TRACE(r.name);
    const InputError e = case_refusal(r.text, file);
    const std::string message = e.what();
    EXPECT_EQ(e.path(), r.path) << message;
    EXPECT_EQ(e.file(), file);
    EXPECT_EQ(e.line(), r.line);
    EXPECT_EQ(message.rfind(file + ":" + std::to_string(r.line) + ": ", 0), 0u) << message;
    if (!r.path.empty()) {
      EXPECT_NE(message.find(": " + r.path + ": "), std::string::npos) << message;
    }
    EXPECT_NE(e.value().find(r.value), std::string::npos) << "value: " << e.value();
    EXPECT_NE(message.find(r.value), std::string::npos) << message;
    EXPECT_NE(message.find(r.why), std::string::npos) << message;
  }
}

TEST(CaseJsonRefusal, CatalogueEntriesAreDistinct) {
  const auto entries = catalogue();
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (std::size_t j = i + 1; j < entries.size(); ++j) {
      EXPECT_STRNE(entries[i].name, entries[j].name);
      EXPECT_NE(entries[i].text, entries[j].text) << entries[i].name << " / " << entries[j].name;
    }
}

TEST(CaseJsonRefusal, MalformedJsonGivesLineAndColumn) {
  const std::string text = "{\n  \"id\": \"c1\",\n  \"person\": {\"id\": \"P1\" \"religion\": \"islam\"}\n}";
  const InputError e = case_refusal(text, "x.json");
  EXPECT_EQ(e.path(), "person");
  EXPECT_EQ(e.line(), 3);
  EXPECT_STREQ(e.what(),
               "x.json:3: person: malformed JSON at column 25 (byte 41): expected ',' or '}' after a value in an "
               "object (value: \"religion\": \"islam\"})");
}

TEST(CaseJsonRefusal, TheBaseCaseItselfIsAccepted) {
  const Case c = read_case_json(kBaseCase, "base.json");
  EXPECT_EQ(c.id, "c1");
  EXPECT_EQ(c.person().id(), "P1");
  EXPECT_EQ(c.detention().periods().size(), 2u);
}

TEST(CaseJsonRefusal, LimitsAreInclusive) {
  // 1,000 characters, 16 levels and the extreme 64-bit integers are accepted.
  const Case a = read_case_json(base_plus("\"title\":\"" + repeat("é", 1000) + "\""), "a.json");
  EXPECT_EQ(a.title.size(), 2000u);
  const Case b = read_case_json(base_plus(nested_expect(14)), "b.json");
  EXPECT_EQ(b.expect_json, repeat("{\"a\":", 14) + "{}" + repeat("}", 14));
  const Case c =
      read_case_json(base_plus(R"("policy":{"max":9223372036854775807,"min":-9223372036854775808})"), "c.json");
  ASSERT_EQ(c.policy.size(), 2u);
  EXPECT_EQ(std::get<std::int64_t>(c.policy[0].value), INT64_MAX);
  EXPECT_EQ(std::get<std::int64_t>(c.policy[1].value), INT64_MIN);
}

TEST(CaseJsonRefusal, FileOver16MiB) {
  std::string text = base_plus("\"title\":\"x\"");
  text.append((std::size_t{16} << 20) + 1 - text.size(), ' ');
  const InputError e = case_refusal(text, "huge.json");
  EXPECT_EQ(e.path(), "");
  EXPECT_EQ(e.value(), std::to_string((std::size_t{16} << 20) + 1) + " bytes");
  EXPECT_NE(std::string(e.what()).find("larger than 16 MiB"), std::string::npos);
  // Exactly 16 MiB is fine.
  text.pop_back();
  EXPECT_EQ(read_case_json(text, "big.json").title, "x");
}

TEST(CaseJsonRefusal, OnlyInputErrorsEscape) {
  // Whatever is wrong, the caller sees an InputError (a binaan::Error), never another exception type.
  for (const std::string& text : {std::string("{"), std::string("\xEF\xBB\xBF"), std::string("\xEF\xBB"),
                                  std::string("{\"id\":\"\\u"), std::string("1e999999"), std::string("-"),
                                  std::string(100, '['), std::string("{\"a\":") + std::string(1, '\0') + "}"}) {
    EXPECT_THROW((void)read_case_json(text, "t.json"), InputError) << text;
  }
}

// ---- The line of every refusal ----
// A case file as people write it, one key a line: each refusal names the line of the offending value, or of the
// object that lacks a key.

namespace {

const std::string kLinesCase =  // line
    "{\n"                                              //  1
    "  \"id\": \"c1\",\n"                               //  2
    "  \"title\": \"lines\",\n"                         //  3
    "  \"person\": {\n"                                 //  4
    "    \"id\": \"P1\",\n"                             //  5
    "    \"religion\": \"islam\"\n"                     //  6
    "  },\n"                                           //  7
    "  \"detention\": [\n"                              //  8
    "    {\"from\": \"2019-01-10\", \"to\": \"2019-03-10\"},\n"  //  9
    "    {\n"                                          // 10
    "      \"from\": \"2019-06-01\"\n"                  // 11
    "    }\n"                                          // 12
    "  ],\n"                                           // 13
    "  \"sentence\": {\n"                               // 14
    "    \"term\": \"2y8m\",\n"                         // 15
    "    \"offence\": \"general\",\n"                   // 16
    "    \"verdict_final\": \"2021-11-15\"\n"           // 17
    "  },\n"                                           // 18
    "  \"facts\": {\n"                                  // 19
    "    \"services\": [\n"                             // 20
    "      {\"date\": \"2020-03-01\", \"kind\": \"blood_donation\"},\n"  // 21
    "      {\"date\": \"2020-06-01\", \"kind\": \"blood_donation\"}\n"   // 22
    "    ]\n"                                          // 23
    "  }\n"                                            // 24
    "}\n";                                             // 25

/// kLinesCase with the first occurrence of `from` replaced by `to`.
std::string lines_with(std::string_view from, std::string_view to) {
  std::string s = kLinesCase;
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "test input lacks " << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

}  // namespace

TEST(CaseJsonLine, TheMultiLineCaseIsAccepted) {
  const Case c = read_case_json(kLinesCase, "lines.json");
  EXPECT_EQ(c.title, "lines");
  EXPECT_EQ(c.facts().services.size(), 2u);
  EXPECT_EQ(read_case_json(crlf(kLinesCase), "crlf.json").title, "lines");
}

TEST(CaseJsonLine, ABadValueNamesItsLine) {
  const InputError e = case_refusal(lines_with("\"2y8m\"", "\"9q\""), "bad.json");
  EXPECT_EQ(e.line(), 15);
  EXPECT_EQ(e.path(), "sentence.term");
  EXPECT_STREQ(e.what(),
               "bad.json:15: sentence.term: expected a term such as 2y8m, 4m5d or 15d (units y, m, d in that order) "
               "(value: \"9q\")");
  // The value's line, not its key's, when they are apart.
  EXPECT_EQ(case_refusal(lines_with("\"term\": \"2y8m\"", "\"term\":\n\n      \"9q\"")).line(), 17);
  // Each kind of refusal about a value.
  EXPECT_EQ(case_refusal(lines_with("\"islam\"", "\"moslem\"")).line(), 6);             // enumeration
  EXPECT_EQ(case_refusal(lines_with("\"title\": \"lines\"", "\"title\": 7")).line(), 3);  // wrong type
  EXPECT_EQ(case_refusal(lines_with("\"title\"", "\"titel\"")).line(), 3);                // unknown key
  EXPECT_EQ(case_refusal(lines_with("\"2021-11-15\"", "\"2021-02-29\"")).line(), 17);     // date
  EXPECT_EQ(case_refusal(lines_with("\"id\": \"c1\"", "\"id\": \"\"")).line(), 2);        // empty case id
  EXPECT_EQ(case_refusal(lines_with("\"P1\"", "\"\"")).line(), 5);                         // empty person id
  const std::string periods = "{\"from\": \"2019-01-10\", \"to\": \"2019-03-10\"},\n    {\n      \"from\": \"2019-06-01\"\n    }";
  EXPECT_EQ(case_refusal(lines_with(periods, "")).line(), 8);  // an empty list: where it opens
}

TEST(CaseJsonLine, AMissingKeyNamesTheLineOfItsObject) {
  const InputError e = case_refusal(lines_with(",\n    \"verdict_final\": \"2021-11-15\"", ""), "m.json");
  EXPECT_EQ(e.line(), 14);  // "sentence": { opens on line 14
  EXPECT_STREQ(e.what(), "m.json:14: sentence.verdict_final: missing required key");
  EXPECT_EQ(case_refusal(lines_with(",\n    \"religion\": \"islam\"", "")).line(), 4);
  // Inside an array element: the element's line.
  const InputError from = case_refusal(lines_with("\"from\": \"2019-06-01\"", "\"to\": \"2019-07-01\""));
  EXPECT_EQ(from.path(), "detention[1].from");
  EXPECT_EQ(from.line(), 10);
  // At the top level: where the case's object opens, here after two blank lines.
  const InputError id = case_refusal("\n\n" + lines_with("\"id\": \"c1\",\n", ""));
  EXPECT_EQ(id.path(), "id");
  EXPECT_EQ(id.line(), 3);
}

TEST(CaseJsonLine, ADuplicateKeyNamesTheSecondOccurrence) {
  const InputError e =
      case_refusal(lines_with("\"religion\": \"islam\"\n", "\"religion\": \"islam\",\n\n    \"religion\": \"hindu\"\n"),
                   "d.json");
  EXPECT_EQ(e.line(), 8);
  EXPECT_STREQ(e.what(), "d.json:8: person.religion: duplicate key (value: \"hindu\")");
  // The line of the repeated key, when its value is on a later line.
  EXPECT_EQ(case_refusal(lines_with("\"title\": \"lines\"", "\"title\": \"lines\", \"id\":\n\n\"c2\"")).line(), 3);
  // In an object of more than 32 keys (checked through a set).
  std::string many = "\"expect\": {\n";
  for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",\n";
  many += "\"k5\": 99}";
  const InputError large = case_refusal(lines_with("\"title\": \"lines\"", many));
  EXPECT_EQ(large.path(), "expect.k5");
  EXPECT_EQ(large.line(), 3 + 41);
}

TEST(CaseJsonLine, ANestedValueInAnArrayElementNamesItsLine) {
  const InputError e = case_refusal(lines_with("\"2019-06-01\"", "\"2019-06-31\""), "n.json");
  EXPECT_EQ(e.path(), "detention[1].from");
  EXPECT_EQ(e.line(), 11);
  EXPECT_STREQ(e.what(), "n.json:11: detention[1].from: no such calendar day (value: \"2019-06-31\")");
  const InputError kind = case_refusal(lines_with("\"kind\": \"blood_donation\"}\n    ]", "\"kind\": \"blood\"}\n    ]"));
  EXPECT_EQ(kind.path(), "facts.services[1].kind");
  EXPECT_EQ(kind.line(), 22);
  const InputError entry = case_refusal(lines_with("{\"date\": \"2020-06-01\", \"kind\": \"blood_donation\"}", "7"));
  EXPECT_EQ(entry.path(), "facts.services[1]");
  EXPECT_EQ(entry.line(), 22);
}

TEST(CaseJsonLine, ModelChecksNameTheLineOfTheValueTheyName) {
  // The model's constructors name a key path (detention[1].from); its line is looked up in the document.
  const InputError overlap = case_refusal(lines_with("\"2019-06-01\"", "\"2019-03-01\""), "o.json");
  EXPECT_EQ(overlap.path(), "detention[1].from");
  EXPECT_EQ(overlap.line(), 11);
  EXPECT_EQ(std::string(overlap.what()).rfind("o.json:11: detention[1].from: starts before the previous period", 0),
            0u)
      << overlap.what();
  // A key the model names that is not in the file: the line of the object that lacks it.
  const InputError open = case_refusal(lines_with(", \"to\": \"2019-03-10\"", ""));
  EXPECT_EQ(open.path(), "detention[0].to");
  EXPECT_EQ(open.line(), 9);
  const InputError escape = case_refusal(lines_with(
      "\"services\": [", "\"escapes\": [\n{\"from\": \"2020-02-01\",\n \"to\": \"2020-01-01\"}],\n\"services\": ["));
  EXPECT_EQ(escape.path(), "facts.escapes[0].to");
  EXPECT_EQ(escape.line(), 22);
  const InputError verdict = case_refusal(lines_with("\"verdict_final\": \"2021-11-15\"",
                                                     "\"verdict_final\": \"2021-11-15\",\n\"verdict_date\": \"2021-11-16\""));
  EXPECT_EQ(verdict.path(), "sentence.verdict_date");
  EXPECT_EQ(verdict.line(), 18);
}

TEST(CaseJsonLine, AOneLineFileIsLineOne) {
  const InputError e = case_refusal(base_with("2y8m", "9q"), "one.json");
  EXPECT_EQ(e.line(), 1);
  EXPECT_EQ(std::string(e.what()).rfind("one.json:1: sentence.term: expected a term", 0), 0u) << e.what();
  // Without a line feed at the end, and with a byte order mark.
  EXPECT_EQ(case_refusal("\xEF\xBB\xBF" + base_with("\"islam\"", "\"moslem\"")).line(), 1);
  EXPECT_EQ(case_refusal(base_with(",\"religion\":\"islam\"", "")).line(), 1);
}

TEST(CaseJsonLine, CrlfLineEndingsCountOnce) {
  const InputError e = case_refusal(crlf(lines_with("\"2y8m\"", "\"9q\"")), "crlf.json");
  EXPECT_EQ(e.line(), 15);
  EXPECT_EQ(case_refusal(crlf(lines_with(",\n    \"verdict_final\": \"2021-11-15\"", ""))).line(), 14);
  EXPECT_EQ(case_refusal(crlf(lines_with("\"2019-06-01\"", "\"2019-06-31\""))).line(), 11);
  // Malformed JSON: the column does not count the carriage return of the line before.
  const InputError syntax = case_refusal(crlf(lines_with("\"offence\": \"general\",", "\"offence\" \"general\",")), "s.json");
  EXPECT_EQ(syntax.line(), 16);
  EXPECT_NE(std::string(syntax.what()).find("s.json:16: sentence: malformed JSON at column 15 (byte "), std::string::npos)
      << syntax.what();
}

TEST(CaseJsonLine, ParserRefusalsNameTheirLine) {
  // Malformed JSON, encoding and limits, found while parsing.
  EXPECT_EQ(case_refusal(lines_with("\"general\",", "\"general\",,")).line(), 16);
  EXPECT_EQ(case_refusal(lines_with("\"lines\"", "\"li\xC3\x28nes\"")).line(), 3);
  EXPECT_EQ(case_refusal(lines_with("\"lines\"", "\"a\\qb\"")).line(), 3);
  EXPECT_EQ(case_refusal(lines_with("\"lines\"", "\n\n\"" + std::string(1001, 'x') + "\"")).line(), 5);
  EXPECT_EQ(case_refusal(lines_with("\"title\": \"lines\"", "\"expect\":\n" + nested_expect(15).substr(9))).line(), 4);
  // Cut short: the line where the text ends.
  const std::string cut = kLinesCase.substr(0, kLinesCase.find("\"2y8m\"") + 3);
  const InputError end = case_refusal(cut, "cut.json");
  EXPECT_EQ(end.line(), 15);
  EXPECT_EQ(end.path(), "sentence.term");
  // Text after the value: the line where it starts.
  EXPECT_EQ(case_refusal(kLinesCase + "\n\n" + kLinesCase).line(), 28);
}

TEST(CaseJsonLine, RosterLinesNameTheRosterLine) {
  // One case a line: the line is the roster's, whatever the error.
  const std::string roster = kBaseCase + "\n" + base_with("\"P1\"", "\"P2\"") + "\n";
  auto refusal = [&](const std::string& third) {
    try {
      (void)read_roster_jsonl(roster + third + "\n", "r.jsonl");
    } catch (const InputError& e) {
      return e;
    }
    ADD_FAILURE() << "accepted: " << third;
    return InputError("", 0, "", "", "");
  };
  const InputError term = refusal(base_with("\"P1\"", "\"P3\"").replace(kBaseCase.find("2y8m"), 4, "9q"));
  EXPECT_EQ(term.line(), 3);
  EXPECT_STREQ(term.what(),
               "r.jsonl:3: sentence.term: expected a term such as 2y8m, 4m5d or 15d (units y, m, d in that order) "
               "(value: \"9q\")");
  EXPECT_EQ(refusal(base_with(",\"religion\":\"islam\"", "")).line(), 3);
  EXPECT_EQ(refusal(base_with("2019-06-01", "2019-03-01")).line(), 3);
  const InputError syntax = refusal("{\"id\":\"c1\" \"person\":{}}");
  EXPECT_EQ(syntax.line(), 3);
  EXPECT_STREQ(syntax.what(),
               "r.jsonl:3: malformed JSON at column 12: expected ',' or '}' after a value in an object (value: "
               "\"person\":{}})");
}
