// Fuzz target: a JSON Lines roster (read_roster_jsonl). Bad input ends in an InputError; a roster that is read
// writes and reads back to the same text, converts to a CSV roster and back without loss, and runs a grant day.

#include "fuzz_support.hpp"

#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>
#include <binaan/time/date.hpp>

#include <optional>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace binaan;
  std::vector<Case> roster;
  try {
    roster = read_roster_jsonl(fuzz::as_text(data, size), "fuzz.jsonl");
  } catch (const InputError&) {
    return 0;
  }
  const std::string written = write_roster_jsonl(roster);
  const std::vector<Case> back = read_roster_jsonl(written, "written.jsonl");
  fuzz::check(back.size() == roster.size(), "roster: write/read changed the number of cases");
  fuzz::check(write_roster_jsonl(back) == written, "roster: write(read(write(r))) != write(r)");

  // The CSV roster holds the same model. Its writer refuses what a CSV roster cannot hold (a person id used twice,
  // a policy name with `=`, `;`, `"` or `\`); whatever it writes reads back to the same cases.
  std::optional<std::string> csv;
  try {
    csv = write_roster_csv(roster);
  } catch (const ValueError&) {
  }
  if (csv) {
    fuzz::check(write_roster_jsonl(read_roster_csv(*csv, "converted.csv")) == written,
                "roster: JSON Lines -> CSV -> JSON Lines changed the cases");
  }

  try {  // a ValueError as for Engine::evaluate (fuzz_support.hpp)
    const DayRun run = fuzz::engine().run_grant_day(roster, make_date(2019, 8, 17));
    fuzz::check(run.outcomes.size() <= roster.size(), "grant day: more outcomes than people");
    fuzz::check(!day_run_to_json(run).empty(), "day_run_to_json gave nothing");
  } catch (const ValueError&) {
  }
  return 0;
}
