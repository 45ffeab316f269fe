#pragma once
/// \file
/// The programme catalogue: pembinaan kepribadian (personality) and kemandirian (independence) kinds
/// (rules-indonesia.md §1, §8).

#include <binaan/export.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace binaan {

enum class ProgrammeArea : std::uint8_t {
  Kepribadian,  ///< personality development
  Kemandirian   ///< independence development: vocational skills and production
};

enum class ProgrammeKind : std::uint8_t {
  // kepribadian
  Religion,
  Civic,
  LegalAwareness,
  Counselling,
  // kemandirian
  Garment,
  Agriculture,
  Fisheries,
  Livestock,
  Culinary,
  Crafts,
  Furniture,
  Workshop,  ///< metal or engine workshop (bengkel)
  Laundry,
  Barbering,
  Other
};

constexpr ProgrammeArea area_of(ProgrammeKind kind) noexcept {
  return kind <= ProgrammeKind::Counselling ? ProgrammeArea::Kepribadian : ProgrammeArea::Kemandirian;
}

/// snake_case spellings: "religion", "legal_awareness", "garment", …; "kepribadian", "kemandirian".
BINAAN_EXPORT std::string_view to_string(ProgrammeKind kind);
BINAAN_EXPORT std::string_view to_string(ProgrammeArea area);
/// Throws ValueError naming `field` and the text.
BINAAN_EXPORT ProgrammeKind parse_programme_kind(std::string_view text, std::string_view field = "kind");

/// One programme of the catalogue, e.g. {"P-GARMENT", Garment, "Pelatihan menjahit"}.
struct Programme {
  std::string id;
  ProgrammeKind kind;
  std::string name;
};

}  // namespace binaan
