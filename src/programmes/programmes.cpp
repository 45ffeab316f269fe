#include <binaan/programmes/programmes.hpp>

#include <binaan/error.hpp>
#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/split.hpp>

#include "programmes/checks.hpp"

#include <algorithm>
#include <set>

namespace binaan {

namespace {

std::size_t find_index(const std::map<std::string, std::size_t>& index, const std::string& field,
                       const std::string& id) {
  auto it = index.find(id);
  if (it == index.end()) throw UnknownReference(field, id);
  return it->second;
}

void require_new(const std::map<std::string, std::size_t>& index, const std::string& field, const std::string& id) {
  detail::require_id(field, id);
  if (index.count(id)) throw ValueError(field, id, "already exists");
}

std::string scopes_text(const std::vector<AgreementScope>& scopes) {
  std::string s;
  for (AgreementScope sc : scopes) s += (s.empty() ? "" : ", ") + std::string(to_string(sc));
  return s;
}

}  // namespace

Programmes::Programmes(ProfitSplitSchedule profit_split, EnrolmentPolicy enrolment_policy,
                       SavingsPolicy savings_policy)
    : profit_split_(std::move(profit_split)), enrolment_policy_(enrolment_policy), savings_policy_(savings_policy) {
  if (enrolment_policy_.discipline_window_days < 0)
    throw ValueError("enrolment_policy.discipline_window_days",
                     std::to_string(enrolment_policy_.discipline_window_days), "must not be negative");
  if (enrolment_policy_.near_release_days < 0)
    throw ValueError("enrolment_policy.near_release_days", std::to_string(enrolment_policy_.near_release_days),
                     "must not be negative");
  if (savings_policy_.spend_percent < 0 || savings_policy_.spend_percent > 100)
    throw ValueError("savings_policy.spend_percent", std::to_string(savings_policy_.spend_percent), "must be 0-100");
}

// ---- agreements ----

const Agreement* Programmes::agreement_covering(const std::string& partner_id, Date day, AgreementScope scope) const {
  for (const Agreement& a : agreements_)
    if (a.partner_id == partner_id && covers(a, day, scope)) return &a;
  return nullptr;
}

void Programmes::require_agreement(const std::string& field, const std::string& partner_id, Date day,
                                   AgreementScope scope) const {
  find_index(partner_index_, field, partner_id);
  if (agreement_covering(partner_id, day, scope)) return;
  std::string known;
  for (const Agreement& a : agreements_)
    if (a.partner_id == partner_id)
      known += (known.empty() ? "" : "; ") + a.id + " " + format_date(a.from) + ".." + format_date(a.to) + " [" +
               scopes_text(a.scopes) + "]";
  throw AgreementError(field, partner_id + " on " + format_date(day),
                       "no agreement of partner " + partner_id + " covers " + std::string(to_string(scope)) +
                           " on " + format_date(day) + " (agreements: " + (known.empty() ? "none" : known) + ")");
}

// ---- catalogue ----

void Programmes::add_programme(Programme p) {
  require_new(programme_index_, "programme.id", p.id);
  detail::require_id("programme.name", p.name);
  programme_index_.emplace(p.id, programmes_.size());
  programmes_.push_back(std::move(p));
}

void Programmes::add_partner(Partner p) {
  require_new(partner_index_, "partner.id", p.id);
  detail::require_id("partner.name", p.name);
  detail::require_text("partner.contact", p.contact);
  partner_index_.emplace(p.id, partners_.size());
  partners_.push_back(std::move(p));
}

void Programmes::add_agreement(Agreement a) {
  require_new(agreement_index_, "agreement.id", a.id);
  find_index(partner_index_, "agreement.partner_id", a.partner_id);
  detail::require_text("agreement.reference", a.reference);
  detail::require_date("agreement.from", a.from);
  detail::require_date("agreement.to", a.to);
  if (a.to < a.from) throw ValueError("agreement.to", format_date(a.to), "before agreement.from " + format_date(a.from));
  if (a.scopes.empty()) throw ValueError("agreement.scopes", "[]", "needs at least one scope");
  agreement_index_.emplace(a.id, agreements_.size());
  agreements_.push_back(std::move(a));
}

void Programmes::add_workshop(Workshop w) {
  validate_workshop(w);
  require_new(workshop_index_, "workshop.id", w.id);
  find_index(programme_index_, "workshop.programme_id", w.programme_id);
  if (w.partner_id) {
    find_index(partner_index_, "workshop.partner_id", *w.partner_id);
    for (std::size_t i = 0; i < w.sessions.size(); ++i)
      require_agreement("workshop.sessions[" + std::to_string(i) + "].date", *w.partner_id, w.sessions[i].date,
                        AgreementScope::Training);
  }
  workshop_index_.emplace(w.id, workshops_.size());
  workshops_.push_back(std::move(w));
}

Workshop& Programmes::workshop_mut(const std::string& id) {
  return workshops_[find_index(workshop_index_, "workshop_id", id)];
}

void Programmes::add_session(const std::string& workshop_id, Session s) {
  Workshop candidate = workshop(workshop_id);
  candidate.sessions.push_back(s);
  validate_workshop(candidate);  // order, one a day, hours
  if (candidate.partner_id)
    require_agreement("session.date", *candidate.partner_id, s.date, AgreementScope::Training);
  workshop_mut(workshop_id).sessions.push_back(s);
}

void Programmes::add_product(Product p) {
  require_new(product_index_, "product.id", p.id);
  detail::require_id("product.name", p.name);
  product_index_.emplace(p.id, products_.size());
  products_.push_back(std::move(p));
}

// ---- enrolment ----

std::optional<std::size_t> Programmes::current_enrolment(const std::string& inmate_id,
                                                         const std::string& workshop_id) const {
  auto it = enrolment_index_.find({inmate_id, workshop_id});
  if (it != enrolment_index_.end())
    for (std::size_t i : it->second)
      if (!enrolments_[i].left_on) return i;
  return std::nullopt;
}

template <class Pred>
bool Programmes::any_enrolment(const std::string& inmate_id, const std::string& workshop_id, Pred pred) const {
  auto it = enrolment_index_.find({inmate_id, workshop_id});
  if (it == enrolment_index_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](std::size_t i) { return pred(enrolments_[i]); });
}

std::int64_t Programmes::occupied_places(const std::string& workshop_id, Date on) const {
  // A place is held until the day its holder leaves; a later-dated enrolment already holds its place.
  auto it = workshop_enrolments_.find(workshop_id);
  if (it == workshop_enrolments_.end()) return 0;
  return std::count_if(it->second.begin(), it->second.end(), [&](std::size_t i) {
    return !enrolments_[i].left_on || *enrolments_[i].left_on > on;
  });
}

void Programmes::push_enrolment(Enrolment e) {
  enrolment_index_[{e.inmate_id, e.workshop_id}].push_back(enrolments_.size());
  workshop_enrolments_[e.workshop_id].push_back(enrolments_.size());
  enrolments_.push_back(std::move(e));
}

void Programmes::enrol(const std::string& inmate_id, const std::string& workshop_id, Date requested_on, Date on) {
  push_enrolment(Enrolment{inmate_id, workshop_id, requested_on, on, std::nullopt, std::nullopt});
}

EnrolmentDecision Programmes::request_enrolment(const std::string& inmate_id, const std::string& workshop_id,
                                                Date on, const InmateStatus& status) {
  detail::require_id("enrolment.inmate_id", inmate_id);
  detail::require_date("enrolment.on", on);
  const Workshop& w = workshops_[find_index(workshop_index_, "enrolment.workshop_id", workshop_id)];

  EnrolmentDecision d{inmate_id, workshop_id, on, EnrolmentOutcome::Declined,
                      check_eligibility(w, on, status, enrolment_policy_)};
  if (current_enrolment(inmate_id, workshop_id))
    d.reasons.push_back({DeclineCode::AlreadyEnrolled, "already enrolled in " + w.name, std::nullopt});
  const bool waiting = std::any_of(waiting_.begin(), waiting_.end(), [&](const WaitingEntry& e) {
    return e.inmate_id == inmate_id && e.workshop_id == workshop_id;
  });
  if (waiting) d.reasons.push_back({DeclineCode::AlreadyWaiting, "already waiting for " + w.name, std::nullopt});

  if (d.reasons.empty()) {
    if (occupied_places(workshop_id, on) < w.capacity) {
      d.outcome = EnrolmentOutcome::Enrolled;
      enrol(inmate_id, workshop_id, on, on);
    } else {
      d.outcome = EnrolmentOutcome::Waitlisted;
      d.reasons.push_back({DeclineCode::WorkshopFull,
                           w.name + " is full (" + std::to_string(w.capacity) + " places); on the waiting list",
                           std::nullopt});
      waiting_.push_back(WaitingEntry{inmate_id, workshop_id, on});
    }
  }
  decisions_.push_back(d);
  return d;
}

std::vector<EnrolmentDecision> Programmes::fill_places(const std::string& workshop_id, Date on,
                                                       const std::map<std::string, InmateStatus>& statuses) {
  detail::require_date("fill_places.on", on);
  const Workshop& w = workshops_[find_index(workshop_index_, "fill_places.workshop_id", workshop_id)];
  std::vector<WaitingCandidate> candidates;
  for (const WaitingEntry& e : waiting_) {
    if (e.workshop_id != workshop_id || e.requested_on > on) continue;
    auto it = statuses.find(e.inmate_id);
    if (it == statuses.end()) throw ValueError("statuses", e.inmate_id, "no status for an inmate on the waiting list");
    candidates.push_back({e.inmate_id, e.requested_on, it->second.expected_release});
  }
  std::int64_t places = w.capacity - occupied_places(workshop_id, on);
  std::vector<EnrolmentDecision> out;
  for (const WaitingCandidate& c : rank_waiting_list(std::move(candidates), on, enrolment_policy_)) {
    if (places <= 0) break;
    EnrolmentDecision d{c.inmate_id, workshop_id, on, EnrolmentOutcome::Declined,
                        check_eligibility(w, on, statuses.at(c.inmate_id), enrolment_policy_)};
    if (d.reasons.empty()) {
      d.outcome = EnrolmentOutcome::Enrolled;
      enrol(c.inmate_id, workshop_id, c.requested_on, on);
      --places;
    }
    waiting_.erase(std::find_if(waiting_.begin(), waiting_.end(), [&](const WaitingEntry& e) {
      return e.inmate_id == c.inmate_id && e.workshop_id == workshop_id;
    }));
    decisions_.push_back(d);
    out.push_back(std::move(d));
  }
  return out;
}

void Programmes::leave(const std::string& inmate_id, const std::string& workshop_id, Date on, LeaveReason reason) {
  detail::require_date("leave.on", on);
  find_index(workshop_index_, "leave.workshop_id", workshop_id);
  const auto i = current_enrolment(inmate_id, workshop_id);
  if (!i) throw ValueError("leave.inmate_id", inmate_id, "not enrolled in " + workshop_id);
  Enrolment& e = enrolments_[*i];
  if (on < e.enrolled_on)
    throw ValueError("leave.on", format_date(on), "before the enrolment on " + format_date(e.enrolled_on));
  for (const Session& s : workshop(workshop_id).sessions)
    if (s.date >= on && find_attendance(workshop_id, s.date, inmate_id))
      throw ValueError("leave.on", format_date(on), "attendance is recorded on " + format_date(s.date));
  e.left_on = on;
  e.leave_reason = reason;
}

// ---- training ----

void Programmes::record_attendance(const std::string& workshop_id, Date session, const std::string& inmate_id,
                                   AttendanceStatus status, std::optional<int> hours) {
  const Workshop& w = workshops_[find_index(workshop_index_, "attendance.workshop_id", workshop_id)];
  detail::require_date("attendance.session", session);
  detail::require_id("attendance.inmate_id", inmate_id);
  const Session* s = find_session(w, session);
  if (!s) throw ValueError("attendance.session", format_date(session), "no session of " + workshop_id + " that day");
  const bool enrolled =
      any_enrolment(inmate_id, workshop_id, [&](const Enrolment& e) { return enrolled_on(e, session); });
  if (!enrolled)
    throw ValueError("attendance.inmate_id", inmate_id,
                     "not enrolled in " + workshop_id + " on " + format_date(session));
  auto key = std::make_tuple(workshop_id, session, inmate_id);
  if (attendance_index_.count(key))
    throw ValueError("attendance", inmate_id + " " + workshop_id + " " + format_date(session), "already recorded");
  int h = 0;
  if (status == AttendanceStatus::Attended) {
    h = hours.value_or(s->hours);
    if (h < 1 || h > s->hours)
      throw ValueError("attendance.hours", std::to_string(h), "must be 1-" + std::to_string(s->hours));
  } else if (hours && *hours != 0) {
    throw ValueError("attendance.hours", std::to_string(*hours),
                     "only an attended session has hours, not " + std::string(to_string(status)));
  }
  attendance_index_.emplace(std::move(key), attendance_.size());
  attendance_.push_back(Attendance{workshop_id, session, inmate_id, status, h});
}

void Programmes::record_assessment(EndAssessment a) {
  detail::require_id("assessment.inmate_id", a.inmate_id);
  find_index(workshop_index_, "assessment.workshop_id", a.workshop_id);
  detail::require_date("assessment.date", a.date);
  detail::require_text("assessment.assessor", a.assessor);
  if (a.score && (*a.score < 0 || *a.score > 100))
    throw ValueError("assessment.score", std::to_string(*a.score), "must be 0-100");
  const bool enrolled =
      any_enrolment(a.inmate_id, a.workshop_id, [&](const Enrolment& e) { return e.enrolled_on <= a.date; });
  if (!enrolled)
    throw ValueError("assessment.inmate_id", a.inmate_id,
                     "never enrolled in " + a.workshop_id + " by " + format_date(a.date));
  assessments_.push_back(std::move(a));
}

void Programmes::issue_certificate(Certificate c) {
  require_new(certificate_index_, "certificate.id", c.id);
  detail::require_id("certificate.inmate_id", c.inmate_id);
  find_index(workshop_index_, "certificate.workshop_id", c.workshop_id);
  detail::require_date("certificate.date", c.date);
  detail::require_id("certificate.issuer", c.issuer);
  detail::require_id("certificate.title", c.title);
  const bool competent = std::any_of(assessments_.begin(), assessments_.end(), [&](const EndAssessment& a) {
    return a.inmate_id == c.inmate_id && a.workshop_id == c.workshop_id && a.date <= c.date &&
           a.result == AssessmentResult::Competent;
  });
  if (!competent)
    throw ValueError("certificate.inmate_id", c.inmate_id,
                     "no competent end assessment in " + c.workshop_id + " on or before " + format_date(c.date));
  if (c.issuer_kind == IssuerKind::Partner)
    require_agreement("certificate.issuer", c.issuer, c.date, AgreementScope::Training);
  certificate_index_.emplace(c.id, certificates_.size());
  certificates_.push_back(std::move(c));
}

void Programmes::record_pemuka(PemukaPeriod p) {
  detail::require_id("pemuka.inmate_id", p.inmate_id);
  if (!p.workshop_id.empty()) find_index(workshop_index_, "pemuka.workshop_id", p.workshop_id);
  detail::require_date("pemuka.from", p.span.from);
  detail::require_date("pemuka.to", p.span.to);
  if (p.span.to < p.span.from)
    throw ValueError("pemuka.to", format_date(p.span.to), "before pemuka.from " + format_date(p.span.from));
  pemuka_.push_back(std::move(p));
}

// ---- production, stock and sales ----

void Programmes::require_stock_day(const std::string& field, Date day) const {
  detail::require_date(field, day);
  if (last_stock_day_ && day < *last_stock_day_)
    throw ValueError(field, format_date(day),
                     "stock movements must be recorded in date order; the last is dated " +
                         format_date(*last_stock_day_));
}

void Programmes::add_batch(Batch b) {
  require_new(batch_index_, "batch.id", b.id);
  find_index(product_index_, "batch.product_id", b.product_id);
  find_index(workshop_index_, "batch.workshop_id", b.workshop_id);
  require_stock_day("batch.date", b.date);
  if (b.units < 1) throw ValueError("batch.units", std::to_string(b.units), "must be at least 1");
  if (b.material_cost.value() < 0)
    throw ValueError("batch.material_cost", std::to_string(b.material_cost.value()), "must not be negative");
  if (b.contributors.empty()) throw ValueError("batch.contributors", "[]", "a batch is made by at least one inmate");
  std::set<std::string> seen;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < b.contributors.size(); ++i) {
    const Contribution& c = b.contributors[i];
    const std::string at = "batch.contributors[" + std::to_string(i) + "]";
    detail::require_id(at + ".inmate_id", c.inmate_id);
    if (!seen.insert(c.inmate_id).second) throw ValueError(at + ".inmate_id", c.inmate_id, "appears twice");
    if (c.amount < 1 || c.amount > kMaxTotalWeight - total)
      throw ValueError(at + ".amount", std::to_string(c.amount),
                       std::string("must be at least 1 ") + std::string(to_string(b.basis)) +
                           ", all together at most 1,000,000,000");
    total += c.amount;
    const bool enrolled =
        any_enrolment(c.inmate_id, b.workshop_id, [&](const Enrolment& e) { return enrolled_on(e, b.date); });
    if (!enrolled)
      throw ValueError(at + ".inmate_id", c.inmate_id,
                       "not enrolled in " + b.workshop_id + " on " + format_date(b.date));
  }
  if (b.materials_partner_id)
    require_agreement("batch.materials_partner_id", *b.materials_partner_id, b.date, AgreementScope::Materials);
  stock_[{b.id, ""}] = b.units;
  last_stock_day_ = b.date;
  batch_index_.emplace(b.id, batches_.size());
  movements_.push_back({StockMovement::Kind::Batch, batches_.size()});
  batches_.push_back(std::move(b));
}

std::vector<StockLine> Programmes::draw(const std::string& field, const std::string& product_id,
                                        const std::string& location, std::int64_t units) const {
  // Oldest batch first: batches are recorded in date order.
  std::vector<StockLine> lines;
  std::int64_t left = units;
  for (const Batch& b : batches_) {
    if (left == 0) break;
    if (b.product_id != product_id) continue;
    auto it = stock_.find({b.id, location});
    if (it == stock_.end() || it->second == 0) continue;
    const std::int64_t take = std::min(left, it->second);
    lines.push_back({b.id, take});
    left -= take;
  }
  if (left > 0)
    throw ValueError(field, std::to_string(units),
                     "only " + std::to_string(units - left) + " of " + product_id + " in stock " +
                         (location.empty() ? std::string("in the gallery") : "with partner " + location));
  return lines;
}

const ConsignmentRecord& Programmes::consign(Consignment c) {
  require_new(consignment_index_, "consignment.id", c.id);
  find_index(partner_index_, "consignment.partner_id", c.partner_id);
  find_index(product_index_, "consignment.product_id", c.product_id);
  require_stock_day("consignment.date", c.date);
  if (c.units < 1) throw ValueError("consignment.units", std::to_string(c.units), "must be at least 1");
  const bool placing = c.kind == ConsignmentKind::Placed;
  if (placing) require_agreement("consignment.date", c.partner_id, c.date, AgreementScope::Marketing);
  const std::string from = placing ? std::string() : c.partner_id;
  const std::string to = placing ? c.partner_id : std::string();
  std::vector<StockLine> lines = draw("consignment.units", c.product_id, from, c.units);
  for (const StockLine& l : lines) {
    stock_[{l.batch_id, from}] -= l.units;
    stock_[{l.batch_id, to}] += l.units;
  }
  last_stock_day_ = c.date;
  consignment_index_.emplace(c.id, consignments_.size());
  movements_.push_back({StockMovement::Kind::Consignment, consignments_.size()});
  consignments_.push_back(ConsignmentRecord{std::move(c), std::move(lines)});
  return consignments_.back();
}

const SaleRecord& Programmes::record_sale(Sale s) {
  require_new(sale_index_, "sale.id", s.id);
  find_index(product_index_, "sale.product_id", s.product_id);
  require_stock_day("sale.date", s.date);
  if (s.units < 1) throw ValueError("sale.units", std::to_string(s.units), "must be at least 1");
  if (s.unit_price.value() < 0)
    throw ValueError("sale.unit_price", std::to_string(s.unit_price.value()), "must not be negative");
  detail::require_text("sale.buyer", s.buyer);
  std::string location;
  if (s.channel == SaleChannel::Partner) {
    if (!s.partner_id) throw ValueError("sale.partner_id", "", "a sale through a partner names the partner");
    require_agreement("sale.date", *s.partner_id, s.date, AgreementScope::Marketing);
    location = *s.partner_id;
  } else if (s.partner_id) {
    require_agreement("sale.date", *s.partner_id, s.date, AgreementScope::Buying);
  }
  const ProfitSplitPolicy& policy = profit_split_.on(s.date);
  SaleRecord r{s, s.unit_price * s.units, policy.source(), {}};

  const std::vector<StockLine> drawn = draw("sale.units", s.product_id, location, s.units);
  std::vector<WeightedId> by_units;
  for (const StockLine& l : drawn) by_units.push_back({l.batch_id, l.units});
  const std::vector<Part> revenue = split_largest_remainder(r.amount, by_units);

  std::map<std::string, Rupiah> credits;  // inmate → premi of this sale
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    const Batch& b = batch(drawn[i].batch_id);
    SaleLine line{b.id, b.workshop_id, drawn[i].units, revenue[i].amount, Rupiah(0), Rupiah(0), {}, {}};
    const auto sold = sold_.find(b.id);
    line.cost = cost_of_units(b.material_cost, b.units, sold == sold_.end() ? 0 : sold->second, line.units);
    line.profit = line.revenue - line.cost;
    line.shares = split_profit(line.profit, policy);
    std::vector<WeightedId> work;
    for (const Contribution& c : b.contributors) work.push_back({c.inmate_id, c.amount});
    line.premi = split_largest_remainder(line.shares.premi, work);
    for (const Part& p : line.premi)
      if (p.amount.value() > 0) credits[p.id] += p.amount;
    r.lines.push_back(std::move(line));
  }
  // Check every ledger before changing anything, so a refused sale leaves no trace.
  for (const auto& [inmate, amount] : credits) {
    auto it = ledgers_.find(inmate);
    if (it != ledgers_.end() && !it->second.entries().empty() && s.date < it->second.entries().back().date)
      throw ValueError("sale.date", format_date(s.date),
                       "before the last savings entry of " + inmate + " (" +
                           format_date(it->second.entries().back().date) + ")");
    if (it != ledgers_.end()) (void)(it->second.credits() + amount);  // overflow check
  }
  for (const StockLine& l : drawn) {
    stock_[{l.batch_id, location}] -= l.units;
    sold_[l.batch_id] += l.units;
  }
  for (const auto& [inmate, amount] : credits)
    ledgers_.try_emplace(inmate, inmate).first->second.credit(s.date, amount, "sale " + s.id);
  last_stock_day_ = s.date;
  sale_index_.emplace(s.id, sales_.size());
  movements_.push_back({StockMovement::Kind::Sale, sales_.size()});
  sales_.push_back(std::move(r));
  return sales_.back();
}

std::optional<Decline> Programmes::spend(const std::string& inmate_id, Date date, Rupiah amount,
                                         std::string reference) {
  detail::require_date("spend.date", date);
  auto it = ledgers_.find(inmate_id);
  if (it == ledgers_.end()) {
    detail::require_id("spend.inmate_id", inmate_id);
    if (amount.value() <= 0) throw ValueError("ledger.spend.amount", std::to_string(amount.value()), "must be positive");
    return Decline{DeclineCode::SpendingLimit, "no premi credited to " + inmate_id + "; nothing may be spent",
                   std::nullopt};
  }
  return it->second.spend(date, amount, std::move(reference), savings_policy_);
}

Rupiah Programmes::hand_over(const std::string& inmate_id, Date date) {
  detail::require_id("hand_over.inmate_id", inmate_id);
  SavingsLedger fresh(inmate_id);
  auto it = ledgers_.find(inmate_id);
  SavingsLedger& l = it != ledgers_.end() ? it->second : fresh;
  const Rupiah paid = l.hand_over(date, "release");
  if (it == ledgers_.end()) ledgers_.emplace(inmate_id, std::move(fresh));
  return paid;
}

// ---- loading ----

void Programmes::restore_enrolment(Enrolment e) {
  detail::require_id("enrolment.inmate_id", e.inmate_id);
  find_index(workshop_index_, "enrolment.workshop_id", e.workshop_id);
  detail::require_date("enrolment.requested_on", e.requested_on);
  detail::require_date("enrolment.enrolled_on", e.enrolled_on);
  if (e.enrolled_on < e.requested_on)
    throw ValueError("enrolment.enrolled_on", format_date(e.enrolled_on), "before the request");
  if (e.left_on && *e.left_on < e.enrolled_on)
    throw ValueError("enrolment.left_on", format_date(*e.left_on), "before the enrolment");
  if (e.left_on.has_value() != e.leave_reason.has_value())
    throw ValueError("enrolment.leave_reason", e.inmate_id, "a leaving day and its reason go together");
  if (!e.left_on && current_enrolment(e.inmate_id, e.workshop_id))
    throw ValueError("enrolment.inmate_id", e.inmate_id, "already enrolled in " + e.workshop_id);
  push_enrolment(std::move(e));
}

void Programmes::restore_waiting(WaitingEntry e) {
  detail::require_id("waiting.inmate_id", e.inmate_id);
  find_index(workshop_index_, "waiting.workshop_id", e.workshop_id);
  detail::require_date("waiting.requested_on", e.requested_on);
  for (const WaitingEntry& w : waiting_)
    if (w.inmate_id == e.inmate_id && w.workshop_id == e.workshop_id)
      throw ValueError("waiting.inmate_id", e.inmate_id, "already waiting for " + e.workshop_id);
  waiting_.push_back(std::move(e));
}

void Programmes::restore_decision(EnrolmentDecision d) {
  detail::require_id("decision.inmate_id", d.inmate_id);
  find_index(workshop_index_, "decision.workshop_id", d.workshop_id);
  detail::require_date("decision.on", d.on);
  decisions_.push_back(std::move(d));
}

// ---- queries ----

const Programme& Programmes::programme(const std::string& id) const {
  return programmes_[find_index(programme_index_, "programme_id", id)];
}
const Partner& Programmes::partner(const std::string& id) const {
  return partners_[find_index(partner_index_, "partner_id", id)];
}
const Workshop& Programmes::workshop(const std::string& id) const {
  return workshops_[find_index(workshop_index_, "workshop_id", id)];
}
const Product& Programmes::product(const std::string& id) const {
  return products_[find_index(product_index_, "product_id", id)];
}
const Batch& Programmes::batch(const std::string& id) const {
  return batches_[find_index(batch_index_, "batch_id", id)];
}

const SavingsLedger* Programmes::ledger(const std::string& inmate_id) const {
  auto it = ledgers_.find(inmate_id);
  return it == ledgers_.end() ? nullptr : &it->second;
}

const Attendance* Programmes::find_attendance(const std::string& workshop_id, Date session,
                                              const std::string& inmate_id) const {
  auto it = attendance_index_.find(std::make_tuple(workshop_id, session, inmate_id));
  return it == attendance_index_.end() ? nullptr : &attendance_[it->second];
}

std::int64_t Programmes::stock(const std::string& product_id, const std::optional<std::string>& partner_id) const {
  find_index(product_index_, "product_id", product_id);
  const std::string location = partner_id.value_or(std::string());
  std::int64_t n = 0;
  for (const Batch& b : batches_) {
    if (b.product_id != product_id) continue;
    auto it = stock_.find({b.id, location});
    if (it != stock_.end()) n += it->second;
  }
  return n;
}

std::int64_t Programmes::unsold(const std::string& batch_id) const {
  const Batch& b = batch(batch_id);
  auto it = sold_.find(batch_id);
  return b.units - (it == sold_.end() ? 0 : it->second);
}

}  // namespace binaan
