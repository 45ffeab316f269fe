#pragma once
/// \file
/// What is recorded about a person's conduct and progress (case-format.md `facts`) and the grants already decided
/// (`recorded`). Status facts that are not recorded are "not met" (rules-indonesia.md §4).

#include <binaan/export.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/term.hpp>

#include <optional>
#include <vector>

namespace binaan {

/// A register F entry: a disciplinary punishment on `date`.
struct DisciplineEntry {
  Date date;
};

/// Days at large, `[from, to)`; `to` is the day of return, which counts as a disciplinary punishment (§4).
struct Escape {
  Date from;
  Date to;
};

/// An inclusive range of days, e.g. a period as pemuka.
struct DaySpan {
  Date from;
  Date to;  ///< inclusive
};

struct Service {
  Date date;
  ServiceKind kind;
};

/// An assessment (SPPN or risk). At least one of predicate and risk is present.
struct Assessment {
  Date date;
  std::optional<Predicate> predicate;
  std::optional<Risk> risk;
};

/// The facts of one person. Plain data; `validate_facts` checks it (Case does so on construction).
struct Facts {
  std::vector<DisciplineEntry> discipline;
  std::vector<Escape> escapes;
  std::optional<bool> justice_collaborator;
  std::optional<bool> deradicalisation;
  std::optional<bool> pledge;
  std::vector<DaySpan> pemuka;
  std::vector<Service> services;
  std::vector<Assessment> assessments;
};

/// Throws ValueError naming the key path (`facts.escapes[0].to`) for an escape that ends on or before it starts, a
/// pemuka span that ends before it starts, or an assessment with neither predicate nor risk.
BINAAN_EXPORT void validate_facts(const Facts& facts);

/// A grant already decided, e.g. exported from the national database.
struct RecordedGrant {
  Date date;
  GrantKind kind;
  Term amount;  ///< nominal; a month is 30 days
};

/// Grants decided up to and including `until`; nothing is computed on or before that day.
struct Recorded {
  Date until;
  std::vector<RecordedGrant> grants;  ///< in date order
};

/// Throws ValueError (`recorded.grants[i].date`) for a grant after `until` or out of date order.
BINAAN_EXPORT void validate_recorded(const Recorded& recorded);

}  // namespace binaan
