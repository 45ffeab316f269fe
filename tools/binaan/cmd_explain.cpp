// `binaan explain ID --on DATE FACILITY|ROSTER`: one person's decisions on a day in prose, with citations, and the
// person's whole evaluation.
#include "cli.hpp"

#include <binaan/io/result.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan explain ID [--on DATE] FACILITY|ROSTER [--format text|json] [--lang id|en] [--strict]\n"
    "                      [--holidays FILE] [--policy FILE] [-o FILE]\n"
    "\n"
    "Explains the decisions on one person's remissions on one day: granted and how much, or every condition not\n"
    "met with the earliest day it can be, or the fact that is missing — each with its legal citation — followed\n"
    "by the person's projection (expiry, release, programmes). Without --on, every decision is explained.\n"
    "\n"
    "  ID                  the person id\n"
    "  --on DATE           the day, YYYY-MM-DD\n"
    "  --format text|json  output format (default text); JSON: id, date, decisions, evaluation\n"
    "  --lang id|en        language (default: from LANG, Indonesian when it starts with \"id\")\n"
    "  --strict            a missing assessment makes a decision 'needs review' instead of an assumption\n"
    "  --holidays FILE     holiday table (CSV) overriding the built-in rows\n"
    "  --policy FILE       policy file (JSON) instead of the Indonesian default\n"
    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n"
    "\n"
    "An unknown ID is bad input (exit status 1). Exit status: 0 success, 1 bad input, 2 usage.\n";

std::string explain_text(const Evaluation& ev, const std::optional<Date>& on, Lang lang) {
  std::string out;
  if (on) {
    out += tr(lang, "Decisions for ", "Keputusan untuk ") + ev.person + tr(lang, " on ", " pada ") +
           long_date(*on, lang) + " (" + format_date(*on) + ")\n";
    std::size_t n = 0;
    for (const auto& d : ev.decisions)
      if (d.date == *on) {
        out += "  " + decision_to_text(d, lang);
        ++n;
      }
    if (n == 0) {
      out += std::string("  ") +
             tr(lang, "No remission is considered on this day for this person.",
                "Tidak ada remisi yang dipertimbangkan pada hari ini untuk WBP ini.") +
             '\n';
      const Decision* next = nullptr;
      for (const auto& d : ev.decisions)
        if (d.date > *on) {
          next = &d;
          break;
        }
      if (next)
        out += std::string("  ") + tr(lang, "The next grant day considered: ", "Hari pemberian berikutnya: ") +
               long_date(next->date, lang) + " (" + format_date(next->date) + ")\n";
    }
  } else {
    out += tr(lang, "Every decision for ", "Semua keputusan untuk ") + ev.person + '\n';
    for (const auto& d : ev.decisions) out += "  " + decision_to_text(d, lang);
  }
  RenderOptions summary;
  summary.lang = lang;
  summary.decisions = false;
  out += '\n' + std::string(tr(lang, "Summary\n", "Ringkasan\n")) + evaluation_to_text(ev, summary);
  return out;
}

std::string explain_json(const Evaluation& ev, const std::optional<Date>& on, Lang lang) {
  using Json = nlohmann::ordered_json;
  RenderOptions all;
  all.lang = lang;
  Json full = Json::parse(evaluation_to_json(ev, all));
  Json decisions = Json::array();
  for (auto& d : full["decisions"])
    if (!on || d.at("date") == format_date(*on)) decisions.push_back(d);
  full.erase("decisions");
  Json j;
  j["id"] = ev.person;
  if (on) j["date"] = format_date(*on);
  j["decisions"] = std::move(decisions);
  j["evaluation"] = std::move(full);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';  // non-UTF-8 text: U+FFFD
}

}  // namespace

int run_explain(const std::vector<std::string>& argv) {
  Args args(argv, with(engine_options(), {"on", "o", "output"}), {"strict", "help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 2)
    throw UsageError("explain takes a person ID and one FACILITY or ROSTER\n\n" + std::string(kHelp));
  const std::optional<Date> on = date_option(args, "on");
  const std::string format = format_of(args, {"text", "json"}, "text");
  const Lang lang = language(args);
  Engine engine = make_engine(args);
  Population population = Population::load(args.positional()[1]);
  const Case& c = population.person(args.positional()[0]);
  Evaluation ev = evaluate_person(engine, population, c);
  emit(args, format == "json" ? explain_json(ev, on, lang) : explain_text(ev, on, lang));
  return kOk;
}

}  // namespace binaan::cli
