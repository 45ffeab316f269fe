#pragma once
// Internal: the people of a roster found by person id. One piece of code for the facility's index
// (Facility::find, add_person) and for the roster readers' and writers' check that person ids are unique.

#include <binaan/people/case.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace binaan::detail {

/// Person id → position in a roster (a std::vector<Case>), the ids not copied: open addressing (linear probing, a
/// power-of-two table at most half full), each slot 0 when empty, else the id's hash in its high 32 bits and the
/// position + 1 in its low 32 bits, so that a probe compares ids only when the hashes agree. Positions stay right
/// when the roster reallocates, unlike pointers into it. Every function is given the roster the slots index, whose
/// indexed people keep their ids; positions are below 2^32 - 1 (a facility holds at most 50,000,000 people).
using PersonSlots = std::vector<std::uint64_t>;

/// No person has the id (find_person).
inline constexpr std::size_t kNoPerson = static_cast<std::size_t>(-1);

/// The hash of a person id: eight bytes at a time and splitmix64's finaliser, so that ids that differ in one
/// character (a national roster's "WBP-0000001", "WBP-0000002" …) spread over both the slot (the low bits) and the
/// part kept in the slot (the high bits). 43 instructions a hash of an 11-byte id in a loop, against 72 for
/// std::hash's. In memory only: nothing stores it, so it may change.
inline std::uint64_t person_id_hash(std::string_view id) noexcept {
  constexpr std::uint64_t kOdd = 0x9E3779B97F4A7C15u;
  const char* p = id.data();
  const std::size_t size = id.size();
  std::uint64_t h = (size + 1) * kOdd;
  auto mix = [&h](std::uint64_t w) {
    h = (h ^ w) * kOdd;
    h ^= h >> 29;
  };
  if (size >= 8) {
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      mix(w);
    }
    if (i < size) {  // the last eight bytes, overlapping the word before
      std::uint64_t w;
      std::memcpy(&w, p + size - 8, 8);
      mix(w);
    }
  } else {
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < size; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    mix(w);
  }
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9u;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBu;
  return h ^ (h >> 31);
}

/// The number of slots for `n` people: a power of two, at least 16 and twice `n`.
std::size_t person_slots_for(std::size_t n) noexcept;

/// Indexes `people` afresh (the slots replaced): the position of the first person whose id an earlier one has, or
/// people.size() when the ids are unique and the index complete. The table is made at once for all of them and
/// each id hashed a few people ahead, its slot's cache line asked for before it is needed.
std::size_t index_people(const std::vector<Case>& people, PersonSlots& slots);

/// A person whose id an earlier person of the roster has.
struct RepeatedId {
  std::size_t position;  // the first such person
  std::size_t earlier;   // the earlier person with that id
};

/// The first person of `people` whose id an earlier one has, or none when the ids are unique (index_people into a
/// table of its own). The roster readers check their people with it once every line has been read, so that a bad
/// line is named before a repeated id; the writers before writing.
std::optional<RepeatedId> first_repeated_id(const std::vector<Case>& people);

/// Refuses a roster read from `file` with a person twice: throws InputError at the line of the first repeat
/// (`lines[i]` is the line person i was read from), naming the id under `key` (the file's name for it) and the
/// earlier line. The roster readers call it once every line has been read.
void refuse_repeated_id(const std::vector<Case>& people, const std::vector<long>& lines, const std::string& file,
                        std::string_view key);

/// Refuses to write a roster with a person twice, which no reader would take back: throws ValueError("person.id").
void refuse_repeated_id(const std::vector<Case>& people);

/// The position of the person with `id` among `people`, or kNoPerson.
std::size_t find_person(const std::vector<Case>& people, const PersonSlots& slots, std::string_view id) noexcept;

/// Makes room to index `n` people, the table rebuilt larger aside when it must grow: if this throws (no memory),
/// the slots are unchanged.
void reserve_person_slots(const std::vector<Case>& people, PersonSlots& slots, std::size_t n);

/// Indexes people[position] unless an earlier person has its id: returns that person's position, or `position`
/// when the person was added. Grows the table when it must (reserve_person_slots(people, slots, position + 1)
/// first makes this one not allocate, hence not throw).
std::size_t index_person(const std::vector<Case>& people, PersonSlots& slots, std::size_t position);

}  // namespace binaan::detail
