// The people model: construction validates, derived values (sentence start, child on a day, served term).
#include <binaan/error.hpp>
#include <binaan/people/case.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace binaan;

namespace {
Date d(const char* s) { return parse_date(s); }

template <typename Fn>
std::string field_of_error(Fn fn) {
  try {
    fn();
  } catch (const ValueError& e) {
    return e.field();
  }
  return "<no error>";
}
}  // namespace

TEST(Enums, RoundTripEverySpelling) {
  for (int i = 0; i < 8; ++i) EXPECT_EQ(parse_religion(to_string(static_cast<Religion>(i))), static_cast<Religion>(i));
  for (int i = 0; i < 7; ++i) EXPECT_EQ(parse_offence(to_string(static_cast<Offence>(i))), static_cast<Offence>(i));
  for (int i = 0; i < 7; ++i) EXPECT_EQ(parse_grant_kind(to_string(static_cast<GrantKind>(i))), static_cast<GrantKind>(i));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(parse_predicate(to_string(static_cast<Predicate>(i))), static_cast<Predicate>(i));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(parse_risk(to_string(static_cast<Risk>(i))), static_cast<Risk>(i));
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(parse_service_kind(to_string(static_cast<ServiceKind>(i))), static_cast<ServiceKind>(i));
  EXPECT_EQ(parse_sex("female"), Sex::Female);
  EXPECT_EQ(to_string(Religion::Confucian), "confucian");
  EXPECT_EQ(to_string(Offence::OrganisedCrime), "organised_crime");
  EXPECT_EQ(to_string(GrantKind::PmpHan), "pmp_han");
}

TEST(Enums, RefusalsNameFieldAndValue) {
  try {
    parse_religion("Islam", "person.religion");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "person.religion");
    EXPECT_EQ(e.value(), "Islam");
    EXPECT_NE(std::string(e.what()).find("islam, protestant"), std::string::npos);
  }
  EXPECT_THROW(parse_offence("theft"), ValueError);
  EXPECT_THROW(parse_sex(""), ValueError);
  EXPECT_TRUE(is_special_crime(Offence::Narcotics));
  EXPECT_FALSE(is_special_crime(Offence::General));
}

TEST(Person, ValidatesAndDerivesChildhood) {
  EXPECT_EQ(field_of_error([] { Person("", Religion::Islam); }), "person.id");
  EXPECT_EQ(field_of_error([] { Person(std::string(1001, 'x'), Religion::Islam); }), "person.id");
  EXPECT_EQ(field_of_error([] { Person("A", Religion::Islam, std::string(1001, 'x')); }), "person.name");
  std::string accented;
  for (int i = 0; i < 1000; ++i) accented += "\xC3\xA9";  // 1,000 characters "é", 2,000 bytes
  EXPECT_NO_THROW(Person("A", Religion::Islam, accented));
  EXPECT_EQ(field_of_error([&] { Person("A", Religion::Islam, accented + "e"); }), "person.name");
  Person p("A1", Religion::Hindu, "Made", Sex::Male, d("2005-07-24"));
  EXPECT_EQ(p.religion(), Religion::Hindu);
  EXPECT_EQ(p.is_child_on(d("2023-07-23")), true);   // 17 the day before the 18th birthday
  EXPECT_EQ(p.is_child_on(d("2023-07-24")), false);  // 18 on the birthday
  EXPECT_EQ(Person("A2", Religion::Islam).is_child_on(d("2023-01-01")), std::nullopt);
  Person flagged("A3", Religion::Islam, "", std::nullopt, d("1990-01-01"), true);
  EXPECT_EQ(flagged.is_child_on(d("2023-01-01")), true);  // the explicit flag wins
}

TEST(Detention, StartCreditsEarlierPeriods) {
  DetentionHistory one({{d("2017-05-09"), std::nullopt}});
  EXPECT_EQ(one.sentence_start(), d("2017-05-09"));
  EXPECT_EQ(one.earlier_days(), 0);
  // 2019-01-10 → 2019-03-10 is 59 days; the sentence starts 59 days before the last period.
  DetentionHistory two({{d("2019-01-10"), d("2019-03-10")}, {d("2019-06-01"), std::nullopt}});
  EXPECT_EQ(two.earlier_days(), 59);
  EXPECT_EQ(two.last_start(), d("2019-06-01"));
  EXPECT_EQ(two.sentence_start(), d("2019-04-03"));
  DetentionHistory closed({{d("2019-01-10"), d("2019-03-10")}});
  EXPECT_EQ(closed.sentence_start(), d("2019-01-10"));
}

TEST(Detention, RefusesBadHistories) {
  EXPECT_EQ(field_of_error([] { DetentionHistory({}); }), "detention");
  EXPECT_EQ(field_of_error([] { DetentionHistory({{d("2019-01-10"), std::nullopt}, {d("2019-06-01"), std::nullopt}}); }),
            "detention[0].to");
  EXPECT_EQ(field_of_error([] { DetentionHistory({{d("2019-01-10"), d("2019-01-10")}}); }), "detention[0].to");
  EXPECT_EQ(field_of_error([] { DetentionHistory({{d("2019-01-10"), d("2019-03-10")}, {d("2019-03-01"), std::nullopt}}); }),
            "detention[1].from");
  EXPECT_EQ(field_of_error([] { DetentionHistory({{d("2019-06-01"), d("2019-07-01")}, {d("2019-01-01"), std::nullopt}}); }),
            "detention[1].from");
  // Touching periods are allowed: "to" is exclusive.
  EXPECT_NO_THROW(DetentionHistory({{d("2019-01-10"), d("2019-03-10")}, {d("2019-03-10"), std::nullopt}}));
}

TEST(Sentence, KindsAndTerms) {
  Sentence fixed = Sentence::fixed(Term(2, 8, 0), Offence::Narcotics, d("2021-11-15"));
  EXPECT_EQ(fixed.kind(), SentenceKind::Fixed);
  EXPECT_EQ(fixed.term(), Term(2, 8, 0));
  EXPECT_EQ(fixed.served_term(), Term(2, 8, 0));
  EXPECT_FALSE(fixed.has_unpaid_subsidiary());
  Sentence fined = fixed.with_fine({Term(0, 5, 0), false}).with_verdict_date(d("2021-06-01"));
  EXPECT_TRUE(fined.has_unpaid_subsidiary());
  EXPECT_EQ(fined.verdict_date(), d("2021-06-01"));
  EXPECT_FALSE(fixed.fine());  // copies: the original is unchanged

  Sentence life = Sentence::life(Offence::General, d("2000-01-01"));
  EXPECT_FALSE(life.term());
  EXPECT_FALSE(life.served_term());
  Sentence commuted = life.with_commutation({d("2006-01-01"), Term(20, 0, 0)});
  EXPECT_EQ(commuted.served_term(), Term(20, 0, 0));
  EXPECT_FALSE(commuted.term());
  EXPECT_FALSE(Sentence::death(Offence::Terrorism, d("2010-01-01")).served_term());
  EXPECT_EQ(to_string(SentenceKind::Life), "life");
}

TEST(Sentence, RefusesInconsistentValues) {
  EXPECT_EQ(field_of_error([] { Sentence::fixed(Term(), Offence::General, d("2020-01-01")); }), "sentence.term");
  EXPECT_EQ(field_of_error([] {
              Sentence::fixed(Term(1, 0, 0), Offence::General, d("2020-01-01")).with_verdict_date(d("2020-02-01"));
            }),
            "sentence.verdict_date");
  EXPECT_EQ(field_of_error([] {
              Sentence::fixed(Term(1, 0, 0), Offence::General, d("2020-01-01")).with_commutation({d("2021-01-01"), Term(1, 0, 0)});
            }),
            "sentence.commuted");
  EXPECT_EQ(field_of_error([] { Sentence::fixed(Term(1, 0, 0), Offence::General, d("2020-01-01")).with_fine({Term(), false}); }),
            "sentence.fine.subsidiary");
}

TEST(Facts, ValidationNamesTheKeyPath) {
  Facts f;
  f.escapes.push_back({d("2020-02-01"), d("2020-01-01")});
  EXPECT_EQ(field_of_error([&] { validate_facts(f); }), "facts.escapes[0].to");
  f.escapes.clear();
  f.pemuka.push_back({d("2022-01-01"), d("2021-12-31")});
  EXPECT_EQ(field_of_error([&] { validate_facts(f); }), "facts.pemuka[0].to");
  f.pemuka.clear();
  f.assessments.push_back({d("2023-01-10"), std::nullopt, std::nullopt});
  EXPECT_EQ(field_of_error([&] { validate_facts(f); }), "facts.assessments[0].predicate");
  f.assessments.back().risk = Risk::Low;
  EXPECT_NO_THROW(validate_facts(f));
}

TEST(Recorded, GrantsMustBeInOrderAndNotAfterUntil) {
  Recorded r{d("2024-08-17"), {{d("2023-08-17"), GrantKind::Ru, Term(0, 1, 0)}, {d("2024-08-17"), GrantKind::Ru, Term(0, 3, 0)}}};
  EXPECT_NO_THROW(validate_recorded(r));
  r.until = d("2024-08-16");
  EXPECT_EQ(field_of_error([&] { validate_recorded(r); }), "recorded.grants[1].date");
  r.until = d("2024-12-31");
  std::swap(r.grants[0], r.grants[1]);
  EXPECT_EQ(field_of_error([&] { validate_recorded(r); }), "recorded.grants[1].date");
}

TEST(Case, ConstructionValidatesTheWhole) {
  Facts bad;
  bad.escapes.push_back({d("2020-02-01"), d("2020-02-01")});
  EXPECT_EQ(field_of_error([&] {
              Case(Person("A", Religion::Islam), DetentionHistory({{d("2019-01-01"), std::nullopt}}),
                   Sentence::fixed(Term(1, 0, 0), Offence::General, d("2019-06-01")), bad);
            }),
            "facts.escapes[0].to");
  Case ok(Person("A", Religion::Islam), DetentionHistory({{d("2019-01-01"), std::nullopt}}),
          Sentence::fixed(Term(1, 0, 0), Offence::General, d("2019-06-01")), {}, std::nullopt, d("2020-01-01"));
  EXPECT_EQ(ok.until(), d("2020-01-01"));
  EXPECT_EQ(ok.person().id(), "A");
  EXPECT_TRUE(ok.expect_json.empty());
}

namespace {
Case person_case(const std::string& id) {
  return Case(Person(id, Religion::Islam), DetentionHistory({{d("2019-01-01"), std::nullopt}}),
              Sentence::fixed(Term(1, 0, 0), Offence::General, d("2019-06-01")));
}

#if defined(__linux__)
// The VmFlags line of the mapping of /proc/self/smaps that holds `p`, or "" when none does.
std::string vm_flags_at(const void* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    unsigned long long from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (line.find(':') > line.find('-') && head >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= at && at < to;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}
#endif
}  // namespace

TEST(Roster, ReserveKeepsTheCasesInOrderAndMakesRoom) {
  std::vector<Case> roster;
  for (const char* id : {"A", "B", "C"}) roster.push_back(person_case(id));
  reserve_roster(roster, 1000);
  ASSERT_EQ(roster.size(), 3u);
  EXPECT_GE(roster.capacity(), 1000u);
  EXPECT_EQ(roster[0].person().id(), "A");
  EXPECT_EQ(roster[1].person().id(), "B");
  EXPECT_EQ(roster[2].person().id(), "C");
  EXPECT_EQ(roster[2].sentence().served_term(), Term(1, 0, 0));
  // Room enough already: nothing moves.
  const Case* before = roster.data();
  const std::size_t capacity = roster.capacity();
  reserve_roster(roster, 10);
  EXPECT_EQ(roster.data(), before);
  EXPECT_EQ(roster.capacity(), capacity);
  reserve_roster(roster, 0);
  EXPECT_EQ(roster.data(), before);
  // A count past what a vector can hold is refused, and the roster is left as it was.
  EXPECT_THROW(reserve_roster(roster, roster.max_size() + 1), std::length_error);
  EXPECT_EQ(roster.data(), before);
  EXPECT_EQ(roster.size(), 3u);
}

TEST(Roster, ANationalRosterAsksForHugePages) {
#if defined(__linux__)
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) GTEST_SKIP() << "no transparent huge pages";
  std::vector<Case> roster;
  roster.push_back(person_case("A"));
  const std::size_t n = (16u << 20) / sizeof(Case);  // 16 MiB: whole 2 MiB pages inside
  reserve_roster(roster, n);
  ASSERT_GE(roster.capacity(), n);
  EXPECT_EQ(roster[0].person().id(), "A");
  // A byte in the middle of the room lies in a whole 2 MiB page of it, which the kernel marks "hg" (MADV_HUGEPAGE).
  const char* middle = reinterpret_cast<const char*>(roster.data()) + (8u << 20);
  const std::string flags = vm_flags_at(middle);
  ASSERT_FALSE(flags.empty()) << "no mapping holds the roster";
  EXPECT_NE((flags + " ").find(" hg "), std::string::npos) << flags;
#else
  GTEST_SKIP() << "huge pages are asked for on Linux only";
#endif
}
