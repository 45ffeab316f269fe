#pragma once
/// \file
/// Everything of a facility's pembinaan programmes in one aggregate, with referential integrity checked on every
/// change: no enrolment in an unknown workshop, no sale of an unknown product, nothing under a partner outside its
/// agreements.

#include <binaan/export.hpp>
#include <binaan/programmes/assessment.hpp>
#include <binaan/programmes/attendance.hpp>
#include <binaan/programmes/certificate.hpp>
#include <binaan/programmes/consignment.hpp>
#include <binaan/programmes/decline.hpp>
#include <binaan/programmes/enrolment.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/programmes/partner.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/programmes/product.hpp>
#include <binaan/programmes/profit_split.hpp>
#include <binaan/programmes/programme.hpp>
#include <binaan/programmes/sale.hpp>
#include <binaan/programmes/savings.hpp>
#include <binaan/programmes/workshop.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace binaan {

/// One stock movement, in the order recorded: an index into batches(), consignments() or sales(). Several
/// movements may share a day, and their order decides which batch a sale draws from; replaying the journal in
/// order rebuilds the same stock.
struct StockMovement {
  enum class Kind : std::uint8_t { Batch, Consignment, Sale };
  Kind kind;
  std::size_t index;
};

/// The programmes of one facility. Every invalid operation throws a ValueError (UnknownReference for an id that
/// names nothing, AgreementError for work under a partner outside its agreements) naming the field and the value,
/// and leaves the aggregate unchanged; domain outcomes (an enrolment declined, spending refused) are values.
/// Inmates are known by id only: the facility checks that the ids name its people.
///
/// Stock movements (batches, consignments, sales) must be recorded in date order, so that "the oldest batch in
/// stock" is well defined; other records may come in any order.
///
/// \par Thread safety
/// The queries (const members) and the reports over a `const Programmes&` (programme_report, partner_reports,
/// head_report, inmate_report, participation_evidence, …) build nothing lazily: any number of threads may run
/// them at once on one aggregate. Every change (the non-const members) needs the aggregate to itself: no other
/// thread may read or change it meanwhile — hold a lock around writes and reads, or change a copy and share it
/// once finished. See docs/concurrency.md.
class BINAAN_EXPORT Programmes {
public:
  explicit Programmes(ProfitSplitSchedule profit_split = ProfitSplitSchedule::defaults(),
                      EnrolmentPolicy enrolment_policy = {}, SavingsPolicy savings_policy = {});

  // ---- catalogue ----
  void add_programme(Programme programme);
  void add_partner(Partner partner);
  /// The partner must exist; from ≤ to; at least one scope.
  void add_agreement(Agreement agreement);
  /// The programme (and partner) must exist; a partner's sessions must each fall under its Training agreement.
  void add_workshop(Workshop workshop);
  /// Adds a session after the workshop's last one.
  void add_session(const std::string& workshop_id, Session session);
  void add_product(Product product);

  // ---- enrolment ----
  /// Decides a request on day `on` from what the rules engine says about the inmate that day. Declined with every
  /// failed condition (check_eligibility, already enrolled or waiting); else enrolled when a place is free, else
  /// put on the waiting list. Every decision is kept (decisions()).
  EnrolmentDecision request_enrolment(const std::string& inmate_id, const std::string& workshop_id, Date on,
                                      const InmateStatus& status);
  /// Gives the free places of a workshop on day `on` to its waiting list in the order of rank_waiting_list,
  /// checking each candidate's eligibility again that day; the ineligible leave the list, declined. `statuses`
  /// must hold every waiting inmate of the workshop (ValueError otherwise). Returns the decisions made.
  std::vector<EnrolmentDecision> fill_places(const std::string& workshop_id, Date on,
                                             const std::map<std::string, InmateStatus>& statuses);
  /// Ends the inmate's current enrolment on `on` (not enrolled from that day): the place is free that day.
  void leave(const std::string& inmate_id, const std::string& workshop_id, Date on, LeaveReason reason);

  // ---- training ----
  /// The workshop must have a session that day and the inmate be enrolled on it; one record per inmate and session.
  /// `hours` defaults to the session's hours when attended and must be absent or 0 otherwise.
  void record_attendance(const std::string& workshop_id, Date session, const std::string& inmate_id,
                         AttendanceStatus status, std::optional<int> hours = std::nullopt);
  /// The inmate must have been enrolled in the workshop on or before the assessment day.
  void record_assessment(EndAssessment assessment);
  /// Needs a Competent assessment of the same inmate and workshop on or before the certificate's day; a partner
  /// issuer needs a Training agreement on that day.
  void issue_certificate(Certificate certificate);
  void record_pemuka(PemukaPeriod period);

  // ---- production, stock and sales ----
  /// Product and workshop must exist; every contributor enrolled in the workshop on the batch day; materials from a
  /// partner need a Materials agreement. The units enter the gallery.
  void add_batch(Batch batch);
  /// Placing needs a Marketing agreement on the day; both kinds move stock from the oldest batch first.
  const ConsignmentRecord& consign(Consignment consignment);
  /// Draws the units from the oldest batches in stock at the channel's location, costs them (cost_of_units),
  /// splits each line's profit by the policy of the sale day (split_profit), shares the premi among the batch's
  /// contributors (split_largest_remainder) and credits their savings. A Partner channel needs a Marketing
  /// agreement, a partner buyer a Buying agreement.
  const SaleRecord& record_sale(Sale sale);
  /// Spending inside from the inmate's savings (SavingsLedger::spend); an inmate with no savings is declined.
  std::optional<Decline> spend(const std::string& inmate_id, Date date, Rupiah amount, std::string reference);
  /// Hands the balance over at release (SavingsLedger::hand_over); an inmate with no savings gets an empty ledger.
  Rupiah hand_over(const std::string& inmate_id, Date date);

  // ---- loading an archive: records decided earlier; integrity is checked, eligibility is not decided again ----
  void restore_enrolment(Enrolment enrolment);
  void restore_waiting(WaitingEntry entry);
  void restore_decision(EnrolmentDecision decision);

  // ---- queries ----
  const std::vector<Programme>& programmes() const noexcept { return programmes_; }
  const std::vector<Partner>& partners() const noexcept { return partners_; }
  const std::vector<Agreement>& agreements() const noexcept { return agreements_; }
  const std::vector<Workshop>& workshops() const noexcept { return workshops_; }
  const std::vector<Product>& products() const noexcept { return products_; }
  const std::vector<Enrolment>& enrolments() const noexcept { return enrolments_; }
  const std::vector<WaitingEntry>& waiting_list() const noexcept { return waiting_; }
  const std::vector<EnrolmentDecision>& decisions() const noexcept { return decisions_; }
  const std::vector<Attendance>& attendance() const noexcept { return attendance_; }
  const std::vector<EndAssessment>& assessments() const noexcept { return assessments_; }
  const std::vector<Certificate>& certificates() const noexcept { return certificates_; }
  const std::vector<PemukaPeriod>& pemuka() const noexcept { return pemuka_; }
  const std::vector<Batch>& batches() const noexcept { return batches_; }
  const std::vector<ConsignmentRecord>& consignments() const noexcept { return consignments_; }
  const std::vector<SaleRecord>& sales() const noexcept { return sales_; }
  const std::map<std::string, SavingsLedger>& ledgers() const noexcept { return ledgers_; }
  const std::vector<StockMovement>& stock_movements() const noexcept { return movements_; }

  /// Throw UnknownReference for an unknown id.
  const Programme& programme(const std::string& id) const;
  const Partner& partner(const std::string& id) const;
  const Workshop& workshop(const std::string& id) const;
  const Product& product(const std::string& id) const;
  const Batch& batch(const std::string& id) const;
  /// nullptr when the inmate has no savings yet.
  const SavingsLedger* ledger(const std::string& inmate_id) const;
  const Attendance* find_attendance(const std::string& workshop_id, Date session, const std::string& inmate_id) const;
  /// Units of a product now in the gallery (no partner) or with a partner.
  std::int64_t stock(const std::string& product_id, const std::optional<std::string>& partner_id = std::nullopt) const;
  /// Units of a batch not yet sold.
  std::int64_t unsold(const std::string& batch_id) const;

  const ProfitSplitSchedule& profit_split() const noexcept { return profit_split_; }
  const EnrolmentPolicy& enrolment_policy() const noexcept { return enrolment_policy_; }
  const SavingsPolicy& savings_policy() const noexcept { return savings_policy_; }

private:
  const Agreement* agreement_covering(const std::string& partner_id, Date day, AgreementScope scope) const;
  void require_agreement(const std::string& field, const std::string& partner_id, Date day,
                         AgreementScope scope) const;
  void require_stock_day(const std::string& field, Date day) const;
  Workshop& workshop_mut(const std::string& id);
  std::optional<std::size_t> current_enrolment(const std::string& inmate_id, const std::string& workshop_id) const;
  /// Whether some enrolment of the inmate in the workshop satisfies `pred`.
  template <class Pred>
  bool any_enrolment(const std::string& inmate_id, const std::string& workshop_id, Pred pred) const;
  std::int64_t occupied_places(const std::string& workshop_id, Date on) const;
  void enrol(const std::string& inmate_id, const std::string& workshop_id, Date requested_on, Date on);
  void push_enrolment(Enrolment enrolment);
  std::vector<StockLine> draw(const std::string& field, const std::string& product_id, const std::string& location,
                              std::int64_t units) const;

  ProfitSplitSchedule profit_split_;
  EnrolmentPolicy enrolment_policy_;
  SavingsPolicy savings_policy_;

  std::vector<Programme> programmes_;
  std::vector<Partner> partners_;
  std::vector<Agreement> agreements_;
  std::vector<Workshop> workshops_;
  std::vector<Product> products_;
  std::vector<Enrolment> enrolments_;
  std::vector<WaitingEntry> waiting_;
  std::vector<EnrolmentDecision> decisions_;
  std::vector<Attendance> attendance_;
  std::vector<EndAssessment> assessments_;
  std::vector<Certificate> certificates_;
  std::vector<PemukaPeriod> pemuka_;
  std::vector<Batch> batches_;
  std::vector<ConsignmentRecord> consignments_;
  std::vector<SaleRecord> sales_;
  std::map<std::string, SavingsLedger> ledgers_;
  std::vector<StockMovement> movements_;

  std::map<std::string, std::size_t> programme_index_, partner_index_, agreement_index_, workshop_index_,
      product_index_, batch_index_, certificate_index_, consignment_index_, sale_index_;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> enrolment_index_;  // (inmate, workshop)
  std::map<std::string, std::vector<std::size_t>> workshop_enrolments_;
  std::map<std::tuple<std::string, Date, std::string>, std::size_t> attendance_index_;
  std::map<std::pair<std::string, std::string>, std::int64_t> stock_;  // (batch, location: "" = gallery) → units
  std::map<std::string, std::int64_t> sold_;                            // batch → units sold
  std::optional<Date> last_stock_day_;
};

}  // namespace binaan
