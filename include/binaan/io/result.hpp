#pragma once
/// \file
/// Renderings of the engine's results: the result object of case-format.md as JSON, and readable text in English
/// or Indonesian. Rendering never decides anything: it only writes what the engine computed.

#include <binaan/export.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/rules/evaluation.hpp>
#include <binaan/rules/rule.hpp>

#include <string>

namespace binaan {

struct RenderOptions {
  Lang lang = Lang::En;
  bool decisions = true;  ///< include every decision (the `project` command leaves them out)
  int indent = 2;         ///< JSON indentation; -1 for one line
};

/// The result object of case-format.md: `id`, `person`, `start`, `grants`, `expiry`, `final_release`, `milestones`,
/// `parole_scenario`, `policy`, `estimated`, `decisions`, plus `term_end`, `subsider_days`, `pb_path`, `notes`.
/// Keys that do not apply are absent, never null.
BINAAN_EXPORT std::string evaluation_to_json(const Evaluation& ev, const RenderOptions& options = {});

/// A readable account of the evaluation with every decision, its reasons and citations.
BINAAN_EXPORT std::string evaluation_to_text(const Evaluation& ev, const RenderOptions& options = {});

/// One decision in a sentence or two, with citations.
BINAAN_EXPORT std::string decision_to_text(const Decision& d, Lang lang);

/// The grant-day run: `date`, `granted` (`id`, `kind`, `days`, `release`), `not_eligible` (`id`, `reasons`: `code`,
/// `message`, `citation`), `needs_review` (`id`, `missing`), `summary` (`kind`, `level`, `days`, `count`).
BINAAN_EXPORT std::string day_run_to_json(const DayRun& run, const RenderOptions& options = {});

/// The grant-day run as the official announcement table: one line per kind, level and amount with its count.
BINAAN_EXPORT std::string day_run_to_text(const DayRun& run, const RenderOptions& options = {});

/// "RU", "RK", "remisi tambahan" …: the kind as people say it.
BINAAN_EXPORT std::string_view grant_kind_label(GrantKind k, Lang lang);

}  // namespace binaan
