// `binaan report programmes|partners|head FACILITY --from DATE --to DATE`: the programme reports of a period.
#include "cli.hpp"

#include <binaan/programmes/head_report.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/programme_report.hpp>

#include <iostream>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan report programmes|partners|head FACILITY --from DATE --to DATE [--format text|json|csv]\n"
    "                     [-o FILE]\n"
    "\n"
    "The reports of the facility's pembinaan programmes over a period (both days included):\n"
    "  programmes   the prison's own report: per workshop (participants, sessions, hours, units, sales, premi,\n"
    "               PNBP, capital), per inmate (hours, attendance, premi, certificates) and per partner\n"
    "  partners     the partner-facing report: aggregates only, never an inmate's name, id, sentence or conduct\n"
    "  head         the report for the head of the prison: totals, enrolment decisions, stock, agreements ending\n"
    "\n"
    "FACILITY is a binaan archive (binaan import makes one from a roster).\n"
    "\n"
    "  --from DATE, --to DATE   the period, YYYY-MM-DD (required)\n"
    "  --format text|json|csv   output format (default text); CSV has one figure a row\n"
    "  -o, --output FILE        write to FILE (atomically) instead of standard output\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";
}  // namespace

int run_report(const std::vector<std::string>& argv) {
  Args args(argv, {"from", "to", "format", "lang", "o", "output"}, {"help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 2)
    throw UsageError("report takes a report name (programmes, partners or head) and one FACILITY\n\n" +
                     std::string(kHelp));
  const std::string& which = args.positional()[0];
  if (which != "programmes" && which != "partners" && which != "head")
    throw UsageError("unknown report \"" + which + "\": programmes, partners or head");
  const Date from = required_date(args, "from");
  const Date to = required_date(args, "to");
  if (to < from) throw UsageError("--to must not be before --from");
  const std::string format = format_of(args, {"text", "json", "csv"}, "text");
  (void)language(args);  // checked for consistency with the other commands; the reports have one wording
  Population population = Population::load(args.positional()[1]);
  const Programmes& programmes = population.require_facility("report").programmes();
  std::string out;
  if (which == "programmes") {
    ProgrammeReport r = programme_report(programmes, from, to);
    out = format == "json" ? to_json(r) : format == "csv" ? to_csv(r) : to_text(r);
  } else if (which == "partners") {
    std::vector<PartnerReport> r = partner_reports(programmes, from, to);
    out = format == "json" ? to_json(r) : format == "csv" ? to_csv(r) : to_text(r);
  } else {
    HeadReport r = head_report(programmes, from, to);
    out = format == "json" ? to_json(r) : format == "csv" ? to_csv(r) : to_text(r);
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  emit(args, out);
  return kOk;
}

}  // namespace binaan::cli
