#pragma once
// Shared by the national-scale benchmarks: the synthetic national population (tools/synth), generated once per size
// and kept, and the sizes to run.
//
// Sizes: each benchmark runs on BINAAN_BENCH_PEOPLE people (a comma-separated list; default 100000, modest enough
// for a quick run). scripts/bench sets it to 1000000, the size the performance targets are stated for.

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

namespace binaan::bench {

inline constexpr std::uint64_t kNationalSeed = 20260817;
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

}  // namespace binaan::bench
