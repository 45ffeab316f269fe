#pragma once
/// \file
/// Products and the production batches inmates make them in (rules-indonesia.md §8).

#include <binaan/export.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

/// E.g. {"PRD-BATIK-SHIRT", "Kemeja batik motif Dayak"}.
struct Product {
  std::string id;
  std::string name;
};

/// How premi is shared among a batch's contributors (§8: "by hours (or pieces)").
enum class ContributionBasis : std::uint8_t { Hours, Pieces };
BINAAN_EXPORT std::string_view to_string(ContributionBasis basis);

/// One inmate's work on a batch: hours or pieces, as the batch's basis says.
struct Contribution {
  std::string inmate_id;
  std::int64_t amount;
};

/// A production batch. Its units enter the gallery on `date`.
struct Batch {
  std::string id;
  std::string product_id;
  std::string workshop_id;
  Date date;
  std::int64_t units;   ///< at least 1
  Rupiah material_cost; ///< the whole batch's material cost, at least 0
  ContributionBasis basis;
  std::vector<Contribution> contributors;           ///< each enrolled in the workshop on `date`
  std::optional<std::string> materials_partner_id;  ///< materials supplied under a Materials agreement
};

}  // namespace binaan
