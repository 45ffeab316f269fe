#include <binaan/io/result.hpp>

#include <nlohmann/json.hpp>

#include <locale>
#include <sstream>

namespace binaan {

namespace {

using Json = nlohmann::ordered_json;

std::string level_of(bool release) { return release ? "II" : "I"; }

Json rule_json(RuleId r, Lang lang) {
  const RuleInfo& info = rule_info(r);
  return Json{{"code", info.code}, {"message", rule_text(r, lang)}, {"citation", info.citation}};
}

Json decision_json(const Decision& d, Lang lang) {
  Json j;
  j["date"] = format_date(d.date);
  j["kind"] = to_string(d.kind);
  j["outcome"] = to_string(d.outcome);
  if (d.outcome == Outcome::Granted) {
    j["days"] = d.days;
    j["effective_days"] = d.effective_days;
    j["level"] = level_of(d.release);
    j["release"] = d.release;
  }
  if (d.step > 0) j["step"] = d.step;
  if (d.date_status != DateStatus::Fixed) j["date_status"] = to_string(d.date_status);
  if (!d.rules.empty()) {
    Json rules = Json::array();
    for (RuleId r : d.rules) rules.push_back(rule_json(r, lang));
    j["rules"] = std::move(rules);
  }
  if (!d.failed.empty()) {
    Json failed = Json::array();
    for (const auto& f : d.failed) {
      Json fj = rule_json(f.rule, lang);
      if (f.earliest) fj["earliest"] = format_date(*f.earliest);
      failed.push_back(std::move(fj));
    }
    j["failed"] = std::move(failed);
  }
  if (!d.missing.empty()) {
    Json missing = Json::array();
    for (auto m : d.missing) missing.push_back(to_string(m));
    j["missing"] = std::move(missing);
  }
  if (!d.assumptions.empty()) {
    Json assumed = Json::array();
    for (RuleId r : d.assumptions) assumed.push_back(rule_json(r, lang));
    j["assumptions"] = std::move(assumed);
  }
  return j;
}

void put_date(Json& j, const char* key, const std::optional<Date>& d) {
  if (d) j[key] = format_date(*d);
}

std::string dump(const Json& j, int indent) { return j.dump(indent, ' ', false, Json::error_handler_t::replace); }

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
  Json j;
  if (!ev.id.empty()) j["id"] = ev.id;
  j["person"] = ev.person;
  put_date(j, "start", ev.start);
  put_date(j, "term_end", ev.term_end);
  Json grants = Json::array();
  for (const auto& g : ev.grants) {
    Json gj{{"date", format_date(g.date)}, {"kind", to_string(g.kind)}, {"days", g.days}, {"release", g.release}};
    if (g.effective_days != g.days) gj["effective_days"] = g.effective_days;
    if (g.recorded) gj["recorded"] = true;
    if (g.estimated) gj["estimated"] = true;
    grants.push_back(std::move(gj));
  }
  j["grants"] = std::move(grants);
  put_date(j, "expiry", ev.expiry);
  put_date(j, "final_release", ev.final_release);
  if (ev.subsider_days > 0) j["subsider_days"] = ev.subsider_days;
  if (ev.half_day || ev.two_thirds_day) {
    Json fractions = Json::object();
    put_date(fractions, "half", ev.half_day);
    put_date(fractions, "two_thirds", ev.two_thirds_day);
    j["fractions"] = std::move(fractions);
  }
  Json m = Json::object();
  put_date(m, "asimilasi", ev.milestones.asimilasi);
  put_date(m, "cmk", ev.milestones.cmk);
  put_date(m, "pb", ev.milestones.pb);
  put_date(m, "cb", ev.milestones.cb);
  put_date(m, "cmb_start", ev.milestones.cmb_start);
  if (ev.expiry) j["milestones"] = std::move(m);
  if (ev.parole_scenario) {
    const auto& ps = *ev.parole_scenario;
    j["parole_scenario"] = Json{{"pb", format_date(ps.pb)},
                                {"expiry", format_date(ps.expiry)},
                                {"probation_end", format_date(ps.probation_end)}};
  }
  if (ev.pb_path) {
    Json steps = Json::array();
    for (const auto& s : ev.pb_path->steps) {
      Json sj = rule_json(s.rule, options.lang);
      if (s.met_on) sj["met_on"] = format_date(*s.met_on);
      steps.push_back(std::move(sj));
    }
    Json path{{"steps", std::move(steps)}};
    put_date(path, "earliest", ev.pb_path->earliest);
    j["pb_path"] = std::move(path);
  }
  j["policy"] = Json{{"id", ev.policy_id}, {"version", ev.policy_version}};
  j["estimated"] = ev.estimated;
  if (!ev.notes.empty()) {
    Json notes = Json::array();
    for (RuleId r : ev.notes) notes.push_back(rule_json(r, options.lang));
    j["notes"] = std::move(notes);
  }
  if (options.decisions) {
    Json decisions = Json::array();
    for (const auto& d : ev.decisions) decisions.push_back(decision_json(d, options.lang));
    j["decisions"] = std::move(decisions);
  }
  return dump(j, options.indent);
}

std::string decision_to_text(const Decision& d, Lang lang) {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // plain numbers whatever the host's global locale
  out << format_date(d.date) << "  " << grant_kind_label(d.kind, lang);
  if (d.outcome == Outcome::Granted) {
    if (d.kind == GrantKind::Ru || d.kind == GrantKind::Rk) out << ' ' << level_of(d.release);
    out << ": " << text(lang, "granted ", "diberikan ") << d.days << text(lang, " days", " hari");
    if (d.effective_days != d.days)
      out << " (" << d.effective_days << text(lang, " days taken off", " hari dikurangkan") << ")";
    if (d.release) out << text(lang, ", released that day", ", bebas pada hari itu");
  } else if (d.outcome == Outcome::NotEligible) {
    out << ": " << text(lang, "not eligible", "tidak memenuhi syarat");
  } else {
    out << ": " << text(lang, "needs review", "perlu ditinjau");
  }
  if (is_estimate(d.date_status)) out << text(lang, " [date estimated]", " [tanggal perkiraan]");
  out << '\n';
  for (RuleId r : d.rules)
    out << "      " << rule_text(r, lang) << " (" << rule_info(r).citation << ")\n";
  for (const auto& f : d.failed) {
    out << "      " << text(lang, "not met: ", "tidak terpenuhi: ") << rule_text(f.rule, lang) << " ("
        << rule_info(f.rule).citation << ")";
    if (f.earliest) out << text(lang, "; earliest ", "; paling cepat ") << format_date(*f.earliest);
    out << '\n';
  }
  for (auto m : d.missing) out << "      " << text(lang, "missing fact: ", "fakta belum tercatat: ") << to_string(m) << '\n';
  for (RuleId r : d.assumptions)
    out << "      " << text(lang, "assumed (not recorded): ", "diasumsikan (belum tercatat): ") << rule_text(r, lang)
        << " (" << rule_info(r).citation << ")\n";
  return out.str();
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
  Json granted = Json::array(), refused = Json::array(), review = Json::array(), summary = Json::array();
  for (const auto& o : run.outcomes) {
    for (const auto& d : run.decisions_of(o)) {
      if (d.outcome == Outcome::Granted) {
        Json g{{"id", o.person}, {"kind", to_string(d.kind)}, {"days", d.days}, {"release", d.release},
               {"level", level_of(d.release)}};
        granted.push_back(std::move(g));
      } else if (d.outcome == Outcome::NotEligible) {
        Json reasons = Json::array();
        for (const auto& f : d.failed) {
          Json r = rule_json(f.rule, options.lang);
          if (f.earliest) r["earliest"] = format_date(*f.earliest);
          reasons.push_back(std::move(r));
        }
        refused.push_back(Json{{"id", o.person}, {"kind", to_string(d.kind)}, {"reasons", std::move(reasons)}});
      } else {
        Json missing = Json::array();
        for (auto mf : d.missing) missing.push_back(to_string(mf));
        review.push_back(Json{{"id", o.person}, {"kind", to_string(d.kind)}, {"missing", std::move(missing)}});
      }
    }
  }
  for (const auto& row : run.summary)
    summary.push_back(Json{{"kind", to_string(row.kind)}, {"level", level_of(row.level_ii)}, {"days", row.days},
                           {"count", row.count}});
  Json j{{"date", format_date(run.date)}, {"granted", std::move(granted)}, {"not_eligible", std::move(refused)},
         {"needs_review", std::move(review)}, {"summary", std::move(summary)}};
  return dump(j, options.indent);
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
