// `binaan remission-run --on DATE FACILITY|ROSTER`: the grant-day job (granted, not eligible, needs review, and
// the announcement table).
#include "cli.hpp"
#include "timing.hpp"

#include <binaan/io/result.hpp>
#include <binaan/io/roster_csv.hpp>
#include <binaan/rules/rule.hpp>

#include <iostream>
#include <utility>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan remission-run --on DATE FACILITY|ROSTER [--format text|json|csv] [--lang id|en] [--strict]\n"
    "                            [--threads N] [--holidays FILE] [--policy FILE] [-o FILE] [--timing]\n"
    "\n"
    "The grant-day job: decides every remission of every person on one day (17 August, a religious holiday, …).\n"
    "Lists who is granted (RU/RK I or II, with the amount and whether it releases), who is not eligible and why\n"
    "(every failed condition with its legal citation), who needs review (the missing facts), and the summary\n"
    "table by kind and amount as the official announcements give it. People with nothing to decide that day are\n"
    "left out.\n"
    "\n"
    "FACILITY is a binaan archive (recognised by its content); ROSTER is JSON Lines (.jsonl) or CSV (.csv).\n"
    "\n"
    "  --on DATE           the grant day, YYYY-MM-DD (required)\n"
    "  --format text|json|csv  output format (default text). JSON keys: date, granted (id, kind, days,\n"
    "                      release), not_eligible (id, reasons: code, message, citation), needs_review (id,\n"
    "                      missing), summary (kind, level I/II, days, count). CSV: one row per decision with\n"
    "                      date, id, kind, outcome, level, days, effective_days, release, failed (rule codes),\n"
    "                      missing (fact names), lists joined by ';'\n"
    "  --lang id|en        language (default: from LANG, Indonesian when it starts with \"id\")\n"
    "  --strict            a missing assessment makes a decision 'needs review' instead of an assumption\n"
    "  --timing            each phase's wall time and people per second on standard error\n"
    "  --threads N         worker threads (default 0: all cores)\n"
    "  --holidays FILE     holiday table (CSV) overriding the built-in rows\n"
    "  --policy FILE       policy file (JSON) instead of the Indonesian default\n"
    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

// The announcement table, then every person by outcome: the lists the records office signs.
std::string day_run_text(const DayRun& run, const RenderOptions& render) {
  std::string out = day_run_to_text(run, render);
  const Lang lang = render.lang;
  const std::pair<Outcome, const char*> sections[] = {
      {Outcome::Granted, tr(lang, "Granted:\n", "Diberikan:\n")},
      {Outcome::NotEligible, tr(lang, "Not eligible:\n", "Tidak memenuhi syarat:\n")},
      {Outcome::NeedsReview, tr(lang, "Needs review:\n", "Perlu ditinjau:\n")}};
  out.reserve(out.size() + run.decision_count() * 200);  // a decision's lines are about 150–250 bytes
  for (const auto& [outcome, title] : sections) {
    // The section's title, taken back when no decision has its outcome.
    const std::size_t mark = out.size();
    out += '\n';
    out += title;
    const std::size_t titled = out.size();
    for (const auto& o : run.outcomes)
      for (const auto& d : run.decisions_of(o)) {
        if (d.outcome != outcome) continue;
        // decision_to_text starts with the day, which is the run's own: the person id takes its place.
        const std::string text = decision_to_text(d, lang);
        const std::size_t date_prefix = 12;  // "YYYY-MM-DD  "
        out += "  ";
        out += o.person;
        out += "  ";
        out.append(text, text.size() > date_prefix ? date_prefix : 0, std::string::npos);
      }
    if (out.size() == titled) out.resize(mark);
  }
  return out;
}

// One row per decision, for spreadsheets: the failed conditions and missing facts as codes joined by ';'.
std::string day_run_csv(const DayRun& run) {
  std::string out = "date,id,kind,outcome,level,days,effective_days,release,failed,missing\n";
  out.reserve(out.size() + run.decision_count() * 64);  // a row is about 50 bytes
  const std::string date = format_date(run.date);
  for (const auto& o : run.outcomes)
    for (const auto& d : run.decisions_of(o)) {
      out += date;
      out += ',';
      append_csv_field(out, o.person);
      out += ',';
      out += to_string(d.kind);
      out += ',';
      out += to_string(d.outcome);
      if (d.outcome == Outcome::Granted) {
        out += d.release ? ",II," : ",I,";
        out += std::to_string(d.days);
        out += ',';
        out += std::to_string(d.effective_days);
        out += d.release ? ",true," : ",false,";
      } else {
        out += ",,,,,";
      }
      const char* sep = "";
      for (const auto& f : d.failed) {
        out += sep;
        out += rule_info(f.rule).code;
        sep = ";";
      }
      out += ',';
      sep = "";
      for (auto m : d.missing) {
        out += sep;
        out += to_string(m);
        sep = ";";
      }
      out += '\n';
    }
  return out;
}

}  // namespace

int run_remission_run(const std::vector<std::string>& argv) {
  Args args(argv, with(engine_options(), {"on", "threads", "o", "output"}), {"strict", "timing", "help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 1)
    throw UsageError("remission-run takes exactly one FACILITY or ROSTER\n\n" + std::string(kHelp));
  const Date day = required_date(args, "on");
  const std::string format = format_of(args, {"text", "json", "csv"}, "text");
  const unsigned threads = thread_count(args);
  RenderOptions render;
  render.lang = language(args);
  Timing timing(args.flag("timing"));
  Engine engine = make_engine(args);
  Population population = Population::load(args.positional()[0]);
  check_overrides(engine, population);
  const std::size_t people = population.people().size();
  timing.lap("read", people);
  DayRun run = run_day(engine, population, day, threads, render.lang);
  timing.lap("decide", people);
  const std::string out = format == "json"  ? day_run_to_json(run, render) + "\n"
                          : format == "csv" ? day_run_csv(run)
                                            : day_run_text(run, render);
  emit_timed(args, out, timing, people);
  return kOk;
}

}  // namespace binaan::cli
