// Texts in facility archives are UTF-8, as in case files and rosters: a forged or damaged archive whose text is not
// well-formed UTF-8 is refused on loading, naming the field and showing the bytes (as \xNN), and such text is never
// saved; well-formed non-ASCII text loads and saves again byte for byte.

#include <binaan/error.hpp>
#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>

#include "facility_fixture.hpp"
#include "io/detail_archive.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace binaan;
using binaan::test::day;
using binaan::test::dump;

namespace {

const std::string kName = "forged.binaan";
const ArchiveFormat kFormats[] = {ArchiveFormat::Text, ArchiveFormat::Binary};

/// The fixed facility's archive with the first `from` of its payload replaced by `to` (the same length, so that
/// the length in front of a text still fits) and the checksum recomputed: only the payload checks can refuse it.
std::string forged(ArchiveFormat fmt, const std::string& from, const std::string& to) {
  EXPECT_EQ(from.size(), to.size());
  const std::string bytes = facility_to_bytes(test::fixed_facility(), fmt);
  std::string payload = bytes.substr(detail::parse_envelope_header(bytes, "x").header_size);
  const std::size_t at = payload.find(from);
  EXPECT_NE(at, std::string::npos) << "no \"" << from << "\" to forge";
  if (at != std::string::npos) payload.replace(at, from.size(), to);
  return detail::envelope_header(payload, fmt, detail::boost_archive_version()) + payload;
}

std::string load_error(const std::string& bytes) {
  try {
    (void)facility_from_bytes(bytes, kName);
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.file(), kName);
    return e.what();
  }
  return "loaded";
}

TEST(ArchiveUtf8, AnInvalidPersonIdIsRefusedNamingTheField) {
  for (ArchiveFormat fmt : kFormats) {
    // The first WBP-0002 of the payload is the id of the second person.
    EXPECT_EQ(load_error(forged(fmt, "WBP-0002", "WBP\xFF" "0002")),
              "forged.binaan: invalid contents: people[1].person.id: not valid UTF-8 (value: \"WBP\\xFF0002\")")
        << to_string(fmt);
    // A lone continuation byte, and a truncated sequence at the end of the text.
    EXPECT_EQ(load_error(forged(fmt, "WBP-0001", "\x80" "BP-0001")),
              "forged.binaan: invalid contents: people[0].person.id: not valid UTF-8 (value: \"\\x80BP-0001\")")
        << to_string(fmt);
    EXPECT_EQ(load_error(forged(fmt, "WBP-0003", "WBP-000\xC3")),
              "forged.binaan: invalid contents: people[2].person.id: not valid UTF-8 (value: \"WBP-000\\xC3\")")
        << to_string(fmt);
  }
}

TEST(ArchiveUtf8, OtherInvalidTextsAreRefusedWhereverTheyAre) {
  for (ArchiveFormat fmt : kFormats) {
    // Latin-1 in the facility's name, a person's name, a text of the programmes, an item of a list of texts and a
    // text inside a policy override: every text is read through one function.
    EXPECT_EQ(load_error(forged(fmt, "Lapas Narkotika", "L\xE1pas Narkotika")),
              "forged.binaan: invalid contents: name: not valid UTF-8 (value: \"L\\xE1pas Narkotika Kelas IIA "
              "Samarinda\")")
        << to_string(fmt);
    EXPECT_EQ(load_error(forged(fmt, "Nama WBP-0001", "Nam\xE1 WBP-0001")),
              "forged.binaan: invalid contents: people[0].person.name: not valid UTF-8 (value: \"Nam\\xE1 "
              "WBP-0001\")")
        << to_string(fmt);
    EXPECT_EQ(load_error(forged(fmt, "Kemeja batik", "Kemeja b\xE1tik")),
              "forged.binaan: invalid contents: programmes.products[0].name: not valid UTF-8 (value: \"Kemeja "
              "b\\xE1tik\")")
        << to_string(fmt);
    EXPECT_EQ(load_error(forged(fmt, "Ibu Rahmawati", "Ibu Rahm\xE1wati")),
              "forged.binaan: invalid contents: programmes.workshops[0].instructors[0]: not valid UTF-8 (value: "
              "\"Ibu Rahm\\xE1wati\")")
        << to_string(fmt);
    EXPECT_EQ(load_error(forged(fmt, "receipts", "rece\xEDpts")),
              "forged.binaan: invalid contents: people[0].policy[0].value: not valid UTF-8 (value: \"rece\\xEDpts\")")
        << to_string(fmt);
    // An encoded surrogate (ED A0 80) and an overlong slash (C0 AF) are not UTF-8 either.
    EXPECT_EQ(load_error(forged(fmt, "sekretariat@", "sekret\xED\xA0\x80" "at@")),
              "forged.binaan: invalid contents: programmes.partners[0].contact: not valid UTF-8 (value: "
              "\"sekret\\xED\\xA0\\x80at@dukm.example\")")
        << to_string(fmt);
    EXPECT_EQ(load_error(forged(fmt, "register B.I", "register\xC0\xAF.I")),
              "forged.binaan: invalid contents: people[0].source: not valid UTF-8 (value: \"register\\xC0\\xAF.I\")")
        << to_string(fmt);
  }
}

TEST(ArchiveUtf8, ALongInvalidTextIsShortenedInTheMessage) {
  Facility f("F", "", FacilityKind::Lapas);
  f.add_person(Case(Person("A", Religion::Islam, std::string(100, 'n')), DetentionHistory({{day("2020-01-01"), {}}}),
                    Sentence::life(Offence::General, day("2020-01-01"))));
  std::string bytes = facility_to_bytes(f, ArchiveFormat::Binary);
  std::string payload = bytes.substr(detail::parse_envelope_header(bytes, "x").header_size);
  payload[payload.find(std::string(100, 'n')) + 99] = '\xFE';
  const std::string message =
      load_error(detail::envelope_header(payload, ArchiveFormat::Binary, detail::boost_archive_version()) + payload);
  EXPECT_EQ(message, "forged.binaan: invalid contents: people[0].person.name: not valid UTF-8 (value: \"" +
                         std::string(60, 'n') + "…\")");
}

TEST(ArchiveUtf8, InvalidTextIsNeverSaved) {
  // The library's types take any bytes; an archive must never hold what loading it would refuse.
  Facility f("F", "", FacilityKind::Lapas);
  f.add_person(Case(Person("A", Religion::Islam, "Jos\xE9"), DetentionHistory({{day("2020-01-01"), {}}}),
                    Sentence::life(Offence::General, day("2020-01-01"))));
  for (ArchiveFormat fmt : kFormats) {
    try {
      (void)facility_to_bytes(f, fmt);
      FAIL() << "saved invalid UTF-8 in a " << to_string(fmt) << " archive";
    } catch (const ArchiveError& e) {
      EXPECT_EQ(std::string(e.what()),
                "<memory>: cannot be saved: people[0].person.name: not valid UTF-8 (value: \"Jos\\xE9\")");
    }
  }
  Facility g("F", "Lapas \xC3", FacilityKind::Lapas);
  EXPECT_THROW((void)facility_to_bytes(g, ArchiveFormat::Binary), ArchiveError);
}

TEST(ArchiveUtf8, NonAsciiTextLoadsAndSavesAgainByteForByte) {
  const std::string name = "Siti Nurhaliza \xE2\x80\x94 \xC3\x91";  // "Siti Nurhaliza — Ñ"
  Facility f = test::fixed_facility();
  Case c = f.people()[0];
  c.title = "Kasus \xF0\x9F\x93\x81 \xE2\x82\xAC";  // a four-byte sequence (U+1F4C1) and the euro sign
  f.replace_person(c);
  f.add_person(Case(Person("WBP-\xC3\x91", Religion::Islam, name), DetentionHistory({{day("2020-01-01"), {}}}),
                    Sentence::life(Offence::General, day("2020-01-01"))));
  f.add_product({"PRD-\xE2\x80\x94", name});
  for (ArchiveFormat fmt : kFormats) {
    const std::string bytes = facility_to_bytes(f, fmt);
    const Facility loaded = facility_from_bytes(bytes, kName);
    EXPECT_EQ(loaded.person("WBP-\xC3\x91").person().name(), name);
    EXPECT_EQ(loaded.people()[0].title, c.title);
    EXPECT_EQ(dump(loaded), dump(f)) << to_string(fmt);
    EXPECT_EQ(facility_to_bytes(loaded, fmt), bytes) << to_string(fmt);
  }
}

TEST(ArchiveUtf8, GoldenArchivesLoadAndSaveAgainByteForByte) {
  for (const char* file : {"facility-format1-text.binaan", "facility-format1-binary.binaan"}) {
    const std::string path = std::string(BINAAN_TEST_DATA_DIR) + "/data/archives/" + file;
    const std::string bytes = read_file_text(path, 1 << 20);
    if (read_archive_info(bytes, path).kind == ArchiveFormat::Binary && sizeof(long) != 8)
      continue;  // a binary archive is native: it was written on x86-64
    const Facility f = facility_from_bytes(bytes, path);
    EXPECT_EQ(facility_to_bytes(f, read_archive_info(bytes, path).kind), bytes) << file;
  }
}

}  // namespace
