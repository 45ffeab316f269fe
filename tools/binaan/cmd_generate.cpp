// `binaan generate national|demo`: synthetic data for demonstrations and benchmarks (tools/synth). Everything it
// writes is fictional and deterministic: the same seed gives the same bytes.
#include "cli.hpp"

#include <binaan/error.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/synth/demo.hpp>
#include <binaan/synth/population.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <limits>

namespace binaan::cli {

int run_generate(const std::vector<std::string>& argv);

namespace {

constexpr const char* kGenerateHelp =
    "usage: binaan generate national --count N [--seed S] -o FILE.jsonl|FILE.binaan [--binary]\n"
    "       binaan generate demo [--seed S] -o FACILITY [--binary]\n"
    "\n"
    "Writes synthetic, entirely fictional data. The same seed gives the same bytes.\n"
    "\n"
    "  national   N sentenced people (1 to 10,000,000) with Indonesia's mix of offences, sentence lengths,\n"
    "             religions, detention, fines, conduct records, assessments and recorded grants (snapshot\n"
    "             2026-06-30): JSON Lines, written as it is generated, or a facility archive (.binaan)\n"
    "  demo       the demo prison \"Lapas Narkotika Kelas IIA Samarinda\": about 1,200 inmates, the garment SAE and\n"
    "             Bimker workshops, the partnership with the Dewan UKM of East Kalimantan, and the year 2026 of\n"
    "             sessions, production and sales, as a facility archive\n"
    "\n"
    "  --count N          people to generate (national)\n"
    "  --seed S           the seed, a whole number (default 1 for national, 2026 for demo)\n"
    "  -o, --output FILE  the file to write (atomically)\n"
    "  --binary           a binary archive (a local cache, readable only on this kind of machine)\n"
    "\n"
    "Exit status: 0 success, 1 bad input, 2 usage.\n";

constexpr std::size_t kMaxCount = 10'000'000;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::uint64_t whole_number(const std::string& option, const std::string& text, std::uint64_t max) {
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError("--" + option + " takes a whole number, not \"" + text + "\"");
  errno = 0;
  const unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
  if (errno == ERANGE || v > max)
    throw UsageError("--" + option + " is at most " + std::to_string(max) + ", not " + text);
  return v;
}

std::string output_of(const Args& args) {
  auto o = args.option("o");
  auto output = args.option("output");
  if (o && output) throw UsageError("give -o or --output, not both");
  if (!o) o = output;
  if (!o || o->empty()) throw UsageError("generate needs -o FILE");
  return *o;
}

// Writes JSON Lines as the people are generated (10 million people never sit in memory as text): into a temporary
// file beside the target, then flush, fsync and rename, as write_file does for whole texts.
void write_population_file(const std::string& path, std::size_t count, std::uint64_t seed) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw InputError(path, 0, "", "", std::string("cannot write the file: ") + std::strerror(errno));
  auto fail = [&](const char* what, int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw InputError(path, 0, "", "", std::string(what) + ": " + std::strerror(err));
  };
  std::string buffer;
  auto flush = [&] {
    const char* p = buffer.data();
    std::size_t left = buffer.size();
    while (left > 0) {
      const ssize_t n = ::write(fd, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("cannot write the file", n < 0 ? errno : ENOSPC);
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    buffer.clear();
  };
  Progress progress("generate", count);
  synth::for_each_person(count, seed, [&](const Case& c) {
    buffer += write_case_json(c, -1);
    buffer += '\n';
    if (buffer.size() >= (std::size_t{1} << 20)) flush();
    progress.advance(1);
  });
  flush();
  if (::fsync(fd) != 0) fail("cannot write the file", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw InputError(path, 0, "", "", std::string("cannot write the file: ") + std::strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw InputError(path, 0, "", "", std::string("cannot replace the file: ") + std::strerror(err));
  }
}

}  // namespace

int run_generate(const std::vector<std::string>& argv) {
  Args args(argv, {"count", "seed", "o", "output", "lang"}, {"binary", "help"});
  if (args.flag("help")) {
    std::cout << kGenerateHelp;
    return kOk;
  }
  if (args.positional().size() != 1)
    throw UsageError("generate takes national or demo\n\n" + std::string(kGenerateHelp));
  (void)language(args);
  const std::string& what = args.positional()[0];
  const std::string out = output_of(args);
  const ArchiveFormat format = args.flag("binary") ? ArchiveFormat::Binary : ArchiveFormat::Text;
  const auto seed_text = args.option("seed");

  if (what == "national") {
    const auto count_text = args.option("count");
    if (!count_text) throw UsageError("generate national needs --count N");
    const auto count = static_cast<std::size_t>(whole_number("count", *count_text, kMaxCount));
    if (count == 0) throw UsageError("--count is at least 1");
    const std::uint64_t seed =
        seed_text ? whole_number("seed", *seed_text, std::numeric_limits<std::uint64_t>::max()) : 1;
    if (ends_with(out, ".jsonl")) {
      write_population_file(out, count, seed);
    } else if (ends_with(out, ".binaan")) {
      std::vector<Case> people = synth::generate_population(count, seed, 0);
      const Facility facility("SYNTH-NATIONAL", "Synthetic national population (seed " + std::to_string(seed) + ")",
                              FacilityKind::Lapas, std::move(people));
      save_facility(facility, out, format);
    } else {
      throw UsageError("generate national writes FILE.jsonl or FILE.binaan, not \"" + out + "\"");
    }
    std::cerr << "binaan: " << count << " people (seed " << seed << ") written to " << out << '\n';
    return kOk;
  }
  if (what == "demo") {
    if (args.option("count")) throw UsageError("generate demo takes no --count");
    const std::uint64_t seed =
        seed_text ? whole_number("seed", *seed_text, std::numeric_limits<std::uint64_t>::max()) : synth::kDemoSeed;
    const Facility facility = synth::generate_demo_facility(seed);
    save_facility(facility, out, format);
    std::cerr << "binaan: " << facility.name() << ", " << facility.size() << " people (seed " << seed
              << ") written to " << out << '\n';
    return kOk;
  }
  throw UsageError("generate takes national or demo, not \"" + what + "\"");
}

}  // namespace binaan::cli
