// SHA-256 per FIPS 180-4 (section numbers below), HMAC per RFC 2104.
#include <binaan/privacy/sha256.hpp>

#include <algorithm>

namespace binaan {

namespace {

// §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u};

// §5.3.3: the first 32 bits of the fractional parts of the square roots of the first 8 primes.
constexpr std::array<std::uint32_t, 8> kInitial = {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
                                                   0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u};

constexpr std::uint32_t rotr(std::uint32_t x, unsigned n) noexcept { return (x >> n) | (x << (32u - n)); }

// §4.1.2
constexpr std::uint32_t ch(std::uint32_t x, std::uint32_t y, std::uint32_t z) noexcept { return (x & y) ^ (~x & z); }
constexpr std::uint32_t maj(std::uint32_t x, std::uint32_t y, std::uint32_t z) noexcept {
  return (x & y) ^ (x & z) ^ (y & z);
}
constexpr std::uint32_t big_sigma0(std::uint32_t x) noexcept { return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22); }
constexpr std::uint32_t big_sigma1(std::uint32_t x) noexcept { return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25); }
constexpr std::uint32_t small_sigma0(std::uint32_t x) noexcept { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
constexpr std::uint32_t small_sigma1(std::uint32_t x) noexcept { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }

std::uint8_t byte_of(char c) noexcept { return static_cast<std::uint8_t>(c); }

}  // namespace

Sha256::Sha256() noexcept { reset(); }

void Sha256::reset() noexcept {
  h_ = kInitial;
  buffer_.fill(0);
  buffered_ = 0;
  length_ = 0;
}

// §6.2.2: one 512-bit block, big-endian words.
void Sha256::compress(const std::uint8_t* block) noexcept {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t t = 0; t < 16; ++t)
    w[t] = static_cast<std::uint32_t>(block[4 * t]) << 24 | static_cast<std::uint32_t>(block[4 * t + 1]) << 16 |
           static_cast<std::uint32_t>(block[4 * t + 2]) << 8 | static_cast<std::uint32_t>(block[4 * t + 3]);
  for (std::size_t t = 16; t < 64; ++t)
    w[t] = small_sigma1(w[t - 2]) + w[t - 7] + small_sigma0(w[t - 15]) + w[t - 16];
  std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
  for (std::size_t t = 0; t < 64; ++t) {
    const std::uint32_t t1 = h + big_sigma1(e) + ch(e, f, g) + kRound[t] + w[t];
    const std::uint32_t t2 = big_sigma0(a) + maj(a, b, c);
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h_[0] += a;
  h_[1] += b;
  h_[2] += c;
  h_[3] += d;
  h_[4] += e;
  h_[5] += f;
  h_[6] += g;
  h_[7] += h;
}

Sha256& Sha256::update(std::string_view bytes) noexcept {
  length_ += bytes.size();
  std::size_t i = 0;
  if (buffered_ > 0) {
    const std::size_t take = std::min(kBlockBytes - buffered_, bytes.size());
    for (std::size_t k = 0; k < take; ++k) buffer_[buffered_ + k] = byte_of(bytes[k]);
    buffered_ += take;
    i = take;
    if (buffered_ < kBlockBytes) return *this;
    compress(buffer_.data());
    buffered_ = 0;
  }
  std::array<std::uint8_t, kBlockBytes> block{};
  for (; i + kBlockBytes <= bytes.size(); i += kBlockBytes) {
    for (std::size_t k = 0; k < kBlockBytes; ++k) block[k] = byte_of(bytes[i + k]);
    compress(block.data());
  }
  for (; i < bytes.size(); ++i) buffer_[buffered_++] = byte_of(bytes[i]);
  return *this;
}

// §5.1.1: a 1 bit, zeros to 448 mod 512 bits, the message length in bits as a 64-bit big-endian number.
Sha256Digest Sha256::finish() noexcept {
  const std::uint64_t bits = length_ * 8u;
  buffer_[buffered_++] = 0x80u;
  if (buffered_ > kBlockBytes - 8) {
    std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(buffered_), buffer_.end(), std::uint8_t{0});
    compress(buffer_.data());
    buffered_ = 0;
  }
  std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(buffered_), buffer_.end() - 8, std::uint8_t{0});
  for (std::size_t k = 0; k < 8; ++k) buffer_[kBlockBytes - 1 - k] = static_cast<std::uint8_t>(bits >> (8u * k));
  compress(buffer_.data());
  Sha256Digest out{};
  for (std::size_t i = 0; i < 8; ++i)
    for (std::size_t k = 0; k < 4; ++k) out[4 * i + k] = static_cast<std::uint8_t>(h_[i] >> (24u - 8u * k));
  buffer_.fill(0);  // it held message bytes (for HMAC, the padded key): do not keep them around
  buffered_ = 0;
  return out;
}

Sha256Digest sha256(std::string_view bytes) noexcept { return Sha256().update(bytes).finish(); }

Sha256Digest hmac_sha256(std::string_view key, std::string_view message) noexcept {
  // RFC 2104 §2: K is hashed when longer than B, then padded with zeros to B bytes.
  std::array<std::uint8_t, Sha256::kBlockBytes> k{};
  if (key.size() > Sha256::kBlockBytes) {
    const Sha256Digest d = sha256(key);
    std::copy(d.begin(), d.end(), k.begin());
  } else {
    for (std::size_t i = 0; i < key.size(); ++i) k[i] = byte_of(key[i]);
  }
  std::array<char, Sha256::kBlockBytes> pad{};
  for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<char>(k[i] ^ 0x36u);
  Sha256 inner;
  inner.update(std::string_view(pad.data(), pad.size())).update(message);
  const Sha256Digest inner_digest = inner.finish();
  for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<char>(k[i] ^ 0x5cu);
  Sha256 outer;
  outer.update(std::string_view(pad.data(), pad.size()));
  outer.update(std::string_view(reinterpret_cast<const char*>(inner_digest.data()), inner_digest.size()));
  k.fill(0);  // best effort: the padded key does not outlive the call
  pad.fill(0);
  return outer.finish();
}

std::string to_hex(const std::uint8_t* bytes, std::size_t count) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * count);
  for (std::size_t i = 0; i < count; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0x0fu];
  }
  return out;
}

std::string to_hex(const Sha256Digest& digest) { return to_hex(digest.data(), digest.size()); }

}  // namespace binaan
