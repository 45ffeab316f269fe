#include <binaan/people/case.hpp>

#include "hints.hpp"

#include <type_traits>
#include <utility>

namespace binaan {

Case::Case(Person person, DetentionHistory detention, Sentence sentence, Facts facts,
           std::optional<Recorded> recorded, std::optional<Date> until)
    : person_(std::move(person)),
      detention_(std::move(detention)),
      sentence_(std::move(sentence)),
      facts_(std::move(facts)),
      recorded_(std::move(recorded)),
      until_(until) {
  validate_facts(facts_);
  if (recorded_) validate_recorded(*recorded_);
}

// The cases are moved into the new room after it is reserved: a move that cannot throw leaves no roster half-moved.
static_assert(std::is_nothrow_move_constructible_v<Case>);

void reserve_roster(std::vector<Case>& roster, std::size_t n) { detail::reserve_huge(roster, n); }

}  // namespace binaan
