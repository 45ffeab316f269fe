#pragma once
/// \file
/// What the engine computes for one person: the grants, the expiry and final release, the integration-programme
/// milestones, the earliest-parole scenario, the path to PB, and every decision (case-format.md "Result").

#include <binaan/export.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/rules/decision.hpp>
#include <binaan/time/date.hpp>

#include <optional>
#include <string>
#include <vector>

namespace binaan {

/// A grant in the custody scenario, recorded or computed.
struct Grant {
  Date date;
  GrantKind kind = GrantKind::Ru;
  std::int32_t days = 0;            ///< nominal
  std::int32_t effective_days = 0;  ///< taken off the term
  bool release = false;             ///< uses up the principal term (RU II / RK II), even when a subsider follows
  bool recorded = false;            ///< taken from recorded.grants
  bool estimated = false;           ///< the day came from an estimated or approximated holiday
};

/// The day each programme can start in the custody scenario, after any subsider shift; absent when it does not apply.
struct Milestones {
  std::optional<Date> asimilasi;
  std::optional<Date> cmk;
  std::optional<Date> pb;
  std::optional<Date> cb;
  std::optional<Date> cmb_start;
};

/// Leaving on PB at its earliest day: remission frozen there.
struct ParoleScenario {
  Date pb;
  Date expiry;
  Date probation_end;
};

/// One condition of PB and the day it is met (absent: cannot be foreseen, or never).
struct PathStep {
  RuleId rule;
  std::optional<Date> met_on;
};

/// The path to PB: each condition and when it is met, and the earliest PB day if all can be met.
struct PbPath {
  std::vector<PathStep> steps;
  std::optional<Date> earliest;
};

struct Evaluation {
  std::string id;      ///< the case id
  std::string person;  ///< the person id
  std::optional<Date> start;  ///< sentence start after detention credit
  std::optional<Date> term_end;  ///< end of the principal term without remission (escape days included)
  std::vector<Grant> grants;  ///< date order; same day: ru, tambahan, dasawarsa
  std::optional<Date> expiry;
  std::optional<Date> final_release;
  std::int32_t subsider_days = 0;
  std::optional<Date> half_day;        ///< the day ½ of the sentence is reached (remission counted, §2)
  std::optional<Date> two_thirds_day;  ///< the day ⅔ is reached
  Milestones milestones;
  std::optional<ParoleScenario> parole_scenario;
  std::optional<PbPath> pb_path;
  std::string policy_id;
  std::string policy_version;
  bool estimated = false;
  std::vector<Decision> decisions;  ///< empty when decisions were not requested
  std::vector<RuleId> notes;        ///< rules that shaped the result as a whole (e.g. no RK for this religion)
};

/// A person's projection in fixed size, with nothing on the heap: the dates of the custody and parole scenarios
/// and the remission in total — what a national what-if needs (Engine::project_all), about a third of an
/// Evaluation's memory and no allocation per person. Every field equals the Evaluation's of the same name.
struct Projection {
  std::optional<Date> start;
  std::optional<Date> term_end;
  std::optional<Date> expiry;
  std::optional<Date> final_release;
  std::optional<Date> half_day;
  std::optional<Date> two_thirds_day;
  Milestones milestones;
  std::optional<ParoleScenario> parole_scenario;
  std::int32_t subsider_days = 0;
  std::int32_t remission_days = 0;  ///< effective days of every grant (Σ Grant::effective_days)
  std::uint16_t grants = 0;         ///< how many grants
  bool released_by_grant = false;   ///< a level II grant ended the principal term
  bool estimated = false;
};

}  // namespace binaan
