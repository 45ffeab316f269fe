#pragma once
// Facility archives, private parts: the envelope (CRC-32, header), the plain data a facility is saved as, and the
// entry points of the Boost.Serialization code (archive_boost.cpp, the only file that includes Boost archive
// headers) and of the conversions (archive_rebuild.cpp). No Boost archive header here.

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/people/case.hpp>
#include <binaan/programmes/programmes.hpp>

#include "hints.hpp"

#include <array>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace binaan::detail {

// ---- CRC-32 (ISO-HDLC: the CRC of zlib, PNG and Ethernet; reflected polynomial 0xEDB88320, initial value and final
// xor 0xFFFFFFFF). Check value: crc32("123456789") == 0xCBF43926.

/// kCrc32Tables[0] is the classic byte-at-a-time table; kCrc32Tables[k][b] is the CRC of byte b followed by k zero
/// bytes, which lets crc32 fold 16 bytes per step with 16 independent look-ups (slicing-by-16).
inline constexpr std::array<std::array<std::uint32_t, 256>, 16> make_crc32_tables() {
  std::array<std::array<std::uint32_t, 256>, 16> t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (std::size_t k = 1; k < 16; ++k)
    for (std::size_t i = 0; i < 256; ++i) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFFu];
  return t;
}
inline constexpr std::array<std::array<std::uint32_t, 256>, 16> kCrc32Tables = make_crc32_tables();

/// The reference: one byte at a time (what crc32 computes, slowly; kept for the tests).
inline std::uint32_t crc32_bytewise(std::string_view data, std::uint32_t crc = 0) noexcept {
  crc = ~crc;
  for (char ch : data) crc = kCrc32Tables[0][(crc ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

/// Continues a CRC-32: crc32(b, crc32(a)) == crc32(a + b); crc32("") == 0. By carry-less multiplication on x86
/// processors that have it (PCLMULQDQ, checked at run time), else crc32_tables.
std::uint32_t crc32(std::string_view data, std::uint32_t crc = 0) noexcept;
/// The same CRC by tables alone: slicing-by-16, in portable C++ (bytes are combined arithmetically, so the byte
/// order of the machine does not matter). What crc32 computes on other processors, and for its last bytes; here so
/// that tests reach it on a processor that has the multiplication.
std::uint32_t crc32_tables(std::string_view data, std::uint32_t crc = 0) noexcept;

// ---- The envelope (format 1). Every line ends in '\n'; numbers are decimal without sign or leading zeros:
//
//   BINAANFAC              magic
//   format 1               envelope and payload format
//   archive text           text | binary: the Boost.Serialization archive class of the payload
//   boost 18               the Boost.Serialization archive library version that wrote the payload
//   length 12345           payload bytes
//   crc32 89abcdef         CRC-32 of the header lines above (magic to the length line, line ends included)
//                          followed by the payload: 8 lowercase hex digits
//   (empty line)
//   payload                exactly `length` bytes, nothing after it

inline constexpr int kEnvelopeFormat = 1;
/// The oldest Boost.Serialization archive version a binaan wrote (Boost 1.74, the oldest binaan builds with).
/// Older versions are refused: Boost reads them through other code paths that format 1 never needed.
inline constexpr unsigned kMinBoostArchiveVersion = 18;
/// Longest header a reader looks at before deciding (it is about 80 bytes).
inline constexpr std::size_t kMaxEnvelopeHeader = 256;
/// Largest payload length the header may declare (a sanity bound; the file must also really be that long).
inline constexpr std::uint64_t kMaxPayloadBytes = std::uint64_t{1} << 40;

struct Envelope {
  int format = 0;
  ArchiveFormat kind = ArchiveFormat::Text;
  unsigned boost_version = 0;
  std::uint64_t length = 0;
  std::uint32_t crc = 0;
  std::size_t crc_line = 0;     ///< offset of the crc32 line: the checksum covers the bytes before it
  std::size_t header_size = 0;  ///< bytes before the payload
};

/// The header lines that the checksum covers (magic to the length line) of a payload of `length` bytes.
std::string envelope_lines(std::uint64_t length, ArchiveFormat kind, unsigned boost_version,
                           int format = kEnvelopeFormat);
/// The crc32 line and the empty line that end a header.
std::string envelope_crc_line(std::uint32_t crc);

/// The header for `payload`, checksum included. `format` and `boost_version` are parameters so that tests can
/// forge future versions with a valid checksum.
std::string envelope_header(std::string_view payload, ArchiveFormat kind, unsigned boost_version,
                            int format = kEnvelopeFormat);

/// Parses and checks the header at the start of `bytes` (which may be only the first bytes of a file): magic, a
/// format this code reads, the syntax of every line. Does not check the length or the checksum. Throws
/// ArchiveError naming `name`.
Envelope parse_envelope_header(std::string_view bytes, const std::string& name);

/// Checks the whole archive: header, length == bytes after the header, checksum, then the Boost version (from
/// kMinBoostArchiveVersion to this build's). Returns
/// the envelope; the payload is bytes.substr(header_size).
Envelope check_envelope(std::string_view bytes, const std::string& name);

// ---- The data a facility is saved as: plain values, in the order they are written. Classes with invariants
// (Case, ProfitSplitSchedule, SavingsLedger, Programmes) are saved through these and rebuilt through their
// constructors and operations on load; plain public structs are saved as they are.

struct PersonData {
  std::string id;
  Religion religion = Religion::Unknown;
  std::string name;
  std::optional<Sex> sex;
  std::optional<Date> birth_date;
  std::optional<bool> child;
};

struct SentenceData {
  SentenceKind kind = SentenceKind::Fixed;
  std::optional<Term> term;  ///< fixed sentences only
  Offence offence = Offence::General;
  Date verdict_final;
  std::optional<Date> verdict_date;
  std::optional<Subsidiary> fine;
  std::optional<Subsidiary> restitution;
  std::optional<Commutation> commutation;
};

struct CaseData {
  PersonData person;
  std::vector<DetentionPeriod> detention;
  SentenceData sentence;
  Facts facts;
  std::optional<Recorded> recorded;
  std::optional<Date> until;
  std::string id;
  std::string title;
  std::string source;
  std::vector<PolicyOverride> policy;
  std::string expect_json;
};

struct ProfitSplitPolicyData {
  Date effective_from;
  std::int32_t premi = 0;
  std::int32_t pnbp = 0;
  std::int32_t capital = 0;
  std::string source;
};

struct LedgerData {
  std::string inmate_id;
  std::vector<LedgerEntry> entries;
};

struct ProgrammesData {
  std::vector<ProfitSplitPolicyData> profit_split;
  EnrolmentPolicy enrolment_policy;
  SavingsPolicy savings_policy;
  std::vector<Programme> programmes;
  std::vector<Partner> partners;
  std::vector<Agreement> agreements;
  std::vector<Workshop> workshops;
  std::vector<Product> products;
  std::vector<Enrolment> enrolments;
  std::vector<WaitingEntry> waiting;
  std::vector<EnrolmentDecision> decisions;
  std::vector<Attendance> attendance;
  std::vector<EndAssessment> assessments;
  std::vector<Certificate> certificates;
  std::vector<PemukaPeriod> pemuka;
  std::vector<Batch> batches;
  std::vector<ConsignmentRecord> consignments;
  std::vector<SaleRecord> sales;
  std::vector<LedgerData> ledgers;  ///< by inmate id
};

struct FacilityData {
  std::string id;
  std::string name;
  FacilityKind kind = FacilityKind::Lapas;
  std::vector<CaseData> people;
  ProgrammesData programmes;

  // Not written as such: how the people list is written and read without a second copy of the roster.
  /// Saving: when set, the people are written from these cases (through one reused CaseData) and `people` is
  /// ignored. The same bytes as `people` holding their data.
  const std::vector<Case>* cases_to_save = nullptr;
  /// Loading: the people rebuilt through the Case constructors as they are read; `people` stays empty.
  std::vector<Case> loaded_people;
  /// Loading: the first person the Case constructors refused (a PayloadError naming `people[i]`). from_data raises
  /// it, so that an error Boost meets later in the payload still comes first, as when everything was decoded before
  /// anything was rebuilt.
  std::exception_ptr people_refusal;
};

/// Most items of any list in the programmes, and of any list inside one record.
inline constexpr std::uint64_t kMaxListItems = 10'000'000;
/// Fewest payload bytes one person takes, in either archive kind: a CaseData has 30 values (lists, options, texts,
/// numbers), each at least a digit and a separator in a text archive (more in a binary one). Bounds the room
/// reserved for the people an archive announces by what the payload left could hold.
inline constexpr std::uint64_t kMinPersonBytes = 60;
/// Longest string the reader allocates (an `expect` object of a golden case may be long; other texts are checked
/// against the 1,000-character limit when the facility is rebuilt).
inline constexpr std::uint64_t kMaxArchiveString = std::uint64_t{16} << 20;

/// A payload that cannot be decoded or rebuilt: where (a key path such as `people[2].facts.escapes[0].to`, built
/// up as the error leaves nested records) and why. archive.cpp adds the file name.
class PayloadError : public std::runtime_error {
public:
  explicit PayloadError(const std::string& why) : PayloadError(std::string(), why) {}
  PayloadError(std::string path, const std::string& why)
      : std::runtime_error(path.empty() ? why : path + ": " + why), path_(std::move(path)), why_(why) {}
  const std::string& path() const noexcept { return path_; }
  const std::string& why() const noexcept { return why_; }
  /// The same error seen from the record that holds it: `outer` (a field name or `list[i]`) goes in front.
  PayloadError within(const std::string& outer) const {
    if (outer.empty()) return *this;
    if (path_.empty()) return PayloadError(outer, why_);
    return PayloadError(outer + (path_[0] == '[' ? "" : ".") + path_, why_);
  }

private:
  std::string path_;
  std::string why_;
};

// archive_boost.cpp
/// The Boost.Serialization archive library version of this build (18 for Boost 1.74).
unsigned boost_archive_version();

/// A payload as it is written: blocks of 4 MiB that never move once written, so that writing it copies nothing
/// as it grows (a string would be copied at every doubling, and zero-filled).
class PayloadBlocks {
public:
  static constexpr std::size_t kBlockBytes = std::size_t{4} << 20;
  std::size_t size() const noexcept {
    return blocks_.empty() ? 0 : (blocks_.size() - 1) * kBlockBytes + last_used_;
  }
  /// Calls `f(std::string_view)` for each block in order, freeing each after it (the payload is then empty).
  template <class F>
  void drain(F&& f) {
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      f(std::string_view(blocks_[i].get(), i + 1 == blocks_.size() ? last_used_ : kBlockBytes));
      blocks_[i].reset();
    }
    blocks_.clear();
    last_used_ = 0;
  }

private:
  friend class BlockSink;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t last_used_ = 0;  ///< bytes written into the last block
};

PayloadBlocks encode_payload_blocks(const FacilityData& data, ArchiveFormat kind);
/// The same payload in one string.
std::string encode_payload(const FacilityData& data, ArchiveFormat kind);
/// Throws PayloadError, boost::archive::archive_exception, std::bad_alloc, … — the caller turns them into one
/// ArchiveError.
FacilityData decode_payload(std::string_view payload, ArchiveFormat kind, unsigned boost_version);
/// A byte string equal for equal programmes data and different otherwise (their binary encoding).
std::string programmes_fingerprint(const ProgrammesData& data);

// archive_rebuild.cpp
/// Throws ArchiveError(name) for what cannot be saved (a special date, a text too long to read back).
FacilityData to_data(const Facility& facility, const std::string& name);
/// As to_data, but the people are not copied: `cases_to_save` points at the facility's, which must outlive the
/// result. Checks every person's texts first, as to_data does.
FacilityData to_data_referencing(const Facility& facility, const std::string& name);
/// The saved data of one case, written into `out` (whose strings and lists keep their capacity).
void case_data(const Case& c, CaseData& out);
/// Appends the case rebuilt through the constructors to `out`, moving the texts and lists out of `d` (taken by
/// reference: moving a CaseData, 504 bytes, whole into a parameter cost every person a copy of them);
/// throws PayloadError (a key path inside the case) or ValueError, and then `out` is as it was.
void make_case_into(CaseData&& d, std::vector<Case>& out);
/// Rebuilds the facility through its constructors and the Programmes operations, checking every invariant;
/// throws PayloadError or ValueError.
Facility from_data(FacilityData data);

}  // namespace binaan::detail
