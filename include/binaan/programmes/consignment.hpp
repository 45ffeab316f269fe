#pragma once
/// \file
/// Gallery stock placed with a partner (consignment) and returned from it.

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace binaan {

enum class ConsignmentKind : std::uint8_t {
  Placed,   ///< gallery → partner; needs a Marketing agreement on the day
  Returned  ///< partner → gallery; allowed after the agreement ends, to wind it down
};
BINAAN_EXPORT std::string_view to_string(ConsignmentKind kind);

struct Consignment {
  std::string id;
  Date date;
  std::string partner_id;
  std::string product_id;
  std::int64_t units;
  ConsignmentKind kind;
};

/// Units of one batch moved or sold; stock always leaves from the oldest batch first (FIFO).
struct StockLine {
  std::string batch_id;
  std::int64_t units;
};

struct ConsignmentRecord {
  Consignment consignment;
  std::vector<StockLine> lines;
};

}  // namespace binaan
