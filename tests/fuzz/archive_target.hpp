#pragma once
// The two archive targets (text and binary payloads). An input that starts with the magic is a whole archive and
// fuzzes the envelope; anything else is a payload, wrapped here in a valid envelope (its length and CRC-32 are
// right) so that mutations reach Boost.Serialization and binaan's checks behind it instead of the checksum.
// Every failure must be an ArchiveError; a facility that loads saves, loads back and saves to the same bytes.

#include "fuzz_support.hpp"

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>

#include "io/detail_archive.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace binaan::fuzz {

inline int load_archive(const std::uint8_t* data, std::size_t size, ArchiveFormat kind) {
  const std::string_view input = as_text(data, size);
  std::string bytes;
  if (is_facility_archive(input)) {
    bytes = input;
  } else {
    bytes = detail::envelope_header(input, kind, detail::boost_archive_version());
    bytes += input;
  }
  std::optional<Facility> facility;
  try {
    facility = facility_from_bytes(bytes, "fuzz.binaan");
  } catch (const ArchiveError&) {
    return 0;
  }
  const std::string saved = facility_to_bytes(*facility, kind);
  check(facility_to_bytes(facility_from_bytes(saved, "saved.binaan"), kind) == saved,
        "archive: save(load(save(f))) != save(f)");
  return 0;
}

}  // namespace binaan::fuzz
