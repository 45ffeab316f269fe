#include <binaan/rules/policy.hpp>

#include <binaan/error.hpp>

#include "io/detail_json.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <functional>

namespace binaan {

Policy default_policy() { return Policy{}; }

namespace {

// A policy file is a flat object; these bound what a hostile file can make the reader hold.
constexpr std::size_t kMaxPolicyDepth = 16;
constexpr std::size_t kMaxPolicyStringChars = 1000;
constexpr std::size_t kMaxPolicyIdChars = 100;

/// A refusal naming the file, the line of the value `n`, its key and the value.
[[noreturn]] void refuse(const detail::JsonDocument& doc, const std::string& file,
                                      const detail::JsonNode& n, const std::string& path, const std::string& why) {
  throw InputError(file, doc.line_of(n), path, detail::describe_json(doc, n), why);
}

std::size_t utf8_chars(std::string_view s) {
  std::size_t chars = 0;
  for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// One row per parameter: its public description plus how to read and write it. The single place that knows the
// names, so files, case overrides and `write_policy_json` cannot drift apart.
struct Parameter {
  ParameterInfo info;
  std::function<ParameterValue(const Policy&)> get;
  std::function<void(Policy&, const ParameterValue&, const std::string&)> set;
};

[[noreturn]] void bad(const std::string& path, const ParameterValue& v, const std::string& why) {
  std::string text;
  if (auto b = std::get_if<bool>(&v)) text = *b ? "true" : "false";
  else if (auto i = std::get_if<std::int64_t>(&v)) text = std::to_string(*i);
  else text = std::get<std::string>(v);
  throw ValueError(path, text, why);
}

bool as_bool(const ParameterValue& v, const std::string& path) {
  if (auto b = std::get_if<bool>(&v)) return *b;
  bad(path, v, "expected true or false");
}

int as_days(const ParameterValue& v, const std::string& path, int lo, int hi) {
  auto i = std::get_if<std::int64_t>(&v);
  if (!i) bad(path, v, "expected a whole number");
  if (*i < lo || *i > hi) bad(path, v, "expected a number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return static_cast<int>(*i);
}

const std::string& as_string(const ParameterValue& v, const std::string& path) {
  if (auto s = std::get_if<std::string>(&v)) return *s;
  bad(path, v, "expected a string");
}

Date as_date(const ParameterValue& v, const std::string& path) { return parse_date(as_string(v, path), path); }
Term as_term(const ParameterValue& v, const std::string& path) { return parse_term(as_string(v, path), path); }

template <typename E>
E as_enum(const ParameterValue& v, const std::string& path, const std::vector<std::pair<E, std::string_view>>& names) {
  const std::string& s = as_string(v, path);
  std::string expected;
  for (const auto& [e, n] : names) {
    if (n == s) return e;
    expected += (expected.empty() ? "" : ", ") + std::string(n);
  }
  bad(path, v, "expected one of " + expected);
}

template <typename E>
std::string enum_name(E e, const std::vector<std::pair<E, std::string_view>>& names) {
  for (const auto& [x, n] : names)
    if (x == e) return std::string(n);
  return "?";
}

const std::vector<std::pair<TermConvention, std::string_view>> kTermConventions{
    {TermConvention::CalendarYears30DayMonths, "calendar_years_30_day_months"},
    {TermConvention::Calendar, "calendar"},
    {TermConvention::Days360, "days_360"}};
const std::vector<std::pair<FractionConvention, std::string_view>> kFractionConventions{
    {FractionConvention::NormalisedTerm, "normalised_term"}, {FractionConvention::TermDays, "term_days"}};
const std::vector<std::pair<LadderIndex, std::string_view>> kLadderIndexes{{LadderIndex::Receipts, "receipts"},
                                                                           {LadderIndex::Anniversaries, "anniversaries"}};
const std::vector<std::pair<TambahanCombine, std::string_view>> kTambahanCombines{{TambahanCombine::Larger, "larger"},
                                                                                  {TambahanCombine::Sum, "sum"}};

#define BINAAN_ENUM_PARAM(field, names, cite, text)                                                     \
  Parameter {                                                                                           \
    {#field, "enum", cite, text}, [](const Policy& p) { return ParameterValue(enum_name(p.field, names)); }, \
        [](Policy& p, const ParameterValue& v, const std::string& path) { p.field = as_enum(v, path, names); } \
  }
#define BINAAN_BOOL_PARAM(field, cite, text)                                                            \
  Parameter {                                                                                           \
    {#field, "bool", cite, text}, [](const Policy& p) { return ParameterValue(p.field); },              \
        [](Policy& p, const ParameterValue& v, const std::string& path) { p.field = as_bool(v, path); } \
  }
#define BINAAN_INT_PARAM(field, lo, hi, cite, text)                                                           \
  Parameter {                                                                                                 \
    {#field, "int", cite, text}, [](const Policy& p) { return ParameterValue(std::int64_t{p.field}); },       \
        [](Policy& p, const ParameterValue& v, const std::string& path) { p.field = as_days(v, path, lo, hi); } \
  }
#define BINAAN_DATE_PARAM(field, cite, text)                                                              \
  Parameter {                                                                                             \
    {#field, "date", cite, text}, [](const Policy& p) { return ParameterValue(format_date(p.field)); },   \
        [](Policy& p, const ParameterValue& v, const std::string& path) { p.field = as_date(v, path); }   \
  }
#define BINAAN_TERM_PARAM(field, cite, text)                                                              \
  Parameter {                                                                                             \
    {#field, "term", cite, text}, [](const Policy& p) { return ParameterValue(to_string(p.field)); },     \
        [](Policy& p, const ParameterValue& v, const std::string& path) { p.field = as_term(v, path); }   \
  }

const std::vector<Parameter>& table() {
  static const std::vector<Parameter> kTable{
      BINAAN_ENUM_PARAM(term_convention, kTermConventions, "Keppres 174/1999 Art. 7(4)",
                        "how a term becomes an end date"),
      BINAAN_ENUM_PARAM(fraction_convention, kFractionConventions, "rules-indonesia.md §2 (MED)",
                        "how ⅓, ½, ⅔ and 1/12 of a sentence are taken"),
      BINAAN_ENUM_PARAM(ladder_index, kLadderIndexes, "rules-indonesia.md §3 (MED)", "how the ladder step N is counted"),
      BINAAN_ENUM_PARAM(tambahan_combine, kTambahanCombines, "Keppres 174/1999 Art. 3, 6 (LOW)",
                        "both remisi tambahan grounds: the larger or the sum"),
      BINAAN_INT_PARAM(min_served_days, 0, 3650, "PP 99/2012 Art. 34(2)(b)", "days that must be exceeded on the grant day"),
      BINAAN_INT_PARAM(min_served_days_child, 0, 3650, "Permenkumham 3/2018", "the same for children"),
      BINAAN_INT_PARAM(first_step_full_days, 0, 3650, "Keppres 174/1999 Art. 4, 5",
                       "served days from which the first RU/RK step is the full amount"),
      BINAAN_INT_PARAM(conduct_lookback_days, 0, 3650, "Keppres 174/1999 Art. 1",
                       "days before a grant day without a register F entry"),
      BINAAN_INT_PARAM(tambahan_window_days, 1, 3650, "Keppres 174/1999 Art. 3, 6", "window of services and pemuka"),
      BINAAN_INT_PARAM(dasawarsa_cap_days, 0, 3650, "Keppres 120/1955", "the most remisi dasawarsa gives"),
      BINAAN_INT_PARAM(dasawarsa_min_served_days, 0, 3650, "2015 practice (MED)", "minimum served for dasawarsa"),
      BINAAN_BOOL_PARAM(dasawarsa_conduct_lookback, "2025 practice (MED)", "whether dasawarsa needs good conduct"),
      BINAAN_INT_PARAM(child_age, 1, 30, "UU 22/2022; UU 11/2012", "a child is under this age on the day"),
      BINAAN_INT_PARAM(pmp_han_from_year, 1900, 2200, "UU 22/2022 (MED)", "first year of PMP HAN on 23 July"),
      BINAAN_BOOL_PARAM(project_kemanusiaan, "Permenkumham 3/2018 Art. 29 (LOW-MED)",
                        "project remisi kemanusiaan for the elderly"),
      BINAAN_INT_PARAM(kemanusiaan_min_age, 1, 150, "Permenkumham 3/2018 Art. 29", "age that must be exceeded"),
      BINAAN_BOOL_PARAM(assume_unrecorded_facts, "rules-indonesia.md §4",
                        "decide when an assessment is missing (listing the assumption) instead of needs review"),
      BINAAN_DATE_PARAM(pp28_from, "PP 28/2006 Art. 34(3)", "special crimes need ⅓ served"),
      BINAAN_DATE_PARAM(pp99_from, "PP 99/2012 Art. 34A", "the PP 99 cohort rule"),
      BINAAN_DATE_PARAM(predikat_from, "Permenkumham 3/2018", "conduct also proven by predikat baik"),
      BINAAN_DATE_PARAM(jc_ruling_from, "Supreme Court 28 P/HUM/2021", "the JC condition no longer binds"),
      BINAAN_DATE_PARAM(permenkumham_7_2022_from, "Permenkumham 7/2022 (start day MED)", "the ⅓ condition is gone"),
      BINAAN_DATE_PARAM(uu22_from, "UU 22/2022 Art. 10", "active participation and reduced risk"),
      BINAAN_TERM_PARAM(narcotics_pp99_min_term, "PP 99/2012 Art. 34A", "narcotics terms from which the PP 99 rule applies"),
      BINAAN_INT_PARAM(special_lookback_days, 0, 3650, "PP 99/2012; Permenkumham 7/2022",
                       "special crimes' conduct look-back for asimilasi and CB"),
      BINAAN_INT_PARAM(pb_lookback_days, 0, 3650, "Permenkumham 7/2022", "PB and CMB conduct look-back"),
      BINAAN_TERM_PARAM(pb_min_fraction, "KUHP Art. 15", "⅔ of the sentence must be at least this for PB and CMB"),
      BINAAN_TERM_PARAM(cb_max_sentence, "Permenkumham 3/2018", "longest sentence that allows CB"),
      BINAAN_INT_PARAM(cb_max_days, 0, 3650, "Permenkumham 3/2018", "longest CB"),
      BINAAN_INT_PARAM(cmb_max_days, 0, 3650, "Permenkumham 3/2018 Art. 102", "longest CMB"),
      BINAAN_TERM_PARAM(cmk_min_sentence, "Permenkumham 3/2018", "shortest sentence that allows CMK"),
      BINAAN_INT_PARAM(probation_years, 0, 10, "KUHP Art. 15(3)", "probation after the expiry of a parolee's term"),
  };
  return kTable;
}

#undef BINAAN_ENUM_PARAM
#undef BINAAN_BOOL_PARAM
#undef BINAAN_INT_PARAM
#undef BINAAN_DATE_PARAM
#undef BINAAN_TERM_PARAM

const Parameter& find(std::string_view name, const std::string& path) {
  for (const auto& p : table())
    if (p.info.name == name) return p;
  throw ValueError(path, std::string(name), "unknown policy parameter");
}

}  // namespace

const std::vector<ParameterInfo>& policy_parameters() {
  static const std::vector<ParameterInfo> kInfos = [] {
    std::vector<ParameterInfo> infos;
    for (const auto& p : table()) infos.push_back(p.info);
    return infos;
  }();
  return kInfos;
}

void set_parameter(Policy& policy, std::string_view name, const ParameterValue& value) {
  std::string path = "policy." + std::string(name);
  find(name, path).set(policy, value, path);
}

ParameterValue get_parameter(const Policy& policy, std::string_view name) {
  return find(name, "policy." + std::string(name)).get(policy);
}

Policy with_overrides(Policy base, const std::vector<PolicyOverride>& overrides) {
  for (const auto& o : overrides) set_parameter(base, o.name, o.value);
  return base;
}

Policy read_policy_json(std::string_view text, const std::string& file) {
  // The case files' reader: duplicate keys, depth, UTF-8 and the line of every refusal handled in one place.
  text = detail::strip_bom(text);
  detail::JsonDocument doc;
  doc.parse(text, {file, 0, kMaxPolicyDepth, kMaxPolicyStringChars});
  const detail::JsonNode& root = doc.root();
  if (root.kind != detail::JsonKind::Object) refuse(doc, file, root, "", "a policy file is a JSON object");
  Policy policy = default_policy();
  for (const detail::JsonNode& m : doc.children(root)) {
    const std::string key(m.key);
    const std::string path = detail::shorten_for_message(m.key, 100);
    if (key == "id" || key == "version") {
      if (m.kind != detail::JsonKind::String || m.text.empty() || utf8_chars(m.text) > kMaxPolicyIdChars)
        refuse(doc, file, m, path, "expected a non-empty string of at most 100 characters");
      (key == "id" ? policy.id : policy.version) = std::string(m.text);
      continue;
    }
    ParameterValue v;
    switch (m.kind) {
      case detail::JsonKind::Bool: v = m.boolean; break;
      case detail::JsonKind::String: v = std::string(m.text); break;
      case detail::JsonKind::Integer: {
        std::int64_t i = 0;
        const char* last = m.text.data() + m.text.size();
        const auto [end, ec] = std::from_chars(m.text.data(), last, i);
        if (ec != std::errc() || end != last)
          refuse(doc, file, m, path, "integer out of range (a policy integer must fit in 64 bits)");
        v = i;
        break;
      }
      default:  // null, arrays, objects, and numbers with a fraction or an exponent (1.5, 1e400)
        refuse(doc, file, m, path, "expected a string, a whole number or true/false");
    }
    try {
      set_parameter(policy, key, v);
    } catch (const ValueError& e) {
      refuse(doc, file, m, path, e.why());
    }
  }
  return policy;
}

std::string write_policy_json(const Policy& policy) {
  nlohmann::ordered_json out;
  out["id"] = policy.id;
  out["version"] = policy.version;
  for (const auto& p : table()) {
    ParameterValue v = p.get(policy);
    std::string name(p.info.name);
    if (auto b = std::get_if<bool>(&v)) out[name] = *b;
    else if (auto i = std::get_if<std::int64_t>(&v)) out[name] = *i;
    else out[name] = std::get<std::string>(v);
  }
  return out.dump(2) + "\n";
}

}  // namespace binaan
