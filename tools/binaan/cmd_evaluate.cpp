// `binaan evaluate CASE.json`: one person's remissions, dates and decisions (case-format.md "Result").
#include "cli.hpp"

#include <binaan/error.hpp>

#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>

#include <iostream>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan evaluate CASE.json [--format json|text] [--lang id|en] [--strict]\n"
    "                       [--holidays FILE] [--policy FILE] [--no-decisions]\n"
    "\n"
    "Computes every remission of one case (case-format.md), the expiry, the final release, the earliest day of\n"
    "asimilasi, CMK, PB, CB and CMB, the earliest-parole scenario and the path to PB, with every decision, its\n"
    "reasons and legal citations.\n"
    "\n"
    "  --format json|text  output format (default json)\n"
    "  --lang id|en        language of messages (default: from LANG, Indonesian when it starts with \"id\")\n"
    "  --strict            a missing assessment makes a decision 'needs review' instead of an assumption\n"
    "  --holidays FILE     holiday table (CSV as data/holidays-indonesia.csv) overriding the built-in rows\n"
    "  --policy FILE       policy file (JSON) instead of the Indonesian default\n"
    "  --no-decisions      leave the decisions out\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";
}  // namespace

int run_evaluate(const std::vector<std::string>& argv) {
  Args args(argv, engine_options(), {"strict", "help", "no-decisions"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 1) throw UsageError("evaluate takes exactly one CASE.json\n\n" + std::string(kHelp));
  std::string format = args.option("format").value_or("json");
  if (format != "json" && format != "text") throw UsageError("--format takes json or text, not \"" + format + "\"");
  RenderOptions render;
  render.lang = language(args);
  render.decisions = !args.flag("no-decisions");
  Engine engine = make_engine(args);
  const std::string& file = args.positional()[0];
  if (is_facility_file(file))
    throw InputError(file, 0, "", "",
                     "a facility archive, not a case file (binaan explain ID FACILITY evaluates one of its people)");
  Case c = read_case_json(read_file_text(file), file);
  Evaluation ev;
  try {
    ev = engine.evaluate(c);
  } catch (const ValueError& e) {  // an invalid policy override in the case file
    throw InputError(file, line_of_override(c, e), e.field(), e.value(), e.why());
  }
  std::cout << (format == "json" ? evaluation_to_json(ev, render) + "\n" : evaluation_to_text(ev, render));
  return kOk;
}

}  // namespace binaan::cli
