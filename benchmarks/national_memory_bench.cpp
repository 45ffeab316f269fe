// Memory per person (issue 6: at most 256 bytes for the person, detention and sentence; histories extra), measured
// while a national population is generated into memory on this thread.
//
// Counters:
//  - bytes/person       heap in use after minus before (glibc mallinfo2: what malloc handed out, with its
//                       per-block overhead), divided by the people; includes the vector of cases itself
//  - core_bytes/person  the person, detention and sentence: their sizeof plus the heap blocks they own (the
//                       detention periods, ids and names too long for the short-string buffer), block overhead included
//  - case_sizeof        sizeof(Case): the fixed part of every person, facts and recorded grants included
//  - rss_bytes/person   resident set growth (/proc/self/statm); can undercount when freed memory is reused
#include "national_support.hpp"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>

namespace {

using namespace binaan;

std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

std::size_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long size = 0, resident = 0;
  const int read = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  return read == 2 ? resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

// A heap block's size as malloc accounts it: the usable size and the chunk header.
std::size_t block(const void* p) { return p ? malloc_usable_size(const_cast<void*>(p)) + sizeof(std::size_t) : 0; }

std::size_t string_heap(const std::string& s) {
  // libstdc++ keeps up to 15 characters inside the string object.
  return s.capacity() > 15 ? block(s.data()) : 0;
}

std::size_t core_bytes(const Case& c) {
  return sizeof(Person) + sizeof(DetentionHistory) + sizeof(Sentence) + string_heap(c.person().id()) +
         string_heap(c.person().name()) + block(c.detention().periods().data());
}

void BM_MemoryPerPerson(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  double per_person = 0, core = 0, rss = 0;
  for (auto _ : state) {
    malloc_trim(0);
    const std::size_t heap_before = heap_in_use();
    const std::size_t rss_before = resident_bytes();
    const std::vector<Case> people = synth::generate_population(n, bench::kNationalSeed, 1);
    const std::size_t heap_after = heap_in_use();
    const std::size_t rss_after = resident_bytes();
    std::size_t core_total = 0;
    for (const Case& c : people) core_total += core_bytes(c);
    per_person = static_cast<double>(heap_after - heap_before) / static_cast<double>(n);
    core = static_cast<double>(core_total) / static_cast<double>(n);
    rss = rss_after > rss_before ? static_cast<double>(rss_after - rss_before) / static_cast<double>(n) : 0.0;
  }
  state.counters["people"] = static_cast<double>(n);
  state.counters["bytes/person"] = per_person;
  state.counters["core_bytes/person"] = core;
  state.counters["case_sizeof"] = static_cast<double>(sizeof(Case));
  state.counters["rss_bytes/person"] = rss;
}
// One repetition whatever scripts/bench asks: the figures are counts of bytes, the same every time.
BENCHMARK(BM_MemoryPerPerson)->Apply(bench::per_size)->Iterations(1)->Repetitions(1)->Unit(benchmark::kMillisecond);

}  // namespace
