// The corruption battery: whatever is wrong with an archive — truncated, flipped bits, wrong magic, forged lengths
// and counts (with a checksum recomputed to match), future format and class versions, a newer Boost, broken
// referential integrity — loading gives one ArchiveError naming the file and saying what is wrong; never a crash,
// never a partial facility.

#include <binaan/io/archive.hpp>

#include "facility_fixture.hpp"
#include "io/detail_archive.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

using namespace binaan;
using binaan::test::dump;

namespace {

namespace fs = std::filesystem;

const std::string kName = "facility.binaan";

std::string archive(ArchiveFormat fmt = ArchiveFormat::Text) { return facility_to_bytes(test::fixed_facility(), fmt); }

std::string payload_of(const std::string& bytes) {
  return bytes.substr(detail::parse_envelope_header(bytes, "x").header_size);
}

/// A payload in a valid envelope: the checksum matches, so only the payload checks can refuse it.
std::string rewrap(const std::string& payload, ArchiveFormat fmt = ArchiveFormat::Text, int format = 1,
                   unsigned boost = detail::boost_archive_version()) {
  return detail::envelope_header(payload, fmt, boost, format) + payload;
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "no \"" << from << "\" to forge";
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

/// Loads `bytes` and expects an ArchiveError naming kName whose reason contains `why`.
::testing::AssertionResult refused(const std::string& bytes, const std::string& why = "") {
  try {
    const Facility f = facility_from_bytes(bytes, kName);
    return ::testing::AssertionFailure() << "loaded a facility of " << f.size() << " people";
  } catch (const ArchiveError& e) {
    if (e.file() != kName) return ::testing::AssertionFailure() << "names " << e.file() << ": " << e.what();
    if (std::string(e.what()).find(kName) != 0)
      return ::testing::AssertionFailure() << "message does not start with the file: " << e.what();
    if (e.why().find(why) == std::string::npos)
      return ::testing::AssertionFailure() << "expected \"" << why << "\" in: " << e.what();
    return ::testing::AssertionSuccess();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "not an ArchiveError: " << e.what();
  }
}

// ---- truncation ----

TEST(ArchiveCorruption, TruncatedAtEveryOffset) {
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const std::string bytes = archive(fmt);
    for (std::size_t n = 0; n < bytes.size(); ++n) ASSERT_TRUE(refused(bytes.substr(0, n))) << "at " << n;
  }
}

TEST(ArchiveCorruption, TruncatedPayloadInAValidEnvelopeAtEveryOffset) {
  // The checksum is recomputed, so Boost and the bounded reader meet every possible end of the payload.
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const std::string payload = payload_of(archive(fmt));
    for (std::size_t n = 0; n + 1 < payload.size(); ++n)
      ASSERT_TRUE(refused(rewrap(payload.substr(0, n), fmt))) << to_string(fmt) << " at " << n;
  }
  // Only the text archive's final newline may go.
  EXPECT_TRUE(refused(rewrap(payload_of(archive(ArchiveFormat::Binary)).substr(1), ArchiveFormat::Binary)));
}

TEST(ArchiveCorruption, TruncationMessagesSayWhatIsMissing) {
  const std::string bytes = archive();
  EXPECT_TRUE(refused("", "empty"));
  EXPECT_TRUE(refused(bytes.substr(0, 5), "ends inside its magic"));
  EXPECT_TRUE(refused(bytes.substr(0, 20), "ends inside its header"));
  EXPECT_TRUE(refused(bytes.substr(0, bytes.size() - 1), "truncated: the header announces"));
  EXPECT_TRUE(refused(bytes + "x", "1 bytes after the"));
  EXPECT_TRUE(refused(rewrap(payload_of(bytes) + "7 "), "bytes after the end of the facility"));
}

// ---- flipped bits ----

TEST(ArchiveCorruption, RandomBitFlipsAreAllDetected) {
  std::mt19937 rng(20260817);
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const std::string bytes = archive(fmt);
    std::uniform_int_distribution<std::size_t> at(0, bytes.size() - 1);
    std::uniform_int_distribution<int> bit(0, 7);
    for (int i = 0; i < 1000; ++i) {
      std::string damaged = bytes;
      const std::size_t pos = at(rng);
      damaged[pos] = static_cast<char>(damaged[pos] ^ (1 << bit(rng)));
      ASSERT_TRUE(refused(damaged)) << to_string(fmt) << " byte " << pos;
    }
  }
}

TEST(ArchiveCorruption, ChecksumMismatchIsNamed) {
  std::string bytes = archive();
  bytes.back() = '\t';  // the final newline of the text payload
  EXPECT_TRUE(refused(bytes, "damaged: its CRC-32 is"));
}

TEST(ArchiveCorruption, RandomDamageBehindAValidChecksumNeverCrashes) {
  // A flipped bit or a random byte that the checksum no longer catches (recomputed): refused, or a facility that
  // passed every check and can be saved again. Never a crash, an abort or another exception.
  std::mt19937 rng(17);
  int refusals = 0;
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const std::string payload = payload_of(archive(fmt));
    std::uniform_int_distribution<std::size_t> at(0, payload.size() - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 1500; ++i) {
      std::string damaged = payload;
      for (int k = 0; k < 1 + i % 3; ++k) {
        const std::size_t pos = at(rng);
        damaged[pos] = i % 2 ? static_cast<char>(byte(rng)) : static_cast<char>(damaged[pos] ^ (1 << (i % 8)));
      }
      try {
        const Facility f = facility_from_bytes(rewrap(damaged, fmt), kName);
        EXPECT_NO_THROW(facility_to_bytes(f, fmt));
      } catch (const ArchiveError& e) {
        ++refusals;
        EXPECT_EQ(e.file(), kName);
      }
    }
  }
  EXPECT_GT(refusals, 1500);
}

// ---- wrong files ----

TEST(ArchiveCorruption, NotAnArchive) {
  EXPECT_TRUE(refused("{\"id\": \"WBP-1\"}\n", "not a facility archive: it does not start with BINAANFAC"));
  EXPECT_TRUE(refused("binaanfac\nformat 1\n", "does not start with BINAANFAC"));
  EXPECT_TRUE(refused("BINAANFAC\n", "ends inside its header"));
  EXPECT_TRUE(refused(std::string(300, 'x'), "does not start with BINAANFAC"));
  EXPECT_TRUE(refused("BINAANFAC\n" + std::string(300, 'x'), "no line end"));
}

TEST(ArchiveCorruption, HeaderLinesAreStrict) {
  const std::string bytes = archive();
  EXPECT_TRUE(refused(replace_once(bytes, "format 1\n", "format  1\n"), "is not a number"));
  EXPECT_TRUE(refused(replace_once(bytes, "format 1\n", "format 01\n"), "is not a number"));
  EXPECT_TRUE(refused(replace_once(bytes, "format 1\n", "version 1\n"), "is not \"format"));
  EXPECT_TRUE(refused(replace_once(bytes, "archive text\n", "archive xml\n"), "neither text nor binary"));
  EXPECT_TRUE(refused(replace_once(bytes, "crc32 ", "crc32 0"), "8 lowercase hexadecimal"));
  EXPECT_TRUE(refused(replace_once(bytes, "\n\n22 ", "\n \n22 "), "where an empty line ends the header"));
  EXPECT_TRUE(refused(replace_once(bytes, "length ", "length -"), "is not a number"));
  EXPECT_TRUE(refused(replace_once(bytes, "length ", "length 99999999999999"), "is not a number from 0 to"));
}

TEST(ArchiveCorruption, TextPayloadLabelledBinaryAndTheOtherWayRound) {
  EXPECT_TRUE(refused(rewrap(payload_of(archive(ArchiveFormat::Text)), ArchiveFormat::Binary),
                      "does not start with the header of a Boost.Serialization binary archive"));
  EXPECT_TRUE(refused(rewrap(payload_of(archive(ArchiveFormat::Binary)), ArchiveFormat::Text),
                      "does not start with the header of a Boost.Serialization text archive"));
}

// ---- future versions ----

TEST(ArchiveCorruption, NewerFormatIsRefusedBeforeAnythingElse) {
  const std::string payload = payload_of(archive());
  EXPECT_TRUE(refused(rewrap(payload, ArchiveFormat::Text, 2),
                      "archive format 2 is newer than this binaan reads (format 1): it was written by a newer binaan"));
  // A newer format may change everything after its format line: nothing else is looked at.
  EXPECT_TRUE(refused("BINAANFAC\nformat 7\nwhatever comes next\n", "archive format 7 is newer"));
  EXPECT_TRUE(refused(rewrap(payload, ArchiveFormat::Text, 0), "archive format 0 is not a format binaan writes"));
}

TEST(ArchiveCorruption, NewerBoostIsRefused) {
  const std::string payload = payload_of(archive());
  const unsigned next = detail::boost_archive_version() + 1;
  EXPECT_TRUE(refused(rewrap(payload, ArchiveFormat::Text, 1, next),
                      "written by a newer Boost.Serialization (archive version " + std::to_string(next)));
  // The envelope lies about the version: Boost's own header still refuses.
  const std::string boost_header = "22 serialization::archive " + std::to_string(detail::boost_archive_version());
  const std::string newer = replace_once(payload, boost_header, "22 serialization::archive " + std::to_string(next));
  EXPECT_TRUE(refused(rewrap(newer), "the payload does not start with the header of a Boost.Serialization text "
                                     "archive of version " + std::to_string(detail::boost_archive_version())));
  EXPECT_TRUE(refused(rewrap(payload, ArchiveFormat::Text, 1, 17),
                      "written by Boost.Serialization archive version 17, older than any binaan used (18)"));
}

TEST(ArchiveCorruption, NewerClassVersionsAreRefused) {
  const std::string payload = payload_of(archive());
  const std::string boost_header = "22 serialization::archive " + std::to_string(detail::boost_archive_version());
  // Facility: its class information (tracking 0, version 1) follows Boost's header.
  EXPECT_TRUE(refused(rewrap(replace_once(payload, boost_header + " 0 1 ", boost_header + " 0 2 ")),
                      "Facility is of class version 2, newer than this binaan reads (1)"));
  // Person, inside the first Case (whose class information comes first).
  EXPECT_TRUE(refused(rewrap(replace_once(payload, "0 1 0 1 8 WBP-0001", "0 1 0 7 8 WBP-0001")),
                      "people[0].person: Person is of class version 7"));
  // Sale, deep in the programmes.
  EXPECT_TRUE(refused(rewrap(replace_once(payload, "0 1 3 S-1 ", "0 3 3 S-1 ")),
                      "programmes.sales[0].sale: Sale is of class version 3"));
  // Version 0 was never written.
  EXPECT_TRUE(refused(rewrap(replace_once(payload, boost_header + " 0 1 ", boost_header + " 0 0 ")),
                      "Facility is of class version 0"));
}

// ---- forged sizes ----

TEST(ArchiveCorruption, ForgedCountsInTheTextPayload) {
  const std::string payload = payload_of(archive());
  const std::string people = "Samarinda 0 3 0 1 0 1 8 WBP-0001";
  auto forge = [&](const std::string& count) {
    return rewrap(replace_once(payload, people, "Samarinda 0 " + count + " 0 1 0 1 8 WBP-0001"));
  };
  EXPECT_TRUE(refused(forge("50000001"), "people: 50000001 items, more than the limit 50000000"));
  EXPECT_TRUE(refused(forge("18446744073709551615"), "more than the limit"));
  EXPECT_TRUE(refused(forge("-1"), "more than the limit"));
  EXPECT_TRUE(refused(forge("4000000"), "people: 4000000 items, with only"));
  EXPECT_TRUE(refused(forge("99999999999999999999999"), "Boost.Serialization cannot read the payload"));
  EXPECT_TRUE(refused(forge("4")));  // the programmes are read as a fourth person
  EXPECT_TRUE(refused(forge("2")));  // the third person is read as the programmes
  // A list inside the programmes: the sessions of a workshop.
  EXPECT_TRUE(refused(rewrap(replace_once(payload, "2 3 0 1 20458", "2 10000001 0 1 20458")),
                      "programmes.workshops[0].sessions: 10000001 items, more than the limit 10000000"));
}

TEST(ArchiveCorruption, ForgedStringLengthsInTheTextPayload) {
  const std::string payload = payload_of(archive());
  EXPECT_TRUE(refused(rewrap(replace_once(payload, " 8 WBP-0001", " 99999999999 WBP-0001")), "a text of 99999999999"));
  EXPECT_TRUE(refused(rewrap(replace_once(payload, " 8 WBP-0001", " 18446744073709551615 WBP-0001")), "a text of"));
  EXPECT_TRUE(refused(rewrap(replace_once(payload, " 8 WBP-0001", " 9 WBP-0001"))));
  // Within the bytes left but over the 1,000 characters of a person id.
  std::string long_id = payload;
  long_id.replace(long_id.find(" 8 WBP-0001"), 11, " 1001 " + std::string(1001, 'W'));
  EXPECT_TRUE(refused(rewrap(long_id), "people[0]: refused on rebuilding: person.id: longer than 1000 characters"));
}

TEST(ArchiveCorruption, ForgedSizesInTheBinaryPayload) {
  const std::string payload = payload_of(archive(ArchiveFormat::Binary));
  auto put64 = [](std::string s, std::size_t at, std::uint64_t v) {
    std::memcpy(&s[at], &v, sizeof v);
    return s;
  };
  // The people count: after the facility's name and its kind (16 bits).
  const std::string name = "Lapas Narkotika Kelas IIA Samarinda";
  const std::size_t count_at = payload.find(name) + name.size() + 2;
  std::uint64_t count = 0;
  std::memcpy(&count, &payload[count_at], sizeof count);
  ASSERT_EQ(count, 3u);
  EXPECT_TRUE(refused(rewrap(put64(payload, count_at, 3'700'000'000'000'000'000u), ArchiveFormat::Binary),
                      "more than the limit 50000000"));
  EXPECT_TRUE(refused(rewrap(put64(payload, count_at, 49'999'999), ArchiveFormat::Binary), "with only"));
  // The length of a string.
  const std::size_t id_at = payload.find("WBP-0001") - 8;
  EXPECT_TRUE(refused(rewrap(put64(payload, id_at, ~std::uint64_t{0}), ArchiveFormat::Binary), "a text of"));
  EXPECT_TRUE(refused(rewrap(put64(payload, id_at, 1u << 30), ArchiveFormat::Binary), "a text of 1073741824"));
}

// ---- invalid values behind a valid checksum ----

TEST(ArchiveCorruption, InvalidValuesAreRefused) {
  const std::string payload = payload_of(archive());
  // The religion of the first person (an enumeration of 8 values).
  EXPECT_TRUE(refused(rewrap(replace_once(payload, "8 WBP-0001 0 13", "8 WBP-0001 8 13")),
                      "people[0].person.religion: value 8 out of range 0-7"));
  // A flag that is neither 0 nor 1: the presence of the sex.
  EXPECT_TRUE(refused(rewrap(replace_once(payload, "Nama WBP-0001 1 0 1 7363", "Nama WBP-0001 2 0 1 7363")),
                      "people[0].person.sex: value 2 out of range 0-1"));
  // A day number outside the dates a Date holds.
  EXPECT_TRUE(refused(rewrap(replace_once(payload, " 7363 ", " 9999999 ")), "outside 1400-01-01..9999-12-31"));
  // A day the Case constructors refuse: an escape that ends before it starts.
  EXPECT_TRUE(refused(rewrap(replace_once(payload, "18993 18995", "18993 18990")), "facts.escapes[0].to"));
}

// ---- referential integrity and records that do not rebuild ----

std::string encoded(const detail::FacilityData& data, ArchiveFormat fmt = ArchiveFormat::Text) {
  return rewrap(detail::encode_payload(data, fmt), fmt);
}

TEST(ArchiveIntegrity, UnknownInmateInTheProgrammes) {
  detail::FacilityData data = detail::to_data(test::fixed_facility(), "x");
  data.people.erase(data.people.begin() + 2);  // WBP-0003 waits for a place in WS-1
  EXPECT_TRUE(refused(encoded(data), "WBP-0003"));
  EXPECT_TRUE(refused(encoded(data), "programmes.waiting_list[0].inmate_id"));
}

TEST(ArchiveIntegrity, DuplicatePerson) {
  detail::FacilityData data = detail::to_data(test::fixed_facility(), "x");
  data.people.push_back(data.people[1]);
  EXPECT_TRUE(refused(encoded(data, ArchiveFormat::Binary), "people[3].person.id: already in the facility"));
  EXPECT_TRUE(refused(encoded(data, ArchiveFormat::Binary), "WBP-0002"));
}

TEST(ArchiveIntegrity, RecordsThatDoNotRebuild) {
  const detail::FacilityData good = detail::to_data(test::fixed_facility(), "x");
  {
    detail::FacilityData d = good;  // a sale whose premi was changed
    d.programmes.sales[0].lines[0].premi[0].amount = Rupiah(99999);
    EXPECT_TRUE(refused(encoded(d), "the sales rebuilt from the archive differ from the records saved"));
  }
  {
    detail::FacilityData d = good;  // a sale drawing from a batch it could not have drawn from
    d.programmes.sales[0].lines[0].units = 2;
    EXPECT_TRUE(refused(encoded(d), "cannot be replayed in any order that draws the batches saved"));
  }
  {
    detail::FacilityData d = good;  // spending above what may be spent
    d.programmes.ledgers[0].entries[2].amount = Rupiah(900000);
    EXPECT_TRUE(refused(encoded(d), "ledgers[0].entries[2]: spending refused on rebuilding"));
  }
  {
    detail::FacilityData d = good;  // a premi credit no sale made
    d.programmes.ledgers[0].entries.push_back({test::day("2026-03-01"), LedgerEntryKind::Premi, Rupiah(5), "x"});
    EXPECT_TRUE(refused(encoded(d), "a premi credit that no sale made"));
  }
  {
    detail::FacilityData d = good;  // a batch of an unknown product
    d.programmes.batches[0].product_id = "PRD-NONE";
    EXPECT_TRUE(refused(encoded(d), "programmes.batches[0]: refused on rebuilding: batch.product_id"));
  }
  {
    detail::FacilityData d = good;  // an attendance on a day without a session
    d.programmes.attendance[0].session = test::day("2026-01-06");
    EXPECT_TRUE(refused(encoded(d), "programmes.attendance[0]"));
  }
  {
    detail::FacilityData d = good;  // a fixed sentence without its term
    d.people[0].sentence.term.reset();
    EXPECT_TRUE(refused(encoded(d), "people[0].sentence.term"));
  }
  {
    detail::FacilityData d = good;  // texts over their limits
    d.people[1].title = std::string(1001, 't');
    EXPECT_TRUE(refused(encoded(d), "people[1].title: a text of 1001 bytes"));
  }
}

// ---- files ----

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("binaan-corrupt-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void expect_load_refused(const std::string& path, const std::string& why) {
  try {
    load_facility(path);
    ADD_FAILURE() << "loaded " << path;
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_NE(e.why().find(why), std::string::npos) << e.what();
  }
}

TEST(ArchiveFiles, MissingEmptyDirectoryAndDamagedFiles) {
  TempDir dir;
  const std::string missing = (dir.path / "missing.binaan").string();
  expect_load_refused(missing, "no such file");
  expect_load_refused(dir.path.string(), "a directory, not a facility archive");
  const std::string empty = (dir.path / "empty.binaan").string();
  std::ofstream(empty).close();
  expect_load_refused(empty, "the file is empty");
  const std::string roster = (dir.path / "roster.jsonl").string();
  std::ofstream(roster) << "{\"id\":\"WBP-1\"}\n";
  expect_load_refused(roster, "not a facility archive");
  const std::string cut = (dir.path / "cut.binaan").string();
  const std::string bytes = archive();
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  expect_load_refused(cut, "truncated: the header announces");
  const std::string newer = (dir.path / "newer.binaan").string();
  std::ofstream(newer, std::ios::binary) << rewrap(payload_of(bytes), ArchiveFormat::Text, 3);
  expect_load_refused(newer, "archive format 3 is newer");
  // A newer format is refused from its header alone, however large the file.
  std::ofstream(newer, std::ios::binary) << "BINAANFAC\nformat 2\n" << std::string(1 << 20, 'z');
  expect_load_refused(newer, "archive format 2 is newer");
  if (::geteuid() != 0) {
    const std::string locked = (dir.path / "locked.binaan").string();
    save_facility(test::fixed_facility(), locked);
    fs::permissions(locked, fs::perms::none);
    expect_load_refused(locked, "cannot be opened");
  }
}

TEST(ArchiveFiles, WhatCouldNotBeReadBackIsNotSaved) {
  TempDir dir;
  const std::string path = (dir.path / "f.binaan").string();
  Facility f = test::fixed_facility();
  Case c = f.person("WBP-0001");
  Facts facts = c.facts();
  facts.discipline.push_back({Date()});  // not a date: the Case does not check it, the archive does
  Case odd(c.person(), c.detention(), c.sentence(), facts, c.recorded(), c.until());
  f.replace_person(odd);
  try {
    save_facility(f, path);
    ADD_FAILURE() << "saved a date that is not a day";
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_NE(e.why().find("cannot be saved: people[0].facts.discipline[1].date: not a calendar day"),
              std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(fs::exists(path));
  Case titled = c;
  titled.title = std::string(1001, 't');
  f.replace_person(titled);
  try {
    facility_to_bytes(f, ArchiveFormat::Binary);
    ADD_FAILURE() << "saved a title over 1,000 characters";
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.file(), "<memory>");
    EXPECT_NE(e.why().find("people[0].title: a text of 1001 bytes"), std::string::npos) << e.what();
  }
}

}  // namespace
