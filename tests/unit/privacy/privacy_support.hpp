#pragma once
// Shared by the privacy tests: the key paths of a JSON document, an RFC 4180 reader for the outputs, whitelist
// lookups, and every YYYY-MM-DD date a text holds.

#include <binaan/privacy/whitelist.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace binaan::test {

/// Every key of a JSON document as a path: "a", "a[].b", "a[].c[].d" (array elements as "[]").
inline void json_key_paths(const nlohmann::json& j, const std::string& prefix, std::set<std::string>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string path = prefix.empty() ? it.key() : prefix + "." + it.key();
      out.insert(path);
      json_key_paths(it.value(), path, out);
    }
  } else if (j.is_array()) {
    for (const auto& e : j) json_key_paths(e, prefix + "[]", out);
  }
}

inline std::set<std::string> json_key_paths(const std::string& text) {
  std::set<std::string> out;
  json_key_paths(nlohmann::json::parse(text), "", out);
  return out;
}

/// The JSON paths of a whitelist.
inline std::set<std::string> json_paths_of(const std::vector<ExportField>& fields) {
  std::set<std::string> out;
  for (const ExportField& f : fields)
    if (!f.json.empty()) out.insert(std::string(f.json));
  return out;
}

/// The CSV names of a whitelist.
inline std::set<std::string> csv_names_of(const std::vector<ExportField>& fields) {
  std::set<std::string> out;
  for (const ExportField& f : fields)
    if (!f.csv.empty()) out.insert(std::string(f.csv));
  return out;
}

/// Reads RFC 4180 CSV (quoted fields with doubled quotes, CR LF or LF record ends) into records of fields.
inline std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    record.push_back(field);
    records.push_back(record);
  }
  return records;
}

/// Every substring of the form DDDD-DD-DD.
inline std::set<std::string> dates_in(const std::string& text) {
  std::set<std::string> out;
  auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  for (std::size_t i = 0; i + 10 <= text.size(); ++i)
    if (digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && text[i + 4] == '-' && digit(i + 5) &&
        digit(i + 6) && text[i + 7] == '-' && digit(i + 8) && digit(i + 9))
      out.insert(text.substr(i, 10));
  return out;
}

inline bool is_lower_hex(const std::string& s) { return s.find_first_not_of("0123456789abcdef") == std::string::npos; }

}  // namespace binaan::test
