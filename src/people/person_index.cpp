#include "people/person_index.hpp"

#include "hints.hpp"
#include "io/detail_json.hpp"

#include <binaan/error.hpp>

#include <algorithm>

namespace binaan::detail {

namespace {

/// The slot's value for the person at `position` whose id hashes to `hash`.
std::uint64_t slot_value(std::uint64_t hash, std::size_t position) noexcept {
  return (hash & 0xFFFFFFFF00000000u) | (static_cast<std::uint64_t>(position) + 1);
}

/// The position a slot holds; the slot must not be empty.
std::size_t position_in(std::uint64_t v) noexcept { return static_cast<std::size_t>((v & 0xFFFFFFFFu) - 1); }

/// Whether `slots` (a power of two in size, or empty) have room for `n` people: person_slots_for(n) or more, known
/// without its loop (index_person asks for every person it adds).
bool room_for(const PersonSlots& slots, std::size_t n) noexcept { return slots.size() >= 16 && slots.size() / 2 >= n; }

/// The slot that holds `id` (hashing to `hash`), or the empty slot where it would go. The table is never full.
std::size_t slot_of(const std::vector<Case>& people, const PersonSlots& slots, std::string_view id,
                    std::uint64_t hash) noexcept {
  const std::size_t mask = slots.size() - 1;
  // The slot from the low bits; the high bits, kept in the slot, tell most other ids apart without reading them.
  for (std::size_t s = static_cast<std::size_t>(hash) & mask;; s = (s + 1) & mask) {
    const std::uint64_t v = slots[s];
    if (v == 0) return s;
    if ((v ^ hash) >> 32 == 0 && people[position_in(v)].person().id() == id) return s;
  }
}

}  // namespace

std::size_t person_slots_for(std::size_t n) noexcept {
  std::size_t size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

std::size_t index_people(const std::vector<Case>& people, PersonSlots& slots) {
  slots.assign(person_slots_for(people.size()), 0);
  // The slots are random places in a table far larger than the caches (16 MB for a million people): each id is
  // hashed a few people ahead and its slot's line asked for, so that it has arrived when the person is indexed.
  constexpr std::size_t kAhead = 8;
  const std::size_t n = people.size();
  const std::size_t mask = slots.size() - 1;
  std::uint64_t hashes[kAhead];  // the hash of person i, at i % kAhead, from kAhead people before
  auto hash_ahead = [&](std::size_t i) {
    const std::uint64_t h = person_id_hash(people[i].person().id());
    prefetch(&slots[static_cast<std::size_t>(h) & mask]);
    hashes[i % kAhead] = h;
  };
  for (std::size_t i = 0; i < std::min(n, kAhead); ++i) hash_ahead(i);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = hashes[i % kAhead];
    if (i + kAhead < n) hash_ahead(i + kAhead);
    const std::size_t s = slot_of(people, slots, people[i].person().id(), h);
    if (slots[s] != 0) return i;
    slots[s] = slot_value(h, i);
  }
  return n;
}

std::optional<RepeatedId> first_repeated_id(const std::vector<Case>& people) {
  PersonSlots slots;
  const std::size_t position = index_people(people, slots);
  if (position == people.size()) return std::nullopt;
  // index_people stopped before the repeat: its slot holds the earlier person.
  return RepeatedId{position, find_person(people, slots, people[position].person().id())};
}

std::size_t find_person(const std::vector<Case>& people, const PersonSlots& slots, std::string_view id) noexcept {
  if (slots.empty()) return kNoPerson;
  const std::uint64_t v = slots[slot_of(people, slots, id, person_id_hash(id))];
  return v == 0 ? kNoPerson : position_in(v);
}

void reserve_person_slots(const std::vector<Case>& people, PersonSlots& slots, std::size_t n) {
  if (room_for(slots, n)) return;
  PersonSlots grown(person_slots_for(n), 0);
  for (const std::uint64_t v : slots)
    if (v != 0) {
      const std::size_t i = position_in(v);
      const std::string& id = people[i].person().id();
      const std::uint64_t h = person_id_hash(id);
      grown[slot_of(people, grown, id, h)] = slot_value(h, i);
    }
  slots.swap(grown);
}

std::size_t index_person(const std::vector<Case>& people, PersonSlots& slots, std::size_t position) {
  if (!room_for(slots, position + 1)) reserve_person_slots(people, slots, position + 1);
  const std::string& id = people[position].person().id();
  const std::uint64_t h = person_id_hash(id);
  const std::size_t s = slot_of(people, slots, id, h);
  if (slots[s] != 0) return position_in(slots[s]);
  slots[s] = slot_value(h, position);
  return position;
}

void refuse_repeated_id(const std::vector<Case>& people, const std::vector<long>& lines, const std::string& file,
                        std::string_view key) {
  if (const auto repeat = first_repeated_id(people))
    throw InputError(file, lines[repeat->position], std::string(key),
                     quote_for_message(people[repeat->position].person().id()),
                     "person id already used on line " + std::to_string(lines[repeat->earlier]) +
                         " (person ids must be unique in a roster)");
}

void refuse_repeated_id(const std::vector<Case>& people) {
  if (const auto repeat = first_repeated_id(people))
    throw ValueError("person.id", shorten_for_message(people[repeat->position].person().id()),
                     "a person id appears twice in the roster (person ids must be unique)");
}

}  // namespace binaan::detail
