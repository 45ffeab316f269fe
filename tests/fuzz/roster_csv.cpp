// Fuzz target: a CSV roster (read_roster_csv). Bad input ends in an InputError; a roster that is read writes the
// same bytes after a round trip (roster_csv.hpp), and converts to JSON Lines and back without loss.

#include "fuzz_support.hpp"

#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>

#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace binaan;
  std::vector<Case> roster;
  try {
    roster = read_roster_csv(fuzz::as_text(data, size), "fuzz.csv");
  } catch (const InputError&) {
    return 0;
  }
  // Everything the reader accepts is writable: ids are unique, texts valid and short, policy names plain.
  const std::string csv = write_roster_csv(roster);
  const std::vector<Case> back = read_roster_csv(csv, "written.csv");
  fuzz::check(back.size() == roster.size(), "csv: write/read changed the number of rows");
  fuzz::check(write_roster_csv(back) == csv, "csv: write(read(write(r))) != write(r)");

  const std::string jsonl = write_roster_jsonl(roster);
  fuzz::check(write_roster_csv(read_roster_jsonl(jsonl, "converted.jsonl")) == csv,
              "csv: CSV -> JSON Lines -> CSV changed the cases");
  for (std::size_t i = 0; i < roster.size() && i < 4; ++i) fuzz::evaluate(roster[i]);
  return 0;
}
