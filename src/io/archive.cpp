// Facility archives: the envelope, the load boundary (every failure becomes one ArchiveError) and the atomic save.

#include <binaan/io/archive.hpp>

#include "io/detail_archive.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <limits>
#include <new>
#include <stdexcept>
#include <system_error>
#include <utility>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

// CRC-32 by carry-less multiplication on x86 processors that have it (checked at run time), tables elsewhere.
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define BINAAN_CRC32_CLMUL 1
#include <immintrin.h>
#endif

namespace binaan {

ArchiveError::ArchiveError(std::string file, std::string why)
    : Error((file.empty() ? std::string("<archive>") : file) + ": " + why), file_(std::move(file)),
      why_(std::move(why)) {}

std::string_view to_string(ArchiveFormat format) { return format == ArchiveFormat::Text ? "text" : "binary"; }

bool is_facility_archive(std::string_view bytes) noexcept {
  return bytes.substr(0, kFacilityArchiveMagic.size()) == kFacilityArchiveMagic;
}

bool is_facility_archive_file(const std::string& path) noexcept {
  try {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    char buf[16] = {};
    in.read(buf, static_cast<std::streamsize>(kFacilityArchiveMagic.size()));
    return is_facility_archive(std::string_view(buf, static_cast<std::size_t>(in.gcount())));
  } catch (...) {
    return false;
  }
}

namespace detail {

namespace {

/// One 16-byte step of slicing-by-16 on a CRC register (pre-inverted).
inline std::uint32_t crc32_step16(std::uint32_t crc, const unsigned char* p) noexcept {
  const auto& t = kCrc32Tables;
  // The CRC so far is xored into the first four bytes; each of the 16 bytes is then looked up in the table for its
  // distance from the end of the block.
  const std::uint32_t a =
      crc ^ (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24);
  return t[15][a & 0xFFu] ^ t[14][(a >> 8) & 0xFFu] ^ t[13][(a >> 16) & 0xFFu] ^ t[12][a >> 24] ^ t[11][p[4]] ^
         t[10][p[5]] ^ t[9][p[6]] ^ t[8][p[7]] ^ t[7][p[8]] ^ t[6][p[9]] ^ t[5][p[10]] ^ t[4][p[11]] ^ t[3][p[12]] ^
         t[2][p[13]] ^ t[1][p[14]] ^ t[0][p[15]];
}

/// a(x) * b(x) modulo the CRC polynomial, in the reflected bit order of the CRC (zlib's multmodp).
std::uint32_t crc32_multiply(std::uint32_t a, std::uint32_t b) noexcept {
  std::uint32_t product = 0;
  for (std::uint32_t m = 1u << 31; m != 0; m >>= 1) {
    if (a & m) product ^= b;
    b = (b & 1u) ? (b >> 1) ^ 0xEDB88320u : b >> 1;
  }
  return product;
}

/// The CRC of A followed by B from crc32(A) and crc32(B) (zlib's crc32_combine): crc32(A) is shifted over the
/// 8 * len_b bits of B (a multiplication by x^(8 len_b), by squaring), then B's own CRC added.
std::uint32_t crc32_combine(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t len_b) noexcept {
  std::uint32_t shift = 1u << 31;  // x^0
  std::uint32_t power = 1u << 23;  // x^8: one byte (bit 31 - k stands for x^k)
  for (; len_b != 0; len_b >>= 1, power = crc32_multiply(power, power))
    if (len_b & 1u) shift = crc32_multiply(power, shift);
  return crc32_multiply(shift, crc_a) ^ crc_b;
}

#if BINAAN_CRC32_CLMUL

/// Fewest bytes for the folding below: it starts from four 16-byte blocks.
constexpr std::size_t kClmulMinBytes = 64;

/// The CRC register (pre-inverted) after `len` bytes, `len` >= 64 and a multiple of 16, folded 64 bytes a step by
/// carry-less multiplication: Intel's "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ Instruction"
/// (Gopal et al., 2009), with the constants of this polynomial that zlib's and Chromium's crc32_simd use. Four
/// 128-bit lanes are each multiplied forward over 512 bits and the next 64 bytes xored in; the lanes are folded into
/// one, then the 128 bits into 64, then reduced to 32 by Barrett's method. About a tenth of an instruction a byte,
/// against two and a half for the tables (a binary archive is 207 bytes a person).
/// One fold: `x` multiplied forward by the two halves of `k`, and `next` xored in.
__attribute__((target("pclmul"))) inline __m128i fold(__m128i x, __m128i k, __m128i next) noexcept {
  return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x11), _mm_clmulepi64_si128(x, k, 0x00)), next);
}

__attribute__((target("pclmul"))) std::uint32_t crc32_clmul(const unsigned char* p, std::size_t len,
                                                            std::uint32_t crc) noexcept {
  auto load = [](const unsigned char* q) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q)); };
  // x^(k) mod P, bit-reflected and shifted as the paper sets out: k1, k2 fold over 512 bits, k3, k4 over 128,
  // k5 64 to 32; then the polynomial P and Barrett's mu.
  const __m128i k1k2 = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
  const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
  const __m128i k5k0 = _mm_set_epi64x(0, 0x0163cd6124);
  const __m128i poly = _mm_set_epi64x(0x01f7011641, 0x01db710641);
  const __m128i low32 = _mm_setr_epi32(-1, 0, -1, 0);

  __m128i x1 = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(crc)));
  __m128i x2 = load(p + 16);
  __m128i x3 = load(p + 32);
  __m128i x4 = load(p + 48);
  p += 64;
  len -= 64;
  for (; len >= 64; p += 64, len -= 64) {
    x1 = fold(x1, k1k2, load(p));
    x2 = fold(x2, k1k2, load(p + 16));
    x3 = fold(x3, k1k2, load(p + 32));
    x4 = fold(x4, k1k2, load(p + 48));
  }
  x1 = fold(x1, k3k4, x2);
  x1 = fold(x1, k3k4, x3);
  x1 = fold(x1, k3k4, x4);
  for (; len >= 16; p += 16, len -= 16) x1 = fold(x1, k3k4, load(p));

  // 128 bits to 64, then to 32 (still multiplied by x^32), then Barrett's reduction.
  x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), _mm_clmulepi64_si128(x1, k3k4, 0x10));
  x1 = _mm_xor_si128(_mm_srli_si128(x1, 4), _mm_clmulepi64_si128(_mm_and_si128(x1, low32), k5k0, 0x00));
  __m128i x = _mm_clmulepi64_si128(_mm_and_si128(x1, low32), poly, 0x10);
  x = _mm_clmulepi64_si128(_mm_and_si128(x, low32), poly, 0x00);
  x1 = _mm_xor_si128(x1, x);
  return static_cast<std::uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(x1, 4)));
}

bool has_clmul() noexcept {
  __builtin_cpu_init();  // idempotent; needed when called before the constructors that set the CPU model run
  return __builtin_cpu_supports("pclmul") != 0;
}

#endif

}  // namespace

std::uint32_t crc32(std::string_view data, std::uint32_t crc) noexcept {
#if BINAAN_CRC32_CLMUL
  if (data.size() >= kClmulMinBytes && has_clmul()) {
    const std::size_t whole = data.size() & ~std::size_t{15};
    crc = ~crc32_clmul(reinterpret_cast<const unsigned char*>(data.data()), whole, ~crc);
    data.remove_prefix(whole);  // fewer than 16 bytes left, for the tables
  }
#endif
  return crc32_tables(data, crc);
}

std::uint32_t crc32_tables(std::string_view data, std::uint32_t crc) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t n = data.size();
  if (n >= (std::size_t{1} << 16)) {
    // Two halves at once: two independent chains of look-ups keep the core busy while each waits on its loads;
    // the second half's CRC is then combined in.
    const std::size_t half = (n / 2) & ~std::size_t{15};
    std::uint32_t a = ~crc;
    std::uint32_t b = ~std::uint32_t{0};
    for (std::size_t i = 0; i < half; i += 16) {
      a = crc32_step16(a, p + i);
      b = crc32_step16(b, p + half + i);
    }
    crc = crc32_combine(~a, ~b, half);
    p += 2 * half;
    n -= 2 * half;
  }
  const auto& t = kCrc32Tables;
  crc = ~crc;
  for (; n >= 16; n -= 16, p += 16) crc = crc32_step16(crc, p);
  for (; n > 0; --n, ++p) crc = t[0][(crc ^ *p) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

namespace {

constexpr std::string_view kHex = "0123456789abcdef";

std::string hex8(std::uint32_t v) {
  std::string s(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kHex[v & 0xFu];
  return s;
}

/// Reads the header line by line, strictly.
class HeaderReader {
public:
  HeaderReader(std::string_view bytes, const std::string& name) : bytes_(bytes), name_(name) {}

  std::size_t pos() const { return pos_; }
  void skip(std::size_t n) { pos_ += n; }

  /// The value of the next line, which must be `key value\n`.
  std::string_view field(std::string_view key) {
    const std::string_view line = next_line(key);
    if (line.size() <= key.size() + 1 || line.substr(0, key.size()) != key || line[key.size()] != ' ')
      fail("the header line \"" + printable(line) + "\" is not \"" + std::string(key) + " …\"");
    return line.substr(key.size() + 1);
  }

  void empty_line() {
    const std::string_view line = next_line("the empty line");
    if (!line.empty()) fail("the header line \"" + printable(line) + "\" where an empty line ends the header");
  }

  /// A decimal number without sign or leading zeros.
  std::uint64_t number(std::string_view key, std::string_view text, std::uint64_t max) {
    const bool digits = !text.empty() && text.size() <= 15 &&
                        text.find_first_not_of("0123456789") == std::string_view::npos &&
                        (text.size() == 1 || text[0] != '0');
    std::uint64_t v = 0;
    if (digits)
      for (char c : text) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    if (!digits || v > max)
      fail("the header's " + std::string(key) + " \"" + printable(text) + "\" is not a number from 0 to " +
           std::to_string(max));
    return v;
  }

  [[noreturn]] void fail(const std::string& why) const { throw ArchiveError(name_, why); }

private:
  std::string_view next_line(std::string_view what) {
    const std::size_t end = bytes_.find('\n', pos_);
    if (end == std::string_view::npos || end >= kMaxEnvelopeHeader) {
      if (bytes_.size() < kMaxEnvelopeHeader && end == std::string_view::npos)
        fail("the file ends inside its header (before " + std::string(what) + ")");
      fail("the header has no line end where " + std::string(what) + " should be");
    }
    const std::string_view line = bytes_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return line;
  }

  static std::string printable(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    return out;
  }

  std::string_view bytes_;
  const std::string& name_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string envelope_lines(std::uint64_t length, ArchiveFormat kind, unsigned boost_version, int format) {
  std::string h(kFacilityArchiveMagic);
  h += "format " + std::to_string(format) + "\n";
  h += "archive " + std::string(to_string(kind)) + "\n";
  h += "boost " + std::to_string(boost_version) + "\n";
  h += "length " + std::to_string(length) + "\n";
  return h;
}

std::string envelope_crc_line(std::uint32_t crc) { return "crc32 " + hex8(crc) + "\n\n"; }

std::string envelope_header(std::string_view payload, ArchiveFormat kind, unsigned boost_version, int format) {
  const std::string h = envelope_lines(payload.size(), kind, boost_version, format);
  return h + envelope_crc_line(crc32(payload, crc32(h)));
}

Envelope parse_envelope_header(std::string_view bytes, const std::string& name) {
  HeaderReader r(bytes, name);
  if (bytes.empty()) r.fail("the file is empty, not a facility archive");
  if (!is_facility_archive(bytes)) {
    if (bytes.size() < kFacilityArchiveMagic.size() && kFacilityArchiveMagic.substr(0, bytes.size()) == bytes)
      r.fail("the file ends inside its magic (" + std::to_string(bytes.size()) + " bytes)");
    r.fail("not a facility archive: it does not start with BINAANFAC");
  }
  r.skip(kFacilityArchiveMagic.size());

  Envelope e;
  const std::uint64_t format = r.number("format", r.field("format"), 999'999);
  if (format != static_cast<std::uint64_t>(kEnvelopeFormat)) {
    if (format > static_cast<std::uint64_t>(kEnvelopeFormat))
      r.fail("archive format " + std::to_string(format) + " is newer than this binaan reads (format " +
             std::to_string(kEnvelopeFormat) + "): it was written by a newer binaan");
    r.fail("archive format " + std::to_string(format) + " is not a format binaan writes");
  }
  e.format = kEnvelopeFormat;
  const std::string_view kind = r.field("archive");
  if (kind == "text")
    e.kind = ArchiveFormat::Text;
  else if (kind == "binary")
    e.kind = ArchiveFormat::Binary;
  else
    r.fail("the header's archive kind \"" + std::string(kind.substr(0, 40)) + "\" is neither text nor binary");
  e.boost_version = static_cast<unsigned>(r.number("boost", r.field("boost"), 999'999));
  e.length = r.number("length", r.field("length"), kMaxPayloadBytes);
  e.crc_line = r.pos();
  const std::string_view crc = r.field("crc32");
  if (crc.size() != 8 || crc.find_first_not_of(kHex) != std::string_view::npos)
    r.fail("the header's crc32 is not 8 lowercase hexadecimal digits");
  for (char c : crc) e.crc = (e.crc << 4) | static_cast<std::uint32_t>(kHex.find(c));
  r.empty_line();
  e.header_size = r.pos();
  return e;
}

Envelope check_envelope(std::string_view bytes, const std::string& name) {
  const Envelope e = parse_envelope_header(bytes, name);
  const std::uint64_t actual = bytes.size() - e.header_size;
  if (actual < e.length)
    throw ArchiveError(name, "truncated: the header announces " + std::to_string(e.length) +
                                 " payload bytes, the file holds " + std::to_string(actual));
  if (actual > e.length)
    throw ArchiveError(name, std::to_string(actual - e.length) + " bytes after the " + std::to_string(e.length) +
                                 " payload bytes the header announces");
  const std::uint32_t crc = crc32(bytes.substr(e.header_size), crc32(bytes.substr(0, e.crc_line)));
  if (crc != e.crc)
    throw ArchiveError(name, "damaged: its CRC-32 is " + hex8(crc) + ", the header says " + hex8(e.crc));
  if (e.boost_version > boost_archive_version())
    throw ArchiveError(name, "written by a newer Boost.Serialization (archive version " +
                                 std::to_string(e.boost_version) + "; this build reads up to " +
                                 std::to_string(boost_archive_version()) +
                                 "): read it with the binaan that wrote it");
  if (e.boost_version < kMinBoostArchiveVersion)
    throw ArchiveError(name, "written by Boost.Serialization archive version " + std::to_string(e.boost_version) +
                                 ", older than any binaan used (" + std::to_string(kMinBoostArchiveVersion) + ")");
  return e;
}

namespace {

std::string archive_bytes(const Facility& facility, ArchiveFormat format, const std::string& name) {
  try {
    const FacilityData data = to_data_referencing(facility, name);
    PayloadBlocks payload = encode_payload_blocks(data, format);
    // One copy of the payload, block by block behind the header, each block checksummed while it is in the cache
    // and freed after it; the checksum's digits are filled in last.
    const std::string lines = envelope_lines(payload.size(), format, boost_archive_version());
    const std::string crc_line = envelope_crc_line(0);
    std::string out;
    out.reserve(lines.size() + crc_line.size() + payload.size());
    advise_huge_pages(&out[0], out.capacity());
    out += lines;
    out += crc_line;
    std::uint32_t crc = crc32(lines);
    payload.drain([&](std::string_view block) {
      out += block;
      crc = crc32(block, crc);
    });
    out.replace(lines.size(), crc_line.size(), envelope_crc_line(crc));  // same length: nothing moves
    return out;
  } catch (const ArchiveError&) {
    throw;
  } catch (const PayloadError& e) {
    throw ArchiveError(name, std::string("cannot be saved: ") + e.what());
  } catch (const std::bad_alloc&) {
    throw ArchiveError(name, "cannot be saved: out of memory");
  } catch (const std::exception& e) {
    throw ArchiveError(name, std::string("cannot be saved: ") + e.what());
  }
}

Facility facility_from_checked(std::string_view bytes, const Envelope& e, const std::string& name) {
  // The one load boundary: whatever goes wrong below becomes an ArchiveError naming the file.
  try {
    return from_data(decode_payload(bytes.substr(e.header_size), e.kind, e.boost_version));
  } catch (const ArchiveError&) {
    throw;
  } catch (const PayloadError& x) {
    throw ArchiveError(name, std::string("invalid contents: ") + x.what());
  } catch (const Error& x) {
    throw ArchiveError(name, std::string("invalid contents: ") + x.what());
  } catch (const std::bad_alloc&) {
    throw ArchiveError(name, "invalid contents: out of memory while reading it");
  } catch (const std::length_error& x) {
    throw ArchiveError(name, std::string("invalid contents: a length out of range (") + x.what() + ")");
  } catch (const std::exception& x) {
    throw ArchiveError(name, std::string("invalid contents: ") + x.what());
  }
}

[[noreturn]] void system_error(const std::string& path, const std::string& what, int err) {
  // The system's text of errno without std::strerror, which POSIX lets share one buffer between threads.
  throw ArchiveError(path, what + ": " + std::generic_category().message(err));
}

#ifndef _WIN32

/// write(2) all of `data`, retrying after signals and short writes.
bool write_all(int fd, std::string_view data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const std::size_t chunk = std::min<std::size_t>(data.size() - done, std::size_t{1} << 20);
    const ssize_t n = ::write(fd, data.data() + done, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void write_atomically(const std::string& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  if (!target.has_filename()) throw ArchiveError(path, "cannot be saved: not a file name");
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");

  // A fresh name in the same directory (rename is atomic only within one file system).
  int fd = -1;
  fs::path tmp;
  for (int attempt = 0; fd < 0; ++attempt) {
    tmp = dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                 std::to_string(attempt));
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt >= 1000))
      system_error(path, "cannot be saved: cannot create the temporary file " + tmp.string(), errno);
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) (void)::fchmod(fd, st.st_mode & 07777);  // keep the old file's permissions

  auto fail = [&](const std::string& what) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    system_error(path, "cannot be saved (" + what + "; the previous file is untouched)", err);
  };
  if (!write_all(fd, bytes)) fail("writing " + tmp.string());
  if (::fsync(fd) != 0) fail("syncing " + tmp.string());
  const int closing = fd;
  fd = -1;
  if (::close(closing) != 0) fail("closing " + tmp.string());
  if (::rename(tmp.c_str(), path.c_str()) != 0) fail("renaming " + tmp.string() + " over it");

  // Make the rename itself durable. Some file systems cannot sync a directory (EINVAL): nothing more to do there.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    const bool synced = ::fsync(dfd) == 0 || errno == EINVAL;
    const int err = errno;
    ::close(dfd);
    if (!synced) system_error(path, "saved, but its directory could not be synced", err);
  }
}

#else

void write_atomically(const std::string& path, std::string_view bytes) {
  // Windows: no fsync of a directory; std::filesystem::rename replaces the target (MoveFileExW).
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw ArchiveError(path, "cannot be saved (writing " + tmp.string() + "; the previous file is untouched)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw ArchiveError(path, "cannot be saved (renaming the temporary file: " + ec.message() + ")");
  }
}

#endif

std::string read_archive_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) throw ArchiveError(path, "no such file");
  if (fs::is_directory(st)) throw ArchiveError(path, "a directory, not a facility archive");
  if (!fs::is_regular_file(st)) throw ArchiveError(path, "not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) system_error(path, "cannot be opened", errno);

  // The header first: a file that is not an archive, or of a newer format, is refused before it is read whole.
  std::string bytes(kMaxEnvelopeHeader, '\0');
  in.read(&bytes[0], static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) system_error(path, "cannot be read", errno);
  const Envelope e = parse_envelope_header(bytes, path);
  // The size of the file opened, not of whatever the path names now: a save elsewhere may have renamed a new
  // archive over it meanwhile (the opened one stays whole and is read).
  in.clear();
  in.seekg(0, std::ios::end);
  const std::streamoff end = in.tellg();
  if (end < 0) system_error(path, "cannot be read", errno);
  const auto size = static_cast<std::uint64_t>(end);
  in.seekg(static_cast<std::streamoff>(bytes.size()));
  if (!in) system_error(path, "cannot be read", errno);
  if (size != e.header_size + e.length)
    throw ArchiveError(path, size < e.header_size + e.length
                                 ? "truncated: the header announces " + std::to_string(e.length) +
                                       " payload bytes, the file holds " + std::to_string(size - e.header_size)
                                 : std::to_string(size - e.header_size - e.length) + " bytes after the " +
                                       std::to_string(e.length) + " payload bytes the header announces");
  if (size > std::numeric_limits<std::size_t>::max() / 2) throw ArchiveError(path, "too large to be read");
  const std::size_t have = bytes.size();
  try {
    bytes.reserve(static_cast<std::size_t>(size));
    advise_huge_pages(&bytes[0], bytes.capacity());
    bytes.resize(static_cast<std::size_t>(size));
  } catch (const std::exception&) {
    throw ArchiveError(path, "too large to be read into memory (" + std::to_string(size) + " bytes)");
  }
  in.read(&bytes[have], static_cast<std::streamsize>(size - have));
  if (static_cast<std::uint64_t>(in.gcount()) != size - have)
    throw ArchiveError(path, "cannot be read: it changed or ended while being read");
  return bytes;
}

}  // namespace

}  // namespace detail

ArchiveInfo read_archive_info(std::string_view bytes, const std::string& name_for_errors) {
  const detail::Envelope e = detail::check_envelope(bytes, name_for_errors);
  return ArchiveInfo{e.format, e.kind, e.boost_version, e.length, e.crc};
}

std::string facility_to_bytes(const Facility& facility, ArchiveFormat format) {
  return detail::archive_bytes(facility, format, "<memory>");
}

Facility facility_from_bytes(std::string_view bytes, const std::string& name_for_errors) {
  const detail::Envelope e = detail::check_envelope(bytes, name_for_errors);
  return detail::facility_from_checked(bytes, e, name_for_errors);
}

void save_facility(const Facility& facility, const std::string& path, ArchiveFormat format) {
  const std::string bytes = detail::archive_bytes(facility, format, path);  // all of it before touching the disk
  detail::write_atomically(path, bytes);
}

Facility load_facility(const std::string& path) {
  const std::string bytes = detail::read_archive_file(path);
  return facility_from_bytes(bytes, path);
}

}  // namespace binaan
