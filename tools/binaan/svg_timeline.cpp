#include "svg_timeline.hpp"

#include "cli.hpp"

#include <binaan/io/result.hpp>
#include <binaan/time/term.hpp>

#include <algorithm>
#include <cstdio>
#include <locale>
#include <sstream>
#include <vector>

namespace binaan::cli {

SentenceFractions sentence_fractions(const Case&, const Evaluation& ev, const Policy&) {
  return SentenceFractions{ev.half_day, ev.two_thirds_day};  // computed once, by the engine (§2)
}

namespace {

// ---- words ----

std::string esc(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters are not allowed in XML 1.0 (person names are free text).
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') out += ' ';
        else out += ch;
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string plural(int n, const char* en_one, const char* en_many, const char* id) {
  return std::to_string(n) + ' ' + (id ? id : (n == 1 ? en_one : en_many));
}

std::string term_words(Term t, Lang lang) {
  std::vector<std::string> parts;
  bool id = lang == Lang::Id;
  if (t.years()) parts.push_back(plural(t.years(), "year", "years", id ? "tahun" : nullptr));
  if (t.months()) parts.push_back(plural(t.months(), "month", "months", id ? "bulan" : nullptr));
  if (t.days() || parts.empty()) parts.push_back(plural(t.days(), "day", "days", id ? "hari" : nullptr));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

// A nominal amount (a month is 30 days) as people say it: "1 month 15 days".
std::string amount_words(std::int32_t days, Lang lang) {
  return term_words(term_from_nominal_days(days), lang);
}

std::string short_kind(GrantKind k) {
  switch (k) {
    case GrantKind::Ru: return "RU";
    case GrantKind::Rk: return "RK";
    case GrantKind::Tambahan: return "RT";
    case GrantKind::Dasawarsa: return "RD";
    case GrantKind::Kemanusiaan: return "RKm";
    case GrantKind::PmpHan: return "HAN";
    case GrantKind::Unspecified: return "R";
  }
  return "R";
}

// ---- drawing ----

constexpr double kWidth = 1200;
constexpr double kLeft = 50;
constexpr double kRight = 1150;

struct Scale {
  Date t0;
  double days;
  double x(Date d) const { return kLeft + (kRight - kLeft) * days_between(t0, d) / days; }
};

struct KeyDate {
  Date date;
  std::string label;
  const char* color;
  bool today = false;
};

// Places a label of `width` pixels at `x` on the first of `levels` lanes where it does not touch one placed
// before; -1 when every lane is taken.
class Lanes {
public:
  explicit Lanes(int levels) : used_(static_cast<std::size_t>(levels)) {}
  int place(double from, double to) {
    for (std::size_t lane = 0; lane < used_.size(); ++lane) {
      bool free = std::none_of(used_[lane].begin(), used_[lane].end(),
                               [&](const std::pair<double, double>& r) { return from < r.second && r.first < to; });
      if (free) {
        used_[lane].emplace_back(from - 6, to + 6);
        return static_cast<int>(lane);
      }
    }
    return -1;
  }

private:
  std::vector<std::vector<std::pair<double, double>>> used_;
};

double text_width(const std::string& s, double size) {
  // Sans-serif glyphs average a little over half the font size; count UTF-8 characters, not bytes.
  std::size_t chars = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++chars;
  return static_cast<double>(chars) * size * 0.58;
}

void text(std::ostringstream& svg, double x, double y, const std::string& s, double size, const char* extra = "") {
  svg << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" font-size=\"" << num(size) << "\"" << extra << '>'
      << esc(s) << "</text>\n";
}

void rect(std::ostringstream& svg, double x0, double x1, double y, double h, const char* fill,
          const char* extra = "") {
  svg << "<rect x=\"" << num(x0) << "\" y=\"" << num(y) << "\" width=\"" << num(std::max(x1 - x0, 1.5))
      << "\" height=\"" << num(h) << "\" fill=\"" << fill << "\"" << extra << "/>\n";
}

}  // namespace

std::string timeline_svg(const Case& c, const Evaluation& ev, const Policy& policy, Date today, Lang lang) {
  const SentenceFractions fr = sentence_fractions(c, ev, policy);
  const auto& periods = c.detention().periods();
  const std::optional<Term> term = c.sentence().served_term();
  const std::optional<Date> end = ev.final_release ? ev.final_release : ev.expiry ? ev.expiry : ev.term_end;

  // ---- the time scale: from the first day in custody to the release (or today, when later) ----
  Date t0 = periods.front().from;
  if (ev.start) t0 = std::min(t0, *ev.start);
  Date t1 = std::max(end.value_or(today), today);
  if (ev.term_end) t1 = std::max(t1, *ev.term_end);
  if (!end) t1 = std::max(t1, add_years(t0, 5));  // life or death: show five years and say there is no end
  std::int32_t span = std::max(days_between(t0, t1), 60);
  // The margins stay within the years binaan has dates for (1900–2200): the axis ticks are built with make_date.
  Scale sc{std::max(add_days(t0, -span / 30 - 5), make_date(kMinYear, 1, 1)), 0};
  const Date axis_end = std::min(add_days(t1, span / 30 + 5), make_date(kMaxYear, 12, 31));
  sc.days = static_cast<double>(days_between(sc.t0, axis_end));

  // ---- the key dates, in date order, numbered ----
  std::vector<KeyDate> keys;
  if (fr.half) keys.push_back({*fr.half, tr(lang, "Half of the sentence served", "Setengah masa pidana dijalani"), "#6a1b9a"});
  if (fr.two_thirds)
    keys.push_back({*fr.two_thirds, tr(lang, "Two thirds of the sentence served", "Dua pertiga masa pidana dijalani"), "#6a1b9a"});
  if (ev.milestones.pb)
    keys.push_back({*ev.milestones.pb, tr(lang, "Earliest parole (PB)", "Pembebasan bersyarat (PB) paling cepat"), "#1565c0"});
  if (ev.milestones.cmb_start)
    keys.push_back({*ev.milestones.cmb_start, tr(lang, "Leave before release (CMB) can start", "Cuti menjelang bebas (CMB) dapat dimulai"), "#00838f"});
  if (ev.expiry && ev.final_release && *ev.expiry == *ev.final_release) {
    keys.push_back({*ev.expiry, tr(lang, "Sentence ends (expiry) and release", "Masa pidana berakhir (ekspirasi) dan bebas"), "#ad1457"});
  } else {
    if (ev.expiry) keys.push_back({*ev.expiry, tr(lang, "Sentence ends (expiry)", "Masa pidana berakhir (ekspirasi)"), "#2e7d32"});
    if (ev.final_release)
      keys.push_back({*ev.final_release, tr(lang, "Release, after the subsider for the unpaid fine",
                                             "Bebas, setelah subsider denda yang tidak dibayar"), "#ad1457"});
  }
  keys.push_back({today, tr(lang, "Today", "Hari ini"), "#d32f2f", true});
  std::stable_sort(keys.begin(), keys.end(), [](const KeyDate& a, const KeyDate& b) { return a.date < b.date; });

  // ---- the legend entries ----
  struct Entry {
    const char* fill;
    const char* stroke;
    const char* en;
    const char* id;
  };
  const Entry all_entries[] = {
      {"#5b7db1", "none", "In custody (detention and prison)", "Dalam tahanan (penahanan dan lapas)"},
      {"#d9d9d9", "none", "Sentence without remission", "Masa pidana tanpa remisi"},
      {"#2e7d32", "none", "Sentence to serve after remission", "Masa pidana yang dijalani setelah remisi"},
      {"#ef6c00", "none", "Subsider for an unpaid fine", "Subsider denda yang tidak dibayar"},
      {"#f9a825", "#c17900", "Remission granted (RU 17 August, RK religious holiday, RT extra (tambahan), RD decade (dasawarsa))",
       "Remisi diberikan (RU 17 Agustus, RK hari besar keagamaan, RT tambahan, RD dasawarsa)"},
      {"#ffffff", "#c17900", "Remission expected later, if the conditions are met",
       "Remisi yang diharapkan kemudian, bila syarat terpenuhi"},
  };
  // Only what the picture shows: no subsider, no hollow marks, when there are none.
  const bool subsider = ev.expiry && ev.final_release && *ev.final_release > *ev.expiry;
  const bool granted = std::any_of(ev.grants.begin(), ev.grants.end(), [&](const Grant& g) { return g.date <= today; });
  const bool expected = std::any_of(ev.grants.begin(), ev.grants.end(), [&](const Grant& g) { return g.date > today; });
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < std::size(all_entries); ++i)
    if ((i != 3 || subsider) && (i != 4 || granted) && (i != 5 || expected)) entries.push_back(all_entries[i]);

  // ---- vertical layout ----
  const double badge_top = 205;        // numbered badges, up to three lanes
  const double custody_y = 325;
  const double sentence_y = 400;
  const double grants_y = 475;
  const double axis_y = 585;
  const double bar_h = 34;
  const double list_top = axis_y + 80;
  const std::size_t grant_columns = 2;
  const std::size_t grant_rows = (ev.grants.size() + grant_columns - 1) / grant_columns;
  const double grants_list_top = list_top + 36.0 * static_cast<double>(keys.size()) + 40;
  const double legend_top = grants_list_top + 50 + 28.0 * static_cast<double>(grant_rows);
  const double height = legend_top + 80 + 32.0 * static_cast<double>(entries.size());

  std::ostringstream svg;
  svg.imbue(std::locale::classic());  // plain numbers whatever the host's global locale
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(kWidth) << "\" height=\"" << num(height)
      << "\" viewBox=\"0 0 " << num(kWidth) << ' ' << num(height)
      << "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" fill=\"#212121\">\n";
  const std::string who = c.person().name().empty() ? c.person().id() : c.person().name() + " (" + c.person().id() + ")";
  svg << "<title>" << esc(std::string(tr(lang, "Sentence timeline: ", "Linimasa masa pidana: ")) + who) << "</title>\n";
  svg << "<desc>"
      << esc(tr(lang, "Detention, remissions, the half and two-thirds days, parole, leave before release, expiry, "
                      "release and today on one time line.",
                "Penahanan, remisi, hari setengah dan dua pertiga, pembebasan bersyarat, cuti menjelang bebas, "
                "ekspirasi, hari bebas dan hari ini pada satu garis waktu."))
      << "</desc>\n";
  rect(svg, 0, kWidth, 0, height, "#ffffff");

  // ---- headline ----
  text(svg, kLeft, 50, std::string(tr(lang, "Sentence timeline: ", "Linimasa masa pidana: ")) + who, 30,
       " font-weight=\"bold\"");
  std::string about;
  if (c.sentence().kind() == SentenceKind::Life && !term) about = tr(lang, "Life sentence", "Pidana seumur hidup");
  else if (c.sentence().kind() == SentenceKind::Death) about = tr(lang, "Death sentence", "Pidana mati");
  else if (term) about = std::string(tr(lang, "Sentence of ", "Pidana ")) + term_words(*term, lang);
  about += ", " + offence_words(c.sentence().offence(), lang);
  if (ev.start) about += std::string(tr(lang, "; counted from ", "; dihitung sejak ")) + long_date(*ev.start, lang);
  text(svg, kLeft, 88, about + '.', 20);
  std::string headline =
      ev.final_release
          ? std::string(tr(lang, "Expected release: ", "Perkiraan hari bebas: ")) + long_date(*ev.final_release, lang)
          : std::string(tr(lang, "No release date can be computed for this sentence.",
                           "Tidak ada tanggal bebas yang dapat dihitung untuk pidana ini."));
  text(svg, kLeft, 132, headline, 28, " font-weight=\"bold\" fill=\"#ad1457\"");
  text(svg, kLeft, 166,
       std::string(tr(lang, "As of ", "Per tanggal ")) + long_date(today, lang) + " · " +
           tr(lang, "assuming good conduct and the remissions the rules allow",
              "dengan asumsi berkelakuan baik dan remisi sesuai aturan"),
       17, " fill=\"#555555\"");

  // ---- rows ----
  text(svg, kLeft, custody_y - 10, tr(lang, "In custody", "Dalam tahanan"), 18, " font-weight=\"bold\"");
  for (std::size_t i = 0; i < periods.size(); ++i) {
    Date to = periods[i].to ? *periods[i].to : end.value_or(t1);
    rect(svg, sc.x(periods[i].from), sc.x(std::max(to, periods[i].from)), custody_y, bar_h, "#5b7db1");
  }
  for (const auto& e : c.facts().escapes)
    rect(svg, sc.x(e.from), sc.x(e.to), custody_y, bar_h, "#ffffff", " stroke=\"#5b7db1\" stroke-dasharray=\"4 3\"");

  text(svg, kLeft, sentence_y - 10, tr(lang, "Sentence", "Masa pidana"), 18, " font-weight=\"bold\"");
  if (ev.start) {
    if (ev.term_end) rect(svg, sc.x(*ev.start), sc.x(*ev.term_end), sentence_y, bar_h, "#d9d9d9");
    if (ev.expiry) rect(svg, sc.x(*ev.start), sc.x(*ev.expiry), sentence_y, bar_h, "#2e7d32");
    if (ev.expiry && ev.final_release && *ev.final_release > *ev.expiry)
      rect(svg, sc.x(*ev.expiry), sc.x(*ev.final_release), sentence_y, bar_h, "#ef6c00");
    if (!ev.term_end) {
      rect(svg, sc.x(*ev.start), sc.x(t1), sentence_y, bar_h, "#d9d9d9");
      text(svg, sc.x(*ev.start) + 8, sentence_y + 24, tr(lang, "no end date", "tanpa tanggal akhir"), 17);
    }
  }

  text(svg, kLeft, grants_y - 10, tr(lang, "Remissions", "Remisi"), 18, " font-weight=\"bold\"");
  if (ev.grants.empty())
    text(svg, kLeft + 130, grants_y - 10, tr(lang, "(none)", "(tidak ada)"), 17, " fill=\"#555555\"");
  Lanes grant_lanes(3);
  for (const auto& g : ev.grants) {
    double x = sc.x(g.date);
    bool past = g.date <= today;
    svg << "<path d=\"M" << num(x - 8) << ' ' << num(grants_y) << " L" << num(x + 8) << ' ' << num(grants_y) << " L"
        << num(x) << ' ' << num(grants_y + 14) << " Z\" fill=\"" << (past ? "#f9a825" : "#ffffff")
        << "\" stroke=\"#c17900\" stroke-width=\"2\"/>\n";
    std::string label = short_kind(g.kind) + ' ' + std::to_string(g.days);
    double w = text_width(label, 15);
    int lane = grant_lanes.place(x - w / 2, x + w / 2);
    // A white halo keeps the label readable where a key-date line crosses it.
    if (lane >= 0)
      text(svg, x, grants_y + 34 + 19 * lane, label, 15,
           " text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\"");
  }

  // ---- axis with years ----
  svg << "<line x1=\"" << num(kLeft) << "\" y1=\"" << num(axis_y) << "\" x2=\"" << num(kRight) << "\" y2=\""
      << num(axis_y) << "\" stroke=\"#212121\" stroke-width=\"2\"/>\n";
  {
    int first = static_cast<int>(sc.t0.year()) + 1;
    int last = static_cast<int>(add_days(sc.t0, static_cast<std::int32_t>(sc.days)).year());
    int step = last - first > 30 ? 5 : last - first > 14 ? 2 : 1;
    if (last - first < 6) {  // a short sentence: a small tick at every month helps to read the days off
      for (Date m = add_months(make_date(sc.t0.year(), sc.t0.month(), 1), 1); sc.x(m) < kRight; m = add_months(m, 1)) {
        double x = sc.x(m);
        svg << "<line x1=\"" << num(x) << "\" y1=\"" << num(axis_y) << "\" x2=\"" << num(x) << "\" y2=\""
            << num(axis_y + 4) << "\" stroke=\"#757575\" stroke-width=\"1\"/>\n";
      }
    }
    for (int y = first; y <= last; ++y) {
      if (y % step) continue;
      double x = sc.x(make_date(y, 1, 1));
      svg << "<line x1=\"" << num(x) << "\" y1=\"" << num(axis_y - 6) << "\" x2=\"" << num(x) << "\" y2=\""
          << num(axis_y + 6) << "\" stroke=\"#212121\" stroke-width=\"2\"/>\n";
      text(svg, x, axis_y + 28, std::to_string(y), 17, " text-anchor=\"middle\"");
    }
  }

  // ---- key dates: a numbered line each, and the list in words below ----
  Lanes badge_lanes(3);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeyDate& k = keys[i];
    double x = sc.x(k.date);
    int lane = std::max(badge_lanes.place(x - 15, x + 15), 0);
    double by = badge_top + 32.0 * lane;
    svg << "<line x1=\"" << num(x) << "\" y1=\"" << num(by + 15) << "\" x2=\"" << num(x) << "\" y2=\"" << num(axis_y)
        << "\" stroke=\"" << k.color << "\" stroke-width=\"" << (k.today ? "3" : "2")
        << "\" stroke-dasharray=\"" << (k.today ? "8 5" : "4 4") << "\"/>\n";
    svg << "<circle cx=\"" << num(x) << "\" cy=\"" << num(by) << "\" r=\"15\" fill=\"" << k.color << "\"/>\n";
    text(svg, x, by + 6, std::to_string(i + 1), 16, " text-anchor=\"middle\" fill=\"#ffffff\" font-weight=\"bold\"");
  }
  text(svg, kLeft, list_top - 12, tr(lang, "Key dates", "Tanggal penting"), 22, " font-weight=\"bold\"");
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeyDate& k = keys[i];
    double y = list_top + 36.0 * static_cast<double>(i);
    svg << "<circle cx=\"" << num(kLeft + 15) << "\" cy=\"" << num(y + 10) << "\" r=\"15\" fill=\"" << k.color
        << "\"/>\n";
    text(svg, kLeft + 15, y + 16, std::to_string(i + 1), 16,
         " text-anchor=\"middle\" fill=\"#ffffff\" font-weight=\"bold\"");
    text(svg, kLeft + 45, y + 17, long_date(k.date, lang) + " (" + format_date(k.date) + ") — " + k.label, 19);
  }

  // ---- every grant in words ----
  {
    std::int64_t total = 0;
    for (const auto& g : ev.grants) total += g.effective_days;
    std::string title = std::string(tr(lang, "Remissions: ", "Remisi: ")) + std::to_string(ev.grants.size()) + ", " +
                        tr(lang, "together ", "seluruhnya ") + std::to_string(total) + tr(lang, " days", " hari");
    text(svg, kLeft, grants_list_top, title, 22, " font-weight=\"bold\"");
    const double column_width = (kRight - kLeft) / static_cast<double>(grant_columns);
    for (std::size_t i = 0; i < ev.grants.size(); ++i) {
      const Grant& g = ev.grants[i];
      double x = kLeft + column_width * static_cast<double>(i / std::max<std::size_t>(grant_rows, 1));
      double y = grants_list_top + 34 + 28.0 * static_cast<double>(i % std::max<std::size_t>(grant_rows, 1));
      std::string line = format_date(g.date) + "  " + short_kind(g.kind) + "  " + amount_words(g.days, lang);
      if (g.release) line += tr(lang, " (release)", " (bebas)");
      if (g.estimated) line += " *";
      text(svg, x, y, line, 16, g.date <= today ? "" : " fill=\"#6d6d6d\"");
    }
  }

  // ---- legend ----
  text(svg, kLeft, legend_top, tr(lang, "Legend", "Keterangan"), 22, " font-weight=\"bold\"");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    double x = kLeft;
    double y = legend_top + 18 + 32.0 * static_cast<double>(i);
    svg << "<rect x=\"" << num(x) << "\" y=\"" << num(y) << "\" width=\"28\" height=\"20\" fill=\"" << entries[i].fill
        << "\" stroke=\"" << entries[i].stroke << "\" stroke-width=\"2\"/>\n";
    text(svg, x + 38, y + 16, tr(lang, entries[i].en, entries[i].id), 17);
  }
  std::string note = std::string(tr(lang, "Computed by binaan, policy ", "Dihitung oleh binaan, kebijakan ")) +
                     ev.policy_id + ' ' + ev.policy_version + ". " +
                     tr(lang, "The prison's decision is the official one.", "Keputusan lapas yang berlaku resmi.");
  if (ev.estimated)
    note += std::string(" * ") + tr(lang, "Rests on estimated holiday dates.", "Memakai perkiraan tanggal hari besar.");
  text(svg, kLeft, legend_top + 18 + 32.0 * static_cast<double>(entries.size()) + 20, note, 14,
       " fill=\"#555555\"");
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace binaan::cli
