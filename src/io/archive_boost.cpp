// The only file that includes Boost.Serialization archive headers (conventions.md: none in public headers).
//
// What is written: the plain data of detail_archive.hpp. Every struct is a Boost class with a class version
// (BOOST_CLASS_VERSION, checked on load: Boost accepts a newer one silently) and no object tracking (nothing is
// saved through pointers). Values are written as numbers through binaan's own functions: dates as day numbers from
// 1970-01-01 (days_between / add_days, never Boost's date serialization), enumerations and flags as 16-bit numbers
// checked against their range, terms as three numbers rebuilt through Term's constructor, money as 64-bit rupiah.
// Lists are written as a 64-bit count and their items, never through Boost's collection code, because the reader
// checks the count against a bound and against the bytes left before it allocates anything.
//
// Strings are read by input archives derived from Boost's text and binary ones (the documented way to extend an
// archive) whose only change is a bounded string read: Boost's own reads a length from the file and allocates it
// before reading a byte of text. The derived binary archive also reads a bool without Boost's assertion. Every text
// field goes through one function, io(std::string), which refuses text that is not well-formed UTF-8.

#include "io/detail_archive.hpp"
#include "io/detail_json.hpp"

#include "hints.hpp"

#include <binaan/error.hpp>
#include <binaan/time/date.hpp>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/basic_archive.hpp>
#include <boost/archive/binary_iarchive_impl.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/binary_oarchive_impl.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

// Definitions of the Boost archive templates, for the explicit instantiations of the derived archives below.
#include <boost/archive/impl/archive_serializer_map.ipp>
#include <boost/archive/impl/basic_binary_iarchive.ipp>
#include <boost/archive/impl/basic_binary_iprimitive.ipp>
#include <boost/archive/impl/basic_text_iarchive.ipp>
#include <boost/archive/impl/text_iarchive_impl.ipp>
#include <boost/archive/impl/basic_binary_oarchive.ipp>
#include <boost/archive/impl/basic_binary_oprimitive.ipp>
#include <boost/archive/impl/basic_text_oarchive.ipp>
#include <boost/archive/impl/text_oarchive_impl.ipp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <istream>
#include <limits>
#include <locale>
#include <new>
#include <sstream>
#include <streambuf>
#include <type_traits>
#include <utility>
#include <variant>

// The refusals below are built in cold functions of their own (BINAAN_COLD): left in the readers, their message
// building (strings, to_string) made GCC keep every reader out of line, with a frame, for a branch never taken on
// an honest archive (a person reads some 50 small numbers and 30 class objects).
// The readers of the small values (every flag, option, enumeration and date: some 70 a person) and of a list's count
// are inlined where they are read (BINAAN_ALWAYS_INLINE): GCC kept them out of line, and the call cost more than
// the read.

namespace binaan::detail {

// ---- input over the payload in memory ----

/// A read-only stream buffer over memory; it knows how many bytes are left.
class MemoryBuf : public std::streambuf {
public:
  MemoryBuf(const char* data, std::size_t size) {
    char* p = const_cast<char*>(data);  // never written through: this buffer has no put area
    setg(p, p, p + size);
  }
  std::uint64_t remaining() const { return static_cast<std::uint64_t>(egptr() - gptr()); }

  /// Copies the next `n` bytes to `out`: what sgetn does, without its virtual call. Short of bytes, it consumes
  /// what is left and throws Boost's input_stream_error, as Boost's load_binary does after a short sgetn.
  void take(void* out, std::size_t n) {
    if (remaining() < n) ran_out();
    if (n > 0) std::memcpy(out, gptr(), n);
    setg(eback(), gptr() + n, egptr());
  }
  /// take() of a number: a constant size, at most 8 bytes.
  template <class T>
  void take_number(T& t) {
    static_assert(std::is_arithmetic<T>::value && sizeof(T) <= 8, "a number");
    if (remaining() < sizeof t) ran_out();
    std::memcpy(&t, gptr(), sizeof t);
    gbump(static_cast<int>(sizeof t));
  }
  /// `s` = the next `n` <= remaining() bytes, copied straight from the payload (no zero-filling first).
  void take_text(std::string& s, std::size_t n) {
    if (n == 0)
      s.clear();  // most optional texts: no call into the library
    else
      s.assign(gptr(), n);
    setg(eback(), gptr() + n, egptr());
  }
  /// Skips `n` <= remaining() bytes.
  void skip(std::size_t n) { setg(eback(), gptr() + n, egptr()); }

  /// Reads what `std::istream >> t` reads (classic locale, skipws, dec) when that is plain: white space, a minus
  /// for a signed type, at most digits10 digits (so no overflow), then a character that is not a digit. Returns
  /// false, having consumed nothing, for anything else.
  template <class T>
  bool read_plain_integer(T& t) {
    constexpr std::ptrdiff_t kMaxDigits = std::numeric_limits<T>::digits10;
    const char* p = gptr();
    const char* const end = egptr();
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\v' || *p == '\f')) ++p;
    bool negative = false;
    if constexpr (std::is_signed<T>::value) {
      if (p < end && *p == '-') {
        negative = true;
        ++p;
      }
    }
    const char* const digits = p;
    std::uint64_t v = 0;
    while (p < end && p - digits < kMaxDigits && *p >= '0' && *p <= '9')
      v = v * 10 + static_cast<std::uint64_t>(*p++ - '0');
    if (p == digits || p == end || (*p >= '0' && *p <= '9')) return false;
    if constexpr (std::is_signed<T>::value)
      t = static_cast<T>(negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v));
    else
      t = static_cast<T>(v);
    setg(eback(), const_cast<char*>(p), egptr());
    return true;
  }

private:
  [[noreturn]] BINAAN_COLD void ran_out() {
    setg(eback(), egptr(), egptr());
    throw boost::archive::archive_exception(boost::archive::archive_exception::input_stream_error);
  }
};

namespace {

/// The longest string the reader allocates with `remaining` bytes left.
std::uint64_t string_cap(std::uint64_t remaining) { return std::min(remaining, kMaxArchiveString); }

[[noreturn]] BINAAN_COLD void too_long(std::uint64_t size, std::uint64_t remaining) {
  throw PayloadError("a text of " + std::to_string(size) + " bytes, with " + std::to_string(remaining) +
                     " bytes left (at most 16 MiB)");
}

}  // namespace

// ---- the classes Boost has introduced: read their further objects without Boost's per-object lookups ----

template <class... Ts>
struct TypeList {};
/// Every persisted type (the BINAAN_PERSISTED list below): each has a slot in ClassVersions.
using PersistedTypes = TypeList<FacilityData, CaseData, PersonData, SentenceData,
    ProgrammesData, ProfitSplitPolicyData, LedgerData, DetentionPeriod, Subsidiary,
    Commutation, Facts, DisciplineEntry, Escape, DaySpan, Service, Assessment, Recorded, RecordedGrant,
    PolicyOverride, EnrolmentPolicy, SavingsPolicy, Programme, Partner, Agreement, Workshop, Session, Product,
    Enrolment, WaitingEntry, EnrolmentDecision, Decline, Attendance, EndAssessment, Certificate, PemukaPeriod,
    Batch, Contribution, Consignment, StockLine, ConsignmentRecord, Sale, SaleLine, SaleRecord, ProfitShares, Part,
    LedgerEntry>;

template <class T, class... Ts>
constexpr int slot_in(TypeList<Ts...>) {
  int i = 0;
  int found = -1;
  ((found = (found < 0 && std::is_same<T, Ts>::value) ? i : found, ++i), ...);
  return found;
}
template <class... Ts>
constexpr std::size_t size_of(TypeList<Ts...>) {
  return sizeof...(Ts);
}
/// The slot of a persisted type; -1 for any other.
template <class T>
constexpr int kClassSlot = slot_in<T>(PersistedTypes{});

class SafeTextIArchive;
class SafeBinaryIArchive;
class SafeTextOArchive;
class SafeBinaryOArchive;
/// The archives with a ClassVersions (classes()); programmes_fingerprint's plain binary_oarchive has none.
template <class Ar>
constexpr bool kRemembersClasses =
    std::is_same<Ar, SafeTextIArchive>::value || std::is_same<Ar, SafeBinaryIArchive>::value ||
    std::is_same<Ar, SafeTextOArchive>::value || std::is_same<Ar, SafeBinaryOArchive>::value;

/// What an archive has learnt of each class. Boost reads a class's information (tracking flag and version)
/// before its first object, then for every object looks its class up in a set ordered by type name (string
/// comparisons) and calls the class's serializer through virtual functions. A class whose information said
/// "untracked" has nothing more in the payload than its fields, so once its first object is read through Boost its
/// further objects are read by calling serialize directly with the version Boost read: the same bytes read, the
/// same checks, the same errors. A class whose information said "tracked" (only a forged archive says so) always
/// goes through Boost, which reads an object id before each such object.
class ClassVersions {
public:
  ClassVersions() { versions_.fill(-1); }
  /// Boost has just read the tracking flag of a class's information, right before the class's first object.
  void tracking_read(bool tracked) { fresh_ = tracked ? Fresh::Tracked : Fresh::Untracked; }
  /// serialize() of a class of `slot` begins with `version`: the first object, when Boost has just read the
  /// class's information.
  void object(int slot, unsigned version) {
    if (slot >= 0 && fresh_ == Fresh::Untracked) versions_[static_cast<std::size_t>(slot)] = version;
    fresh_ = Fresh::None;
  }
  /// Saving: serialize() of a class of `slot` begins with `version`. Boost writes a class's information before its
  /// first object only, and never tracks a persisted class (track_never), so every further object is its fields.
  void saved(int slot, unsigned version) {
    if (slot >= 0) versions_[static_cast<std::size_t>(slot)] = version;
  }
  /// The version of the class of `slot`, once an object of it has been read untracked (or saved); -1 before.
  std::int64_t known(int slot) const { return versions_[static_cast<std::size_t>(slot)]; }

private:
  enum class Fresh : std::uint8_t { None, Tracked, Untracked };
  Fresh fresh_ = Fresh::None;
  std::array<std::int64_t, size_of(PersistedTypes{})> versions_{};
};

/// The byte a tracking flag holds, not read as a bool: a binary archive copies the flag's byte from the file, and a
/// forged byte other than 0 or 1 read as a bool is undefined behaviour. Anything but 0 counts as tracked, so such a
/// class always goes through Boost, whatever Boost makes of the byte.
inline unsigned char flag_byte(const boost::archive::tracking_type& t) {
  static_assert(sizeof t == 1, "tracking_type holds one bool");
  unsigned char b = 0;
  std::memcpy(&b, &t, 1);
  return b;
}

class SafeTextIArchive : public boost::archive::text_iarchive_impl<SafeTextIArchive> {
  using Base = boost::archive::text_iarchive_impl<SafeTextIArchive>;

public:
  SafeTextIArchive(std::istream& stream, MemoryBuf& buf) : Base(stream, boost::archive::no_codecvt), buf_(buf) {
    init();
  }
  ~SafeTextIArchive() override = default;
  std::uint64_t remaining() const { return buf_.remaining(); }
  ClassVersions& classes() { return classes_; }

  friend class boost::archive::detail::interface_iarchive<SafeTextIArchive>;
  friend class boost::archive::basic_text_iarchive<SafeTextIArchive>;
  friend class boost::archive::load_access;

protected:
  using Base::load;
  /// Every number: Boost's `is >> t`, with the plain case (digits, a minus for a signed type, followed by a
  /// separator) read straight from memory. Anything else — a sign `is >> t` would also take, too many digits, the
  /// end of the payload, a stream already failed — goes to `is >> t` itself, untouched, so that what is accepted,
  /// what is refused and where the stream stops stay exactly Boost's.
  template <class T>
  void load(T& t) {
    if constexpr (std::is_integral<T>::value && !std::is_same<T, bool>::value && sizeof(T) >= 2)
      if (is.rdstate() == std::ios::goodbit && buf_.read_plain_integer(t)) return;
    Base::load(t);
    if constexpr (std::is_same<T, boost::archive::tracking_type>::value) classes_.tracking_read(flag_byte(t) != 0);
  }
  void load(std::string& s) {
    std::size_t size = 0;
    *this->This() >> size;
    // The space between the length and the text: any one character, as is.get() takes it.
    if (is.rdstate() == std::ios::goodbit && buf_.remaining() > 0)
      buf_.skip(1);
    else
      is.get();
    if (size > string_cap(remaining())) too_long(size, remaining());
    if (is.rdstate() == std::ios::goodbit) {  // size <= remaining(): string_cap
      buf_.take_text(s, size);
      return;
    }
    s.resize(size);
    if (size == 0) return;
    is.read(&s[0], static_cast<std::streamsize>(size));
    if (!is || static_cast<std::size_t>(is.gcount()) != size) throw PayloadError("the payload ends inside a text");
  }

private:
  MemoryBuf& buf_;
  ClassVersions classes_;
};

class SafeBinaryIArchive;
using BinaryIArchiveBase = boost::archive::binary_iarchive_impl<SafeBinaryIArchive, char, std::char_traits<char>>;

class SafeBinaryIArchive : public BinaryIArchiveBase {
  using Primitive = boost::archive::basic_binary_iprimitive<SafeBinaryIArchive, char, std::char_traits<char>>;

public:
  explicit SafeBinaryIArchive(MemoryBuf& buf) : BinaryIArchiveBase(buf, boost::archive::no_codecvt), buf_(buf) {
    init(boost::archive::no_codecvt);
  }
  std::uint64_t remaining() const { return buf_.remaining(); }
  ClassVersions& classes() { return classes_; }

  friend class boost::archive::detail::interface_iarchive<SafeBinaryIArchive>;
  friend class boost::archive::basic_binary_iarchive<SafeBinaryIArchive>;
  friend class boost::archive::basic_binary_iprimitive<SafeBinaryIArchive, char, std::char_traits<char>>;
  friend class boost::archive::load_access;

protected:
  using Primitive::load;
  /// Every number: Boost's load(T&), which is load_binary(&t, sizeof t), with the bytes copied straight from
  /// memory (each field otherwise cost a virtual sgetn and a library memcpy). Boost's own class ids, versions and
  /// flags, read once per class, go to Boost's.
  template <class T>
  void load(T& t) {
    if constexpr (std::is_arithmetic<T>::value) {
      buf_.take_number(t);
    } else {
      Primitive::load(t);
      if constexpr (std::is_same<T, boost::archive::tracking_type>::value) classes_.tracking_read(flag_byte(t) != 0);
    }
  }
  void load_binary(void* address, std::size_t count) { buf_.take(address, count); }
  void load(std::string& s) {
    std::size_t size = 0;
    this->load(size);
    if (size > string_cap(remaining())) too_long(size, remaining());
    buf_.take_text(s, size);  // size <= remaining(): string_cap
  }
  void load(bool& b) {  // Boost's asserts on a byte other than 0 or 1
    unsigned char c = 0;
    load_binary(&c, 1);
    if (c > 1) bad_flag(c);
    b = c == 1;
  }
  [[noreturn]] BINAAN_COLD static void bad_flag(unsigned char c) {
    throw PayloadError("a flag of value " + std::to_string(c));
  }

private:
  MemoryBuf& buf_;
  ClassVersions classes_;
};

// ---- value helpers: one `io` per kind of value, declared before any use (two-phase lookup) ----

namespace persist {

inline std::string boost_failure(const boost::archive::archive_exception& e) {
  return std::string("Boost.Serialization cannot read the payload: ") + e.what();
}

template <class E>
struct EnumMax;
#define BINAAN_ENUM_MAX(E, LAST) \
  template <>                    \
  struct EnumMax<E> {            \
    static constexpr E value = LAST; \
  };
BINAAN_ENUM_MAX(Religion, Religion::Unknown)
BINAAN_ENUM_MAX(Sex, Sex::Female)
BINAAN_ENUM_MAX(Offence, Offence::OrganisedCrime)
BINAAN_ENUM_MAX(ServiceKind, ServiceKind::Humanitarian)
BINAAN_ENUM_MAX(Predicate, Predicate::Kurang)
BINAAN_ENUM_MAX(Risk, Risk::Low)
BINAAN_ENUM_MAX(GrantKind, GrantKind::Unspecified)
BINAAN_ENUM_MAX(SentenceKind, SentenceKind::Death)
BINAAN_ENUM_MAX(FacilityKind, FacilityKind::Rutan)
BINAAN_ENUM_MAX(ProgrammeKind, ProgrammeKind::Other)
BINAAN_ENUM_MAX(Location, Location::OutsideWalls)
BINAAN_ENUM_MAX(LeaveReason, LeaveReason::Removed)
BINAAN_ENUM_MAX(EnrolmentOutcome, EnrolmentOutcome::Declined)
BINAAN_ENUM_MAX(DeclineCode, DeclineCode::Released)
BINAAN_ENUM_MAX(AttendanceStatus, AttendanceStatus::Cancelled)
BINAAN_ENUM_MAX(AssessmentResult, AssessmentResult::NotYetCompetent)
BINAAN_ENUM_MAX(IssuerKind, IssuerKind::Partner)
BINAAN_ENUM_MAX(ContributionBasis, ContributionBasis::Pieces)
BINAAN_ENUM_MAX(ConsignmentKind, ConsignmentKind::Returned)
BINAAN_ENUM_MAX(SaleChannel, SaleChannel::Order)
BINAAN_ENUM_MAX(LedgerEntryKind, LedgerEntryKind::HandOver)
BINAAN_ENUM_MAX(AgreementScope, AgreementScope::Buying)
#undef BINAAN_ENUM_MAX

template <class Ar>
void io(Ar& ar, std::string& s, const char* what);
template <class Ar>
void io(Ar& ar, int& v, const char* what);
template <class Ar>
void io(Ar& ar, std::int64_t& v, const char* what);
template <class Ar>
BINAAN_ALWAYS_INLINE void io(Ar& ar, bool& b, const char* what);
template <class Ar>
BINAAN_ALWAYS_INLINE void io(Ar& ar, Date& d, const char* what);
template <class Ar>
void io(Ar& ar, Term& t, const char* what);
template <class Ar>
void io(Ar& ar, Rupiah& r, const char* what);
template <class Ar>
void io(Ar& ar, ParameterValue& v, const char* what);
template <class Ar, class E, std::enable_if_t<std::is_enum<E>::value, int> = 0>
BINAAN_ALWAYS_INLINE void io(Ar& ar, E& e, const char* what);
template <class Ar, class T>
BINAAN_ALWAYS_INLINE void io(Ar& ar, std::optional<T>& o, const char* what);
template <class Ar, class T>
BINAAN_ALWAYS_INLINE void io(Ar& ar, std::vector<T>& v, const char* what, std::uint64_t max = kMaxListItems);
template <class Ar, class T>
void io_items(Ar& ar, std::vector<T>& v, std::uint64_t n, const char* what, std::uint64_t max);
template <class Ar, class T, std::enable_if_t<std::is_class<T>::value, int> = 0>
void io(Ar& ar, T& x, const char* what);

static_assert(sizeof(int) == 4, "int fields are written as 32-bit numbers");

/// Whether `s` is ASCII only, eight bytes at a time: most texts are short and ASCII, and a loop the compiler
/// vectorises spends more on its set-up than on such a text.
inline bool is_ascii(const std::string& s) noexcept {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t high = 0;
  for (; n >= 8; n -= 8, p += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    high |= w;
  }
  for (; n > 0; --n, ++p) high |= static_cast<unsigned char>(*p);
  return (high & 0x8080808080808080u) == 0;
}

[[noreturn]] BINAAN_COLD void not_utf8(const std::string& s, const char* what) {
  throw PayloadError(what, "not valid UTF-8 (value: \"" + shorten_for_message(s) + "\")");
}

/// Every text of an archive is UTF-8, as in case files and rosters (detail_json.hpp): what Boost reads is any bytes,
/// so a forged or damaged archive would otherwise bring invalid text into the library and out through its JSON and
/// CSV. Checked where every text field is read (and written: nothing is saved that loading would refuse).
inline void check_utf8(const std::string& s, const char* what) {
  if (!is_ascii(s) && !is_valid_utf8(s)) not_utf8(s, what);
}

template <class Ar>
void io(Ar& ar, std::string& s, const char* what) {
  // Saving: only the archives of a save (programmes_fingerprint re-encodes what a load has already checked).
  if constexpr (Ar::is_saving::value && kRemembersClasses<Ar>) check_utf8(s, what);
  ar & s;
  if constexpr (Ar::is_loading::value) check_utf8(s, what);
}

template <class Ar>
void io(Ar& ar, int& v, const char*) {
  ar & v;
}

template <class Ar>
void io(Ar& ar, std::int64_t& v, const char*) {
  ar & v;
}

/// A 16-bit number checked against `max` on load (and on save, so that an enumeration that grew a value fails in
/// tests rather than in a reader).
[[noreturn]] BINAAN_COLD void out_of_range(std::uint16_t v, std::uint16_t max, const char* what) {
  throw PayloadError(what, "value " + std::to_string(v) + " out of range 0-" + std::to_string(max));
}

template <class Ar>
BINAAN_ALWAYS_INLINE std::uint16_t io_small(Ar& ar, std::uint16_t v, std::uint16_t max, const char* what) {
  if (v > max) out_of_range(v, max, what);
  ar & v;
  if (v > max) out_of_range(v, max, what);
  return v;
}

template <class Ar>
BINAAN_ALWAYS_INLINE void io(Ar& ar, bool& b, const char* what) {
  b = io_small(ar, b ? 1 : 0, 1, what) == 1;
}

template <class Ar, class E, std::enable_if_t<std::is_enum<E>::value, int>>
BINAAN_ALWAYS_INLINE void io(Ar& ar, E& e, const char* what) {
  constexpr auto max = static_cast<std::uint16_t>(EnumMax<E>::value);
  e = static_cast<E>(io_small(ar, static_cast<std::uint16_t>(e), max, what));
}

// Day numbers from 1970-01-01; Boost's date range, 1400-01-01 .. 9999-12-31, is what a Date can hold.
const Date kDayZero(1970, 1, 1);
const std::int32_t kFirstDay = days_between(kDayZero, Date(1400, 1, 1));
const std::int32_t kLastDay = days_between(kDayZero, Date(9999, 12, 31));

[[noreturn]] BINAAN_COLD void not_a_day(std::int32_t n, const char* what) {
  throw PayloadError(what, "day number " + std::to_string(n) + " is outside 1400-01-01..9999-12-31");
}

template <class Ar>
BINAAN_ALWAYS_INLINE void io(Ar& ar, Date& d, const char* what) {
  std::int32_t n = 0;
  if constexpr (Ar::is_saving::value) {
    if (d.is_special()) throw PayloadError(what, "not a calendar day");
    n = days_between(kDayZero, d);
  }
  ar & n;
  if constexpr (Ar::is_loading::value) {
    if (n < kFirstDay || n > kLastDay) not_a_day(n, what);
    d = add_days(kDayZero, n);
  }
}

template <class Ar>
void io(Ar& ar, Term& t, const char* what) {
  std::uint16_t y = static_cast<std::uint16_t>(t.years());
  std::uint16_t m = static_cast<std::uint16_t>(t.months());
  std::uint16_t d = static_cast<std::uint16_t>(t.days());
  ar & y;
  ar & m;
  ar & d;
  if constexpr (Ar::is_loading::value) {
    try {
      t = Term(y, m, d);
    } catch (const ValueError& e) {
      throw PayloadError(what, e.what());
    }
  }
}

template <class Ar>
void io(Ar& ar, Rupiah& r, const char*) {
  std::int64_t v = r.value();
  ar & v;
  r = Rupiah(v);
}

template <class Ar>
void io(Ar& ar, ParameterValue& v, const char* what) {
  const std::uint16_t index = io_small(ar, static_cast<std::uint16_t>(v.index()), 2, what);
  if constexpr (Ar::is_saving::value) {
    std::visit([&](auto& x) { io(ar, x, what); }, v);
  } else if (index == 0) {
    bool b = false;
    io(ar, b, what);
    v = b;
  } else if (index == 1) {
    std::int64_t i = 0;
    io(ar, i, what);
    v = i;
  } else {
    std::string s;
    io(ar, s, what);
    v = std::move(s);
  }
}

template <class Ar, class T>
BINAAN_ALWAYS_INLINE void io(Ar& ar, std::optional<T>& o, const char* what) {
  bool present = o.has_value();
  io(ar, present, what);
  if constexpr (Ar::is_loading::value) {
    if (present) {
      T x{};
      io(ar, x, what);
      o = std::move(x);
    } else {
      o.reset();
    }
  } else {
    if (present) io(ar, *o, what);
  }
}

/// A list: its 64-bit count, then its items. On load the count is checked against `max` and the bytes left (every
/// item takes at least one byte) before anything is allocated; an item's error is reported with its index.
[[noreturn]] BINAAN_COLD void too_many(std::uint64_t n, std::uint64_t max, std::uint64_t remaining,
                                      const char* what) {
  if (n > max) throw PayloadError(what, std::to_string(n) + " items, more than the limit " + std::to_string(max));
  throw PayloadError(what, std::to_string(n) + " items, with only " + std::to_string(remaining) + " bytes left");
}

/// Refuses a list count over `max` or over the bytes left (every item takes at least one byte).
inline void check_count(std::uint64_t n, std::uint64_t max, std::uint64_t remaining, const char* what) {
  if (n > max || n > remaining) too_many(n, max, remaining, what);
}

template <class Ar, class T>
BINAAN_ALWAYS_INLINE void io(Ar& ar, std::vector<T>& v, const char* what, std::uint64_t max) {
  std::uint64_t n = v.size();
  ar & n;
  if (n == 0) {  // most lists of a person (escapes, services, policy, …): nothing more to read, and no call
    if constexpr (Ar::is_loading::value) v.clear();
    return;
  }
  io_items(ar, v, n, what, max);
}

/// The `n` > 0 items of a list whose count has just been read (or written).
template <class Ar, class T>
void io_items(Ar& ar, std::vector<T>& v, std::uint64_t n, const char* what, std::uint64_t max) {
  if constexpr (Ar::is_loading::value) {
    check_count(n, max, ar.remaining(), what);
    v.clear();
    v.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(n, 4096)));
  }
  for (std::uint64_t i = 0; i < n; ++i) {
    try {
      if constexpr (Ar::is_loading::value) {
        io(ar, v.emplace_back(), "");  // read in place: a refused item fails the whole list
      } else {
        io(ar, v[static_cast<std::size_t>(i)], "");
      }
    } catch (const PayloadError& e) {
      throw e.within(std::string(what) + "[" + std::to_string(i) + "]");
    } catch (const boost::archive::archive_exception& e) {
      throw PayloadError(std::string(what) + "[" + std::to_string(i) + "]", boost_failure(e));
    }
  }
}

template <class Ar, class T, std::enable_if_t<std::is_class<T>::value, int>>
void io(Ar& ar, T& x, const char* what) {
  try {
    if constexpr (kRemembersClasses<Ar> && kClassSlot<T> >= 0) {
      const std::int64_t version = ar.classes().known(kClassSlot<T>);
      if (version >= 0) {  // what Boost's load_object / save_object would do for a class it has met (ClassVersions)
        boost::serialization::serialize_adl(ar, x, static_cast<unsigned>(version));
        return;
      }
    }
    ar & x;
  } catch (const PayloadError& e) {
    throw e.within(what);
  } catch (const boost::archive::archive_exception& e) {
    throw PayloadError(what, boost_failure(e));
  }
}

/// The people of a facility: a list as above (the same bytes), written from the facility's cases or read straight
/// into cases, so that neither way holds the roster twice. On load each person is rebuilt through the Case
/// constructors as soon as it is read; the first refusal is kept and raised by from_data once the whole payload has
/// decoded, so an error Boost meets later still wins, as it did when everything was decoded first.
template <class Ar>
void io_people(Ar& ar, FacilityData& x) {
  constexpr const char* what = "people";
  auto where = [&](std::uint64_t i) { return std::string(what) + "[" + std::to_string(i) + "]"; };
  if constexpr (Ar::is_saving::value) {
    if (!x.cases_to_save) {
      io(ar, x.people, what, kMaxFacilityPeople);
      return;
    }
    const std::vector<Case>& cases = *x.cases_to_save;
    std::uint64_t n = cases.size();
    ar & n;
    CaseData scratch;  // reused: its strings and lists keep their capacity from one person to the next
    for (std::size_t i = 0; i < cases.size(); ++i) {
      case_data(cases[i], scratch);
      try {
        io(ar, scratch, "");
      } catch (const PayloadError& e) {
        throw e.within(where(i));
      } catch (const boost::archive::archive_exception& e) {
        throw PayloadError(where(i), boost_failure(e));
      }
    }
  } else {
    std::uint64_t n = 0;
    ar & n;
    check_count(n, kMaxFacilityPeople, ar.remaining(), what);
    x.people.clear();
    x.loaded_people.clear();
    x.people_refusal = nullptr;
    // Room for what the bytes left could hold, never for what a forged count claims.
    try {
      reserve_roster(x.loaded_people, static_cast<std::size_t>(std::min(n, ar.remaining() / kMinPersonBytes)));
    } catch (const std::bad_alloc&) {
      // Not now: the list then grows as the people are read, as any list does.
    }
    // One CaseData for every person: io() sets each of its fields, and make_case_into moves them out.
    CaseData d;
    for (std::uint64_t i = 0; i < n; ++i) {
      try {
        io(ar, d, "");
      } catch (const PayloadError& e) {
        throw e.within(where(i));
      } catch (const boost::archive::archive_exception& e) {
        throw PayloadError(where(i), boost_failure(e));
      }
      if (x.people_refusal) continue;  // read the rest only for the errors that come first
      try {
        make_case_into(std::move(d), x.loaded_people);
      } catch (const PayloadError& e) {
        x.people_refusal = std::make_exception_ptr(e.within(where(i)));
      } catch (const Error& e) {
        x.people_refusal =
            std::make_exception_ptr(PayloadError(where(i), std::string("refused on rebuilding: ") + e.what()));
      } catch (...) {
        x.people_refusal = std::current_exception();
      }
      if (x.people_refusal) x.loaded_people = std::vector<Case>();  // never used: free it now
    }
  }
}

/// Tells an input archive that an object of T begins (ClassVersions).
template <class T, class Ar>
void object_begins(Ar& ar, unsigned version) {
  if constexpr (kRemembersClasses<Ar>) {
    if constexpr (Ar::is_loading::value)
      ar.classes().object(kClassSlot<T>, version);
    else
      ar.classes().saved(kClassSlot<T>, version);
  }
}

/// Refuses a class version this code does not know (Boost hands any version to serialize()).
[[noreturn]] BINAAN_COLD void bad_version(unsigned version, unsigned current, const char* type) {
  if (version > current)
    throw PayloadError(std::string(type) + " is of class version " + std::to_string(version) +
                       ", newer than this binaan reads (" + std::to_string(current) +
                       "): the archive was written by a newer binaan");
  throw PayloadError(std::string(type) + " is of class version 0, which no binaan wrote");
}

template <class T>
void check_version(unsigned version, const char* type) {
  constexpr auto current = static_cast<unsigned>(boost::serialization::version<T>::value);
  if (version > current || version < 1) bad_version(version, current, type);
}

}  // namespace persist

}  // namespace binaan::detail

// ---- class versions and no tracking, for every persisted type ----

#define BINAAN_PERSISTED(T, VERSION) \
  BOOST_CLASS_VERSION(T, VERSION)    \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)

BINAAN_PERSISTED(binaan::detail::FacilityData, 1)
BINAAN_PERSISTED(binaan::detail::CaseData, 1)
BINAAN_PERSISTED(binaan::detail::PersonData, 1)
BINAAN_PERSISTED(binaan::detail::SentenceData, 1)
BINAAN_PERSISTED(binaan::detail::ProgrammesData, 1)
BINAAN_PERSISTED(binaan::detail::ProfitSplitPolicyData, 1)
BINAAN_PERSISTED(binaan::detail::LedgerData, 1)
BINAAN_PERSISTED(binaan::DetentionPeriod, 1)
BINAAN_PERSISTED(binaan::Subsidiary, 1)
BINAAN_PERSISTED(binaan::Commutation, 1)
BINAAN_PERSISTED(binaan::Facts, 1)
BINAAN_PERSISTED(binaan::DisciplineEntry, 1)
BINAAN_PERSISTED(binaan::Escape, 1)
BINAAN_PERSISTED(binaan::DaySpan, 1)
BINAAN_PERSISTED(binaan::Service, 1)
BINAAN_PERSISTED(binaan::Assessment, 1)
BINAAN_PERSISTED(binaan::Recorded, 1)
BINAAN_PERSISTED(binaan::RecordedGrant, 1)
BINAAN_PERSISTED(binaan::PolicyOverride, 1)
BINAAN_PERSISTED(binaan::EnrolmentPolicy, 1)
BINAAN_PERSISTED(binaan::SavingsPolicy, 1)
BINAAN_PERSISTED(binaan::Programme, 1)
BINAAN_PERSISTED(binaan::Partner, 1)
BINAAN_PERSISTED(binaan::Agreement, 1)
BINAAN_PERSISTED(binaan::Workshop, 1)
BINAAN_PERSISTED(binaan::Session, 1)
BINAAN_PERSISTED(binaan::Product, 1)
BINAAN_PERSISTED(binaan::Enrolment, 1)
BINAAN_PERSISTED(binaan::WaitingEntry, 1)
BINAAN_PERSISTED(binaan::EnrolmentDecision, 1)
BINAAN_PERSISTED(binaan::Decline, 1)
BINAAN_PERSISTED(binaan::Attendance, 1)
BINAAN_PERSISTED(binaan::EndAssessment, 1)
BINAAN_PERSISTED(binaan::Certificate, 1)
BINAAN_PERSISTED(binaan::PemukaPeriod, 1)
BINAAN_PERSISTED(binaan::Batch, 1)
BINAAN_PERSISTED(binaan::Contribution, 1)
BINAAN_PERSISTED(binaan::Consignment, 1)
BINAAN_PERSISTED(binaan::StockLine, 1)
BINAAN_PERSISTED(binaan::ConsignmentRecord, 1)
BINAAN_PERSISTED(binaan::Sale, 1)
BINAAN_PERSISTED(binaan::SaleLine, 1)
BINAAN_PERSISTED(binaan::SaleRecord, 1)
BINAAN_PERSISTED(binaan::ProfitShares, 1)
BINAAN_PERSISTED(binaan::Part, 1)
BINAAN_PERSISTED(binaan::LedgerEntry, 1)
#undef BINAAN_PERSISTED

// ---- the serialize functions: found by Boost through its version_type argument (boost::serialization) ----

// Each starts with the class-version check and lists the fields in writing order; `F(x)` writes field x under its
// own name (used in error messages).
#define BINAAN_SERIALIZE(T, NAME)                                   \
  template <class Ar>                                               \
  void serialize(Ar& ar, T& x, const unsigned int version) {        \
    binaan::detail::persist::check_version<T>(version, NAME);       \
    binaan::detail::persist::object_begins<T>(ar, version);
#define F(field) binaan::detail::persist::io(ar, x.field, #field);
#define END }

namespace boost::serialization {

BINAAN_SERIALIZE(binaan::DetentionPeriod, "DetentionPeriod") F(from) F(to) END
BINAAN_SERIALIZE(binaan::Subsidiary, "Subsidiary") F(term) F(paid) END
BINAAN_SERIALIZE(binaan::Commutation, "Commutation") F(date) F(term) END
BINAAN_SERIALIZE(binaan::DisciplineEntry, "DisciplineEntry") F(date) END
BINAAN_SERIALIZE(binaan::Escape, "Escape") F(from) F(to) END
BINAAN_SERIALIZE(binaan::DaySpan, "DaySpan") F(from) F(to) END
BINAAN_SERIALIZE(binaan::Service, "Service") F(date) F(kind) END
BINAAN_SERIALIZE(binaan::Assessment, "Assessment") F(date) F(predicate) F(risk) END
BINAAN_SERIALIZE(binaan::Facts, "Facts")
  F(discipline) F(escapes) F(justice_collaborator) F(deradicalisation) F(pledge) F(pemuka) F(services) F(assessments)
END
BINAAN_SERIALIZE(binaan::RecordedGrant, "RecordedGrant") F(date) F(kind) F(amount) END
BINAAN_SERIALIZE(binaan::Recorded, "Recorded") F(until) F(grants) END
BINAAN_SERIALIZE(binaan::PolicyOverride, "PolicyOverride") F(name) F(value) END

BINAAN_SERIALIZE(binaan::detail::PersonData, "Person") F(id) F(religion) F(name) F(sex) F(birth_date) F(child) END
BINAAN_SERIALIZE(binaan::detail::SentenceData, "Sentence")
  F(kind) F(term) F(offence) F(verdict_final) F(verdict_date) F(fine) F(restitution) F(commutation)
END
BINAAN_SERIALIZE(binaan::detail::CaseData, "Case")
  F(person) F(detention) F(sentence) F(facts) F(recorded) F(until) F(id) F(title) F(source) F(policy) F(expect_json)
END

BINAAN_SERIALIZE(binaan::EnrolmentPolicy, "EnrolmentPolicy") F(discipline_window_days) F(near_release_days) END
BINAAN_SERIALIZE(binaan::SavingsPolicy, "SavingsPolicy") F(spend_percent) END
BINAAN_SERIALIZE(binaan::detail::ProfitSplitPolicyData, "ProfitSplitPolicy")
  F(effective_from) F(premi) F(pnbp) F(capital) F(source)
END
BINAAN_SERIALIZE(binaan::Programme, "Programme") F(id) F(kind) F(name) END
BINAAN_SERIALIZE(binaan::Partner, "Partner") F(id) F(name) F(contact) END
BINAAN_SERIALIZE(binaan::Agreement, "Agreement") F(id) F(partner_id) F(reference) F(from) F(to) F(scopes) END
BINAAN_SERIALIZE(binaan::Session, "Session") F(date) F(hours) END
BINAAN_SERIALIZE(binaan::Workshop, "Workshop")
  F(id) F(programme_id) F(name) F(capacity) F(sessions) F(instructors) F(location) F(partner_id)
END
BINAAN_SERIALIZE(binaan::Product, "Product") F(id) F(name) END
BINAAN_SERIALIZE(binaan::Enrolment, "Enrolment")
  F(inmate_id) F(workshop_id) F(requested_on) F(enrolled_on) F(left_on) F(leave_reason)
END
BINAAN_SERIALIZE(binaan::WaitingEntry, "WaitingEntry") F(inmate_id) F(workshop_id) F(requested_on) END
BINAAN_SERIALIZE(binaan::Decline, "Decline") F(code) F(message) F(earliest) END
BINAAN_SERIALIZE(binaan::EnrolmentDecision, "EnrolmentDecision")
  F(inmate_id) F(workshop_id) F(on) F(outcome) F(reasons)
END
BINAAN_SERIALIZE(binaan::Attendance, "Attendance") F(workshop_id) F(session) F(inmate_id) F(status) F(hours) END
BINAAN_SERIALIZE(binaan::EndAssessment, "EndAssessment")
  F(inmate_id) F(workshop_id) F(date) F(result) F(score) F(assessor)
END
BINAAN_SERIALIZE(binaan::Certificate, "Certificate")
  F(id) F(inmate_id) F(workshop_id) F(date) F(issuer_kind) F(issuer) F(title)
END
BINAAN_SERIALIZE(binaan::PemukaPeriod, "PemukaPeriod") F(inmate_id) F(workshop_id) F(span) END
BINAAN_SERIALIZE(binaan::Contribution, "Contribution") F(inmate_id) F(amount) END
BINAAN_SERIALIZE(binaan::Batch, "Batch")
  F(id) F(product_id) F(workshop_id) F(date) F(units) F(material_cost) F(basis) F(contributors)
  F(materials_partner_id)
END
BINAAN_SERIALIZE(binaan::Consignment, "Consignment") F(id) F(date) F(partner_id) F(product_id) F(units) F(kind) END
BINAAN_SERIALIZE(binaan::StockLine, "StockLine") F(batch_id) F(units) END
BINAAN_SERIALIZE(binaan::ConsignmentRecord, "ConsignmentRecord") F(consignment) F(lines) END
BINAAN_SERIALIZE(binaan::Sale, "Sale")
  F(id) F(date) F(product_id) F(units) F(unit_price) F(channel) F(partner_id) F(buyer)
END
BINAAN_SERIALIZE(binaan::ProfitShares, "ProfitShares") F(premi) F(pnbp) F(capital) END
BINAAN_SERIALIZE(binaan::Part, "Part") F(id) F(amount) END
BINAAN_SERIALIZE(binaan::SaleLine, "SaleLine")
  F(batch_id) F(workshop_id) F(units) F(revenue) F(cost) F(profit) F(shares) F(premi)
END
BINAAN_SERIALIZE(binaan::SaleRecord, "SaleRecord") F(sale) F(amount) F(policy_source) F(lines) END
BINAAN_SERIALIZE(binaan::LedgerEntry, "LedgerEntry") F(date) F(kind) F(amount) F(reference) END
BINAAN_SERIALIZE(binaan::detail::LedgerData, "Ledger") F(inmate_id) F(entries) END

BINAAN_SERIALIZE(binaan::detail::ProgrammesData, "Programmes")
  F(profit_split) F(enrolment_policy) F(savings_policy) F(programmes) F(partners) F(agreements) F(workshops)
  F(products) F(enrolments) F(waiting) F(decisions) F(attendance) F(assessments) F(certificates) F(pemuka)
  F(batches) F(consignments) F(sales) F(ledgers)
END

BINAAN_SERIALIZE(binaan::detail::FacilityData, "Facility")
  F(id) F(name) F(kind)
  binaan::detail::persist::io_people(ar, x);
  F(programmes)
END

}  // namespace boost::serialization

#undef BINAAN_SERIALIZE
#undef F
#undef END

namespace binaan::detail {

unsigned boost_archive_version() {
  const boost::serialization::library_version_type v = boost::archive::BOOST_ARCHIVE_VERSION();
  return static_cast<unsigned>(static_cast<std::uint_least16_t>(v));
}

/// An output stream buffer that writes a payload into its blocks.
class BlockSink : public std::streambuf {
public:
  explicit BlockSink(PayloadBlocks& out) : out_(out) {}
  /// Records how much of the last block was written.
  void finish() {
    if (!out_.blocks_.empty()) out_.last_used_ = static_cast<std::size_t>(pptr() - pbase());
  }
  /// sputn without the virtual call when the bytes fit the block (a constant `n` copies inline).
  void put_bytes(const void* p, std::size_t n) {
    if (static_cast<std::size_t>(epptr() - pptr()) >= n) {
      std::memcpy(pptr(), p, n);
      pbump(static_cast<int>(n));  // n <= kBlockBytes
    } else {
      xsputn(static_cast<const char*>(p), static_cast<std::streamsize>(n));
    }
  }

protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (pptr() == epptr()) next_block();
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    auto left = static_cast<std::size_t>(n);
    while (left > 0) {
      if (pptr() == epptr()) next_block();
      const std::size_t room = static_cast<std::size_t>(epptr() - pptr());
      const std::size_t k = std::min(room, left);
      std::memcpy(pptr(), s, k);
      pbump(static_cast<int>(k));  // k <= kBlockBytes
      s += k;
      left -= k;
    }
    return n;
  }

private:
  void next_block() {
    // new char[]: not zero-filled, every byte is written before it is read.
    out_.blocks_.emplace_back(new char[PayloadBlocks::kBlockBytes]);
    char* p = out_.blocks_.back().get();
    if (out_.blocks_.size() > 1) advise_huge_pages(p, PayloadBlocks::kBlockBytes);  // a large payload
    setp(p, p + PayloadBlocks::kBlockBytes);
  }

  PayloadBlocks& out_;
};

/// Boost's text output archive writing its numbers, separators and texts straight into the BlockSink: the same
/// characters as `os << t` (classic locale, no width, decimal: what std::to_chars writes) without a sentry, a
/// num_put and a virtual call per character. A stream no longer good (which a BlockSink never makes it, short of
/// memory) goes to Boost's own code.
class SafeTextOArchive : public boost::archive::text_oarchive_impl<SafeTextOArchive> {
  using Base = boost::archive::text_oarchive_impl<SafeTextOArchive>;

public:
  SafeTextOArchive(std::ostream& stream, BlockSink& sink)
      : Base(stream, boost::archive::no_codecvt), sink_(sink) {
    init();  // the header, as text_oarchive's constructor writes it
  }
  ~SafeTextOArchive() override = default;

  friend class boost::archive::detail::interface_oarchive<SafeTextOArchive>;
  friend class boost::archive::basic_text_oarchive<SafeTextOArchive>;
  friend class boost::archive::save_access;

  ClassVersions& classes() { return classes_; }

  /// The separator basic_text_oarchive::newtoken writes through This()->put.
  void put(char c) {
    if (os.rdstate() != std::ios::goodbit) return boost::archive::basic_text_oprimitive<std::ostream>::put(c);
    write(&c, 1);
  }

protected:
  using Base::save;
  template <class T>
  void save(const T& t) {
    if constexpr (std::is_integral<T>::value && !std::is_same<T, bool>::value && sizeof(T) >= 2) {
      this->newtoken();
      if (os.rdstate() != std::ios::goodbit) return boost::archive::basic_text_oprimitive<std::ostream>::save(t);
      char digits[24];
      const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, t);
      write(digits, static_cast<std::size_t>(r.ptr - digits));
    } else {
      Base::save(t);
    }
  }
  void save(const std::string& s) {  // text_oarchive_impl::save(std::string): the length, a separator, the text
    const std::size_t size = s.size();
    *this->This() << size;
    this->This()->newtoken();
    if (os.rdstate() != std::ios::goodbit) {
      os << s;
      return;
    }
    write(s.data(), size);
  }

private:
  void write(const char* p, std::size_t n) {
    try {
      sink_.put_bytes(p, n);
    } catch (...) {
      os.setstate(std::ios::badbit);  // what the ostream does when its buffer throws
    }
  }
  BlockSink& sink_;
  ClassVersions classes_;
};

class SafeBinaryOArchive;
using BinaryOArchiveBase = boost::archive::binary_oarchive_impl<SafeBinaryOArchive, char, std::char_traits<char>>;

/// Boost's binary output archive writing its numbers straight into the BlockSink (the bytes of save_binary, without
/// a virtual sputn and a library memcpy per field).
class SafeBinaryOArchive : public BinaryOArchiveBase {
  using Primitive = boost::archive::basic_binary_oprimitive<SafeBinaryOArchive, char, std::char_traits<char>>;

public:
  explicit SafeBinaryOArchive(BlockSink& sink)
      : BinaryOArchiveBase(sink, boost::archive::no_codecvt), sink_(sink) {
    init(boost::archive::no_codecvt);  // the header, as binary_oarchive's constructor writes it
  }
  ClassVersions& classes() { return classes_; }

  friend class boost::archive::detail::interface_oarchive<SafeBinaryOArchive>;
  friend class boost::archive::basic_binary_oarchive<SafeBinaryOArchive>;
  friend class boost::archive::basic_binary_oprimitive<SafeBinaryOArchive, char, std::char_traits<char>>;
  friend class boost::archive::save_access;

protected:
  using Primitive::save;
  template <class T>
  void save(const T& t) {
    if constexpr (std::is_arithmetic<T>::value)
      sink_.put_bytes(&t, sizeof t);
    else
      Primitive::save(t);
  }

private:
  BlockSink& sink_;
  ClassVersions classes_;
};

PayloadBlocks encode_payload_blocks(const FacilityData& data, ArchiveFormat kind) {
  PayloadBlocks blocks;
  BlockSink sink(blocks);
  {
    std::ostream out(&sink);
    out.imbue(std::locale::classic());  // never the host program's global locale: "7,363" is not a number here
    if (kind == ArchiveFormat::Text) {
      SafeTextOArchive ar(out, sink);
      ar << data;
    } else {
      SafeBinaryOArchive ar(sink);
      ar << data;
    }
  }
  sink.finish();
  return blocks;
}

std::string encode_payload(const FacilityData& data, ArchiveFormat kind) {
  PayloadBlocks blocks = encode_payload_blocks(data, kind);
  std::string bytes;
  bytes.reserve(blocks.size());
  blocks.drain([&](std::string_view block) { bytes += block; });
  return bytes;
}

namespace {

/// Checks the header Boost writes at the start of the payload against the envelope, byte for byte, before Boost
/// reads it: Boost 1.74 asserts (aborts a debug build) on a binary header cut short inside its version.
void check_boost_header(std::string_view payload, ArchiveFormat kind, unsigned boost_version) {
  const std::string signature(boost::archive::BOOST_ARCHIVE_SIGNATURE());
  std::string expected;
  if (kind == ArchiveFormat::Text) {
    expected = std::to_string(signature.size()) + " " + signature + " " + std::to_string(boost_version) + " ";
  } else {
    const std::size_t size = signature.size();
    expected.append(reinterpret_cast<const char*>(&size), sizeof size);  // native size_t, as Boost writes it
    expected += signature;
    const auto version = static_cast<std::uint16_t>(boost_version);  // native 16 bits, as Boost writes it
    expected.append(reinterpret_cast<const char*>(&version), sizeof version);
  }
  if (payload.substr(0, expected.size()) != expected)
    throw PayloadError("the payload does not start with the header of a Boost.Serialization " +
                       std::string(to_string(kind)) + " archive of version " + std::to_string(boost_version) +
                       (kind == ArchiveFormat::Binary ? " written on a machine like this one" : ""));
}

}  // namespace

FacilityData decode_payload(std::string_view payload, ArchiveFormat kind, unsigned boost_version) {
  check_boost_header(payload, kind, boost_version);
  MemoryBuf buf(payload.data(), payload.size());
  FacilityData data;
  try {
    if (kind == ArchiveFormat::Text) {
      std::istream is(&buf);
      is.imbue(std::locale::classic());  // as written (encode_payload)
      SafeTextIArchive ar(is, buf);
      ar >> data;
      // The text archive ends the payload with one newline.
      if (buf.remaining() == 1 && is.get() == '\n') return data;
    } else {
      SafeBinaryIArchive ar(buf);
      ar >> data;
    }
  } catch (const boost::archive::archive_exception& e) {
    throw PayloadError(persist::boost_failure(e) + " (" + std::to_string(payload.size() - buf.remaining()) +
                       " bytes in)");
  }
  if (buf.remaining() != 0)
    throw PayloadError(std::to_string(buf.remaining()) + " bytes after the end of the facility");
  return data;
}

std::string programmes_fingerprint(const ProgrammesData& data) {
  std::ostringstream out(std::ios::binary);
  out.imbue(std::locale::classic());
  {
    boost::archive::binary_oarchive ar(out, boost::archive::no_codecvt | boost::archive::no_header);
    ar << data;
  }
  return std::move(out).str();
}

}  // namespace binaan::detail

// ---- explicit instantiation of the Boost templates behind the derived input archives ----

namespace boost::archive {
template class basic_text_iarchive<binaan::detail::SafeTextIArchive>;
template class text_iarchive_impl<binaan::detail::SafeTextIArchive>;
template class basic_binary_iarchive<binaan::detail::SafeBinaryIArchive>;
template class basic_binary_iprimitive<binaan::detail::SafeBinaryIArchive, char, std::char_traits<char>>;
template class basic_text_oarchive<binaan::detail::SafeTextOArchive>;
template class text_oarchive_impl<binaan::detail::SafeTextOArchive>;
template class basic_binary_oarchive<binaan::detail::SafeBinaryOArchive>;
template class basic_binary_oprimitive<binaan::detail::SafeBinaryOArchive, char, std::char_traits<char>>;
namespace detail {
template class archive_serializer_map<binaan::detail::SafeTextIArchive>;
template class archive_serializer_map<binaan::detail::SafeBinaryIArchive>;
template class archive_serializer_map<binaan::detail::SafeTextOArchive>;
template class archive_serializer_map<binaan::detail::SafeBinaryOArchive>;
}  // namespace detail
}  // namespace boost::archive
