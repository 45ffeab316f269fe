#pragma once
/// \file
/// Errors of the programmes model: both are ValueErrors, so they name the field and the value.

#include <binaan/error.hpp>
#include <binaan/export.hpp>

#include <string>

namespace binaan {

/// An id that names nothing: an enrolment in an unknown workshop, a sale of an unknown product.
class BINAAN_EXPORT UnknownReference : public ValueError {
public:
  UnknownReference(std::string field, std::string value);
};

/// An operation under a partner on a day no agreement of that partner covers, or outside its scopes.
class BINAAN_EXPORT AgreementError : public ValueError {
public:
  AgreementError(std::string field, std::string value, const std::string& why);
};

}  // namespace binaan
