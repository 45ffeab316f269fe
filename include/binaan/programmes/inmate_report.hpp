#pragma once
/// \file
/// One inmate's programme record for a period: participation, assessments, certificates, premi and savings.
/// Internal to the prison: it names the inmate.

#include <binaan/export.hpp>
#include <binaan/programmes/assessment.hpp>
#include <binaan/programmes/certificate.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/programmes/savings.hpp>
#include <binaan/time/date.hpp>

#include <string>
#include <vector>

namespace binaan {

class Programmes;

struct InmateReport {
  std::string inmate_id;
  Date from;
  Date to;
  ParticipationSummary participation;
  bool active = false;                  ///< shows_active_participation
  std::vector<std::string> workshops;   ///< enrolled in during the period, by id
  std::vector<EndAssessment> assessments;  ///< dated in the period
  std::vector<Certificate> certificates;   ///< dated in the period
  Rupiah premi;                         ///< credited in the period
  Rupiah spent;                         ///< spent inside in the period
  Rupiah handed_over;                   ///< handed over in the period
  Rupiah balance;                       ///< savings balance at the end of `to`
  std::vector<LedgerEntry> ledger;      ///< entries dated in the period
};

/// Throws ValueError when from > to. An inmate with no records gets an empty report.
BINAAN_EXPORT InmateReport inmate_report(const Programmes& programmes, const std::string& inmate_id, Date from,
                                         Date to, const ParticipationPolicy& policy = {});

BINAAN_EXPORT std::string to_json(const InmateReport& report);
/// CSV, one figure a row: `section,id,field,value`.
BINAAN_EXPORT std::string to_csv(const InmateReport& report);
BINAAN_EXPORT std::string to_text(const InmateReport& report);

}  // namespace binaan
