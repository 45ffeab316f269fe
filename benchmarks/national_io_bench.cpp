// Reading and writing a national population (issue 6): JSON Lines and CSV roster import, facility archives saved
// and loaded in text and binary, the results rendered as JSON. The input text is made once, before timing.
#include "national_support.hpp"

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>
#include <binaan/io/roster_csv.hpp>

#include <chrono>

namespace {

using namespace binaan;
using binaan::bench::count_bytes;
using binaan::bench::count_people;
using binaan::bench::national;

// At least this long per repetition, averaged over the iterations (scripts/bench runs several repetitions and
// reports the median and the best): one iteration of two seconds is at the mercy of one moment of a shared virtual
// machine.
constexpr double kMinSeconds = 1.5;

// A roster read or loaded is memory the process asks the system for afresh (488 bytes a person for the case objects
// alone). The first time a process touches memory on a virtual machine the host backs it too, and that is paid in the
// kernel on top of the clearing of the pages: on this project's machine (docs/speed.md, tenth round) the first load of
// 1,000,000 people from a binary archive took 1.27–1.32 s, 720–732 ms of it in the kernel, and each timed load after
// it 0.66–0.70 s, 42–43 ms in the kernel, for the same 231 faults of 2 MiB pages. At a second or more an iteration, a
// repetition is one iteration, so it measured that first touch: the machine's, not the reader's. So each of these runs
// its job once first, untimed, and reports it beside the timed runs: first_ms and first_kernel_ms (its wall time and
// its thread's time in the kernel), kernel_ms (the kernel's time in a timed run, the result's destruction included).
template <typename Job>
void untimed_first(benchmark::State& state, Job job) {
  const double kernel_before = bench::kernel_ms();
  const auto start = std::chrono::steady_clock::now();
  job();
  state.counters["first_ms"] =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (kernel_before >= 0) state.counters["first_kernel_ms"] = bench::kernel_ms() - kernel_before;
}

// The timed iterations of `job`, with the kernel's time an iteration (kernel_ms) and the processor's counters in
// user mode a person (cycles, instructions, mispredicted branches: the reader's own work, which a shared machine's
// moments do not change as they change its time).
template <typename Job>
void timed(benchmark::State& state, Job job) {
  const double kernel_before = bench::kernel_ms();
  const bench::CpuCounters counters;
  for (auto _ : state) job();
  counters.report(state, state.range(0));
  if (kernel_before >= 0 && state.iterations() > 0)
    state.counters["kernel_ms"] = (bench::kernel_ms() - kernel_before) / static_cast<double>(state.iterations());
}

void BM_JsonlImport(benchmark::State& state) {
  const std::string text = write_roster_jsonl(national(state.range(0)));
  auto job = [&] {
    std::vector<Case> people = read_roster_jsonl(text, "national.jsonl");
    benchmark::DoNotOptimize(people.data());
  };
  untimed_first(state, job);
  timed(state, job);
  count_people(state, state.range(0));
  count_bytes(state, text.size());
}
BENCHMARK(BM_JsonlImport)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);

// The timed iterations of `write`, which makes a text of the population's people (state.range(0) of them): people/s,
// MB/s and the processor's counters a person.
template <typename Write>
void text_written(benchmark::State& state, Write write) {
  std::size_t bytes = 0;
  const bench::CpuCounters counters;
  for (auto _ : state) {
    const std::string text = write();
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  counters.report(state, state.range(0));
  count_people(state, state.range(0));
  count_bytes(state, bytes);
}

void BM_JsonlExport(benchmark::State& state) {
  const auto& people = national(state.range(0));
  text_written(state, [&] { return write_roster_jsonl(people); });
}
BENCHMARK(BM_JsonlExport)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);

// The results as text (binaan project --format jsonl, remission-run --format json): every person's evaluation
// without decisions as a JSON line, and the 17 August run with every decision's reasons as one JSON document. The
// results are computed once, before timing; one thread.
void BM_ProjectionJsonLines(benchmark::State& state) {
  const auto& people = national(state.range(0));
  EvaluateOptions options;
  options.decisions = false;
  const std::vector<Evaluation> evs = bench::engine().evaluate_all(people, options, 0);
  RenderOptions render;
  render.decisions = false;
  render.indent = -1;
  std::string text;
  text.reserve(evs.size() * 1600);
  const bench::CpuCounters counters;
  for (auto _ : state) {
    text.clear();
    for (const Evaluation& ev : evs) {
      text += evaluation_to_json(ev, render);
      text += '\n';
    }
    benchmark::DoNotOptimize(text.data());
  }
  counters.report(state, state.range(0));
  count_people(state, state.range(0));
  count_bytes(state, text.size());
}
BENCHMARK(BM_ProjectionJsonLines)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);

void BM_RemissionRunJson(benchmark::State& state) {
  const auto& people = national(state.range(0));
  const DayRun run = bench::engine().run_grant_day(people, bench::august_17(), 0);
  RenderOptions render;
  render.indent = -1;
  text_written(state, [&] { return day_run_to_json(run, render); });
}
BENCHMARK(BM_RemissionRunJson)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);

void BM_CsvImport(benchmark::State& state) {
  const std::string text = write_roster_csv(national(state.range(0)));
  auto job = [&] {
    std::vector<Case> people = read_roster_csv(text, "national.csv");
    benchmark::DoNotOptimize(people.data());
  };
  untimed_first(state, job);
  timed(state, job);
  count_people(state, state.range(0));
  count_bytes(state, text.size());
}
BENCHMARK(BM_CsvImport)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);

Facility national_facility(std::int64_t n) {
  return Facility("SYNTH-NATIONAL", "Synthetic national population", FacilityKind::Lapas, national(n));
}

void archive_save(benchmark::State& state, ArchiveFormat format) {
  const Facility facility = national_facility(state.range(0));
  text_written(state, [&] { return facility_to_bytes(facility, format); });
}

void archive_load(benchmark::State& state, ArchiveFormat format) {
  const std::string archive = facility_to_bytes(national_facility(state.range(0)), format);
  auto job = [&] {
    const Facility facility = facility_from_bytes(archive, "national.binaan");
    benchmark::DoNotOptimize(facility.people().data());
  };
  untimed_first(state, job);
  timed(state, job);
  count_people(state, state.range(0));
  count_bytes(state, archive.size());
}

void BM_ArchiveSaveText(benchmark::State& state) { archive_save(state, ArchiveFormat::Text); }
void BM_ArchiveLoadText(benchmark::State& state) { archive_load(state, ArchiveFormat::Text); }
void BM_ArchiveSaveBinary(benchmark::State& state) { archive_save(state, ArchiveFormat::Binary); }
void BM_ArchiveLoadBinary(benchmark::State& state) { archive_load(state, ArchiveFormat::Binary); }
BENCHMARK(BM_ArchiveSaveText)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ArchiveLoadText)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ArchiveSaveBinary)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ArchiveLoadBinary)->Apply(bench::per_size)->UseRealTime()->MinTime(kMinSeconds)->Unit(benchmark::kMillisecond);

}  // namespace
