#pragma once
/// \file
/// One person's whole record as the rules read it: the input object of case-format.md.

#include <binaan/export.hpp>
#include <binaan/people/detention.hpp>
#include <binaan/people/facts.hpp>
#include <binaan/people/person.hpp>
#include <binaan/people/sentence.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace binaan {

/// The value of one policy parameter override, as written in a case file (`"policy": {"ladder_index": "receipts"}`).
using ParameterValue = std::variant<bool, std::int64_t, std::string>;

/// A named override of one policy parameter; the rules check the name and value when the policy is applied.
struct PolicyOverride {
  std::string name;
  ParameterValue value;
  /// The line of the file it was read from (a case file's value, a roster's row); 0 when not read from a file. For
  /// the message when the rules refuse it, since that happens later, when the case is evaluated; not archived.
  long line = 0;
};

/// One person's case. Construction validates the facts and the recorded grants; the parts are validated by their
/// own constructors.
class BINAAN_EXPORT Case {
public:
  Case(Person person, DetentionHistory detention, Sentence sentence, Facts facts = {},
       std::optional<Recorded> recorded = std::nullopt, std::optional<Date> until = std::nullopt);

  const Person& person() const noexcept { return person_; }
  const DetentionHistory& detention() const noexcept { return detention_; }
  const Sentence& sentence() const noexcept { return sentence_; }
  const Facts& facts() const noexcept { return facts_; }
  const std::optional<Recorded>& recorded() const noexcept { return recorded_; }
  /// Compute no grant after this day.
  std::optional<Date> until() const noexcept { return until_; }

  // Case-file metadata: all optional.
  std::string id;      ///< the case id; empty in most roster lines
  std::string title;   ///< free text
  std::string source;  ///< free text
  std::vector<PolicyOverride> policy;  ///< overrides of named policy parameters, in file order
  /// The `expect` object of a golden test case, as compact JSON text; empty when absent.
  std::string expect_json;

private:
  Person person_;
  DetentionHistory detention_;
  Sentence sentence_;
  Facts facts_;
  std::optional<Recorded> recorded_;
  std::optional<Date> until_;
};

/// Reserves room for `n` cases in `roster`, keeping the cases it holds in their order, and asks the system to back a
/// national roster's room with 2 MiB pages before anything is written to it (Linux, transparent huge pages in
/// "madvise" or "always" mode; elsewhere, or for a roster under 4 MiB, a plain reserve). Nothing is done when the
/// capacity is enough already.
///
/// The engine reads every case object of a roster once per run. On 4 KiB pages a million cases (488 MB) span
/// 120,000 pages, and each page the processor's address cache misses costs a walk of the page tables in memory: on
/// the reference machine (docs/speed.md) a 17 August run over 1,000,000 people took 257–315 ms with its cases on
/// 2 MiB pages and 246–1,084 ms on 4 KiB pages. The library's own roster readers (JSON Lines, CSV, facility
/// archives), a growing Facility and the synthetic population reserve this way; a program that fills its own roster
/// should too.
/// Throws std::length_error when `n` exceeds the vector's max_size, and std::bad_alloc as reserve() does.
BINAAN_EXPORT void reserve_roster(std::vector<Case>& roster, std::size_t n);

}  // namespace binaan
