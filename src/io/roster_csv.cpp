#include <binaan/io/roster_csv.hpp>

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include "io/detail_json.hpp"
#include "people/person_index.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <utility>

namespace binaan {

namespace {


// ---- Columns ----

enum class Col : std::uint8_t {
  Id,
  Name,
  Sex,
  BirthDate,
  Child,
  Religion,
  Detention,
  Term,
  Offence,
  VerdictFinal,
  VerdictDate,
  CommutedDate,
  CommutedTerm,
  FineSubsidiary,
  FinePaid,
  RestitutionSubsidiary,
  RestitutionPaid,
  JusticeCollaborator,
  Deradicalisation,
  Pledge,
  Discipline,
  Escapes,
  Pemuka,
  Services,
  Assessments,
  RecordedUntil,
  RecordedGrants,
  Until,
  CaseId,
  Title,
  Source,
  Policy
};
constexpr std::size_t kColumnCount = 32;

struct ColumnInfo {
  std::string_view name;
  bool required;
};

// The order of the enumeration, which is the order the writer uses: the brief's common fields, then the case-file
// metadata that a spreadsheet user rarely needs.
constexpr std::array<ColumnInfo, kColumnCount> kColumns{{{"id", true},
                                                         {"name", false},
                                                         {"sex", false},
                                                         {"birth_date", false},
                                                         {"child", false},
                                                         {"religion", true},
                                                         {"detention", true},
                                                         {"term", true},
                                                         {"offence", true},
                                                         {"verdict_final", true},
                                                         {"verdict_date", false},
                                                         {"commuted_date", false},
                                                         {"commuted_term", false},
                                                         {"fine_subsidiary", false},
                                                         {"fine_paid", false},
                                                         {"restitution_subsidiary", false},
                                                         {"restitution_paid", false},
                                                         {"justice_collaborator", false},
                                                         {"deradicalisation", false},
                                                         {"pledge", false},
                                                         {"discipline", false},
                                                         {"escapes", false},
                                                         {"pemuka", false},
                                                         {"services", false},
                                                         {"assessments", false},
                                                         {"recorded_until", false},
                                                         {"recorded_grants", false},
                                                         {"until", false},
                                                         {"case_id", false},
                                                         {"title", false},
                                                         {"source", false},
                                                         {"policy", false}}};

constexpr std::size_t index_of(Col c) { return static_cast<std::size_t>(c); }
constexpr std::string_view name_of(Col c) { return kColumns[index_of(c)].name; }

/// The reason of a ValueError without its field and value, which an InputError states itself. ValueError builds
/// its message as `field: why (value: "value")`.
std::string why_of(const ValueError& e) {
  std::string_view m = e.what();
  const std::string prefix = e.field() + ": ";
  const std::string suffix = " (value: \"" + e.value() + "\")";
  if (m.size() >= prefix.size() + suffix.size() && m.substr(0, prefix.size()) == prefix &&
      m.substr(m.size() - suffix.size()) == suffix)
    return std::string(m.substr(prefix.size(), m.size() - prefix.size() - suffix.size()));
  return std::string(m);
}

std::size_t utf8_chars(std::string_view s) {
  std::size_t chars = 0;
  for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// ---- Scanning records (RFC 4180) ----

/// Splits the text into records and fields. A field is a view into the text, or, when it has doubled quotes, into
/// a buffer kept per field position: no allocation per field once the buffers have grown.
class CsvScanner {
public:
  CsvScanner(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  /// Names the fields in errors: the header names once they are known.
  void set_names(const std::vector<std::string_view>* names) { names_ = names; }

  /// Reads the next record into `fields`; false at the end of the text.
  bool next(std::vector<std::string_view>& fields) {
    fields.clear();
    if (pos_ >= text_.size()) return false;
    line_ = next_line_;
    const std::size_t start = pos_;
    const std::size_t size = text_.size();
    const char* data = text_.data();
    for (std::size_t i = 0;; ++i) {
      std::string_view field;
      if (pos_ < size && data[pos_] == '"') {
        field = quoted_field(i);
      } else {
        std::size_t e = pos_;
        while (e < size) {
          const char c = data[e];
          if (c == ',' || c == '\n' || c == '\r' || c == '"') break;
          ++e;
        }
        field = text_.substr(pos_, e - pos_);
        if (e < size && data[e] == '"')
          fail(i, text_.substr(pos_, std::min<std::size_t>(e + 1, size) - pos_),
               "a double quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")");
        pos_ = e;
      }
      fields.push_back(field);
      if (pos_ >= size) break;
      const char c = data[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      if (c == '\r') {
        if (pos_ + 1 >= size || data[pos_ + 1] != '\n')
          fail(i, field, "a carriage return that does not end a line (quote the field to keep it)");
        ++pos_;
      }
      ++pos_;  // the line feed
      ++next_line_;
      break;
    }
    raw_ = text_.substr(start, pos_ - start);
    if (raw_.size() > kMaxRosterLineBytes)
      throw InputError(file_, line_, "", std::to_string(raw_.size()) + " bytes",
                       "a row longer than " + detail::size_for_message(kMaxRosterLineBytes));
    return true;
  }

  /// The physical line on which the last record starts (1-based).
  long line() const noexcept { return line_; }
  /// The last record as it is in the text, line end included.
  std::string_view raw() const noexcept { return raw_; }

  /// Names field `i` in an error: its header name, or its position.
  std::string label(std::size_t i) const {
    if (names_ && i < names_->size()) return std::string((*names_)[i]);
    return "column " + std::to_string(i + 1);
  }

private:
  std::string_view quoted_field(std::size_t i) {
    const char* data = text_.data();
    const std::size_t size = text_.size();
    const std::size_t open = pos_;
    std::size_t segment = ++pos_;
    std::string* buffer = nullptr;
    std::string_view field;
    for (;;) {
      const void* q = std::memchr(data + pos_, '"', size - pos_);
      if (!q)
        fail(i, text_.substr(open, 40),
             "unterminated quoted field: no closing double quote before the end of the file");
      const auto at = static_cast<std::size_t>(static_cast<const char*>(q) - data);
      if (at + 1 < size && data[at + 1] == '"') {
        if (!buffer) {
          while (unescaped_.size() <= i) unescaped_.emplace_back();
          buffer = &unescaped_[i];
          buffer->clear();
        }
        buffer->append(data + segment, at + 1 - segment);  // keeps one of the two quotes
        pos_ = segment = at + 2;
        continue;
      }
      if (buffer) {
        buffer->append(data + segment, at - segment);
        field = *buffer;
      } else {
        field = text_.substr(segment, at - segment);
      }
      pos_ = at + 1;
      break;
    }
    next_line_ += static_cast<long>(detail::count_line_ends(text_.substr(open, pos_ - open)));
    if (pos_ < size) {
      const char c = data[pos_];
      const bool crlf = c == '\r' && pos_ + 1 < size && data[pos_ + 1] == '\n';
      if (c != ',' && c != '\n' && !crlf)
        fail(i, text_.substr(open, std::min<std::size_t>(pos_ + 1, size) - open),
             "text after the closing double quote of a quoted field");
    }
    return field;
  }

  [[noreturn]] void fail(std::size_t i, std::string_view value, const std::string& why) const {
    throw InputError(file_, line_, label(i), detail::quote_for_message(value), why);
  }

  std::string_view text_;
  const std::string& file_;
  const std::vector<std::string_view>* names_ = nullptr;
  std::deque<std::string> unescaped_;  // a deque: its strings never move, so views into them stay valid
  std::string_view raw_;
  std::size_t pos_ = 0;
  long line_ = 0;
  long next_line_ = 1;
};

/// Fewest bytes a row that makes a case can have: `1,hindu,2020-01-01..,1d,general,2020-01-01` and its line end.
constexpr std::size_t kMinRowBytes = 40;

/// `-?[0-9]+`: a policy value the reader takes for an integer.
bool is_integer_shaped(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool all_empty(const std::vector<std::string_view>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](std::string_view f) { return f.empty(); });
}

// ---- Reading one row ----

/// Where a ValueError of a model constructor (`detention[1].from`, `facts.escapes[0].to`) belongs in the CSV.
struct ModelPath {
  std::string_view prefix;
  Col column;
};
// Longer prefixes first where one is the start of another.
constexpr std::array<ModelPath, 14> kModelPaths{{{"person.id", Col::Id},
                                                 {"person.name", Col::Name},
                                                 {"detention", Col::Detention},
                                                 {"sentence.term", Col::Term},
                                                 {"sentence.verdict_date", Col::VerdictDate},
                                                 {"sentence.fine", Col::FineSubsidiary},
                                                 {"sentence.restitution", Col::RestitutionSubsidiary},
                                                 {"sentence.commuted.term", Col::CommutedTerm},
                                                 {"sentence.commuted", Col::CommutedDate},
                                                 {"facts.escapes", Col::Escapes},
                                                 {"facts.pemuka", Col::Pemuka},
                                                 {"facts.assessments", Col::Assessments},
                                                 {"recorded.grants", Col::RecordedGrants},
                                                 {"recorded.until", Col::RecordedUntil}}};

/// The `index`-th item (0-based) of a `;`-separated cell.
std::string_view item_of(std::string_view cell, std::size_t index) {
  for (std::size_t i = 0; i < index; ++i) {
    const auto semi = cell.find(';');
    if (semi == std::string_view::npos) return cell;
    cell.remove_prefix(semi + 1);
  }
  return cell.substr(0, cell.find(';'));
}

constexpr std::size_t kNoItem = static_cast<std::size_t>(-1);

/// Turns the cells of one row into a Case, naming the column of every refusal.
class RowReader {
public:
  RowReader(const std::array<std::string_view, kColumnCount>& cells, const std::string& file, long line)
      : cells_(cells), file_(file), line_(line) {}

  Case read() const {
    // Person.
    const std::string_view id = required(Col::Id);
    const Religion religion = enumeration(Col::Religion, required(Col::Religion), kNoItem,
                                          [](std::string_view s) { return parse_religion(s); });
    std::optional<Sex> sex;
    if (!cell(Col::Sex).empty())
      sex = enumeration(Col::Sex, cell(Col::Sex), kNoItem, [](std::string_view s) { return parse_sex(s); });
    const std::optional<Date> birth = optional_date(Col::BirthDate);
    const std::optional<bool> child = boolean(Col::Child);
    Person person = construct([&] {
      return Person(std::string(id), religion, std::string(cell(Col::Name)), sex, birth, child);
    });

    DetentionHistory detention = read_detention();
    Sentence sentence = read_sentence();
    Facts facts = read_facts();

    std::optional<Recorded> recorded;
    if (!cell(Col::RecordedUntil).empty()) {
      recorded = Recorded{date(Col::RecordedUntil, cell(Col::RecordedUntil), kNoItem), {}};
      read_grants(recorded->grants);
    } else if (!cell(Col::RecordedGrants).empty()) {
      fail(Col::RecordedUntil, "", "recorded_until is required when recorded_grants is given");
    }
    const std::optional<Date> until = optional_date(Col::Until);

    std::string case_id(free_text(Col::CaseId));
    std::string title(free_text(Col::Title));
    std::string source(free_text(Col::Source));
    std::vector<PolicyOverride> policy = read_policy();

    Case c = construct([&] {
      return Case(std::move(person), std::move(detention), std::move(sentence), std::move(facts),
                  std::move(recorded), until);
    });
    c.id = std::move(case_id);
    c.title = std::move(title);
    c.source = std::move(source);
    c.policy = std::move(policy);
    return c;
  }

private:
  // ---- Refusals ----

  [[noreturn]] void fail(Col c, std::string_view value, const std::string& why) const {
    throw InputError(file_, line_, std::string(name_of(c)), value.empty() ? std::string() : detail::quote_for_message(value), why);
  }
  [[noreturn]] void fail_item(Col c, std::size_t item, std::string_view value, const std::string& why) const {
    if (item == kNoItem) fail(c, value, why);
    fail(c, value, "entry " + std::to_string(item + 1) + ": " + why);
  }

  /// A ValueError from a model constructor: its key path names the column, and the list entry where there is one.
  [[noreturn]] void rethrow(const ValueError& e) const {
    const std::string& field = e.field();
    for (const auto& [prefix, column] : kModelPaths) {
      if (field.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string_view rest = std::string_view(field).substr(prefix.size());
      if (!rest.empty() && rest.front() != '.' && rest.front() != '[') continue;
      std::size_t item = kNoItem;
      if (!rest.empty() && rest.front() == '[') {
        std::size_t i = 0;
        const auto [end, ec] = std::from_chars(rest.data() + 1, rest.data() + rest.size(), i);
        if (ec == std::errc() && end < rest.data() + rest.size() && *end == ']') item = i;
      }
      const std::string_view whole = cell(column);
      fail_item(column, item, item == kNoItem ? whole : item_of(whole, item), why_of(e));
    }
    throw InputError(file_, line_, field, e.value().empty() ? std::string() : detail::quote_for_message(e.value()), why_of(e));
  }

  template <typename F>
  auto construct(F&& f) const -> decltype(f()) {
    try {
      return f();
    } catch (const ValueError& e) {
      rethrow(e);
    }
  }

  // ---- Cells ----

  std::string_view cell(Col c) const { return cells_[index_of(c)]; }

  std::string_view required(Col c) const {
    const std::string_view s = cell(c);
    if (s.empty()) fail(c, s, "a value is required (the cell is empty)");
    return s;
  }

  Date date(Col c, std::string_view s, std::size_t item) const {
    try {
      return parse_date(s, name_of(c));
    } catch (const ValueError& e) {
      fail_item(c, item, s, why_of(e));
    }
  }

  std::optional<Date> optional_date(Col c) const {
    const std::string_view s = cell(c);
    if (s.empty()) return std::nullopt;
    return date(c, s, kNoItem);
  }

  Term term(Col c, std::string_view s, std::size_t item) const {
    try {
      return parse_term(s, name_of(c));
    } catch (const ValueError& e) {
      fail_item(c, item, s, why_of(e));
    }
  }

  template <typename Parse>
  auto enumeration(Col c, std::string_view s, std::size_t item, Parse parse) const
      -> decltype(parse(std::string_view())) {
    try {
      return parse(s);
    } catch (const ValueError& e) {
      fail_item(c, item, s, why_of(e));
    }
  }

  std::optional<bool> boolean(Col c) const {
    const std::string_view s = cell(c);
    if (s.empty()) return std::nullopt;
    // Spreadsheets write their booleans in capitals.
    if (s == "true" || s == "TRUE" || s == "True") return true;
    if (s == "false" || s == "FALSE" || s == "False") return false;
    fail(c, s, "expected true or false (or an empty cell when unrecorded)");
  }

  std::string_view free_text(Col c) const {
    const std::string_view s = cell(c);
    if (utf8_chars(s) > kMaxTextLength) fail(c, s, "longer than 1000 characters");
    return s;
  }

  /// Calls `each(item, index)` for every `;`-separated item of a non-empty cell.
  template <typename Each>
  void for_each_item(Col c, Each each) const {
    std::string_view rest = cell(c);
    if (rest.empty()) return;
    for (std::size_t i = 0;; ++i) {
      const auto semi = rest.find(';');
      const std::string_view item = rest.substr(0, semi);
      if (item.empty()) fail_item(c, i, cell(c), "an empty entry (two ';' in a row, or one at an end)");
      each(item, i);
      if (semi == std::string_view::npos) break;
      rest.remove_prefix(semi + 1);
    }
  }

  std::size_t item_count(Col c) const {
    const std::string_view s = cell(c);
    return s.empty() ? 0 : static_cast<std::size_t>(std::count(s.begin(), s.end(), ';')) + 1;
  }

  /// Splits `item` at each `sep` into exactly N parts.
  template <std::size_t N>
  std::array<std::string_view, N> parts(Col c, std::string_view item, std::size_t index, char sep,
                                        const char* shape) const {
    std::array<std::string_view, N> out{};
    std::string_view rest = item;
    for (std::size_t k = 0; k + 1 < N; ++k) {
      const auto at = rest.find(sep);
      if (at == std::string_view::npos) fail_item(c, index, item, std::string("expected ") + shape);
      out[k] = rest.substr(0, at);
      rest.remove_prefix(at + 1);
    }
    if (rest.find(sep) != std::string_view::npos) fail_item(c, index, item, std::string("expected ") + shape);
    out[N - 1] = rest;
    return out;
  }

  /// `from..to` with `to` required unless `open_end`.
  std::pair<Date, std::optional<Date>> span(Col c, std::string_view item, std::size_t index, bool open_end) const {
    const auto dots = item.find("..");
    if (dots == std::string_view::npos)
      fail_item(c, index, item, open_end ? "expected FROM..TO or FROM.. (dates as YYYY-MM-DD)"
                                         : "expected FROM..TO (dates as YYYY-MM-DD)");
    const Date from = date(c, item.substr(0, dots), index);
    const std::string_view to_text = item.substr(dots + 2);
    if (to_text.empty()) {
      if (!open_end) fail_item(c, index, item, "expected FROM..TO: the end date is missing");
      return {from, std::nullopt};
    }
    return {from, date(c, to_text, index)};
  }

  // ---- The parts of a case ----

  DetentionHistory read_detention() const {
    required(Col::Detention);
    std::vector<DetentionPeriod> periods;
    periods.reserve(item_count(Col::Detention));
    for_each_item(Col::Detention, [&](std::string_view item, std::size_t i) {
      const auto [from, to] = span(Col::Detention, item, i, true);
      periods.push_back({from, to});
    });
    return construct([&] { return DetentionHistory(std::move(periods)); });
  }

  std::optional<Subsidiary> subsidiary(Col term_col, Col paid_col) const {
    const std::optional<bool> paid = boolean(paid_col);
    if (cell(term_col).empty()) {
      if (paid) fail(term_col, "", std::string(name_of(term_col)) + " is required when " +
                                       std::string(name_of(paid_col)) + " is given");
      return std::nullopt;
    }
    return Subsidiary{term(term_col, cell(term_col), kNoItem), paid.value_or(false)};
  }

  Sentence read_sentence() const {
    const std::string_view term_text = required(Col::Term);
    const Offence offence = enumeration(Col::Offence, required(Col::Offence), kNoItem,
                                        [](std::string_view s) { return parse_offence(s); });
    const Date final_day = date(Col::VerdictFinal, required(Col::VerdictFinal), kNoItem);
    std::optional<Sentence> s;
    if (term_text == "life") {
      s = Sentence::life(offence, final_day);
    } else if (term_text == "death") {
      s = Sentence::death(offence, final_day);
    } else {
      const Term fixed = term(Col::Term, term_text, kNoItem);
      s = construct([&] { return Sentence::fixed(fixed, offence, final_day); });
    }
    if (const auto d = optional_date(Col::VerdictDate)) s = construct([&] { return s->with_verdict_date(*d); });
    const std::string_view c_date = cell(Col::CommutedDate);
    const std::string_view c_term = cell(Col::CommutedTerm);
    if (!c_date.empty() || !c_term.empty()) {
      if (c_date.empty()) fail(Col::CommutedDate, "", "commuted_date is required when commuted_term is given");
      const Date d = date(Col::CommutedDate, c_date, kNoItem);
      if (c_term.empty()) fail(Col::CommutedTerm, "", "commuted_term is required when commuted_date is given");
      const Commutation c{d, term(Col::CommutedTerm, c_term, kNoItem)};
      s = construct([&] { return s->with_commutation(c); });
    }
    if (const auto f = subsidiary(Col::FineSubsidiary, Col::FinePaid)) s = construct([&] { return s->with_fine(*f); });
    if (const auto r = subsidiary(Col::RestitutionSubsidiary, Col::RestitutionPaid))
      s = construct([&] { return s->with_restitution(*r); });
    return *s;
  }

  Facts read_facts() const {
    Facts f;
    f.discipline.reserve(item_count(Col::Discipline));
    for_each_item(Col::Discipline, [&](std::string_view item, std::size_t i) {
      f.discipline.push_back({date(Col::Discipline, item, i)});
    });
    f.escapes.reserve(item_count(Col::Escapes));
    for_each_item(Col::Escapes, [&](std::string_view item, std::size_t i) {
      const auto [from, to] = span(Col::Escapes, item, i, false);
      f.escapes.push_back({from, *to});
    });
    f.justice_collaborator = boolean(Col::JusticeCollaborator);
    f.deradicalisation = boolean(Col::Deradicalisation);
    f.pledge = boolean(Col::Pledge);
    f.pemuka.reserve(item_count(Col::Pemuka));
    for_each_item(Col::Pemuka, [&](std::string_view item, std::size_t i) {
      const auto [from, to] = span(Col::Pemuka, item, i, false);
      f.pemuka.push_back({from, *to});
    });
    f.services.reserve(item_count(Col::Services));
    for_each_item(Col::Services, [&](std::string_view item, std::size_t i) {
      const auto [d, kind] = parts<2>(Col::Services, item, i, ':', "DATE:KIND");
      f.services.push_back({date(Col::Services, d, i), enumeration(Col::Services, kind, i, [](std::string_view s) {
                              return parse_service_kind(s);
                            })});
    });
    f.assessments.reserve(item_count(Col::Assessments));
    for_each_item(Col::Assessments, [&](std::string_view item, std::size_t i) {
      const auto [d, predicate, risk] = parts<3>(Col::Assessments, item, i, ':', "DATE:PREDICATE:RISK");
      Assessment a{date(Col::Assessments, d, i), std::nullopt, std::nullopt};
      if (!predicate.empty())
        a.predicate =
            enumeration(Col::Assessments, predicate, i, [](std::string_view s) { return parse_predicate(s); });
      if (!risk.empty())
        a.risk = enumeration(Col::Assessments, risk, i, [](std::string_view s) { return parse_risk(s); });
      f.assessments.push_back(a);
    });
    return f;
  }

  void read_grants(std::vector<RecordedGrant>& grants) const {
    grants.reserve(item_count(Col::RecordedGrants));
    for_each_item(Col::RecordedGrants, [&](std::string_view item, std::size_t i) {
      const auto [d, kind, amount] = parts<3>(Col::RecordedGrants, item, i, ':', "DATE:KIND:AMOUNT");
      const Date day = date(Col::RecordedGrants, d, i);
      const GrantKind k =
          enumeration(Col::RecordedGrants, kind, i, [](std::string_view s) { return parse_grant_kind(s); });
      grants.push_back({day, k, term(Col::RecordedGrants, amount, i)});
    });
  }

  /// `name=value;…`; see the header and docs/roster-csv.md for the value forms.
  std::vector<PolicyOverride> read_policy() const {
    std::vector<PolicyOverride> out;
    std::string_view rest = cell(Col::Policy);
    const std::string_view whole = rest;
    for (std::size_t i = 0; !rest.empty(); ++i) {
      if (rest.front() == ';')
        fail_item(Col::Policy, i, whole, "an empty entry (two ';' in a row, or one at the start)");
      const auto eq = rest.find('=');
      const auto semi = rest.find(';');
      if (eq == std::string_view::npos || (semi != std::string_view::npos && semi < eq))
        fail_item(Col::Policy, i, rest.substr(0, semi), "expected NAME=VALUE");
      const std::string_view name = rest.substr(0, eq);
      if (name.empty()) fail_item(Col::Policy, i, rest.substr(0, semi), "a policy entry needs a name before '='");
      if (name.find_first_of("\"\\") != std::string_view::npos)
        fail_item(Col::Policy, i, name, "a policy name must not hold '\"' or '\\'");
      check_policy_text(name, i);
      rest.remove_prefix(eq + 1);
      ParameterValue value;
      if (!rest.empty() && rest.front() == '"') {
        std::string text;
        std::size_t k = 1;
        for (;; ++k) {
          if (k >= rest.size()) fail_item(Col::Policy, i, rest, "unterminated quoted policy value");
          const char ch = rest[k];
          if (ch == '"') break;
          if (ch == '\\') {
            if (k + 1 >= rest.size() || (rest[k + 1] != '"' && rest[k + 1] != '\\'))
              fail_item(Col::Policy, i, rest.substr(0, k + 2),
                        "in a quoted policy value a backslash must be followed by '\"' or '\\'");
            ++k;
          }
          text += rest[k];
        }
        rest.remove_prefix(k + 1);
        if (!rest.empty() && rest.front() != ';')
          fail_item(Col::Policy, i, rest.substr(0, rest.find(';')), "text after a quoted policy value");
        check_policy_text(text, i);
        value = std::move(text);
      } else {
        const std::string_view bare = rest.substr(0, rest.find(';'));
        rest.remove_prefix(bare.size());
        if (bare.empty())
          fail_item(Col::Policy, i, name, "a policy value is missing (write \"\" for an empty string)");
        if (bare == "true" || bare == "false") {
          value = bare == "true";
        } else if (is_integer_shaped(bare)) {
          std::int64_t v = 0;
          const auto [end, ec] = std::from_chars(bare.data(), bare.data() + bare.size(), v);
          if (ec != std::errc() || end != bare.data() + bare.size())
            fail_item(Col::Policy, i, bare, "integer out of range (a policy integer must fit in 64 bits)");
          value = v;
        } else {
          if (bare.find_first_of("\"\\") != std::string_view::npos)
            fail_item(Col::Policy, i, bare, "a policy value with '\"' or '\\' must be quoted: name=\"a \\\"b\\\"\"");
          check_policy_text(bare, i);
          value = std::string(bare);
        }
      }
      out.push_back({std::string(name), std::move(value), line_});
      if (!rest.empty()) {
        rest.remove_prefix(1);  // the ';'
        if (rest.empty()) fail_item(Col::Policy, i + 1, whole, "an empty entry (a ';' at the end)");
      }
    }
    check_unique_names(out);
    return out;
  }

  /// Refuses a name given twice, naming its second entry (the earliest such in the cell). Sorting, not comparing
  /// every pair: a 1 MiB cell can hold a hundred thousand entries.
  void check_unique_names(const std::vector<PolicyOverride>& entries) const {
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return entries[a].name < entries[b].name; });
    std::size_t repeat = kNoItem;
    for (std::size_t k = 1; k < order.size(); ++k)
      if (entries[order[k]].name == entries[order[k - 1]].name) repeat = std::min(repeat, order[k]);
    if (repeat != kNoItem)
      fail_item(Col::Policy, repeat, entries[repeat].name, "the same policy parameter is given twice");
  }

  void check_policy_text(std::string_view s, std::size_t i) const {
    if (utf8_chars(s) > kMaxTextLength) fail_item(Col::Policy, i, s, "longer than 1000 characters");
  }

  const std::array<std::string_view, kColumnCount>& cells_;
  const std::string& file_;
  long line_;
};

// ---- Writing ----

void append_date(std::string& out, Date d, const char* field) {
  // format_date goes through snprintf; boost's years have four digits.
  if (d.is_special()) throw ValueError(field, "not-a-date", "not a calendar day");
  const auto ymd = d.year_month_day();
  const unsigned y = ymd.year;
  const unsigned m = ymd.month;
  const unsigned dd = ymd.day;
  const char text[10] = {static_cast<char>('0' + y / 1000),    static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),      static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + dd / 10),     static_cast<char>('0' + dd % 10)};
  out.append(text, sizeof text);
}

void append_number(std::string& out, unsigned v) {
  char buf[8];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out.append(buf, static_cast<std::size_t>(end - buf));
}

/// As to_string(Term), without its temporaries.
void append_term(std::string& out, Term t) {
  const std::size_t before = out.size();
  if (t.years() != 0) {
    append_number(out, static_cast<unsigned>(t.years()));
    out += 'y';
  }
  if (t.months() != 0) {
    append_number(out, static_cast<unsigned>(t.months()));
    out += 'm';
  }
  if (t.days() != 0 || out.size() == before) {
    append_number(out, static_cast<unsigned>(t.days()));
    out += 'd';
  }
}

void append_bool(std::string& out, std::optional<bool> b) {
  if (b) out += *b ? "true" : "false";
}

/// Checks a free text before writing it: the reader must be able to read it back.
std::string_view text_field(std::string_view s, const char* field) {
  if (!detail::is_valid_utf8(s)) throw ValueError(field, detail::shorten_for_message(s), "not valid UTF-8");
  if (utf8_chars(s) > kMaxTextLength)
    throw ValueError(field, detail::shorten_for_message(s, 40), "longer than 1000 characters");
  return s;
}


/// The policy cell, `name=value;…`, before CSV quoting.
void append_policy(std::string& out, const std::vector<PolicyOverride>& policy) {
  bool first = true;
  for (const auto& o : policy) {
    if (!first) out += ';';
    first = false;
    text_field(o.name, "policy");
    if (o.name.empty() || o.name.find_first_of("=;\"\\") != std::string::npos)
      throw ValueError("policy", detail::shorten_for_message(o.name),
                       "a policy name in a CSV roster must be non-empty and hold none of = ; \" \\");
    out += o.name;
    out += '=';
    if (const auto* b = std::get_if<bool>(&o.value)) {
      out += *b ? "true" : "false";
    } else if (const auto* i = std::get_if<std::int64_t>(&o.value)) {
      char buf[24];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *i);
      (void)ec;
      out.append(buf, static_cast<std::size_t>(end - buf));
    } else {
      const std::string& s = std::get<std::string>(o.value);
      text_field(s, "policy");
      // Bare when the reader would take it back as this string; quoted otherwise.
      const bool bare = !s.empty() && s != "true" && s != "false" && !is_integer_shaped(s) &&
                        s.find_first_of(";\"\\") == std::string::npos;
      if (bare) {
        out += s;
      } else {
        out += '"';
        for (char c : s) {
          if (c == '"' || c == '\\') out += '\\';
          out += c;
        }
        out += '"';
      }
    }
  }
}

template <typename T, typename Each>
void append_list(std::string& out, const std::vector<T>& items, Each each) {
  bool first = true;
  for (const T& item : items) {
    if (!first) out += ';';
    first = false;
    each(item);
  }
}

void append_header(std::string& out) {
  for (std::size_t i = 0; i < kColumnCount; ++i) {
    if (i) out += ',';
    out += kColumns[i].name;
  }
  out += '\n';
}

/// One row. List cells hold only dates, terms and vocabulary words, which never need quoting; free texts and the
/// policy cell go through append_field.
void append_row(std::string& out, const Case& c, std::string& scratch) {
  const Person& p = c.person();
  append_csv_field(out, text_field(p.id(), "person.id"));
  out += ',';
  append_csv_field(out, text_field(p.name(), "person.name"));
  out += ',';
  if (p.sex()) out += to_string(*p.sex());
  out += ',';
  if (p.birth_date()) append_date(out, *p.birth_date(), "person.birth_date");
  out += ',';
  append_bool(out, p.child_flag());
  out += ',';
  out += to_string(p.religion());
  out += ',';
  append_list(out, c.detention().periods(), [&](const DetentionPeriod& d) {
    append_date(out, d.from, "detention.from");
    out += "..";
    if (d.to) append_date(out, *d.to, "detention.to");
  });
  out += ',';

  const Sentence& s = c.sentence();
  if (s.kind() == SentenceKind::Fixed) {
    append_term(out, *s.term());
  } else {
    out += to_string(s.kind());
  }
  out += ',';
  out += to_string(s.offence());
  out += ',';
  append_date(out, s.verdict_final(), "sentence.verdict_final");
  out += ',';
  if (s.verdict_date()) append_date(out, *s.verdict_date(), "sentence.verdict_date");
  out += ',';
  if (s.commutation()) append_date(out, s.commutation()->date, "sentence.commuted.date");
  out += ',';
  if (s.commutation()) append_term(out, s.commutation()->term);
  out += ',';
  for (const auto* sub : {&s.fine(), &s.restitution()}) {
    if (*sub) append_term(out, (*sub)->term);
    out += ',';
    if (*sub) append_bool(out, (*sub)->paid);
    out += ',';
  }

  const Facts& f = c.facts();
  append_bool(out, f.justice_collaborator);
  out += ',';
  append_bool(out, f.deradicalisation);
  out += ',';
  append_bool(out, f.pledge);
  out += ',';
  append_list(out, f.discipline, [&](const DisciplineEntry& e) { append_date(out, e.date, "facts.discipline"); });
  out += ',';
  append_list(out, f.escapes, [&](const Escape& e) {
    append_date(out, e.from, "facts.escapes.from");
    out += "..";
    append_date(out, e.to, "facts.escapes.to");
  });
  out += ',';
  append_list(out, f.pemuka, [&](const DaySpan& e) {
    append_date(out, e.from, "facts.pemuka.from");
    out += "..";
    append_date(out, e.to, "facts.pemuka.to");
  });
  out += ',';
  append_list(out, f.services, [&](const Service& e) {
    append_date(out, e.date, "facts.services.date");
    out += ':';
    out += to_string(e.kind);
  });
  out += ',';
  append_list(out, f.assessments, [&](const Assessment& e) {
    append_date(out, e.date, "facts.assessments.date");
    out += ':';
    if (e.predicate) out += to_string(*e.predicate);
    out += ':';
    if (e.risk) out += to_string(*e.risk);
  });
  out += ',';

  if (c.recorded()) append_date(out, c.recorded()->until, "recorded.until");
  out += ',';
  if (c.recorded())
    append_list(out, c.recorded()->grants, [&](const RecordedGrant& g) {
      append_date(out, g.date, "recorded.grants.date");
      out += ':';
      out += to_string(g.kind);
      out += ':';
      append_term(out, g.amount);
    });
  out += ',';
  if (c.until()) append_date(out, *c.until(), "until");
  out += ',';

  append_csv_field(out, text_field(c.id, "id"));
  out += ',';
  append_csv_field(out, text_field(c.title, "title"));
  out += ',';
  append_csv_field(out, text_field(c.source, "source"));
  out += ',';
  scratch.clear();
  append_policy(scratch, c.policy);
  append_csv_field(out, scratch);
  out += '\n';
}

}  // namespace

std::vector<std::string_view> roster_csv_columns() {
  std::vector<std::string_view> names;
  names.reserve(kColumnCount);
  for (const auto& c : kColumns) names.push_back(c.name);
  return names;
}

std::vector<Case> read_roster_csv(std::string_view text, const std::string& file) {
  text = detail::strip_bom(text);
  CsvScanner scanner(text, file);
  std::vector<std::string_view> fields;
  fields.reserve(kColumnCount);

  // The header: the first record that is not blank.
  do {
    if (!scanner.next(fields))
      throw InputError(file, 1, "", "", "empty file: a CSV roster starts with a header row naming its columns");
  } while (all_empty(fields));
  const long header_line = scanner.line();
  if (!detail::is_valid_utf8(scanner.raw())) {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (!detail::is_valid_utf8(fields[i]))
        throw InputError(file, header_line, "column " + std::to_string(i + 1), detail::quote_for_message(fields[i]), "not valid UTF-8");
  }
  std::vector<Col> columns;  // by field position
  columns.reserve(fields.size());
  std::array<long, kColumnCount> seen_at{};  // 1-based position of each column in the header, 0 when absent
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view name = fields[i];
    std::size_t c = 0;
    while (c < kColumnCount && kColumns[c].name != name) ++c;
    const std::string where = "column " + std::to_string(i + 1);
    if (c == kColumnCount) {
      std::string expected;
      for (const auto& k : kColumns) expected += (expected.empty() ? "" : ", ") + std::string(k.name);
      throw InputError(file, header_line, where, detail::quote_for_message(name),
                       name.empty() ? "an empty column name in the header (expected one of: " + expected + ")"
                                    : "unknown column (expected one of: " + expected + ")");
    }
    if (seen_at[c] != 0)
      throw InputError(file, header_line, where, detail::quote_for_message(name),
                       "column named twice in the header (also column " + std::to_string(seen_at[c]) + ")");
    seen_at[c] = static_cast<long>(i + 1);
    columns.push_back(static_cast<Col>(c));
  }
  for (std::size_t c = 0; c < kColumnCount; ++c)
    if (kColumns[c].required && seen_at[c] == 0)
      throw InputError(file, header_line, std::string(kColumns[c].name), "", "missing required column in the header");
  std::vector<std::string_view> names;
  names.reserve(columns.size());
  for (Col c : columns) names.push_back(name_of(c));
  scanner.set_names(&names);

  std::vector<Case> cases;
  // At most one case per line and per kMinRowBytes: reserving up front spares the moves of a growing vector of
  // large objects, and the second bound keeps a file of blank lines from reserving much more than its size. A
  // national roster's room is on 2 MiB pages for the engine (reserve_roster).
  const std::size_t max_rows = std::min(detail::count_line_ends(text) + 1,
                                        text.size() / kMinRowBytes + 1);
  reserve_roster(cases, max_rows);
  std::vector<long> lines;  // of each row, for the message about a repeated id
  lines.reserve(max_rows);
  std::array<std::string_view, kColumnCount> cells{};
  while (scanner.next(fields)) {
    if (all_empty(fields)) continue;
    const long line = scanner.line();
    if (fields.size() != columns.size()) {
      if (fields.size() > columns.size())
        throw InputError(file, line, "column " + std::to_string(columns.size() + 1), detail::quote_for_message(fields[columns.size()]),
                         "a row with " + std::to_string(fields.size()) + " fields; the header has " +
                             std::to_string(columns.size()) + " columns");
      throw InputError(file, line, std::string(names[fields.size()]), "",
                       "a row with " + std::to_string(fields.size()) + " fields; the header has " +
                           std::to_string(columns.size()) + " columns (this one and those after it are missing)");
    }
    if (!detail::is_valid_utf8(scanner.raw())) {
      for (std::size_t i = 0; i < fields.size(); ++i)
        if (!detail::is_valid_utf8(fields[i]))
          throw InputError(file, line, std::string(names[i]), detail::quote_for_message(fields[i]), "not valid UTF-8");
    }
    for (std::size_t i = 0; i < fields.size(); ++i) cells[index_of(columns[i])] = fields[i];
    cases.push_back(RowReader(cells, file, line).read());
    lines.push_back(line);
  }
  // Checked once every row has been read, as in a JSON Lines roster: a bad row is named before a repeated id.
  detail::refuse_repeated_id(cases, lines, file, "id");
  return cases;
}

std::string write_roster_csv(const std::vector<Case>& cases) {
  detail::refuse_repeated_id(cases);  // a roster with a person twice could not be read back
  std::string out;
  append_header(out);
  std::string scratch;
  for (const Case& c : cases) {
    append_row(out, c, scratch);
    // Rows of one roster are alike: size the buffer from the first instead of doubling it many times.
    if (&c == &cases.front()) out.reserve(out.size() * cases.size() + out.size() * cases.size() / 8);
  }
  return out;
}

void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(s.data(), s.size());
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace binaan
