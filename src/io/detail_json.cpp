#include "io/detail_json.hpp"

#include "time/date_text.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <unordered_set>

namespace binaan::detail {

namespace {

/// The character whose first byte is at `p`, as far as it is well-formed UTF-8 (RFC 3629 table 3-7): `length`, the
/// bytes its first byte announces (0 when no character starts with that byte), and `valid`, how many of them are
/// well-formed — all of them, or the maximal subpart of a broken one (Unicode §3.9), which ends at the first byte out
/// of place or at the end of the text.
struct Utf8Prefix {
  std::size_t length;
  std::size_t valid;
};

Utf8Prefix utf8_prefix(const unsigned char* p, std::size_t avail) noexcept {
  const unsigned c0 = p[0];
  if (c0 < 0x80) return {1, 1};
  unsigned lo = 0x80, hi = 0xBF;  // the range of the next byte
  std::size_t length = 0;
  if (c0 < 0xC2) {
    return {0, 0};  // a continuation byte, or an overlong two-byte form
  } else if (c0 < 0xE0) {
    length = 2;
  } else if (c0 < 0xF0) {
    length = 3;
    if (c0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (c0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (c0 < 0xF5) {
    length = 4;
    if (c0 == 0xF0) lo = 0x90;  // no overlong forms
    if (c0 == 0xF4) hi = 0x8F;  // nothing beyond U+10FFFF
  } else {
    return {0, 0};
  }
  std::size_t valid = 1;
  while (valid < length && valid < avail && p[valid] >= lo && p[valid] <= hi) {
    ++valid;
    lo = 0x80;
    hi = 0xBF;
  }
  return {length, valid};
}

/// Length of the well-formed UTF-8 sequence at `p`, 0 when it is not one.
std::size_t utf8_sequence(const unsigned char* p, std::size_t avail) noexcept {
  const Utf8Prefix c = utf8_prefix(p, avail);
  return c.length != 0 && c.valid == c.length ? c.length : 0;
}

void append_hex_byte(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// A byte that stands for itself inside a JSON string: printable ASCII other than '"' and '\\'.
constexpr auto kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();
bool is_plain_ascii(unsigned char c) noexcept { return kPlainAscii[c]; }

// The eight bytes of `v` (read with memcpy) that are not plain ASCII (is_plain_ascii: below 0x20, a quote, a
// backslash, or beyond ASCII), as the top bit of each: none when all are plain. The tests for "some byte below n" and
// "some byte zero" of Hacker's Delight: a borrow can flag a byte after the first one flagged, never one before it,
// so the first byte flagged is the first byte not plain.
std::uint64_t not_plain_bytes(std::uint64_t v) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHigh = 0x8080808080808080u;
  auto zero_bytes = [&](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const std::uint64_t below_space = (v - 0x20 * kOnes) & ~v & kHigh;
  return below_space | zero_bytes(v ^ ('"' * kOnes)) | zero_bytes(v ^ ('\\' * kOnes)) | (v & kHigh);
}

// The place among the eight of the first byte flagged in `mask` (not_plain_bytes, not 0), in memory order.
std::size_t first_flagged_byte(std::uint64_t mask) noexcept {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return static_cast<std::size_t>(__builtin_ctzll(mask)) / 8;  // the first byte in memory is the lowest
#else
  unsigned char bytes[8];
  std::memcpy(bytes, &mask, 8);
  std::size_t i = 0;
  while ((bytes[i] & 0x80) == 0) ++i;
  return i;
#endif
}

}  // namespace

std::size_t count_line_ends(std::string_view text) noexcept {
  if (text.empty()) return 0;  // its data() may be null, which memchr must not be given even for no bytes
  std::size_t n = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
    ++n;
    p = static_cast<const char*>(nl) + 1;
  }
  return n;
}

long line_at(std::string_view text, std::size_t offset) noexcept {
  return 1 + static_cast<long>(count_line_ends(text.substr(0, std::min(offset, text.size()))));
}

long JsonDocument::line_of(const JsonNode& n) const {
  return source_line_ > 0 ? source_line_ : line_at(text_, n.offset);
}

bool is_valid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_sequence(p + i, s.size() - i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string replace_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    const Utf8Prefix c = utf8_prefix(p + i, s.size() - i);
    if (c.length != 0 && c.valid == c.length) {
      out.append(s.data() + i, c.length);
      i += c.length;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD for the broken character's well-formed part, or its one stray byte
      i += std::max<std::size_t>(c.valid, 1);
    }
  }
  return out;
}

std::string shorten_for_message(std::string_view s, std::size_t max_chars) {
  std::string out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  std::size_t chars = 0;
  while (i < s.size()) {
    if (chars == max_chars) {
      out += "…";
      break;
    }
    std::size_t n = utf8_sequence(p + i, s.size() - i);
    if (n == 0 || p[i] < 0x20 || p[i] == 0x7F) {
      append_hex_byte(out, p[i]);
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
    ++chars;
  }
  return out;
}

std::string quote_for_message(std::string_view s) { return "\"" + shorten_for_message(s) + "\""; }

std::string size_for_message(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::string describe_json(const JsonDocument& doc, const JsonNode& n) {
  switch (n.kind) {
    case JsonKind::Null: return "null";
    case JsonKind::Bool: return n.boolean ? "true" : "false";
    case JsonKind::Integer:
    case JsonKind::Number: return shorten_for_message(n.text);
    case JsonKind::String: return quote_for_message(n.text);
    case JsonKind::Array:
    case JsonKind::Object: break;
  }
  std::string text;
  JsonWriter w(text, -1);
  w.node(doc, n);
  return shorten_for_message(text);
}

// ---- Parsing ----

/// Recursive descent over one JSON text; recursion is bounded by the depth limit.
class JsonParser {
public:
  JsonParser(JsonDocument& doc, std::string_view text, const JsonSource& source)
      : doc_(doc), nodes_(doc.nodes_), path_(doc.path_), text_(text), source_(source) {}

  void run() {
    nodes_.clear();
    path_.clear();  // a refusal leaves the path where it was
    doc_.unescaped_used_ = 0;
    doc_.text_ = text_;
    doc_.source_line_ = source_.line;
    skip_ws();
    if (pos_ >= text_.size()) fail_syntax("no JSON value (the input is empty)");
    parse_value(0);
    skip_ws();
    if (pos_ < text_.size()) fail_syntax("unexpected text after the JSON value");
  }

private:
  static constexpr std::size_t kKeyStep = static_cast<std::size_t>(-1);
  static constexpr std::uint32_t kMaxOffset = 0xffffffffu;

  std::string path() const {
    std::string p;
    for (const auto& s : path_) {
      if (s.index != kKeyStep) {
        p += '[' + std::to_string(s.index) + ']';
      } else {
        if (!p.empty()) p += '.';
        p += shorten_for_message(s.key, 100);
      }
    }
    return p;
  }

  /// The column of byte `at` (and for a whole file its byte): the line itself is in the error's file:line.
  std::string where(std::size_t at) const {
    const std::size_t end = std::min(at, text_.size());
    const std::size_t line_break = text_.substr(0, end).rfind('\n');
    const std::size_t line_start = line_break == std::string_view::npos ? 0 : line_break + 1;
    const std::string column = "at column " + std::to_string(at - line_start + 1);
    if (source_.line > 0) return column;
    return column + " (byte " + std::to_string(at + 1) + ")";
  }

  /// A refusal about the text at byte `at`: the error names its line (the roster line for a roster).
  [[noreturn]] void fail(std::size_t at, std::string value, const std::string& why) const {
    const long line = source_.line > 0 ? source_.line : line_at(text_, at);
    throw InputError(source_.file, line, path(), std::move(value), why);
  }

  /// Malformed JSON at the current position: the value is the text found there.
  [[noreturn]] void fail_syntax(const std::string& what) const {
    if (pos_ >= text_.size())
      fail(pos_, "", "malformed JSON " + where(pos_) + ": " + what + " (unexpected end of input)");
    std::string_view rest = text_.substr(pos_, 20);
    rest = rest.substr(0, rest.find('\n'));
    fail(pos_, shorten_for_message(rest, 20), "malformed JSON " + where(pos_) + ": " + what);
  }

  void skip_ws() noexcept {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') break;
      ++pos_;
    }
  }

  /// A node for the value that starts at byte `start`.
  std::uint32_t new_node(JsonKind kind, std::size_t start) {
    if (nodes_.size() >= kNoJsonNode - 1) fail(start, "", "too many JSON values");
    nodes_.emplace_back();
    JsonNode& n = nodes_.back();
    n.kind = kind;
    // A text past 4 GiB names the line of its 4 GiB mark rather than growing every node.
    n.offset = start < kMaxOffset ? static_cast<std::uint32_t>(start) : kMaxOffset;
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  std::uint32_t parse_value(std::size_t depth) {
    skip_ws();
    if (pos_ >= text_.size()) fail_syntax("expected a value");
    switch (text_[pos_]) {
      case '{': return parse_object(depth + 1);
      case '[': return parse_array(depth + 1);
      case '"': {
        const std::size_t start = pos_;
        const std::string_view s = parse_string();
        const std::uint32_t i = new_node(JsonKind::String, start);
        nodes_[i].text = s;
        return i;
      }
      case 't': return parse_literal("true", JsonKind::Bool, true);
      case 'f': return parse_literal("false", JsonKind::Bool, false);
      case 'n': return parse_literal("null", JsonKind::Null, false);
      default: break;
    }
    if (text_[pos_] == '-' || is_digit(text_[pos_])) return parse_number();
    fail_syntax("expected a value");
  }

  std::uint32_t parse_literal(std::string_view word, JsonKind kind, bool value) {
    if (text_.compare(pos_, word.size(), word) != 0) fail_syntax("expected a value");
    const std::uint32_t i = new_node(kind, pos_);
    pos_ += word.size();
    nodes_[i].boolean = value;
    return i;
  }

  std::uint32_t parse_number() {
    const std::size_t start = pos_;
    bool integer = true;
    auto fail_at_start = [&](const char* why) {
      pos_ = start;  // show the whole number, not the place after its sign or point
      fail_syntax(why);
    };
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
      return pos_ > from;
    };
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;  // a leading zero stands alone: "01" then fails as text after the value
    } else if (!digits()) {
      fail_at_start("expected a digit in a number");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      integer = false;
      if (!digits()) fail_at_start("expected a digit after the decimal point");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      integer = false;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) fail_at_start("expected a digit in the exponent");
    }
    const std::uint32_t i = new_node(integer ? JsonKind::Integer : JsonKind::Number, start);
    nodes_[i].text = text_.substr(start, pos_ - start);
    return i;
  }

  void check_depth(std::size_t depth) const {
    if (depth > source_.max_depth)
      fail(pos_, shorten_for_message(text_.substr(pos_, 20), 20),
           "nesting deeper than " + std::to_string(source_.max_depth) + " levels " + where(pos_));
  }

  std::uint32_t parse_object(std::size_t depth) {
    check_depth(depth);
    const std::uint32_t obj = new_node(JsonKind::Object, pos_);
    ++pos_;
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return obj;
    }
    std::uint32_t last = kNoJsonNode;
    std::uint32_t count = 0;
    for (;;) {
      skip_ws();
      if (pos_ >= text_.size() || text_[pos_] != '"')
        fail_syntax(count == 0 ? "expected a key (a string) or '}'" : "expected a key (a string)");
      const std::size_t key_start = pos_;
      const std::string_view key = parse_string();
      skip_ws();
      if (pos_ >= text_.size() || text_[pos_] != ':') fail_syntax("expected ':' after a key");
      ++pos_;
      path_.push_back({key, kKeyStep});
      const std::uint32_t child = parse_value(depth);
      nodes_[child].key = key;
      check_duplicate(obj, child, count, depth, key_start);
      if (last == kNoJsonNode) {
        nodes_[obj].first = child;
      } else {
        nodes_[last].next = child;
      }
      last = child;
      ++count;
      path_.pop_back();
      skip_ws();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        break;
      }
      fail_syntax("expected ',' or '}' after a value in an object");
    }
    return obj;
  }

  /// Called before `child` (its key at byte `key_start`) is linked after the object's first `count` members.
  void check_duplicate(std::uint32_t obj, std::uint32_t child, std::uint32_t count, std::size_t depth,
                       std::size_t key_start) {
    // Case files have objects of a dozen keys: compare directly. Only a large object (in `expect`) gets a set, so
    // that a hostile file cannot make this quadratic.
    constexpr std::uint32_t kDirect = 32;
    const std::string_view key = nodes_[child].key;
    bool duplicate = false;
    if (count < kDirect) {
      for (std::uint32_t i = nodes_[obj].first; i != kNoJsonNode; i = nodes_[i].next) {
        if (nodes_[i].key == key) {
          duplicate = true;
          break;
        }
      }
    } else {
      if (key_sets_.size() <= depth) key_sets_.resize(depth + 1);
      auto& keys = key_sets_[depth];
      if (count == kDirect) {
        keys.clear();
        for (std::uint32_t i = nodes_[obj].first; i != kNoJsonNode; i = nodes_[i].next) keys.insert(nodes_[i].key);
      }
      duplicate = !keys.insert(key).second;
    }
    if (duplicate) fail(key_start, describe_json(doc_, nodes_[child]), "duplicate key");
  }

  std::uint32_t parse_array(std::size_t depth) {
    check_depth(depth);
    const std::uint32_t arr = new_node(JsonKind::Array, pos_);
    ++pos_;
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return arr;
    }
    std::uint32_t last = kNoJsonNode;
    std::uint32_t count = 0;
    for (;;) {
      path_.push_back({{}, count});
      const std::uint32_t child = parse_value(depth);
      path_.pop_back();
      if (last == kNoJsonNode) {
        nodes_[arr].first = child;
      } else {
        nodes_[last].next = child;
      }
      last = child;
      ++count;
      skip_ws();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        break;
      }
      fail_syntax("expected ',' or ']' after a value in an array");
    }
    return arr;
  }

  void count_char(std::size_t& chars, std::size_t start) const {
    if (++chars > source_.max_string_chars) {
      // Show the beginning of the string, decoded as far as it is plain.
      std::string_view head = text_.substr(start, 160);
      head = head.substr(0, head.find_first_of("\"\\"));
      fail(start - 1, "\"" + shorten_for_message(head, 40) + "\"",
           "a string longer than " + std::to_string(source_.max_string_chars) + " characters");
    }
  }

  std::string& scratch() {
    auto& pool = doc_.unescaped_;
    if (doc_.unescaped_used_ == pool.size()) pool.emplace_back();
    std::string& s = pool[doc_.unescaped_used_++];
    s.clear();
    return s;
  }

  /// Parses the string at `pos_` (on its opening quote) and returns its decoded text.
  std::string_view parse_string() {
    ++pos_;
    const std::size_t start = pos_;
    std::size_t chars = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    // Fast path: no escapes, the text is the string. Runs of plain ASCII are counted in one go.
    const std::size_t size = text_.size();
    while (pos_ < size) {
      const std::size_t run = pos_;
      // Eight bytes at a time to the first that is not plain; the last few (fewer than eight) one at a time.
      bool found = false;
      for (std::uint64_t v; pos_ + 8 <= size;) {
        std::memcpy(&v, bytes + pos_, 8);
        if (const std::uint64_t not_plain = not_plain_bytes(v)) {
          pos_ += first_flagged_byte(not_plain);
          found = true;
          break;
        }
        pos_ += 8;
      }
      if (!found)
        while (pos_ < size && is_plain_ascii(bytes[pos_])) ++pos_;
      if (pos_ != run) {
        chars += pos_ - run - 1;
        count_char(chars, start);
        if (pos_ >= size) break;
      }
      const unsigned char c = bytes[pos_];
      if (c == '"') {
        ++pos_;
        return text_.substr(start, pos_ - 1 - start);
      }
      if (c == '\\') break;
      advance_char(bytes, c);
      count_char(chars, start);
    }
    if (pos_ >= text_.size()) fail_unterminated(start);
    std::string& out = scratch();
    out.assign(text_.data() + start, pos_ - start);
    while (pos_ < text_.size()) {
      const unsigned char c = bytes[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c == '\\') {
        decode_escape(out);
      } else {
        const std::size_t from = pos_;
        advance_char(bytes, c);
        out.append(text_.data() + from, pos_ - from);
      }
      count_char(chars, start);
    }
    fail_unterminated(start);
  }

  [[noreturn]] void fail_unterminated(std::size_t start) {
    pos_ = start - 1;
    fail_syntax("a string without its closing quote");
  }

  /// Moves past one unescaped character of a string, refusing control characters and invalid UTF-8.
  void advance_char(const unsigned char* bytes, unsigned char c) {
    if (c < 0x20) {
      std::string v;
      append_hex_byte(v, c);
      fail(pos_, v, "malformed JSON " + where(pos_) + ": a control character in a string must be escaped");
    }
    if (c < 0x80) {
      ++pos_;
      return;
    }
    const std::size_t n = utf8_sequence(bytes + pos_, text_.size() - pos_);
    if (n == 0) {
      // The value shown is the broken sequence: its first byte and the continuation bytes after it.
      std::string v;
      append_hex_byte(v, bytes[pos_]);
      for (std::size_t i = pos_ + 1; i < text_.size() && i < pos_ + 4 && (bytes[i] & 0xC0) == 0x80; ++i)
        append_hex_byte(v, bytes[i]);
      fail(pos_, v, "invalid UTF-8 " + where(pos_));
    }
    pos_ += n;
  }

  /// The four hex digits of a \u escape at `pos_`; on failure the error shows the escape from `escape_at`.
  std::uint32_t read_hex4(std::size_t escape_at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const int d = pos_ + i < text_.size() ? hex_digit(text_[pos_ + i]) : -1;
      if (d < 0) {
        pos_ = escape_at;
        fail_syntax("expected four hex digits after \\u");
      }
      v = v * 16 + static_cast<std::uint32_t>(d);
    }
    pos_ += 4;
    return v;
  }

  void decode_escape(std::string& out) {
    const std::size_t at = pos_;
    ++pos_;
    if (pos_ >= text_.size()) fail_syntax("an escape without its character");
    const char e = text_[pos_++];
    switch (e) {
      case '"': out += '"'; return;
      case '\\': out += '\\'; return;
      case '/': out += '/'; return;
      case 'b': out += '\b'; return;
      case 'f': out += '\f'; return;
      case 'n': out += '\n'; return;
      case 'r': out += '\r'; return;
      case 't': out += '\t'; return;
      case 'u': break;
      default:
        pos_ = at;
        fail_syntax("an unknown escape");
    }
    std::uint32_t cp = read_hex4(at);
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      pos_ = at;
      fail_syntax("a low surrogate without a high surrogate before it");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (text_.compare(pos_, 2, "\\u") != 0) {
        pos_ = at;
        fail_syntax("a high surrogate without a low surrogate after it");
      }
      pos_ += 2;
      const std::uint32_t low = read_hex4(at);
      if (low < 0xDC00 || low > 0xDFFF) {
        pos_ = at;
        fail_syntax("a high surrogate without a low surrogate after it");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
  }

  JsonDocument& doc_;
  std::vector<JsonNode>& nodes_;
  std::vector<JsonDocument::PathStep>& path_;  // the document's: see JsonDocument::path_
  std::string_view text_;
  const JsonSource& source_;
  std::size_t pos_ = 0;
  std::vector<std::unordered_set<std::string_view>> key_sets_;
};

void JsonDocument::parse(std::string_view text, const JsonSource& source) {
  JsonParser(*this, text, source).run();
}

// ---- Writing ----

void JsonWriter::raw_long(std::string_view text) {
  flush();
  out_.append(text.data(), text.size());
}

void JsonWriter::newline() {
  if (indent_ < 0) return;
  raw('\n');
  for (std::size_t n = static_cast<std::size_t>(indent_) * has_items_.size(); n > 0;) {
    static constexpr char kSpaces[] = "                                ";
    const std::size_t k = std::min(n, sizeof kSpaces - 1);
    raw(std::string_view(kSpaces, k));
    n -= k;
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (has_items_.back()) raw(',');
  has_items_.back() = true;
  newline();
}

void JsonWriter::after_value() {
  if (has_items_.empty()) flush();
}

void JsonWriter::begin_object() {
  before_value();
  raw('{');
  has_items_.push_back(false);
}

void JsonWriter::close(char bracket) {
  const bool had = has_items_.back();
  has_items_.pop_back();
  if (had) newline();
  raw(bracket);
  after_value();
}

void JsonWriter::end_object() { close('}'); }

void JsonWriter::begin_array() {
  before_value();
  raw('[');
  has_items_.push_back(false);
}

void JsonWriter::end_array() { close(']'); }

void JsonWriter::key(std::string_view k) {
  before_value();
  escaped(k);
  raw(indent_ >= 0 ? std::string_view(": ") : std::string_view(":"));
  after_key_ = true;
}

void JsonWriter::key_plain(std::string_view k) {
  assert(std::all_of(k.begin(), k.end(), [](char c) { return is_plain_ascii(static_cast<unsigned char>(c)); }));
  before_value();
  raw('"');
  raw(k);
  raw(indent_ >= 0 ? std::string_view("\": ") : std::string_view("\":"));
  after_key_ = true;
}

void JsonWriter::date(Date d) {
  before_value();
  char text[12] = {'"', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '"'};
  if (write_iso_date(d, text + 1)) {
    raw(std::string_view(text, sizeof text));
  } else {
    escaped(format_date(d));  // "not-a-date", or boost's exception for a day it cannot show
  }
  after_value();
}

void JsonWriter::string(std::string_view s) {
  before_value();
  escaped(s);
  after_value();
}

void JsonWriter::boolean(bool b) {
  before_value();
  raw(b ? std::string_view("true") : std::string_view("false"));
  after_value();
}

void JsonWriter::integer(std::int64_t i) {
  before_value();
  char digits[24];
  char* end = digits + sizeof digits;
  char* p = end;
  // The magnitude as unsigned, so that the most negative value has one too.
  std::uint64_t v = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (i < 0) *--p = '-';
  raw(std::string_view(p, static_cast<std::size_t>(end - p)));
  after_value();
}

void JsonWriter::null() {
  before_value();
  raw("null");
  after_value();
}

void JsonWriter::raw_number(std::string_view literal) {
  before_value();
  raw(literal);
  after_value();
}

void JsonWriter::node(const JsonDocument& doc, const JsonNode& n) {
  switch (n.kind) {
    case JsonKind::Null: null(); return;
    case JsonKind::Bool: boolean(n.boolean); return;
    case JsonKind::Integer:
    case JsonKind::Number: raw_number(n.text); return;
    case JsonKind::String: string(n.text); return;
    case JsonKind::Array:
      begin_array();
      for (const JsonNode& c : doc.children(n)) node(doc, c);
      end_array();
      return;
    case JsonKind::Object:
      begin_object();
      for (const JsonNode& c : doc.children(n)) {
        key(c.key);
        node(doc, c);
      }
      end_object();
      return;
  }
}

void JsonWriter::escaped(std::string_view s) {
  raw('"');
  append_escaped(s);
  raw('"');
}

void JsonWriter::append_escaped(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t plain = 0;  // start of the run of characters copied as they are
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight plain bytes at a time: most of a result's text (messages, citations) is plain ASCII.
    for (std::uint64_t v; i + 8 <= s.size(); i += 8) {
      std::memcpy(&v, p + i, 8);
      if (const std::uint64_t not_plain = not_plain_bytes(v)) {
        i += first_flagged_byte(not_plain);
        break;
      }
    }
    if (i == s.size()) break;
    const unsigned char c = p[i];
    if (is_plain_ascii(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {  // a character beyond ASCII, copied as it is when well-formed
      const std::size_t n = utf8_sequence(p + i, s.size() - i);
      if (n == 0) {
        // Not UTF-8 (only from a program's own values: every reader refuses it): the rest as replace_invalid_utf8
        // makes it, so that the output is always JSON (i starts a character: the same as replacing the whole text).
        raw(s.substr(plain, i - plain));
        append_escaped(replace_invalid_utf8(s.substr(i)));
        return;
      }
      i += n;
      continue;
    }
    raw(s.substr(plain, i - plain));
    switch (c) {
      case '"': raw("\\\""); break;
      case '\\': raw("\\\\"); break;
      case '\b': raw("\\b"); break;
      case '\f': raw("\\f"); break;
      case '\n': raw("\\n"); break;
      case '\r': raw("\\r"); break;
      case '\t': raw("\\t"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        raw("\\u00");
        raw(kHex[c >> 4]);
        raw(kHex[c & 0xF]);
      }
    }
    plain = ++i;
  }
  raw(s.substr(plain));
}

}  // namespace binaan::detail
