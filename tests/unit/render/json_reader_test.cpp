// The library's JSON reader (src/io/detail_json.hpp), its strings against nlohmann-json as the oracle: the reader
// scans a string eight bytes at a time while they are plain, so every kind of byte is put at every place of strings
// of every length around that width.

#include "io/detail_json.hpp"

#include <binaan/error.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace {

using binaan::detail::JsonDocument;
using binaan::detail::JsonKind;

/// What the reader makes of a JSON string literal holding `inside` (between its quotes): the string, or "refused".
std::string read_string(const std::string& inside, std::size_t max_chars = 1000) {
  const std::string file = "s.json";
  const std::string text = "\"" + inside + "\"";
  JsonDocument doc;
  try {
    doc.parse(text, {file, 0, 16, max_chars});
  } catch (const binaan::InputError&) {
    return "refused";
  }
  EXPECT_EQ(doc.root().kind, JsonKind::String) << text;
  return std::string(doc.root().text);
}

/// What nlohmann-json makes of it.
std::string oracle(const std::string& inside) {
  try {
    return nlohmann::json::parse("\"" + inside + "\"").get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return "refused";
  }
}

}  // namespace

TEST(JsonReader, EveryKindOfByteAtEveryPlaceOfAString) {
  // One odd piece in a run of plain letters, at each place of strings of 0 to 24 bytes: a quote that ends the
  // string early (then text after it: refused), an escape, a control character (refused), UTF-8 of two, three and
  // four bytes, a broken sequence and a lone continuation byte (refused), DEL (plain in JSON).
  const std::vector<std::string> pieces = {"\"",   "\\n",          "\\u00e9",      "\\\"", "\\\\", std::string(1, '\x01'),
                                           "\t",   "\xC3\xA9",     "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                           "\xC3", "\x80",         "\x7F",         "\xED\xA0\x80", " "};
  std::size_t compared = 0, refused = 0;
  for (std::size_t length = 0; length <= 24; ++length)
    for (std::size_t at = 0; at <= length; ++at)
      for (const std::string& piece : pieces) {
        const std::string inside = std::string(at, 'a') + piece + std::string(length - at, 'b');
        const std::string expected = oracle(inside);
        ASSERT_EQ(read_string(inside), expected) << "length " << length << " at " << at << " piece " << piece;
        ++compared;
        if (expected == "refused") ++refused;
      }
  EXPECT_EQ(compared, 15u * (25u * 26u / 2u));
  EXPECT_GT(refused, 1000u);  // the quote, the control character, the broken sequences
}

TEST(JsonReader, LongPlainStringsAndTheCharacterLimit) {
  for (std::size_t n : {7u, 8u, 9u, 15u, 16u, 17u, 63u, 64u, 65u, 999u, 1000u}) {
    const std::string plain(n, 'x');
    EXPECT_EQ(read_string(plain), plain) << n;
  }
  // The limit is in characters, not bytes: 1,000 two-byte characters pass, 1,001 do not, nor 1,001 plain bytes.
  std::string accents;
  for (int i = 0; i < 1000; ++i) accents += "\xC3\xA9";
  EXPECT_EQ(read_string(accents), accents);
  EXPECT_EQ(read_string(accents + "\xC3\xA9"), "refused");
  EXPECT_EQ(read_string(std::string(1001, 'x')), "refused");
  EXPECT_EQ(read_string(std::string(8, 'x'), 7), "refused");
  EXPECT_EQ(read_string(std::string(7, 'x') + "\\n", 7), "refused");
  EXPECT_EQ(read_string(std::string(7, 'x'), 7), std::string(7, 'x'));
}

TEST(JsonReader, LineEndsAreCounted) {
  using binaan::detail::count_line_ends;
  EXPECT_EQ(count_line_ends(std::string_view()), 0u);  // no text at all: its data() is null, never given to memchr
  EXPECT_EQ(count_line_ends(""), 0u);
  EXPECT_EQ(count_line_ends("a"), 0u);
  EXPECT_EQ(count_line_ends("\n"), 1u);
  EXPECT_EQ(count_line_ends("a\r\nb\n\nc"), 3u);
  EXPECT_EQ(count_line_ends(std::string(100'000, '\n')), 100'000u);
  EXPECT_EQ(binaan::detail::line_at("a\nb\nc", 4), 3);
  EXPECT_EQ(binaan::detail::line_at(std::string_view(), 10), 1);
}
