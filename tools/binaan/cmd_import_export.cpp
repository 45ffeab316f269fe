// `binaan import ROSTER -o FACILITY` and `binaan export FACILITY -o FILE`: between the spreadsheets and rosters a
// records office has and the facility archive.
#include "cli.hpp"

#include <binaan/error.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>

#include <sys/stat.h>

#include <iostream>

namespace binaan::cli {

namespace {
constexpr const char* kImportHelp =
    "usage: binaan import ROSTER -o FACILITY [--id ID] [--name NAME] [--kind lapas|rutan] [--binary] [--force]\n"
    "\n"
    "Makes a facility archive from a roster: JSON Lines (.jsonl, one case of case-format.md a line) or CSV (.csv,\n"
    "one inmate a row, docs/roster-csv.md). All or nothing: the first bad line stops the import, naming the line,\n"
    "the column or key and the value, and no archive is written.\n"
    "\n"
    "  -o, --output FACILITY  the archive to write (atomically)\n"
    "  --id ID                the facility id (default: the roster's file name without its extension)\n"
    "  --name NAME            the facility name (default: the id)\n"
    "  --kind lapas|rutan     the kind of facility (default lapas)\n"
    "  --binary               a binary archive (a local cache, readable only on this kind of machine)\n"
    "  --force                replace an existing FACILITY (its programmes are not kept)\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

constexpr const char* kExportHelp =
    "usage: binaan export FACILITY|ROSTER -o FILE [--format jsonl|csv]\n"
    "\n"
    "Writes the people of a facility (or a roster, converting it) as a roster: JSON Lines or CSV, chosen by\n"
    "--format or else by the extension of FILE (.jsonl or .csv). Without -o the roster goes to standard output\n"
    "(JSON Lines unless --format says otherwise). The programmes of a facility are not part of a roster.\n"
    "\n"
    "  -o, --output FILE      the roster to write (atomically)\n"
    "  --format jsonl|csv     the roster format\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string output_of(const Args& args) {
  auto o = args.option("o");
  auto output = args.option("output");
  if (o && output) throw UsageError("give -o or --output, not both");
  if (!o) o = output;
  return o.value_or("");
}

// The file name without directory and extension.
std::string stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  auto dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

}  // namespace

int run_import(const std::vector<std::string>& argv) {
  Args args(argv, {"o", "output", "id", "name", "kind", "lang"}, {"binary", "force", "help"});
  if (args.flag("help")) {
    std::cout << kImportHelp;
    return kOk;
  }
  if (args.positional().size() != 1) throw UsageError("import takes exactly one ROSTER\n\n" + std::string(kImportHelp));
  const std::string out = output_of(args);
  if (out.empty()) throw UsageError("import needs -o FACILITY");
  FacilityKind kind = FacilityKind::Lapas;
  if (auto k = args.option("kind")) {
    if (*k == "lapas") kind = FacilityKind::Lapas;
    else if (*k == "rutan") kind = FacilityKind::Rutan;
    else throw UsageError("--kind takes lapas or rutan, not \"" + *k + "\"");
  }
  (void)language(args);
  const std::string& roster_file = args.positional()[0];
  if (is_facility_file(roster_file))
    throw InputError(roster_file, 0, "", "", "already a facility archive, not a roster (.jsonl or .csv) to import");
  std::vector<Case> people = read_roster_file(roster_file);
  struct stat st {};
  if (!args.flag("force") && ::stat(out.c_str(), &st) == 0)
    throw InputError(out, 0, "", "", "the file exists; --force replaces it");
  const std::string id = args.option("id").value_or(stem(roster_file));
  const std::string name = args.option("name").value_or(id);
  std::optional<Facility> facility;
  try {
    facility.emplace(id, name, kind, std::move(people));
  } catch (const ValueError& e) {
    throw InputError(roster_file, 0, e.field(), "\"" + e.value() + "\"", e.why());
  }
  save_facility(*facility, out, args.flag("binary") ? ArchiveFormat::Binary : ArchiveFormat::Text);
  std::cerr << "binaan: " << facility->size() << " people imported into " << out << '\n';
  return kOk;
}

int run_export(const std::vector<std::string>& argv) {
  Args args(argv, {"o", "output", "format", "lang"}, {"help"});
  if (args.flag("help")) {
    std::cout << kExportHelp;
    return kOk;
  }
  if (args.positional().size() != 1)
    throw UsageError("export takes exactly one FACILITY or ROSTER\n\n" + std::string(kExportHelp));
  const std::string out = output_of(args);
  std::string fallback = "jsonl";
  if (ends_with(out, ".csv")) fallback = "csv";
  else if (!out.empty() && !ends_with(out, ".jsonl") && !args.option("format"))
    throw UsageError("export writes .jsonl or .csv; give --format jsonl|csv for \"" + out + "\"");
  const std::string format = format_of(args, {"jsonl", "csv"}, fallback);
  (void)language(args);
  Population population = Population::load(args.positional()[0]);
  std::string text = format == "csv" ? write_roster_csv(population.people()) : write_roster_jsonl(population.people());
  emit(args, text);
  return kOk;
}

}  // namespace binaan::cli
