#pragma once
/// \file
/// The prison's internal programme report for a period: per workshop, per inmate, per partner (aggregates).

#include <binaan/export.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/time/date.hpp>
#include <binaan/time/term.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace binaan {

class Programmes;

/// One workshop over the period. Money is from the sales dated in the period of units its batches made.
struct WorkshopFigures {
  std::string id;
  std::string name;
  int participants = 0;       ///< distinct inmates enrolled on some day of the period
  int sessions = 0;           ///< sessions scheduled in the period
  std::int64_t hours = 0;     ///< hours attended, summed over participants
  std::int64_t units = 0;     ///< units produced (batches dated in the period)
  std::int64_t units_sold = 0;
  Rupiah sales;               ///< revenue
  Rupiah cost;                ///< material cost of the units sold
  Rupiah premi_pool;
  Rupiah pnbp;
  Rupiah capital;             ///< working capital; negative when losses exceed it
};

/// One inmate over the period.
struct InmateFigures {
  std::string id;
  std::int64_t hours = 0;
  int attended = 0;
  int expected = 0;
  Fraction attendance_rate{0, 1};  ///< attended / expected, exact
  Rupiah premi;                    ///< premi from sales dated in the period
  int certificates = 0;
  std::int32_t pemuka_days = 0;
  bool active = false;             ///< shows_active_participation under the report's policy
};

struct ProgrammeReport {
  Date from;
  Date to;
  std::vector<WorkshopFigures> workshops;  ///< workshops with sessions, participants, batches or sales in the period
  std::vector<InmateFigures> inmates;      ///< enrolled in the period, or earning premi, or certified, by id
  std::vector<PartnerReport> partners;     ///< aggregates only
};

/// Throws ValueError when from > to.
BINAAN_EXPORT ProgrammeReport programme_report(const Programmes& programmes, Date from, Date to,
                                               const ParticipationPolicy& policy = {});

/// JSON with the keys `from`, `to`, `workshops` (each `id`, `name`, `participants`, `sessions`, `hours`, `units`,
/// `units_sold`, `sales`, `cost`, `premi_pool`, `pnbp`, `capital`), `inmates` (each `id`, `hours`, `attended`,
/// `expected`, `attendance_rate` as a number 0–1, `premi`, `certificates`, `pemuka_days`, `active`) and `partners`
/// (the partner reports). Money in whole rupiah.
BINAAN_EXPORT std::string to_json(const ProgrammeReport& report);
/// CSV, one figure a row: `section,id,field,value`; attendance_rate as an exact fraction "9/12".
BINAAN_EXPORT std::string to_csv(const ProgrammeReport& report);
BINAAN_EXPORT std::string to_text(const ProgrammeReport& report);

}  // namespace binaan
