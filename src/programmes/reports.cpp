// The report builders: programme (internal), partner (aggregates only), inmate and head reports.

#include <binaan/programmes/head_report.hpp>
#include <binaan/programmes/inmate_report.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/programme_report.hpp>
#include <binaan/programmes/programmes.hpp>

#include "programmes/checks.hpp"

#include <map>
#include <set>

namespace binaan {

using detail::in_period;

namespace {

std::set<std::string> enrolled_inmates(const Programmes& p, Date from, Date to,
                                       const std::set<std::string>* only_workshops = nullptr) {
  std::set<std::string> ids;
  for (const Enrolment& e : p.enrolments())
    if (enrolled_during(e, from, to) && (!only_workshops || only_workshops->count(e.workshop_id)))
      ids.insert(e.inmate_id);
  return ids;
}

int sessions_in(const Workshop& w, Date from, Date to) {
  int n = 0;
  for (const Session& s : w.sessions) n += in_period(s.date, from, to) ? 1 : 0;
  return n;
}

}  // namespace

// ---- partner ----

PartnerReport partner_report(const Programmes& p, const std::string& partner_id, Date from, Date to) {
  detail::require_period(from, to);
  const Partner& partner = p.partner(partner_id);
  PartnerReport r;
  r.from = from;
  r.to = to;
  r.partner_id = partner.id;
  r.partner_name = partner.name;
  for (const Agreement& a : p.agreements())
    if (a.partner_id == partner_id && a.from <= to && a.to >= from) r.agreements.push_back(a);

  std::map<std::string, PartnerProductFigures> products;
  auto product = [&](const std::string& id) -> PartnerProductFigures& {
    PartnerProductFigures& f = products[id];
    if (f.product_id.empty()) {
      f.product_id = id;
      f.name = p.product(id).name;
    }
    return f;
  };
  for (const ConsignmentRecord& c : p.consignments()) {
    if (c.consignment.partner_id != partner_id || !in_period(c.consignment.date, from, to)) continue;
    PartnerProductFigures& f = product(c.consignment.product_id);
    (c.consignment.kind == ConsignmentKind::Placed ? f.placed : f.returned) += c.consignment.units;
  }
  for (const SaleRecord& s : p.sales()) {
    if (s.sale.partner_id != partner_id || !in_period(s.sale.date, from, to)) continue;
    PartnerProductFigures& f = product(s.sale.product_id);
    (s.sale.channel == SaleChannel::Partner ? f.sold : f.bought) += s.sale.units;
    f.revenue += s.amount;
  }
  for (auto& [id, f] : products) {
    r.units_placed += f.placed;
    r.units_returned += f.returned;
    r.units_sold += f.sold;
    r.units_bought += f.bought;
    r.revenue += f.revenue;
    r.products.push_back(std::move(f));
  }

  std::set<std::string> workshops;
  for (const Workshop& w : p.workshops()) {
    if (w.partner_id != partner_id) continue;
    const int n = sessions_in(w, from, to);
    if (n == 0) continue;
    workshops.insert(w.id);
    r.sessions += n;
  }
  r.workshops = static_cast<int>(workshops.size());
  r.trainees = static_cast<int>(enrolled_inmates(p, from, to, &workshops).size());
  for (const Attendance& a : p.attendance())
    if (workshops.count(a.workshop_id) && in_period(a.session, from, to)) r.training_hours += a.hours;
  for (const Certificate& c : p.certificates())
    if (c.issuer_kind == IssuerKind::Partner && c.issuer == partner_id && in_period(c.date, from, to))
      ++r.certificates;
  return r;
}

std::vector<PartnerReport> partner_reports(const Programmes& p, Date from, Date to) {
  std::map<std::string, PartnerReport> by_id;
  for (const Partner& partner : p.partners()) by_id.emplace(partner.id, partner_report(p, partner.id, from, to));
  std::vector<PartnerReport> out;
  for (auto& [id, r] : by_id) out.push_back(std::move(r));
  if (out.empty()) detail::require_period(from, to);
  return out;
}

// ---- programme ----

ProgrammeReport programme_report(const Programmes& p, Date from, Date to, const ParticipationPolicy& policy) {
  detail::require_period(from, to);
  ProgrammeReport r;
  r.from = from;
  r.to = to;

  for (const Workshop& w : p.workshops()) {
    WorkshopFigures f;
    f.id = w.id;
    f.name = w.name;
    const std::set<std::string> only{w.id};
    f.participants = static_cast<int>(enrolled_inmates(p, from, to, &only).size());
    f.sessions = sessions_in(w, from, to);
    for (const Attendance& a : p.attendance())
      if (a.workshop_id == w.id && in_period(a.session, from, to)) f.hours += a.hours;
    for (const Batch& b : p.batches())
      if (b.workshop_id == w.id && in_period(b.date, from, to)) f.units += b.units;
    for (const SaleRecord& s : p.sales()) {
      if (!in_period(s.sale.date, from, to)) continue;
      for (const SaleLine& l : s.lines) {
        if (l.workshop_id != w.id) continue;
        f.units_sold += l.units;
        f.sales += l.revenue;
        f.cost += l.cost;
        f.premi_pool += l.shares.premi;
        f.pnbp += l.shares.pnbp;
        f.capital += l.shares.capital;
      }
    }
    if (f.participants || f.sessions || f.units || f.units_sold) r.workshops.push_back(std::move(f));
  }

  std::map<std::string, Rupiah> premi;
  for (const SaleRecord& s : p.sales())
    if (in_period(s.sale.date, from, to))
      for (const SaleLine& l : s.lines)
        for (const Part& part : l.premi)
          if (part.amount.value() > 0) premi[part.id] += part.amount;
  std::set<std::string> ids = enrolled_inmates(p, from, to);
  for (const auto& [id, amount] : premi) ids.insert(id);
  for (const Certificate& c : p.certificates())
    if (in_period(c.date, from, to)) ids.insert(c.inmate_id);
  for (const PemukaPeriod& pm : p.pemuka())
    if (pm.span.from <= to && pm.span.to >= from) ids.insert(pm.inmate_id);
  for (const std::string& id : ids) {
    const ParticipationSummary s = summarise_participation(p, id, from, to);
    InmateFigures f;
    f.id = id;
    f.hours = s.hours;
    f.attended = s.attended;
    f.expected = s.expected();
    f.attendance_rate = s.attendance_rate();
    auto it = premi.find(id);
    f.premi = it == premi.end() ? Rupiah(0) : it->second;
    f.certificates = static_cast<int>(s.certificates.size());
    f.pemuka_days = s.pemuka_days();
    f.active = shows_active_participation(s, policy);
    r.inmates.push_back(std::move(f));
  }
  r.partners = partner_reports(p, from, to);
  return r;
}

// ---- inmate ----

InmateReport inmate_report(const Programmes& p, const std::string& inmate_id, Date from, Date to,
                           const ParticipationPolicy& policy) {
  detail::require_period(from, to);
  InmateReport r;
  r.inmate_id = inmate_id;
  r.from = from;
  r.to = to;
  r.participation = summarise_participation(p, inmate_id, from, to);
  r.active = shows_active_participation(r.participation, policy);
  std::set<std::string> workshops;
  for (const Enrolment& e : p.enrolments())
    if (e.inmate_id == inmate_id && enrolled_during(e, from, to)) workshops.insert(e.workshop_id);
  r.workshops.assign(workshops.begin(), workshops.end());
  for (const EndAssessment& a : p.assessments())
    if (a.inmate_id == inmate_id && in_period(a.date, from, to)) r.assessments.push_back(a);
  for (const Certificate& c : p.certificates())
    if (c.inmate_id == inmate_id && in_period(c.date, from, to)) r.certificates.push_back(c);
  if (const SavingsLedger* l = p.ledger(inmate_id)) {
    for (const LedgerEntry& e : l->entries()) {
      if (!in_period(e.date, from, to)) continue;
      r.ledger.push_back(e);
      switch (e.kind) {
        case LedgerEntryKind::Premi: r.premi += e.amount; break;
        case LedgerEntryKind::Spending: r.spent += e.amount; break;
        case LedgerEntryKind::HandOver: r.handed_over += e.amount; break;
      }
    }
    r.balance = l->balance_on(to);
  }
  return r;
}

// ---- head ----

HeadReport head_report(const Programmes& p, Date from, Date to, const ParticipationPolicy& policy) {
  const ProgrammeReport pr = programme_report(p, from, to, policy);
  HeadReport r;
  r.from = from;
  r.to = to;
  r.workshops = static_cast<int>(pr.workshops.size());
  for (const WorkshopFigures& w : pr.workshops) {
    r.sessions += w.sessions;
    r.hours += w.hours;
    r.units_produced += w.units;
    r.units_sold += w.units_sold;
    r.sales += w.sales;
    r.material_cost += w.cost;
    r.premi += w.premi_pool;
    r.pnbp += w.pnbp;
    r.capital += w.capital;
  }
  const std::set<std::string> participants = enrolled_inmates(p, from, to);
  r.participants = static_cast<int>(participants.size());
  for (const InmateFigures& f : pr.inmates)
    if (f.active && participants.count(f.id)) ++r.active_participants;
  for (const InmateFigures& f : pr.inmates) r.certificates += f.certificates;
  for (const SaleRecord& s : p.sales())
    if (in_period(s.sale.date, from, to))
      for (const SaleLine& l : s.lines)
        if (l.profit.value() < 0) r.losses -= l.profit;

  std::map<DeclineCode, int> declines;
  for (const EnrolmentDecision& d : p.decisions()) {
    if (!in_period(d.on, from, to)) continue;
    ++r.requests;
    switch (d.outcome) {
      case EnrolmentOutcome::Enrolled: ++r.enrolled; break;
      case EnrolmentOutcome::Waitlisted: ++r.waitlisted; break;
      case EnrolmentOutcome::Declined:
        ++r.declined;
        for (const Decline& reason : d.reasons) ++declines[reason.code];
        break;
    }
  }
  for (const auto& [code, n] : declines) r.declines.push_back({code, n});
  for (const WaitingEntry& w : p.waiting_list()) r.waiting += w.requested_on <= to ? 1 : 0;

  // Stock at the end of `to`, replayed from the movements dated up to then.
  std::int64_t produced = 0, placed = 0, returned = 0, sold_gallery = 0, sold_partner = 0;
  for (const Batch& b : p.batches()) produced += b.date <= to ? b.units : 0;
  for (const ConsignmentRecord& c : p.consignments())
    if (c.consignment.date <= to)
      (c.consignment.kind == ConsignmentKind::Placed ? placed : returned) += c.consignment.units;
  for (const SaleRecord& s : p.sales())
    if (s.sale.date <= to) (s.sale.channel == SaleChannel::Partner ? sold_partner : sold_gallery) += s.sale.units;
  r.gallery_stock = produced - placed + returned - sold_gallery;
  r.consigned_stock = placed - returned - sold_partner;

  const Date horizon = add_days(to, 90);
  for (const Agreement& a : p.agreements())
    if (a.from <= to && to <= a.to && a.to <= horizon) r.agreements_ending.push_back(a);
  return r;
}

}  // namespace binaan
