#include <binaan/programmes/partner.hpp>

#include <algorithm>

namespace binaan {

bool covers(const Agreement& a, Date day, AgreementScope scope) noexcept {
  return a.from <= day && day <= a.to && std::find(a.scopes.begin(), a.scopes.end(), scope) != a.scopes.end();
}

}  // namespace binaan
