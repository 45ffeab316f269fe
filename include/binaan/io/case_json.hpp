#pragma once
/// \file
/// Case files (one JSON object) and rosters (JSON Lines, one case per line): reading with every refusal of
/// case-format.md, and writing in the documented key order. The JSON library is private to the implementation.
///
/// Reading refuses, with an InputError naming the file, the line (rosters only), the key path
/// (`sentence.fine.paid`, `detention[1].from`) and the offending value as JSON text: malformed JSON (with its
/// position), invalid UTF-8, duplicate keys at any depth, a missing required key, any key the format does not
/// define, a wrong type, an invalid date, term or enumeration value, overlapping or unordered detention, a string
/// over 1,000 characters, nesting deeper than 16, a case file over 16 MiB, a roster line over 1 MiB, and an
/// integer out of range.
///
/// Choices the format leaves open, fixed here:
/// - `id` is required in a case file and optional in a roster line; when present it must not be empty.
/// - `sentence.fine.paid` / `sentence.restitution.paid` may be left out and then mean "not paid" (an unrecorded
///   fact is not met); the writer always writes them.
/// - `recorded.grants` may be left out and then means no grants; the writer always writes it.
/// - `expect` must be an object; it is kept as compact JSON text, with its keys in file order.
/// - A UTF-8 byte order mark is accepted at the start of a file (of a roster: before its first line only);
///   roster lines may end in CR LF.

#include <binaan/export.hpp>
#include <binaan/people/case.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// Largest case file read_case_json and read_file_text accept by default (case-format.md).
inline constexpr std::size_t kMaxCaseFileBytes = std::size_t{16} << 20;
/// Largest line of a JSON Lines roster, not counting its line end (case-format.md).
inline constexpr std::size_t kMaxRosterLineBytes = std::size_t{1} << 20;
/// Deepest nesting of objects and arrays, the top-level object counting as 1 (case-format.md).
inline constexpr std::size_t kMaxJsonDepth = 16;

/// Reads one case file's text. `file` names it in errors. Throws InputError(file, 0, key_path, value, why).
BINAAN_EXPORT Case read_case_json(std::string_view text, const std::string& file);

/// Reads a JSON Lines roster: one case object per line, blank lines skipped, `expect` refused in a roster line,
/// person ids unique (a repeated one is refused naming the line of its first use).
/// All or nothing: the first bad line throws InputError carrying its 1-based line number. The roster as a whole
/// has no size limit (only each line does); the caller chooses what to read into memory.
BINAAN_EXPORT std::vector<Case> read_roster_jsonl(std::string_view text, const std::string& file);

/// Writes a case as one JSON object with the keys of case-format.md in the documented order: pretty with
/// `indent` spaces per level when `indent` >= 0, on one line without spaces when -1; no trailing newline.
/// Absent optionals and empty lists are omitted, never written as null. `read_case_json(write_case_json(c))`
/// gives back `c` (for a case with an id). Throws ValueError when a free-text field is not valid UTF-8 or
/// `expect_json` is not a JSON object.
BINAAN_EXPORT std::string write_case_json(const Case& c, int indent = 2);

/// Writes a roster: one compact object per line, '\n' after each. A roster line has no `expect`, so
/// `expect_json` is not written. Throws ValueError when two cases share a person id (read_roster_jsonl would refuse
/// the roster) and as write_case_json does.
BINAAN_EXPORT std::string write_roster_jsonl(const std::vector<Case>& cases);

/// Reads a whole file into memory. Throws InputError naming the file when it is missing, not a regular file,
/// unreadable, or larger than `max_bytes`.
BINAAN_EXPORT std::string read_file_text(const std::string& path, std::size_t max_bytes = kMaxCaseFileBytes);

}  // namespace binaan
