#include <binaan/people/person.hpp>

#include <binaan/error.hpp>

#include <utility>

namespace binaan {

namespace {
// Characters (code points) of UTF-8 text: the 1,000-character limit of case-format.md counts characters, not bytes.
std::size_t characters(const std::string& text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++n;
  return n;
}
}  // namespace

Person::Person(std::string id, Religion religion, std::string name, std::optional<Sex> sex,
               std::optional<Date> birth_date, std::optional<bool> child)
    : id_(std::move(id)), name_(std::move(name)), birth_date_(birth_date), religion_(religion), sex_(sex),
      child_(child) {
  if (id_.empty()) throw ValueError("person.id", id_, "a person needs an id");
  // Characters are counted only when the bytes could be too many (a character is at least one byte).
  if (id_.size() > kMaxTextLength && characters(id_) > kMaxTextLength)
    throw ValueError("person.id", id_.substr(0, 40) + "…", "longer than 1000 characters");
  if (name_.size() > kMaxTextLength && characters(name_) > kMaxTextLength)
    throw ValueError("person.name", name_.substr(0, 40) + "…", "longer than 1000 characters");
}

std::optional<bool> Person::is_child_on(Date on) const {
  if (child_) return child_;
  if (birth_date_) return age_on(*birth_date_, on) < 18;
  return std::nullopt;
}

}  // namespace binaan
