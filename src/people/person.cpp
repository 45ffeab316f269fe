#include <binaan/people/person.hpp>

#include <binaan/error.hpp>

#include <utility>

namespace binaan {

Person::Person(std::string id, Religion religion, std::string name, std::optional<Sex> sex,
               std::optional<Date> birth_date, std::optional<bool> child)
    : id_(std::move(id)), name_(std::move(name)), birth_date_(birth_date), religion_(religion), sex_(sex),
      child_(child) {
  if (id_.empty()) throw ValueError("person.id", id_, "a person needs an id");
  if (id_.size() > kMaxTextLength) throw ValueError("person.id", id_.substr(0, 40) + "…", "longer than 1000 characters");
  if (name_.size() > kMaxTextLength)
    throw ValueError("person.name", name_.substr(0, 40) + "…", "longer than 1000 characters");
}

std::optional<bool> Person::is_child_on(Date on) const {
  if (child_) return child_;
  if (birth_date_) return age_on(*birth_date_, on) < 18;
  return std::nullopt;
}

}  // namespace binaan
