#pragma once
// The two archive targets (text and binary payloads). An input that starts with the magic is a whole archive and
// fuzzes the envelope; anything else is a payload, wrapped here in a valid envelope (its length and CRC-32 are
// right) so that mutations reach Boost.Serialization and binaan's checks behind it instead of the checksum.
// Every failure must be an ArchiveError; a facility that loads saves, loads back and saves to the same bytes, its
// programme reports render, and the engine evaluates its first people with their programme records.

#include "fuzz_support.hpp"

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/programmes/head_report.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/programme_report.hpp>
#include <binaan/time/date.hpp>

#include "io/detail_archive.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace binaan::fuzz {

// The reports over a year of the demo prison's data (the seeds' programmes are in 2026) and over a period across
// two years; each must render in every format.
inline void check_reports(const Programmes& programmes) {
  for (const auto& [from, to] : {std::pair{make_date(2026, 1, 1), make_date(2026, 12, 31)},
                                 std::pair{make_date(2025, 7, 1), make_date(2026, 6, 30)}}) {
    const ProgrammeReport pr = programme_report(programmes, from, to);
    check(!to_json(pr).empty() && !to_csv(pr).empty() && !to_text(pr).empty(), "programme report renders empty");
    const HeadReport hr = head_report(programmes, from, to);
    check(!to_json(hr).empty() && !to_csv(hr).empty() && !to_text(hr).empty(), "head report renders empty");
    const std::vector<PartnerReport> parts = partner_reports(programmes, from, to);
    check(!to_json(parts).empty() && !to_csv(parts).empty(), "partner reports render empty");
  }
}

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
  check_reports(facility->programmes());
  for (std::size_t i = 0; i < facility->size() && i < 3; ++i) {
    // The person's programme record as the program builds it (tools/binaan/cli.cpp).
    const Case& c = facility->people()[i];
    ProgrammeRecord record;
    record.participation = participation_evidence(facility->programmes(), c.person().id());
    for (const PemukaPeriod& period : facility->programmes().pemuka())
      if (period.inmate_id == c.person().id()) record.pemuka.push_back(period.span);
    try {  // a ValueError as for Engine::evaluate (fuzz_support.hpp)
      check(!evaluation_to_json(engine().evaluate(c, record)).empty(), "evaluation_to_json gave nothing");
    } catch (const ValueError&) {
    }
  }
  return 0;
}

}  // namespace binaan::fuzz
