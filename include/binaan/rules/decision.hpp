#pragma once
/// \file
/// A decision on one candidate grant day: the outcome, the amount, the rules applied with their citations, every
/// failed condition with the earliest day it could be met, the missing facts and the assumptions made.

#include <binaan/export.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/rules/rule.hpp>
#include <binaan/rules/small_list.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/holiday_calendar.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace binaan {

enum class Outcome : std::uint8_t { Granted, NotEligible, NeedsReview };

BINAAN_EXPORT std::string_view to_string(Outcome o);

/// A condition that was not met, and the earliest day it could be (absent when no date can be foreseen, e.g. a
/// fact that must first be recorded).
struct FailedCondition {
  RuleId rule;
  std::optional<Date> earliest;
};

/// A fact whose absence stops a decision (needs review), named as in the case file.
enum class MissingFact : std::uint8_t { AssessmentPredicate, AssessmentRisk };

BINAAN_EXPORT std::string_view to_string(MissingFact f);

struct Decision {
  Date date;
  GrantKind kind = GrantKind::Ru;
  Outcome outcome = Outcome::NotEligible;
  std::int32_t days = 0;            ///< nominal amount (a month is 30 days); 0 unless granted
  std::int32_t effective_days = 0;  ///< days actually taken off (less than nominal only on a release day)
  bool release = false;             ///< level II: the grant uses up the principal term
  std::uint8_t step = 0;            ///< ladder step N (RU, RK, PMP HAN), 0 otherwise
  DateStatus date_status = DateStatus::Fixed;
  // The lists hold a few values each and are kept inside the Decision (see SmallList; a longer list, e.g. more
  // than four failed conditions, goes to the heap): a grant-day run over a national roster keeps a million
  // decisions, and lists as heap blocks of their own had made the allocator its largest cost.
  SmallList<RuleId, 8> rules;              ///< rules applied (amount, period, release); at most 5 today
  SmallList<FailedCondition, 4> failed;    ///< every condition not met
  SmallList<MissingFact, 2> missing;       ///< facts whose absence makes it needs review
  SmallList<RuleId, 4> assumptions;        ///< conditions taken as met because the fact was not recorded
};

}  // namespace binaan
