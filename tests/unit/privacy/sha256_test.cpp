// SHA-256 against the FIPS 180-4 examples (NIST CSRC "Examples with intermediate values") and HMAC-SHA-256 against
// RFC 4231 test cases 1-7.
#include <binaan/privacy/sha256.hpp>

#include <gtest/gtest.h>

#include <string>
#include <type_traits>

using namespace binaan;

namespace {

std::string repeat(char c, std::size_t n) { return std::string(n, c); }

// Bytes 0, 1, …, n − 1.
std::string counting(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(i);
  return s;
}

std::string hex_sha256(const std::string& m) { return to_hex(sha256(m)); }
std::string hex_hmac(const std::string& key, const std::string& m) { return to_hex(hmac_sha256(key, m)); }

}  // namespace

static_assert(std::is_same_v<Sha256Digest, std::array<std::uint8_t, 32>>, "a SHA-256 digest is 32 bytes");
static_assert(Sha256::kBlockBytes == 64, "SHA-256 works on 512-bit blocks");

// ---- FIPS 180-4 ----

TEST(Sha256, FipsOneBlockMessageAbc) {
  EXPECT_EQ(hex_sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, FipsTwoBlockMessage) {
  // 448 bits: the padding needs a second block.
  EXPECT_EQ(hex_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, Fips896BitMessage) {
  EXPECT_EQ(hex_sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqr"
                       "smnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, EmptyMessage) {
  EXPECT_EQ(hex_sha256(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, OneMillionA) {
  EXPECT_EQ(hex_sha256(repeat('a', 1'000'000)), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, LengthsAroundTheBlockAndPaddingBoundaries) {
  // 55 bytes is the longest message whose padding fits its block; 56 needs another; 64 fills a block exactly.
  // Expected values from Python's hashlib.
  const std::pair<std::size_t, const char*> cases[] = {
      {55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"},
      {56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"},
      {63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"},
      {64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"},
      {65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"},
      {119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"},
      {120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"},
      {128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"},
  };
  for (const auto& [n, expected] : cases) EXPECT_EQ(hex_sha256(counting(n)), expected) << n << " bytes";
}

TEST(Sha256, PiecesGiveTheSameDigestAsTheWhole) {
  const std::string m = repeat('a', 1'000'000);
  const Sha256Digest whole = sha256(m);
  for (std::size_t piece : {1u, 3u, 63u, 64u, 65u, 1000u, 4099u}) {
    Sha256 h;
    for (std::size_t i = 0; i < m.size(); i += piece) h.update(std::string_view(m).substr(i, piece));
    EXPECT_EQ(h.finish(), whole) << "pieces of " << piece;
  }
}

TEST(Sha256, ResetStartsAnEmptyMessage) {
  Sha256 h;
  h.update("something else");
  (void)h.finish();
  h.reset();
  EXPECT_EQ(to_hex(h.update("abc").finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// ---- RFC 4231 ----

TEST(HmacSha256, Rfc4231Case1) {
  EXPECT_EQ(hex_hmac(repeat('\x0b', 20), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacSha256, Rfc4231Case2KeyShorterThanTheOutput) {
  EXPECT_EQ(hex_hmac("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, Rfc4231Case3) {
  EXPECT_EQ(hex_hmac(repeat('\xaa', 20), repeat('\xdd', 50)),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

TEST(HmacSha256, Rfc4231Case4) {
  std::string key;
  for (int i = 1; i <= 25; ++i) key += static_cast<char>(i);
  EXPECT_EQ(hex_hmac(key, repeat('\xcd', 50)), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

TEST(HmacSha256, Rfc4231Case5TruncatedTo128Bits) {
  const Sha256Digest mac = hmac_sha256(repeat('\x0c', 20), "Test With Truncation");
  EXPECT_EQ(to_hex(mac.data(), 16), "a3b6167473100ee06e0c796c2955552b");
}

TEST(HmacSha256, Rfc4231Case6KeyLongerThanABlock) {
  EXPECT_EQ(hex_hmac(repeat('\xaa', 131), "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256, Rfc4231Case7KeyAndDataLongerThanABlock) {
  EXPECT_EQ(hex_hmac(repeat('\xaa', 131),
                     "This is a test using a larger than block-size key and a larger than block-size data. The key "
                     "needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

// ---- hex ----

TEST(Hex, LowercaseTwoCharactersAByte) {
  const std::uint8_t bytes[] = {0x00, 0x0f, 0xa0, 0xff};
  EXPECT_EQ(to_hex(bytes, 4), "000fa0ff");
  EXPECT_EQ(to_hex(bytes, 0), "");
  EXPECT_EQ(to_hex(sha256("abc")).size(), 64u);
}
