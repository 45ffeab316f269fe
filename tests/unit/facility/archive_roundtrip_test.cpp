// Save → load is the identity: random facilities (seeded), the fixed facility, text and binary, in memory and on
// disk; the envelope as written; the recognition of archives.

#include <binaan/io/archive.hpp>

#include "facility_fixture.hpp"
#include "io/detail_archive.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace binaan;
using binaan::test::day;
using binaan::test::dump;

namespace {

namespace fs = std::filesystem;

/// A fresh directory under the system temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path = fs::temp_directory_path() /
           ("binaan-archive-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

TEST(ArchiveRoundTrip, FixedFacilityTextAndBinary) {
  const Facility f = test::fixed_facility();
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const std::string bytes = facility_to_bytes(f, fmt);
    const Facility back = facility_from_bytes(bytes, "fixed");
    EXPECT_EQ(dump(back), dump(f)) << to_string(fmt);
    EXPECT_EQ(facility_to_bytes(back, fmt), bytes) << "saving what was loaded gives the same bytes";
  }
}

TEST(ArchiveRoundTrip, FixedFacilityKeepsEveryDetail) {
  const Facility back = facility_from_bytes(facility_to_bytes(test::fixed_facility()), "fixed");
  ASSERT_EQ(back.size(), 3u);
  const Case& c = back.person("WBP-0003");
  EXPECT_EQ(c.person().name(), "Nama WBP-0003");
  EXPECT_EQ(c.sentence().kind(), SentenceKind::Life);
  ASSERT_TRUE(c.sentence().commutation());
  EXPECT_EQ(c.sentence().commutation()->term, Term(20, 0, 0));
  EXPECT_EQ(c.expect_json, R"({"release":"2027-01-01","grants":[1,2]})");
  ASSERT_EQ(c.policy.size(), 3u);
  EXPECT_EQ(std::get<std::int64_t>(c.policy[2].value), 90);
  EXPECT_EQ(back.programmes().sales().size(), 2u);
  EXPECT_EQ(back.programmes().sales()[1].lines.at(0).batch_id, "B-1");
  EXPECT_EQ(back.programmes().stock("PRD-SHIRT"), 3);              // 10 made, 4 placed, 3 sold in the gallery
  EXPECT_EQ(back.programmes().stock("PRD-SHIRT", std::string("DUKM")), 2);  // 4 placed, 2 sold by the partner
  ASSERT_NE(back.programmes().ledger("WBP-0002"), nullptr);
  EXPECT_TRUE(back.programmes().ledger("WBP-0002")->released());
  EXPECT_EQ(back.programmes().waiting_list().size(), 1u);
}

TEST(ArchiveRoundTrip, RandomFacilitiesAreRestoredExactly) {
  int with_sales = 0, with_busy_days = 0;
  for (std::uint32_t seed = 1; seed <= 16; ++seed) {
    const Facility f = test::random_facility(seed, 4 + static_cast<int>(seed % 12));
    const std::string expected = dump(f);
    for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
      const Facility back = facility_from_bytes(facility_to_bytes(f, fmt), "seed " + std::to_string(seed));
      ASSERT_EQ(dump(back), expected) << "seed " << seed << " " << to_string(fmt);
    }
    const Programmes& p = f.programmes();
    if (!p.sales().empty()) ++with_sales;
    for (std::size_t i = 1; i < p.sales().size(); ++i)
      for (const ConsignmentRecord& c : p.consignments())
        if (c.consignment.date == p.sales()[i].sale.date) ++with_busy_days;
  }
  // The generator must really exercise the programmes, same-day movements included.
  EXPECT_GE(with_sales, 14);
  EXPECT_GT(with_busy_days, 10);
}

TEST(ArchiveRoundTrip, EmptyFacilityAndPeopleOnly) {
  const Facility empty("RT-1", "", FacilityKind::Rutan);
  const Facility back = facility_from_bytes(facility_to_bytes(empty), "empty");
  EXPECT_EQ(back.id(), "RT-1");
  EXPECT_EQ(back.kind(), FacilityKind::Rutan);
  EXPECT_EQ(back.size(), 0u);
  const Facility people = test::random_facility(99, 40, 0);
  EXPECT_EQ(dump(facility_from_bytes(facility_to_bytes(people, ArchiveFormat::Binary), "p")), dump(people));
}

TEST(ArchiveRoundTrip, SaveAndLoadFiles) {
  TempDir dir;
  const Facility f = test::random_facility(7, 12);
  const std::string text = dir.file("samarinda.binaan");
  const std::string binary = dir.file("cache.bin");
  save_facility(f, text);
  save_facility(f, binary, ArchiveFormat::Binary);
  EXPECT_EQ(dump(load_facility(text)), dump(f));
  EXPECT_EQ(dump(load_facility(binary)), dump(f));
  // Saving over an existing file replaces it and leaves no temporary file behind.
  const Facility g = test::random_facility(8, 3);
  save_facility(g, text);
  EXPECT_EQ(dump(load_facility(text)), dump(g));
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"cache.bin", "samarinda.binaan"}));
}

TEST(ArchiveRoundTrip, SaveKeepsThePermissionsOfTheFileItReplaces) {
  TempDir dir;
  const std::string path = dir.file("f.binaan");
  save_facility(test::fixed_facility(), path);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  save_facility(test::fixed_facility(), path);
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

TEST(ArchiveRoundTrip, SaveIntoAMissingDirectoryIsAnArchiveError) {
  TempDir dir;
  const std::string path = dir.file("no/such/dir/f.binaan");
  try {
    save_facility(test::fixed_facility(), path);
    FAIL() << "saved into a missing directory";
  } catch (const ArchiveError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_NE(e.why().find("temporary file"), std::string::npos) << e.what();
    EXPECT_NE(e.why().find("No such file or directory"), std::string::npos) << e.what();
  }
}

TEST(ArchiveEnvelope, HeaderAsWritten) {
  const std::string bytes = facility_to_bytes(test::fixed_facility());
  const ArchiveInfo info = read_archive_info(bytes, "x");
  EXPECT_EQ(info.format, 1);
  EXPECT_EQ(info.kind, ArchiveFormat::Text);
  EXPECT_EQ(info.boost_version, detail::boost_archive_version());
  const std::string head = "BINAANFAC\nformat 1\narchive text\nboost " + std::to_string(info.boost_version) +
                           "\nlength " + std::to_string(info.payload_bytes) + "\ncrc32 ";
  ASSERT_EQ(bytes.substr(0, head.size()), head);
  const std::size_t payload_at = bytes.size() - info.payload_bytes;
  EXPECT_EQ(bytes.substr(payload_at - 2, 2), "\n\n");
  // The payload is a Boost text archive: its own signature follows the envelope.
  EXPECT_EQ(bytes.substr(payload_at, 26), "22 serialization::archive ");
  EXPECT_EQ(info.crc32, detail::crc32(bytes.substr(payload_at), detail::crc32(bytes.substr(0, head.size() - 6))));

  const ArchiveInfo bin = read_archive_info(facility_to_bytes(test::fixed_facility(), ArchiveFormat::Binary), "y");
  EXPECT_EQ(bin.kind, ArchiveFormat::Binary);
}

TEST(ArchiveEnvelope, Crc32CheckValues) {
  EXPECT_EQ(detail::crc32(""), 0u);
  EXPECT_EQ(detail::crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(detail::crc32("The quick brown fox jumps over the lazy dog"), 0x414FA339u);
  EXPECT_EQ(detail::crc32("56789", detail::crc32("1234")), 0xCBF43926u);
}

TEST(ArchiveEnvelope, RecognisesArchivesByMagic) {
  TempDir dir;
  EXPECT_TRUE(is_facility_archive("BINAANFAC\nformat 1\n"));
  EXPECT_FALSE(is_facility_archive("BINAANFA"));
  EXPECT_FALSE(is_facility_archive("{\"id\": 1}\n"));
  EXPECT_FALSE(is_facility_archive(""));
  const std::string archive = dir.file("no-extension");
  save_facility(test::fixed_facility(), archive);
  EXPECT_TRUE(is_facility_archive_file(archive));
  const std::string roster = dir.file("roster.jsonl");
  std::ofstream(roster) << "{}\n";
  EXPECT_FALSE(is_facility_archive_file(roster));
  EXPECT_FALSE(is_facility_archive_file(dir.file("missing")));
  EXPECT_FALSE(is_facility_archive_file(dir.path.string()));
}

TEST(ArchiveEnvelope, FormatNames) {
  EXPECT_EQ(to_string(ArchiveFormat::Text), "text");
  EXPECT_EQ(to_string(ArchiveFormat::Binary), "binary");
  EXPECT_EQ(kFacilityArchiveFormat, 1);
  EXPECT_EQ(kFacilityArchiveMagic, "BINAANFAC\n");
}

}  // namespace

namespace {

// A tripwire: every type below is saved field by field (src/io/archive_boost.cpp, archive_rebuild.cpp). When one
// gains or loses a field its size changes here: add the field to its serialize() (read only from archives of a new
// class version, BOOST_CLASS_VERSION + 1, so that format-1 archives keep loading), to the canonical dump of
// facility_fixture.hpp, then update the size. Sizes as on x86-64 with libstdc++.
TEST(ArchiveTripwire, PersistedTypesHaveTheFieldsTheArchiveKnows) {
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_WIN32)
#define BINAAN_SIZE(T, N) EXPECT_EQ(sizeof(T), std::size_t{N}) << #T " changed: update its archive serialization"
  BINAAN_SIZE(Person, 80);
  BINAAN_SIZE(DetentionPeriod, 12);
  BINAAN_SIZE(DetentionHistory, 24);
  BINAAN_SIZE(Subsidiary, 8);
  BINAAN_SIZE(Commutation, 12);
  BINAAN_SIZE(Sentence, 56);
  BINAAN_SIZE(DisciplineEntry, 4);
  BINAAN_SIZE(Escape, 8);
  BINAAN_SIZE(DaySpan, 8);
  BINAAN_SIZE(Service, 8);
  BINAAN_SIZE(Assessment, 8);
  BINAAN_SIZE(Facts, 128);
  BINAAN_SIZE(RecordedGrant, 12);
  BINAAN_SIZE(Recorded, 32);
  BINAAN_SIZE(PolicyOverride, 80);  // `line` is not saved: the line of a file read before, for messages only
  BINAAN_SIZE(Case, 488);
  BINAAN_SIZE(EnrolmentPolicy, 8);
  BINAAN_SIZE(SavingsPolicy, 4);
  BINAAN_SIZE(ProfitSplitPolicy, 48);
  BINAAN_SIZE(Programme, 72);
  BINAAN_SIZE(Partner, 96);
  BINAAN_SIZE(Agreement, 128);
  BINAAN_SIZE(Session, 8);
  BINAAN_SIZE(Workshop, 200);
  BINAAN_SIZE(Product, 64);
  BINAAN_SIZE(Enrolment, 88);
  BINAAN_SIZE(WaitingEntry, 72);
  BINAAN_SIZE(Decline, 48);
  BINAAN_SIZE(EnrolmentDecision, 96);
  BINAAN_SIZE(Attendance, 80);
  BINAAN_SIZE(EndAssessment, 112);
  BINAAN_SIZE(Certificate, 168);
  BINAAN_SIZE(PemukaPeriod, 72);
  BINAAN_SIZE(Contribution, 40);
  BINAAN_SIZE(Batch, 192);
  BINAAN_SIZE(Consignment, 120);
  BINAAN_SIZE(StockLine, 40);
  BINAAN_SIZE(ConsignmentRecord, 144);
  BINAAN_SIZE(Sale, 168);
  BINAAN_SIZE(ProfitShares, 24);
  BINAAN_SIZE(Part, 40);
  BINAAN_SIZE(SaleLine, 144);
  BINAAN_SIZE(SaleRecord, 232);
  BINAAN_SIZE(LedgerEntry, 48);
#undef BINAAN_SIZE
#else
  GTEST_SKIP() << "sizes are recorded for x86-64 with libstdc++";
#endif
}

}  // namespace
