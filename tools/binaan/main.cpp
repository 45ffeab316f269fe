// The binaan command-line program: one subcommand per job; every error is a message and an exit status, never a crash.
#include "cli.hpp"

#include <binaan/error.hpp>
#include <binaan/version.hpp>

#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <new>

namespace {

constexpr const char* kMainUsage =
    "usage: binaan COMMAND [ARGS] [--help]\n"
    "\n"
    "commands:\n"
    "  evaluate CASE.json   remissions, release and parole dates of one case, with every decision explained\n"
    "\n"
    "binaan --version prints the version. Exit status: 0 success, 1 bad input, 2 usage.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace binaan::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands{
      {"evaluate", run_evaluate},
  };
  try {
    if (args.empty()) throw UsageError("a command is needed");
    if (args[0] == "--version") {
      std::cout << "binaan " << BINAAN_VERSION_STRING << '\n';
      return kOk;
    }
    if (args[0] == "--help" || args[0] == "help") {
      std::cout << kMainUsage;
      return kOk;
    }
    auto it = commands.find(args[0]);
    if (it == commands.end()) throw UsageError("unknown command \"" + args[0] + "\"");
    return it->second(std::vector<std::string>(args.begin() + 1, args.end()));
  } catch (const UsageError& e) {
    std::cerr << "binaan: " << e.what() << '\n';
    if (std::string(e.what()).find("usage:") == std::string::npos)
      std::cerr << (args.size() > 1 && commands.count(args[0]) ? "Try 'binaan " + args[0] + " --help'.\n"
                                                               : std::string("\n") + kMainUsage);
    return kUsage;
  } catch (const binaan::Error& e) {
    std::cerr << "binaan: " << e.what() << '\n';
    return kBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "binaan: out of memory\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "binaan: internal error: " << e.what() << '\n';
    return 3;
  }
}
