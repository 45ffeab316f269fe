// A host program may install a global C++ locale that groups digits ("12,345"). binaan's archives and text
// renderings must not change with it: an archive written under such a locale is read back anywhere, and numbers
// in reports stay plain.
#include <binaan/io/archive.hpp>
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>

#include "facility_fixture.hpp"

#include <gtest/gtest.h>

#include <locale>

using namespace binaan;

namespace {

// Groups digits by three with ',' — as many national locales do — without needing any locale installed.
struct GroupingNumpunct : std::numpunct<char> {
  char do_thousands_sep() const override { return ','; }
  std::string do_grouping() const override { return "\3"; }
};

// Installs the grouping locale as the global one for the life of the object.
class GroupingGlobalLocale {
public:
  GroupingGlobalLocale() : previous_(std::locale::global(std::locale(std::locale::classic(), new GroupingNumpunct))) {}
  ~GroupingGlobalLocale() { std::locale::global(previous_); }
  GroupingGlobalLocale(const GroupingGlobalLocale&) = delete;
  GroupingGlobalLocale& operator=(const GroupingGlobalLocale&) = delete;

private:
  std::locale previous_;
};

}  // namespace

TEST(GlobalLocale, ArchivesAreTheSameBytesUnderADigitGroupingLocale) {
  const Facility f = test::fixed_facility();
  for (ArchiveFormat fmt : {ArchiveFormat::Text, ArchiveFormat::Binary}) {
    const std::string plain = facility_to_bytes(f, fmt);
    std::string grouped;
    {
      GroupingGlobalLocale grouping;
      grouped = facility_to_bytes(f, fmt);
      // And what was written under it is read under it.
      EXPECT_EQ(facility_to_bytes(facility_from_bytes(grouped, "grouped"), fmt), plain) << to_string(fmt);
    }
    EXPECT_EQ(grouped, plain) << to_string(fmt);
  }
}

TEST(GlobalLocale, TextRenderingsKeepPlainNumbers) {
  // 1,200 people granted the same RU on one day: the announcement table counts them as "1200".
  std::vector<Case> roster;
  for (int i = 0; i < 1200; ++i) {
    roster.push_back(Case(Person("P" + std::to_string(i), Religion::Islam), DetentionHistory({{test::day("2018-01-10"), std::nullopt}}),
                          Sentence::fixed(Term(3, 0, 0), Offence::General, test::day("2018-06-01")), Facts{}, std::nullopt,
                          std::nullopt));
  }
  const DayRun run = Engine().run_grant_day(roster, test::day("2019-08-17"));
  const std::string plain = day_run_to_text(run, RenderOptions{});
  std::string grouped;
  {
    GroupingGlobalLocale grouping;
    grouped = day_run_to_text(run, RenderOptions{});
  }
  EXPECT_NE(plain.find("1200"), std::string::npos) << plain;
  EXPECT_EQ(grouped, plain);
}
