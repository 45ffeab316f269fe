// The research export: one whitelist table (kFields) drives what is built and what is written.
#include <binaan/privacy/research_export.hpp>

#include <binaan/error.hpp>
#include <binaan/io/roster_csv.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace binaan {

namespace {

using Json = nlohmann::ordered_json;

// What the row fields are computed from: one person, never written as a whole.
struct Participation {
  std::int64_t enrolments = 0;
  std::int64_t completed = 0;
  std::int64_t sessions = 0;
  std::int64_t hours = 0;
  std::int64_t certificates = 0;
};

struct Subject {
  const Case* person_case = nullptr;
  FacilityKind kind = FacilityKind::Lapas;
  std::string pseudonym;
  Participation participation;
};

enum class FieldPart : std::uint8_t { Envelope, Row, Table };

using Extract = ExportValue (*)(const Subject&);

struct Entry {
  FieldPart part;
  ExportField field;
  Extract value;  // rows only: the one way a row cell is made
};

ExportValue none(const Subject&) { return std::monostate{}; }

constexpr std::string_view kParticipation =
    "programme participation is what the research is about; a count of records, with no date, workshop or "
    "amount of money";
constexpr std::string_view kTableCount =
    "a count of people of a group; below k (or with fewer than k people outside it in its group) it is suppressed";

// THE WHITELIST. A field that is not here cannot leave by the research export. Order: envelope, row fields (in
// column order), tables.
const std::vector<Entry>& entries() {
  static const std::vector<Entry> kFields = {
      {FieldPart::Envelope,
       {"format", "", "the constant \"binaan-research-export\"", "names the layout for the reader"},
       none},
      {FieldPart::Envelope, {"version", "", "the constant 1", "the layout's version"}, none},
      {FieldPart::Envelope,
       {"pseudonym_scheme", "", "a constant description of the pseudonym (HMAC-SHA-256, 128 bits)",
        "tells the reader how pseudonyms compare across exports; never the key"},
       none},
      {FieldPart::Envelope,
       {"min_count", "", "ResearchExportOptions::min_count (k)", "the reader must know which counts are missing"},
       none},
      {FieldPart::Envelope,
       {"children", "", "\"excluded\" or \"included\" (ResearchExportOptions::include_children)",
        "the reader must know whom the rows cover"},
       none},
      {FieldPart::Envelope, {"columns", "", "the row fields below, in order", "the layout of people[]"}, none},
      {FieldPart::Envelope, {"people", "", "one object per exported person, sorted by pseudonym", "the rows"}, none},

      {FieldPart::Row,
       {"people[].pseudonym", "pseudonym", "HMAC-SHA-256(key, facility id LF person id), first 16 bytes, hex",
        "follows one person across exports made with the same key; without the key it cannot be turned back "
        "into the id or linked to other data"},
       [](const Subject& s) -> ExportValue { return s.pseudonym; }},
      {FieldPart::Row,
       {"people[].birth_year", "birth_year", "Person.birth_date: the year only (empty when unknown)",
        "age is a main variable of rehabilitation research; the day and month would single people out"},
       [](const Subject& s) -> ExportValue {
         const auto b = s.person_case->person().birth_date();
         if (!b) return std::monostate{};
         return static_cast<std::int64_t>(b->year());
       }},
      {FieldPart::Row,
       {"people[].sex", "sex", "Person.sex: male or female (empty when unknown)",
        "general personal data (UU 27/2022 Art. 4(3)); programmes differ by sex"},
       [](const Subject& s) -> ExportValue {
         const auto x = s.person_case->person().sex();
         if (!x) return std::monostate{};
         return std::string(to_string(*x));
       }},
      {FieldPart::Row,
       {"people[].facility_kind", "facility_kind", "Facility.kind: lapas or rutan",
        "a property of the facility, not of the person; lets exports of several facilities be pooled"},
       [](const Subject& s) -> ExportValue { return std::string(to_string(s.kind)); }},
      {FieldPart::Row,
       {"people[].enrolments", "enrolments", "enrolments of the person (places held in workshops)", kParticipation},
       [](const Subject& s) -> ExportValue { return s.participation.enrolments; }},
      {FieldPart::Row,
       {"people[].completed", "completed", "those enrolments that ended as completed", kParticipation},
       [](const Subject& s) -> ExportValue { return s.participation.completed; }},
      {FieldPart::Row,
       {"people[].sessions", "sessions", "workshop sessions attended", kParticipation},
       [](const Subject& s) -> ExportValue { return s.participation.sessions; }},
      {FieldPart::Row,
       {"people[].hours", "hours", "hours attended at those sessions", kParticipation},
       [](const Subject& s) -> ExportValue { return s.participation.hours; }},
      {FieldPart::Row,
       {"people[].certificates", "certificates", "certificates issued to the person (a count; no title)",
        kParticipation},
       [](const Subject& s) -> ExportValue { return s.participation.certificates; }},

      {FieldPart::Table, {"tables", "", "the aggregate tables", "participation by what the rows do not carry"}, none},
      {FieldPart::Table, {"tables[].name", "table", "the table's name", "layout"}, none},
      {FieldPart::Table,
       {"tables[].group_by", "group_by",
        "\"religion\" (Person.religion, as first recorded) or \"programme_kind\" (Programme.kind of the workshop)",
        "religion only in counts, never in a row: a rare religion and a birth year would single a person out"},
       none},
      {FieldPart::Table, {"tables[].measures", "measure", "the names of the counts; the first is the group's size",
                     "layout"},
       none},
      {FieldPart::Table, {"tables[].rows", "", "one per group of the vocabulary, whatever its count",
                     "a fixed list of groups does not reveal which groups have members"},
       none},
      {FieldPart::Table, {"tables[].rows[].group", "group", "the religion or programme kind", "layout"}, none},
      {FieldPart::Table, {"tables[].rows[].suppressed", "status", "the measures suppressed in the row (CSV: status "
                     "ok or suppressed)", "marks what is missing and why"},
       none},
      {FieldPart::Table, {"", "value", "the count (empty when suppressed)", kTableCount}, none},
      {FieldPart::Table, {"tables[].rows[].people", "people", "exported people of the religion", kTableCount}, none},
      {FieldPart::Table,
       {"tables[].rows[].participants", "participants", "of them, those with at least one enrolment", kTableCount},
       none},
      {FieldPart::Table,
       {"tables[].rows[].enrolled", "enrolled", "exported people enrolled in a workshop of the kind", kTableCount},
       none},
      {FieldPart::Table,
       {"tables[].rows[].completed", "completed", "of the group, those with at least one completed enrolment",
        kTableCount},
       none},
      {FieldPart::Table,
       {"tables[].rows[].certified", "certified", "of the group, those with at least one certificate", kTableCount},
       none},
  };
  return kFields;
}

bool allowed_json(std::string_view path) {
  const auto& e = entries();
  return std::any_of(e.begin(), e.end(), [&](const Entry& x) { return !path.empty() && x.field.json == path; });
}

bool allowed_csv(FieldPart part, std::string_view name) {
  const auto& e = entries();
  return std::any_of(e.begin(), e.end(),
                     [&](const Entry& x) { return x.part == part && !name.empty() && x.field.csv == name; });
}

void require_row_column(const std::string& column) {
  if (!allowed_csv(FieldPart::Row, column) || !allowed_json("people[]." + column))
    throw ValueError("columns", column, "not a row field of the research export whitelist");
}

void require_table(const ResearchTable& t) {
  if (t.group_by != "religion" && t.group_by != "programme_kind")
    throw ValueError("tables.group_by", t.group_by, "not a grouping of the research export whitelist");
  for (const std::string& m : t.measures)
    if (!allowed_csv(FieldPart::Table, m) || !allowed_json("tables[].rows[]." + m))
      throw ValueError("tables.measures", m, "not a measure of the research export whitelist");
  for (const ResearchTable::Row& r : t.rows)
    if (r.counts.size() != t.measures.size())
      throw ValueError("tables.rows", r.group, "holds " + std::to_string(r.counts.size()) + " counts for " +
                                                  std::to_string(t.measures.size()) + " measures");
}

void require_rows(const ResearchExport& x) {
  for (const std::string& c : x.columns) require_row_column(c);
  for (std::size_t i = 0; i < x.rows.size(); ++i)
    if (x.rows[i].size() != x.columns.size())
      throw ValueError("rows[" + std::to_string(i) + "]", std::to_string(x.rows[i].size()) + " cells",
                       "a row needs one cell per column (" + std::to_string(x.columns.size()) + ")");
  for (const ResearchTable& t : x.tables) require_table(t);
}

// Detained as a child: the record's flag when there is one, else under 18 on the first day in custody.
bool detained_as_child(const Case& c) {
  if (auto flag = c.person().child_flag()) return *flag;
  if (auto birth = c.person().birth_date()) return age_on(*birth, c.detention().periods().front().from) < 18;
  return false;
}

// Small-count suppression of one table (see the header): primary (group < k; count < k; complement < k), then a
// second suppressed cell in any column with exactly one, the smallest other count, so that a column total known
// from the rows does not give the suppressed count back.
void suppress(ResearchTable& t, std::int64_t k) {
  for (ResearchTable::Row& r : t.rows) {
    const std::int64_t group = r.counts.empty() || !r.counts[0] ? 0 : *r.counts[0];
    if (group < k) {
      for (auto& c : r.counts) c.reset();
      continue;
    }
    for (std::size_t m = 1; m < r.counts.size(); ++m)
      if (*r.counts[m] < k || group - *r.counts[m] < k) r.counts[m].reset();
  }
  for (std::size_t m = 0; m < t.measures.size(); ++m) {
    std::size_t suppressed = 0;
    std::optional<std::size_t> smallest;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const auto& c = t.rows[i].counts[m];
      if (!c) ++suppressed;
      else if (!smallest || *c < *t.rows[*smallest].counts[m]) smallest = i;
    }
    if (suppressed == 1 && smallest) t.rows[*smallest].counts[m].reset();
  }
}

constexpr Religion kReligions[] = {Religion::Islam,    Religion::Protestant, Religion::Catholic, Religion::Hindu,
                                   Religion::Buddhist, Religion::Confucian,  Religion::Other,    Religion::Unknown};

std::string cell_text(const ExportValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

Json cell_json(const ExportValue& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

}  // namespace

const std::vector<ExportField>& research_export_fields() {
  static const std::vector<ExportField> kList = [] {
    std::vector<ExportField> out;
    for (const Entry& e : entries()) out.push_back(e.field);
    return out;
  }();
  return kList;
}

ResearchExport research_export(const Facility& facility, const PseudonymKey& key,
                               const ResearchExportOptions& options) {
  if (options.min_count < kLowestMinCount || options.min_count > kHighestMinCount)
    throw ValueError("min_count", std::to_string(options.min_count),
                     "k must be from " + std::to_string(kLowestMinCount) + " to " +
                         std::to_string(kHighestMinCount));
  const Programmes& prog = facility.programmes();

  // The people exported, by person id.
  std::map<std::string, Subject> subjects;
  for (const Case& c : facility.people()) {
    if (!options.include_children && detained_as_child(c)) continue;
    Subject s;
    s.person_case = &c;
    s.kind = facility.kind();
    s.pseudonym = pseudonym(key, facility.id(), c.person().id());
    subjects.emplace(c.person().id(), std::move(s));
  }
  auto subject = [&](const std::string& id) -> Subject* {
    auto it = subjects.find(id);
    return it == subjects.end() ? nullptr : &it->second;
  };

  // Participation, per person and per programme kind (sets of person ids: people, not records, are counted).
  std::map<std::string, ProgrammeKind> kind_of_workshop;
  for (const Workshop& w : prog.workshops()) kind_of_workshop.emplace(w.id, prog.programme(w.programme_id).kind);
  std::map<ProgrammeKind, std::set<std::string>> enrolled_in, completed_in, certified_in;
  std::set<std::string> participants, completers, certified;
  for (const Enrolment& e : prog.enrolments()) {
    Subject* s = subject(e.inmate_id);
    if (!s) continue;
    const ProgrammeKind kind = kind_of_workshop.at(e.workshop_id);
    ++s->participation.enrolments;
    participants.insert(e.inmate_id);
    enrolled_in[kind].insert(e.inmate_id);
    if (e.leave_reason == LeaveReason::Completed) {
      ++s->participation.completed;
      completers.insert(e.inmate_id);
      completed_in[kind].insert(e.inmate_id);
    }
  }
  for (const Attendance& a : prog.attendance()) {
    Subject* s = subject(a.inmate_id);
    if (!s || a.status != AttendanceStatus::Attended) continue;
    ++s->participation.sessions;
    s->participation.hours += a.hours;
  }
  for (const Certificate& c : prog.certificates()) {
    Subject* s = subject(c.inmate_id);
    if (!s) continue;
    ++s->participation.certificates;
    certified.insert(c.inmate_id);
    certified_in[kind_of_workshop.at(c.workshop_id)].insert(c.inmate_id);
  }

  ResearchExport out;
  out.min_count = options.min_count;
  out.children_included = options.include_children;

  // Rows: the row entries of the whitelist, each computing its own cell; sorted by pseudonym, so that the order
  // of the rows is not the order of the register.
  std::vector<const Entry*> row_entries;
  for (const Entry& e : entries())
    if (e.part == FieldPart::Row) {
      row_entries.push_back(&e);
      out.columns.emplace_back(e.field.csv);
    }
  std::vector<const Subject*> ordered;
  for (const auto& [id, s] : subjects) ordered.push_back(&s);
  std::sort(ordered.begin(), ordered.end(),
            [](const Subject* a, const Subject* b) { return a->pseudonym < b->pseudonym; });
  for (const Subject* s : ordered) {
    std::vector<ExportValue> row;
    for (const Entry* e : row_entries) row.push_back(e->value(*s));
    out.rows.push_back(std::move(row));
  }

  const auto k = static_cast<std::int64_t>(options.min_count);
  auto count = [](const std::set<std::string>& people, const std::set<std::string>& of) {
    return static_cast<std::int64_t>(std::count_if(of.begin(), of.end(), [&](const std::string& id) {
      return people.count(id) != 0;
    }));
  };

  ResearchTable by_religion{"participation_by_religion", "religion",
                            {"people", "participants", "completed", "certified"}, {}};
  for (Religion r : kReligions) {
    std::set<std::string> group;
    for (const auto& [id, s] : subjects)
      if (s.person_case->person().religion() == r) group.insert(id);
    by_religion.rows.push_back({std::string(to_string(r)),
                                {static_cast<std::int64_t>(group.size()), count(group, participants),
                                 count(group, completers), count(group, certified)}});
  }
  suppress(by_religion, k);
  out.tables.push_back(std::move(by_religion));

  // The kinds of the facility's programme catalogue (public), in the vocabulary's order.
  std::set<ProgrammeKind> kinds;
  for (const Programme& p : prog.programmes()) kinds.insert(p.kind);
  ResearchTable by_kind{"participation_by_programme_kind", "programme_kind", {"enrolled", "completed", "certified"},
                        {}};
  for (ProgrammeKind kind : kinds) {
    const std::set<std::string>& group = enrolled_in[kind];
    by_kind.rows.push_back({std::string(to_string(kind)),
                            {static_cast<std::int64_t>(group.size()), count(group, completed_in[kind]),
                             count(group, certified_in[kind])}});
  }
  suppress(by_kind, k);
  out.tables.push_back(std::move(by_kind));

  for (const ResearchTable& t : out.tables) require_table(t);
  return out;
}

namespace {
// One CSV record (RFC 4180: quoted as needed, CRLF).
void append_csv_record(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, cells[i]);
  }
  out += "\r\n";
}
}  // namespace

std::string to_csv(const ResearchExport& research) {
  require_rows(research);
  std::string out;
  auto record = [&](const std::vector<std::string>& cells) { append_csv_record(out, cells); };
  record(research.columns);
  for (const auto& row : research.rows) {
    std::vector<std::string> cells;
    for (const ExportValue& v : row) cells.push_back(cell_text(v));
    record(cells);
  }
  return out;
}

std::string tables_to_csv(const ResearchExport& research) {
  require_rows(research);
  std::string out;
  auto record = [&](const std::vector<std::string>& cells) { append_csv_record(out, cells); };
  static const std::vector<std::string> kHeader = {"table", "group_by", "group", "measure", "value", "status"};
  for (const std::string& h : kHeader)
    if (!allowed_csv(FieldPart::Table, h))
      throw ValueError("tables", h, "not a column of the research export whitelist");
  record(kHeader);
  for (const ResearchTable& t : research.tables)
    for (const ResearchTable::Row& r : t.rows)
      for (std::size_t m = 0; m < t.measures.size(); ++m) {
        const auto& c = r.counts[m];
        record({t.name, t.group_by, r.group, t.measures[m], c ? std::to_string(*c) : std::string(),
                c ? "ok" : "suppressed"});
      }
  return out;
}

std::string to_json(const ResearchExport& research) {
  require_rows(research);
  Json j;
  auto put = [&](Json& obj, const std::string& path, const std::string& key, Json value) {
    if (!allowed_json(path)) throw ValueError("json", path, "not on the research export whitelist");
    obj[key] = std::move(value);
  };
  put(j, "format", "format", "binaan-research-export");
  put(j, "version", "version", 1);
  put(j, "pseudonym_scheme", "pseudonym_scheme",
      "HMAC-SHA-256(key, facility id + LF + person id), first 16 bytes as lowercase hex");
  put(j, "min_count", "min_count", research.min_count);
  put(j, "children", "children", research.children_included ? "included" : "excluded");
  put(j, "columns", "columns", research.columns);
  Json people = Json::array();
  for (const auto& row : research.rows) {
    Json p = Json::object();
    for (std::size_t i = 0; i < research.columns.size(); ++i)
      put(p, "people[]." + research.columns[i], research.columns[i], cell_json(row[i]));
    people.push_back(std::move(p));
  }
  put(j, "people", "people", std::move(people));
  Json tables = Json::array();
  for (const ResearchTable& t : research.tables) {
    Json jt = Json::object();
    put(jt, "tables[].name", "name", t.name);
    put(jt, "tables[].group_by", "group_by", t.group_by);
    put(jt, "tables[].measures", "measures", t.measures);
    Json rows = Json::array();
    for (const ResearchTable::Row& r : t.rows) {
      Json jr = Json::object();
      put(jr, "tables[].rows[].group", "group", r.group);
      Json suppressed = Json::array();
      for (std::size_t m = 0; m < t.measures.size(); ++m) {
        put(jr, "tables[].rows[]." + t.measures[m], t.measures[m],
            r.counts[m] ? Json(*r.counts[m]) : Json(nullptr));
        if (!r.counts[m]) suppressed.push_back(t.measures[m]);
      }
      put(jr, "tables[].rows[].suppressed", "suppressed", std::move(suppressed));
      rows.push_back(std::move(jr));
    }
    put(jt, "tables[].rows", "rows", std::move(rows));
    tables.push_back(std::move(jt));
  }
  put(j, "tables", "tables", std::move(tables));
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";  // non-UTF-8 text: U+FFFD
}

}  // namespace binaan
