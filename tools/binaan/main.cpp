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
    "  evaluate       CASE.json: remissions, release and parole dates of one case, every decision explained\n"
    "  remission-run  --on DATE FACILITY|ROSTER: the grant-day job (granted, not eligible, needs review, summary)\n"
    "  project        FACILITY|ROSTER: every person's expiry, release and programme dates (json, jsonl, csv)\n"
    "  explain        ID --on DATE FACILITY|ROSTER: one person's decisions on a day, in prose with citations\n"
    "  timeline       ID FACILITY|ROSTER --svg FILE: a picture of one sentence for the inmate's family\n"
    "  stats          FACILITY|ROSTER: population by offence, religion, sentence length; releases by month\n"
    "  what-if        FACILITY|ROSTER --set NAME=VALUE | --alternative FILE: everyone's dates under another\n"
    "                 policy, compared\n"
    "  import         ROSTER -o FACILITY: a facility archive from a roster\n"
    "  export         FACILITY -o FILE: the people of a facility as a roster\n"
    "  report         programmes|partners|head FACILITY --from DATE --to DATE: programme reports of a period\n"
    "  generate       national|demo -o FILE: synthetic, fictional data (a national population, the demo prison)\n"
    "  research-export FACILITY --key-file KEYFILE: pseudonymised rows and small-count-safe tables for researchers\n"
    "\n"
    "FACILITY is a binaan archive (recognised by its content, whatever its name); ROSTER is JSON Lines (.jsonl)\n"
    "or CSV (.csv). Every command takes --help. Commands that need today's date take --as-of DATE.\n"
    "\n"
    "binaan --version prints the version. Exit status: 0 success, 1 bad input, 2 usage.\n";

}  // namespace

namespace binaan::cli {
int run_generate(const std::vector<std::string>& argv);  // cmd_generate.cpp (links tools/synth)
int run_research_export(const std::vector<std::string>& argv);  // cmd_research.cpp
}

int main(int argc, char** argv) {
  using namespace binaan::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands{
      {"evaluate", run_evaluate},
      {"remission-run", run_remission_run},
      {"project", run_project},
      {"explain", run_explain},
      {"timeline", run_timeline},
      {"stats", run_stats},
      {"what-if", run_what_if},
      {"import", run_import},
      {"export", run_export},
      {"report", run_report},
      {"generate", run_generate},
      {"research-export", run_research_export},
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
      std::cerr << (!args.empty() && commands.count(args[0]) ? "Try 'binaan " + args[0] + " --help'.\n"
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
