// The golden-test comparison of case-format.md: expect is a subset of the result; grants as a whole list.

#include <json_subset.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using binaan::testing::json_subset_mismatches;
using nlohmann::json;

namespace {

json result() {
  return json::parse(R"({
    "id": "t1", "person": "T1", "start": "2017-05-09",
    "grants": [
      {"date": "2017-12-25", "kind": "rk", "days": 15, "release": false, "rule": "Keppres 174/1999 Art. 5"},
      {"date": "2018-08-17", "kind": "ru", "days": 60, "release": false, "decision": 3}
    ],
    "expiry": "2019-01-24",
    "milestones": {"pb": "2018-08-17", "asimilasi": "2018-04-24", "cb": "2018-09-24"},
    "estimated": false,
    "decisions": [1, 2, 3]
  })");
}

}  // namespace

TEST(JsonSubset, SubsetPasses) {
  EXPECT_TRUE(json_subset_mismatches(json::object(), result()).empty());
  EXPECT_TRUE(json_subset_mismatches(json::parse(R"({"expiry":"2019-01-24","milestones":{"pb":"2018-08-17"}})"),
                                     result())
                  .empty());
  EXPECT_TRUE(json_subset_mismatches(result(), result()).empty());
  // Grants match on the four keys; the result's extra keys ("rule", "decision") do not matter.
  EXPECT_TRUE(json_subset_mismatches(json::parse(R"({"grants":[
      {"date":"2017-12-25","kind":"rk","days":15,"release":false},
      {"date":"2018-08-17","kind":"ru","days":60,"release":false}]})"),
                                     result())
                  .empty());
  // Numbers compare by value.
  EXPECT_TRUE(json_subset_mismatches(json::parse(R"({"n":15})"), json::parse(R"({"n":15.0})")).empty());
}

TEST(JsonSubset, MissingKeyIsNamed) {
  const auto m = json_subset_mismatches(json::parse(R"({"final_release":"2019-01-24","milestones":{"cmb_start":"x"}})"),
                                        result());
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], "final_release: expected \"2019-01-24\", but the result has no such key");
  EXPECT_EQ(m[1], "milestones.cmb_start: expected \"x\", but the result has no such key");
}

TEST(JsonSubset, DifferentValuesAreNamed) {
  const auto m = json_subset_mismatches(
      json::parse(R"({"expiry":"2019-01-25","milestones":{"pb":"2018-08-18"},"estimated":true,"decisions":[1,2]})"),
      result());
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0], "decisions: expected [1,2], got [1,2,3]");
  EXPECT_EQ(m[1], "estimated: expected true, got false");
  EXPECT_EQ(m[2], "expiry: expected \"2019-01-25\", got \"2019-01-24\"");
  EXPECT_EQ(m[3], "milestones.pb: expected \"2018-08-18\", got \"2018-08-17\"");
}

TEST(JsonSubset, ObjectExpectedWhereResultHasScalar) {
  const auto m = json_subset_mismatches(json::parse(R"({"expiry":{"date":"x"}})"), result());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "expiry: expected an object, got \"2019-01-24\"");
}

TEST(JsonSubset, GrantsAreComparedAsAWholeList) {
  // Fewer grants expected than computed: the extra one is a mismatch, unlike an extra key of an object.
  auto m = json_subset_mismatches(
      json::parse(R"({"grants":[{"date":"2017-12-25","kind":"rk","days":15,"release":false}]})"), result());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], R"(grants[1]: computed but not expected: {"date":"2018-08-17","days":60,"kind":"ru","release":false})");

  // More expected than computed.
  m = json_subset_mismatches(json::parse(R"({"grants":[
      {"date":"2017-12-25","kind":"rk","days":15,"release":false},
      {"date":"2018-08-17","kind":"ru","days":60,"release":false},
      {"date":"2018-12-25","kind":"rk","days":30,"release":false}]})"),
                             result());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], R"(grants[2]: expected {"date":"2018-12-25","days":30,"kind":"rk","release":false}, )"
                  R"(but the result has only 2 grants)");

  // A wrong amount.
  m = json_subset_mismatches(json::parse(R"({"grants":[
      {"date":"2017-12-25","kind":"rk","days":30,"release":false},
      {"date":"2018-08-17","kind":"ru","days":60,"release":false}]})"),
                             result());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], R"(grants[0]: expected {"date":"2017-12-25","days":30,"kind":"rk","release":false}, )"
                  R"(got {"date":"2017-12-25","days":15,"kind":"rk","release":false})");

  // An expected entry without "release" does not match one with it: the four keys are compared.
  m = json_subset_mismatches(json::parse(R"({"grants":[
      {"date":"2017-12-25","kind":"rk","days":15},
      {"date":"2018-08-17","kind":"ru","days":60,"release":false}]})"),
                             result());
  EXPECT_EQ(m.size(), 1u);

  // An empty list expects no grants at all.
  m = json_subset_mismatches(json::parse(R"({"grants":[]})"), result());
  EXPECT_EQ(m.size(), 2u);
  EXPECT_TRUE(json_subset_mismatches(json::parse(R"({"grants":[]})"), json::parse(R"({"grants":[]})")).empty());
}

TEST(JsonSubset, GrantsMissingOrNotAList) {
  auto m = json_subset_mismatches(json::parse(R"({"grants":[]})"), json::parse(R"({"id":"x"})"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "grants: expected [], but the result has no such key");
  m = json_subset_mismatches(json::parse(R"({"grants":[]})"), json::parse(R"({"grants":{}})"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "grants: expected a list of grants, got {}");
}

TEST(JsonSubset, OnlyTopLevelGrantsAreSpecial) {
  // A nested "grants" is an ordinary value: compared whole, all keys.
  const auto m = json_subset_mismatches(json::parse(R"({"x":{"grants":[{"date":"d","kind":"ru"}]}})"),
                                        json::parse(R"({"x":{"grants":[{"date":"d","kind":"ru","days":1}]}})"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rfind("x.grants: expected", 0), 0u) << m[0];
}

TEST(JsonSubset, TopLevelTypeMismatch) {
  const auto m = json_subset_mismatches(json::parse(R"({"a":1})"), json::parse("[1]"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "(top level): expected an object, got [1]");
}
