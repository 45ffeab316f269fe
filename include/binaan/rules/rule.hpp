#pragma once
/// \file
/// The catalogue of rules: every condition, amount and period rule the engine applies, with its code (stable, used
/// in JSON), its legal citation (rules-indonesia.md) and its wording in English and Indonesian.

#include <binaan/export.hpp>

#include <cstdint>
#include <string_view>

namespace binaan {

enum class RuleId : std::uint8_t {
  // Conditions of every remission (§4 "Always")
  FixedTerm,            ///< only fixed terms: never death or life
  CommutedAfter,        ///< a commuted life sentence earns remission after the commutation day
  NotAtLarge,           ///< serving the principal sentence on the day: not escaped
  MinServed,            ///< more than 180 days served (children 90)
  Conduct,              ///< no register F entry in the last 180 days
  // Conditions by period (§4 table)
  OneThird,             ///< PP 28/2006: special crimes need ⅓ served
  JusticeCollaborator,  ///< PP 99/2012 cohort: special crimes need JC status
  Payment,              ///< PP 99/2012 cohort: corruption needs fine and restitution paid
  Deradicalisation,     ///< PP 99/2012 cohort: terrorism needs the deradicalisation programme
  Pledge,               ///< PP 99/2012 cohort: terrorism needs a written pledge
  PredikatBaik,         ///< Permenkumham 3/2018: followed pembinaan with predikat baik
  ActiveParticipation,  ///< UU 22/2022 Art. 10: active participation in pembinaan
  ReducedRisk,          ///< UU 22/2022 Art. 10: a shown reduction of risk
  // Conditions of particular kinds
  ReligiousHoliday,     ///< RK needs a registered religion with a holiday
  RuThatDay,            ///< remisi tambahan needs an RU on the same day
  TambahanGround,       ///< remisi tambahan needs a service or pemuka period in the window
  NeverEscaped,         ///< remisi dasawarsa is not for escaped inmates
  Child,                ///< PMP HAN is for children
  Elderly,              ///< remisi kemanusiaan (projected) is for the elderly
  // Amounts
  RuLadder,
  RkLadder,
  TambahanService,
  TambahanPemuka,
  DasawarsaAmount,
  PmpHanLadder,
  KemanusiaanAmount,
  ReleaseII,            ///< the remission uses up the term: released on the grant day (RU II / RK II)
  SubsiderAfterRelease, ///< an unpaid fine or restitution: the subsider starts instead of release
  Susulan,              ///< due before the verdict became final: granted late, effective on the holiday
  Recorded,             ///< taken as recorded
  // Integration programmes (§6)
  Asimilasi,
  Cmk,
  Pb,
  Cb,
  Cmb,
  TwoThirdsMinimum,     ///< ⅔ of the sentence at least 9 months
  PbAsimilasi,          ///< special crimes: asimilasi for at least ½ of the time left
  FinePaid,             ///< asimilasi requires the fine and restitution paid
  CmkSentence,          ///< CMK for sentences of 12 months or more
  CbSentence,           ///< CB for sentences up to 1 y 6 m
  CmkConduct,           ///< CMK: no punishment in the current calendar year
  SpecialLookback,      ///< special crimes: 270-day conduct look-back
  ProgrammeRecord,      ///< participation read from the programme record (attendance), not an assessment
  PbConduct             ///< PB and CMB: no disciplinary punishment in the 9 months before the day
};

struct RuleInfo {
  RuleId id;
  std::string_view code;      ///< stable identifier, e.g. "min_served"
  std::string_view citation;  ///< instrument and article
  std::string_view en;        ///< the rule in English
  std::string_view id_text;   ///< the rule in Indonesian
};

BINAAN_EXPORT const RuleInfo& rule_info(RuleId id);

/// Output language of explanations.
enum class Lang : std::uint8_t { En, Id };

BINAAN_EXPORT std::string_view rule_text(RuleId id, Lang lang);

}  // namespace binaan
