#pragma once
/// \file
/// Umbrella header: everything binaan offers.

#include <binaan/error.hpp>
#include <binaan/export.hpp>
#include <binaan/version.hpp>

#include <binaan/time/date.hpp>
#include <binaan/time/holiday_approximation.hpp>
#include <binaan/time/holiday_calendar.hpp>
#include <binaan/time/term.hpp>

#include <binaan/people/case.hpp>
#include <binaan/people/detention.hpp>
#include <binaan/people/enums.hpp>
#include <binaan/people/facts.hpp>
#include <binaan/people/person.hpp>
#include <binaan/people/sentence.hpp>

#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>
#include <binaan/io/roster_csv.hpp>

#include <binaan/programmes/assessment.hpp>
#include <binaan/programmes/attendance.hpp>
#include <binaan/programmes/certificate.hpp>
#include <binaan/programmes/consignment.hpp>
#include <binaan/programmes/decline.hpp>
#include <binaan/programmes/enrolment.hpp>
#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/head_report.hpp>
#include <binaan/programmes/inmate_report.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/programmes/partner.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/programmes/product.hpp>
#include <binaan/programmes/profit_split.hpp>
#include <binaan/programmes/programme.hpp>
#include <binaan/programmes/programme_report.hpp>
#include <binaan/programmes/programmes.hpp>
#include <binaan/programmes/sale.hpp>
#include <binaan/programmes/savings.hpp>
#include <binaan/programmes/split.hpp>
#include <binaan/programmes/workshop.hpp>

#include <binaan/rules/decision.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/rules/evaluation.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/rules/rule.hpp>
#include <binaan/rules/what_if.hpp>
#include <binaan/facility/facility.hpp>
#include <binaan/privacy/pseudonym.hpp>
#include <binaan/privacy/research_export.hpp>
#include <binaan/privacy/sha256.hpp>
#include <binaan/privacy/whitelist.hpp>
