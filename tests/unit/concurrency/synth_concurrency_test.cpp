// The synthetic population generator (tools/synth) shares one generator, and its engine, between its threads: the
// people do not depend on the thread count.
#include <binaan/io/case_json.hpp>
#include <binaan/synth/population.hpp>

#include "concurrency_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace binaan;
using namespace binaan::concurrency;

// 10,000 people: fewer are generated on the calling thread alone, whatever the thread count.
TEST(SynthConcurrency, PopulationIsTheSameOnAnyThreadCount) {
  const std::string serial = write_roster_jsonl(synth::generate_population(10'000, 11, 1));
  EXPECT_EQ(std::count(serial.begin(), serial.end(), '\n'), 10'000);
  for (unsigned threads : {2u, 4u, 8u})
    EXPECT_EQ(write_roster_jsonl(synth::generate_population(10'000, 11, threads)), serial) << "threads " << threads;
}

TEST(SynthConcurrency, OneGeneratorSharedByEightThreads) {
  const synth::PopulationGenerator reference(synth::PopulationMix::national(), 5);
  std::vector<std::string> serial;
  for (std::size_t i = 0; i < 100; ++i) serial.push_back(write_case_json(reference.person(i), -1));

  const synth::PopulationGenerator shared(synth::PopulationMix::national(), 5);
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) {
    for (std::size_t i = 0; i < 100; ++i) got[t].push_back(write_case_json(shared.person(i), -1));
  });
  expect_all_equal(serial, got, "shared generator");
}
