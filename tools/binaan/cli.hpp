#pragma once
// Shared plumbing of the binaan command-line program: argument parsing, exit statuses, common options, loading a
// facility or a roster, progress on a terminal, atomic output.

#include <binaan/error.hpp>
#include <binaan/facility/facility.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/rules/rule.hpp>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

/// The text in the chosen language.
inline const char* tr(Lang lang, const char* en, const char* id) { return lang == Lang::Id ? id : en; }

/// The policy of a policy file (JSON, at most 1 MiB), or the Indonesian default without one; `strict` turns
/// assume_unrecorded_facts off (`--strict`). Throws InputError naming the file.
Policy policy_of(const std::optional<std::string>& file, bool strict);

/// The engine from the common options `--policy FILE` and `--holidays FILE` (which overrides rows of the built-in
/// table), with `--strict` turning assume_unrecorded_facts off.
Engine make_engine(const Args& args);

/// A file written atomically: text goes to a temporary file beside it, which commit() flushes, syncs and renames
/// over the file; without commit (an error on the way), the temporary is removed and any previous file is
/// untouched. Errors throw binaan::InputError naming the file.
class AtomicFile {
public:
  explicit AtomicFile(std::string path);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  void write(std::string_view text);
  void commit();

private:
  [[noreturn]] void fail(const char* what, int err);
  std::string path_;
  std::string tmp_;
  int fd_ = -1;
  bool committed_ = false;
};

/// Writes text to a file atomically (AtomicFile).
void write_file(const std::string& path, const std::string& text);

/// The common options every engine command takes.
std::vector<std::string> engine_options();

/// `options` followed by `more`.
std::vector<std::string> with(std::vector<std::string> options, std::initializer_list<const char*> more);

/// `--format`: one of `allowed`, else `fallback`; anything else is a usage error.
std::string format_of(const Args& args, std::initializer_list<const char*> allowed, const std::string& fallback);

/// `--NAME DATE` parsed strictly (YYYY-MM-DD); a bad date is a usage error.
std::optional<Date> date_option(const Args& args, const std::string& name);
/// As date_option, but the option must be given.
Date required_date(const Args& args, const std::string& name);

/// `--as-of DATE`, or the system date (local time), which is then printed on standard error: the library has no
/// "today" of its own, so the program is where the clock is read.
Date as_of(const Args& args);

/// `--threads N` (0 or absent: all cores).
unsigned thread_count(const Args& args);

/// Prints the text on standard output, or writes it atomically to `-o FILE` / `--output FILE` when given.
void emit(const Args& args, const std::string& text);

/// A command's output, written in pieces: the file of `-o`/`--output` (an AtomicFile, replaced only by commit()),
/// or standard output.
class Output {
public:
  explicit Output(const Args& args);
  void write(std::string_view text);
  void commit();

private:
  std::optional<AtomicFile> file_;
};

/// Writes the texts of items 0 … n−1 to `out`, one after the other: render(i, text) appends item i's. The items are
/// rendered in chunks on up to `threads` threads (0: all cores), round after round, and each round's chunks written
/// in order: a million people's results as JSON are more than a gigabyte of text, never held whole.
void render_items(std::size_t n, unsigned threads, const std::function<void(std::size_t, std::string&)>& render,
                  Output& out);

/// Whether a file starts with the magic of a facility archive (false when it cannot be read).
bool is_facility_file(const std::string& path);

/// A FACILITY (an archive, recognised by its magic whatever its name) or a ROSTER (`.jsonl` or `.csv`).
class Population {
public:
  /// Throws InputError when the file is missing or unreadable, not an archive and not a roster by its extension,
  /// or invalid.
  static Population load(const std::string& path);

  const std::string& file() const noexcept { return file_; }
  const std::vector<Case>& people() const noexcept { return facility_ ? facility_->people() : roster_; }
  /// The facility, or nullptr for a roster.
  const Facility* facility() const noexcept { return facility_.get(); }
  /// Throws InputError naming the file when it is a roster: the command needs a facility archive.
  const Facility& require_facility(const std::string& command) const;

  /// The case of a person; throws InputError naming the file and the id when there is none.
  const Case& person(const std::string& person_id) const;

  /// Each person's programme record (participation evidence and pemuka periods from the facility's programmes),
  /// in people() order, built on first use; nullptr for a roster, which has no programmes.
  const std::vector<ProgrammeRecord>* records() const;
  /// One person's programme record; empty for a roster.
  ProgrammeRecord record(const std::string& person_id) const;

private:
  std::string file_;
  std::vector<Case> roster_;
  std::shared_ptr<const Facility> facility_;
  mutable std::optional<std::vector<ProgrammeRecord>> records_;
};

/// A roster by its extension: `.jsonl` (JSON Lines) or `.csv`. Throws InputError for anything else.
std::vector<Case> read_roster_file(const std::string& path);

/// Applies every case's policy overrides before a batch run, so that an invalid one is reported naming the file and
/// the person instead of surfacing from a worker thread. Throws InputError.
void check_overrides(const Engine& engine, const Population& population);

/// The line a refused policy override of `c` was read from (e's field is `policy.NAME`), or 0: the rules refuse an
/// override when the case is evaluated, when the file's lines are gone but for the one each override keeps.
long line_of_override(const Case& c, const ValueError& e);

/// The rules' refusal `e` of one person of `population`, as an input error naming the file, the line of a refused
/// override, and the person.
InputError person_input_error(const Population& population, const Case& c, const ValueError& e);

/// A one-line progress indicator on standard error, shown only when standard error is a terminal and the run is
/// long (at least `kMinItems` items); silent otherwise, so output piped to a file or a test never carries it.
class Progress {
public:
  static constexpr std::size_t kMinItems = 2000;
  Progress(std::string label, std::size_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool active() const noexcept { return active_; }
  void advance(std::size_t n);

private:
  std::string label_;
  std::size_t total_;
  std::size_t done_ = 0;
  int shown_ = -1;
  bool active_;
};

/// Engine::evaluate_all over everyone, with their programme records when it is a facility, and progress on a
/// terminal. Each evaluation's `id` is the person id, as every per-person output of a roster command has it
/// (case-format.md).
std::vector<Evaluation> evaluate_people(const Engine& engine, const Population& population,
                                        const EvaluateOptions& options, unsigned threads, Lang lang);

/// Engine::project_all over everyone, in roster order, as evaluate_people does it (records, progress, errors).
std::vector<Projection> project_people(const Engine& engine, const Population& population, unsigned threads,
                                       Lang lang);

/// Engine::run_grant_day over everyone, with their programme records when it is a facility, and progress on a
/// terminal (then run in slices and the summaries added up).
DayRun run_day(const Engine& engine, const Population& population, Date day, unsigned threads, Lang lang);

/// Engine::evaluate of one person, with the programme record when it is a facility; an invalid policy override
/// in the person's record is an InputError naming the file and the person.
Evaluation evaluate_person(const Engine& engine, const Population& population, const Case& c,
                           const EvaluateOptions& options = {});

/// "24 January 2019" / "24 Januari 2019".
std::string long_date(Date d, Lang lang);

/// "general crime" / "pidana umum" …
std::string offence_words(Offence o, Lang lang);
/// "Islam", "Protestant" / "Kristen Protestan" …
std::string religion_words(Religion r, Lang lang);

int run_evaluate(const std::vector<std::string>& argv);
int run_remission_run(const std::vector<std::string>& argv);
int run_project(const std::vector<std::string>& argv);
int run_explain(const std::vector<std::string>& argv);
int run_timeline(const std::vector<std::string>& argv);
int run_import(const std::vector<std::string>& argv);
int run_export(const std::vector<std::string>& argv);
int run_report(const std::vector<std::string>& argv);
int run_stats(const std::vector<std::string>& argv);
int run_what_if(const std::vector<std::string>& argv);

}  // namespace binaan::cli
