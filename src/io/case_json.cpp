#include <binaan/io/case_json.hpp>

#include <binaan/error.hpp>

#include "io/detail_json.hpp"
#include "people/person_index.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <utility>

namespace binaan {

namespace {

using detail::JsonDocument;
using detail::JsonKind;
using detail::JsonNode;

using detail::strip_bom;

/// A key path, built into text only when an error names it.
struct Path {
  const Path* parent = nullptr;
  std::string_view key;
  std::size_t index = kNoIndex;
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

  Path operator/(std::string_view k) const { return Path{this, k, kNoIndex}; }
  Path operator[](std::size_t i) const { return Path{this, {}, i}; }

  std::string str() const {
    std::string s = parent ? parent->str() : std::string();
    if (index != kNoIndex) {
      s += '[' + std::to_string(index) + ']';
    } else if (!key.empty()) {
      if (!s.empty()) s += '.';
      s += key;
    }
    return s;
  }
};

std::string_view kind_name(JsonKind k) {
  switch (k) {
    case JsonKind::Null: return "null";
    case JsonKind::Bool: return "a boolean";
    case JsonKind::Integer:
    case JsonKind::Number: return "a number";
    case JsonKind::String: return "a string";
    case JsonKind::Array: return "an array";
    case JsonKind::Object: return "an object";
  }
  return "?";
}

template <std::size_t N>
std::string list_of(const std::array<std::string_view, N>& names) {
  std::string s;
  for (auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

/// Turns the parsed document of one case into a Case, naming the key path and the line of every refusal.
class CaseReader {
public:
  CaseReader(const JsonDocument& doc, const std::string& file, bool roster_line)
      : doc_(doc), file_(file), roster_line_(roster_line) {}

  Case read(const JsonNode& root) {
    const Path top;
    if (root.kind != JsonKind::Object) fail(top, &root, "the top level must be an object");
    static constexpr std::array<std::string_view, 11> kKeys{
        "id", "title", "source", "policy", "person", "detention", "sentence", "facts", "recorded", "until", "expect"};
    if (roster_line_) {
      for (const JsonNode& m : doc_.children(root))
        if (m.key == "expect")
          fail(top / "expect", &m, "expect is only allowed in a test case file, not in a roster line");
    }
    const auto [id, title, source, policy, person, detention, sentence, facts, recorded, until, expect] =
        members(root, top, kKeys);
    // Read in the documented key order, so that the first refusal is the first problem in the file.
    if (!roster_line_ && !id) missing(top / "id");
    std::string id_text;
    if (id) {
      id_text = string(*id, top / "id");
      if (id_text.empty()) fail(top / "id", id, "a case id must not be empty");
    }
    std::string title_text = title ? std::string(string(*title, top / "title")) : std::string();
    std::string source_text = source ? std::string(string(*source, top / "source")) : std::string();
    std::vector<PolicyOverride> overrides = policy ? read_policy(*policy, top / "policy") : std::vector<PolicyOverride>();
    Person pe = read_person(required(person, top / "person"), top / "person");
    DetentionHistory de = read_detention(required(detention, top / "detention"), top / "detention");
    Sentence se = read_sentence(required(sentence, top / "sentence"), top / "sentence");
    Facts fa = facts ? read_facts(*facts, top / "facts") : Facts{};
    std::optional<Recorded> re;
    if (recorded) re = read_recorded(*recorded, top / "recorded");
    std::optional<Date> until_date;
    if (until) until_date = date(*until, top / "until");
    std::string expect_text;
    if (expect) {
      if (expect->kind != JsonKind::Object) wrong_type(top / "expect", *expect, "an object");
      detail::JsonWriter w(expect_text, -1);
      w.node(doc_, *expect);
    }
    Case c = construct(
        [&] { return Case(std::move(pe), std::move(de), std::move(se), std::move(fa), std::move(re), until_date); });
    c.id = std::move(id_text);
    c.title = std::move(title_text);
    c.source = std::move(source_text);
    c.policy = std::move(overrides);
    c.expect_json = std::move(expect_text);
    return c;
  }

private:
  // ---- Refusals ----
  // Every refusal goes through fail() or rethrow(e), which name the line: of the value when there is one, else of
  // the nearest enclosing value the key path reaches (the object of a missing key).

  [[noreturn]] void fail(const Path& p, const JsonNode* n, const std::string& why) const {
    const JsonNode& at = n ? *n : nearest(p);
    throw InputError(file_, doc_.line_of(at), p.str(), n ? detail::describe_json(doc_, *n) : std::string(), why);
  }
  [[noreturn]] void missing(const Path& p) const { fail(p, nullptr, "missing required key"); }
  [[noreturn]] void wrong_type(const Path& p, const JsonNode& n, std::string_view expected) const {
    fail(p, &n, "expected " + std::string(expected) + ", found " + std::string(kind_name(n.kind)));
  }
  /// A ValueError from a model constructor names its own full key path (such as detention[1].from).
  [[noreturn]] void rethrow(const ValueError& e) const {
    throw InputError(file_, doc_.line_of(nearest(e.field())), e.field(),
                     e.value().empty() ? std::string() : detail::quote_for_message(e.value()), e.why());
  }
  /// A ValueError from a parser (date, term, enumeration) at path `p`.
  [[noreturn]] void rethrow(const ValueError& e, const Path& p, const JsonNode& n) const {
    fail(p, &n, e.why());
  }

  // ---- Locating a key path (only when a refusal is built) ----

  /// Member `key` of object `n`, element `index` of array `n`; nullptr when there is none.
  const JsonNode* child(const JsonNode& n, std::string_view key, std::size_t index) const {
    if (index != Path::kNoIndex ? n.kind != JsonKind::Array : n.kind != JsonKind::Object) return nullptr;
    std::size_t i = 0;
    for (const JsonNode& c : doc_.children(n)) {
      if (index != Path::kNoIndex ? i == index : c.key == key) return &c;
      ++i;
    }
    return nullptr;
  }

  /// The value at `p`, or the deepest value on the way to it that exists.
  const JsonNode& nearest(const Path& p) const {
    std::vector<const Path*> steps;
    for (const Path* s = &p; s; s = s->parent)
      if (s->index != Path::kNoIndex || !s->key.empty()) steps.push_back(s);
    const JsonNode* at = &doc_.root();
    for (auto s = steps.rbegin(); s != steps.rend(); ++s) {
      const JsonNode* next = child(*at, (*s)->key, (*s)->index);
      if (!next) break;
      at = next;
    }
    return *at;
  }

  /// The same for a key path in text, as a ValueError names it: keys joined by '.', indices in brackets.
  const JsonNode& nearest(std::string_view path) const {
    const JsonNode* at = &doc_.root();
    std::size_t pos = 0;
    while (pos < path.size()) {
      const JsonNode* next = nullptr;
      if (path[pos] == '[') {
        const std::size_t close = path.find(']', pos);
        std::size_t index = 0;
        const char* digits = path.data() + pos + 1;
        const char* digits_end = path.data() + (close == std::string_view::npos ? path.size() : close);
        const auto [end, ec] = std::from_chars(digits, digits_end, index);
        if (ec == std::errc() && end == digits_end && close != std::string_view::npos) next = child(*at, {}, index);
        pos = close == std::string_view::npos ? path.size() : close + 1;
      } else {
        if (path[pos] == '.') ++pos;
        const std::size_t end = std::min(path.find_first_of(".[", pos), path.size());
        next = child(*at, path.substr(pos, end - pos), Path::kNoIndex);
        pos = end;
      }
      if (!next) break;
      at = next;
    }
    return *at;
  }

  template <typename F>
  auto construct(F&& f) const -> decltype(f()) {
    try {
      return f();
    } catch (const ValueError& e) {
      rethrow(e);
    }
  }

  // ---- Shapes ----

  /// The members of object `obj` by the names in `names` (nullptr when absent); any other key is refused.
  template <std::size_t N>
  std::array<const JsonNode*, N> members(const JsonNode& obj, const Path& p,
                                         const std::array<std::string_view, N>& names) const {
    if (obj.kind != JsonKind::Object) wrong_type(p, obj, "an object");
    std::array<const JsonNode*, N> found{};
    for (const JsonNode& m : doc_.children(obj)) {
      std::size_t i = 0;
      while (i < N && names[i] != m.key) ++i;
      if (i == N) fail(p / m.key, &m, "unknown key (expected one of: " + list_of(names) + ")");
      found[i] = &m;
    }
    return found;
  }

  const JsonNode& required(const JsonNode* n, const Path& p) const {
    if (!n) missing(p);
    return *n;
  }

  std::string_view string(const JsonNode& n, const Path& p) const {
    if (n.kind != JsonKind::String) wrong_type(p, n, "a string");
    return n.text;
  }

  bool boolean(const JsonNode& n, const Path& p) const {
    if (n.kind != JsonKind::Bool) wrong_type(p, n, "true or false");
    return n.boolean;
  }

  const JsonNode& array(const JsonNode& n, const Path& p) const {
    if (n.kind != JsonKind::Array) wrong_type(p, n, "an array");
    return n;
  }

  Date date(const JsonNode& n, const Path& p) const {
    const std::string_view s = string(n, p);
    try {
      return parse_date(s, "date");
    } catch (const ValueError& e) {
      rethrow(e, p, n);
    }
  }

  Term term(const JsonNode& n, const Path& p) const {
    const std::string_view s = string(n, p);
    try {
      return parse_term(s, "term");
    } catch (const ValueError& e) {
      rethrow(e, p, n);
    }
  }

  template <typename Parse>
  auto enumeration(const JsonNode& n, const Path& p, Parse parse) const -> decltype(parse(std::string_view())) {
    const std::string_view s = string(n, p);
    try {
      return parse(s);
    } catch (const ValueError& e) {
      rethrow(e, p, n);
    }
  }

  // ---- The parts of a case ----

  Person read_person(const JsonNode& n, const Path& p) const {
    static constexpr std::array<std::string_view, 6> kKeys{"id", "religion", "name", "sex", "birth_date", "child"};
    const auto [id, religion, name, sex, birth_date, child] = members(n, p, kKeys);
    std::string id_text(string(required(id, p / "id"), p / "id"));
    const Religion r = enumeration(required(religion, p / "religion"), p / "religion",
                                   [](std::string_view s) { return parse_religion(s); });
    std::string name_text = name ? std::string(string(*name, p / "name")) : std::string();
    std::optional<Sex> sx;
    if (sex) sx = enumeration(*sex, p / "sex", [](std::string_view s) { return parse_sex(s); });
    std::optional<Date> birth;
    if (birth_date) birth = date(*birth_date, p / "birth_date");
    std::optional<bool> is_child;
    if (child) is_child = boolean(*child, p / "child");
    if (id_text.empty()) fail(p / "id", id, "a person needs an id");
    return construct([&] { return Person(std::move(id_text), r, std::move(name_text), sx, birth, is_child); });
  }

  DetentionHistory read_detention(const JsonNode& n, const Path& p) const {
    array(n, p);
    if (n.first == detail::kNoJsonNode) fail(p, &n, "at least one detention period is required");
    static constexpr std::array<std::string_view, 2> kKeys{"from", "to"};
    std::vector<DetentionPeriod> periods;
    periods.reserve(doc_.size(n));
    std::size_t i = 0;
    for (const JsonNode& e : doc_.children(n)) {
      const Path at = p[i++];
      const auto [from, to] = members(e, at, kKeys);
      DetentionPeriod period{date(required(from, at / "from"), at / "from"), std::nullopt};
      if (to) period.to = date(*to, at / "to");
      periods.push_back(period);
    }
    return construct([&] { return DetentionHistory(std::move(periods)); });
  }

  Subsidiary read_subsidiary(const JsonNode& n, const Path& p) const {
    static constexpr std::array<std::string_view, 2> kKeys{"subsidiary", "paid"};
    const auto [subsidiary, paid] = members(n, p, kKeys);
    Subsidiary s{term(required(subsidiary, p / "subsidiary"), p / "subsidiary"), false};
    if (paid) s.paid = boolean(*paid, p / "paid");
    return s;
  }

  Sentence read_sentence(const JsonNode& n, const Path& p) const {
    static constexpr std::array<std::string_view, 7> kKeys{"term",     "offence", "verdict_final", "verdict_date",
                                                           "commuted", "fine",    "restitution"};
    const auto [term_node, offence, verdict_final, verdict_date, commuted, fine, restitution] = members(n, p, kKeys);
    const JsonNode& t = required(term_node, p / "term");
    const std::string_view term_text = string(t, p / "term");
    const Offence o = enumeration(required(offence, p / "offence"), p / "offence",
                                  [](std::string_view s) { return parse_offence(s); });
    const Date final_day = date(required(verdict_final, p / "verdict_final"), p / "verdict_final");
    std::optional<Sentence> s;
    if (term_text == "life") {
      s = Sentence::life(o, final_day);
    } else if (term_text == "death") {
      s = Sentence::death(o, final_day);
    } else {
      const Term fixed = term(t, p / "term");
      s = construct([&] { return Sentence::fixed(fixed, o, final_day); });
    }
    if (verdict_date) {
      const Date d = date(*verdict_date, p / "verdict_date");
      s = construct([&] { return s->with_verdict_date(d); });
    }
    if (commuted) {
      static constexpr std::array<std::string_view, 2> kCommutedKeys{"date", "term"};
      const Path at = p / "commuted";
      const auto [c_date, c_term] = members(*commuted, at, kCommutedKeys);
      const Commutation c{date(required(c_date, at / "date"), at / "date"),
                          term(required(c_term, at / "term"), at / "term")};
      s = construct([&] { return s->with_commutation(c); });
    }
    if (fine) {
      const Subsidiary f = read_subsidiary(*fine, p / "fine");
      s = construct([&] { return s->with_fine(f); });
    }
    if (restitution) {
      const Subsidiary r = read_subsidiary(*restitution, p / "restitution");
      s = construct([&] { return s->with_restitution(r); });
    }
    return *s;
  }

  /// Calls `each(element, path)` for every element of the array at `n`.
  template <typename Each>
  void for_each(const JsonNode& n, const Path& p, Each each) const {
    array(n, p);
    std::size_t i = 0;
    for (const JsonNode& e : doc_.children(n)) each(e, p[i++]);
  }

  Facts read_facts(const JsonNode& n, const Path& p) const {
    static constexpr std::array<std::string_view, 8> kKeys{"discipline", "escapes",  "justice_collaborator",
                                                           "deradicalisation", "pledge", "pemuka", "services",
                                                           "assessments"};
    const auto [discipline, escapes, jc, derad, pledge, pemuka, services, assessments] = members(n, p, kKeys);
    Facts f;
    if (discipline) {
      static constexpr std::array<std::string_view, 1> kEntry{"date"};
      f.discipline.reserve(doc_.size(*discipline));
      for_each(*discipline, p / "discipline", [&](const JsonNode& e, const Path& at) {
        const auto [d] = members(e, at, kEntry);
        f.discipline.push_back({date(required(d, at / "date"), at / "date")});
      });
    }
    static constexpr std::array<std::string_view, 2> kSpan{"from", "to"};
    if (escapes) {
      f.escapes.reserve(doc_.size(*escapes));
      for_each(*escapes, p / "escapes", [&](const JsonNode& e, const Path& at) {
        const auto [from, to] = members(e, at, kSpan);
        f.escapes.push_back({date(required(from, at / "from"), at / "from"), date(required(to, at / "to"), at / "to")});
      });
    }
    if (jc) f.justice_collaborator = boolean(*jc, p / "justice_collaborator");
    if (derad) f.deradicalisation = boolean(*derad, p / "deradicalisation");
    if (pledge) f.pledge = boolean(*pledge, p / "pledge");
    if (pemuka) {
      f.pemuka.reserve(doc_.size(*pemuka));
      for_each(*pemuka, p / "pemuka", [&](const JsonNode& e, const Path& at) {
        const auto [from, to] = members(e, at, kSpan);
        f.pemuka.push_back({date(required(from, at / "from"), at / "from"), date(required(to, at / "to"), at / "to")});
      });
    }
    if (services) {
      static constexpr std::array<std::string_view, 2> kService{"date", "kind"};
      f.services.reserve(doc_.size(*services));
      for_each(*services, p / "services", [&](const JsonNode& e, const Path& at) {
        const auto [d, kind] = members(e, at, kService);
        const Date day = date(required(d, at / "date"), at / "date");
        f.services.push_back({day, enumeration(required(kind, at / "kind"), at / "kind",
                                               [](std::string_view s) { return parse_service_kind(s); })});
      });
    }
    if (assessments) {
      static constexpr std::array<std::string_view, 3> kAssessment{"date", "predicate", "risk"};
      f.assessments.reserve(doc_.size(*assessments));
      for_each(*assessments, p / "assessments", [&](const JsonNode& e, const Path& at) {
        const auto [d, predicate, risk] = members(e, at, kAssessment);
        Assessment a{date(required(d, at / "date"), at / "date"), std::nullopt, std::nullopt};
        if (predicate)
          a.predicate = enumeration(*predicate, at / "predicate", [](std::string_view s) { return parse_predicate(s); });
        if (risk) a.risk = enumeration(*risk, at / "risk", [](std::string_view s) { return parse_risk(s); });
        f.assessments.push_back(a);
      });
    }
    return f;
  }

  Recorded read_recorded(const JsonNode& n, const Path& p) const {
    static constexpr std::array<std::string_view, 2> kKeys{"until", "grants"};
    const auto [until, grants] = members(n, p, kKeys);
    Recorded r{date(required(until, p / "until"), p / "until"), {}};
    if (grants) {
      static constexpr std::array<std::string_view, 3> kGrant{"date", "kind", "amount"};
      r.grants.reserve(doc_.size(*grants));
      for_each(*grants, p / "grants", [&](const JsonNode& e, const Path& at) {
        const auto [d, kind, amount] = members(e, at, kGrant);
        const Date day = date(required(d, at / "date"), at / "date");
        const GrantKind k = enumeration(required(kind, at / "kind"), at / "kind",
                                        [](std::string_view s) { return parse_grant_kind(s); });
        r.grants.push_back({day, k, term(required(amount, at / "amount"), at / "amount")});
      });
    }
    return r;
  }

  std::vector<PolicyOverride> read_policy(const JsonNode& n, const Path& p) const {
    if (n.kind != JsonKind::Object) wrong_type(p, n, "an object");
    std::vector<PolicyOverride> out;
    out.reserve(doc_.size(n));
    for (const JsonNode& m : doc_.children(n)) {
      const Path at = p / m.key;
      const long line = doc_.line_of(m);
      switch (m.kind) {
        case JsonKind::Bool: out.push_back({std::string(m.key), m.boolean, line}); break;
        case JsonKind::String: out.push_back({std::string(m.key), std::string(m.text), line}); break;
        case JsonKind::Integer: {
          std::int64_t v = 0;
          const auto [end, ec] = std::from_chars(m.text.data(), m.text.data() + m.text.size(), v);
          if (ec != std::errc() || end != m.text.data() + m.text.size())
            fail(at, &m, "integer out of range (a policy integer must fit in 64 bits)");
          out.push_back({std::string(m.key), v, line});
          break;
        }
        default: wrong_type(at, m, "a boolean, an integer or a string");
      }
    }
    return out;
  }

  const JsonDocument& doc_;
  const std::string& file_;
  bool roster_line_;
};

// ---- Writing ----

/// Checks a free-text field before writing it: the reader must be able to read it back.
std::string_view text_field(std::string_view s, const char* field) {
  if (!detail::is_valid_utf8(s)) throw ValueError(field, detail::shorten_for_message(s), "not valid UTF-8");
  std::size_t chars = 0;
  for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > kMaxTextLength)
    throw ValueError(field, detail::shorten_for_message(s, 40), "longer than 1000 characters");
  return s;
}

void write_subsidiary(detail::JsonWriter& w, const char* key, const std::optional<Subsidiary>& s) {
  if (!s) return;
  w.key_plain(key);
  w.begin_object();
  w.key_plain("subsidiary");
  w.string(to_string(s->term));
  w.key_plain("paid");
  w.boolean(s->paid);
  w.end_object();
}

void write_date(detail::JsonWriter& w, const char* key, Date d) {
  if (d.is_special()) throw ValueError(key, "not-a-date", "not a calendar day");
  w.key_plain(key);
  w.date(d);
}

void write_span(detail::JsonWriter& w, Date from, Date to) {
  w.begin_object();
  write_date(w, "from", from);
  write_date(w, "to", to);
  w.end_object();
}

bool has_facts(const Facts& f) {
  return !f.discipline.empty() || !f.escapes.empty() || f.justice_collaborator || f.deradicalisation || f.pledge ||
         !f.pemuka.empty() || !f.services.empty() || !f.assessments.empty();
}

void write_facts(detail::JsonWriter& w, const Facts& f) {
  w.key_plain("facts");
  w.begin_object();
  if (!f.discipline.empty()) {
    w.key_plain("discipline");
    w.begin_array();
    for (const auto& e : f.discipline) {
      w.begin_object();
      write_date(w, "date", e.date);
      w.end_object();
    }
    w.end_array();
  }
  if (!f.escapes.empty()) {
    w.key_plain("escapes");
    w.begin_array();
    for (const auto& e : f.escapes) write_span(w, e.from, e.to);
    w.end_array();
  }
  auto status = [&](const char* key, std::optional<bool> v) {
    if (!v) return;
    w.key_plain(key);
    w.boolean(*v);
  };
  status("justice_collaborator", f.justice_collaborator);
  status("deradicalisation", f.deradicalisation);
  status("pledge", f.pledge);
  if (!f.pemuka.empty()) {
    w.key_plain("pemuka");
    w.begin_array();
    for (const auto& e : f.pemuka) write_span(w, e.from, e.to);
    w.end_array();
  }
  if (!f.services.empty()) {
    w.key_plain("services");
    w.begin_array();
    for (const auto& e : f.services) {
      w.begin_object();
      write_date(w, "date", e.date);
      w.key_plain("kind");
      w.string(to_string(e.kind));
      w.end_object();
    }
    w.end_array();
  }
  if (!f.assessments.empty()) {
    w.key_plain("assessments");
    w.begin_array();
    for (const auto& e : f.assessments) {
      w.begin_object();
      write_date(w, "date", e.date);
      if (e.predicate) {
        w.key_plain("predicate");
        w.string(to_string(*e.predicate));
      }
      if (e.risk) {
        w.key_plain("risk");
        w.string(to_string(*e.risk));
      }
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

void write_expect(detail::JsonWriter& w, const std::string& expect_json) {
  // Parsed again with the reader's limits (one level less: it sits inside the case object), so that whatever is
  // written can be read back.
  static const std::string kName = "expect_json";
  JsonDocument doc;
  try {
    doc.parse(expect_json, {kName, 0, kMaxJsonDepth - 1, kMaxTextLength});
  } catch (const InputError& e) {
    throw ValueError("expect", detail::shorten_for_message(expect_json), std::string("not valid JSON: ") + e.what());
  }
  if (doc.root().kind != JsonKind::Object)
    throw ValueError("expect", detail::shorten_for_message(expect_json), "expect must be a JSON object");
  w.key_plain("expect");
  w.node(doc, doc.root());
}

void write_case(detail::JsonWriter& w, const Case& c, bool with_expect) {
  w.begin_object();
  if (!c.id.empty()) {
    w.key_plain("id");
    w.string(text_field(c.id, "id"));
  }
  if (!c.title.empty()) {
    w.key_plain("title");
    w.string(text_field(c.title, "title"));
  }
  if (!c.source.empty()) {
    w.key_plain("source");
    w.string(text_field(c.source, "source"));
  }
  if (!c.policy.empty()) {
    w.key_plain("policy");
    w.begin_object();
    for (const auto& o : c.policy) {
      w.key(text_field(o.name, "policy"));
      if (const auto* b = std::get_if<bool>(&o.value)) {
        w.boolean(*b);
      } else if (const auto* i = std::get_if<std::int64_t>(&o.value)) {
        w.integer(*i);
      } else {
        w.string(text_field(std::get<std::string>(o.value), "policy"));
      }
    }
    w.end_object();
  }

  const Person& person = c.person();
  w.key_plain("person");
  w.begin_object();
  w.key_plain("id");
  w.string(text_field(person.id(), "person.id"));
  w.key_plain("religion");
  w.string(to_string(person.religion()));
  if (!person.name().empty()) {
    w.key_plain("name");
    w.string(text_field(person.name(), "person.name"));
  }
  if (person.sex()) {
    w.key_plain("sex");
    w.string(to_string(*person.sex()));
  }
  if (person.birth_date()) write_date(w, "birth_date", *person.birth_date());
  if (person.child_flag()) {
    w.key_plain("child");
    w.boolean(*person.child_flag());
  }
  w.end_object();

  w.key_plain("detention");
  w.begin_array();
  for (const auto& period : c.detention().periods()) {
    w.begin_object();
    write_date(w, "from", period.from);
    if (period.to) write_date(w, "to", *period.to);
    w.end_object();
  }
  w.end_array();

  const Sentence& s = c.sentence();
  w.key_plain("sentence");
  w.begin_object();
  w.key_plain("term");
  if (s.kind() == SentenceKind::Fixed) {
    w.string(to_string(*s.term()));
  } else {
    w.string(to_string(s.kind()));
  }
  w.key_plain("offence");
  w.string(to_string(s.offence()));
  write_date(w, "verdict_final", s.verdict_final());
  if (s.verdict_date()) write_date(w, "verdict_date", *s.verdict_date());
  if (s.commutation()) {
    w.key_plain("commuted");
    w.begin_object();
    write_date(w, "date", s.commutation()->date);
    w.key_plain("term");
    w.string(to_string(s.commutation()->term));
    w.end_object();
  }
  write_subsidiary(w, "fine", s.fine());
  write_subsidiary(w, "restitution", s.restitution());
  w.end_object();

  if (has_facts(c.facts())) write_facts(w, c.facts());

  if (c.recorded()) {
    w.key_plain("recorded");
    w.begin_object();
    write_date(w, "until", c.recorded()->until);
    w.key_plain("grants");
    w.begin_array();
    for (const auto& g : c.recorded()->grants) {
      w.begin_object();
      write_date(w, "date", g.date);
      w.key_plain("kind");
      w.string(to_string(g.kind));
      w.key_plain("amount");
      w.string(to_string(g.amount));
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  if (c.until()) write_date(w, "until", *c.until());
  if (with_expect && !c.expect_json.empty()) write_expect(w, c.expect_json);
  w.end_object();
}

}  // namespace

Case read_case_json(std::string_view text, const std::string& file) {
  if (text.size() > kMaxCaseFileBytes)
    throw InputError(file, 0, "", std::to_string(text.size()) + " bytes",
                     "a case file larger than " + detail::size_for_message(kMaxCaseFileBytes));
  text = strip_bom(text);
  JsonDocument doc;
  doc.parse(text, {file, 0, kMaxJsonDepth, kMaxTextLength});
  return CaseReader(doc, file, false).read(doc.root());
}

std::vector<Case> read_roster_jsonl(std::string_view text, const std::string& file) {
  text = strip_bom(text);
  std::vector<Case> cases;
  // One case per line at most: reserving up front spares the moves of a growing vector of large objects, and a
  // national roster's room is on 2 MiB pages for the engine (reserve_roster).
  reserve_roster(cases, detail::count_line_ends(text) + 1);
  JsonDocument doc;  // reused: its node storage grows to the largest line and stays
  // Person ids are unique in a roster, as in a CSV roster (docs/roster-csv.md): checked once every line has been read,
  // so that a bad line is always named first; the line of each case for the message.
  std::vector<long> lines;
  lines.reserve(cases.capacity());
  long line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_number;
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxRosterLineBytes)
      throw InputError(file, line_number, "", std::to_string(line.size()) + " bytes",
                       "a roster line longer than " + detail::size_for_message(kMaxRosterLineBytes));
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    doc.parse(line, {file, line_number, kMaxJsonDepth, kMaxTextLength});
    cases.push_back(CaseReader(doc, file, true).read(doc.root()));
    lines.push_back(line_number);
  }
  detail::refuse_repeated_id(cases, lines, file, "person.id");
  return cases;
}

std::string write_case_json(const Case& c, int indent) {
  std::string out;
  out.reserve(indent < 0 ? 512 : 1024);
  detail::JsonWriter w(out, indent < 0 ? -1 : indent);
  write_case(w, c, true);
  return out;
}

std::string write_roster_jsonl(const std::vector<Case>& cases) {
  detail::refuse_repeated_id(cases);  // a roster with a person twice could not be read back
  std::string out;
  for (const Case& c : cases) {
    detail::JsonWriter w(out, -1);
    write_case(w, c, false);
    out += '\n';
    // Lines of one roster are alike: size the buffer from the first instead of doubling it many times.
    if (&c == &cases.front()) out.reserve(out.size() * cases.size() + out.size() * cases.size() / 8);
  }
  return out;
}

std::string read_file_text(const std::string& path, std::size_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw InputError(path, 0, "", "", "no such file");
  if (fs::is_directory(st)) throw InputError(path, 0, "", "", "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "", "cannot be opened for reading");
  // Read in chunks rather than trusting the size on disk: a pipe or a growing file has none.
  std::string text;
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > max_bytes)
      throw InputError(path, 0, "", "more than " + std::to_string(max_bytes) + " bytes",
                       "file larger than the limit of " + detail::size_for_message(max_bytes));
    text.append(buffer.data(), got);
  }
  if (in.bad()) throw InputError(path, 0, "", "", "read error");
  return text;
}

}  // namespace binaan
