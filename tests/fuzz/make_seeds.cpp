// Writes the seeds of tests/fuzz/corpus/ that the library itself must produce (files named gen-*): policy files,
// CSV rosters converted from the JSON Lines seeds, and facility archives, whole and as bare payloads, of small
// facilities (tests/unit/facility/facility_fixture.hpp). The hand-made seeds are committed as they are.
// Run: binaan_fuzz_seeds tests/fuzz/corpus   (rewrites the gen-* files; the output is the same on every run)

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>
#include <binaan/error.hpp>
#include <binaan/rules/policy.hpp>

#include "facility_fixture.hpp"
#include "io/detail_archive.hpp"

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace binaan;

void write(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
  std::printf("%6zu %s\n", bytes.size(), path.string().c_str());
}

void policies(const fs::path& dir) {
  write(dir / "gen-default.json", write_policy_json(default_policy()));
  Policy p = default_policy();
  p.id = "kanwil-kaltim";
  p.version = "2026.2";
  set_parameter(p, "ladder_index", std::string("anniversaries"));
  set_parameter(p, "tambahan_combine", std::string("sum"));
  set_parameter(p, "term_convention", std::string("days_360"));
  set_parameter(p, "fraction_convention", std::string("term_days"));
  set_parameter(p, "assume_unrecorded_facts", false);
  set_parameter(p, "project_kemanusiaan", true);
  set_parameter(p, "dasawarsa_conduct_lookback", false);
  write(dir / "gen-every-alternative.json", write_policy_json(p));
  // Every number at the bottom, then at the top of its range (policy.cpp), the terms shortest and longest.
  for (const bool top : {false, true}) {
    Policy q = default_policy();
    q.id = top ? "top" : "bottom";
    for (const ParameterInfo& info : policy_parameters()) {
      if (info.type == "int") {
        for (std::int64_t v = top ? 10000 : -1; ; v += top ? -1 : 1) {
          try {
            set_parameter(q, info.name, v);
            break;
          } catch (const ValueError&) {
          }
        }
      } else if (info.type == "term") {
        set_parameter(q, info.name, std::string(top ? "999y99m999d" : "1d"));
      } else if (info.type == "date") {
        set_parameter(q, info.name, std::string(top ? "2200-12-31" : "1900-01-01"));
      }
    }
    write(dir / (top ? "gen-top-of-every-range.json" : "gen-bottom-of-every-range.json"), write_policy_json(q));
  }
}

// Each JSON Lines seed as a CSV roster; a CSV roster holds each person once, so later cases of a person are left out.
void csv_rosters(const fs::path& jsonl_dir, const fs::path& dir) {
  for (const fs::directory_entry& e : fs::directory_iterator(jsonl_dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("golden-", 0) != 0 && name.rfind("grant-day-", 0) != 0) continue;
    std::vector<Case> unique;
    std::set<std::string> seen;
    for (Case& c : read_roster_jsonl(read_file_text(e.path().string()), name))
      if (seen.insert(c.person().id()).second) unique.push_back(std::move(c));
    write(dir / ("gen-" + e.path().stem().string() + ".csv"), write_roster_csv(unique));
  }
}

// A facility as an archive of each kind: whole (it fuzzes the envelope) and as the bare payload (the targets wrap it).
void archives(const fs::path& text_dir, const fs::path& binary_dir, const std::string& name, const Facility& f) {
  for (ArchiveFormat kind : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const fs::path& dir = kind == ArchiveFormat::Text ? text_dir : binary_dir;
    const std::string bytes = facility_to_bytes(f, kind);
    const std::size_t header = detail::parse_envelope_header(bytes, name).header_size;
    write(dir / ("gen-" + name + ".binaan"), bytes);
    write(dir / ("gen-" + name + ".payload"), std::string_view(bytes).substr(header));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR   (tests/fuzz/corpus)\n", argv[0]);
    return 2;
  }
  try {
    const fs::path corpus = argv[1];
    policies(corpus / "policy");
    csv_rosters(corpus / "roster_jsonl", corpus / "roster_csv");
    const fs::path text = corpus / "archive_text", binary = corpus / "archive_binary";
    archives(text, binary, "empty", Facility("F-EMPTY", "Kosong", FacilityKind::Rutan));
    archives(text, binary, "fixed", test::fixed_facility());
    archives(text, binary, "random-1-people-2", test::random_facility(1, 2, 4));
    archives(text, binary, "random-2-people-4", test::random_facility(2, 4, 10));
    archives(text, binary, "random-3-people-3-no-programmes", test::random_facility(3, 3, 0));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "binaan_fuzz_seeds: %s\n", e.what());
    return 1;
  }
  return 0;
}
