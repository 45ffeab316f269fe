#pragma once
/// \file
/// Partners (mitra) and their cooperation agreements (PKS/MoU) with a validity period and scopes
/// (rules-indonesia.md §1, §8).

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// E.g. {"DEKRANASDA-KALTIM", "Dewan UKM Provinsi Kalimantan Timur", "sekretariat@…"}.
struct Partner {
  std::string id;
  std::string name;
  std::string contact;
};

/// What an agreement lets the partner do.
enum class AgreementScope : std::uint8_t {
  Training,   ///< train inmates, run sessions, issue certificates
  Marketing,  ///< take products on consignment and sell them (marketing/distribution)
  Materials,  ///< supply materials or capital for production
  Buying      ///< buy products
};

BINAAN_EXPORT std::string_view to_string(AgreementScope scope);
BINAAN_EXPORT AgreementScope parse_agreement_scope(std::string_view text, std::string_view field = "scope");

struct Agreement {
  std::string id;
  std::string partner_id;
  std::string reference;  ///< the PKS/MoU number
  Date from;              ///< first valid day
  Date to;                ///< last valid day (inclusive)
  std::vector<AgreementScope> scopes;
};

/// Whether the agreement is valid on `day` (from ≤ day ≤ to) and has `scope`.
BINAAN_EXPORT bool covers(const Agreement& agreement, Date day, AgreementScope scope) noexcept;

}  // namespace binaan
