#pragma once
/// \file
/// The partner-facing report: products placed and sold, revenue, trainee counts — aggregates only. It carries no
/// inmate's name, id, sentence or conduct (rules-indonesia.md §8; UU 27/2022 on personal data protection): it is
/// built only from products, stock movements, sales, agreements and counts.

#include <binaan/export.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/programmes/partner.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace binaan {

class Programmes;

/// One product's movements with the partner in the period.
struct PartnerProductFigures {
  std::string product_id;
  std::string name;
  std::int64_t placed = 0;    ///< units placed on consignment
  std::int64_t returned = 0;  ///< units returned to the gallery
  std::int64_t sold = 0;      ///< units the partner sold from consignment (Partner channel)
  std::int64_t bought = 0;    ///< units the partner bought
  Rupiah revenue;             ///< amount of those sales and purchases
};

/// One partner's aggregates over [from, to] (inclusive).
struct PartnerReport {
  Date from;
  Date to;
  std::string partner_id;
  std::string partner_name;
  std::vector<Agreement> agreements;             ///< valid on some day of the period
  std::vector<PartnerProductFigures> products;   ///< by product id
  std::int64_t units_placed = 0;
  std::int64_t units_returned = 0;
  std::int64_t units_sold = 0;
  std::int64_t units_bought = 0;
  Rupiah revenue;
  int workshops = 0;               ///< the partner's workshops with sessions in the period
  int trainees = 0;                ///< distinct inmates enrolled in them during the period: a count, never a list
  int sessions = 0;
  std::int64_t training_hours = 0;  ///< hours attended, summed over trainees
  int certificates = 0;             ///< issued by the partner in the period
};

/// Throws UnknownReference for an unknown partner, ValueError when from > to.
BINAAN_EXPORT PartnerReport partner_report(const Programmes& programmes, const std::string& partner_id, Date from,
                                           Date to);
/// Every partner, by id.
BINAAN_EXPORT std::vector<PartnerReport> partner_reports(const Programmes& programmes, Date from, Date to);

/// JSON: an object (one report) or an array; money in whole rupiah, dates YYYY-MM-DD.
BINAAN_EXPORT std::string to_json(const PartnerReport& report);
BINAAN_EXPORT std::string to_json(const std::vector<PartnerReport>& reports);
/// CSV, one figure a row: `partner,section,id,field,value` (RFC 4180 quoting).
BINAAN_EXPORT std::string to_csv(const std::vector<PartnerReport>& reports);
/// Plain text for printing.
BINAAN_EXPORT std::string to_text(const std::vector<PartnerReport>& reports);

}  // namespace binaan
