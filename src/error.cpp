#include <binaan/error.hpp>

#include <utility>

namespace binaan {

Error::Error(const std::string& message) : std::runtime_error(message) {}

ValueError::ValueError(std::string field, std::string value, const std::string& why)
    : Error(field + ": " + why + " (value: \"" + value + "\")"),
      field_(std::move(field)),
      value_(std::move(value)),
      why_(why) {}

namespace {
std::string input_message(const std::string& file, long line, const std::string& path, const std::string& value,
                          const std::string& why) {
  std::string m = file.empty() ? std::string("<input>") : file;
  if (line > 0) m += ":" + std::to_string(line);
  m += ": ";
  if (!path.empty()) m += path + ": ";
  m += why;
  if (!value.empty()) m += " (value: " + value + ")";
  return m;
}
}  // namespace

InputError::InputError(std::string file, long line, std::string path, std::string value, const std::string& why)
    : Error(input_message(file, line, path, value, why)),
      file_(std::move(file)),
      line_(line),
      path_(std::move(path)),
      value_(std::move(value)) {}

LookupError::LookupError(const std::string& message) : Error(message) {}

}  // namespace binaan
