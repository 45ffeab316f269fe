// The policy as data: defaults with citations, named parameters, overrides, policy files.
#include <binaan/error.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/rules/rule.hpp>

#include <gtest/gtest.h>

#include <set>

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
