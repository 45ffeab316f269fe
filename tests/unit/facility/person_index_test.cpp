// The people of a roster by person id (src/people/person_index.hpp): the one index behind Facility::find and the
// roster readers' and writers' check that ids are unique.

#include "people/person_index.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

using namespace binaan;
using binaan::detail::PersonSlots;

namespace {

Case person_case(const std::string& id) {
  return Case(Person(id, Religion::Islam), DetentionHistory({{Date(2024, 1, 10), std::nullopt}}),
              Sentence::fixed(Term(3, 0, 0), Offence::General, Date(2024, 6, 1)));
}

/// "WBP-0000000" … as a national roster numbers its people.
std::vector<Case> numbered(std::size_t n, const char* format = "WBP-%07zu") {
  std::vector<Case> people;
  people.reserve(n);
  char id[32];
  for (std::size_t i = 0; i < n; ++i) {
    std::snprintf(id, sizeof id, format, i);
    people.push_back(person_case(id));
  }
  return people;
}

std::vector<Case> with_ids(const std::vector<std::string>& ids) {
  std::vector<Case> people;
  for (const std::string& id : ids) people.push_back(person_case(id));
  return people;
}

}  // namespace

TEST(PersonIndex, FindsEveryPersonOfANumberedRosterAndNoOther) {
  const std::vector<Case> people = numbered(100'000);
  PersonSlots slots;
  ASSERT_EQ(detail::index_people(people, slots), people.size());
  EXPECT_EQ(slots.size(), 262'144u);  // a power of two, at least twice the people
  for (std::size_t i = 0; i < people.size(); ++i)
    ASSERT_EQ(detail::find_person(people, slots, people[i].person().id()), i) << people[i].person().id();
  for (const char* absent : {"WBP-0100000", "WBP-000000", "WBP-00000000", "wbp-0000001", "", "WBP-0000001 "})
    EXPECT_EQ(detail::find_person(people, slots, absent), detail::kNoPerson) << absent;
}

TEST(PersonIndex, NumberedIdsSpreadOverTheTable) {
  // Ids that differ in a digit or two must not cluster: with a table 38 % full, linear probing leaves a person
  // 0.3 slots from its own on average when the hash spreads them (an id hash of their last bytes alone leaves runs
  // of thousands). The part of the hash kept in the slot tells them apart too.
  for (const char* format : {"WBP-%07zu", "%zu", "LP-SMD/%zu/2026", "NAPI-2026-00000000000000%06zu"}) {
    const std::vector<Case> people = numbered(50'000, format);
    PersonSlots slots;
    ASSERT_EQ(detail::index_people(people, slots), people.size()) << format;
    const std::size_t mask = slots.size() - 1;
    std::size_t total = 0, longest = 0;
    for (std::size_t s = 0; s < slots.size(); ++s) {
      if (slots[s] == 0) continue;
      const std::size_t position = (slots[s] & 0xFFFFFFFFu) - 1;
      const std::uint64_t hash = detail::person_id_hash(people[position].person().id());
      const std::size_t distance = (s - (static_cast<std::size_t>(hash) & mask)) & mask;
      total += distance;
      longest = std::max(longest, distance);
      EXPECT_EQ(slots[s] >> 32, hash >> 32);
    }
    EXPECT_LT(static_cast<double>(total) / static_cast<double>(people.size()), 0.6) << format;
    EXPECT_LT(longest, 40u) << format;
    std::set<std::uint64_t> kept;
    for (const Case& c : people) kept.insert(detail::person_id_hash(c.person().id()) >> 32);
    EXPECT_GT(kept.size(), people.size() - 10) << format;  // 50,000 random 32-bit numbers: 0.3 pairs alike
  }
}

TEST(PersonIndex, HashTellsApartIdsThatDifferInOneByte) {
  // Every length up to 40 (the word loop, the overlapping last word, the short tail), every position, a few
  // values, a zero byte and bytes above 127 included: no two of these share a hash.
  std::set<std::uint64_t> seen;
  std::size_t ids = 0;
  for (std::size_t length = 0; length <= 40; ++length) {
    const std::string base(length, 'A');
    if (seen.insert(detail::person_id_hash(base)).second) ++ids;
    for (std::size_t at = 0; at < length; ++at)
      for (const char c : {'B', '0', '\0', static_cast<char>(0xC3), static_cast<char>(0xFF)}) {
        std::string id = base;
        id[at] = c;
        ASSERT_TRUE(seen.insert(detail::person_id_hash(id)).second) << "length " << length << " at " << at;
        ++ids;
      }
  }
  EXPECT_EQ(ids, 41u + 5u * (40u * 41u / 2u));
  // The same bytes hash alike wherever they are held.
  EXPECT_EQ(detail::person_id_hash("WBP-0000001"), detail::person_id_hash(std::string("xWBP-0000001").substr(1)));
}

TEST(PersonIndex, NamesTheFirstRepeatedPosition) {
  const std::vector<Case> people = with_ids({"A", "B", "C", "B", "A"});
  PersonSlots slots;
  EXPECT_EQ(detail::index_people(people, slots), 3u);
  EXPECT_EQ(detail::index_people(with_ids({"A", "A"}), slots), 1u);
  EXPECT_EQ(detail::index_people(with_ids({}), slots), 0u);
  EXPECT_EQ(slots.size(), 16u);
  EXPECT_EQ(detail::find_person(with_ids({}), slots, "A"), detail::kNoPerson);
  EXPECT_EQ(detail::find_person(with_ids({}), PersonSlots{}, "A"), detail::kNoPerson);
}

TEST(PersonIndex, GrowsAsPeopleAreAddedOneByOne) {
  // From an empty table through thirteen doublings; a repeated id is not added and names the earlier person, who
  // is still the one found.
  std::vector<Case> people;
  PersonSlots slots;
  std::size_t repeats = 0;
  for (std::size_t i = 0; i < 50'000; ++i) {
    const std::size_t n = i % 7 == 6 ? i - 1 : i;  // every seventh repeats the id before it
    people.push_back(person_case("P" + std::to_string(n)));
    const std::size_t at = detail::index_person(people, slots, people.size() - 1);
    if (n == i) {
      ASSERT_EQ(at, people.size() - 1);
    } else {
      ++repeats;
      ASSERT_LT(at, people.size() - 1);
      ASSERT_EQ(people[at].person().id(), "P" + std::to_string(n));
    }
  }
  EXPECT_EQ(repeats, 7142u);
  EXPECT_EQ(slots.size(), 131'072u);
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::size_t at = detail::find_person(people, slots, people[i].person().id());
    ASSERT_NE(at, detail::kNoPerson);
    ASSERT_LE(at, i);
    ASSERT_EQ(people[at].person().id(), people[i].person().id());
  }
}

TEST(PersonIndex, ReservedRoomIsNotMovedByTheNextPerson) {
  std::vector<Case> people = numbered(8);
  PersonSlots slots;
  ASSERT_EQ(detail::index_people(people, slots), 8u);
  ASSERT_EQ(slots.size(), 16u);
  people.push_back(person_case("NEW"));
  detail::reserve_person_slots(people, slots, people.size());  // nine people need 32 slots
  ASSERT_EQ(slots.size(), 32u);
  const std::uint64_t* room = slots.data();
  EXPECT_EQ(detail::index_person(people, slots, 8), 8u);
  EXPECT_EQ(slots.data(), room);
  for (std::size_t i = 0; i < people.size(); ++i)
    EXPECT_EQ(detail::find_person(people, slots, people[i].person().id()), i);
  // Room already there: nothing is rebuilt.
  detail::reserve_person_slots(people, slots, 10);
  EXPECT_EQ(slots.data(), room);
}
