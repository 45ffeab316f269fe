# cmake -DNM=<nm> -DPREFIX=<installed shared binaan> -DLIBDIR=lib -P exports.cmake
# With hidden visibility only what carries BINAAN_EXPORT leaves libbinaan.so. Checks that the API a consumer needs
# (functions, classes, and the type information of the exceptions it catches) is among the dynamic symbols.
foreach(var NM PREFIX LIBDIR)
  if(NOT ${var})
    message(FATAL_ERROR "exports.cmake: ${var} is not set")
  endif()
endforeach()
file(GLOB libraries "${PREFIX}/${LIBDIR}/libbinaan.so.*.*.*")
list(LENGTH libraries count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one libbinaan.so.X.Y.Z in ${PREFIX}/${LIBDIR}, found: ${libraries}")
endif()
execute_process(COMMAND "${NM}" -C -D --defined-only "${libraries}"
  OUTPUT_VARIABLE symbols COMMAND_ERROR_IS_FATAL ANY)

set(required
  " binaan::parse_date("
  " binaan::format_date"
  " binaan::parse_term("
  " binaan::add_years("
  " binaan::add_months("
  " binaan::fraction_reached("
  " binaan::DetentionHistory::DetentionHistory("
  " binaan::DetentionHistory::sentence_start() const"
  " binaan::reserve_roster("
  " binaan::HolidayCalendar::builtin()"
  "typeinfo for binaan::Error"
  "typeinfo for binaan::ValueError"
  "typeinfo for binaan::InputError")
set(missing "")
foreach(symbol IN LISTS required)
  string(FIND "${symbols}" "${symbol}" at)
  if(at EQUAL -1)
    list(APPEND missing "${symbol}")
  endif()
endforeach()

string(REGEX MATCHALL "\n[0-9a-f]+ [TWV] binaan::[^\n]*" exported "${symbols}")
list(LENGTH exported exported_count)
string(REGEX MATCHALL "\n[0-9a-f]+ [TWV] binaan::detail::[^\n]*" detail "${symbols}")
list(LENGTH detail detail_count)
message(STATUS "${libraries}: ${exported_count} binaan:: symbols exported (${detail_count} in binaan::detail)")
if(missing)
  list(JOIN missing "\n  " missing_text)
  message(FATAL_ERROR "not exported from ${libraries}:\n  ${missing_text}\n"
                      "Mark the declaration BINAAN_EXPORT (<binaan/export.hpp>).")
endif()
