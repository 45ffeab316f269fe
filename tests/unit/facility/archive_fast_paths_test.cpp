// The fast paths of saving and loading (issue 6) compute what the plain ones did: the sliced CRC-32 against the
// byte-at-a-time one, the people written from the facility's cases against the people copied first, the people
// rebuilt while reading against the order of errors of decoding everything first, the bound on the room reserved
// for the people, and the person index of a facility against what it indexes.

#include <binaan/error.hpp>
#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>

#include "facility_fixture.hpp"
#include "io/detail_archive.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <locale>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace binaan;
using binaan::test::day;
using binaan::test::dump;

namespace {

std::string random_bytes(std::mt19937& rng, std::size_t n) {
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
  return s;
}

TEST(ArchiveCrc32, SlicedEqualsBytewiseOnEveryShortLengthAndAlignment) {
  std::mt19937 rng(6);
  const std::string pool = random_bytes(rng, 64 + 16);
  for (std::size_t offset = 0; offset < 16; ++offset)  // every alignment of the 16-byte blocks
    for (std::size_t n = 0; n <= 64; ++n) {
      const std::string_view s = std::string_view(pool).substr(offset, n);
      ASSERT_EQ(detail::crc32(s), detail::crc32_bytewise(s)) << "length " << n << " at offset " << offset;
      ASSERT_EQ(detail::crc32(s, 0x12345678u), detail::crc32_bytewise(s, 0x12345678u)) << "length " << n;
      // The tables alone (crc32 uses carry-less multiplication instead from 64 bytes where the processor has it).
      ASSERT_EQ(detail::crc32_tables(s, 0x12345678u), detail::crc32_bytewise(s, 0x12345678u)) << "length " << n;
    }
}

TEST(ArchiveCrc32, SlicedEqualsBytewiseOnALargeBufferAndContinues) {
  std::mt19937 rng(17);
  const std::string big = random_bytes(rng, (std::size_t{1} << 20) + 13);
  const std::uint32_t whole = detail::crc32_bytewise(big);
  EXPECT_EQ(detail::crc32(big), whole);
  EXPECT_EQ(detail::crc32_tables(big), whole);
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{16}, std::size_t{4099},
                          big.size() - 1, big.size()}) {
    const std::string_view v(big);
    EXPECT_EQ(detail::crc32(v.substr(cut), detail::crc32(v.substr(0, cut))), whole) << "cut at " << cut;
    EXPECT_EQ(detail::crc32_tables(v.substr(cut), detail::crc32_tables(v.substr(0, cut))), whole) << "cut at " << cut;
  }
  // Around the length from which the two halves are checksummed at once, and combined.
  for (std::size_t n : {std::size_t{65535}, std::size_t{65536}, std::size_t{65537}, std::size_t{65536 + 31},
                        std::size_t{100000}}) {
    const std::string_view v = std::string_view(big).substr(3, n);
    EXPECT_EQ(detail::crc32(v, 0xDEADBEEFu), detail::crc32_bytewise(v, 0xDEADBEEFu)) << n;
    EXPECT_EQ(detail::crc32_tables(v, 0xDEADBEEFu), detail::crc32_bytewise(v, 0xDEADBEEFu)) << n;
  }
  // The check values of the byte-wise reference itself.
  EXPECT_EQ(detail::crc32_bytewise("123456789"), 0xCBF43926u);
  EXPECT_EQ(detail::crc32(std::string(1000, 'a')), detail::crc32_bytewise(std::string(1000, 'a')));
  EXPECT_EQ(detail::crc32(std::string(1000, 'a')), 0x9A38DA03u);  // zlib.crc32(b"a" * 1000)
}

TEST(ArchiveSave, PeopleWrittenFromTheCasesAreTheBytesOfThePeopleCopied) {
  const std::vector<Facility> facilities = {test::fixed_facility(), test::random_facility(3, 40),
                                            test::random_facility(11, 7, 0),
                                            Facility("EMPTY", "", FacilityKind::Rutan)};
  for (const Facility& f : facilities)
    for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
      const detail::FacilityData copied = detail::to_data(f, "x");
      const detail::FacilityData referencing = detail::to_data_referencing(f, "x");
      ASSERT_EQ(copied.people.size(), f.size());
      EXPECT_EQ(copied.cases_to_save, nullptr);
      EXPECT_TRUE(referencing.people.empty());
      EXPECT_EQ(referencing.cases_to_save, &f.people());
      const std::string bytes = detail::encode_payload(copied, fmt);
      EXPECT_EQ(detail::encode_payload(referencing, fmt), bytes) << f.id() << " " << to_string(fmt);
      EXPECT_EQ(facility_to_bytes(f, fmt).substr(facility_to_bytes(f, fmt).size() - bytes.size()), bytes);
    }
}

TEST(ArchiveSave, TextsOverTheirLimitsAreRefusedBeforeAnythingIsWritten) {
  Facility f = test::fixed_facility();
  Case c = f.people()[2];
  c.policy.push_back({"long", std::string(1001, 'v')});
  f.replace_person(c);
  try {
    (void)facility_to_bytes(f, ArchiveFormat::Binary);
    FAIL() << "saved a text of 1001 bytes";
  } catch (const ArchiveError& e) {
    EXPECT_EQ(std::string(e.what()),
              "<memory>: cannot be saved: people[2].policy[3].value: a text of 1001 bytes, more than 1000");
  }
}

/// A person with nothing but an id and the days the constructors require: about the fewest bytes a person takes
/// (a forged one could leave out the detention period too, which kMinPersonBytes does not count).
Case minimal_case(const std::string& id) {
  return Case(Person(id, Religion::Islam), DetentionHistory({{day("1970-01-01"), std::nullopt}}),
              Sentence::life(Offence::General, day("1970-01-01")));
}

TEST(ArchiveLoad, APersonTakesAtLeastTheBytesTheReserveAssumes) {
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const Facility one("F", "", FacilityKind::Lapas, {minimal_case("A")});
    const Facility two("F", "", FacilityKind::Lapas, {minimal_case("A"), minimal_case("B")});
    const std::size_t per_person = facility_to_bytes(two, fmt).size() - facility_to_bytes(one, fmt).size();
    EXPECT_GE(per_person, detail::kMinPersonBytes) << to_string(fmt);
    EXPECT_EQ(dump(facility_from_bytes(facility_to_bytes(two, fmt), "x")), dump(two));
  }
}

std::string wrapped(const detail::FacilityData& data, ArchiveFormat fmt, std::size_t cut = 0) {
  std::string payload = detail::encode_payload(data, fmt);
  payload.resize(payload.size() - cut);
  return detail::envelope_header(payload, fmt, detail::boost_archive_version()) + payload;
}

std::string load_error(const std::string& bytes) {
  try {
    (void)facility_from_bytes(bytes, "f.binaan");
  } catch (const ArchiveError& e) {
    return e.what();
  }
  return "loaded";
}

TEST(ArchiveLoad, ARefusedPersonIsReportedAfterTheWholePayloadDecodes) {
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    detail::FacilityData d = detail::to_data(test::fixed_facility(), "x");
    d.people[1].sentence.term.reset();  // refused by the rebuild
    d.people[2].title = std::string(1001, 't');
    EXPECT_EQ(load_error(wrapped(d, fmt)),
              "f.binaan: invalid contents: people[1].sentence.term: a fixed sentence has a term, a life or death "
              "sentence none")
        << to_string(fmt);
    // The payload cut short: what Boost meets at the end comes first, as when nothing was rebuilt before it.
    const std::string cut = load_error(wrapped(d, fmt, 3));
    EXPECT_EQ(cut.find("people["), std::string::npos) << cut;
    EXPECT_EQ(cut.find("f.binaan: invalid contents: "), 0u) << cut;

    d.people[1] = detail::to_data(test::fixed_facility(), "x").people[1];
    EXPECT_EQ(load_error(wrapped(d, fmt)), "f.binaan: invalid contents: people[2].title: a text of 1001 bytes, more "
                                           "than 1000");
    d.people[2].person.id = "";  // the Person constructor refuses it, after the text check
    d.people[2].title.clear();
    EXPECT_EQ(load_error(wrapped(d, fmt)).find("f.binaan: invalid contents: people[2]: refused on rebuilding: "), 0u)
        << load_error(wrapped(d, fmt));
  }
}

TEST(FacilityIndex, FindsEveryPersonAmongThousands) {
  Facility f("F", "", FacilityKind::Lapas);
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) {
    ids.push_back("WBP-" + std::to_string(i * 7919 % 10007));
    f.add_person(minimal_case(ids.back()));
  }
  ASSERT_EQ(f.size(), 3000u);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Case* c = f.find(ids[i]);
    ASSERT_NE(c, nullptr) << ids[i];
    EXPECT_EQ(c, &f.people()[i]);
  }
  EXPECT_FALSE(f.contains("WBP-10007"));
  EXPECT_FALSE(f.contains(""));
  EXPECT_THROW(f.add_person(minimal_case(ids[1234])), ValueError);
  EXPECT_EQ(f.size(), 3000u);

  // Removing shifts the positions after it; the index follows.
  f.remove_person(ids[0]);
  f.remove_person(ids[1500]);
  EXPECT_FALSE(f.contains(ids[0]));
  EXPECT_FALSE(f.contains(ids[1500]));
  for (const std::string& id : {ids[1], ids[1499], ids[1501], ids[2999]}) EXPECT_EQ(f.person(id).person().id(), id);

  // A copy indexes its own people; the constructor indexes all at once.
  const Facility copy = f;
  EXPECT_EQ(copy.find(ids[2999]), &copy.people().back());
  const Facility built("G", "", FacilityKind::Rutan, copy.people());
  for (const Case& c : copy.people()) ASSERT_EQ(built.find(c.person().id())->person().id(), c.person().id());
  EXPECT_EQ(built.size(), 2998u);
}

TEST(FacilityIndex, AnEmptyFacilityFindsNobody) {
  const Facility f("F", "", FacilityKind::Lapas);
  EXPECT_EQ(f.find("A"), nullptr);
  EXPECT_FALSE(f.contains(""));
  const Facility g("F", "", FacilityKind::Lapas, std::vector<Case>{});
  EXPECT_EQ(g.find("A"), nullptr);
}

TEST(FacilityIndex, TheFirstRepeatedIdIsReported) {
  try {
    Facility("F", "", FacilityKind::Lapas,
             {minimal_case("A"), minimal_case("B"), minimal_case("C"), minimal_case("B"), minimal_case("A")});
    FAIL() << "built with repeated ids";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "people[3].person.id");
    EXPECT_EQ(e.value(), "B");
  }
}

}  // namespace

namespace {

TEST(ArchiveText, ExtremeNumbersAreWrittenAsTheStreamWritesThemAndReadBack) {
  Case c = minimal_case("A");
  c.policy = {{"min", std::numeric_limits<std::int64_t>::min()},
              {"max", std::numeric_limits<std::int64_t>::max()},
              {"minus", std::int64_t{-1}},
              {"zero", std::int64_t{0}}};
  Case before_1970 = Case(Person("B", Religion::Islam), DetentionHistory({{day("1900-01-01"), day("1969-12-31")},
                                                                        {day("1970-01-02"), std::nullopt}}),
                          Sentence::life(Offence::General, day("1900-01-02")));
  const Facility f("F", "", FacilityKind::Lapas, {c, before_1970});
  const std::string bytes = facility_to_bytes(f, ArchiveFormat::Text);
  for (const std::int64_t v : {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
                               std::int64_t{days_between(day("1970-01-01"), day("1900-01-01"))}}) {
    std::ostringstream expected;
    expected.imbue(std::locale::classic());
    expected << ' ' << v << ' ';
    EXPECT_NE(bytes.find(expected.str()), std::string::npos) << expected.str();
  }
  EXPECT_EQ(dump(facility_from_bytes(bytes, "x")), dump(f));
  EXPECT_EQ(dump(facility_from_bytes(facility_to_bytes(f, ArchiveFormat::Binary), "x")), dump(f));
}

}  // namespace

namespace {

TEST(ArchiveSave, APayloadOverSeveralBlocksIsWrittenWhole) {
  // A text of 9 MiB crosses two block boundaries (blocks of 4 MiB), inside a text and between fields.
  Case big = minimal_case("B");
  big.expect_json = std::string(9u << 20, 'x');  // the archive keeps it as text (dump would parse it: not used)
  for (std::size_t i = 0; i < big.expect_json.size(); i += 4099) big.expect_json[i] = static_cast<char>('a' + i % 26);
  const Facility f("F", "", FacilityKind::Lapas, {minimal_case("A"), big, minimal_case("C")});
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const detail::PayloadBlocks blocks = detail::encode_payload_blocks(detail::to_data_referencing(f, "x"), fmt);
    EXPECT_GT(blocks.size(), 2 * detail::PayloadBlocks::kBlockBytes) << to_string(fmt);
    const std::string payload = detail::encode_payload(detail::to_data(f, "x"), fmt);
    EXPECT_EQ(payload.size(), blocks.size());
    const std::string bytes = facility_to_bytes(f, fmt);
    EXPECT_EQ(bytes, detail::envelope_header(payload, fmt, detail::boost_archive_version()) + payload);
    const Facility back = facility_from_bytes(bytes, "x");
    ASSERT_EQ(back.size(), 3u);
    EXPECT_EQ(back.people()[0].person().id(), "A");
    EXPECT_EQ(back.person("B").expect_json, big.expect_json);
    EXPECT_EQ(back.people()[2].person().id(), "C");
    EXPECT_EQ(facility_to_bytes(back, fmt), bytes);
  }
}

}  // namespace
