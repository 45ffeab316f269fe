#pragma once
/// \file
/// Synthetic populations of sentenced people: a national population of any size (1,000 to 10,000,000) for the
/// benchmarks, and the people of the demo prison. Deterministic: person i of a seed is always the same case, with
/// every compiler and standard library (see random.hpp), so the same seed gives the same bytes of JSON Lines.
///
/// Every share below is an assumption made to look like Indonesia's prison population (figures of the order of
/// those the Directorate General of Corrections publishes), not a statistic: the numbers are written in
/// population.cpp beside each table, in parts per 100,000 or per million.

#include <binaan/people/case.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace binaan::synth {

/// The mix a population is drawn from. Shares are parts per million unless a table says otherwise.
struct PopulationMix {
  std::string id_prefix;  ///< person ids are the prefix and the 1-based number, zero-padded to id_digits
  int id_digits = 8;
  /// The day of the snapshot: a person's detention starts so that the sentence is usually still being served on
  /// this day (a population in prison, not an archive of everyone ever sentenced), and the verdict is final by then.
  Date as_of;
  /// `recorded.until` of those whose past grants come from the national database (`recorded` share).
  Date recorded_until;
  std::vector<std::pair<Offence, std::uint32_t>> offences;   ///< weights
  std::vector<std::pair<Religion, std::uint32_t>> religions;  ///< weights
  std::uint32_t female = 0;
  std::uint32_t children = 0;        ///< under 18 when detained (an LPKA population inside the total)
  std::uint32_t arrivals = 0;        ///< detained around `as_of`, verdict final up to 8 months later
  std::uint32_t earlier_period = 0;  ///< a detention period before the current one (released, detained again)
  std::uint32_t discipline = 0;      ///< one to three register F entries
  std::uint32_t escapes = 0;
  std::uint32_t services = 0;        ///< blood donation and the like (remisi tambahan ½)
  std::uint32_t pemuka = 0;
  std::uint32_t assessed = 0;        ///< yearly SPPN and risk assessments since UU 22/2022
  std::uint32_t recorded = 0;        ///< grants up to recorded_until taken from the national database
  std::uint32_t birth_date_known = 1'000'000;
  bool names = false;                ///< fictional names (the national population has ids only)

  /// The national mix: offences narcotics ~50 %, general ~45 %, corruption ~2 %, terrorism and other special
  /// crimes ~3 %; Indonesia's religions (islam ~87 %, protestant ~7 %, catholic ~3 %, hindu ~1.7 %, buddhist
  /// ~0.7 %, confucian ~0.05 %, other the rest); snapshot 2026-06-30; ids NAT-00000001…
  static PopulationMix national();
  /// The people of the demo prison, a narcotics Lapas in Samarinda: narcotics ~86 %, general ~12 %, corruption
  /// ~2 %; men only; the religions of East Kalimantan (islam ~86 %, protestant and catholic ~10.5 %, small hindu,
  /// buddhist, confucian); snapshot 2026-01-01 with arrivals during the year; names; ids WBP-SMD-0001…
  static PopulationMix samarinda();
};

/// Draws people of a mix. Holds an engine (the default Indonesian policy) to turn the past of those with recorded
/// grants into the grants the national database would hold. Safe to share between threads.
class PopulationGenerator {
public:
  PopulationGenerator(PopulationMix mix, std::uint64_t seed);

  /// Person `index` (0-based; the id carries index + 1). Depends only on the mix, the seed and the index; another
  /// `attempt` draws another person under the same id (for a caller that needs the person to meet a condition).
  Case person(std::size_t index, std::uint32_t attempt = 0) const;
  /// The id of person `index`.
  std::string person_id(std::size_t index) const;

  const PopulationMix& mix() const noexcept { return mix_; }
  std::uint64_t seed() const noexcept { return seed_; }
  const Engine& engine() const noexcept { return engine_; }

private:
  PopulationMix mix_;
  std::uint64_t seed_;
  Engine engine_;
};

/// `n` people of the national mix, on `threads` threads (the result does not depend on the thread count).
std::vector<Case> generate_population(std::size_t n, std::uint64_t seed, unsigned threads = 1);

/// The same people one at a time, in order, without holding them: for 10,000,000 people written to a file.
void for_each_person(std::size_t n, std::uint64_t seed, const std::function<void(const Case&)>& visit);

/// Writes `n` people of the national mix as JSON Lines (the bytes of write_roster_jsonl of the same people) and
/// returns the number of bytes written. The caller checks the stream.
std::uint64_t write_population_jsonl(std::ostream& out, std::size_t n, std::uint64_t seed);

}  // namespace binaan::synth
