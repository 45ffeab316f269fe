#pragma once
/// \file
/// The pseudonymised research export of a facility (docs/privacy.md): one row per person with a keyed pseudonym
/// (pseudonym.hpp), the birth year, sex, the kind of facility and the person's programme participation, and
/// aggregate tables of participation by religion and by programme kind with small counts suppressed.
///
/// Every column and every table measure comes from the whitelist (whitelist.hpp, research_export_fields()); the
/// writers refuse anything else. No name, id, register number, birth date, offence, sentence, term, detention,
/// conduct, discipline, remission or release date, premi or savings leaves this way. The export is pseudonymised,
/// not anonymous: under UU 27/2022 it is still personal data, for a researcher under an agreement with the prison.
///
/// What it protects against, and how:
/// - linking a row to a person: no identifier, only the keyed pseudonym; rows sorted by pseudonym, so that their
///   order says nothing of the register order;
/// - children's data (UU 27/2022 Art. 4(2)(e)): people detained as children are left out unless asked for;
/// - small groups in the tables: a count below k (ResearchExportOptions::min_count) is suppressed, and so is a
///   count whose complement in its group is below k (a "none" or "all but two" says something of every member);
///   a group smaller than k has all its counts suppressed; a column with exactly one suppressed count gets a
///   second one (the smallest other), because column totals can be worked out from the rows (e.g. how many have
///   a certificate) and the one suppressed count would then be had by subtraction.

#include <binaan/export.hpp>
#include <binaan/facility/facility.hpp>
#include <binaan/privacy/pseudonym.hpp>
#include <binaan/privacy/whitelist.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace binaan {

/// Default k of the small-count suppression.
inline constexpr int kDefaultMinCount = 5;
/// Smallest k accepted: with k = 1 nothing would be suppressed.
inline constexpr int kLowestMinCount = 2;
/// Largest k accepted.
inline constexpr int kHighestMinCount = 1'000'000;

struct ResearchExportOptions {
  /// k: counts below it (or whose complement in their group is below it) are suppressed in the aggregate tables.
  int min_count = kDefaultMinCount;
  /// Rows and counts for people detained as children (the record's child flag, or under 18 on the first day of
  /// their detention). Off by default: children's data is specific personal data (UU 27/2022 Art. 4(2)(e)).
  bool include_children = false;
};

/// One cell of a row: empty (unknown), a whole number, or a text.
using ExportValue = std::variant<std::monostate, std::int64_t, std::string>;

/// One aggregate table: counts of people by group.
struct ResearchTable {
  struct Row {
    std::string group;                              ///< e.g. "islam", "garment"
    std::vector<std::optional<std::int64_t>> counts;  ///< one per measure; nullopt when suppressed
  };
  std::string name;                   ///< "participation_by_religion", "participation_by_programme_kind"
  std::string group_by;               ///< "religion", "programme_kind"
  std::vector<std::string> measures;  ///< the first is the size of the group
  std::vector<Row> rows;              ///< every group, in the order of its vocabulary, whatever its count
};

/// The export: rows and tables, ready to write.
struct ResearchExport {
  int min_count = kDefaultMinCount;
  bool children_included = false;
  std::vector<std::string> columns;             ///< the row fields of the whitelist, in its order
  std::vector<std::vector<ExportValue>> rows;   ///< one per person, one cell per column, sorted by pseudonym
  std::vector<ResearchTable> tables;
};

/// The research export of a facility. Participation counts every record of the facility's programmes: enrolments
/// (places held), those ended as completed, sessions attended and their hours, certificates. Throws ValueError for
/// a min_count outside [kLowestMinCount, kHighestMinCount] or a facility id the pseudonym refuses.
BINAAN_EXPORT ResearchExport research_export(const Facility& facility, const PseudonymKey& key,
                                             const ResearchExportOptions& options = {});

/// The rows as CSV (RFC 4180, records ending in CR LF): a header of the columns, then one record per person; an
/// empty cell is an unknown value. Throws ValueError for a column, or a row width, the whitelist does not allow.
BINAAN_EXPORT std::string to_csv(const ResearchExport& research);

/// The tables as CSV, one count a record: `table,group_by,group,measure,value,status`, status `ok` or
/// `suppressed` (then the value is empty). Throws ValueError for a table or measure not on the whitelist.
BINAAN_EXPORT std::string tables_to_csv(const ResearchExport& research);

/// Everything as one JSON object: `format` ("binaan-research-export"), `version` (1), `pseudonym_scheme`,
/// `min_count`, `children` ("excluded" or "included"), `columns`, `people` (an object per row, keyed by column;
/// null for an unknown value) and `tables` (name, group_by, measures, rows: group, a count per measure or null
/// when suppressed, and `suppressed`: the measures suppressed). Same refusals as the CSV writers.
BINAAN_EXPORT std::string to_json(const ResearchExport& research);

}  // namespace binaan
