// `binaan research-export FACILITY --key-file KEYFILE`: the pseudonymised export for researchers
// (include/binaan/privacy/research_export.hpp, docs/privacy.md).
#include "cli.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/privacy/research_export.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

namespace binaan::cli {

int run_research_export(const std::vector<std::string>& argv);

namespace {
constexpr const char* kHelp =
    "usage: binaan research-export FACILITY --key-file KEYFILE [-o FILE] [--format csv|json] [--tables]\n"
    "                              [--min-count K] [--include-children]\n"
    "\n"
    "The pseudonymised export of a facility for researchers: one row per person with a keyed pseudonym, the birth\n"
    "year, sex, the kind of facility and the person's programme participation (enrolments, completed, sessions,\n"
    "hours, certificates), and tables of participation by religion and by programme kind in which every count\n"
    "below K is suppressed. Only the fields of the whitelist in docs/privacy.md leave: no name, id, register\n"
    "number, birth date, offence, sentence, detention, conduct, remission or release date, premi or savings.\n"
    "The export is still personal data (UU 27/2022): give it only under an agreement.\n"
    "\n"
    "The pseudonym is the first 16 bytes, in hex, of HMAC-SHA-256(key, facility id + LF + person id): the same\n"
    "person has the same pseudonym in every export made with the same key, and no one without the key can link\n"
    "it to the person. Keep the key secret and keep it: a new key gives new pseudonyms.\n"
    "\n"
    "  --key-file KEYFILE     the secret key (required): the file's bytes, at least 16 and at most 4096, less one\n"
    "                         final line end; e.g. head -c 32 /dev/urandom > KEYFILE; chmod 600 KEYFILE.\n"
    "                         There is no default key; the key is never written anywhere.\n"
    "  -o, --output FILE      write to FILE (atomically) instead of standard output\n"
    "  --format csv|json      csv: the rows (or with --tables the tables, one count a record); json: rows and\n"
    "                         tables in one document. Default: json when FILE ends in .json, else csv\n"
    "  --tables               with csv, write the tables instead of the rows\n"
    "  --min-count K          suppress counts below K, and counts with fewer than K others in their group\n"
    "                         (default 5; 2 to 1000000)\n"
    "  --include-children     also people detained as children (left out by default: children's data)\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int min_count_of(const Args& args) {
  const auto text = args.option("min-count");
  if (!text) return kDefaultMinCount;
  const bool digits = !text->empty() && text->size() <= 7 &&
                      std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
  const int k = digits ? std::stoi(*text) : 0;
  if (!digits || k < kLowestMinCount || k > kHighestMinCount)
    throw UsageError("--min-count takes a whole number from " + std::to_string(kLowestMinCount) + " to " +
                     std::to_string(kHighestMinCount) + ", not \"" + *text + "\"");
  return k;
}

// Whether two paths name the same existing file.
bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

// The key from its file. Errors name the file and the key's length, never its bytes.
PseudonymKey read_key(const std::string& path) {
  std::string text = read_file_text(path, PseudonymKey::kMaxBytes + 2);  // + a final CR LF
  try {
    PseudonymKey key = PseudonymKey::from_key_file(text);
    std::fill(text.begin(), text.end(), '\0');  // best effort: no copy of the key left in memory
    return key;
  } catch (const ValueError& e) {
    std::fill(text.begin(), text.end(), '\0');
    throw InputError(path, 0, "", e.value(), e.why());
  }
}

}  // namespace

int run_research_export(const std::vector<std::string>& argv) {
  Args args(argv, {"key-file", "o", "output", "format", "min-count", "lang"}, {"tables", "include-children", "help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 1)
    throw UsageError("research-export takes exactly one FACILITY\n\n" + std::string(kHelp));
  const auto key_file = args.option("key-file");
  if (!key_file) throw UsageError("research-export needs --key-file KEYFILE: there is no default key");
  auto out = args.option("o");
  if (!out) out = args.option("output");
  const std::string format = format_of(args, {"csv", "json"}, out && ends_with(*out, ".json") ? "json" : "csv");
  if (args.flag("tables") && format != "csv")
    throw UsageError("--tables is for --format csv (the JSON holds the tables)");
  ResearchExportOptions options;
  options.min_count = min_count_of(args);
  options.include_children = args.flag("include-children");
  (void)language(args);  // accepted like every command; the export has no words to translate
  const std::string& facility_file = args.positional()[0];
  if (out && (same_file(*out, *key_file) || same_file(*out, facility_file)))
    throw InputError(*out, 0, "", "", "is the key file or the facility: the export would overwrite it");

  const PseudonymKey key = read_key(*key_file);
  Population population = Population::load(facility_file);
  const Facility& facility = population.require_facility("research-export");
  const ResearchExport research = research_export(facility, key, options);
  const std::string text =
      format == "json" ? to_json(research) : args.flag("tables") ? tables_to_csv(research) : to_csv(research);
  emit(args, text);
  if (out)
    std::cerr << "binaan: research export of " << research.rows.size() << " people (k = " << options.min_count
              << ") written to " << *out << '\n';
  return kOk;
}

}  // namespace binaan::cli
