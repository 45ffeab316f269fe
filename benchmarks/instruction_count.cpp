// The instructions a person of the national jobs of issue 6, counted by valgrind's callgrind: the same on every
// machine and at every moment, where the clock drifts by tens of percent on a shared virtual machine and the
// processor's counters may not be there at all. Never pass/fail; scripts/bench (stage `instructions`) runs it and
// puts the counts in benchmarks/RESULTS.md.
//
//   valgrind --tool=callgrind binaan_instruction_count PEOPLE RUNS
//
// For each job: one run untimed (the memory it writes becomes the process's, the engine's tables are made), then
// callgrind's counts zeroed, RUNS runs, and the counts dumped under the job's name (CALLGRIND_DUMP_STATS_AT); the
// script divides each dump's total by PEOPLE × RUNS. Without valgrind the program runs the jobs and counts nothing.
// The people are the synthetic national population (tools/synth, the benchmarks' seed); instructions a person hardly
// depend on how many (the mix of the population is the same), so a small population, quick under callgrind, speaks
// for a million.
#include "national_floor.hpp"
#include "national_population.hpp"

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/synth/population.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BINAAN_COUNTING 1
#else
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(name) static_cast<void>(name)
#define BINAAN_COUNTING 0
#endif

namespace {

using namespace binaan;

volatile std::int64_t sink;  // what a job makes, kept so that the compiler keeps the job

// Runs `job` once, then `runs` times between callgrind's zeroing and a dump named `name`.
template <typename Job>
void count(const char* name, int runs, Job job) {
  job();
  CALLGRIND_ZERO_STATS;
  for (int r = 0; r < runs; ++r) job();
  CALLGRIND_DUMP_STATS_AT(name);
}

long argument(const char* text, const char* what, long max) {
  char* end = nullptr;
  const long n = std::strtol(text, &end, 10);
  if (*text == '\0' || *end != '\0' || n < 1 || n > max) {
    std::fprintf(stderr, "binaan_instruction_count: %s must be a whole number from 1 to %ld, not \"%s\"\n", what, max,
                 text);
    std::exit(2);
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: valgrind --tool=callgrind binaan_instruction_count PEOPLE RUNS\n");
    return 2;
  }
  const auto people_count = static_cast<std::size_t>(argument(argv[1], "PEOPLE", 10'000'000));
  const int runs = static_cast<int>(argument(argv[2], "RUNS", 100));
  if (!BINAAN_COUNTING)
    std::fprintf(stderr, "binaan_instruction_count: built without valgrind/callgrind.h: the jobs run, nothing is counted\n");
  try {
    const std::vector<Case> people = synth::generate_population(people_count, bench::kNationalSeed, 1);
    const Engine engine;

    // The engine, on one thread, into the results of its last run (the what-if loop, the daily job).
    std::vector<Projection> projections;
    count("projection", runs, [&] {
      engine.project_all(people, projections, 1);
      sink = projections.back().remission_days;
    });
    const bench::floor::HolidayTable holidays;
    count("floor", runs, [&] { sink = bench::floor::checksum(people, holidays); });
    DayRun day_run;
    count("remission-run-17-august", runs, [&] {
      engine.run_grant_day(people, bench::august_17(), day_run, 1);
      sink = static_cast<std::int64_t>(day_run.outcomes.size());
    });

    // The readers, each into a new roster (as BM_ArchiveLoadBinary, BM_JsonlImport, BM_CsvImport).
    const std::string archive = facility_to_bytes(
        Facility("SYNTH-NATIONAL", "Synthetic national population", FacilityKind::Lapas, people), ArchiveFormat::Binary);
    count("archive-load-binary", runs, [&] {
      sink = static_cast<std::int64_t>(facility_from_bytes(archive, "national.binaan").size());
    });
    // The writer of JSON Lines (BM_JsonlExport), then its reader.
    count("jsonl-export", runs, [&] { sink = static_cast<std::int64_t>(write_roster_jsonl(people).size()); });
    const std::string jsonl = write_roster_jsonl(people);
    count("jsonl-import", runs, [&] {
      sink = static_cast<std::int64_t>(read_roster_jsonl(jsonl, "national.jsonl").size());
    });
    const std::string csv = write_roster_csv(people);
    count("csv-import", runs, [&] {
      sink = static_cast<std::int64_t>(read_roster_csv(csv, "national.csv").size());
    });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "binaan_instruction_count: %s\n", e.what());
    return 1;
  }
  return 0;
}
