#pragma once
/// \file
/// The closed vocabularies of a person's record (case-format.md), with their spellings in files.
/// Each `parse_*` throws ValueError naming the field and the text; each `to_string` gives the file spelling.

#include <binaan/export.hpp>

#include <cstdint>
#include <string_view>

namespace binaan {

/// The religion first recorded in the prison register; it chooses the RK holiday (Keppres 174/1999 Art. 2, 7(5)).
enum class Religion : std::uint8_t { Islam, Protestant, Catholic, Hindu, Buddhist, Confucian, Other, Unknown };

enum class Sex : std::uint8_t { Male, Female };

/// Offence category; all but General are the "special crimes" of PP 28/2006 Art. 34(3) and PP 99/2012 Art. 34A.
enum class Offence : std::uint8_t {
  General,
  Narcotics,  ///< narcotics, psychotropics and precursors
  Corruption,
  Terrorism,
  StateSecurity,
  HumanRights,  ///< gross human-rights crimes
  OrganisedCrime  ///< transnational organised crime
};

constexpr bool is_special_crime(Offence o) noexcept { return o != Offence::General; }

/// Services that earn remisi tambahan ½ (Keppres 174/1999 Art. 3, 6).
enum class ServiceKind : std::uint8_t { BloodDonation, OrganDonation, ServiceToState, Humanitarian };

/// SPPN / assessment predicate.
enum class Predicate : std::uint8_t { SangatBaik, Baik, Cukup, Kurang };

/// Assessed risk level, highest first.
enum class Risk : std::uint8_t { High, Medium, Low };

/// The kind of a remission grant, recorded or computed.
enum class GrantKind : std::uint8_t { Ru, Rk, Tambahan, Dasawarsa, Kemanusiaan, PmpHan, Unspecified };

BINAAN_EXPORT std::string_view to_string(Religion v);
BINAAN_EXPORT std::string_view to_string(Sex v);
BINAAN_EXPORT std::string_view to_string(Offence v);
BINAAN_EXPORT std::string_view to_string(ServiceKind v);
BINAAN_EXPORT std::string_view to_string(Predicate v);
BINAAN_EXPORT std::string_view to_string(Risk v);
BINAAN_EXPORT std::string_view to_string(GrantKind v);

BINAAN_EXPORT Religion parse_religion(std::string_view text, std::string_view field = "religion");
BINAAN_EXPORT Sex parse_sex(std::string_view text, std::string_view field = "sex");
BINAAN_EXPORT Offence parse_offence(std::string_view text, std::string_view field = "offence");
BINAAN_EXPORT ServiceKind parse_service_kind(std::string_view text, std::string_view field = "kind");
BINAAN_EXPORT Predicate parse_predicate(std::string_view text, std::string_view field = "predicate");
BINAAN_EXPORT Risk parse_risk(std::string_view text, std::string_view field = "risk");
BINAAN_EXPORT GrantKind parse_grant_kind(std::string_view text, std::string_view field = "kind");

}  // namespace binaan
