// Runs `binaan evaluate CASE.json` and compares its output with the case's `expect` (case-format.md "Golden tests").
// usage: binaan_golden_cli_check BINAAN CASE.json
#include "json_subset.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: binaan_golden_cli_check BINAAN CASE.json\n";
    return 2;
  }
  std::ifstream in(argv[2]);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json expect = nlohmann::json::parse(text.str()).at("expect");
  std::string command = std::string("'") + argv[1] + "' evaluate '" + argv[2] + "' --format json";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    std::cerr << "cannot run " << command << '\n';
    return 1;
  }
  std::string output;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  int status = pclose(pipe);
  if (status != 0) {
    std::cerr << command << " exited with status " << status << '\n';
    return 1;
  }
  auto mismatches = binaan::testing::json_subset_mismatches(expect, nlohmann::json::parse(output));
  for (const auto& m : mismatches) std::cerr << argv[2] << ": " << m << '\n';
  return mismatches.empty() ? 0 : 1;
}
