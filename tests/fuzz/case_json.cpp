// Fuzz target: a case file (read_case_json). Bad input ends in an InputError; a case that is read writes and reads
// back to the same text (pretty and compact), and the engine evaluates it.

#include "fuzz_support.hpp"

#include <binaan/io/case_json.hpp>

#include <optional>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace binaan;
  std::optional<Case> c;
  try {
    c = read_case_json(fuzz::as_text(data, size), "fuzz.json");
  } catch (const InputError&) {
    return 0;
  }
  // Everything the reader accepts is writable, and read(write(c)) is c: compared through the writer.
  const std::string pretty = write_case_json(*c);
  fuzz::check(write_case_json(read_case_json(pretty, "pretty.json")) == pretty, "case: write(read(write(c))) != write(c)");
  const std::string compact = write_case_json(*c, -1);
  fuzz::check(write_case_json(read_case_json(compact, "compact.json")) == pretty, "case: compact form reads differently");
  fuzz::evaluate(*c);
  return 0;
}
