#pragma once
/// \file
/// Sales of products, their cost, profit and its split (rules-indonesia.md §8).

#include <binaan/export.hpp>
#include <binaan/programmes/money.hpp>
#include <binaan/programmes/profit_split.hpp>
#include <binaan/programmes/split.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

enum class SaleChannel : std::uint8_t {
  Gallery,     ///< the prison's product gallery
  Partner,     ///< sold by a partner from its consignment stock (Marketing agreement)
  Online,
  Exhibition,  ///< bazaar, fair
  Order        ///< a direct order
};
BINAAN_EXPORT std::string_view to_string(SaleChannel channel);
BINAAN_EXPORT SaleChannel parse_sale_channel(std::string_view text, std::string_view field = "channel");

/// A sale. Stock is drawn from the partner's consignment when the channel is Partner, else from the gallery.
/// A `partner_id` on any other channel names the partner as the buyer (Buying agreement).
struct Sale {
  std::string id;
  Date date;
  std::string product_id;
  std::int64_t units;  ///< at least 1
  Rupiah unit_price;   ///< at least 0
  SaleChannel channel;
  std::optional<std::string> partner_id;
  std::string buyer;  ///< free text, e.g. "pengunjung"
};

/// The part of a sale drawn from one batch.
struct SaleLine {
  std::string batch_id;
  std::string workshop_id;
  std::int64_t units;
  Rupiah revenue;  ///< the sale amount split over lines by units (largest remainder, ties to the lower batch id)
  Rupiah cost;     ///< cost_of_units of the batch
  Rupiah profit;   ///< revenue − cost; may be negative
  ProfitShares shares;
  std::vector<Part> premi;  ///< shares.premi among the batch's contributors, by their hours or pieces
};

struct SaleRecord {
  Sale sale;
  Rupiah amount;              ///< units × unit_price
  std::string policy_source;  ///< the profit-split policy applied
  std::vector<SaleLine> lines;
};

}  // namespace binaan
