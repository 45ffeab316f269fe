#pragma once
/// \file
/// An inmate (WBP): identity and the facts about the person that the rules read.

#include <binaan/export.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/time/date.hpp>

#include <optional>
#include <string>

namespace binaan {

/// Longest text binaan accepts in any field (case-format.md).
inline constexpr std::size_t kMaxTextLength = 1000;

/// One person. Construction validates; a Person is never half-built.
class BINAAN_EXPORT Person {
public:
  /// Throws ValueError for an empty id or an id, name over 1,000 characters.
  Person(std::string id, Religion religion, std::string name = {}, std::optional<Sex> sex = std::nullopt,
         std::optional<Date> birth_date = std::nullopt, std::optional<bool> child = std::nullopt);

  const std::string& id() const noexcept { return id_; }
  const std::string& name() const noexcept { return name_; }
  /// The religion first recorded in the register; a later conversion does not change it (§3).
  Religion religion() const noexcept { return religion_; }
  std::optional<Sex> sex() const noexcept { return sex_; }
  std::optional<Date> birth_date() const noexcept { return birth_date_; }
  /// The explicit `child` flag of the record, if any; it overrides the birth date.
  std::optional<bool> child_flag() const noexcept { return child_; }

  /// Whether the person is a child (under 18) on day `on`: the explicit flag if recorded, else from the birth
  /// date; nullopt when neither is known.
  std::optional<bool> is_child_on(Date on) const;

private:
  std::string id_;
  std::string name_;
  std::optional<Date> birth_date_;
  Religion religion_;
  std::optional<Sex> sex_;
  std::optional<bool> child_;
};

}  // namespace binaan
