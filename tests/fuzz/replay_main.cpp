// Replays fuzz inputs without libFuzzer: runs LLVMFuzzerTestOneInput once on every file named on the command line
// and on every file under every directory named (recursively, in path order), so that each fuzz target is also an
// ordinary program that ctest runs on its corpus with any compiler. Arguments that start with '-' are libFuzzer
// flags and are ignored, so one command line serves both builds. When an input fails (an invariant, an escaping
// exception, a crash, a sanitizer report), the path of that input is printed before the process ends.

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Present only in a sanitizer build: called when a sanitizer ends the process after its report.
extern "C" [[gnu::weak]] void __sanitizer_set_death_callback(void (*callback)());

namespace {

// The input being replayed, for the failure handlers: a fixed buffer, since a signal handler may not allocate.
char current_input[4096] = "";
volatile std::sig_atomic_t reported = 0;

void report_input() {
  if (reported != 0 || current_input[0] == '\0') return;
  reported = 1;
  constexpr char prefix[] = "\nreplay: the failing input is ";
  (void)!::write(2, prefix, sizeof prefix - 1);
  (void)!::write(2, current_input, std::strlen(current_input));
  (void)!::write(2, "\n", 1);
}

void on_signal(int sig) {
  report_input();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void on_terminate() {
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      std::fprintf(stderr, "replay: uncaught exception: %s\n", x.what());
    } catch (...) {
      std::fprintf(stderr, "replay: uncaught exception of an unknown type\n");
    }
  }
  report_input();
  std::abort();
}

bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  out.clear();
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) out.append(buf, static_cast<std::size_t>(in.gcount()));
  return !in.bad() && in.eof();
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (!arg.empty() && arg[0] == '-') continue;
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<fs::path> found;
      for (const fs::directory_entry& e : fs::recursive_directory_iterator(arg, ec))
        if (e.is_regular_file()) found.push_back(e.path());
      if (ec) {
        std::fprintf(stderr, "replay: cannot list %s: %s\n", arg.c_str(), ec.message().c_str());
        return 2;
      }
      std::sort(found.begin(), found.end());
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(arg, ec)) {
      inputs.emplace_back(arg);
    } else {
      std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", arg.c_str());
      return 2;
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: %s FILE|DIRECTORY...  (runs the fuzz target once on every file)\n", argv[0]);
    return 2;
  }

  std::set_terminate(on_terminate);
  // abort() (a broken invariant) and __builtin_trap() (SIGILL) always; memory faults only without a sanitizer,
  // whose own handler prints the stack and then calls the death callback.
  for (int sig : {SIGABRT, SIGILL}) std::signal(sig, on_signal);
  if (__sanitizer_set_death_callback != nullptr)
    __sanitizer_set_death_callback(report_input);
  else
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE}) std::signal(sig, on_signal);

  std::size_t bytes = 0;
  std::string data;
  for (const fs::path& path : inputs) {
    const std::string name = path.string();
    std::snprintf(current_input, sizeof current_input, "%s", name.c_str());
    if (!read_file(path, data)) {
      std::fprintf(stderr, "replay: cannot read %s\n", name.c_str());
      return 2;
    }
    // A copy of exactly the input's size, so that a read past its end is an AddressSanitizer finding.
    std::vector<std::uint8_t> copy(data.begin(), data.end());
    LLVMFuzzerTestOneInput(copy.data(), copy.size());
    bytes += copy.size();
  }
  current_input[0] = '\0';
  std::printf("replay: %zu inputs (%zu bytes), no finding\n", inputs.size(), bytes);
  return 0;
}
