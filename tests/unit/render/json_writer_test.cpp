// detail::JsonWriter writes what nlohmann-json's dump writes (layout, escapes, invalid UTF-8 as U+FFFD): the engine's
// results were rendered by nlohmann-json and are now written straight into their text. nlohmann-json is the oracle.
#include "golden_cases.hpp"
#include "io/detail_json.hpp"

#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace binaan;
using Json = nlohmann::ordered_json;

namespace {

std::string nlohmann_dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Writes `j` through a JsonWriter, member by member.
void write(detail::JsonWriter& w, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      w.begin_object();
      for (const auto& [k, v] : j.items()) {
        w.key(k);
        write(w, v);
      }
      w.end_object();
      return;
    case Json::value_t::array:
      w.begin_array();
      for (const auto& v : j) write(w, v);
      w.end_array();
      return;
    case Json::value_t::string: w.string(j.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: w.boolean(j.get<bool>()); return;
    case Json::value_t::number_integer: w.integer(j.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: w.integer(static_cast<std::int64_t>(j.get<std::uint64_t>())); return;
    case Json::value_t::null: w.null(); return;
    default: FAIL() << "no such value in these tests";
  }
}

std::string written(const Json& j, int indent) {
  std::string out;
  detail::JsonWriter w(out, indent);
  write(w, j);
  return out;
}

std::string written_string(const std::string& s) {
  std::string out;
  detail::JsonWriter w(out, -1);
  w.string(s);
  return out;
}

}  // namespace

TEST(JsonWriter, EscapesEveryStringAsNlohmannDoes) {
  // Every byte alone, then strings built from the bytes where UTF-8 and JSON have their edges: controls, quote,
  // backslash, DEL, continuation bytes, overlong and surrogate leads, the last lead bytes, bytes that start nothing.
  std::size_t checked = 0;
  for (int b = 0; b < 256; ++b, ++checked) {
    const std::string s(1, static_cast<char>(b));
    ASSERT_EQ(written_string(s), nlohmann_dump(Json(s), -1)) << "byte " << b;
  }
  const unsigned char edges[] = {0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, '"',  '\\', 'a',  0x7F, 0x80,
                                 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE,
                                 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFE, 0xFF};
  std::mt19937 rng(20261201);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(edges) - 1), length(0, 9);
  for (int n = 0; n < 200000; ++n, ++checked) {
    std::string s(length(rng), '\0');
    for (char& c : s) c = static_cast<char>(edges[pick(rng)]);
    ASSERT_EQ(written_string(s), nlohmann_dump(Json(s), -1)) << "string " << n;
  }
  // Well-formed text of every length of character, and a long plain one.
  for (const std::string& s : std::vector<std::string>{"Lapas Narkotika Samarinda \xE2\x80\x94 Pasal 14 \xC2\xA7 2 \xF0\x9F\x98\x80 \xEF\xBF\xBF",
                              std::string(5000, 'x') + "\"\n" + std::string(3000, 'y')}) {
    ASSERT_EQ(written_string(s), nlohmann_dump(Json(s), -1));
    ++checked;
  }
  EXPECT_EQ(checked, 256u + 200000u + 2u);
  EXPECT_EQ(detail::replace_invalid_utf8("a\xE2\x82" "b\xFF\xF0\x9F\x98"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(JsonWriter, LaysOutEveryDocumentAsNlohmannDoes) {
  // Random documents: nested objects and arrays, empty ones, keys that need escapes, every kind of scalar; each at
  // compact and at indents 0, 1, 2 and 4.
  std::mt19937 rng(7);
  std::function<Json(int)> make = [&](int depth) -> Json {
    const int kind = static_cast<int>(rng() % (depth >= 4 ? 5 : 7));
    switch (kind) {
      case 0: return Json(static_cast<std::int64_t>(rng()) - (1LL << 31));
      case 1: return Json(rng() % 2 == 0);
      case 2: return Json(nullptr);
      case 3: return Json(std::string("s\t\"") + std::to_string(rng() % 100));
      case 4: return Json(std::string("\xC3\xA9t\xC3\xA9"));
      case 5: {
        Json a = Json::array();
        for (unsigned i = rng() % 4; i > 0; --i) a.push_back(make(depth + 1));
        return a;
      }
      default: {
        Json o = Json::object();
        for (unsigned i = rng() % 4; i > 0; --i) o["k" + std::to_string(i) + (i == 2 ? "\"\\" : "")] = make(depth + 1);
        return o;
      }
    }
  };
  std::size_t checked = 0;
  for (int n = 0; n < 3000; ++n) {
    const Json j = make(0);
    for (int indent : {-1, 0, 1, 2, 4}) {
      ASSERT_EQ(written(j, indent), nlohmann_dump(j, indent)) << "document " << n << ", indent " << indent;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 15000u);
  EXPECT_EQ(written(Json{{"a", Json::array()}, {"b", Json::object()}}, 2), "{\n  \"a\": [],\n  \"b\": {}\n}");
}

TEST(JsonWriter, EachValueIsInTheStringOnceItEnds) {
  // Larger than the writer's buffer, and two values one after the other into one string (a roster's lines).
  Json big = Json::array();
  for (int i = 0; i < 2000; ++i) big.push_back(Json{{"id", "P-" + std::to_string(i)}, {"n", i}});
  std::string out = "[line] ";
  {
    detail::JsonWriter w(out, -1);
    write(w, big);
    EXPECT_EQ(out, "[line] " + big.dump());
  }
  out += '\n';
  {
    detail::JsonWriter w(out, 2);
    w.string("second");
    EXPECT_EQ(out, "[line] " + big.dump() + "\n\"second\"");
  }
}

TEST(ResultJson, EveryGoldenResultHasNlohmannsLayout) {
  // Each rendering parses, and nlohmann writes the parsed value back byte for byte: keys in order, the layout and
  // escapes of its dump.
  const Engine engine;
  const std::vector<Case> cases = binaan::testing::golden_cases();
  ASSERT_GT(cases.size(), 30u);
  std::size_t checked = 0;
  for (int indent : {-1, 2}) {
    for (Lang lang : {Lang::En, Lang::Id}) {
      RenderOptions options;
      options.indent = indent;
      options.lang = lang;
      for (const Case& c : cases) {
        const std::string text = evaluation_to_json(engine.evaluate(c), options);
        ASSERT_EQ(nlohmann_dump(Json::parse(text), indent), text) << c.id;
        ++checked;
      }
      for (const Date day : {make_date(2019, 8, 17), make_date(2020, 12, 25), make_date(2024, 8, 17)}) {
        const std::string text = day_run_to_json(engine.run_grant_day(cases, day), options);
        ASSERT_EQ(nlohmann_dump(Json::parse(text), indent), text) << format_date(day);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 4 * (cases.size() + 3));
}

TEST(ResultJson, TextThatIsNotUtf8IsWrittenWithReplacementCharacters) {
  // A program's own values are not checked for UTF-8 (the readers refuse such text): the result is still JSON.
  Evaluation ev;
  ev.person = "W\xFF" "BP-\xE2\x82";
  ev.policy_id = "id-\xC0\xAF";
  const Json j = Json::parse(evaluation_to_json(ev));
  EXPECT_EQ(j["person"], "W\xEF\xBF\xBD" "BP-\xEF\xBF\xBD");
  EXPECT_EQ(j["policy"]["id"], "id-\xEF\xBF\xBD\xEF\xBF\xBD");
}
