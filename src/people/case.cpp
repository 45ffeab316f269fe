#include <binaan/people/case.hpp>

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

}  // namespace binaan
