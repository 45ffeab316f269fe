#pragma once
/// \file
/// The flat CSV roster for spreadsheet users: one inmate per row, the same Case model as the JSON Lines roster
/// (case_json.hpp). The column reference is docs/roster-csv.md; in short, the columns are
///
///     id, name, sex, birth_date, child, religion, detention, term, offence, verdict_final, verdict_date,
///     commuted_date, commuted_term, fine_subsidiary, fine_paid, restitution_subsidiary, restitution_paid,
///     justice_collaborator, deradicalisation, pledge, discipline, escapes, pemuka, services, assessments,
///     recorded_until, recorded_grants, until, case_id, title, source, policy
///
/// `id` is the person id (unique in a roster); `case_id` is the optional case id of a JSON Lines line. Lists live
/// in one cell, items separated by `;`: detention `2019-01-10..2019-03-10;2019-06-01..` (`to` exclusive, the last
/// period may be open), discipline `2021-05-10;2022-01-03`, escapes and pemuka `from..to;…`, services
/// `date:kind;…`, assessments `date:predicate:risk;…` (predicate or risk may be empty), recorded_grants
/// `date:kind:amount;…`, policy `name=value;…` (value `true`, `false`, an integer, a bare string, or a
/// double-quoted string with `\"` and `\\`). Booleans are `true` / `false` (`TRUE` / `FALSE` also read);
/// an empty cell is an unrecorded or absent value.
///
/// Reading follows RFC 4180: fields separated by commas, records by LF or CR LF, a field in double quotes may hold
/// commas, line ends and doubled quotes. The first record is the header: columns in any order, the required
/// ones (id, religion, detention, term, offence, verdict_final) present, an unknown or repeated name refused. A
/// UTF-8 byte order mark is accepted at the start; invalid UTF-8 anywhere is refused. Empty lines and rows with
/// every field empty are skipped. All or nothing: the first problem throws InputError(file, line, column, value,
/// why), `line` being the physical line on which the row starts (a quoted line end moves the next row down),
/// `column` the header name, and `value` the offending cell or list item in double quotes. Also refused: a wrong
/// number of fields, a stray or unterminated quote, a record over 1 MiB (kMaxRosterLineBytes), a person id used
/// twice, and everything the JSON reader refuses in the same field (dates, terms, vocabularies, overlapping
/// detention, texts over 1,000 characters, …).

#include <binaan/export.hpp>
#include <binaan/people/case.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// The column names in the order write_roster_csv writes them.
BINAAN_EXPORT std::vector<std::string_view> roster_csv_columns();

/// Reads a CSV roster. `file` names it in errors. Throws InputError (see above); an empty text or one without a
/// header row is refused, a header without rows gives an empty roster.
BINAAN_EXPORT std::vector<Case> read_roster_csv(std::string_view text, const std::string& file);

/// Writes a CSV roster: the header with every column of roster_csv_columns(), then one row per case, each record
/// ending in '\n' (LF, no BOM); a field is quoted only when it holds a comma, a double quote, CR or LF. Absent
/// values are empty cells; a fine or restitution always has its `_paid` cell. `expect_json` is not written (a
/// roster has no `expect`). `read_roster_csv(write_roster_csv(v))` gives back `v`, and writing it again gives the
/// same bytes. Throws ValueError when two cases share a person id, when a free text is not valid UTF-8 or longer
/// than 1,000 characters, or when a policy name cannot be written (empty, or holding `=`, `;`, `"` or `\`).
BINAAN_EXPORT std::string write_roster_csv(const std::vector<Case>& cases);

/// Appends one CSV field as RFC 4180 wants it: in double quotes, with its quotes doubled, when it holds a comma, a
/// quote or a line end; as it is otherwise. The one CSV quoting routine of binaan (rosters, reports, the program).
BINAAN_EXPORT void append_csv_field(std::string& out, std::string_view field);

}  // namespace binaan
