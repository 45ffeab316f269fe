#pragma once
/// \file
/// What may leave the prison, field by field. Exports for outsiders are built from whitelists, never by removing
/// fields from a fuller record: a field added to a person or a programme later reaches no partner or researcher
/// until someone adds it here, with its reason. docs/privacy.md shows the tables.
///
/// Never on any whitelist (UU 27/2022 Art. 4(2): criminal records, children's data, personal financial data are
/// "specific" personal data; rules-indonesia.md §8): a person's name, id or register number, birth date, offence,
/// sentence, terms, detention, verdicts, conduct (register F, escapes, assessments), remission and release dates,
/// premi, savings and any other amount of money of one person.

#include <binaan/export.hpp>

#include <string_view>
#include <vector>

namespace binaan {

/// One field that may leave.
struct ExportField {
  std::string_view json;    ///< its key path in the JSON output, array elements as "[]": "people[].birth_year"
  std::string_view csv;     ///< its name in the CSV output (see each list); empty when the CSV does not carry it
  std::string_view source;  ///< what it is computed from
  std::string_view why;     ///< why it may leave
};

/// The research export (research_export.hpp): every key of its JSON output and every name of its CSV outputs.
/// In the people CSV the names are the columns; in the tables CSV they are the columns (table, group_by, group,
/// measure, value, status) and the values of the `measure` column. The builder and the writers of the research
/// export read this same table: a column that is not on it cannot be written.
BINAAN_EXPORT const std::vector<ExportField>& research_export_fields();

/// The partner report (programmes/partner_report.hpp): every key of its JSON output, and every `section/field`
/// pair of its CSV output (`partner/name`, `agreement/reference`, `product/revenue`, …). Figures about inmates are
/// counts over a partner's workshops only (trainees, sessions, hours, certificates).
BINAAN_EXPORT const std::vector<ExportField>& partner_report_fields();

}  // namespace binaan
