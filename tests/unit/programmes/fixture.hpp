#pragma once
// A small programmes model shared by the programmes tests.

#include <binaan/programmes/programmes.hpp>
#include <binaan/time/date.hpp>

#include <optional>
#include <string>
#include <vector>

namespace binaan::test {

inline Date day(const char* iso) { return parse_date(iso); }

inline InmateStatus serving(std::optional<Date> asimilasi_from = std::nullopt, std::vector<Date> discipline = {},
                            std::optional<Date> release = std::nullopt) {
  return InmateStatus{true, asimilasi_from, std::move(discipline), release};
}

/// Mondays from `first` for `n` weeks, `hours` each.
inline std::vector<Session> weekly(Date first, int n, int hours) {
  std::vector<Session> s;
  for (int i = 0; i < n; ++i) s.push_back({add_days(first, 7 * i), hours});
  return s;
}

/// A garment programme, a partner with one agreement 2026-01-01..2026-06-30 covering every scope, an inside
/// workshop "W-IN" (capacity 2, 13 Monday sessions of 2 h from 2026-01-05) and a product "PRD".
inline Programmes small_model() {
  Programmes p;
  p.add_programme({"P-GARMENT", ProgrammeKind::Garment, "Konveksi"});
  p.add_partner({"MITRA", "Mitra UKM", "mitra@example.invalid"});
  p.add_agreement({"PKS-1", "MITRA", "PKS/1/2026", day("2026-01-01"), day("2026-06-30"),
                   {AgreementScope::Training, AgreementScope::Marketing, AgreementScope::Materials,
                    AgreementScope::Buying}});
  p.add_workshop({"W-IN", "P-GARMENT", "Bimker Konveksi", 2, weekly(day("2026-01-05"), 13, 2), {"Ibu Sari"},
                  Location::InsideWalls, std::nullopt});
  p.add_product({"PRD", "Kemeja"});
  return p;
}

}  // namespace binaan::test
