// The research export of a small facility built by hand, where every figure can be counted on the fingers: the
// rows, the children rule, the small-count suppression, the writers and their whitelist.
#include "privacy_support.hpp"

#include <binaan/error.hpp>
#include <binaan/privacy/research_export.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

using namespace binaan;
using binaan::test::csv_names_of;
using binaan::test::json_key_paths;
using binaan::test::json_paths_of;
using binaan::test::read_csv;

namespace {

using Json = nlohmann::json;

const std::string kKey = "research-test-key-0123456789abcd";

Date day(const char* iso) { return parse_date(iso); }

Case person(const std::string& id, Religion religion, std::optional<Date> birth = day("1990-06-15"),
            std::optional<bool> child = std::nullopt, std::optional<Sex> sex = Sex::Male,
            Date detained = day("2025-06-01")) {
  return Case(Person(id, religion, "Nama " + id + " Lengkap", sex, birth, child),
              DetentionHistory({{detained, std::nullopt}}),
              Sentence::fixed(Term(4, 6, 0), Offence::Narcotics, day("2025-11-20")));
}

std::vector<Session> mondays(const char* first, int n) {
  std::vector<Session> s;
  for (int i = 0; i < n; ++i) s.push_back({add_days(day(first), 7 * i), 2});
  return s;
}

const InmateStatus kServing{true, std::nullopt, {}, std::nullopt};

// Islam A01..A20, Protestant B01..B03, Hindu C01 (sex and birth date unknown); two children: K01 (flag), K02
// (15 when detained). Garment workshop W-G: A01..A07, B01 and K01 enrolled; A01..A06 complete, A07 withdraws;
// A01 and A02 are certified. Culinary workshop W-C: A01, A02. Attendance on 2026-01-05: A01 2 h, A02 1 h, A03
// absent, K01 2 h.
Facility small_facility() {
  std::vector<Case> people;
  char id[8];
  for (int i = 1; i <= 20; ++i) {
    std::snprintf(id, sizeof id, "A%02d", i);
    people.push_back(person(id, Religion::Islam, day("1990-06-15")));
  }
  for (int i = 1; i <= 3; ++i) {
    std::snprintf(id, sizeof id, "B%02d", i);
    people.push_back(person(id, Religion::Protestant, day("1985-02-01")));
  }
  people.push_back(person("C01", Religion::Hindu, std::nullopt, std::nullopt, std::nullopt));
  people.push_back(person("K01", Religion::Islam, std::nullopt, true));
  people.push_back(person("K02", Religion::Buddhist, day("2010-05-01")));
  Facility f("LPN-TEST", "Lapas Percobaan", FacilityKind::Lapas, people);

  f.add_programme({"P-G", ProgrammeKind::Garment, "Menjahit"});
  f.add_programme({"P-C", ProgrammeKind::Culinary, "Tata Boga"});
  f.add_workshop({"W-G", "P-G", "Bimker Konveksi", 20, mondays("2026-01-05", 13), {"Ibu Sari"},
                  Location::InsideWalls, std::nullopt});
  f.add_workshop({"W-C", "P-C", "Bimker Tata Boga", 20, mondays("2026-01-05", 13), {"Pak Joko"},
                  Location::InsideWalls, std::nullopt});
  for (const char* who : {"A01", "A02", "A03", "A04", "A05", "A06", "A07", "B01", "K01"})
    EXPECT_EQ(f.request_enrolment(who, "W-G", day("2026-01-02"), kServing).outcome, EnrolmentOutcome::Enrolled);
  for (const char* who : {"A01", "A02"})
    EXPECT_EQ(f.request_enrolment(who, "W-C", day("2026-01-02"), kServing).outcome, EnrolmentOutcome::Enrolled);
  f.record_attendance("W-G", day("2026-01-05"), "A01", AttendanceStatus::Attended);
  f.record_attendance("W-G", day("2026-01-05"), "A02", AttendanceStatus::Attended, 1);
  f.record_attendance("W-G", day("2026-01-05"), "A03", AttendanceStatus::Absent);
  f.record_attendance("W-G", day("2026-01-05"), "K01", AttendanceStatus::Attended);
  for (const char* who : {"A01", "A02"}) {
    f.record_assessment({who, "W-G", day("2026-03-30"), AssessmentResult::Competent, 80, "Penguji"});
    f.issue_certificate({std::string("CERT-") + who, who, "W-G", day("2026-03-31"), IssuerKind::TrainingCentre,
                         "BLK Samarinda", "Menjahit dasar"});
  }
  for (const char* who : {"A01", "A02", "A03", "A04", "A05", "A06"})
    f.leave(who, "W-G", day("2026-04-01"), LeaveReason::Completed);
  f.leave("A07", "W-G", day("2026-02-01"), LeaveReason::Withdrawn);
  return f;
}

// The row of a person, found by its pseudonym.
std::map<std::string, ExportValue> row_of(const ResearchExport& x, const std::string& person_id) {
  const std::string p = pseudonym(PseudonymKey(kKey), "LPN-TEST", person_id);
  for (const auto& row : x.rows)
    if (std::get<std::string>(row[0]) == p) {
      std::map<std::string, ExportValue> out;
      for (std::size_t i = 0; i < x.columns.size(); ++i) out[x.columns[i]] = row[i];
      return out;
    }
  ADD_FAILURE() << "no row for " << person_id;
  return {};
}

std::int64_t num(const ExportValue& v) { return std::get<std::int64_t>(v); }

const ResearchTable& table(const ResearchExport& x, const std::string& name) {
  for (const ResearchTable& t : x.tables)
    if (t.name == name) return t;
  throw std::runtime_error("no table " + name);
}

// Counts of one group of a table, by measure; nullopt when suppressed.
std::map<std::string, std::optional<std::int64_t>> counts(const ResearchTable& t, const std::string& group) {
  for (const ResearchTable::Row& r : t.rows)
    if (r.group == group) {
      std::map<std::string, std::optional<std::int64_t>> out;
      for (std::size_t m = 0; m < t.measures.size(); ++m) out[t.measures[m]] = r.counts[m];
      return out;
    }
  throw std::runtime_error("no group " + group);
}

constexpr std::nullopt_t kSuppressed = std::nullopt;

}  // namespace

TEST(ResearchExport, ColumnsAreTheWhitelistRowFields) {
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  EXPECT_EQ(x.columns, (std::vector<std::string>{"pseudonym", "birth_year", "sex", "facility_kind", "enrolments",
                                                 "completed", "sessions", "hours", "certificates"}));
  for (const std::string& c : x.columns)
    EXPECT_TRUE(json_paths_of(research_export_fields()).count("people[]." + c)) << c;
}

TEST(ResearchExport, OneRowPerAdultWithTheirParticipation) {
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  EXPECT_EQ(x.rows.size(), 24u);  // 26 people less the two children
  EXPECT_FALSE(x.children_included);
  EXPECT_EQ(x.min_count, 5);

  auto a01 = row_of(x, "A01");
  EXPECT_EQ(num(a01["birth_year"]), 1990);
  EXPECT_EQ(std::get<std::string>(a01["sex"]), "male");
  EXPECT_EQ(std::get<std::string>(a01["facility_kind"]), "lapas");
  EXPECT_EQ(num(a01["enrolments"]), 2);  // garment and culinary
  EXPECT_EQ(num(a01["completed"]), 1);
  EXPECT_EQ(num(a01["sessions"]), 1);
  EXPECT_EQ(num(a01["hours"]), 2);
  EXPECT_EQ(num(a01["certificates"]), 1);

  auto a02 = row_of(x, "A02");
  EXPECT_EQ(num(a02["hours"]), 1);
  auto a03 = row_of(x, "A03");  // absent: no session, no hours
  EXPECT_EQ(num(a03["enrolments"]), 1);
  EXPECT_EQ(num(a03["completed"]), 1);
  EXPECT_EQ(num(a03["sessions"]), 0);
  EXPECT_EQ(num(a03["hours"]), 0);
  EXPECT_EQ(num(a03["certificates"]), 0);
  auto a07 = row_of(x, "A07");  // withdrew
  EXPECT_EQ(num(a07["enrolments"]), 1);
  EXPECT_EQ(num(a07["completed"]), 0);
  auto a20 = row_of(x, "A20");  // never enrolled
  EXPECT_EQ(num(a20["enrolments"]), 0);
  EXPECT_EQ(num(a20["hours"]), 0);

  auto c01 = row_of(x, "C01");  // unknown birth date and sex: empty cells
  EXPECT_TRUE(std::holds_alternative<std::monostate>(c01["birth_year"]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(c01["sex"]));
}

TEST(ResearchExport, RowsAreSortedByPseudonymNotByRegister) {
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  std::vector<std::string> ps;
  for (const auto& row : x.rows) ps.push_back(std::get<std::string>(row[0]));
  EXPECT_TRUE(std::is_sorted(ps.begin(), ps.end()));
  EXPECT_EQ(std::set<std::string>(ps.begin(), ps.end()).size(), ps.size());
  for (const std::string& p : ps) {
    EXPECT_EQ(p.size(), 32u);
    EXPECT_TRUE(test::is_lower_hex(p)) << p;
  }
  // The first row is not simply the first person of the register.
  EXPECT_NE(ps.front(), pseudonym(PseudonymKey(kKey), "LPN-TEST", "A01"));
}

TEST(ResearchExport, ChildrenOnlyWhenAskedFor) {
  const Facility f = small_facility();
  const std::string k01 = pseudonym(PseudonymKey(kKey), "LPN-TEST", "K01");
  const std::string k02 = pseudonym(PseudonymKey(kKey), "LPN-TEST", "K02");
  auto has = [](const ResearchExport& x, const std::string& p) {
    return std::any_of(x.rows.begin(), x.rows.end(), [&](const auto& r) { return std::get<std::string>(r[0]) == p; });
  };
  const ResearchExport adults = research_export(f, PseudonymKey(kKey));
  EXPECT_FALSE(has(adults, k01));  // child flag
  EXPECT_FALSE(has(adults, k02));  // 15 on the first day of detention
  EXPECT_EQ(counts(table(adults, "participation_by_religion"), "islam")["people"], 20);

  ResearchExportOptions o;
  o.include_children = true;
  const ResearchExport all = research_export(f, PseudonymKey(kKey), o);
  EXPECT_TRUE(all.children_included);
  EXPECT_EQ(all.rows.size(), 26u);
  EXPECT_TRUE(has(all, k01));
  EXPECT_TRUE(has(all, k02));
  EXPECT_EQ(counts(table(all, "participation_by_religion"), "islam")["people"], 21);
  EXPECT_EQ(num(row_of(all, "K01")["hours"]), 2);
}

TEST(ResearchExport, ReligionTableSuppressesSmallGroupsAndSmallCounts) {
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  const ResearchTable& t = table(x, "participation_by_religion");
  EXPECT_EQ(t.group_by, "religion");
  EXPECT_EQ(t.measures, (std::vector<std::string>{"people", "participants", "completed", "certified"}));
  // Every religion of the vocabulary, whether or not anyone holds it.
  std::vector<std::string> groups;
  for (const auto& r : t.rows) groups.push_back(r.group);
  EXPECT_EQ(groups, (std::vector<std::string>{"islam", "protestant", "catholic", "hindu", "buddhist", "confucian",
                                              "other", "unknown"}));
  // islam: 20 people, 7 participants, 6 completed: shown; 2 certified: below k.
  auto islam = counts(t, "islam");
  EXPECT_EQ(islam["people"], 20);
  EXPECT_EQ(islam["participants"], 7);
  EXPECT_EQ(islam["completed"], 6);
  EXPECT_EQ(islam["certified"], kSuppressed);
  // Groups of 3, 1 and 0 people: everything suppressed.
  for (const char* g : {"protestant", "hindu", "catholic", "unknown"})
    for (const auto& [measure, value] : counts(t, g)) EXPECT_EQ(value, kSuppressed) << g << " " << measure;
}

TEST(ResearchExport, ComplementBelowKIsSuppressed) {
  // 20 Muslims of whom 17 took part: "all but 3" is as telling as "3".
  Facility f = small_facility();
  for (int i = 8; i <= 17; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "A%02d", i);
    f.request_enrolment(id, "W-C", day("2026-01-02"), kServing);
  }
  auto islam = counts(table(research_export(f, PseudonymKey(kKey)), "participation_by_religion"), "islam");
  EXPECT_EQ(islam["people"], 20);
  EXPECT_EQ(islam["participants"], kSuppressed);  // 17 of 20
  EXPECT_EQ(islam["completed"], 6);
}

TEST(ResearchExport, ProgrammeKindTableWithSecondarySuppression) {
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  const ResearchTable& t = table(x, "participation_by_programme_kind");
  EXPECT_EQ(t.group_by, "programme_kind");
  EXPECT_EQ(t.measures, (std::vector<std::string>{"enrolled", "completed", "certified"}));
  ASSERT_EQ(t.rows.size(), 2u);  // the kinds of the catalogue, in vocabulary order
  EXPECT_EQ(t.rows[0].group, "garment");
  EXPECT_EQ(t.rows[1].group, "culinary");
  // culinary: 2 enrolled, below k. garment: 8 enrolled (A01..A07, B01) would be shown, but as the only other cell
  // of its column it is suppressed too: the number of participants is known from the rows, and 8 = 10 − 2.
  auto culinary = counts(t, "culinary");
  EXPECT_EQ(culinary["enrolled"], kSuppressed);
  auto garment = counts(t, "garment");
  EXPECT_EQ(garment["enrolled"], kSuppressed);
  EXPECT_EQ(garment["completed"], kSuppressed);  // 6 of 8: 2 did not
  EXPECT_EQ(garment["certified"], kSuppressed);  // 2
}

TEST(ResearchExport, SecondarySuppressionPicksTheSmallestOtherCount) {
  // Six people of each religion but two "unknown": the one small group would be had by subtraction from the
  // number of rows, so the smallest other group (islam, first of the sixes) is suppressed as well.
  std::vector<Case> people;
  const Religion religions[] = {Religion::Islam,     Religion::Protestant, Religion::Catholic, Religion::Hindu,
                                Religion::Buddhist,  Religion::Confucian,  Religion::Other};
  int n = 0;
  for (Religion r : religions)
    for (int i = 0; i < 6; ++i) people.push_back(person("P" + std::to_string(++n), r));
  for (int i = 0; i < 2; ++i) people.push_back(person("P" + std::to_string(++n), Religion::Unknown));
  const Facility f("LPN-SIX", "Lapas Enam", FacilityKind::Rutan, people);
  const ResearchExport x = research_export(f, PseudonymKey(kKey));
  const ResearchTable& t = table(x, "participation_by_religion");
  EXPECT_EQ(counts(t, "unknown")["people"], kSuppressed);
  EXPECT_EQ(counts(t, "islam")["people"], kSuppressed);
  EXPECT_EQ(counts(t, "protestant")["people"], 6);
  EXPECT_EQ(counts(t, "other")["people"], 6);
  EXPECT_EQ(std::get<std::string>(x.rows.front()[3]), "rutan");
  // Nobody took part: a zero below k is suppressed everywhere ("none of them" is a fact about each of them).
  for (const auto& r : t.rows) EXPECT_EQ(r.counts[1], kSuppressed) << r.group;
}

TEST(ResearchExport, SmallerKShowsMore) {
  ResearchExportOptions o;
  o.min_count = 2;
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey), o);
  EXPECT_EQ(x.min_count, 2);
  auto t = table(x, "participation_by_religion");
  EXPECT_EQ(counts(t, "protestant")["people"], 3);
  EXPECT_EQ(counts(t, "islam")["certified"], 2);
  EXPECT_EQ(counts(t, "hindu")["people"], kSuppressed);  // 1 < 2
}

TEST(ResearchExport, KOutsideItsRangeIsRefused) {
  const Facility f = small_facility();
  for (int k : {-1, 0, 1, 1'000'001}) {
    ResearchExportOptions o;
    o.min_count = k;
    try {
      (void)research_export(f, PseudonymKey(kKey), o);
      ADD_FAILURE() << "k = " << k << " accepted";
    } catch (const ValueError& e) {
      EXPECT_EQ(e.field(), "min_count");
      EXPECT_EQ(e.value(), std::to_string(k));
    }
  }
  ResearchExportOptions o;
  o.min_count = 1'000'000;
  EXPECT_NO_THROW((void)research_export(f, PseudonymKey(kKey), o));
}

TEST(ResearchExport, SameKeySameExportOtherKeyOtherPseudonyms) {
  const Facility f = small_facility();
  EXPECT_EQ(to_csv(research_export(f, PseudonymKey(kKey))), to_csv(research_export(f, PseudonymKey(kKey))));
  const ResearchExport a = research_export(f, PseudonymKey(kKey));
  const ResearchExport b = research_export(f, PseudonymKey("a-different-key-of-32-bytes-long"));
  std::set<std::string> pa, pb;
  for (const auto& r : a.rows) pa.insert(std::get<std::string>(r[0]));
  for (const auto& r : b.rows) pb.insert(std::get<std::string>(r[0]));
  std::vector<std::string> common;
  std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(), std::back_inserter(common));
  EXPECT_TRUE(common.empty());
}

// ---- writers ----

TEST(ResearchExportCsv, HeaderThenOneRecordPerRow) {
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  const std::string csv = to_csv(x);
  EXPECT_EQ(csv.substr(0, csv.find('\n') + 1),
            "pseudonym,birth_year,sex,facility_kind,enrolments,completed,sessions,hours,certificates\r\n");
  const auto records = read_csv(csv);
  ASSERT_EQ(records.size(), 1 + x.rows.size());
  const std::string a01 = pseudonym(PseudonymKey(kKey), "LPN-TEST", "A01");
  const std::string c01 = pseudonym(PseudonymKey(kKey), "LPN-TEST", "C01");
  EXPECT_NE(csv.find(a01 + ",1990,male,lapas,2,1,1,2,1\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(c01 + ",,,lapas,0,0,0,0,0\r\n"), std::string::npos) << csv;
}

TEST(ResearchExportCsv, TablesOneCountARecordWithStatus) {
  const std::string csv = tables_to_csv(research_export(small_facility(), PseudonymKey(kKey)));
  const auto records = read_csv(csv);
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0], (std::vector<std::string>{"table", "group_by", "group", "measure", "value", "status"}));
  EXPECT_EQ(records.size(), 1u + 8 * 4 + 2 * 3);
  EXPECT_NE(csv.find("participation_by_religion,religion,islam,people,20,ok\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("participation_by_religion,religion,islam,certified,,suppressed\r\n"), std::string::npos);
  EXPECT_NE(csv.find("participation_by_religion,religion,protestant,people,,suppressed\r\n"), std::string::npos);
  EXPECT_NE(csv.find("participation_by_programme_kind,programme_kind,culinary,enrolled,,suppressed\r\n"),
            std::string::npos);
  const auto names = csv_names_of(research_export_fields());
  for (std::size_t i = 1; i < records.size(); ++i) EXPECT_TRUE(names.count(records[i][3])) << records[i][3];
}

TEST(ResearchExportJson, EnvelopeRowsAndTablesWithSuppressionMarked) {
  const ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  const Json j = Json::parse(to_json(x));
  EXPECT_EQ(j["format"], "binaan-research-export");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["min_count"], 5);
  EXPECT_EQ(j["children"], "excluded");
  EXPECT_EQ(j["columns"].size(), 9u);
  ASSERT_EQ(j["people"].size(), 24u);
  const std::string c01 = pseudonym(PseudonymKey(kKey), "LPN-TEST", "C01");
  bool found = false;
  for (const auto& p : j["people"])
    if (p["pseudonym"] == c01) {
      found = true;
      EXPECT_TRUE(p["birth_year"].is_null());
      EXPECT_TRUE(p["sex"].is_null());
      EXPECT_EQ(p["facility_kind"], "lapas");
    }
  EXPECT_TRUE(found);
  const Json& religion = j["tables"][0];
  EXPECT_EQ(religion["name"], "participation_by_religion");
  EXPECT_EQ(religion["rows"][0]["group"], "islam");
  EXPECT_EQ(religion["rows"][0]["people"], 20);
  EXPECT_TRUE(religion["rows"][0]["certified"].is_null());
  EXPECT_EQ(religion["rows"][0]["suppressed"], Json::array({"certified"}));
  EXPECT_EQ(religion["rows"][1]["suppressed"], Json::array({"people", "participants", "completed", "certified"}));
}

TEST(ResearchExportJson, EveryKeyIsOnTheWhitelist) {
  ResearchExportOptions o;
  o.include_children = true;
  const auto keys = json_key_paths(to_json(research_export(small_facility(), PseudonymKey(kKey), o)));
  const auto allowed = json_paths_of(research_export_fields());
  for (const std::string& k : keys) EXPECT_TRUE(allowed.count(k)) << k << " is not on the whitelist";
  EXPECT_TRUE(keys.count("people[].pseudonym"));
  EXPECT_TRUE(keys.count("tables[].rows[].certified"));
}

TEST(ResearchExportWriters, RefuseAColumnOffTheWhitelist) {
  ResearchExport x = research_export(small_facility(), PseudonymKey(kKey));
  x.columns.push_back("name");
  for (auto& row : x.rows) row.emplace_back(std::string("Nama Lengkap"));
  EXPECT_THROW(to_csv(x), ValueError);
  EXPECT_THROW(to_json(x), ValueError);
  EXPECT_THROW(tables_to_csv(x), ValueError);

  ResearchExport y = research_export(small_facility(), PseudonymKey(kKey));
  y.tables[0].measures[1] = "offence";
  EXPECT_THROW(to_json(y), ValueError);
  EXPECT_THROW(tables_to_csv(y), ValueError);

  ResearchExport z = research_export(small_facility(), PseudonymKey(kKey));
  z.tables[0].group_by = "offence";
  EXPECT_THROW(to_json(z), ValueError);

  ResearchExport w = research_export(small_facility(), PseudonymKey(kKey));
  w.rows[0].pop_back();  // a row narrower than the columns
  EXPECT_THROW(to_csv(w), ValueError);
}

TEST(ResearchExportWriters, NoNameIdOrDateOfTheSmallFacility) {
  const Facility f = small_facility();
  ResearchExportOptions o;
  o.include_children = true;
  const ResearchExport x = research_export(f, PseudonymKey(kKey), o);
  const std::string all = to_csv(x) + tables_to_csv(x) + to_json(x);
  for (const Case& c : f.people()) {
    EXPECT_EQ(all.find(c.person().name()), std::string::npos) << c.person().name();
    EXPECT_EQ(all.find("\"" + c.person().id() + "\""), std::string::npos) << c.person().id();
    EXPECT_EQ(all.find("," + c.person().id() + ","), std::string::npos) << c.person().id();
  }
  EXPECT_TRUE(test::dates_in(all).empty());
  EXPECT_EQ(all.find("narcotics"), std::string::npos);
  EXPECT_EQ(all.find("4y6m"), std::string::npos);
  EXPECT_EQ(all.find("LPN-TEST"), std::string::npos);  // not even the facility id
  EXPECT_EQ(all.find(kKey), std::string::npos);
}
