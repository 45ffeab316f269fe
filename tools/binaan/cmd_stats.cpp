// `binaan stats FACILITY|ROSTER`: the population by offence, religion and sentence length, and the releases to
// come month by month.
#include "cli.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>
#include <locale>
#include <sstream>

namespace binaan::cli {

namespace {
constexpr const char* kHelp =
    "usage: binaan stats FACILITY|ROSTER [--as-of DATE] [--months N] [--format text|json] [--lang id|en]\n"
    "                    [--strict] [--threads N] [--holidays FILE] [--policy FILE] [-o FILE]\n"
    "\n"
    "The population by offence, by religion and by sentence length, how many are in custody on the as-of day, and\n"
    "the releases expected month by month from it (custody scenario: final release, remissions projected).\n"
    "\n"
    "  --as-of DATE        the day counted from (default: the system date, printed on standard error)\n"
    "  --months N          months of releases to list (default 12, at most 600)\n"
    "  --format text|json  output format (default text). JSON keys: as_of, people, in_custody, by_offence,\n"
    "                      by_religion, by_sentence_length (band, count), releases_by_month (month, count),\n"
    "                      released_before, releases_later, no_release_date\n"
    "  --lang id|en        language (default: from LANG, Indonesian when it starts with \"id\")\n"
    "  --threads N         worker threads (default 0: all cores)\n"
    "  --strict, --holidays FILE, --policy FILE   as for evaluate\n"
    "  -o, --output FILE   write to FILE (atomically) instead of standard output\n"
    "\n"
    "Sentence length bands (the term served; a month is 30 days): under_1y, 1y_to_5y, 5y_to_10y, 10y_to_20y,\n"
    "20y_and_more, life, death.\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

using Json = nlohmann::ordered_json;

constexpr Offence kOffences[] = {Offence::General,       Offence::Narcotics,   Offence::Corruption,
                                 Offence::Terrorism,     Offence::StateSecurity, Offence::HumanRights,
                                 Offence::OrganisedCrime};
constexpr Religion kReligions[] = {Religion::Islam,    Religion::Protestant, Religion::Catholic, Religion::Hindu,
                                   Religion::Buddhist, Religion::Confucian,  Religion::Other,    Religion::Unknown};

struct Band {
  const char* code;
  const char* en;
  const char* id;
};
constexpr Band kBands[] = {
    {"under_1y", "under 1 year", "kurang dari 1 tahun"},   {"1y_to_5y", "1 to under 5 years", "1 s.d. < 5 tahun"},
    {"5y_to_10y", "5 to under 10 years", "5 s.d. < 10 tahun"}, {"10y_to_20y", "10 to under 20 years", "10 s.d. < 20 tahun"},
    {"20y_and_more", "20 years or more", "20 tahun atau lebih"}, {"life", "life", "seumur hidup"},
    {"death", "death", "pidana mati"}};

std::size_t band_of(const Case& c) {
  if (c.sentence().kind() == SentenceKind::Death) return 6;
  auto term = c.sentence().served_term();
  if (!term) return 5;  // life, not commuted
  int days = term->nominal_days();
  return days < 360 ? 0 : days < 1800 ? 1 : days < 3600 ? 2 : days < 7200 ? 3 : 4;
}

struct Stats {
  Date as_of;
  std::size_t people = 0;
  std::size_t in_custody = 0;
  std::size_t offence[std::size(kOffences)] = {};
  std::size_t religion[std::size(kReligions)] = {};
  std::size_t band[std::size(kBands)] = {};
  std::vector<std::pair<Date, std::size_t>> months;  // first day of each month (the first: the as-of day)
  std::size_t released_before = 0;
  std::size_t later = 0;
  std::size_t no_release = 0;
};

Stats compute(const std::vector<Case>& people, const std::vector<Projection>& prs, Date as_of, int months) {
  Stats s;
  s.as_of = as_of;
  s.people = people.size();
  for (int m = 0; m < months; ++m)
    s.months.emplace_back(m == 0 ? as_of : add_months(make_date(as_of.year(), as_of.month(), 1), m), 0);
  const Date window_end = add_months(make_date(as_of.year(), as_of.month(), 1), months);
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Case& c = people[i];
    const Projection& pr = prs[i];
    ++s.offence[static_cast<std::size_t>(c.sentence().offence())];
    ++s.religion[static_cast<std::size_t>(c.person().religion())];
    ++s.band[band_of(c)];
    const bool arrived = c.detention().periods().front().from <= as_of;
    if (!pr.final_release) {
      ++s.no_release;
      if (arrived) ++s.in_custody;
      continue;
    }
    const Date release = *pr.final_release;
    if (release < as_of) {
      ++s.released_before;
      continue;
    }
    if (arrived) ++s.in_custody;
    if (release >= window_end) {
      ++s.later;
      continue;
    }
    std::size_t m = 0;
    while (m + 1 < s.months.size() && s.months[m + 1].first <= release) ++m;
    ++s.months[m].second;
  }
  return s;
}

std::string month_code(Date d) { return format_date(d).substr(0, 7); }

std::string to_json(const Stats& s) {
  Json j;
  j["as_of"] = format_date(s.as_of);
  j["people"] = s.people;
  j["in_custody"] = s.in_custody;
  Json offence = Json::array(), religion = Json::array(), band = Json::array(), months = Json::array();
  for (std::size_t i = 0; i < std::size(kOffences); ++i)
    offence.push_back(Json{{"offence", to_string(kOffences[i])}, {"count", s.offence[i]}});
  for (std::size_t i = 0; i < std::size(kReligions); ++i)
    religion.push_back(Json{{"religion", to_string(kReligions[i])}, {"count", s.religion[i]}});
  for (std::size_t i = 0; i < std::size(kBands); ++i) band.push_back(Json{{"band", kBands[i].code}, {"count", s.band[i]}});
  for (const auto& [first, n] : s.months) months.push_back(Json{{"month", month_code(first)}, {"count", n}});
  j["by_offence"] = std::move(offence);
  j["by_religion"] = std::move(religion);
  j["by_sentence_length"] = std::move(band);
  j["releases_by_month"] = std::move(months);
  j["released_before"] = s.released_before;
  j["releases_later"] = s.later;
  j["no_release_date"] = s.no_release;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';  // non-UTF-8 text: U+FFFD
}

std::string to_text(const Stats& s, Lang lang) {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // plain numbers whatever the host's global locale
  auto row = [&](const std::string& label, std::size_t n) {
    out << "  " << std::left << std::setw(40) << label << std::right << std::setw(8) << n << '\n';
  };
  out << tr(lang, "Population as of ", "Populasi per ") << format_date(s.as_of) << ": " << s.people
      << tr(lang, " people, ", " orang, ") << s.in_custody << tr(lang, " in custody\n", " dalam tahanan\n");
  out << '\n' << tr(lang, "By offence\n", "Menurut tindak pidana\n");
  for (std::size_t i = 0; i < std::size(kOffences); ++i)
    if (s.offence[i]) row(offence_words(kOffences[i], lang), s.offence[i]);
  out << '\n' << tr(lang, "By religion\n", "Menurut agama\n");
  for (std::size_t i = 0; i < std::size(kReligions); ++i)
    if (s.religion[i]) row(religion_words(kReligions[i], lang), s.religion[i]);
  out << '\n' << tr(lang, "By sentence length\n", "Menurut lama pidana\n");
  for (std::size_t i = 0; i < std::size(kBands); ++i)
    if (s.band[i]) row(tr(lang, kBands[i].en, kBands[i].id), s.band[i]);
  out << '\n' << tr(lang, "Releases expected by month\n", "Perkiraan pembebasan per bulan\n");
  for (const auto& [first, n] : s.months) row(month_code(first), n);
  row(tr(lang, "later", "sesudahnya"), s.later);
  if (s.released_before) row(tr(lang, "released before the as-of day", "sudah bebas sebelum tanggal itu"), s.released_before);
  if (s.no_release) row(tr(lang, "no release date (life, death)", "tanpa tanggal bebas (seumur hidup, mati)"), s.no_release);
  return out.str();
}

}  // namespace

int run_stats(const std::vector<std::string>& argv) {
  Args args(argv, with(engine_options(), {"as-of", "months", "threads", "o", "output"}), {"strict", "help"});
  if (args.flag("help")) {
    std::cout << kHelp;
    return kOk;
  }
  if (args.positional().size() != 1)
    throw UsageError("stats takes exactly one FACILITY or ROSTER\n\n" + std::string(kHelp));
  const std::string format = format_of(args, {"text", "json"}, "text");
  int months = 12;
  if (auto m = args.option("months")) {
    bool digits = !m->empty() && m->size() <= 3 && m->find_first_not_of("0123456789") == std::string::npos;
    months = digits ? std::stoi(*m) : -1;
    if (months < 1 || months > 600) throw UsageError("--months takes a number from 1 to 600, not \"" + *m + "\"");
  }
  const unsigned threads = thread_count(args);
  const Lang lang = language(args);
  Engine engine = make_engine(args);
  Population population = Population::load(args.positional()[0]);
  const Date day = as_of(args);
  check_overrides(engine, population);
  // Only the final release is read: the fixed-size projections, not full evaluations.
  const std::vector<Projection> prs = project_people(engine, population, threads, lang);
  Stats s = compute(population.people(), prs, day, months);
  emit(args, format == "json" ? to_json(s) : to_text(s, lang));
  return kOk;
}

}  // namespace binaan::cli
