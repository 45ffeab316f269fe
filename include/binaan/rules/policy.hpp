#pragma once
/// \file
/// The policy: every named parameter of rules-indonesia.md and the days on which the law changed (§4), as data.
/// The Indonesian default ships with the library, each entry with its citation; a user can load a policy file
/// (JSON) and a case can override single parameters. Every result names the policy id and version it used.

#include <binaan/export.hpp>
#include <binaan/people/case.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/term.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// How N, the step of a remission ladder, is counted (§3).
enum class LadderIndex : std::uint8_t {
  Receipts,      ///< default: grants of that kind actually received so far, plus one
  Anniversaries  ///< holidays of that kind since detention at which more than the minimum had been served
};

/// How remisi tambahan combines when both the service (½) and the pemuka (⅓) grounds apply (§3; LOW).
enum class TambahanCombine : std::uint8_t { Larger, Sum };

/// All parameters. Plain data: copy it, change a field, pass it to an Engine.
///
/// \par Thread safety
/// Plain data: any number of threads may read one Policy (get_parameter, write_policy_json, with_overrides on it)
/// while nobody changes it; set_parameter or a field assignment needs the policy to itself, so change a copy.
/// policy_parameters() and default_policy() may be called from any thread, the first call included.
struct Policy {
  std::string id = "indonesia";
  std::string version = "2026.11";

  // --- Time model (§2) ---
  TermConvention term_convention = TermConvention::CalendarYears30DayMonths;  // Keppres 174/1999 Art. 7(4)
  FractionConvention fraction_convention = FractionConvention::NormalisedTerm;  // §2, MED

  // --- Remission amounts and counting (§3) ---
  LadderIndex ladder_index = LadderIndex::Receipts;          // §3, MED
  TambahanCombine tambahan_combine = TambahanCombine::Larger;  // §3, LOW
  int min_served_days = 180;        // more than 180 days on the grant day: PP 99/2012 Art. 34(2)(b)
  int min_served_days_child = 90;   // children: more than 90 days: Permenkumham 3/2018
  int first_step_full_days = 360;   // 1st RU/RK full amount at 12 months served: Keppres 174/1999 Art. 4, 5
  int conduct_lookback_days = 180;  // no register F entry in the last 6 months: Keppres 174/1999 Art. 1
  int tambahan_window_days = 365;   // services and pemuka in the 365 days up to 17 August: §3
  int dasawarsa_cap_days = 90;      // at most 3 months: Keppres 120/1955
  int dasawarsa_min_served_days = 0;        // no minimum served (2015 practice, MED)
  bool dasawarsa_conduct_lookback = true;   // the look-back applies (2025 practice, MED)
  int child_age = 18;               // a child is under 18 on the day: UU 22/2022; UU 11/2012
  int pmp_han_from_year = 2020;     // PMP HAN on 23 July from 2020 (§3, MED)
  bool project_kemanusiaan = false; // remisi kemanusiaan projected only when true (§3, LOW–MED)
  int kemanusiaan_min_age = 70;     // over 70: Permenkumham 3/2018 Art. 29
  bool assume_unrecorded_facts = true;  // missing assessments: decide and list the assumption (§4)

  // --- The days the law changed (§4) ---
  Date pp28_from = make_date(2006, 7, 28);             // PP 28/2006 Art. 34(3): special crimes need ⅓
  Date pp99_from = make_date(2012, 11, 12);            // PP 99/2012 Art. 34A: the cohort rule
  Date predikat_from = make_date(2018, 2, 15);         // Permenkumham 3/2018: predikat baik
  Date jc_ruling_from = make_date(2021, 10, 28);       // Supreme Court 28 P/HUM/2021: JC no longer binds
  Date permenkumham_7_2022_from = make_date(2022, 2, 1);  // Permenkumham 7/2022: ⅓ gone (start day MED)
  Date uu22_from = make_date(2022, 8, 3);              // UU 22/2022 Art. 10
  Term narcotics_pp99_min_term = Term(5, 0, 0);        // PP 99/2012 Art. 34A: narcotics of 5 years or more

  // --- Integration programmes (§6) ---
  int special_lookback_days = 270;        // special crimes' conduct look-back: 9 months
  int pb_lookback_days = 270;             // PB: no punishment in the 9 months before: Permenkumham 7/2022
  Term pb_min_fraction = Term(0, 9, 0);   // ⅔ at least 9 months: KUHP Art. 15
  Term cb_max_sentence = Term(1, 6, 0);   // CB for sentences up to 1 y 6 m: Permenkumham 3/2018
  int cb_max_days = 180;                  // CB at most 6 months
  int cmb_max_days = 180;                 // CMB as long as the last remission, at most 6 months: Art. 102
  Term cmk_min_sentence = Term(0, 12, 0); // CMK for sentences of 12 months or more
  int probation_years = 1;                // probation ends 1 year after expiry: KUHP Art. 15(3)
};

/// The Indonesian default policy (rules-indonesia.md), with the citation of every entry in the source above.
BINAAN_EXPORT Policy default_policy();

/// One named parameter: how it is spelled in files and what it means.
struct ParameterInfo {
  std::string_view name;
  std::string_view type;      ///< "enum", "bool", "int", "date", "term"
  std::string_view citation;  ///< where the default comes from
  std::string_view summary;
};

/// Every parameter that a policy file or a case's `policy` object may set, in a stable order.
BINAAN_EXPORT const std::vector<ParameterInfo>& policy_parameters();

/// Sets one parameter by name. Throws ValueError naming `policy.<name>` for an unknown name or a value of the wrong
/// type or range.
BINAAN_EXPORT void set_parameter(Policy& policy, std::string_view name, const ParameterValue& value);

/// The value of one parameter in file form (strings for enums, dates and terms). Throws ValueError for an unknown name.
BINAAN_EXPORT ParameterValue get_parameter(const Policy& policy, std::string_view name);

/// A copy of `base` with the case's overrides applied in order.
BINAAN_EXPORT Policy with_overrides(Policy base, const std::vector<PolicyOverride>& overrides);

/// Reads a policy file: a JSON object `{"id": "...", "version": "...", "<parameter>": value, …}`, starting from the
/// default policy. Throws InputError naming the file, the key and the value.
BINAAN_EXPORT Policy read_policy_json(std::string_view text, const std::string& file);

/// Writes every parameter as a JSON object (the format read_policy_json reads).
BINAAN_EXPORT std::string write_policy_json(const Policy& policy);

}  // namespace binaan
