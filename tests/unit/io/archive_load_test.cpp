// Loading facility archives through the public API, on the paths the loader takes for speed (issue 6): the
// envelope's CRC-32 at every payload length (folded by carry-less multiplication where the processor has it, by
// tables elsewhere); texts of every length around the short-string boundary read straight into place; people read
// one after another through one reused record, each as saved whatever the person before held. Both archive kinds,
// re-saved byte for byte.

#include "io_test_support.hpp"

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace binaan;
using namespace binaan::iotest;

namespace {

/// CRC-32/ISO-HDLC bit by bit: the test's own reference, sharing nothing with the library's tables.
std::uint32_t reference_crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char ch : data) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc & 1u) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return ~crc;
}

std::string hex8(std::uint32_t v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kHex[v & 0xFu];
  return s;
}

/// An envelope around `payload` with the checksum of the reference (Boost archive version 18: Boost 1.74's, the
/// oldest a binaan reads and the newest none exceeds).
std::string envelope(std::string_view payload) {
  const std::string lines =
      std::string(kFacilityArchiveMagic) + "format 1\narchive binary\nboost 18\nlength " +
      std::to_string(payload.size()) + "\n";
  return lines + "crc32 " + hex8(reference_crc32(lines + std::string(payload))) + "\n\n" + std::string(payload);
}

std::string random_bytes(std::mt19937& rng, std::size_t n) {
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
  return s;
}

/// The ArchiveError's message, or "" when the bytes are accepted.
std::string refusal(const std::string& bytes) {
  try {
    (void)read_archive_info(bytes, "crc.binaan");
  } catch (const ArchiveError& e) {
    return e.what();
  }
  return "";
}

TEST(ArchiveLoadCrc, ReferenceCheckValue) {
  EXPECT_EQ(reference_crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(reference_crc32(""), 0u);
}

TEST(ArchiveLoadCrc, EveryShortPayloadLengthAndAlignmentAcceptedAndOneFlippedBitRefused) {
  std::mt19937 rng(2026);
  const std::string pool = random_bytes(rng, 300 + 16);
  for (std::size_t offset = 0; offset < 16; offset += 5)
    for (std::size_t n = 0; n <= 300; ++n) {
      const std::string_view payload = std::string_view(pool).substr(offset, n);
      std::string bytes = envelope(payload);
      const ArchiveInfo info = read_archive_info(bytes, "crc.binaan");
      ASSERT_EQ(info.payload_bytes, n);
      ASSERT_EQ(info.kind, ArchiveFormat::Binary);
      if (n == 0) continue;
      // One bit of the payload flipped, before, inside and after the 16-byte blocks the folding takes.
      const std::size_t at = bytes.size() - 1 - std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
      bytes[at] = static_cast<char>(bytes[at] ^ (1 << (at % 8)));
      ASSERT_NE(refusal(bytes).find("damaged: its CRC-32 is"), std::string::npos) << "length " << n << " at " << at;
    }
}

TEST(ArchiveLoadCrc, LargePayloadsAcceptedAndTheLastByteChecked) {
  std::mt19937 rng(6);
  const std::string pool = random_bytes(rng, (std::size_t{1} << 20) + 64);
  for (std::size_t n : {std::size_t{4096}, std::size_t{65535}, std::size_t{65536}, std::size_t{65537},
                        std::size_t{100003}, (std::size_t{1} << 20) + 13}) {
    std::string bytes = envelope(std::string_view(pool).substr(7, n));
    EXPECT_EQ(refusal(bytes), "") << n;
    EXPECT_EQ(read_archive_info(bytes, "crc.binaan").payload_bytes, n);
    bytes.back() = static_cast<char>(bytes.back() ^ 0x80);
    EXPECT_NE(refusal(bytes).find("damaged"), std::string::npos) << n;
    bytes.back() = static_cast<char>(bytes.back() ^ 0x80);
    bytes[bytes.size() - n] = static_cast<char>(bytes[bytes.size() - n] ^ 0x01);  // the first payload byte
    EXPECT_NE(refusal(bytes).find("damaged"), std::string::npos) << n;
  }
}

/// A text of `n` bytes: ASCII letters, or with a two-byte UTF-8 character at the end when `utf8`.
std::string text_of(std::size_t n, bool utf8) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
  if (utf8 && n >= 2) s.replace(n - 2, 2, "\xC3\xA9");  // é
  return s;
}

/// People whose every text (person id and name, case id, title, source, a policy name and text value, expect_json)
/// has a length from 0 to 40, around the 15 bytes a std::string holds without allocating.
std::vector<Case> people_with_texts_of_every_length() {
  std::vector<Case> people;
  for (std::size_t n = 0; n <= 40; ++n)
    for (bool utf8 : {false, true}) {
      const std::string person_id = "P" + std::to_string(people.size()) + text_of(n, utf8);
      Case c = read_case_json(base_with("\"id\":\"P1\"", "\"id\":\"" + person_id + "\",\"name\":\"" +
                                                           text_of(n, utf8) + "\""),
                              "texts.json");
      c.id = text_of(n, utf8);
      c.title = text_of(n, !utf8);
      c.source = text_of(40 - n, utf8);
      if (n % 3 == 0) c.policy.push_back(PolicyOverride{text_of(n + 1, false), ParameterValue(text_of(n, utf8))});
      if (n % 3 == 1) c.policy.push_back(PolicyOverride{"flag", ParameterValue(true)});
      c.expect_json = n % 2 == 0 ? "" : "{\"release\":\"" + text_of(n, false) + "\"}";
      people.push_back(std::move(c));
    }
  return people;
}

TEST(ArchiveLoadTexts, EveryLengthAroundTheShortStringBoundaryRoundTripsInBothKinds) {
  const Facility facility("TEXTS", "Texts of every length", FacilityKind::Lapas, people_with_texts_of_every_length());
  ASSERT_EQ(facility.size(), 82u);
  for (ArchiveFormat format : {ArchiveFormat::Binary, ArchiveFormat::Text}) {
    const std::string bytes = facility_to_bytes(facility, format);
    const Facility loaded = facility_from_bytes(bytes, "texts.binaan");
    ASSERT_EQ(loaded.size(), facility.size());
    for (std::size_t i = 0; i < loaded.size(); ++i) {
      const Case& a = facility.people()[i];
      const Case& b = loaded.people()[i];
      ASSERT_EQ(b.person().id(), a.person().id()) << i;
      EXPECT_EQ(b.person().name(), a.person().name()) << i;
      EXPECT_EQ(b.id, a.id) << i;
      EXPECT_EQ(b.title, a.title) << i;
      EXPECT_EQ(b.source, a.source) << i;
      EXPECT_EQ(b.expect_json, a.expect_json) << i;
      ASSERT_EQ(b.policy.size(), a.policy.size()) << i;
      for (std::size_t k = 0; k < a.policy.size(); ++k) {
        EXPECT_EQ(b.policy[k].name, a.policy[k].name) << i;
        EXPECT_EQ(b.policy[k].value, a.policy[k].value) << i;
      }
      EXPECT_EQ(write_case_json(b), write_case_json(a)) << i;
    }
    EXPECT_EQ(facility_to_bytes(loaded, format), bytes) << to_string(format);
  }
}

TEST(ArchiveLoadTexts, ATextCutShortByTheEndOfThePayloadIsRefused) {
  // The last person's expect_json is the payload's last text in a binary archive but for the programmes; cutting
  // the payload anywhere inside the people is refused, never read past its end.
  const Facility facility("TEXTS", "", FacilityKind::Lapas, people_with_texts_of_every_length());
  const std::string bytes = facility_to_bytes(facility, ArchiveFormat::Binary);
  const std::size_t header = bytes.find("\n\n") + 2;
  for (std::size_t cut : {header + 60, header + 500, bytes.size() / 2, bytes.size() - 200}) {
    const std::string payload = bytes.substr(header, cut - header);
    try {
      (void)facility_from_bytes(envelope(payload), "cut.binaan");
      ADD_FAILURE() << "accepted a payload cut at " << cut;
    } catch (const ArchiveError& e) {
      EXPECT_NE(std::string(e.what()).find("cut.binaan: invalid contents: "), std::string::npos) << e.what();
    }
  }
}

/// `c` with the person id `id` (every other field as it is).
Case renamed(const Case& c, const std::string& id) {
  const Person& p = c.person();
  Case out(Person(id, p.religion(), p.name(), p.sex(), p.birth_date(), p.child_flag()), c.detention(), c.sentence(),
           c.facts(), c.recorded(), c.until());
  out.id = c.id;
  out.title = c.title;
  out.source = c.source;
  out.policy = c.policy;
  out.expect_json = c.expect_json;
  return out;
}

TEST(ArchiveLoadPeople, EachPersonAsSavedWhateverThePersonBeforeHeld) {
  // The golden cases (facts, recorded grants, fines, commutations, policies, expectations of every kind), each
  // followed by the bare base case and preceded by it: nothing of a full person may stay in an empty one.
  const Case bare = read_case_json(kBaseCase, "bare.json");
  std::vector<Case> people;
  for (const auto& file : golden_files()) {
    people.push_back(renamed(bare, "B" + std::to_string(people.size())));
    people.push_back(renamed(read_case_json(read_text(file), file.string()), "G" + std::to_string(people.size())));
  }
  people.push_back(renamed(bare, "LAST"));
  ASSERT_GT(people.size(), 200u);
  const Facility facility("PEOPLE", "", FacilityKind::Rutan, people);
  for (ArchiveFormat format : {ArchiveFormat::Binary, ArchiveFormat::Text}) {
    const std::string bytes = facility_to_bytes(facility, format);
    const Facility loaded = facility_from_bytes(bytes, "people.binaan");
    ASSERT_EQ(loaded.size(), people.size());
    for (std::size_t i = 0; i < people.size(); ++i)
      ASSERT_EQ(write_case_json(loaded.people()[i]), write_case_json(people[i])) << to_string(format) << " " << i;
    EXPECT_EQ(facility_to_bytes(loaded, format), bytes) << to_string(format);
  }
}

}  // namespace
