// Fuzz target: a policy file (read_policy_json). Bad input ends in an InputError; a policy that is read writes and
// reads back to the same text, every parameter survives get_parameter/set_parameter, and an engine with the policy
// evaluates two cases (the ranges set_parameter checks must be enough for the rules).

#include "fuzz_support.hpp"

#include <binaan/io/case_json.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/time/holiday_calendar.hpp>

#include <optional>
#include <string>
#include <vector>

namespace {

// Two cases that reach most rules: a long narcotics sentence with recorded grants, fines and facts, and a child's
// short sentence across the PMP HAN and tambahan days.
constexpr const char* kLong = R"({"id": "fuzz-long",
  "person": {"id": "L1", "religion": "islam", "sex": "male", "birth_date": "1950-02-28"},
  "detention": [{"from": "2011-03-01", "to": "2011-09-01"}, {"from": "2012-01-15"}],
  "sentence": {"term": "12y6m15d", "offence": "narcotics", "verdict_final": "2012-10-01",
               "fine": {"subsidiary": "6m", "paid": false}, "restitution": {"subsidiary": "1y", "paid": true}},
  "facts": {"discipline": [{"date": "2016-03-01"}], "escapes": [{"from": "2014-05-01", "to": "2014-06-01"}],
            "justice_collaborator": true, "deradicalisation": true, "pledge": true,
            "pemuka": [{"from": "2018-01-01", "to": "2020-12-31"}],
            "services": [{"date": "2019-06-01", "kind": "blood_donation"}],
            "assessments": [{"date": "2018-01-10", "predicate": "cukup", "risk": "high"},
                            {"date": "2019-01-10", "predicate": "baik", "risk": "low"}]},
  "recorded": {"until": "2013-08-17", "grants": [{"date": "2013-08-17", "kind": "ru", "amount": "1m"}]}})";
constexpr const char* kChild = R"({"id": "fuzz-child",
  "person": {"id": "C1", "religion": "hindu", "birth_date": "2003-07-23"},
  "detention": [{"from": "2019-11-20"}],
  "sentence": {"term": "2y8m", "offence": "general", "verdict_final": "2020-02-01"}})";

const std::vector<binaan::Case>& cases() {
  static const std::vector<binaan::Case> all{binaan::read_case_json(kLong, "long.json"),
                                             binaan::read_case_json(kChild, "child.json")};
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace binaan;
  std::optional<Policy> p;
  try {
    p = read_policy_json(fuzz::as_text(data, size), "fuzz-policy.json");
  } catch (const InputError&) {
    return 0;
  }
  const std::string written = write_policy_json(*p);
  fuzz::check(write_policy_json(read_policy_json(written, "written.json")) == written,
              "policy: write(read(write(p))) != write(p)");
  Policy copy = default_policy();
  copy.id = p->id;
  copy.version = p->version;
  for (const ParameterInfo& info : policy_parameters()) set_parameter(copy, info.name, get_parameter(*p, info.name));
  fuzz::check(write_policy_json(copy) == written, "policy: get_parameter/set_parameter lost a parameter");

  const Engine engine(*p, HolidayCalendar::builtin());
  for (const Case& c : cases()) {
    const Evaluation ev = engine.evaluate(c);
    fuzz::check(!evaluation_to_json(ev).empty(), "evaluation_to_json gave nothing");
  }
  return 0;
}
