#include <binaan/people/enums.hpp>

#include <binaan/error.hpp>

#include <array>
#include <string>

namespace binaan {

namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Religion, 8> kReligions{{{Religion::Islam, "islam"},
                                         {Religion::Protestant, "protestant"},
                                         {Religion::Catholic, "catholic"},
                                         {Religion::Hindu, "hindu"},
                                         {Religion::Buddhist, "buddhist"},
                                         {Religion::Confucian, "confucian"},
                                         {Religion::Other, "other"},
                                         {Religion::Unknown, "unknown"}}};
constexpr Names<Sex, 2> kSexes{{{Sex::Male, "male"}, {Sex::Female, "female"}}};
constexpr Names<Offence, 7> kOffences{{{Offence::General, "general"},
                                       {Offence::Narcotics, "narcotics"},
                                       {Offence::Corruption, "corruption"},
                                       {Offence::Terrorism, "terrorism"},
                                       {Offence::StateSecurity, "state_security"},
                                       {Offence::HumanRights, "human_rights"},
                                       {Offence::OrganisedCrime, "organised_crime"}}};
constexpr Names<ServiceKind, 4> kServices{{{ServiceKind::BloodDonation, "blood_donation"},
                                           {ServiceKind::OrganDonation, "organ_donation"},
                                           {ServiceKind::ServiceToState, "service_to_state"},
                                           {ServiceKind::Humanitarian, "humanitarian"}}};
constexpr Names<Predicate, 4> kPredicates{{{Predicate::SangatBaik, "sangat_baik"},
                                           {Predicate::Baik, "baik"},
                                           {Predicate::Cukup, "cukup"},
                                           {Predicate::Kurang, "kurang"}}};
constexpr Names<Risk, 3> kRisks{{{Risk::High, "high"}, {Risk::Medium, "medium"}, {Risk::Low, "low"}}};
constexpr Names<GrantKind, 7> kGrantKinds{{{GrantKind::Ru, "ru"},
                                           {GrantKind::Rk, "rk"},
                                           {GrantKind::Tambahan, "tambahan"},
                                           {GrantKind::Dasawarsa, "dasawarsa"},
                                           {GrantKind::Kemanusiaan, "kemanusiaan"},
                                           {GrantKind::PmpHan, "pmp_han"},
                                           {GrantKind::Unspecified, "unspecified"}}};

template <typename E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "?";
}

template <typename E, std::size_t N>
E parse_name(const Names<E, N>& names, std::string_view text, std::string_view field) {
  for (const auto& [v, name] : names)
    if (name == text) return v;
  std::string expected;
  for (const auto& [v, name] : names) expected += (expected.empty() ? "" : ", ") + std::string(name);
  throw ValueError(std::string(field), std::string(text), "expected one of " + expected);
}

}  // namespace

std::string_view to_string(Religion v) { return name_of(kReligions, v); }
std::string_view to_string(Sex v) { return name_of(kSexes, v); }
std::string_view to_string(Offence v) { return name_of(kOffences, v); }
std::string_view to_string(ServiceKind v) { return name_of(kServices, v); }
std::string_view to_string(Predicate v) { return name_of(kPredicates, v); }
std::string_view to_string(Risk v) { return name_of(kRisks, v); }
std::string_view to_string(GrantKind v) { return name_of(kGrantKinds, v); }

Religion parse_religion(std::string_view t, std::string_view f) { return parse_name(kReligions, t, f); }
Sex parse_sex(std::string_view t, std::string_view f) { return parse_name(kSexes, t, f); }
Offence parse_offence(std::string_view t, std::string_view f) { return parse_name(kOffences, t, f); }
ServiceKind parse_service_kind(std::string_view t, std::string_view f) { return parse_name(kServices, t, f); }
Predicate parse_predicate(std::string_view t, std::string_view f) { return parse_name(kPredicates, t, f); }
Risk parse_risk(std::string_view t, std::string_view f) { return parse_name(kRisks, t, f); }
GrantKind parse_grant_kind(std::string_view t, std::string_view f) { return parse_name(kGrantKinds, t, f); }

}  // namespace binaan
