// JSON, CSV and text renderings of the programme reports. nlohmann stays here, out of the public headers.

#include <binaan/io/roster_csv.hpp>
#include <binaan/programmes/head_report.hpp>
#include <binaan/programmes/inmate_report.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/programme_report.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace binaan {

namespace {

using Json = nlohmann::ordered_json;

// Texts of the programmes (names, ids, references) are not checked for UTF-8: render invalid bytes as U+FFFD, as the
// engine's results do (io/result.cpp), instead of letting nlohmann's type_error escape.
std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

std::string str(std::int64_t v) { return std::to_string(v); }
std::string str(Rupiah v) { return std::to_string(v.value()); }
std::string str(Fraction f) { return std::to_string(f.numerator) + "/" + std::to_string(f.denominator); }
double as_number(Fraction f) { return f.denominator == 0 ? 0.0 : double(f.numerator) / double(f.denominator); }

std::string scopes(const std::vector<AgreementScope>& s) {
  std::string out;
  for (AgreementScope sc : s) out += (out.empty() ? "" : " ") + std::string(to_string(sc));
  return out;
}

// ---- CSV (RFC 4180) ----

class Csv {
public:
  explicit Csv(std::initializer_list<std::string> header) { row(header); }
  void row(std::initializer_list<std::string> cells) {
    bool first = true;
    for (const std::string& c : cells) {
      if (!first) out_ += ',';
      first = false;
      append_csv_field(out_, c);
    }
    out_ += "\r\n";
  }
  std::string str() const { return out_; }

private:
  std::string out_;
};

// ---- text tables ----

std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) width[i] = header[i].size();
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], r[i].size());
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (std::size_t i = 0; i < r.size(); ++i) {
      // first column left-aligned (names), figures right-aligned
      const std::string pad(width[i] - r[i].size(), ' ');
      s += (i ? "  " : "") + (i == 0 ? r[i] + pad : pad + r[i]);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  std::string out = line(header);
  std::size_t total = 0;
  for (std::size_t w : width) total += w;
  out += std::string(total + 2 * (width.empty() ? 0 : width.size() - 1), '-') + "\n";
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string period(Date from, Date to) { return format_date(from) + " .. " + format_date(to); }

// ---- partner ----

Json partner_json(const PartnerReport& r) {
  Json j;
  j["partner_id"] = r.partner_id;
  j["partner_name"] = r.partner_name;
  j["from"] = format_date(r.from);
  j["to"] = format_date(r.to);
  j["agreements"] = Json::array();
  for (const Agreement& a : r.agreements) {
    Json s = Json::array();
    for (AgreementScope sc : a.scopes) s.push_back(std::string(to_string(sc)));
    j["agreements"].push_back(
        {{"id", a.id}, {"reference", a.reference}, {"from", format_date(a.from)}, {"to", format_date(a.to)}, {"scopes", s}});
  }
  j["products"] = Json::array();
  for (const PartnerProductFigures& f : r.products)
    j["products"].push_back({{"id", f.product_id},
                             {"name", f.name},
                             {"placed", f.placed},
                             {"returned", f.returned},
                             {"sold", f.sold},
                             {"bought", f.bought},
                             {"revenue", f.revenue.value()}});
  j["units_placed"] = r.units_placed;
  j["units_returned"] = r.units_returned;
  j["units_sold"] = r.units_sold;
  j["units_bought"] = r.units_bought;
  j["revenue"] = r.revenue.value();
  j["workshops"] = r.workshops;
  j["trainees"] = r.trainees;
  j["sessions"] = r.sessions;
  j["training_hours"] = r.training_hours;
  j["certificates"] = r.certificates;
  return j;
}

}  // namespace

std::string to_json(const PartnerReport& report) { return dump(partner_json(report)); }

std::string to_json(const std::vector<PartnerReport>& reports) {
  Json j = Json::array();
  for (const PartnerReport& r : reports) j.push_back(partner_json(r));
  return dump(j);
}

std::string to_csv(const std::vector<PartnerReport>& reports) {
  Csv c{"partner", "section", "id", "field", "value"};
  for (const PartnerReport& r : reports) {
    const std::string& p = r.partner_id;
    c.row({p, "partner", p, "name", r.partner_name});
    c.row({p, "partner", p, "from", format_date(r.from)});
    c.row({p, "partner", p, "to", format_date(r.to)});
    for (const Agreement& a : r.agreements) {
      c.row({p, "agreement", a.id, "reference", a.reference});
      c.row({p, "agreement", a.id, "from", format_date(a.from)});
      c.row({p, "agreement", a.id, "to", format_date(a.to)});
      c.row({p, "agreement", a.id, "scopes", scopes(a.scopes)});
    }
    for (const PartnerProductFigures& f : r.products) {
      c.row({p, "product", f.product_id, "name", f.name});
      c.row({p, "product", f.product_id, "placed", str(f.placed)});
      c.row({p, "product", f.product_id, "returned", str(f.returned)});
      c.row({p, "product", f.product_id, "sold", str(f.sold)});
      c.row({p, "product", f.product_id, "bought", str(f.bought)});
      c.row({p, "product", f.product_id, "revenue", str(f.revenue)});
    }
    c.row({p, "partner", p, "units_placed", str(r.units_placed)});
    c.row({p, "partner", p, "units_returned", str(r.units_returned)});
    c.row({p, "partner", p, "units_sold", str(r.units_sold)});
    c.row({p, "partner", p, "units_bought", str(r.units_bought)});
    c.row({p, "partner", p, "revenue", str(r.revenue)});
    c.row({p, "partner", p, "workshops", str(r.workshops)});
    c.row({p, "partner", p, "trainees", str(r.trainees)});
    c.row({p, "partner", p, "sessions", str(r.sessions)});
    c.row({p, "partner", p, "training_hours", str(r.training_hours)});
    c.row({p, "partner", p, "certificates", str(r.certificates)});
  }
  return c.str();
}

std::string to_text(const std::vector<PartnerReport>& reports) {
  std::string out;
  for (const PartnerReport& r : reports) {
    out += r.partner_name + " (" + r.partner_id + "), " + period(r.from, r.to) + "\n";
    for (const Agreement& a : r.agreements)
      out += "  agreement " + a.id + " " + a.reference + ": " + period(a.from, a.to) + " [" + scopes(a.scopes) + "]\n";
    std::vector<std::vector<std::string>> rows;
    for (const PartnerProductFigures& f : r.products)
      rows.push_back({f.name, str(f.placed), str(f.returned), str(f.sold), str(f.bought), format_rupiah(f.revenue)});
    rows.push_back({"total", str(r.units_placed), str(r.units_returned), str(r.units_sold), str(r.units_bought),
                    format_rupiah(r.revenue)});
    out += table({"product", "placed", "returned", "sold", "bought", "revenue"}, rows);
    out += "training: " + str(r.workshops) + " workshops, " + str(r.sessions) + " sessions, " + str(r.trainees) +
           " trainees, " + str(r.training_hours) + " hours, " + str(r.certificates) + " certificates\n\n";
  }
  return out;
}

// ---- programme ----

std::string to_json(const ProgrammeReport& r) {
  Json j;
  j["from"] = format_date(r.from);
  j["to"] = format_date(r.to);
  j["workshops"] = Json::array();
  for (const WorkshopFigures& w : r.workshops)
    j["workshops"].push_back({{"id", w.id},
                              {"name", w.name},
                              {"participants", w.participants},
                              {"sessions", w.sessions},
                              {"hours", w.hours},
                              {"units", w.units},
                              {"units_sold", w.units_sold},
                              {"sales", w.sales.value()},
                              {"cost", w.cost.value()},
                              {"premi_pool", w.premi_pool.value()},
                              {"pnbp", w.pnbp.value()},
                              {"capital", w.capital.value()}});
  j["inmates"] = Json::array();
  for (const InmateFigures& f : r.inmates)
    j["inmates"].push_back({{"id", f.id},
                            {"hours", f.hours},
                            {"attended", f.attended},
                            {"expected", f.expected},
                            {"attendance_rate", as_number(f.attendance_rate)},
                            {"premi", f.premi.value()},
                            {"certificates", f.certificates},
                            {"pemuka_days", f.pemuka_days},
                            {"active", f.active}});
  j["partners"] = Json::array();
  for (const PartnerReport& p : r.partners) j["partners"].push_back(partner_json(p));
  return dump(j);
}

std::string to_csv(const ProgrammeReport& r) {
  Csv c{"section", "id", "field", "value"};
  c.row({"report", "programmes", "from", format_date(r.from)});
  c.row({"report", "programmes", "to", format_date(r.to)});
  for (const WorkshopFigures& w : r.workshops) {
    c.row({"workshop", w.id, "name", w.name});
    c.row({"workshop", w.id, "participants", str(w.participants)});
    c.row({"workshop", w.id, "sessions", str(w.sessions)});
    c.row({"workshop", w.id, "hours", str(w.hours)});
    c.row({"workshop", w.id, "units", str(w.units)});
    c.row({"workshop", w.id, "units_sold", str(w.units_sold)});
    c.row({"workshop", w.id, "sales", str(w.sales)});
    c.row({"workshop", w.id, "cost", str(w.cost)});
    c.row({"workshop", w.id, "premi_pool", str(w.premi_pool)});
    c.row({"workshop", w.id, "pnbp", str(w.pnbp)});
    c.row({"workshop", w.id, "capital", str(w.capital)});
  }
  for (const InmateFigures& f : r.inmates) {
    c.row({"inmate", f.id, "hours", str(f.hours)});
    c.row({"inmate", f.id, "attendance_rate", str(f.attendance_rate)});
    c.row({"inmate", f.id, "premi", str(f.premi)});
    c.row({"inmate", f.id, "certificates", str(f.certificates)});
    c.row({"inmate", f.id, "pemuka_days", str(f.pemuka_days)});
    c.row({"inmate", f.id, "active", f.active ? "true" : "false"});
  }
  for (const PartnerReport& p : r.partners) {
    c.row({"partner", p.partner_id, "units_placed", str(p.units_placed)});
    c.row({"partner", p.partner_id, "units_sold", str(p.units_sold)});
    c.row({"partner", p.partner_id, "units_bought", str(p.units_bought)});
    c.row({"partner", p.partner_id, "revenue", str(p.revenue)});
    c.row({"partner", p.partner_id, "trainees", str(p.trainees)});
    c.row({"partner", p.partner_id, "certificates", str(p.certificates)});
  }
  return c.str();
}

std::string to_text(const ProgrammeReport& r) {
  std::string out = "Programme report " + period(r.from, r.to) + "\n\nWorkshops\n";
  std::vector<std::vector<std::string>> rows;
  for (const WorkshopFigures& w : r.workshops)
    rows.push_back({w.name, str(w.participants), str(w.sessions), str(w.hours), str(w.units), str(w.units_sold),
                    format_rupiah(w.sales), format_rupiah(w.premi_pool), format_rupiah(w.pnbp),
                    format_rupiah(w.capital)});
  out += table({"workshop", "participants", "sessions", "hours", "units", "sold", "sales", "premi", "PNBP", "capital"},
               rows);
  out += "\nInmates\n";
  rows.clear();
  for (const InmateFigures& f : r.inmates)
    rows.push_back({f.id, str(f.hours), str(f.attended) + "/" + str(f.expected), format_rupiah(f.premi),
                    str(f.certificates), str(f.pemuka_days), f.active ? "yes" : "no"});
  out += table({"inmate", "hours", "attended", "premi", "certificates", "pemuka days", "active"}, rows);
  out += "\nPartners\n";
  rows.clear();
  for (const PartnerReport& p : r.partners)
    rows.push_back({p.partner_name, str(p.units_placed), str(p.units_sold + p.units_bought), format_rupiah(p.revenue),
                    str(p.trainees), str(p.certificates)});
  out += table({"partner", "placed", "sold", "revenue", "trainees", "certificates"}, rows);
  return out;
}

// ---- inmate ----

std::string to_json(const InmateReport& r) {
  const ParticipationSummary& s = r.participation;
  Json j;
  j["id"] = r.inmate_id;
  j["from"] = format_date(r.from);
  j["to"] = format_date(r.to);
  Json pemuka = Json::array();
  for (const DaySpan& d : s.pemuka) pemuka.push_back({{"from", format_date(d.from)}, {"to", format_date(d.to)}});
  j["participation"] = {{"scheduled", s.scheduled}, {"attended", s.attended},   {"sick", s.sick},
                        {"excused", s.excused},     {"refused", s.refused},     {"absent", s.absent},
                        {"unrecorded", s.unrecorded}, {"cancelled", s.cancelled}, {"expected", s.expected()},
                        {"attendance_rate", as_number(s.attendance_rate())},    {"hours", s.hours},
                        {"pemuka", pemuka},         {"pemuka_days", s.pemuka_days()}};
  j["active"] = r.active;
  j["workshops"] = r.workshops;
  j["assessments"] = Json::array();
  for (const EndAssessment& a : r.assessments) {
    Json x = {{"workshop_id", a.workshop_id}, {"date", format_date(a.date)}, {"result", std::string(to_string(a.result))}};
    if (a.score) x["score"] = *a.score;
    j["assessments"].push_back(x);
  }
  j["certificates"] = Json::array();
  for (const Certificate& c : r.certificates)
    j["certificates"].push_back({{"id", c.id},
                                 {"workshop_id", c.workshop_id},
                                 {"date", format_date(c.date)},
                                 {"issuer_kind", std::string(to_string(c.issuer_kind))},
                                 {"issuer", c.issuer},
                                 {"title", c.title}});
  j["premi"] = r.premi.value();
  j["spent"] = r.spent.value();
  j["handed_over"] = r.handed_over.value();
  j["balance"] = r.balance.value();
  j["ledger"] = Json::array();
  for (const LedgerEntry& e : r.ledger)
    j["ledger"].push_back({{"date", format_date(e.date)},
                           {"kind", std::string(to_string(e.kind))},
                           {"amount", e.amount.value()},
                           {"reference", e.reference}});
  return dump(j);
}

std::string to_csv(const InmateReport& r) {
  const ParticipationSummary& s = r.participation;
  const std::string& id = r.inmate_id;
  Csv c{"section", "id", "field", "value"};
  c.row({"inmate", id, "from", format_date(r.from)});
  c.row({"inmate", id, "to", format_date(r.to)});
  c.row({"inmate", id, "scheduled", str(s.scheduled)});
  c.row({"inmate", id, "attended", str(s.attended)});
  c.row({"inmate", id, "expected", str(s.expected())});
  c.row({"inmate", id, "attendance_rate", str(s.attendance_rate())});
  c.row({"inmate", id, "hours", str(s.hours)});
  c.row({"inmate", id, "pemuka_days", str(s.pemuka_days())});
  c.row({"inmate", id, "active", r.active ? "true" : "false"});
  for (const Certificate& cert : r.certificates) c.row({"certificate", cert.id, "title", cert.title});
  c.row({"inmate", id, "premi", str(r.premi)});
  c.row({"inmate", id, "spent", str(r.spent)});
  c.row({"inmate", id, "handed_over", str(r.handed_over)});
  c.row({"inmate", id, "balance", str(r.balance)});
  return c.str();
}

std::string to_text(const InmateReport& r) {
  const ParticipationSummary& s = r.participation;
  std::string out = "Inmate " + r.inmate_id + ", " + period(r.from, r.to) + "\n";
  out += "sessions: " + str(s.scheduled) + " scheduled, " + str(s.attended) + " attended of " + str(s.expected()) +
         " expected (sick " + str(s.sick) + ", excused " + str(s.excused) + ", refused " + str(s.refused) +
         ", absent " + str(s.absent) + ", unrecorded " + str(s.unrecorded) + ", cancelled " + str(s.cancelled) +
         "); " + str(s.hours) + " hours; active participation: " + (r.active ? "yes" : "no") + "\n";
  out += "pemuka days: " + str(s.pemuka_days()) + "\n";
  for (const Certificate& c : r.certificates)
    out += "certificate " + c.id + ": " + c.title + " (" + c.issuer + ", " + format_date(c.date) + ")\n";
  out += "premi " + format_rupiah(r.premi) + ", spent " + format_rupiah(r.spent) + ", handed over " +
         format_rupiah(r.handed_over) + ", balance " + format_rupiah(r.balance) + "\n";
  return out;
}

// ---- head ----

std::string to_json(const HeadReport& r) {
  Json j;
  j["from"] = format_date(r.from);
  j["to"] = format_date(r.to);
  j["workshops"] = r.workshops;
  j["sessions"] = r.sessions;
  j["participants"] = r.participants;
  j["active_participants"] = r.active_participants;
  j["hours"] = r.hours;
  j["units_produced"] = r.units_produced;
  j["units_sold"] = r.units_sold;
  j["sales"] = r.sales.value();
  j["material_cost"] = r.material_cost.value();
  j["premi"] = r.premi.value();
  j["pnbp"] = r.pnbp.value();
  j["capital"] = r.capital.value();
  j["losses"] = r.losses.value();
  j["certificates"] = r.certificates;
  j["requests"] = r.requests;
  j["enrolled"] = r.enrolled;
  j["waitlisted"] = r.waitlisted;
  j["declined"] = r.declined;
  j["declines"] = Json::array();
  for (const DeclineCount& d : r.declines)
    j["declines"].push_back({{"code", std::string(to_string(d.code))}, {"count", d.count}});
  j["waiting"] = r.waiting;
  j["gallery_stock"] = r.gallery_stock;
  j["consigned_stock"] = r.consigned_stock;
  j["agreements_ending"] = Json::array();
  for (const Agreement& a : r.agreements_ending)
    j["agreements_ending"].push_back({{"id", a.id}, {"partner_id", a.partner_id}, {"to", format_date(a.to)}});
  return dump(j);
}

std::string to_csv(const HeadReport& r) {
  Csv c{"section", "id", "field", "value"};
  const std::pair<const char*, std::string> figures[] = {
      {"from", format_date(r.from)},        {"to", format_date(r.to)},
      {"workshops", str(r.workshops)},      {"sessions", str(r.sessions)},
      {"participants", str(r.participants)}, {"active_participants", str(r.active_participants)},
      {"hours", str(r.hours)},              {"units_produced", str(r.units_produced)},
      {"units_sold", str(r.units_sold)},    {"sales", str(r.sales)},
      {"material_cost", str(r.material_cost)}, {"premi", str(r.premi)},
      {"pnbp", str(r.pnbp)},                {"capital", str(r.capital)},
      {"losses", str(r.losses)},            {"certificates", str(r.certificates)},
      {"requests", str(r.requests)},        {"enrolled", str(r.enrolled)},
      {"waitlisted", str(r.waitlisted)},    {"declined", str(r.declined)},
      {"waiting", str(r.waiting)},          {"gallery_stock", str(r.gallery_stock)},
      {"consigned_stock", str(r.consigned_stock)}};
  for (const auto& [field, value] : figures) c.row({"head", "period", field, value});
  for (const DeclineCount& d : r.declines) c.row({"decline", std::string(to_string(d.code)), "count", str(d.count)});
  for (const Agreement& a : r.agreements_ending) c.row({"agreement_ending", a.id, "to", format_date(a.to)});
  return c.str();
}

std::string to_text(const HeadReport& r) {
  std::string out = "Pembinaan report for the head of the prison, " + period(r.from, r.to) + "\n";
  std::vector<std::vector<std::string>> rows = {
      {"workshops active", str(r.workshops)},
      {"sessions", str(r.sessions)},
      {"participants", str(r.participants)},
      {"active participants", str(r.active_participants)},
      {"hours of training and work", str(r.hours)},
      {"units produced", str(r.units_produced)},
      {"units sold", str(r.units_sold)},
      {"sales", format_rupiah(r.sales)},
      {"material cost of units sold", format_rupiah(r.material_cost)},
      {"premi", format_rupiah(r.premi)},
      {"PNBP", format_rupiah(r.pnbp)},
      {"working capital", format_rupiah(r.capital)},
      {"losses (borne by capital)", format_rupiah(r.losses)},
      {"certificates", str(r.certificates)},
      {"enrolment requests", str(r.requests)},
      {"  enrolled", str(r.enrolled)},
      {"  waitlisted", str(r.waitlisted)},
      {"  declined", str(r.declined)},
      {"still waiting", str(r.waiting)},
      {"gallery stock (units)", str(r.gallery_stock)},
      {"with partners (units)", str(r.consigned_stock)}};
  for (const DeclineCount& d : r.declines) rows.push_back({"  declined: " + std::string(to_string(d.code)), str(d.count)});
  out += table({"figure", "value"}, rows);
  for (const Agreement& a : r.agreements_ending)
    out += "agreement " + a.id + " of " + a.partner_id + " ends " + format_date(a.to) + "\n";
  return out;
}

}  // namespace binaan
