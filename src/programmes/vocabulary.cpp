// Spellings of the programmes model's closed vocabularies, each table in declaration order.

#include <binaan/programmes/assessment.hpp>
#include <binaan/programmes/attendance.hpp>
#include <binaan/programmes/certificate.hpp>
#include <binaan/programmes/consignment.hpp>
#include <binaan/programmes/decline.hpp>
#include <binaan/programmes/enrolment.hpp>
#include <binaan/programmes/partner.hpp>
#include <binaan/programmes/product.hpp>
#include <binaan/programmes/programme.hpp>
#include <binaan/programmes/sale.hpp>
#include <binaan/programmes/savings.hpp>
#include <binaan/programmes/workshop.hpp>

#include "programmes/checks.hpp"

namespace binaan {

namespace {
constexpr std::string_view kDeclineCodes[] = {"not_serving",    "needs_asimilasi", "recent_discipline",
                                              "already_enrolled", "already_waiting", "workshop_over",
                                              "workshop_full",  "spending_limit",  "released"};
constexpr std::string_view kProgrammeKinds[] = {"religion",  "civic",   "legal_awareness", "counselling", "garment",
                                                "agriculture", "fisheries", "livestock", "culinary",  "crafts",
                                                "furniture", "workshop", "laundry",    "barbering", "other"};
constexpr std::string_view kAreas[] = {"kepribadian", "kemandirian"};
constexpr std::string_view kLocations[] = {"inside_walls", "outside_walls"};
constexpr std::string_view kScopes[] = {"training", "marketing", "materials", "buying"};
constexpr std::string_view kLeaveReasons[] = {"completed", "withdrawn", "released", "transferred", "removed"};
constexpr std::string_view kOutcomes[] = {"enrolled", "waitlisted", "declined"};
constexpr std::string_view kAttendance[] = {"attended", "sick", "excused", "refused", "absent", "cancelled"};
constexpr std::string_view kResults[] = {"competent", "not_yet_competent"};
constexpr std::string_view kIssuers[] = {"training_centre", "certification_body", "partner"};
constexpr std::string_view kBases[] = {"hours", "pieces"};
constexpr std::string_view kConsignmentKinds[] = {"placed", "returned"};
constexpr std::string_view kChannels[] = {"gallery", "partner", "online", "exhibition", "order"};
constexpr std::string_view kLedgerKinds[] = {"premi", "spending", "hand_over"};
}  // namespace

std::string_view to_string(DeclineCode v) { return detail::enum_name(v, kDeclineCodes); }
std::string_view to_string(ProgrammeKind v) { return detail::enum_name(v, kProgrammeKinds); }
std::string_view to_string(ProgrammeArea v) { return detail::enum_name(v, kAreas); }
std::string_view to_string(Location v) { return detail::enum_name(v, kLocations); }
std::string_view to_string(AgreementScope v) { return detail::enum_name(v, kScopes); }
std::string_view to_string(LeaveReason v) { return detail::enum_name(v, kLeaveReasons); }
std::string_view to_string(EnrolmentOutcome v) { return detail::enum_name(v, kOutcomes); }
std::string_view to_string(AttendanceStatus v) { return detail::enum_name(v, kAttendance); }
std::string_view to_string(AssessmentResult v) { return detail::enum_name(v, kResults); }
std::string_view to_string(IssuerKind v) { return detail::enum_name(v, kIssuers); }
std::string_view to_string(ContributionBasis v) { return detail::enum_name(v, kBases); }
std::string_view to_string(ConsignmentKind v) { return detail::enum_name(v, kConsignmentKinds); }
std::string_view to_string(SaleChannel v) { return detail::enum_name(v, kChannels); }
std::string_view to_string(LedgerEntryKind v) { return detail::enum_name(v, kLedgerKinds); }

ProgrammeKind parse_programme_kind(std::string_view text, std::string_view field) {
  return detail::parse_enum<ProgrammeKind>(text, field, kProgrammeKinds);
}
AgreementScope parse_agreement_scope(std::string_view text, std::string_view field) {
  return detail::parse_enum<AgreementScope>(text, field, kScopes);
}
AttendanceStatus parse_attendance_status(std::string_view text, std::string_view field) {
  return detail::parse_enum<AttendanceStatus>(text, field, kAttendance);
}
SaleChannel parse_sale_channel(std::string_view text, std::string_view field) {
  return detail::parse_enum<SaleChannel>(text, field, kChannels);
}

}  // namespace binaan
