#pragma once
/// \file
/// The assessment at the end of a training (rules-indonesia.md §8).

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace binaan {

enum class AssessmentResult : std::uint8_t { Competent, NotYetCompetent };
BINAAN_EXPORT std::string_view to_string(AssessmentResult result);

struct EndAssessment {
  std::string inmate_id;
  std::string workshop_id;
  Date date;
  AssessmentResult result;
  std::optional<int> score;  ///< 0–100 when the assessor gives one
  std::string assessor;
};

}  // namespace binaan
