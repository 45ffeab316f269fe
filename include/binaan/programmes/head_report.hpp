#pragma once
/// \file
/// The period report for the head of the prison (Kalapas): the totals of the programme report, enrolment
/// decisions by reason, stock, and agreements about to end.

#include <binaan/export.hpp>
#include <binaan/programmes/decline.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/programmes/partner.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace binaan {

class Programmes;

struct DeclineCount {
  DeclineCode code;
  int count;
};

struct HeadReport {
  Date from;
  Date to;
  int workshops = 0;            ///< with activity in the period
  int sessions = 0;
  int participants = 0;         ///< distinct inmates enrolled in the period
  int active_participants = 0;  ///< of them, showing active participation
  std::int64_t hours = 0;
  std::int64_t units_produced = 0;
  std::int64_t units_sold = 0;
  Rupiah sales;
  Rupiah material_cost;
  Rupiah premi;
  Rupiah pnbp;
  Rupiah capital;
  Rupiah losses;                ///< the sum of loss-making sale lines' losses (already borne by capital)
  int certificates = 0;
  int requests = 0;             ///< enrolment decisions dated in the period
  int enrolled = 0;
  int waitlisted = 0;
  int declined = 0;
  std::vector<DeclineCount> declines;  ///< reasons of the declined, by code
  int waiting = 0;                     ///< still on a waiting list, requested on or before `to`
  std::int64_t gallery_stock = 0;      ///< units in the gallery at the end of `to`
  std::int64_t consigned_stock = 0;    ///< units with partners at the end of `to`
  std::vector<Agreement> agreements_ending;  ///< valid on `to` and ending within 90 days after it
};

/// Throws ValueError when from > to.
BINAAN_EXPORT HeadReport head_report(const Programmes& programmes, Date from, Date to,
                                     const ParticipationPolicy& policy = {});

BINAAN_EXPORT std::string to_json(const HeadReport& report);
/// CSV, one figure a row: `section,id,field,value`.
BINAAN_EXPORT std::string to_csv(const HeadReport& report);
BINAAN_EXPORT std::string to_text(const HeadReport& report);

}  // namespace binaan
