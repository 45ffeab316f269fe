#pragma once
/// \file
/// Keyed pseudonyms for exports that leave the prison (docs/privacy.md).
///
/// The pseudonym of a person is
///
///     lowercase hex of the first 16 bytes of HMAC-SHA-256(key, facility id + "\n" + person id)
///
/// (32 characters). The same person of the same facility gets the same pseudonym in every export made with the same
/// key, so a researcher can follow people from one export to the next; without the key a pseudonym can be neither
/// turned back into the id nor matched with another dataset (trying every plausible register number needs the
/// key). The facility id is part of the message so that the same register number in two facilities gives two
/// pseudonyms. The key comes from the caller: binaan has no default key and writes the key nowhere, not even in an
/// error message.

#include <binaan/export.hpp>
#include <binaan/privacy/sha256.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace binaan {

/// The secret key of the pseudonyms. It keeps only the two hash states HMAC derives from the key (the key itself
/// is not stored) and has no way to print itself.
class BINAAN_EXPORT PseudonymKey {
public:
  /// Shortest key accepted: 16 bytes (128 bits), the strength of the 128-bit pseudonym.
  static constexpr std::size_t kMinBytes = 16;
  /// Longest key text accepted from a key file.
  static constexpr std::size_t kMaxBytes = 4096;

  /// A key of raw bytes. Throws ValueError("key", "<n> bytes", why) when it is shorter than kMinBytes or longer
  /// than kMaxBytes; the message gives the length, never the key.
  explicit PseudonymKey(std::string_view key);

  /// A key from the content of a key file: its bytes as they are, except that one line end (LF or CR LF) at the
  /// very end is dropped, so that a key written with `echo` or an editor gives the same pseudonyms as the same key
  /// without it. Same refusals as the constructor (the length counted after dropping the line end).
  static PseudonymKey from_key_file(std::string_view content);

  /// HMAC-SHA-256(key, message).
  Sha256Digest mac(std::string_view message) const;

private:
  Sha256 inner_;  // after the block key XOR ipad
  Sha256 outer_;  // after the block key XOR opad
};

/// Bytes of the HMAC kept in a pseudonym (128 bits: no two people of any population collide in practice).
inline constexpr std::size_t kPseudonymBytes = 16;

/// The pseudonym of a person (see the file comment): 32 lowercase hexadecimal characters. Throws ValueError when
/// the facility id is empty or holds a line feed (which would make the message ambiguous), or the person id is
/// empty.
BINAAN_EXPORT std::string pseudonym(const PseudonymKey& key, std::string_view facility_id, std::string_view person_id);

}  // namespace binaan
