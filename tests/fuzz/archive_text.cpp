// Fuzz target: facility archives with a Boost text payload (facility_from_bytes); see archive_target.hpp.

#include "archive_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return binaan::fuzz::load_archive(data, size, binaan::ArchiveFormat::Text);
}
