// The demo prison (1,200 fictional people and a year of programmes): nothing that names or describes one person —
// name, id, birth date, sentence, offence, conduct — reaches the partner reports (JSON, CSV, text) or the research
// export (CSV, JSON), and every key they write is on their whitelist.
#include "privacy_support.hpp"

#include <binaan/io/roster_csv.hpp>
#include <binaan/privacy/research_export.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/programme_report.hpp>
#include <binaan/synth/demo.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

using namespace binaan;
using binaan::test::csv_names_of;
using binaan::test::dates_in;
using binaan::test::json_key_paths;
using binaan::test::json_paths_of;
using binaan::test::read_csv;

namespace {

const std::string kKey = "demo-research-key: 32 bytes long";
const Date kFrom = make_date(2026, 1, 1);
const Date kTo = make_date(2026, 12, 31);

const Facility& demo() {
  static const Facility f = synth::generate_demo_facility();
  return f;
}

// Everything that leaves, rendered once.
struct Outputs {
  std::vector<PartnerReport> partner;
  std::string partner_json, partner_json_one, partner_csv, partner_text;
  ResearchExport research;
  std::string research_csv, research_tables_csv, research_json;

  std::map<std::string, const std::string*> partner_texts() const {
    return {{"partner JSON", &partner_json},
            {"partner JSON (one)", &partner_json_one},
            {"partner CSV", &partner_csv},
            {"partner text", &partner_text}};
  }
  std::map<std::string, const std::string*> research_texts() const {
    return {{"research CSV", &research_csv},
            {"research tables CSV", &research_tables_csv},
            {"research JSON", &research_json}};
  }
  std::map<std::string, const std::string*> all() const {
    auto a = partner_texts();
    for (const auto& r : research_texts()) a.insert(r);
    return a;
  }
};

const Outputs& outputs() {
  static const Outputs o = [] {
    Outputs x;
    x.partner = partner_reports(demo().programmes(), kFrom, kTo);
    x.partner_json = to_json(x.partner);
    x.partner_json_one = to_json(partner_report(demo().programmes(), "DUKM-KALTIM", kFrom, kTo));
    x.partner_csv = to_csv(x.partner);
    x.partner_text = to_text(x.partner);
    ResearchExportOptions options;
    options.include_children = true;  // the widest export: everyone
    x.research = research_export(demo(), PseudonymKey(kKey), options);
    x.research_csv = to_csv(x.research);
    x.research_tables_csv = tables_to_csv(x.research);
    x.research_json = to_json(x.research);
    return x;
  }();
  return o;
}

// Text of the facility that is not about any person (catalogue, partners): a name found in it is no leak.
std::string catalogue_text(const Facility& f) {
  std::string s = f.name() + "\n" + f.id() + "\n";
  const Programmes& p = f.programmes();
  for (const auto& x : p.partners()) s += x.name + "\n";
  for (const auto& x : p.products()) s += x.name + "\n";
  for (const auto& x : p.workshops()) s += x.name + "\n";
  for (const auto& x : p.programmes()) s += x.name + "\n";
  return s;
}

// Whether `text` holds `s` between non-alphanumeric characters (or the ends): "Budi" in "Budiman" is no hit.
bool holds_word(const std::string& text, const std::string& s) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (auto at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) {
    const bool left = at == 0 || !alnum(text[at - 1]);
    const bool right = at + s.size() == text.size() || !alnum(text[at + s.size()]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace

TEST(DemoPrivacy, TheDemoHasWhatTheSearchNeeds) {
  // The search below is only worth something if the people carry the strings searched for.
  const Facility& f = demo();
  ASSERT_EQ(f.size(), 1200u);
  std::size_t named = 0, born = 0, disciplined = 0;
  for (const Case& c : f.people()) {
    named += !c.person().name().empty();
    born += c.person().birth_date().has_value();
    disciplined += !c.facts().discipline.empty();
  }
  EXPECT_EQ(named, 1200u);
  EXPECT_EQ(born, 1200u);
  EXPECT_GT(disciplined, 10u);
  ASSERT_EQ(outputs().partner.size(), 1u);
  EXPECT_GT(outputs().partner[0].trainees, 0);
  EXPECT_GT(outputs().partner[0].training_hours, 0);
}

TEST(DemoPrivacy, TheSearchFindsPersonalDataWhereItIs) {
  // A control: the same searches on outputs meant for the prison itself (the roster, the programme report) find
  // what the outputs for outsiders must not hold.
  const std::string roster = write_roster_csv(demo().people());
  const std::string internal = to_json(programme_report(demo().programmes(), kFrom, kTo));
  const std::set<std::string> roster_dates = dates_in(roster);
  std::size_t ids = 0, names = 0, births = 0, terms = 0, in_report = 0;
  for (const Case& c : demo().people()) {
    ids += roster.find(c.person().id()) != std::string::npos;
    names += roster.find(c.person().name()) != std::string::npos;
    births += roster_dates.count(format_date(*c.person().birth_date()));
    if (auto t = c.sentence().term()) terms += holds_word(roster, to_string(*t));
    in_report += internal.find("\"" + c.person().id() + "\"") != std::string::npos;
  }
  EXPECT_EQ(ids, 1200u);
  EXPECT_EQ(names, 1200u);
  EXPECT_EQ(births, 1200u);
  EXPECT_GT(terms, 1100u);
  EXPECT_GT(in_report, 100u);  // the prison's own report lists its participants
  EXPECT_TRUE(holds_word(roster, "narcotics"));
}

TEST(DemoPrivacy, NoNameIdOrRegisterNumberLeaves) {
  const std::string catalogue = catalogue_text(demo());
  std::size_t searched = 0;
  for (const auto& [what, text] : outputs().all()) {
    for (const Case& c : demo().people()) {
      const Person& p = c.person();
      // The id is the register number: anywhere, even inside another string.
      EXPECT_EQ(text->find(p.id()), std::string::npos) << what << " holds the id " << p.id();
      ++searched;
      // The full name; each part of it too, as a word, unless the catalogue uses that word itself.
      EXPECT_EQ(text->find(p.name()), std::string::npos) << what << " holds the name " << p.name();
      std::string part;
      for (std::size_t i = 0; i <= p.name().size(); ++i) {
        if (i < p.name().size() && p.name()[i] != ' ') {
          part += p.name()[i];
          continue;
        }
        if (part.size() >= 4 && !holds_word(catalogue, part)) {
          EXPECT_FALSE(holds_word(*text, part)) << what << " holds the name part " << part << " of " << p.id();
        }
        part.clear();
      }
      for (const std::string* s : {&c.id, &c.title, &c.source}) {
        if (!s->empty()) {
          EXPECT_EQ(text->find(*s), std::string::npos) << what << " holds " << *s;
        }
      }
    }
  }
  EXPECT_EQ(searched, 1200u * outputs().all().size());
}

TEST(DemoPrivacy, NoPersonalDateLeaves) {
  // The research export has no date at all.
  for (const auto& [what, text] : outputs().research_texts())
    EXPECT_TRUE(dates_in(*text).empty()) << what << " holds " << *dates_in(*text).begin();
  // The partner report has the period's and its agreements' days, nothing else.
  std::set<std::string> allowed = {format_date(kFrom), format_date(kTo)};
  for (const Agreement& a : demo().programmes().agreements()) {
    allowed.insert(format_date(a.from));
    allowed.insert(format_date(a.to));
  }
  for (const auto& [what, text] : outputs().partner_texts())
    for (const std::string& d : dates_in(*text)) EXPECT_TRUE(allowed.count(d)) << what << " holds the date " << d;
  // And explicitly: no birth date, in any output.
  for (const auto& [what, text] : outputs().all())
    for (const Case& c : demo().people())
      EXPECT_EQ(text->find(format_date(*c.person().birth_date())), std::string::npos)
          << what << " holds the birth date of " << c.person().id();
}

TEST(DemoPrivacy, NoSentenceOffenceOrConductLeaves) {
  std::set<std::string> terms, offences, conduct_dates;
  for (const Case& c : demo().people()) {
    // Term texts with years or months ("4y6m"): pure-day terms ("15d") could be read in a hex pseudonym.
    for (auto t : {c.sentence().term(), c.sentence().served_term()})
      if (t && (t->years() > 0 || t->months() > 0)) terms.insert(to_string(*t));
    offences.insert(std::string(to_string(c.sentence().offence())));
    for (const DisciplineEntry& d : c.facts().discipline) conduct_dates.insert(format_date(d.date));
    for (const Escape& e : c.facts().escapes) conduct_dates.insert(format_date(e.from));
    for (const Assessment& a : c.facts().assessments) conduct_dates.insert(format_date(a.date));
  }
  ASSERT_GT(terms.size(), 10u);
  ASSERT_GE(offences.size(), 2u);
  ASSERT_GT(conduct_dates.size(), 10u);
  // Words of the records that no output for outsiders may use.
  const std::vector<std::string> words = {"offence", "sentence", "verdict", "term",      "detention", "discipline",
                                          "escape",  "register", "conduct", "predicate", "risk",      "remission",
                                          "remisi",  "expiry",   "release", "parole",    "premi",     "savings",
                                          "balance", "birth_date"};
  for (const auto& [what, text] : outputs().all()) {
    for (const std::string& t : terms) EXPECT_FALSE(holds_word(*text, t)) << what << " holds the term " << t;
    for (const std::string& o : offences) EXPECT_FALSE(holds_word(*text, o)) << what << " holds the offence " << o;
    for (const std::string& w : words) EXPECT_EQ(text->find(w), std::string::npos) << what << " holds " << w;
  }
  // Conduct dates: none in the research export (no date at all, above); in the partner report only where the
  // date is also a day of the period or an agreement, which NoPersonalDateLeaves checks is all it holds.
  for (const auto& [what, text] : outputs().research_texts())
    for (const std::string& d : conduct_dates) EXPECT_EQ(text->find(d), std::string::npos) << what << " " << d;
}

TEST(DemoPrivacy, PartnerReportJsonKeysAreOnTheWhitelist) {
  const auto allowed = json_paths_of(partner_report_fields());
  std::set<std::string> seen;
  for (const std::string* text : {&outputs().partner_json, &outputs().partner_json_one}) {
    const auto keys = json_key_paths(*text);
    seen.insert(keys.begin(), keys.end());
  }
  // The array form nests each report one level down: compare without the leading "[]." .
  std::set<std::string> paths;
  for (std::string k : seen) paths.insert(k.rfind("[].", 0) == 0 ? k.substr(3) : k);
  for (const std::string& k : paths) EXPECT_TRUE(allowed.count(k)) << "partner report key " << k << " not whitelisted";
  // And the whitelist is not wider than the report: every entry is used (the demo has agreements and products).
  for (const std::string& a : allowed) EXPECT_TRUE(paths.count(a)) << "whitelisted but never written: " << a;
}

TEST(DemoPrivacy, PartnerReportCsvFieldsAreOnTheWhitelist) {
  const auto allowed = csv_names_of(partner_report_fields());
  std::set<std::string> ids;  // what the partner and id columns may hold: the partner's own records
  const Programmes& p = demo().programmes();
  for (const auto& x : p.partners()) ids.insert(x.id);
  for (const auto& x : p.agreements()) ids.insert(x.id);
  for (const auto& x : p.products()) ids.insert(x.id);
  const auto records = read_csv(outputs().partner_csv);
  ASSERT_GT(records.size(), 10u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"partner", "section", "id", "field", "value"}));
  std::set<std::string> seen;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    ASSERT_EQ(r.size(), 5u) << i;
    const std::string name = r[1] + "/" + r[3];
    seen.insert(name);
    EXPECT_TRUE(allowed.count(name)) << "partner CSV field " << name << " not whitelisted";
    EXPECT_TRUE(ids.count(r[0])) << r[0];
    EXPECT_TRUE(ids.count(r[2])) << r[2];
  }
  for (const std::string& a : allowed) EXPECT_TRUE(seen.count(a)) << "whitelisted but never written: " << a;
}

TEST(DemoPrivacy, ResearchExportKeysAndColumnsAreOnTheWhitelist) {
  const auto allowed = json_paths_of(research_export_fields());
  for (const std::string& k : json_key_paths(outputs().research_json))
    EXPECT_TRUE(allowed.count(k)) << "research key " << k << " not whitelisted";
  const auto names = csv_names_of(research_export_fields());
  const auto rows = read_csv(outputs().research_csv);
  ASSERT_EQ(rows.size(), 1201u);
  for (const std::string& c : rows[0]) EXPECT_TRUE(names.count(c)) << c;
  const auto tables = read_csv(outputs().research_tables_csv);
  for (const std::string& c : tables[0]) EXPECT_TRUE(names.count(c)) << c;
  for (std::size_t i = 1; i < tables.size(); ++i) EXPECT_TRUE(names.count(tables[i][3])) << tables[i][3];
}

TEST(DemoPrivacy, ResearchRowsAddUpToTheProgrammes) {
  const ResearchExport& x = outputs().research;
  ASSERT_EQ(x.rows.size(), 1200u);
  std::map<std::string, std::int64_t> totals;
  for (const auto& row : x.rows)
    for (std::size_t i = 4; i < x.columns.size(); ++i) totals[x.columns[i]] += std::get<std::int64_t>(row[i]);
  const Programmes& p = demo().programmes();
  EXPECT_EQ(totals["enrolments"], static_cast<std::int64_t>(p.enrolments().size()));
  EXPECT_EQ(totals["certificates"], static_cast<std::int64_t>(p.certificates().size()));
  std::int64_t sessions = 0, hours = 0, completed = 0;
  for (const Attendance& a : p.attendance())
    if (a.status == AttendanceStatus::Attended) {
      ++sessions;
      hours += a.hours;
    }
  for (const Enrolment& e : p.enrolments()) completed += e.leave_reason == LeaveReason::Completed;
  EXPECT_EQ(totals["sessions"], sessions);
  EXPECT_EQ(totals["hours"], hours);
  EXPECT_EQ(totals["completed"], completed);
  EXPECT_GT(hours, 1000);
  // Birth years are years, sex "male" (a men's prison), kind "lapas".
  for (const auto& row : x.rows) {
    const auto year = std::get<std::int64_t>(row[1]);
    EXPECT_TRUE(year > 1940 && year < 2010) << year;
    EXPECT_EQ(std::get<std::string>(row[2]), "male");
    EXPECT_EQ(std::get<std::string>(row[3]), "lapas");
  }
}

TEST(DemoPrivacy, ReligionTableOfTheDemo) {
  const ResearchTable& t = outputs().research.tables.at(0);
  ASSERT_EQ(t.name, "participation_by_religion");
  std::map<Religion, std::int64_t> people;
  for (const Case& c : demo().people()) ++people[c.person().religion()];
  std::int64_t shown = 0;
  for (const ResearchTable::Row& r : t.rows) {
    const std::int64_t n = people[parse_religion(r.group)];
    if (n < 5) {
      EXPECT_FALSE(r.counts[0].has_value()) << r.group << " has " << n;
    }
    if (r.counts[0]) {
      EXPECT_EQ(*r.counts[0], n) << r.group;
      shown += n;
    }
    for (const auto& c : r.counts) {
      if (c) {
        EXPECT_GE(*c, 5) << r.group;
      }
    }
  }
  EXPECT_GT(shown, 1000);  // islam and christians are shown
}

TEST(DemoPrivacy, PseudonymsStableForTheKeyAndUnlinkableWithAnother) {
  const ResearchExport again = research_export(demo(), PseudonymKey(kKey));
  EXPECT_EQ(to_csv(again), outputs().research_csv);
  const ResearchExport other = research_export(demo(), PseudonymKey("another key, also 32 bytes long."));
  std::set<std::string> a, b;
  for (const auto& r : again.rows) a.insert(std::get<std::string>(r[0]));
  for (const auto& r : other.rows) b.insert(std::get<std::string>(r[0]));
  EXPECT_EQ(a.size(), 1200u);
  EXPECT_EQ(b.size(), 1200u);
  for (const std::string& p : a) {
    EXPECT_EQ(p.size(), 32u);
    EXPECT_TRUE(test::is_lower_hex(p));
    EXPECT_EQ(b.count(p), 0u);
  }
  // The pseudonym is the documented HMAC of the facility and person ids.
  EXPECT_EQ(a.count(pseudonym(PseudonymKey(kKey), "LPN-SMD", "WBP-SMD-0001")), 1u);
}
