// The policy as data: defaults with citations, named parameters, overrides, policy files.
#include <binaan/error.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/rules/rule.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace binaan;

TEST(Policy, DefaultsAreTheSpecs) {
  Policy p = default_policy();
  EXPECT_EQ(p.term_convention, TermConvention::CalendarYears30DayMonths);
  EXPECT_EQ(p.fraction_convention, FractionConvention::NormalisedTerm);
  EXPECT_EQ(p.ladder_index, LadderIndex::Receipts);
  EXPECT_EQ(p.tambahan_combine, TambahanCombine::Larger);
  EXPECT_TRUE(p.assume_unrecorded_facts);
  EXPECT_FALSE(p.project_kemanusiaan);
  EXPECT_EQ(p.permenkumham_7_2022_from, make_date(2022, 2, 1));
  EXPECT_EQ(p.pp28_from, make_date(2006, 7, 28));
  EXPECT_EQ(p.pp99_from, make_date(2012, 11, 12));
  EXPECT_EQ(p.jc_ruling_from, make_date(2021, 10, 28));
  EXPECT_EQ(p.uu22_from, make_date(2022, 8, 3));
  EXPECT_EQ(p.min_served_days, 180);
  EXPECT_EQ(p.min_served_days_child, 90);
  EXPECT_EQ(p.dasawarsa_cap_days, 90);
}

TEST(Policy, EveryParameterHasANameACitationAndRoundTrips) {
  std::set<std::string> names;
  Policy p = default_policy();
  for (const auto& info : policy_parameters()) {
    EXPECT_TRUE(names.insert(std::string(info.name)).second) << info.name;
    EXPECT_FALSE(info.citation.empty()) << info.name;
    EXPECT_FALSE(info.summary.empty()) << info.name;
    ParameterValue v = get_parameter(p, info.name);
    Policy copy = p;
    set_parameter(copy, info.name, v);
    EXPECT_EQ(get_parameter(copy, info.name), v) << info.name;
  }
  EXPECT_GE(names.size(), 30u);
  for (const char* required : {"term_convention", "fraction_convention", "ladder_index", "tambahan_combine",
                               "assume_unrecorded_facts", "project_kemanusiaan", "permenkumham_7_2022_from"})
    EXPECT_TRUE(names.count(required)) << required;
}

TEST(Policy, SetParameterValidatesNameTypeAndRange) {
  Policy p;
  set_parameter(p, "ladder_index", std::string("anniversaries"));
  EXPECT_EQ(p.ladder_index, LadderIndex::Anniversaries);
  set_parameter(p, "permenkumham_7_2022_from", std::string("2022-01-28"));
  EXPECT_EQ(p.permenkumham_7_2022_from, make_date(2022, 1, 28));
  set_parameter(p, "cb_max_sentence", std::string("2y"));
  EXPECT_EQ(p.cb_max_sentence, Term(2, 0, 0));
  set_parameter(p, "min_served_days", std::int64_t{120});
  EXPECT_EQ(p.min_served_days, 120);
  auto field = [&](const char* name, ParameterValue v) {
    try {
      set_parameter(p, name, v);
    } catch (const ValueError& e) {
      return e.field() + " = " + e.value();
    }
    return std::string("<accepted>");
  };
  EXPECT_EQ(field("nope", true), "policy.nope = nope");
  EXPECT_EQ(field("ladder_index", std::string("monthly")), "policy.ladder_index = monthly");
  EXPECT_EQ(field("ladder_index", true), "policy.ladder_index = true");
  EXPECT_EQ(field("min_served_days", std::int64_t{-1}), "policy.min_served_days = -1");
  EXPECT_EQ(field("min_served_days", std::string("180")), "policy.min_served_days = 180");
  EXPECT_EQ(field("pp99_from", std::string("2012-13-01")), "policy.pp99_from = 2012-13-01");
  EXPECT_EQ(field("assume_unrecorded_facts", std::int64_t{1}), "policy.assume_unrecorded_facts = 1");
}

TEST(Policy, OverridesApplyInOrder) {
  Policy p = with_overrides(default_policy(), {{"tambahan_combine", std::string("sum")},
                                               {"min_served_days", std::int64_t{100}},
                                               {"min_served_days", std::int64_t{120}}});
  EXPECT_EQ(p.tambahan_combine, TambahanCombine::Sum);
  EXPECT_EQ(p.min_served_days, 120);
}

TEST(PolicyFile, WriteThenReadIsIdentity) {
  Policy p = default_policy();
  p.id = "kanwil-kaltim";
  p.version = "2026.2";
  p.tambahan_combine = TambahanCombine::Sum;
  p.permenkumham_7_2022_from = make_date(2022, 1, 25);
  std::string text = write_policy_json(p);
  Policy back = read_policy_json(text, "kaltim.json");
  EXPECT_EQ(back.id, "kanwil-kaltim");
  EXPECT_EQ(back.version, "2026.2");
  EXPECT_EQ(write_policy_json(back), text);
}

TEST(PolicyFile, PartialFilesStartFromTheDefault) {
  Policy p = read_policy_json(R"({"id": "test", "ladder_index": "anniversaries"})", "p.json");
  EXPECT_EQ(p.id, "test");
  EXPECT_EQ(p.ladder_index, LadderIndex::Anniversaries);
  EXPECT_EQ(p.min_served_days, 180);
}

TEST(PolicyFile, RefusalsNameFileKeyAndValue) {
  struct Bad {
    const char* text;
    const char* path;
    const char* fragment;
  };
  for (const Bad& b : {Bad{"{", "", "malformed JSON"}, Bad{"[]", "", "JSON object"},
                       Bad{R"({"a": 1, "a": 2})", "a", "duplicate key"},
                       Bad{R"({"nope": 1})", "nope", "unknown policy parameter"},
                       Bad{R"({"ladder_index": 3})", "ladder_index", "expected a string"},
                       Bad{R"({"ladder_index": null})", "ladder_index", "expected a string, a whole number"},
                       Bad{R"({"pp99_from": "2012-11-31"})", "pp99_from", "no such calendar day"},
                       Bad{R"({"id": ""})", "id", "non-empty string"},
                       Bad{R"({"min_served_days": 1.5})", "min_served_days", "expected"}}) {
    try {
      read_policy_json(b.text, "bad-policy.json");
      ADD_FAILURE() << b.text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), "bad-policy.json");
      EXPECT_EQ(e.path(), b.path) << b.text;
      EXPECT_NE(std::string(e.what()).find(b.fragment), std::string::npos) << e.what();
    }
  }
}

TEST(Rules, EveryRuleHasCodeCitationAndBothLanguages) {
  std::set<std::string> codes;
  for (int i = 0; i <= static_cast<int>(RuleId::PbConduct); ++i) {
    const RuleInfo& info = rule_info(static_cast<RuleId>(i));
    EXPECT_EQ(static_cast<int>(info.id), i);
    EXPECT_TRUE(codes.insert(std::string(info.code)).second) << info.code;
    EXPECT_FALSE(info.citation.empty()) << info.code;
    EXPECT_FALSE(rule_text(info.id, Lang::En).empty());
    EXPECT_FALSE(rule_text(info.id, Lang::Id).empty());
    EXPECT_NE(rule_text(info.id, Lang::En), rule_text(info.id, Lang::Id)) << info.code;
  }
  EXPECT_EQ(rule_info(RuleId::OneThird).citation, "PP 28/2006 Art. 34(3)");
}

// ---- Policy files: the line of every refusal ----

namespace {

const std::string kPolicyLines =                //  line
    "{\n"                                       //  1
    "  \"id\": \"kanwil-kaltim\",\n"             //  2
    "  \"version\": \"2026.2\",\n"               //  3
    "  \"ladder_index\": \"anniversaries\",\n"   //  4
    "  \"min_served_days\": 120,\n"              //  5
    "  \"project_kemanusiaan\": true,\n"         //  6
    "  \"pp99_from\": \"2012-11-12\",\n"         //  7
    "  \"pb_min_fraction\": \"9m\"\n"            //  8
    "}\n";                                      //  9

/// kPolicyLines with the first occurrence of `from` replaced by `to`.
std::string policy_with(std::string_view from, std::string_view to) {
  std::string s = kPolicyLines;
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "test input lacks " << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

InputError policy_refusal(const std::string& text, const std::string& file = "pol.json") {
  try {
    (void)read_policy_json(text, file);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted: " << text;
  return InputError(file, 0, "<accepted>", "", "accepted");
}

std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

}  // namespace

TEST(PolicyFileLine, TheMultiLineFileIsRead) {
  for (const std::string& text : {kPolicyLines, crlf(kPolicyLines), "\xEF\xBB\xBF" + kPolicyLines}) {
    const Policy p = read_policy_json(text, "pol.json");
    EXPECT_EQ(p.id, "kanwil-kaltim");
    EXPECT_EQ(p.version, "2026.2");
    EXPECT_EQ(p.ladder_index, LadderIndex::Anniversaries);
    EXPECT_EQ(p.min_served_days, 120);
    EXPECT_TRUE(p.project_kemanusiaan);
    EXPECT_EQ(p.pp99_from, make_date(2012, 11, 12));
    EXPECT_EQ(p.pb_min_fraction, Term(0, 9, 0));
    EXPECT_EQ(p.cb_max_days, 180);  // the rest from the default
  }
}

TEST(PolicyFileLine, EveryKindOfRefusalNamesItsLine) {
  struct Bad {
    const char* name;
    std::string text;
    long line;
    std::string message;  ///< exact
  };
  const std::string id101(101, 'i');
  for (const Bad& b : std::vector<Bad>{
           {"WrongType", policy_with("120", "\"abc\""), 5,
            "pol.json:5: min_served_days: expected a whole number (value: \"abc\")"},
           {"OutOfRange", policy_with("120", "-1"), 5,
            "pol.json:5: min_served_days: expected a number from 0 to 3650 (value: -1)"},
           {"UnknownParameter", policy_with("\"min_served_days\"", "\"remission_bonus_days\""), 5,
            "pol.json:5: remission_bonus_days: unknown policy parameter (value: 120)"},
           {"BadEnum", policy_with("\"anniversaries\"", "\"sideways\""), 4,
            "pol.json:4: ladder_index: expected one of receipts, anniversaries (value: \"sideways\")"},
           {"BadDate", policy_with("2012-11-12", "2012-11-31"), 7,
            "pol.json:7: pp99_from: no such calendar day (value: \"2012-11-31\")"},
           {"BadTerm", policy_with("\"9m\"", "\"9 months\""), 8,
            "pol.json:8: pb_min_fraction: expected a term such as 2y8m, 4m5d or 15d (units y, m, d in that order) "
            "(value: \"9 months\")"},
           {"BoolForInteger", policy_with("true", "1"), 6,
            "pol.json:6: project_kemanusiaan: expected true or false (value: 1)"},
           {"IdNotString", policy_with("\"kanwil-kaltim\"", "7"), 2,
            "pol.json:2: id: expected a non-empty string of at most 100 characters (value: 7)"},
           {"IdEmpty", policy_with("\"kanwil-kaltim\"", "\"\""), 2,
            "pol.json:2: id: expected a non-empty string of at most 100 characters (value: \"\")"},
           {"VersionTooLong", policy_with("\"2026.2\"", "\"" + id101 + "\""), 3,
            "pol.json:3: version: expected a non-empty string of at most 100 characters (value: \"" +
                std::string(60, 'i') + "…\")"},
           {"Null", policy_with("120", "null"), 5,
            "pol.json:5: min_served_days: expected a string, a whole number or true/false (value: null)"},
           {"Fraction", policy_with("120", "1.5"), 5,
            "pol.json:5: min_served_days: expected a string, a whole number or true/false (value: 1.5)"},
           {"NumberOverflow", policy_with("120", "1e400"), 5,
            "pol.json:5: min_served_days: expected a string, a whole number or true/false (value: 1e400)"},
           {"IntegerBeyond64Bits", policy_with("120", "18446744073709551615"), 5,
            "pol.json:5: min_served_days: integer out of range (a policy integer must fit in 64 bits) (value: "
            "18446744073709551615)"},
           {"Object", policy_with("120", "{\"days\": 120}"), 5,
            "pol.json:5: min_served_days: expected a string, a whole number or true/false (value: {\"days\":120})"},
           {"DuplicateKey", policy_with("  \"project_kemanusiaan\"", "  \"min_served_days\": 150,\n  \"project_kemanusiaan\""),
            6, "pol.json:6: min_served_days: duplicate key (value: 150)"},
           {"ValueOnTheLineAfterItsKey", policy_with("120", "\n    \"abc\""), 6,
            "pol.json:6: min_served_days: expected a whole number (value: \"abc\")"},
           {"Malformed", policy_with("\"min_served_days\": 120", "\"min_served_days\" 120"), 5,
            "pol.json:5: malformed JSON at column 21 (byte 106): expected ':' after a key (value: "
            "120,)"},
           {"TrailingComma", policy_with("\"9m\"", "\"9m\","), 9,
            "pol.json:9: malformed JSON at column 1 (byte 199): expected a key (a string) (value: })"},
           {"InvalidUtf8", policy_with("kanwil-kaltim", "kanwil-\xE9"), 2,
            "pol.json:2: id: invalid UTF-8 at column 17 (byte 19) (value: \\xE9)"},
           {"LoneSurrogate", policy_with("kanwil-kaltim", "kanwil-\\ud800"), 2,
            "pol.json:2: id: malformed JSON at column 17 (byte 19): a high surrogate without a low surrogate after "
            "it (value: \\ud800\",)"},
           {"TooDeep", policy_with("120", "\n" + std::string(20, '[') + std::string(20, ']')), 6,
            "pol.json:6: min_served_days[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nesting deeper than 16 levels "
            "at column 16 (byte 123) (value: [[[[[]]]]]]]]]]]]]]])"},
           {"Empty", "", 1,
            "pol.json:1: malformed JSON at column 1 (byte 1): no JSON value (the input is empty) (unexpected end of "
            "input)"},
           {"NotAnObject", "\n\n[{\"ladder_index\": \"receipts\"}]\n", 3,
            "pol.json:3: a policy file is a JSON object (value: [{\"ladder_index\":\"receipts\"}])"},
           {"OneLine", R"({"min_served_days": "abc"})", 1,
            "pol.json:1: min_served_days: expected a whole number (value: \"abc\")"},
           {"Crlf", crlf(policy_with("2012-11-12", "2012-11-31")), 7,
            "pol.json:7: pp99_from: no such calendar day (value: \"2012-11-31\")"},
       }) {
    SCOPED_TRACE(b.name);
    const InputError e = policy_refusal(b.text);
    EXPECT_EQ(e.file(), "pol.json");
    EXPECT_EQ(e.line(), b.line);
    EXPECT_EQ(e.what(), b.message);
  }
}

TEST(PolicyFileLine, TheFirstProblemInTheFileIsNamed) {
  // In the order of the file (nlohmann's object iterated its keys sorted).
  const InputError e = policy_refusal("{\n\"pp99_from\": \"x\",\n\"ladder_index\": \"y\"\n}");
  EXPECT_EQ(e.path(), "pp99_from");
  EXPECT_EQ(e.line(), 2);
}

TEST(PolicyFileLine, IdAndVersionLengthInCharacters) {
  EXPECT_EQ(read_policy_json("{\"id\": \"" + std::string(100, 'i') + "\"}", "p.json").id, std::string(100, 'i'));
  std::string accented;
  for (int i = 0; i < 100; ++i) accented += "é";
  EXPECT_EQ(read_policy_json("{\"version\": \"" + accented + "\"}", "p.json").version, accented);
  EXPECT_EQ(policy_refusal("{\"version\": \"" + accented + "é\"}").path(), "version");
}

TEST(PolicyFileLine, IntegersAtTheEdgesOf64Bits) {
  // Read as integers and then refused by the parameter's range, as a whole number should be.
  EXPECT_EQ(std::string(policy_refusal(R"({"min_served_days": 9223372036854775807})").what()),
            "pol.json:1: min_served_days: expected a number from 0 to 3650 (value: 9223372036854775807)");
  EXPECT_EQ(std::string(policy_refusal(R"({"min_served_days": -9223372036854775808})").what()),
            "pol.json:1: min_served_days: expected a number from 0 to 3650 (value: -9223372036854775808)");
  EXPECT_EQ(std::string(policy_refusal(R"({"min_served_days": -9223372036854775809})").what()),
            "pol.json:1: min_served_days: integer out of range (a policy integer must fit in 64 bits) (value: "
            "-9223372036854775809)");
}
