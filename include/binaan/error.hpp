#pragma once
/// \file
/// The exceptions binaan throws. Invalid input and broken contracts throw; domain outcomes (not eligible,
/// needs review) are values, never exceptions.

#include <binaan/export.hpp>

#include <stdexcept>
#include <string>

namespace binaan {

/// Base of every exception binaan throws.
class BINAAN_EXPORT Error : public std::runtime_error {
public:
  explicit Error(const std::string& message);
};

/// A value that is malformed or out of range: a date, a term, a field of a person or sentence.
/// The message names the field and the value.
class BINAAN_EXPORT ValueError : public Error {
public:
  ValueError(std::string field, std::string value, const std::string& why);
  const std::string& field() const noexcept { return field_; }
  const std::string& value() const noexcept { return value_; }
  /// The reason alone, without field and value: for rewrapping into an InputError that states them itself.
  const std::string& why() const noexcept { return why_; }

private:
  std::string field_;
  std::string value_;
  std::string why_;
};

/// A file (case, roster, policy, holiday table) that cannot be read: the message names the file, the line where
/// there are lines, the key path and the value.
class BINAAN_EXPORT InputError : public Error {
public:
  InputError(std::string file, long line, std::string path, std::string value, const std::string& why);
  const std::string& file() const noexcept { return file_; }
  long line() const noexcept { return line_; }  ///< 0 when the input has no lines
  const std::string& path() const noexcept { return path_; }
  const std::string& value() const noexcept { return value_; }

private:
  std::string file_;
  long line_;
  std::string path_;
  std::string value_;
};

/// A question the data cannot answer, e.g. a holiday in a year the table lacks with approximation switched off.
class BINAAN_EXPORT LookupError : public Error {
public:
  explicit LookupError(const std::string& message);
};

}  // namespace binaan
