// `binaan timeline ID FACILITY|ROSTER --svg FILE`: the picture of one person's sentence.
#include "cli.hpp"
#include "svg_timeline.hpp"

#include <binaan/rules/policy.hpp>

#include <iostream>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan timeline ID FACILITY|ROSTER --svg FILE [--as-of DATE] [--lang id|en] [--strict]\n"
    "                       [--holidays FILE] [--policy FILE]\n"
    "\n"
    "Draws one person's sentence as an SVG picture an inmate's family can read: time in custody, the sentence with\n"
    "and without remission, every remission (kind and amount), the days half and two thirds of the sentence are\n"
    "served, the earliest parole (PB), the start of leave before release (CMB), the expiry, the release day and\n"
    "today, with a legend and the key dates in words.\n"
    "\n"
    "  ID                  the person id\n"
    "  --svg FILE          the picture to write (atomically; an existing file is replaced only when complete)\n"
    "  --as-of DATE        the day marked as today (default: the system date, printed on standard error)\n"
    "  --lang id|en        language of the picture (default: from LANG, Indonesian when it starts with \"id\")\n"
    "  --strict            a missing assessment makes a decision 'needs review' instead of an assumption\n"
    "  --holidays FILE     holiday table (CSV) overriding the built-in rows\n"
    "  --policy FILE       policy file (JSON) instead of the Indonesian default\n"
    "\n"
    "An unknown ID is bad input (exit status 1). Exit status: 0 success, 1 bad input, 2 usage.\n";
}  // namespace

int run_timeline(const std::vector<std::string>& argv) {
  Args args(argv, {"policy", "holidays", "lang", "svg", "as-of"}, {"strict", "help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 2)
    throw UsageError("timeline takes a person ID and one FACILITY or ROSTER\n\n" + std::string(kHelp));
  const auto svg_file = args.option("svg");
  if (!svg_file) throw UsageError("timeline needs --svg FILE");
  const Lang lang = language(args);
  const Date today = as_of(args);
  Engine engine = make_engine(args);
  Population population = Population::load(args.positional()[1]);
  const Case& c = population.person(args.positional()[0]);
  Evaluation ev = evaluate_person(engine, population, c);
  Policy policy = with_overrides(engine.policy(), c.policy);  // valid: the evaluation applied it already
  write_file(*svg_file, timeline_svg(c, ev, policy, today, lang));
  return kOk;
}

}  // namespace binaan::cli
