// The catalogue of malformed inputs (tests/malformed/catalogue.json, README.md beside it) run through the binaan
// program: one test per entry. Each entry's files are written into a fresh scratch directory, the program is run,
// and the test checks the exit status, the message on standard error, that nothing went to standard output, and
// that the scratch directory is exactly as it was: no output created, no temporary file left, no input changed.
#include "cli_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace binaan::clitest {
namespace {

using Json = nlohmann::ordered_json;

const std::string kCatalogue = data("tests/malformed/catalogue.json");
const std::string kInputs = data("tests/malformed/inputs/");

// ---- The catalogue ----

struct Entry {
  std::string id;
  Json spec;
};

// gtest shows a failing entry by its id.
void PrintTo(const Entry& e, std::ostream* os) { *os << e.id; }

std::vector<Entry> load_catalogue() {
  std::vector<Entry> entries;
  try {
    Json all = Json::parse(read_text(kCatalogue));
    for (const auto& e : all.at("entries")) entries.push_back({e.at("id").get<std::string>(), e});
  } catch (const std::exception& x) {
    // Reported by the one test that then exists, rather than aborting test discovery.
    entries.assign(1, {"catalogue_unreadable", Json{{"error", std::string(x.what())}}});
  }
  return entries;
}

const std::vector<Entry>& catalogue() {
  static const std::vector<Entry> entries = load_catalogue();
  return entries;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

/// `{dir}` is the scratch directory, `{src}` the source tree.
std::string substitute(const std::string& s, const Scratch& scratch) {
  return replace_all(replace_all(s, "{dir}", scratch.dir().string()), "{src}", BINAAN_SOURCE_DIR);
}

// ---- Building the input files ----

std::uint32_t crc32(const std::string& bytes, std::uint32_t crc = 0) {
  crc = ~crc;
  for (char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

/// Rewrites the length and crc32 lines of a facility archive's envelope for its (edited) payload, so that the
/// reader gets past the envelope to the edit (include/binaan/io/archive.hpp describes the envelope).
std::string fix_envelope(const std::string& bytes) {
  std::size_t at = 0;
  std::vector<std::string> lines;
  for (int i = 0; i < 6; ++i) {
    const auto end = bytes.find('\n', at);
    if (end == std::string::npos) throw std::runtime_error("fix_envelope: no archive envelope");
    lines.push_back(bytes.substr(at, end - at));
    at = end + 1;
  }
  if (bytes.compare(at, 1, "\n") != 0) throw std::runtime_error("fix_envelope: no empty line after the envelope");
  const std::string payload = bytes.substr(at + 1);
  std::string header = lines[0] + '\n' + lines[1] + '\n' + lines[2] + '\n' + lines[3] + '\n';
  header += "length " + std::to_string(payload.size()) + '\n';
  const std::uint32_t crc = crc32(payload, crc32(header));
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(crc));
  return header + "crc32 " + hex + "\n\n" + payload;
}

/// `\xHH` escapes decoded: bytes a JSON string cannot hold (invalid UTF-8).
std::string decode_bytes(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\\x") == 0 && i + 4 <= s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string apply_edits(std::string bytes, const Json& edits) {
  for (const auto& e : edits) {
    if (e.contains("replace")) {
      const std::string from = decode_bytes(e.at("replace").get<std::string>());
      const auto at = bytes.find(from);
      if (at == std::string::npos) throw std::runtime_error("edit: \"" + from + "\" not found");
      bytes.replace(at, from.size(), decode_bytes(e.at("with").get<std::string>()));
    } else if (e.contains("truncate")) {
      const long n = e.at("truncate").get<long>();
      const auto size = static_cast<long>(bytes.size());
      bytes.resize(static_cast<std::size_t>(n >= 0 ? std::min(n, size) : std::max(0L, size + n)));
    } else if (e.contains("flip")) {
      long at = e.at("flip").get<long>();
      if (at < 0) at += static_cast<long>(bytes.size());
      bytes.at(static_cast<std::size_t>(at)) = static_cast<char>(bytes.at(static_cast<std::size_t>(at)) ^ 0x01);
    } else if (e.contains("append")) {
      bytes += decode_bytes(e.at("append").get<std::string>());
    } else if (e.contains("fix_envelope")) {
      bytes = fix_envelope(bytes);
    } else {
      throw std::runtime_error("unknown edit " + e.dump());
    }
  }
  return bytes;
}

/// The bytes of one file of an entry (catalogue.json's "about" lists the forms).
std::string file_bytes(const Json& f) {
  if (f.is_string()) return f.get<std::string>();
  std::string bytes;
  if (f.contains("lines")) {
    for (const auto& line : f.at("lines")) bytes += line.get<std::string>() + '\n';
  } else if (f.contains("bytes")) {
    bytes = decode_bytes(f.at("bytes").get<std::string>());
  } else if (f.contains("input")) {
    bytes = read_text(kInputs + f.at("input").get<std::string>());
    if (bytes.empty() && !fs::exists(kInputs + f.at("input").get<std::string>()))
      throw std::runtime_error("no input file " + f.at("input").get<std::string>());
  } else if (f.contains("copy")) {
    const std::string from = data(f.at("copy").get<std::string>());
    if (!fs::is_regular_file(from)) throw std::runtime_error("no file " + from + " to copy");
    bytes = read_text(from);
  } else if (f.contains("repeat")) {
    bytes = f.value("before", "");
    const std::string unit = f.at("repeat").get<std::string>();
    for (long i = 0, n = f.at("count").get<long>(); i < n; ++i) bytes += unit;
    bytes += f.value("after", "");
  }
  if (f.contains("edits")) bytes = apply_edits(std::move(bytes), f.at("edits"));
  return bytes;
}

void make_files(const Json& files, const Scratch& scratch) {
  for (const auto& [name, f] : files.items()) {
    const fs::path p = scratch.dir() / name;
    fs::create_directories(p.parent_path());
    if (f.is_object() && f.value("directory", false)) {
      fs::create_directory(p);
      continue;
    }
    write_text(p, file_bytes(f));
    if (f.is_object() && f.contains("mode"))
      ::chmod(p.c_str(), static_cast<mode_t>(std::stoi(f.at("mode").get<std::string>(), nullptr, 8)));
  }
}

/// Every file and directory under the scratch directory with its bytes ("<directory>" for a directory).
std::map<std::string, std::string> snapshot(const Scratch& scratch) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(scratch.dir())) {
    const std::string name = fs::relative(e.path(), scratch.dir()).string();
    if (e.is_directory()) files[name] = "<directory>";
    else if (::access(e.path().c_str(), R_OK) == 0) files[name] = read_text(e.path());
    else files[name] = "<unreadable, size " + std::to_string(e.file_size()) + ">";
  }
  return files;
}

// ---- The tests ----

class Malformed : public testing::TestWithParam<Entry> {};

TEST_P(Malformed, RefusedWithItsMessage) {
  const Json& spec = GetParam().spec;
  if (spec.contains("error")) FAIL() << kCatalogue << ": " << spec.at("error").get<std::string>();
  if (spec.value("skip_as_root", false) && ::geteuid() == 0) GTEST_SKIP() << "root reads every file";

  Scratch scratch;
  make_files(spec.value("files", Json::object()), scratch);
  const auto before = snapshot(scratch);
  std::vector<std::string> args;
  for (const auto& a : spec.at("args")) args.push_back(substitute(a.get<std::string>(), scratch));

  const Result r = run(args);
  const std::string shown = "binaan " + [&] {
    std::string s;
    for (const auto& a : args) s += (s.empty() ? "" : " ") + a;
    return s;
  }() + "\nstderr:\n" + r.err;

  EXPECT_EQ(r.status, spec.at("status").get<int>()) << shown;
  if (spec.contains("stderr")) {
    EXPECT_EQ(r.err, substitute(spec.at("stderr").get<std::string>(), scratch)) << shown;
  }
  for (const auto& part : spec.value("stderr_has", Json::array())) {
    const std::string want = substitute(part.get<std::string>(), scratch);
    EXPECT_NE(r.err.find(want), std::string::npos) << "missing \"" << want << "\"\n" << shown;
  }
  // A refusal says so on standard error only: never half an output on standard output.
  EXPECT_EQ(r.out, "") << shown;
  // Bad input names a file: the first line of the message holds one of the paths on the command line.
  if (r.status == 1) {
    const std::string first_line = r.err.substr(0, r.err.find('\n'));
    bool named = false;
    for (const auto& a : args)
      named = named || (a.find('/') != std::string::npos && first_line.find(a) != std::string::npos);
    EXPECT_TRUE(named) << "the message names none of the files given\n" << shown;
  }
  // Nothing created, nothing left behind, nothing changed.
  const auto after = snapshot(scratch);
  for (const auto& [name, bytes] : after) {
    auto it = before.find(name);
    if (it == before.end()) {
      ADD_FAILURE() << "created " << name << "\n" << shown;
    } else if (it->second != bytes) {
      ADD_FAILURE() << "changed " << name << "\n" << shown;
    }
  }
  for (const auto& [name, bytes] : before) {
    if (!after.count(name)) ADD_FAILURE() << "removed " << name << "\n" << shown;
  }
}

std::string test_name(const testing::TestParamInfo<Entry>& info) {
  std::string name = info.param.id;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, Malformed, testing::ValuesIn(catalogue()), test_name);

// The catalogue itself: well formed, at least 100 entries, every surface covered (issue 7).
TEST(MalformedCatalogue, Shape) {
  const auto& entries = catalogue();
  ASSERT_FALSE(entries.empty());
  ASSERT_FALSE(entries[0].spec.contains("error")) << entries[0].spec.at("error");
  EXPECT_GE(entries.size(), 100u);
  const Json all = Json::parse(read_text(kCatalogue));
  std::map<std::string, std::size_t> per_surface;
  for (const auto& [surface, about] : all.at("surfaces").items()) per_surface[surface] = 0;
  std::set<std::string> ids;
  const std::regex id_form("[a-z0-9]+(-[a-z0-9]+)*");
  std::set<std::string> inputs_used;
  for (const auto& e : entries) {
    EXPECT_TRUE(std::regex_match(e.id, id_form)) << e.id;
    EXPECT_TRUE(ids.insert(e.id).second) << "id used twice: " << e.id;
    const std::string surface = e.spec.value("surface", "");
    EXPECT_TRUE(per_surface.count(surface)) << e.id << ": surface \"" << surface << "\" not in \"surfaces\"";
    ++per_surface[surface];
    EXPECT_FALSE(e.spec.value("what", "").empty()) << e.id << ": no \"what\"";
    const int status = e.spec.value("status", 0);
    EXPECT_TRUE(status == 1 || status == 2) << e.id << ": status " << status;
    EXPECT_TRUE(e.spec.contains("stderr") || e.spec.contains("stderr_has")) << e.id << ": no expected message";
    const Json files = e.spec.value("files", Json::object());  // items() of a temporary would dangle
    for (const auto& [name, f] : files.items())
      if (f.is_object() && f.contains("input")) inputs_used.insert(f.at("input").get<std::string>());
  }
  for (const auto& [surface, n] : per_surface) EXPECT_GE(n, 8u) << "surface " << surface;
  if (fs::is_directory(kInputs)) {
    for (const auto& p : fs::directory_iterator(kInputs)) {
      const std::string name = p.path().filename().string();
      if (name[0] == '.') continue;  // .gitattributes
      EXPECT_TRUE(inputs_used.count(name)) << "unused input " << p.path();
    }
  }
}

}  // namespace
}  // namespace binaan::clitest
