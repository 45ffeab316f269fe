#pragma once
// What every national-scale job of issue 6 runs on, the Google Benchmark programs (national_support.hpp) and the
// instruction counts (instruction_count.cpp) alike: the synthetic national population's seed, and the grant day.

#include <binaan/time/date.hpp>

#include <cstdint>

namespace binaan::bench {

/// The seed of the synthetic national population (tools/synth).
inline constexpr std::uint64_t kNationalSeed = 20260817;

/// The grant day of the grant-day jobs: 17 August, when everyone has the RU candidate (Keppres 174/1999 Art. 4).
inline Date august_17() { return make_date(2026, 8, 17); }

}  // namespace binaan::bench
