// Golden archives of format 1 (tests/data/archives/): written once from test::fixed_facility() and committed; every
// later version must keep loading them to the same facility. To write them again (only when the format number
// changes, as new files beside the old ones): BINAAN_WRITE_GOLDEN_ARCHIVES=1 binaan_facility_test
// --gtest_filter='ArchiveGolden.*'.

#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>

#include "facility_fixture.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

using namespace binaan;
using binaan::test::dump;

namespace {

const std::string kDir = std::string(BINAAN_TEST_DATA_DIR) + "/data/archives/";

struct Golden {
  const char* file;
  ArchiveFormat format;
};
const Golden kGolden[] = {{"facility-format1-text.binaan", ArchiveFormat::Text},
                          {"facility-format1-binary.binaan", ArchiveFormat::Binary}};

bool little_endian() {
  const std::uint16_t one = 1;
  unsigned char first = 0;
  std::memcpy(&first, &one, 1);
  return first == 1;
}

TEST(ArchiveGolden, WriteWhenAsked) {
  if (!std::getenv("BINAAN_WRITE_GOLDEN_ARCHIVES")) GTEST_SKIP() << "set BINAAN_WRITE_GOLDEN_ARCHIVES=1 to write";
  std::filesystem::create_directories(kDir);
  for (const Golden& g : kGolden) save_facility(test::fixed_facility(), kDir + g.file, g.format);
}

TEST(ArchiveGolden, Format1ArchivesLoadToTheFixedFacility) {
  const std::string expected = dump(test::fixed_facility());
  for (const Golden& g : kGolden) {
    if (g.format == ArchiveFormat::Binary && (!little_endian() || sizeof(long) != 8))
      continue;  // a binary archive is native: it was written on x86-64
    const std::string path = kDir + g.file;
    ASSERT_TRUE(is_facility_archive_file(path)) << path;
    const ArchiveInfo info = read_archive_info(read_file_text(path, 1 << 20), path);
    EXPECT_EQ(info.format, 1) << path;
    EXPECT_EQ(info.kind, g.format) << path;
    EXPECT_EQ(info.boost_version, 18u) << path;  // written with Boost 1.74
    const Facility f = load_facility(path);
    EXPECT_EQ(dump(f), expected) << path;
    EXPECT_EQ(f.id(), "LP-SMD");
    EXPECT_EQ(f.programmes().sales().size(), 2u);
  }
}

TEST(ArchiveGolden, AGoldenArchiveSavedAgainIsLoadedTheSame) {
  const Facility f = load_facility(kDir + kGolden[0].file);
  EXPECT_EQ(dump(facility_from_bytes(facility_to_bytes(f), "again")), dump(f));
}

}  // namespace
