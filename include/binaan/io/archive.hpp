#pragma once
/// \file
/// Saving and loading a whole facility: a Boost.Serialization archive (text by default, binary for local caches)
/// inside binaan's own envelope, checked completely before Boost reads a byte. No Boost header is needed here.
///
/// The envelope (format 1) is ASCII, so `head -7 FILE` shows it and programs recognise a facility by its first ten
/// bytes whatever the file's name:
///
///     BINAANFAC
///     format 1
///     archive text            (or binary)
///     boost 18                (the Boost.Serialization archive version that wrote it)
///     length 123456           (payload bytes)
///     crc32 89abcdef          (CRC-32/ISO-HDLC — the CRC of zlib — of the five lines above and the payload)
///     (empty line)
///     <payload: exactly `length` bytes>
///
/// A reader refuses, with an ArchiveError naming the file and saying what is wrong: a missing, unreadable or
/// non-regular file, wrong magic, a header it cannot parse, a newer format, a length that does not match the file,
/// a checksum that does not match, an archive written by a newer Boost.Serialization, a class version newer than
/// this code (every persisted type carries one), a list longer than its bound (50 million people, 10 million
/// items in any programmes list) or than the bytes left, a text longer than the bytes left or 16 MiB, an invalid
/// value (a date outside 1400–9999, an unknown enumeration value, a person the Case constructors refuse), and
/// programmes that break referential integrity or do not rebuild to the records saved. Never a partial facility.
///
/// Binary archives are for local caches: they hold native integers and are read only on a machine of the same
/// byte order and type sizes (Boost checks this and the reader refuses otherwise).

#include <binaan/error.hpp>
#include <binaan/export.hpp>
#include <binaan/facility/facility.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace binaan {

/// The Boost.Serialization archive class inside the envelope.
enum class ArchiveFormat : std::uint8_t {
  Text,   ///< portable text archive: the default
  Binary  ///< native binary archive: faster and smaller, for caches on the same machine
};

/// "text", "binary".
BINAAN_EXPORT std::string_view to_string(ArchiveFormat format);

/// The first bytes of every facility archive.
inline constexpr std::string_view kFacilityArchiveMagic = "BINAANFAC\n";
/// The archive format this version writes (and the newest it reads).
inline constexpr int kFacilityArchiveFormat = 1;

/// A facility archive that cannot be read or written. The message names the file and says what is wrong.
class BINAAN_EXPORT ArchiveError : public Error {
public:
  ArchiveError(std::string file, std::string why);
  const std::string& file() const noexcept { return file_; }
  const std::string& why() const noexcept { return why_; }

private:
  std::string file_;
  std::string why_;
};

/// What the envelope of an archive says.
struct ArchiveInfo {
  int format;                    ///< envelope and payload format
  ArchiveFormat kind;            ///< text or binary payload
  unsigned boost_version;        ///< Boost.Serialization archive library version that wrote the payload
  std::uint64_t payload_bytes;
  std::uint32_t crc32;
};

/// True when `bytes` starts with kFacilityArchiveMagic: how programs tell an archive from a roster.
BINAAN_EXPORT bool is_facility_archive(std::string_view bytes) noexcept;
/// True when the file can be opened and starts with kFacilityArchiveMagic; false otherwise (never throws).
BINAAN_EXPORT bool is_facility_archive_file(const std::string& path) noexcept;

/// Checks the envelope of a whole archive in memory (magic, format, length, checksum, Boost version) without
/// decoding the payload. Throws ArchiveError naming `name_for_errors`.
BINAAN_EXPORT ArchiveInfo read_archive_info(std::string_view bytes, const std::string& name_for_errors);

/// The archive bytes of a facility (envelope and payload). Throws ArchiveError("<memory>") for a facility that
/// could not be read back (a date that is not a calendar day, a text over its limit).
BINAAN_EXPORT std::string facility_to_bytes(const Facility& facility, ArchiveFormat format = ArchiveFormat::Text);
/// Reads a facility from archive bytes; every failure is an ArchiveError naming `name_for_errors`.
BINAAN_EXPORT Facility facility_from_bytes(std::string_view bytes, const std::string& name_for_errors);

/// Saves atomically: writes a temporary file in the target's directory (`.NAME.tmp-PID-N`), flushes and fsyncs
/// it, renames it over `path` and fsyncs the directory. A crash at any moment leaves either the previous file or
/// the new one, each complete; on any error (a full disk, a file size limit, no permission) the temporary file is
/// removed, the previous file is untouched, and an ArchiveError names the file and the system's reason.
/// A temporary file left by a process killed mid-save is never read; it may be deleted.
BINAAN_EXPORT void save_facility(const Facility& facility, const std::string& path,
                                 ArchiveFormat format = ArchiveFormat::Text);
/// Loads a facility; every failure is an ArchiveError naming `path`.
BINAAN_EXPORT Facility load_facility(const std::string& path);

}  // namespace binaan
