#pragma once
/// \file
/// Attendance at a workshop session.

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace binaan {

enum class AttendanceStatus : std::uint8_t {
  Attended,
  Sick,       ///< absent, ill (excused)
  Excused,    ///< absent with leave: visit, court, family leave
  Refused,    ///< refused to attend
  Absent,     ///< absent without reason
  Cancelled   ///< the session did not take place for this inmate
};

BINAAN_EXPORT std::string_view to_string(AttendanceStatus status);
BINAAN_EXPORT AttendanceStatus parse_attendance_status(std::string_view text, std::string_view field = "status");

/// One inmate at one session (a workshop has at most one session a day).
struct Attendance {
  std::string workshop_id;
  Date session;
  std::string inmate_id;
  AttendanceStatus status;
  int hours;  ///< hours attended: 1 to the session's hours when Attended, else 0
};

}  // namespace binaan
