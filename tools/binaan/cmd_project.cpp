// `binaan project FACILITY|ROSTER`: every person's projection (the result keys of case-format.md without the
// decisions), as a JSON array, JSON Lines, CSV or a text table.
#include "cli.hpp"
#include "timing.hpp"

#include <binaan/io/result.hpp>
#include <binaan/io/roster_csv.hpp>

#include <algorithm>
#include <iostream>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan project FACILITY|ROSTER [--format json|jsonl|csv|text] [--lang id|en] [--strict]\n"
    "                      [--threads N] [--holidays FILE] [--policy FILE] [-o FILE] [--timing]\n"
    "\n"
    "Projects every person's sentence: the grants, expiry, final release, the earliest day of asimilasi, CMK, PB,\n"
    "CB and CMB, and the earliest-parole scenario (case-format.md \"Result\" without the decisions; \"id\" is the\n"
    "person id).\n"
    "\n"
    "  --format json       one JSON array, one object per person (default)\n"
    "           jsonl      one JSON object per line\n"
    "           csv        one row per person: id, start, term_end, expiry, final_release, asimilasi, cmk, pb, cb,\n"
    "                      cmb_start, parole_expiry, probation_end, grants_days (days taken off by all grants),\n"
    "                      estimated; a date that does not apply is an empty cell\n"
    "           text       a table for reading\n"
    "  --lang id|en        language of messages (default: from LANG)\n"
    "  --strict            a missing assessment makes a decision 'needs review' instead of an assumption\n"
    "  --timing            each phase's wall time and people per second on standard error\n"
    "  --threads N         worker threads (default 0: all cores)\n"
    "  --holidays FILE     holiday table (CSV) overriding the built-in rows\n"
    "  --policy FILE       policy file (JSON) instead of the Indonesian default\n"
    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

// A date cell: empty when the date does not apply.
void append_cell(std::string& out, const std::optional<Date>& d) {
  out += ',';
  if (d) out += format_date(*d);
}

std::string to_csv(const std::vector<Case>& people, const std::vector<Projection>& prs) {
  std::string out =
      "id,start,term_end,expiry,final_release,asimilasi,cmk,pb,cb,cmb_start,parole_expiry,probation_end,"
      "grants_days,estimated\n";
  out.reserve(out.size() + prs.size() * 128);  // a row is about 120 bytes: one allocation, not a doubling per row
  for (std::size_t i = 0; i < prs.size(); ++i) {
    const Projection& pr = prs[i];
    const auto& m = pr.milestones;
    const auto& ps = pr.parole_scenario;
    append_csv_field(out, people[i].person().id());
    for (const auto& d : {pr.start, pr.term_end, pr.expiry, pr.final_release, m.asimilasi, m.cmk, m.pb, m.cb,
                          m.cmb_start})
      append_cell(out, d);
    append_cell(out, ps ? std::optional<Date>(ps->expiry) : std::nullopt);
    append_cell(out, ps ? std::optional<Date>(ps->probation_end) : std::nullopt);
    out += ',';
    out += std::to_string(pr.remission_days);
    out += pr.estimated ? ",true\n" : ",false\n";
  }
  return out;
}

// `text` and the spaces after it up to `width` bytes, as std::left with std::setw writes it.
void append_padded(std::string& out, std::string_view text, std::size_t width) {
  out.append(text.data(), text.size());
  if (text.size() < width) out.append(width - text.size(), ' ');
}

std::string to_table(const std::vector<Case>& people, const std::vector<Projection>& prs, Lang lang) {
  std::size_t width = 6;
  for (const auto& c : people) width = std::max(width, c.person().id().size());
  std::string out;
  out.reserve((width + 62) * (prs.size() + 1));
  append_padded(out, "id", width);
  for (const char* title : {tr(lang, "start", "mulai"), tr(lang, "expiry", "ekspirasi"), tr(lang, "release", "bebas"),
                            "PB", "CMB"}) {
    out += "  ";
    append_padded(out, title, 10);
  }
  out += "  ";
  out += tr(lang, "remission days", "hari remisi");
  out += '\n';
  for (std::size_t i = 0; i < prs.size(); ++i) {
    const Projection& pr = prs[i];
    append_padded(out, people[i].person().id(), width);
    for (const auto& d : {pr.start, pr.expiry, pr.final_release, pr.milestones.pb, pr.milestones.cmb_start}) {
      out += "  ";
      append_padded(out, d ? format_date(*d) : std::string("-"), 10);
    }
    out += "  ";
    out += std::to_string(pr.remission_days);
    out += pr.estimated ? " *\n" : "\n";
  }
  bool estimated = std::any_of(prs.begin(), prs.end(), [](const Projection& pr) { return pr.estimated; });
  if (estimated) out += tr(lang, "* rests on estimated holiday dates\n", "* memakai perkiraan hari besar\n");
  return out;
}

}  // namespace

int run_project(const std::vector<std::string>& argv) {
  Args args(argv, with(engine_options(), {"threads", "o", "output"}), {"strict", "timing", "help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 1)
    throw UsageError("project takes exactly one FACILITY or ROSTER\n\n" + std::string(kHelp));
  const std::string format = format_of(args, {"json", "jsonl", "csv", "text"}, "json");
  const unsigned threads = thread_count(args);
  RenderOptions render;
  render.lang = language(args);
  render.decisions = false;
  render.indent = -1;
  Timing timing(args.flag("timing"));
  Engine engine = make_engine(args);
  Population population = Population::load(args.positional()[0]);
  check_overrides(engine, population);
  const std::size_t people = population.people().size();
  timing.lap("read", people);
  if (format == "csv" || format == "text") {  // dates and totals only: the fixed-size projections
    const std::vector<Projection> prs = project_people(engine, population, threads, render.lang);
    timing.lap("project", people);
    const std::string out =
        format == "csv" ? to_csv(population.people(), prs) : to_table(population.people(), prs, render.lang);
    timing.lap("render");
    emit(args, out);
  } else {  // the JSON result of case-format.md: full evaluations
    EvaluateOptions options;
    options.decisions = false;
    std::vector<Evaluation> evs = evaluate_people(engine, population, options, threads, render.lang);
    timing.lap("project", people);
    // Rendered on the threads and written as it goes (a million people's JSON is about 1.5 GB): the render phase
    // includes writing the text, the write phase is the file's sync and rename.
    Output output(args);
    auto one = [&](std::size_t i, std::string& text) { text += evaluation_to_json(evs[i], render); };
    if (format == "jsonl") {
      render_items(evs.size(), threads, [&](std::size_t i, std::string& text) {
        one(i, text);
        text += '\n';
      }, output);
    } else if (evs.empty()) {
      output.write("[]\n");
    } else {
      render_items(evs.size(), threads, [&](std::size_t i, std::string& text) {
        text += i ? ",\n  " : "[\n  ";
        one(i, text);
      }, output);
      output.write("\n]\n");
    }
    timing.lap("render");
    output.commit();
  }
  timing.lap("write");
  timing.total(people);
  return kOk;
}

}  // namespace binaan::cli
