#pragma once
/// \file
/// A small strict JSON reader and writer for case files, rosters and policy files. Hand-written rather than
/// nlohmann-json because every refusal must name the line and key path where it happened — inside a string with
/// invalid UTF-8 too — and the limits (depth, string length, duplicate keys) are checked while parsing, before
/// anything is built.
/// Strings without escapes are views into the parsed text, so a roster line costs one node vector and no copies.

#include <binaan/error.hpp>
#include <binaan/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace binaan::detail {

enum class JsonKind : std::uint8_t { Null, Bool, Integer, Number, String, Array, Object };

inline constexpr std::uint32_t kNoJsonNode = 0xffffffffu;

/// One value of a parsed document; containers link their children (in file order) by index.
/// Kept at 48 bytes (a roster line is parsed into a few dozen of them): the number of children is counted when
/// asked (JsonDocument::size) rather than stored, which leaves room for where the value starts.
struct JsonNode {
  std::string_view key;   ///< the member name when the parent is an object (decoded)
  std::string_view text;  ///< String: the decoded value; Integer, Number: the literal as written
  std::uint32_t first = kNoJsonNode;  ///< first child of an array or object
  std::uint32_t next = kNoJsonNode;   ///< next sibling
  std::uint32_t offset = 0;           ///< byte offset of the value's first character in the parsed text (saturated)
  JsonKind kind = JsonKind::Null;
  bool boolean = false;
};

static_assert(sizeof(void*) != 8 || sizeof(JsonNode) == 48, "a JsonNode grew: every roster line pays for it");

/// Where the parsed text came from, for error messages.
struct JsonSource {
  const std::string& file;
  long line = 0;              ///< roster line, 0 for a whole file (then errors name the line within the text)
  std::size_t max_depth = 16;
  std::size_t max_string_chars = 1000;
};

/// A parsed document. Views in the nodes point into the parsed text and into the document's own storage of
/// unescaped strings: keep both alive while reading nodes. Reusable: `parse` clears the previous document but keeps
/// its memory.
class JsonDocument {
public:
  /// Parses `text` (one JSON value, whitespace around it allowed). Throws InputError for malformed JSON, invalid
  /// UTF-8, duplicate keys, nesting deeper than `max_depth`, strings over `max_string_chars` characters; the error
  /// names the line of the problem (the source's line for a roster line).
  void parse(std::string_view text, const JsonSource& source);

  const JsonNode& root() const { return nodes_.front(); }
  const JsonNode& at(std::uint32_t index) const { return nodes_[index]; }

  /// The 1-based line on which `n` starts, for an error message: the source's line when it has one (a roster
  /// line), else counted in the parsed text — on demand, so that reading a valid document never counts lines.
  long line_of(const JsonNode& n) const;

  /// The number of children of an array or object (0 for any other value), counted.
  std::uint32_t size(const JsonNode& n) const {
    std::uint32_t count = 0;
    for (std::uint32_t i = n.first; i != kNoJsonNode; i = nodes_[i].next) ++count;
    return count;
  }

  /// Iterates over the children of an array or object.
  class Children {
  public:
    class Iterator {
    public:
      Iterator(const JsonDocument* doc, std::uint32_t i) : doc_(doc), i_(i) {}
      const JsonNode& operator*() const { return doc_->at(i_); }
      Iterator& operator++() {
        i_ = doc_->at(i_).next;
        return *this;
      }
      bool operator!=(const Iterator& o) const { return i_ != o.i_; }

    private:
      const JsonDocument* doc_;
      std::uint32_t i_;
    };
    Iterator begin() const { return {doc_, first_}; }
    Iterator end() const { return {doc_, kNoJsonNode}; }

  private:
    friend class JsonDocument;
    Children(const JsonDocument* doc, std::uint32_t first) : doc_(doc), first_(first) {}
    const JsonDocument* doc_;
    std::uint32_t first_;
  };
  Children children(const JsonNode& n) const { return Children(this, n.first); }

private:
  friend class JsonParser;
  /// One step of the parser's path to the value it is reading: a key, or an array index (key empty, index set).
  struct PathStep {
    std::string_view key;
    std::size_t index;  // kKeyStep (JsonParser) when this step is a key
  };
  std::vector<JsonNode> nodes_;
  std::string_view text_;  // the text last parsed, for line_of
  long source_line_ = 0;
  std::deque<std::string> unescaped_;  // a deque: its strings never move, so views into them stay valid
  std::size_t unescaped_used_ = 0;
  // The parser's path, kept here with the nodes so that a document parsed again and again (a roster's, line after
  // line) grows it once instead of on every line.
  std::vector<PathStep> path_;
};

/// Appends JSON text with the layout of nlohmann-json's dump: `indent` spaces per level, or compact when -1. Strings
/// are escaped as its dump escapes them (without ensure_ascii), and text that is not well-formed UTF-8 is written as
/// replace_invalid_utf8 makes it, as its `replace` error handler does: the same bytes
/// (tests/unit/render/json_writer_test.cpp).
class JsonWriter {
public:
  JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// Each value is in `out` once it is complete: the writer gathers its text in a buffer of its own and appends it
  /// when the outermost value ends (or the buffer is full), so read `out` only then.
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view k);
  /// A key of the code's own (a literal of printable ASCII without quotes or backslashes): written without the scan
  /// for escapes, which is most of the work of a key.
  void key_plain(std::string_view k);
  void string(std::string_view s);
  /// A date as its string, `YYYY-MM-DD` (format_date).
  void date(Date d);
  void boolean(bool b);
  void integer(std::int64_t i);
  void null();
  /// A number literal already in JSON syntax.
  void raw_number(std::string_view literal);
  /// Writes `node` of `doc` and everything below it.
  void node(const JsonDocument& doc, const JsonNode& n);

private:
  void before_value();
  void after_value();  // a value ended: the outermost one goes to `out`
  void close(char bracket);
  void newline();
  void escaped(std::string_view s);        // a string with its quotes
  void append_escaped(std::string_view s);  // its characters
  // Text into the buffer. Small pieces (a key, a date, a bracket) are most of a result: appended to a std::string
  // each was a call of some eighty instructions.
  void raw(char c) {
    if (used_ == sizeof buffer_) flush();
    buffer_[used_++] = c;
  }
  void raw(std::string_view text) {
    const std::size_t n = text.size();
    if (n > sizeof buffer_ - used_) return raw_long(text);
    char* to = buffer_ + used_;
    const char* from = text.data();
    // Up to 16 bytes as two copies of a fixed size that may overlap, which are moves rather than a call of memcpy.
    if (n >= 8 && n <= 16) {
      std::memcpy(to, from, 8);
      std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4 && n < 8) {
      std::memcpy(to, from, 4);
      std::memcpy(to + n - 4, from + n - 4, 4);
    } else if (n > 0 && n < 4) {
      to[0] = from[0];
      to[n / 2] = from[n / 2];
      to[n - 1] = from[n - 1];
    } else {
      std::memcpy(to, from, n);
    }
    used_ += n;
  }
  void raw_long(std::string_view text);
  void flush() {
    out_.append(buffer_, used_);
    used_ = 0;
  }

  std::string& out_;
  int indent_;
  std::vector<char> has_items_;  // per open container
  bool after_key_ = false;
  std::size_t used_ = 0;
  char buffer_[2048];
};

/// The 1-based line of byte `offset` of `text`: one more than the line feeds before it (CRLF counts once).
long line_at(std::string_view text, std::size_t offset) noexcept;

/// The line ends ('\n') in `text`: a roster's lines, counted before it is read to reserve its room. memchr from one
/// to the next (std::count looks at one byte at a time: 1,200 instructions for a 400-byte roster line).
std::size_t count_line_ends(std::string_view text) noexcept;

/// `text` without a leading UTF-8 byte order mark (editors on Windows write one); every JSON reader skips it.
inline std::string_view strip_bom(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return text;
}

/// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;

/// `s` with every maximal subpart of a broken character, and every byte that starts none, replaced by U+FFFD
/// (Unicode §3.9, "substitution of maximal subparts"); well-formed text unchanged.
std::string replace_invalid_utf8(std::string_view s);

/// A value as JSON text for a message: compact, at most about 60 characters, invalid bytes as \xNN.
std::string describe_json(const JsonDocument& doc, const JsonNode& n);

/// Text for a message: at most `max_chars` characters of `s` followed by "…", invalid bytes as \xNN.
std::string shorten_for_message(std::string_view s, std::size_t max_chars = 60);

/// The same in double quotes: a text value (a string of a JSON file, a cell of a CSV file) as a message shows it.
std::string quote_for_message(std::string_view s);

/// A size limit for a message: "4 MiB", or "1000 bytes" when not a whole number of MiB.
std::string size_for_message(std::size_t bytes);

}  // namespace binaan::detail
