#include "cli.hpp"

#include <binaan/error.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/time/holiday_calendar.hpp>


#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include <ctime>
#include <exception>
#include <iostream>
#include <iterator>
#include <limits>
#include <system_error>
#include <thread>
#include <tuple>

namespace binaan::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& options,
           const std::vector<std::string>& flags) {
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-' || a == "-") {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a.substr(a.rfind('-', 1) == 1 ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (has(options, name)) {
      if (options_.count(name)) throw UsageError("option --" + name + " given twice");
      // `--policy --strict`: the value forgotten, not a file named "--strict".
      auto is_option = [&](const std::string& next) {
        return next.rfind("--", 0) == 0 && next.size() > 2 &&
               (has(options, next.substr(2, next.find('=') - 2)) || has(flags, next.substr(2)));
      };
      if (inline_value) options_[name] = *inline_value;
      else if (i + 1 < argv.size() && !is_option(argv[i + 1])) options_[name] = argv[++i];
      else if (i + 1 < argv.size()) throw UsageError("option " + a + " needs a value, not the option " + argv[i + 1]);
      else throw UsageError("option " + a + " needs a value");
    } else if (has(flags, name) && !inline_value) {
      flags_.push_back(name);
    } else {
      throw UsageError("unknown option " + a);
    }
  }
}

std::optional<std::string> Args::option(const std::string& name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

bool Args::flag(const std::string& name) const { return std::find(flags_.begin(), flags_.end(), name) != flags_.end(); }

Lang language(const Args& args) {
  if (auto l = args.option("lang")) {
    if (*l == "id") return Lang::Id;
    if (*l == "en") return Lang::En;
    throw UsageError("--lang takes id or en, not \"" + *l + "\"");
  }
  const char* env = std::getenv("LANG");
  return env && std::string(env).rfind("id", 0) == 0 ? Lang::Id : Lang::En;
}

std::vector<std::string> engine_options() { return {"policy", "holidays", "lang", "format"}; }

std::vector<std::string> with(std::vector<std::string> options, std::initializer_list<const char*> more) {
  for (const char* m : more) options.emplace_back(m);
  return options;
}

Policy policy_of(const std::optional<std::string>& file, bool strict) {
  Policy policy = file ? read_policy_json(read_file_text(*file, 1u << 20), *file) : default_policy();
  if (strict) policy.assume_unrecorded_facts = false;
  return policy;
}

Engine make_engine(const Args& args) {
  Policy policy = policy_of(args.option("policy"), args.flag("strict"));
  HolidayCalendar calendar = HolidayCalendar::builtin();
  if (auto file = args.option("holidays"))
    calendar = calendar.overridden_by(HolidayCalendar::from_csv(read_file_text(*file, 16u << 20), *file));
  return Engine(std::move(policy), std::move(calendar));
}

AtomicFile::AtomicFile(std::string path)
    // The temporary file sits beside the target (same file system, so rename is atomic) and is unique to this
    // process, so two runs writing the same file never write into each other's temporary.
    : path_(std::move(path)), tmp_(path_ + ".tmp." + std::to_string(::getpid())) {
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    int err = errno;
    throw InputError(path_, 0, "", "", std::string("cannot write the file: ") + std::strerror(err));
  }
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(tmp_.c_str());
}

void AtomicFile::fail(const char* what, int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(tmp_.c_str());
  committed_ = true;  // nothing left to remove
  throw InputError(path_, 0, "", "", std::string(what) + ": " + std::strerror(err));
}

void AtomicFile::write(std::string_view text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write the file", n < 0 ? errno : ENOSPC);
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit() {
  if (::fsync(fd_) != 0) fail("cannot write the file", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("cannot write the file", errno);
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) fail("cannot replace the file", errno);
  committed_ = true;
  // The rename itself is durable only once the directory is synced; a failure here loses nothing already written.
  auto slash = path_.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path_.substr(0, slash);
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    (void)::fsync(dir_fd);
    ::close(dir_fd);
  }
}

void write_file(const std::string& path, const std::string& text) {
  AtomicFile file(path);
  file.write(text);
  file.commit();
}

std::string format_of(const Args& args, std::initializer_list<const char*> allowed, const std::string& fallback) {
  std::string format = args.option("format").value_or(fallback);
  std::string list;
  for (const char* a : allowed) {
    if (format == a) return format;
    list += list.empty() ? a : std::string("|") + a;
  }
  throw UsageError("--format takes " + list + ", not \"" + format + "\"");
}

std::optional<Date> date_option(const Args& args, const std::string& name) {
  auto text = args.option(name);
  if (!text) return std::nullopt;
  try {
    return parse_date(*text, "--" + name);
  } catch (const ValueError& e) {
    // The reason too when the form is right but the day is not (2019-02-29, 1899-12-31).
    const bool form = e.why().find("YYYY-MM-DD") != std::string::npos;
    throw UsageError("--" + name + " takes a date YYYY-MM-DD, not \"" + *text + "\"" + (form ? "" : ": " + e.why()));
  }
}

Date required_date(const Args& args, const std::string& name) {
  if (auto d = date_option(args, name)) return *d;
  throw UsageError("--" + name + " DATE is needed");
}

Date as_of(const Args& args) {
  if (auto d = date_option(args, "as-of")) return *d;
  std::time_t now = std::time(nullptr);
  std::tm local{};
  if (!localtime_r(&now, &local)) throw UsageError("cannot read the system date: give --as-of DATE");
  Date today = make_date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, "system date");
  std::cerr << "binaan: as of " << format_date(today) << " (the system date; --as-of DATE to choose)\n";
  return today;
}

unsigned thread_count(const Args& args) {
  auto text = args.option("threads");
  if (!text) return 0;
  if (text->empty() || text->size() > 4 || !std::all_of(text->begin(), text->end(), [](char c) {
        return c >= '0' && c <= '9';
      }))
    throw UsageError("--threads takes a number of threads (0: all cores), not \"" + *text + "\"");
  return static_cast<unsigned>(std::stoul(*text));
}

void render_items(std::size_t n, unsigned threads, const std::function<void(std::size_t, std::string&)>& render,
                  Output& out) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Rounds of chunks: each round's chunks are rendered on the threads, each chunk into a text of its own, then
  // written in order, and the texts are rendered into again in the next round. A chunk is a few thousand items
  // (several for each thread, so that a slower core takes fewer); a round of 16 chunks a thread holds some 100 MB
  // of JSON, whatever the roster's size.
  const std::size_t chunk = std::clamp<std::size_t>(n / (std::size_t{threads} * 8), 1, 2048);
  const std::size_t per_round = std::size_t{threads} * 16;
  std::vector<std::string> texts(std::min(per_round, (n + chunk - 1) / chunk));
  for (std::size_t first = 0; first < n; first += chunk * texts.size()) {
    const std::size_t chunks = std::min(texts.size(), (n - first + chunk - 1) / chunk);
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> errors(threads);
    auto work = [&](unsigned t) {
      try {
        for (std::size_t c; (c = next.fetch_add(1)) < chunks;) {
          texts[c].clear();
          const std::size_t begin = first + c * chunk;
          for (std::size_t i = begin; i < std::min(n, begin + chunk); ++i) render(i, texts[c]);
        }
      } catch (...) {
        errors[t] = std::current_exception();
        next = chunks;  // the others stop too
      }
    };
    // This thread is the first; one the system refuses to start leaves its chunks to the others.
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(threads, chunks); ++t) {
      try {
        pool.emplace_back(work, t);
      } catch (const std::system_error&) {
        break;
      }
    }
    work(0);
    for (auto& th : pool) th.join();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
    for (std::size_t c = 0; c < chunks; ++c) out.write(texts[c]);
  }
}

namespace {

std::optional<std::string> output_path(const Args& args) {
  auto o = args.option("o");
  auto output = args.option("output");
  if (o && output) throw UsageError("give -o or --output, not both");
  return o ? o : output;
}

}  // namespace

Output::Output(const Args& args) {
  if (auto path = output_path(args)) file_.emplace(*path);
}

void Output::write(std::string_view text) {
  if (file_) file_->write(text);
  else std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void Output::commit() {
  if (file_) file_->commit();
  else std::cout << std::flush;
}

void emit(const Args& args, const std::string& text) {
  Output out(args);
  out.write(text);
  out.commit();
}

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A roster has no size limit of its own (only each line has); this bounds what one run reads into memory.
constexpr std::size_t kMaxRosterBytes = std::size_t{4} << 30;

}  // namespace

bool is_facility_file(const std::string& path) { return is_facility_archive_file(path); }

std::vector<Case> read_roster_file(const std::string& path) {
  if (ends_with(path, ".jsonl")) return read_roster_jsonl(read_file_text(path, kMaxRosterBytes), path);
  if (ends_with(path, ".csv")) return read_roster_csv(read_file_text(path, kMaxRosterBytes), path);
  throw InputError(path, 0, "", "",
                   "not a facility archive (no binaan archive magic) and not a roster (.jsonl or .csv)");
}

Population Population::load(const std::string& path) {
  Population p;
  p.file_ = path;
  // Missing and unreadable files are reported the same way for every kind of input.
  {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      int err = errno;
      throw InputError(path, 0, "", "", std::string("cannot open the file: ") + std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) throw InputError(path, 0, "", "", "is a directory, not a file");
    if (!S_ISREG(st.st_mode)) throw InputError(path, 0, "", "", "not a regular file");
    if (::access(path.c_str(), R_OK) != 0) {
      int err = errno;
      throw InputError(path, 0, "", "", std::string("cannot read the file: ") + std::strerror(err));
    }
  }
  // A .binaan file without the magic (empty, cut short, something else renamed) gets the archive reader's own
  // account of what is wrong with it.
  if (is_facility_file(path) || ends_with(path, ".binaan")) {
    p.facility_ = std::make_shared<const Facility>(load_facility(path));
    return p;
  }
  p.roster_ = read_roster_file(path);
  return p;
}

const Facility& Population::require_facility(const std::string& command) const {
  if (!facility_)
    throw InputError(file_, 0, "", "", command + " needs a facility archive (binaan import makes one from a roster)");
  return *facility_;
}

const Case& Population::person(const std::string& person_id) const {
  if (facility_) {
    if (const Case* c = facility_->find(person_id)) return *c;
  } else {
    for (const auto& c : roster_)
      if (c.person().id() == person_id) return c;
  }
  throw InputError(file_, 0, "person.id", "\"" + person_id + "\"", "no person with this id");
}

const std::vector<ProgrammeRecord>* Population::records() const {
  if (!facility_) return nullptr;
  if (!records_) {
    const Programmes& programmes = facility_->programmes();
    std::map<std::string, std::vector<DaySpan>> pemuka;
    for (const auto& period : programmes.pemuka()) pemuka[period.inmate_id].push_back(period.span);
    std::vector<ProgrammeRecord> records;
    records.reserve(facility_->size());
    for (const auto& c : facility_->people()) {
      ProgrammeRecord r;
      r.participation = participation_evidence(programmes, c.person().id());
      if (auto it = pemuka.find(c.person().id()); it != pemuka.end()) r.pemuka = it->second;
      records.push_back(std::move(r));
    }
    records_ = std::move(records);
  }
  return &*records_;
}

ProgrammeRecord Population::record(const std::string& person_id) const {
  ProgrammeRecord r;
  if (!facility_) return r;
  r.participation = participation_evidence(facility_->programmes(), person_id);
  for (const auto& period : facility_->programmes().pemuka())
    if (period.inmate_id == person_id) r.pemuka.push_back(period.span);
  return r;
}

void check_overrides(const Engine& engine, const Population& population) {
  for (const auto& c : population.people()) {
    if (c.policy.empty()) continue;
    try {
      (void)with_overrides(engine.policy(), c.policy);
    } catch (const ValueError& e) {
      throw person_input_error(population, c, e);
    }
  }
}

InputError person_input_error(const Population& population, const Case& c, const ValueError& e) {
  return InputError(population.file(), line_of_override(c, e), "person " + c.person().id() + ": " + e.field(),
                    e.value(), e.why());
}

long line_of_override(const Case& c, const ValueError& e) {
  constexpr std::string_view kPrefix = "policy.";
  const std::string& field = e.field();
  if (field.compare(0, kPrefix.size(), kPrefix) != 0) return 0;
  for (const auto& o : c.policy)
    if (field.compare(kPrefix.size(), std::string::npos, o.name) == 0) return o.line;
  return 0;
}

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), active_(total >= kMinItems && ::isatty(STDERR_FILENO) == 1) {
  if (active_) advance(0);
}

Progress::~Progress() {
  if (active_) std::cerr << '\r' << std::string(label_.size() + 32, ' ') << '\r' << std::flush;
}

void Progress::advance(std::size_t n) {
  if (!active_) return;
  done_ += n;
  int percent = total_ == 0 ? 100 : static_cast<int>(done_ * 100 / total_);
  if (percent == shown_) return;
  shown_ = percent;
  std::cerr << '\r' << label_ << ": " << done_ << '/' << total_ << " (" << percent << "%)" << std::flush;
}

namespace {

// Slices of a long run, so that progress can be shown between them; each slice still uses every thread.
constexpr std::size_t kSlice = 1024;

template <typename T>
std::vector<T> slice(const std::vector<T>& all, std::size_t from) {
  auto end = all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), from + kSlice));
  return std::vector<T>(all.begin() + static_cast<std::ptrdiff_t>(from), end);
}

// fn(roster, records) over everyone: at once, or slice by slice with the progress shown between them on a terminal;
// the results in roster order.
template <typename Fn>
auto over_people(const Population& population, const std::string& label, Fn fn) {
  const std::vector<Case>& people = population.people();
  const std::vector<ProgrammeRecord>* records = population.records();
  Progress progress(label, people.size());
  if (!progress.active()) return fn(people, records);
  decltype(fn(people, records)) out;
  out.reserve(people.size());
  for (std::size_t i = 0; i < people.size(); i += kSlice) {
    std::vector<ProgrammeRecord> part_records = records ? slice(*records, i) : std::vector<ProgrammeRecord>();
    auto part = fn(slice(people, i), records ? &part_records : nullptr);
    progress.advance(part.size());
    for (auto& x : part) out.push_back(std::move(x));
  }
  return out;
}

std::vector<Evaluation> evaluate_people_unnamed(const Engine& engine, const Population& population,
                                                const EvaluateOptions& options, unsigned threads, Lang lang) {
  std::vector<Evaluation> out =
      over_people(population, tr(lang, "evaluating", "menghitung"),
                  [&](const std::vector<Case>& roster, const std::vector<ProgrammeRecord>* records) {
                    return engine.evaluate_all(roster, options, threads, records);
                  });
  for (auto& ev : out) ev.id = ev.person;
  return out;
}

std::vector<Projection> project_people_unnamed(const Engine& engine, const Population& population, unsigned threads,
                                               Lang lang) {
  return over_people(population, tr(lang, "projecting", "memproyeksikan"),
                     [&](const std::vector<Case>& roster, const std::vector<ProgrammeRecord>* records) {
                       return engine.project_all(roster, threads, records);
                     });
}

DayRun run_day_unnamed(const Engine& engine, const Population& population, Date day, unsigned threads, Lang lang) {
  const std::vector<Case>& people = population.people();
  const std::vector<ProgrammeRecord>* records = population.records();
  Progress progress(tr(lang, "grant day", "hari pemberian"), people.size());
  if (!progress.active()) return engine.run_grant_day(people, day, threads, records);
  DayRun run;
  run.date = day;
  // The summary is added up with the engine's own key and order: kind, level, amount.
  std::map<std::tuple<int, bool, std::int32_t>, std::size_t> counts;
  for (std::size_t i = 0; i < people.size(); i += kSlice) {
    std::vector<ProgrammeRecord> part_records = records ? slice(*records, i) : std::vector<ProgrammeRecord>();
    DayRun part = engine.run_grant_day(slice(people, i), day, threads, records ? &part_records : nullptr);
    progress.advance(std::min(kSlice, people.size() - i));
    // The part's decision lists join the run's as they are; its outcomes name them by their index in the run.
    const auto offset = static_cast<std::uint32_t>(run.decision_lists.size());
    for (auto& o : part.outcomes) {
      o.list += offset;
      run.outcomes.push_back(std::move(o));
    }
    for (auto& list : part.decision_lists) run.decision_lists.push_back(std::move(list));
    for (const auto& row : part.summary) counts[{static_cast<int>(row.kind), row.level_ii, row.days}] += row.count;
  }
  for (const auto& [key, n] : counts)
    run.summary.push_back({static_cast<GrantKind>(std::get<0>(key)), std::get<1>(key), std::get<2>(key), n});
  return run;
}

// An evaluation that fails in a batch (a policy override the engine refuses, a sentence running past 2200-12-31,
// the last day binaan computes) surfaces from the worker threads without saying whose it was. In this failure path
// only, the people are evaluated one by one until it fails again, so that the message names the file and the person.
[[noreturn]] void name_the_person(const Engine& engine, const Population& population, const EvaluateOptions& options,
                                  const Error& e) {
  for (const auto& c : population.people()) (void)evaluate_person(engine, population, c, options);
  throw InputError(population.file(), 0, "", "", e.what());
}

}  // namespace

std::vector<Evaluation> evaluate_people(const Engine& engine, const Population& population,
                                        const EvaluateOptions& options, unsigned threads, Lang lang) {
  try {
    return evaluate_people_unnamed(engine, population, options, threads, lang);
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    name_the_person(engine, population, options, e);
  }
}

std::vector<Projection> project_people(const Engine& engine, const Population& population, unsigned threads,
                                       Lang lang) {
  try {
    return project_people_unnamed(engine, population, threads, lang);
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    name_the_person(engine, population, EvaluateOptions{}, e);
  }
}

DayRun run_day(const Engine& engine, const Population& population, Date day, unsigned threads, Lang lang) {
  try {
    return run_day_unnamed(engine, population, day, threads, lang);
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    name_the_person(engine, population, EvaluateOptions{}, e);
  }
}

Evaluation evaluate_person(const Engine& engine, const Population& population, const Case& c,
                           const EvaluateOptions& options) {
  Evaluation ev;
  try {
    ev = population.facility() ? engine.evaluate(c, population.record(c.person().id()), options)
                               : engine.evaluate(c, options);
  } catch (const ValueError& e) {  // an invalid policy override in the person's record, a date past 2200-12-31
    throw person_input_error(population, c, e);
  } catch (const LookupError& e) {  // a holiday the table lacks, with approximation switched off
    throw InputError(population.file(), 0, "person " + c.person().id(), "", e.what());
  }
  ev.id = ev.person;
  return ev;
}

std::string long_date(Date d, Lang lang) {
  static const char* const en[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
  static const char* const id[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                   "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  auto month = static_cast<std::size_t>(d.month().as_number() - 1);
  return std::to_string(d.day().as_number()) + ' ' + (lang == Lang::Id ? id : en)[month] + ' ' +
         std::to_string(static_cast<int>(d.year()));
}

std::string offence_words(Offence o, Lang lang) {
  switch (o) {
    case Offence::General: return tr(lang, "general crime", "pidana umum");
    case Offence::Narcotics: return tr(lang, "narcotics", "narkotika");
    case Offence::Corruption: return tr(lang, "corruption", "korupsi");
    case Offence::Terrorism: return tr(lang, "terrorism", "terorisme");
    case Offence::StateSecurity: return tr(lang, "state security", "keamanan negara");
    case Offence::HumanRights: return tr(lang, "gross human-rights crime", "pelanggaran HAM berat");
    case Offence::OrganisedCrime:
      return tr(lang, "transnational organised crime", "kejahatan transnasional terorganisasi");
  }
  return std::string(to_string(o));
}

std::string religion_words(Religion r, Lang lang) {
  switch (r) {
    case Religion::Islam: return "Islam";
    case Religion::Protestant: return tr(lang, "Protestant", "Kristen Protestan");
    case Religion::Catholic: return tr(lang, "Catholic", "Katolik");
    case Religion::Hindu: return "Hindu";
    case Religion::Buddhist: return tr(lang, "Buddhist", "Buddha");
    case Religion::Confucian: return tr(lang, "Confucian", "Khonghucu");
    case Religion::Other: return tr(lang, "other", "lainnya");
    case Religion::Unknown: return tr(lang, "not recorded", "tidak tercatat");
  }
  return std::string(to_string(r));
}


}  // namespace binaan::cli
