#pragma once
// Shared by the national-scale benchmarks: the synthetic national population (tools/synth), generated once per size
// and kept, and the sizes to run.
//
// Sizes: each benchmark runs on BINAAN_BENCH_PEOPLE people (a comma-separated list; default 100000, modest enough
// for a quick run). scripts/bench sets it to 1000000, the size the performance targets are stated for.

#include "national_population.hpp"

#include <binaan/people/case.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/synth/population.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#if defined(__linux__)
#include <linux/perf_event.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>
#endif

namespace binaan::bench {

inline constexpr std::int64_t kDefaultPeople = 100'000;

/// The sizes to run, from BINAAN_BENCH_PEOPLE.
inline std::vector<std::int64_t> people_sizes() {
  std::vector<std::int64_t> sizes;
  if (const char* env = std::getenv("BINAAN_BENCH_PEOPLE")) {
    std::string text(env);
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t comma = text.find(',', pos);
      if (comma == std::string::npos) comma = text.size();
      const long long n = std::atoll(text.substr(pos, comma - pos).c_str());
      if (n > 0) sizes.push_back(n);
      pos = comma + 1;
    }
  }
  if (sizes.empty()) sizes.push_back(kDefaultPeople);
  return sizes;
}

/// The largest of people_sizes().
inline std::int64_t largest_size() {
  const std::vector<std::int64_t> sizes = people_sizes();
  return *std::max_element(sizes.begin(), sizes.end());
}

/// The size of the linear-growth run (issue 6: per-person time at 10,000,000 people within 1.3x of that at 10,000):
/// BINAAN_BENCH_SCALE_PEOPLE, 0 (no such run) unless set. Only the projection runs at this size.
inline std::int64_t scale_size() {
  const char* env = std::getenv("BINAAN_BENCH_SCALE_PEOPLE");
  return env ? std::max<long long>(0, std::atoll(env)) : 0;
}

/// Benchmark::Apply: one run per size.
inline void per_size(benchmark::internal::Benchmark* b) {
  b->ArgName("people");
  for (std::int64_t n : people_sizes()) b->Arg(n);
}

/// The national population of `n` people (seed kNationalSeed), generated on every core the first time. One size is
/// kept at a time beyond a million people, to bound memory.
inline const std::vector<Case>& national(std::int64_t n) {
  static std::map<std::int64_t, std::unique_ptr<const std::vector<Case>>> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return *it->second;
  if (n >= 1'000'000)
    for (auto i = cache.begin(); i != cache.end();) i = i->first >= 1'000'000 ? cache.erase(i) : std::next(i);
  auto people = std::make_unique<const std::vector<Case>>(
      synth::generate_population(static_cast<std::size_t>(n), kNationalSeed, 0));
  return *cache.emplace(n, std::move(people)).first->second;
}

/// The same people in a roster reserved the plain way (`std::vector::reserve`, not `reserve_roster`), as a program
/// that fills its own roster without asking for huge pages has it: its 488-byte case objects on 4 KiB pages. A copy
/// of national(n), made the first time and kept (one size). The copy allocates each case's lists afresh, in roster
/// order, so if anything they lie closer together than the generated ones: the comparison with national(n) shows
/// what the pages of the case objects cost, no more.
inline const std::vector<Case>& national_on_small_pages(std::int64_t n) {
  static std::int64_t size = -1;
  static std::unique_ptr<const std::vector<Case>> kept;
  if (size != n) {
    kept.reset();
    const std::vector<Case>& people = national(n);
    auto copy = std::make_unique<std::vector<Case>>();
    copy->reserve(people.size());
    copy->insert(copy->end(), people.begin(), people.end());
    kept = std::move(copy);
    size = n;
  }
  return *kept;
}

inline const Engine& engine() {
  static const Engine e;
  return e;
}

/// Counters every national benchmark reports: people per second, and MB per second when bytes are involved.
inline void count_people(benchmark::State& state, std::int64_t people) {
  state.SetItemsProcessed(state.iterations() * people);
  state.counters["people"] = static_cast<double>(people);
  state.counters["people/s"] =
      benchmark::Counter(static_cast<double>(people), benchmark::Counter::kIsIterationInvariantRate);
}

inline void count_bytes(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["MB/s"] =
      benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsIterationInvariantRate);
}

/// The calling thread's CPU time in the kernel so far, in milliseconds (Linux: getrusage of the thread); -1 where
/// it cannot be had.
inline double kernel_ms() {
#if defined(__linux__)
  rusage usage{};
  if (getrusage(RUSAGE_THREAD, &usage) == 0)
    return static_cast<double>(usage.ru_stime.tv_sec) * 1e3 + static_cast<double>(usage.ru_stime.tv_usec) / 1e3;
#endif
  return -1;
}

/// The processor's cycles, instructions and mispredicted branches in user mode from the making of this object: the
/// calling thread's and those of the threads it starts afterwards (Linux perf_event_open). Cycles leave out the
/// moments the machine gives the core to someone else or slows its clock, but not the waits another tenant causes:
/// on this project's shared machines the ratio of two benchmarks' cycles moved as much as the ratio of their times.
/// Instructions do not move, and mispredicted branches (some 15 cycles of thrown-away work each) show what
/// instructions alone do not: a person's facts steer the engine down paths that differ from one person to the next.
/// Where the counters cannot be had (no processor counters in a virtual machine, perf_event_paranoid above 2,
/// another system) nothing is reported.
class CpuCounters {
public:
  CpuCounters() {
#if defined(__linux__)
    const std::uint64_t configs[kCounters] = {PERF_COUNT_HW_CPU_CYCLES, PERF_COUNT_HW_INSTRUCTIONS,
                                              PERF_COUNT_HW_BRANCH_MISSES};
    for (int i = 0; i < kCounters; ++i) {
      perf_event_attr attr;
      std::memset(&attr, 0, sizeof attr);
      attr.type = PERF_TYPE_HARDWARE;
      attr.size = sizeof attr;
      attr.config = configs[i];
      attr.exclude_kernel = 1;
      attr.exclude_hv = 1;
      attr.inherit = 1;  // the threads started from now on (a run on two threads)
      fd_[i] = static_cast<int>(syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
      start_[i] = read(i);
    }
#endif
  }
  ~CpuCounters() {
#if defined(__linux__)
    for (int fd : fd_)
      if (fd >= 0) close(fd);
#endif
  }
  CpuCounters(const CpuCounters&) = delete;
  CpuCounters& operator=(const CpuCounters&) = delete;

  /// Adds "cycles/person", "instructions/person" and "branch_misses/person" over the benchmark's iterations so far,
  /// each when its counter works.
  void report(benchmark::State& state, std::int64_t people) const {
    const double per = static_cast<double>(state.iterations()) * static_cast<double>(people);
    if (per <= 0) return;
    const char* names[kCounters] = {"cycles/person", "instructions/person", "branch_misses/person"};
    for (int i = 0; i < kCounters; ++i) {
      const std::int64_t now = read(i);
      if (now >= 0 && start_[i] >= 0 && now > start_[i])
        state.counters[names[i]] = static_cast<double>(now - start_[i]) / per;
    }
  }

private:
  // The counter's value, or -1 when it cannot be read.
  std::int64_t read(int i) const {
#if defined(__linux__)
    std::uint64_t value = 0;
    if (fd_[i] >= 0 && ::read(fd_[i], &value, sizeof value) == static_cast<ssize_t>(sizeof value))
      return static_cast<std::int64_t>(value);
#else
    (void)i;
#endif
    return -1;
  }
  static constexpr int kCounters = 3;
  int fd_[kCounters] = {-1, -1, -1};
  std::int64_t start_[kCounters] = {-1, -1, -1};
};

}  // namespace binaan::bench
