// Keyed pseudonyms: the documented scheme, stability, key separation, and the refusals (short key, never echoed).
#include <binaan/error.hpp>
#include <binaan/privacy/pseudonym.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <type_traits>

using namespace binaan;

namespace {

const std::string kKey = "binaan-test-key-0123456789abcdef";    // 32 bytes
const std::string kOtherKey = "another-test-key-0123456789abcdef";

bool lowercase_hex(const std::string& s) {
  return s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

static_assert(PseudonymKey::kMinBytes == 16, "keys of at least 128 bits");
static_assert(kPseudonymBytes == 16, "a pseudonym keeps 128 bits of the HMAC");
static_assert(!std::is_default_constructible_v<PseudonymKey>, "there is no default key");

TEST(Pseudonym, IsTheDocumentedHmac) {
  // Python: hmac.new(key, b"LPN-SMD\nWBP-SMD-0001", hashlib.sha256).hexdigest()[:32]
  const PseudonymKey key(kKey);
  EXPECT_EQ(pseudonym(key, "LPN-SMD", "WBP-SMD-0001"), "e3b2016f14c3af15d01d00109eaa571c");
  const Sha256Digest mac = hmac_sha256(kKey, "LPN-SMD\nWBP-SMD-0001");
  EXPECT_EQ(pseudonym(key, "LPN-SMD", "WBP-SMD-0001"), to_hex(mac.data(), 16));
}

TEST(Pseudonym, ThirtyTwoLowercaseHexCharacters) {
  const PseudonymKey key(kKey);
  for (const char* id : {"WBP-SMD-0001", "x", "Ṣ-ünïcode", "a very long register number 2026/III/0042"}) {
    const std::string p = pseudonym(key, "LPN-SMD", id);
    EXPECT_EQ(p.size(), 32u) << id;
    EXPECT_TRUE(lowercase_hex(p)) << p;
  }
}

TEST(Pseudonym, StableForTheSameKey) {
  // Two key objects from the same bytes, as two exports a year apart would build them.
  EXPECT_EQ(pseudonym(PseudonymKey(kKey), "LPN-SMD", "WBP-SMD-0001"),
            pseudonym(PseudonymKey(kKey), "LPN-SMD", "WBP-SMD-0001"));
  const PseudonymKey key(kKey);
  const PseudonymKey copy = key;
  EXPECT_EQ(pseudonym(copy, "LPN-SMD", "WBP-SMD-0042"), pseudonym(key, "LPN-SMD", "WBP-SMD-0042"));
}

TEST(Pseudonym, OtherKeyOtherPseudonym) {
  EXPECT_EQ(pseudonym(PseudonymKey(kOtherKey), "LPN-SMD", "WBP-SMD-0001"), "73ca959095344b443a64d2483cbd2fc4");
  EXPECT_NE(pseudonym(PseudonymKey(kOtherKey), "LPN-SMD", "WBP-SMD-0001"),
            pseudonym(PseudonymKey(kKey), "LPN-SMD", "WBP-SMD-0001"));
}

TEST(Pseudonym, OtherFacilityOtherPseudonym) {
  const PseudonymKey key(kKey);
  EXPECT_EQ(pseudonym(key, "LPN-BLK", "WBP-SMD-0001"), "8f9555496002708d475faf3705aa19de");
  EXPECT_NE(pseudonym(key, "LPN-BLK", "WBP-SMD-0001"), pseudonym(key, "LPN-SMD", "WBP-SMD-0001"));
}

TEST(Pseudonym, DistinctPeopleDistinctPseudonyms) {
  const PseudonymKey key(kKey);
  std::set<std::string> seen;
  for (int i = 1; i <= 10000; ++i) seen.insert(pseudonym(key, "LPN-SMD", "WBP-" + std::to_string(i)));
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(Pseudonym, KeyShorterThan16BytesIsRefusedWithoutShowingIt) {
  const std::string secret = "s3cr3t-15-bytes";  // 15 bytes
  ASSERT_EQ(secret.size(), 15u);
  try {
    PseudonymKey key(secret);
    FAIL() << "a 15-byte key was accepted";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.field(), "key");
    EXPECT_EQ(e.value(), "15 bytes");
    EXPECT_NE(std::string(e.what()).find("at least 16 bytes"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find(secret), std::string::npos) << e.what();
  }
  EXPECT_THROW(PseudonymKey(""), ValueError);
  EXPECT_NO_THROW(PseudonymKey(std::string(16, 'k')));
}

TEST(Pseudonym, KeyLongerThanABlockIsHashedAsHmacWants) {
  const std::string long_key(200, '\xaa');
  EXPECT_EQ(PseudonymKey(long_key).mac("message"), hmac_sha256(long_key, "message"));
  EXPECT_EQ(PseudonymKey(kKey).mac("message"), hmac_sha256(kKey, "message"));
}

TEST(Pseudonym, KeyOverTheFileLimitIsRefused) {
  EXPECT_NO_THROW(PseudonymKey(std::string(PseudonymKey::kMaxBytes, 'k')));
  try {
    PseudonymKey key(std::string(PseudonymKey::kMaxBytes + 1, 'k'));
    FAIL() << "an oversized key was accepted";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.value(), "4097 bytes");
  }
}

TEST(Pseudonym, KeyFileDropsOneFinalLineEnd) {
  const std::string expected = pseudonym(PseudonymKey(kKey), "LPN-SMD", "WBP-SMD-0001");
  EXPECT_EQ(pseudonym(PseudonymKey::from_key_file(kKey), "LPN-SMD", "WBP-SMD-0001"), expected);
  EXPECT_EQ(pseudonym(PseudonymKey::from_key_file(kKey + "\n"), "LPN-SMD", "WBP-SMD-0001"), expected);
  EXPECT_EQ(pseudonym(PseudonymKey::from_key_file(kKey + "\r\n"), "LPN-SMD", "WBP-SMD-0001"), expected);
  // Only one: anything else is part of the key.
  EXPECT_NE(pseudonym(PseudonymKey::from_key_file(kKey + "\n\n"), "LPN-SMD", "WBP-SMD-0001"), expected);
  EXPECT_NE(pseudonym(PseudonymKey::from_key_file(kKey + " "), "LPN-SMD", "WBP-SMD-0001"), expected);
  // The length is counted after the line end goes: 15 bytes and a newline is too short.
  EXPECT_THROW(PseudonymKey::from_key_file(std::string(15, 'k') + "\n"), ValueError);
}

TEST(Pseudonym, AmbiguousOrEmptyIdsAreRefused) {
  const PseudonymKey key(kKey);
  // "A\nB" + "C" would hash like "A" + "B\nC".
  EXPECT_THROW(pseudonym(key, "A\nB", "C"), ValueError);
  EXPECT_NO_THROW(pseudonym(key, "A", "B\nC"));
  EXPECT_THROW(pseudonym(key, "", "C"), ValueError);
  EXPECT_THROW(pseudonym(key, "A", ""), ValueError);
}
