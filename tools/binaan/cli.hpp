#pragma once
// Shared plumbing of the binaan command-line program: argument parsing, exit statuses, common options.

#include <binaan/rules/engine.hpp>
#include <binaan/rules/rule.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace binaan::cli {

/// Exit statuses: 0 success, 1 bad input (including missing, unreadable or unwritable files), 2 usage.
inline constexpr int kOk = 0;
inline constexpr int kBadInput = 1;
inline constexpr int kUsage = 2;

/// A usage error: unknown option, missing argument, bad option value. Exit status 2.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Command-line arguments after the subcommand: `--name value` options, `--flag` switches and positionals.
class Args {
public:
  /// `options` are the names that take a value, `flags` those that do not (without the leading dashes).
  Args(const std::vector<std::string>& argv, const std::vector<std::string>& options,
       const std::vector<std::string>& flags);

  const std::vector<std::string>& positional() const { return positional_; }
  std::optional<std::string> option(const std::string& name) const;
  bool flag(const std::string& name) const;

private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string> options_;
  std::vector<std::string> flags_;
};

/// `--lang id|en`; default from the locale: Indonesian when LANG starts with "id", else English.
Lang language(const Args& args);

/// The engine from the common options `--policy FILE` and `--holidays FILE` (which overrides rows of the built-in
/// table), with `--strict` turning assume_unrecorded_facts off.
Engine make_engine(const Args& args);

/// Writes text to a file atomically (temporary file, flush, rename); throws binaan::InputError if it cannot.
void write_file(const std::string& path, const std::string& text);

/// The common options every engine command takes.
std::vector<std::string> engine_options();

int run_evaluate(const std::vector<std::string>& argv);

}  // namespace binaan::cli
