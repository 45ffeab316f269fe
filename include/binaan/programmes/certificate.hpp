#pragma once
/// \file
/// Certificates of training (rules-indonesia.md §8: issued by a training centre, a certification body or a partner).

#include <binaan/export.hpp>
#include <binaan/time/date.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace binaan {

enum class IssuerKind : std::uint8_t {
  TrainingCentre,     ///< e.g. a BLK (balai latihan kerja)
  CertificationBody,  ///< e.g. an LSP licensed by BNSP
  Partner             ///< a partner under a Training agreement
};
BINAAN_EXPORT std::string_view to_string(IssuerKind kind);

/// Needs a Competent end assessment of the same inmate and workshop dated on or before it.
struct Certificate {
  std::string id;
  std::string inmate_id;
  std::string workshop_id;
  Date date;
  IssuerKind issuer_kind;
  std::string issuer;  ///< the issuer's name; the partner id when issuer_kind is Partner
  std::string title;
};

}  // namespace binaan
