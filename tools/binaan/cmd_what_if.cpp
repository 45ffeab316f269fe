// `binaan what-if FACILITY|ROSTER --set NAME=VALUE,...`: everyone projected under the policy and under the policy
// changed, and how the dates move (compare_projections, <binaan/rules/what_if.hpp>).
#include "cli.hpp"
#include "timing.hpp"

#include <binaan/io/roster_csv.hpp>
#include <binaan/rules/what_if.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <iomanip>
#include <iostream>
#include <locale>
#include <sstream>
#include <utility>
#include <variant>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan what-if FACILITY|ROSTER --set NAME=VALUE[,NAME=VALUE...] | --alternative FILE [--set ...]\n"
    "                      [--as-of DATE] [--format text|json|csv] [--lang id|en] [--strict] [--threads N]\n"
    "                      [--holidays FILE] [--policy FILE] [-o FILE] [--timing]\n"
    "\n"
    "Projects every person twice, under the policy (the Indonesian default, or --policy FILE) and under an\n"
    "alternative (the policy with the parameters of --set changed, or the policy file of --alternative with them\n"
    "changed), and says which parameters differ and how the dates move: for each of expiry, final release,\n"
    "asimilasi, CMK, PB, CB, CMB and the earliest-parole expiry, how many people it moves earlier and later and by\n"
    "how many days, and how many gain or lose it; the remission days in all; and on the as-of day how many people\n"
    "would be released at once, and how many released would still be held. A person's own policy overrides (a\n"
    "roster's \"policy\" object) apply on top of both policies.\n"
    "\n"
    "  --set NAME=VALUE,... the parameters changed, named as in a policy file (case-format.md), e.g.\n"
    "                      min_served_days=90, ladder_index=anniversaries, pb_min_fraction=6m,\n"
    "                      assume_unrecorded_facts=false, uu22_from=2023-01-01\n"
    "  --alternative FILE  a policy file (JSON, as --policy) for the alternative, instead of the policy\n"
    "  --as-of DATE        the day of \"released at once\" (default: the system date, printed on standard error)\n"
    "  --format text       a summary for reading (default)\n"
    "           json       the summary as one JSON object: as_of, changes (name, base, alternative), people,\n"
    "                      changed, remission_days (base, alternative), due_at_once, held_longer, dates (date,\n"
    "                      earlier, days_earlier, most_earlier, later, days_later, most_later, unchanged, gained,\n"
    "                      lost)\n"
    "           csv        one row per person whose projection changed: id, then each date under the policy and\n"
    "                      under the alternative (expiry, expiry_alternative, ..., parole_expiry_alternative), then\n"
    "                      remission_days, remission_days_alternative; a date that does not apply is an empty cell\n"
    "  --lang id|en        language of the text (default: from LANG)\n"
    "  --strict            a missing assessment makes a decision 'needs review' instead of an assumption (both\n"
    "                      policies)\n"
    "  --timing            each phase's wall time and people per second on standard error\n"
    "  --threads N         worker threads (default 0: all cores)\n"
    "  --holidays FILE     holiday table (CSV) overriding the built-in rows\n"
    "  --policy FILE       policy file (JSON) instead of the Indonesian default: the base of both\n"
    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

using Json = nlohmann::ordered_json;

// One parameter changed: its name, and its value in the base policy and in the alternative (file form).
struct Change {
  std::string name;
  ParameterValue base;
  ParameterValue alternative;
};

// The value of `--set NAME=TEXT` in the parameter's type: true or false, a whole number, or the text (enums, dates
// and terms are written as text in a policy file too). The policy then checks the value itself.
ParameterValue typed_value(const ParameterInfo& info, const std::string& text) {
  if (info.type == "bool") {
    if (text == "true") return true;
    if (text == "false") return false;
    throw UsageError("--set " + std::string(info.name) + " takes true or false, not \"" + text + "\"");
  }
  if (info.type == "int") {
    std::int64_t n = 0;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(text.data(), last, n);
    if (text.empty() || ec != std::errc() || end != last)
      throw UsageError("--set " + std::string(info.name) + " takes a whole number, not \"" + text + "\"");
    return n;
  }
  return text;
}

// Applies `--set` (a comma-separated list of NAME=VALUE) to `policy`.
void apply_set(Policy& policy, const std::string& list) {
  std::vector<std::string> named;
  std::size_t from = 0;
  while (from <= list.size()) {
    const std::size_t comma = std::min(list.find(',', from), list.size());
    const std::string item = list.substr(from, comma - from);
    from = comma + 1;
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError("--set takes NAME=VALUE[,NAME=VALUE...], not \"" + item + "\" in \"" + list + "\"");
    const std::string name = item.substr(0, eq);
    const auto& params = policy_parameters();
    const auto info = std::find_if(params.begin(), params.end(), [&](const ParameterInfo& p) { return p.name == name; });
    if (info == params.end())
      throw UsageError("--set: no policy parameter is named \"" + name + "\" (the names of a policy file, "
                       "case-format.md)");
    if (std::find(named.begin(), named.end(), name) != named.end()) throw UsageError("--set names " + name + " twice");
    named.push_back(name);
    try {
      set_parameter(policy, name, typed_value(*info, item.substr(eq + 1)));
    } catch (const ValueError& e) {
      throw UsageError("--set: " + std::string(e.what()));
    }
  }
}

// Every parameter whose value differs between the two policies, in the order of policy_parameters().
std::vector<Change> changes_between(const Policy& base, const Policy& alternative) {
  std::vector<Change> changes;
  for (const ParameterInfo& p : policy_parameters()) {
    ParameterValue a = get_parameter(base, p.name);
    ParameterValue b = get_parameter(alternative, p.name);
    if (a != b) changes.push_back({std::string(p.name), std::move(a), std::move(b)});
  }
  return changes;
}

Json json_value(const ParameterValue& v) {
  return std::visit([](const auto& x) { return Json(x); }, v);
}

std::string text_value(const ParameterValue& v) {
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const std::int64_t* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  return std::get<std::string>(v);
}

std::string to_json(const ProjectionComparison& c, const std::vector<Change>& changes) {
  Json j;
  j["as_of"] = format_date(c.as_of);
  Json list = Json::array();
  for (const auto& ch : changes)
    list.push_back(Json{{"name", ch.name}, {"base", json_value(ch.base)}, {"alternative", json_value(ch.alternative)}});
  j["changes"] = std::move(list);
  j["people"] = c.people;
  j["changed"] = c.changed;
  j["remission_days"] = Json{{"base", c.remission_days}, {"alternative", c.remission_days_alternative}};
  j["due_at_once"] = c.due_at_once;
  j["held_longer"] = c.held_longer;
  Json dates = Json::array();
  for (ProjectedDate d : kAllProjectedDates) {
    const DateShift& s = c.shift(d);
    dates.push_back(Json{{"date", to_string(d)},
                         {"earlier", s.earlier},
                         {"days_earlier", s.days_earlier},
                         {"most_earlier", s.most_earlier},
                         {"later", s.later},
                         {"days_later", s.days_later},
                         {"most_later", s.most_later},
                         {"unchanged", s.unchanged},
                         {"gained", s.gained},
                         {"lost", s.lost}});
  }
  j["dates"] = std::move(dates);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

const char* date_words(ProjectedDate d, Lang lang) {
  switch (d) {
    case ProjectedDate::Expiry: return tr(lang, "expiry", "ekspirasi");
    case ProjectedDate::FinalRelease: return tr(lang, "final release", "bebas akhir");
    case ProjectedDate::Asimilasi: return "asimilasi";
    case ProjectedDate::Cmk: return "CMK";
    case ProjectedDate::Pb: return "PB";
    case ProjectedDate::Cb: return "CB";
    case ProjectedDate::CmbStart: return "CMB";
    case ProjectedDate::ParoleExpiry: return tr(lang, "parole expiry", "ekspirasi PB");
  }
  return "?";
}

// Days on average over `n` people, one decimal; "-" for none.
std::string mean_days(std::int64_t days, std::size_t n) {
  if (n == 0) return "-";
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << std::fixed << std::setprecision(1) << static_cast<double>(days) / static_cast<double>(n);
  return out.str();
}

std::string to_text(const ProjectionComparison& c, const std::vector<Change>& changes, Lang lang) {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // plain numbers whatever the host's global locale
  out << tr(lang, "What if:", "Bagaimana jika:");
  for (std::size_t i = 0; i < changes.size(); ++i)
    out << (i ? ", " : " ") << changes[i].name << ' ' << text_value(changes[i].base) << " -> "
        << text_value(changes[i].alternative);
  if (changes.empty()) out << tr(lang, " no parameter changes", " tidak ada parameter yang berubah");
  out << '\n'
      << tr(lang, "People: ", "Orang: ") << c.people << tr(lang, ", with a projection changed: ", ", proyeksinya berubah: ")
      << c.changed << '\n'
      << tr(lang, "Remission days in all: ", "Hari remisi seluruhnya: ") << c.remission_days << " -> "
      << c.remission_days_alternative << " (" << std::showpos << c.remission_days_alternative - c.remission_days
      << std::noshowpos << ")\n"
      << tr(lang, "As of ", "Per ") << format_date(c.as_of) << ": " << c.due_at_once
      << tr(lang, " would be released at once, ", " akan segera bebas, ") << c.held_longer
      << tr(lang, " released would still be held\n", " yang sudah bebas akan masih ditahan\n")
      << '\n';
  out << std::left << std::setw(15) << tr(lang, "date", "tanggal") << std::right << std::setw(9)
      << tr(lang, "earlier", "lebih awal") << std::setw(8) << tr(lang, "mean", "rerata") << std::setw(7)
      << tr(lang, "most", "paling") << std::setw(9) << tr(lang, "later", "lebih lambat") << std::setw(8)
      << tr(lang, "mean", "rerata") << std::setw(7) << tr(lang, "most", "paling") << std::setw(11)
      << tr(lang, "unchanged", "tetap") << std::setw(8) << tr(lang, "gained", "baru") << std::setw(8)
      << tr(lang, "lost", "hilang") << '\n';
  for (ProjectedDate d : kAllProjectedDates) {
    const DateShift& s = c.shift(d);
    out << std::left << std::setw(15) << date_words(d, lang) << std::right << std::setw(9) << s.earlier << std::setw(8)
        << mean_days(s.days_earlier, s.earlier) << std::setw(7) << s.most_earlier << std::setw(9) << s.later
        << std::setw(8) << mean_days(s.days_later, s.later) << std::setw(7) << s.most_later << std::setw(11)
        << s.unchanged << std::setw(8) << s.gained << std::setw(8) << s.lost << '\n';
  }
  out << tr(lang, "(mean and most: days moved)\n", "(rerata dan paling: hari bergeser)\n");
  return out.str();
}

std::string to_csv(const std::vector<Case>& people, const std::vector<Projection>& base,
                   const std::vector<Projection>& alternative) {
  std::string out = "id";
  for (ProjectedDate d : kAllProjectedDates) {
    out += ',';
    out += to_string(d);
    out += ',';
    out += to_string(d);
    out += "_alternative";
  }
  out += ",remission_days,remission_days_alternative\n";
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (!projection_changed(base[i], alternative[i])) continue;
    append_csv_field(out, people[i].person().id());
    for (ProjectedDate d : kAllProjectedDates)
      for (const Projection* p : {&base[i], &alternative[i]}) {
        out += ',';
        if (const auto day = projected_date(*p, d)) out += format_date(*day);
      }
    out += ',' + std::to_string(base[i].remission_days) + ',' + std::to_string(alternative[i].remission_days) + '\n';
  }
  return out;
}

}  // namespace

int run_what_if(const std::vector<std::string>& argv) {
  Args args(argv, with(engine_options(), {"set", "alternative", "as-of", "threads", "o", "output"}),
            {"strict", "timing", "help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 1)
    throw UsageError("what-if takes exactly one FACILITY or ROSTER\n\n" + std::string(kHelp));
  const auto set = args.option("set");
  const auto alternative_file = args.option("alternative");
  if (!set && !alternative_file)
    throw UsageError("what-if needs --set NAME=VALUE or --alternative FILE: the policy to compare with");
  const std::string format = format_of(args, {"text", "json", "csv"}, "text");
  const unsigned threads = thread_count(args);
  const Lang lang = language(args);
  Timing timing(args.flag("timing"));
  const Engine engine = make_engine(args);
  // The alternative: the policy file of --alternative (read as --policy is, --strict applied alike), or the policy
  // itself; then the changes of --set.
  Policy policy = alternative_file ? policy_of(alternative_file, args.flag("strict")) : engine.policy();
  if (set) apply_set(policy, *set);
  const std::vector<Change> changes = changes_between(engine.policy(), policy);
  const Engine alternative_engine(std::move(policy), engine.calendar());
  Population population = Population::load(args.positional()[0]);
  const Date day = as_of(args);
  check_overrides(engine, population);
  check_overrides(alternative_engine, population);
  const std::size_t people = population.people().size();
  timing.lap("read", people);
  const std::vector<Projection> base = project_people(engine, population, threads, lang);
  timing.lap("base", people);
  const std::vector<Projection> alternative = project_people(alternative_engine, population, threads, lang);
  timing.lap("what-if", people);
  const ProjectionComparison comparison = compare_projections(base, alternative, day);
  timing.lap("compare", people);
  const std::string out = format == "json"  ? to_json(comparison, changes)
                          : format == "csv" ? to_csv(population.people(), base, alternative)
                                            : to_text(comparison, changes, lang);
  emit_timed(args, out, timing, people);
  return kOk;
}

}  // namespace binaan::cli
