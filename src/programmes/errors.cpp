#include <binaan/programmes/errors.hpp>

#include <utility>

namespace binaan {

UnknownReference::UnknownReference(std::string field, std::string value)
    : ValueError(std::move(field), std::move(value), "names nothing known") {}

AgreementError::AgreementError(std::string field, std::string value, const std::string& why)
    : ValueError(std::move(field), std::move(value), why) {}

}  // namespace binaan
