#pragma once
/// \file
/// SHA-256 (FIPS 180-4 §6.2) and HMAC-SHA-256 (RFC 2104, FIPS 198-1), written here so that the pseudonyms of the
/// research export (pseudonym.hpp) need no cryptographic library. Checked against the FIPS 180-4 examples and the
/// RFC 4231 test cases. For keyed pseudonyms and checksums of exports, not for storing passwords.

#include <binaan/export.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace binaan {

/// A SHA-256 digest: 32 bytes, in the order the standard writes them.
using Sha256Digest = std::array<std::uint8_t, 32>;

/// SHA-256 over a message given in pieces: update() any number of times, then finish() once.
///
/// Lengths are counted in bytes; a message is at most 2^61 − 1 bytes (the standard's 2^64 − 1 bits).
class BINAAN_EXPORT Sha256 {
public:
  static constexpr std::size_t kBlockBytes = 64;

  Sha256() noexcept;

  /// Adds bytes to the message.
  Sha256& update(std::string_view bytes) noexcept;
  /// Pads the message (FIPS 180-4 §5.1.1) and gives its digest. The object is then spent: call reset() to reuse it.
  Sha256Digest finish() noexcept;
  /// Back to the empty message.
  void reset() noexcept;

private:
  void compress(const std::uint8_t* block) noexcept;

  std::array<std::uint32_t, 8> h_{};
  std::array<std::uint8_t, kBlockBytes> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes so far
};

/// The SHA-256 digest of `bytes`.
BINAAN_EXPORT Sha256Digest sha256(std::string_view bytes) noexcept;

/// HMAC-SHA-256 of `message` under `key` (RFC 2104 with B = 64, L = 32): a key longer than 64 bytes is hashed
/// first, a shorter one padded with zeros. Any key length is accepted here; the pseudonym key sets its own minimum.
BINAAN_EXPORT Sha256Digest hmac_sha256(std::string_view key, std::string_view message) noexcept;

/// Lowercase hexadecimal of bytes: two characters a byte.
BINAAN_EXPORT std::string to_hex(const std::uint8_t* bytes, std::size_t count);
/// Lowercase hexadecimal of a digest: 64 characters.
BINAAN_EXPORT std::string to_hex(const Sha256Digest& digest);

}  // namespace binaan
