#include <binaan/io/result.hpp>

#include "io/detail_json.hpp"

#include <locale>
#include <sstream>

namespace binaan {

namespace {

using detail::JsonWriter;

// The results are written straight into their text (a million people's projections are about 1.5 GB of JSON), in
// the layout and with the escapes of nlohmann-json's dump, which wrote them before (detail::JsonWriter).

const char* level_of(bool release) { return release ? "II" : "I"; }

// Every key here is a literal of the code, printable ASCII (JsonWriter::key_plain).
void put(JsonWriter& w, std::string_view key, std::string_view value) {
  w.key_plain(key);
  w.string(value);
}

void put(JsonWriter& w, std::string_view key, std::int64_t value) {
  w.key_plain(key);
  w.integer(value);
}

void put_bool(JsonWriter& w, std::string_view key, bool value) {
  w.key_plain(key);
  w.boolean(value);
}

void put_date(JsonWriter& w, std::string_view key, Date d) {
  w.key_plain(key);
  w.date(d);
}

void put_date(JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
  if (d) put_date(w, key, *d);
}

// {"code", "message", "citation"} of a rule; `more` writes further members (an earliest day, the day met).
template <typename More>
void rule_object(JsonWriter& w, RuleId r, Lang lang, More more) {
  const RuleInfo& info = rule_info(r);
  w.begin_object();
  put(w, "code", info.code);
  put(w, "message", rule_text(r, lang));
  put(w, "citation", info.citation);
  more();
  w.end_object();
}

void rule_object(JsonWriter& w, RuleId r, Lang lang) {
  rule_object(w, r, lang, [] {});
}

template <typename Rules>
void rule_array(JsonWriter& w, std::string_view key, const Rules& rules, Lang lang) {
  w.key_plain(key);
  w.begin_array();
  for (RuleId r : rules) rule_object(w, r, lang);
  w.end_array();
}

void failed_array(JsonWriter& w, std::string_view key, const SmallList<FailedCondition, 4>& failed, Lang lang) {
  w.key_plain(key);
  w.begin_array();
  for (const auto& f : failed) rule_object(w, f.rule, lang, [&] { put_date(w, "earliest", f.earliest); });
  w.end_array();
}

void missing_array(JsonWriter& w, const SmallList<MissingFact, 2>& missing) {
  w.key_plain("missing");
  w.begin_array();
  for (auto m : missing) w.string(to_string(m));
  w.end_array();
}

void decision_object(JsonWriter& w, const Decision& d, Lang lang) {
  w.begin_object();
  put_date(w, "date", d.date);
  put(w, "kind", to_string(d.kind));
  put(w, "outcome", to_string(d.outcome));
  if (d.outcome == Outcome::Granted) {
    put(w, "days", d.days);
    put(w, "effective_days", d.effective_days);
    put(w, "level", level_of(d.release));
    put_bool(w, "release", d.release);
  }
  if (d.step > 0) put(w, "step", d.step);
  if (d.date_status != DateStatus::Fixed) put(w, "date_status", to_string(d.date_status));
  if (!d.rules.empty()) rule_array(w, "rules", d.rules, lang);
  if (!d.failed.empty()) failed_array(w, "failed", d.failed, lang);
  if (!d.missing.empty()) missing_array(w, d.missing);
  if (!d.assumptions.empty()) rule_array(w, "assumptions", d.assumptions, lang);
  w.end_object();
}

const char* text(Lang lang, const char* en, const char* id) { return lang == Lang::Id ? id : en; }

}  // namespace

std::string_view grant_kind_label(GrantKind k, Lang lang) {
  switch (k) {
    case GrantKind::Ru: return "RU";
    case GrantKind::Rk: return "RK";
    case GrantKind::Tambahan: return lang == Lang::Id ? "remisi tambahan" : "additional (tambahan)";
    case GrantKind::Dasawarsa: return lang == Lang::Id ? "remisi dasawarsa" : "tenth-anniversary (dasawarsa)";
    case GrantKind::Kemanusiaan: return lang == Lang::Id ? "remisi kemanusiaan" : "humanitarian (kemanusiaan)";
    case GrantKind::PmpHan: return "PMP HAN";
    case GrantKind::Unspecified: return lang == Lang::Id ? "remisi (tidak dirinci)" : "remission (unspecified)";
  }
  return "?";
}

std::string evaluation_to_json(const Evaluation& ev, const RenderOptions& options) {
  std::string out;
  JsonWriter w(out, options.indent);
  w.begin_object();
  if (!ev.id.empty()) put(w, "id", ev.id);
  put(w, "person", ev.person);
  put_date(w, "start", ev.start);
  put_date(w, "term_end", ev.term_end);
  w.key_plain("grants");
  w.begin_array();
  for (const auto& g : ev.grants) {
    w.begin_object();
    put_date(w, "date", g.date);
    put(w, "kind", to_string(g.kind));
    put(w, "days", g.days);
    put_bool(w, "release", g.release);
    if (g.effective_days != g.days) put(w, "effective_days", g.effective_days);
    if (g.recorded) put_bool(w, "recorded", true);
    if (g.estimated) put_bool(w, "estimated", true);
    w.end_object();
  }
  w.end_array();
  put_date(w, "expiry", ev.expiry);
  put_date(w, "final_release", ev.final_release);
  if (ev.subsider_days > 0) put(w, "subsider_days", ev.subsider_days);
  if (ev.half_day || ev.two_thirds_day) {
    w.key_plain("fractions");
    w.begin_object();
    put_date(w, "half", ev.half_day);
    put_date(w, "two_thirds", ev.two_thirds_day);
    w.end_object();
  }
  if (ev.expiry) {
    const auto& m = ev.milestones;
    w.key_plain("milestones");
    w.begin_object();
    put_date(w, "asimilasi", m.asimilasi);
    put_date(w, "cmk", m.cmk);
    put_date(w, "pb", m.pb);
    put_date(w, "cb", m.cb);
    put_date(w, "cmb_start", m.cmb_start);
    w.end_object();
  }
  if (ev.parole_scenario) {
    const auto& ps = *ev.parole_scenario;
    w.key_plain("parole_scenario");
    w.begin_object();
    put_date(w, "pb", ps.pb);
    put_date(w, "expiry", ps.expiry);
    put_date(w, "probation_end", ps.probation_end);
    w.end_object();
  }
  if (ev.pb_path) {
    w.key_plain("pb_path");
    w.begin_object();
    w.key_plain("steps");
    w.begin_array();
    for (const auto& step : ev.pb_path->steps)
      rule_object(w, step.rule, options.lang, [&] { put_date(w, "met_on", step.met_on); });
    w.end_array();
    put_date(w, "earliest", ev.pb_path->earliest);
    w.end_object();
  }
  w.key_plain("policy");
  w.begin_object();
  put(w, "id", ev.policy_id);
  put(w, "version", ev.policy_version);
  w.end_object();
  put_bool(w, "estimated", ev.estimated);
  if (!ev.notes.empty()) rule_array(w, "notes", ev.notes, options.lang);
  if (options.decisions) {
    w.key_plain("decisions");
    w.begin_array();
    for (const auto& d : ev.decisions) decision_object(w, d, options.lang);
    w.end_array();
  }
  w.end_object();
  return out;
}

std::string decision_to_text(const Decision& d, Lang lang) {
  // Appended piece by piece (a grant-day run's text has a decision for most of a million people): the same text
  // a stream in the classic locale wrote.
  std::string out;
  out.reserve(256);  // most decisions' text fits: one allocation rather than one for each doubling
  out += format_date(d.date);
  out += "  ";
  out += grant_kind_label(d.kind, lang);
  if (d.outcome == Outcome::Granted) {
    if (d.kind == GrantKind::Ru || d.kind == GrantKind::Rk) {
      out += ' ';
      out += level_of(d.release);
    }
    out += ": ";
    out += text(lang, "granted ", "diberikan ");
    out += std::to_string(d.days);
    out += text(lang, " days", " hari");
    if (d.effective_days != d.days) {
      out += " (";
      out += std::to_string(d.effective_days);
      out += text(lang, " days taken off", " hari dikurangkan");
      out += ")";
    }
    if (d.release) out += text(lang, ", released that day", ", bebas pada hari itu");
  } else if (d.outcome == Outcome::NotEligible) {
    out += ": ";
    out += text(lang, "not eligible", "tidak memenuhi syarat");
  } else {
    out += ": ";
    out += text(lang, "needs review", "perlu ditinjau");
  }
  if (is_estimate(d.date_status)) out += text(lang, " [date estimated]", " [tanggal perkiraan]");
  out += '\n';
  auto rule_line = [&](const char* prefix, RuleId r) {
    out += "      ";
    out += prefix;
    out += rule_text(r, lang);
    out += " (";
    out += rule_info(r).citation;
    out += ")";
  };
  for (RuleId r : d.rules) {
    rule_line("", r);
    out += '\n';
  }
  for (const auto& f : d.failed) {
    rule_line(text(lang, "not met: ", "tidak terpenuhi: "), f.rule);
    if (f.earliest) {
      out += text(lang, "; earliest ", "; paling cepat ");
      out += format_date(*f.earliest);
    }
    out += '\n';
  }
  for (auto m : d.missing) {
    out += "      ";
    out += text(lang, "missing fact: ", "fakta belum tercatat: ");
    out += to_string(m);
    out += '\n';
  }
  for (RuleId r : d.assumptions) {
    rule_line(text(lang, "assumed (not recorded): ", "diasumsikan (belum tercatat): "), r);
    out += '\n';
  }
  return out;
}

std::string evaluation_to_text(const Evaluation& ev, const RenderOptions& options) {
  Lang lang = options.lang;
  std::ostringstream out;
  out.imbue(std::locale::classic());  // plain numbers whatever the host's global locale
  auto date_or_dash = [](const std::optional<Date>& d) { return d ? format_date(*d) : std::string("-"); };
  out << text(lang, "Case ", "Kasus ") << (ev.id.empty() ? ev.person : ev.id) << text(lang, " (person ", " (WBP ")
      << ev.person << ")\n";
  out << text(lang, "Sentence start:           ", "Awal pidana:                    ") << date_or_dash(ev.start) << '\n';
  out << text(lang, "Term end, no remission:   ", "Akhir pidana tanpa remisi:      ") << date_or_dash(ev.term_end) << '\n';
  std::int32_t total = 0;
  for (const auto& g : ev.grants) total += g.effective_days;
  out << text(lang, "Grants: ", "Remisi: ") << ev.grants.size() << ", " << total << text(lang, " days\n", " hari\n");
  for (const auto& g : ev.grants) {
    out << "  " << format_date(g.date) << "  " << grant_kind_label(g.kind, lang);
    if (g.kind == GrantKind::Ru || g.kind == GrantKind::Rk) out << ' ' << level_of(g.release);
    out << "  " << g.days << text(lang, " days", " hari");
    if (g.recorded) out << text(lang, " (recorded)", " (tercatat)");
    if (g.estimated) out << text(lang, " (estimated date)", " (tanggal perkiraan)");
    out << '\n';
  }
  out << text(lang, "Expiry:                   ", "Ekspirasi:                      ") << date_or_dash(ev.expiry) << '\n';
  out << text(lang, "Final release:            ", "Bebas akhir:                    ") << date_or_dash(ev.final_release);
  if (ev.subsider_days > 0) out << text(lang, " (after a subsider of ", " (setelah subsider ") << ev.subsider_days
                                << text(lang, " days)", " hari)");
  out << '\n';
  const auto& m = ev.milestones;
  out << text(lang, "Earliest programmes:      ", "Program paling cepat:           ")
      << "asimilasi " << date_or_dash(m.asimilasi) << ", CMK " << date_or_dash(m.cmk) << ", PB " << date_or_dash(m.pb)
      << ", CB " << date_or_dash(m.cb) << ", CMB " << date_or_dash(m.cmb_start) << '\n';
  if (ev.parole_scenario) {
    const auto& ps = *ev.parole_scenario;
    out << text(lang, "If paroled on the earliest day: PB ", "Bila PB pada hari paling cepat: PB ") << format_date(ps.pb)
        << text(lang, ", term expires ", ", ekspirasi ") << format_date(ps.expiry)
        << text(lang, ", probation ends ", ", masa percobaan berakhir ") << format_date(ps.probation_end) << '\n';
  }
  for (RuleId r : ev.notes) out << text(lang, "Note: ", "Catatan: ") << rule_text(r, lang) << " (" << rule_info(r).citation << ")\n";
  if (ev.estimated)
    out << text(lang, "Some dates rest on estimated holiday dates.\n", "Sebagian tanggal memakai perkiraan hari besar.\n");
  if (options.decisions && !ev.decisions.empty()) {
    out << text(lang, "Decisions:\n", "Keputusan:\n");
    for (const auto& d : ev.decisions) out << "  " << decision_to_text(d, lang);
  }
  out << text(lang, "Policy: ", "Kebijakan: ") << ev.policy_id << ' ' << ev.policy_version << '\n';
  return out.str();
}

std::string day_run_to_json(const DayRun& run, const RenderOptions& options) {
  std::string out;
  JsonWriter w(out, options.indent);
  w.begin_object();
  put_date(w, "date", run.date);
  // The decisions by outcome, each list in roster order: one pass over the run for each.
  auto section = [&](const char* key, Outcome outcome, auto write) {
    w.key_plain(key);
    w.begin_array();
    for (const auto& o : run.outcomes)
      for (const auto& d : run.decisions_of(o))
        if (d.outcome == outcome) {
          w.begin_object();
          put(w, "id", o.person);
          put(w, "kind", to_string(d.kind));
          write(d);
          w.end_object();
        }
    w.end_array();
  };
  section("granted", Outcome::Granted, [&](const Decision& d) {
    put(w, "days", d.days);
    put_bool(w, "release", d.release);
    put(w, "level", level_of(d.release));
  });
  section("not_eligible", Outcome::NotEligible,
          [&](const Decision& d) { failed_array(w, "reasons", d.failed, options.lang); });
  section("needs_review", Outcome::NeedsReview, [&](const Decision& d) { missing_array(w, d.missing); });
  w.key_plain("summary");
  w.begin_array();
  for (const auto& row : run.summary) {
    w.begin_object();
    put(w, "kind", to_string(row.kind));
    put(w, "level", level_of(row.level_ii));
    put(w, "days", row.days);
    put(w, "count", static_cast<std::int64_t>(row.count));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

std::string day_run_to_text(const DayRun& run, const RenderOptions& options) {
  Lang lang = options.lang;
  std::ostringstream out;
  out.imbue(std::locale::classic());  // plain numbers whatever the host's global locale
  std::size_t granted = 0, refused = 0, review = 0;
  for (const auto& o : run.outcomes)
    for (const auto& d : run.decisions_of(o))
      (d.outcome == Outcome::Granted ? granted : d.outcome == Outcome::NotEligible ? refused : review)++;
  out << text(lang, "Grant day ", "Hari pemberian ") << format_date(run.date) << ": " << granted
      << text(lang, " granted, ", " diberikan, ") << refused << text(lang, " not eligible, ", " tidak memenuhi syarat, ")
      << review << text(lang, " need review\n", " perlu ditinjau\n");
  for (const auto& row : run.summary) {
    out << "  " << grant_kind_label(row.kind, lang) << ' ' << level_of(row.level_ii);
    out << "  " << to_string(term_from_nominal_days(row.days)) << " (" << row.days << text(lang, " days", " hari")
        << "): " << row.count << '\n';
  }
  return out.str();
}

}  // namespace binaan
