#include <binaan/rules/engine.hpp>

#include "hints.hpp"
#include "rules/integration.hpp"
#include "rules/remission.hpp"
#include "rules/subject.hpp"

#include <binaan/error.hpp>

#include <algorithm>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <tuple>

namespace binaan {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::Granted: return "granted";
    case Outcome::NotEligible: return "not_eligible";
    case Outcome::NeedsReview: return "needs_review";
  }
  return "?";
}

std::string_view to_string(MissingFact f) {
  switch (f) {
    case MissingFact::AssessmentPredicate: return "facts.assessments.predicate";
    case MissingFact::AssessmentRisk: return "facts.assessments.risk";
  }
  return "?";
}

Engine::Engine() : Engine(default_policy(), HolidayCalendar::builtin()) {}

Engine::Engine(Policy policy, HolidayCalendar calendar)
    : policy_(std::move(policy)),
      calendar_(std::move(calendar)),
      holidays_(std::make_shared<const detail::HolidayDays>(calendar_)) {}

Evaluation Engine::evaluate(const Case& c, const EvaluateOptions& options) const {
  static const ProgrammeRecord kNoRecord;
  return evaluate(c, kNoRecord, options);
}

namespace {

// The policy of one case: the engine's, in place, when the case has no overrides (most have none), else a copy
// with them applied into `storage` (a workspace's, reused from case to case).
BINAAN_COLD const Policy& overridden_policy(const Case& c, const Policy& engine_policy, std::optional<Policy>& storage) {
  storage = with_overrides(engine_policy, c.policy);
  return *storage;
}

BINAAN_ALWAYS_INLINE const Policy& policy_for(const Case& c, const Policy& engine_policy,
                                              std::optional<Policy>& storage) {
  return c.policy.empty() ? engine_policy : overridden_policy(c, engine_policy, storage);
}

// The rules over one case — its policy and the remission timeline — handed to `make(subject, policy, timeline)`,
// which builds the result (the integration programmes decided into it); the scratch space is the caller's.
template <typename Make>
auto run_case(const Case& c, const ProgrammeRecord& record, const Policy& engine_policy,
              const detail::HolidayDays& holidays, detail::KeepDecisions keep,
              detail::Workspace& ws, Make make) {
  const Policy& policy = policy_for(c, engine_policy, ws.policy);
  const detail::Subject subject(c, policy, record);
  ws.decisions.clear();  // the timeline appends to it
  detail::Timeline timeline = detail::run_timeline(subject, holidays, keep, ws);
  return make(subject, policy, timeline);
}

// The dates an Evaluation and a Projection share, from the subject and the timeline, and the integration
// programmes decided into the result `r` (as made): one place, so that the two results cannot come to disagree.
template <typename Result>
void set_dates(Result& r, const detail::Subject& subject, const detail::Timeline& timeline) {
  r.start = subject.start;
  r.term_end = subject.term_end;
  r.expiry = timeline.expiry;
  r.estimated = timeline.estimated;
  detail::integrate(subject, timeline, r);
}

Evaluation evaluation_of(const Case& c, const detail::Subject& subject, const Policy& policy,
                         detail::Timeline& timeline) {
  Evaluation ev;
  ev.id = c.id;
  ev.person = c.person().id();
  set_dates(ev, subject, timeline);
  ev.grants.assign(timeline.grants.begin(), timeline.grants.end());  // exact size: the timeline's is the workspace's
  ev.policy_id = policy.id;
  ev.policy_version = policy.version;
  ev.decisions = std::move(timeline.decisions);
  ev.notes = std::move(timeline.notes);
  return ev;
}

// A projection written where it is kept (a roster's is the caller's vector): built in a temporary and then copied,
// its copy read back the bytes just written, in wider pieces than they were written in, which waits for them.
void project_into(Projection& pr, const detail::Subject& subject, const detail::Timeline& timeline) {
  pr = Projection{};
  set_dates(pr, subject, timeline);
  std::int32_t days = 0;
  for (const auto& g : timeline.grants) days += g.effective_days;
  pr.remission_days = days;
  pr.grants = static_cast<std::uint16_t>(std::min<std::size_t>(timeline.grants.size(), 65535));
  pr.released_by_grant = timeline.released_by_grant;
}

// Asks the memory system for what the rules will read of a case, without waiting for it. A national roster is far
// larger than the caches and each case's facts lie in their own heap blocks, so without this most of a case's
// evaluation is spent waiting for memory. The case object first, then (a few cases later, when its lines have
// arrived) the blocks its vectors point to. A hint only: no effect on results.
using detail::prefetch;

void prefetch_object(const Case& c) {
  const char* p = reinterpret_cast<const char*>(&c);
  for (std::size_t offset = 0; offset < sizeof(Case); offset += 64) prefetch(p + offset);
}

void prefetch_blocks(const Case& c) {
  auto block = [](const auto& v) {
    if (!v.empty()) prefetch(v.data());
  };
  block(c.detention().periods());
  const Facts& f = c.facts();
  block(f.discipline);
  block(f.escapes);
  block(f.pemuka);
  block(f.services);
  block(f.assessments);
  if (c.recorded()) block(c.recorded()->grants);
}

// Cases ahead of the one being evaluated whose object, and whose vectors' blocks, are prefetched.
constexpr std::size_t kObjectsAhead = 4;
constexpr std::size_t kBlocksAhead = 2;

// Runs fn(i, workspace, local) for every case i in [begin, end) of the roster, in order, on the calling thread,
// prefetching ahead.
template <typename Local, typename Fn>
void for_range(const std::vector<Case>& roster, std::size_t begin, std::size_t end, detail::Workspace& ws,
               Local& local, Fn& fn) {
  for (std::size_t i = begin; i < end; ++i) {
    if (i + kObjectsAhead < end) prefetch_object(roster[i + kObjectsAhead]);
    if (i + kBlocksAhead < end) prefetch_blocks(roster[i + kBlocksAhead]);
    fn(i, ws, local);
  }
}

// On several threads the roster is handed out in blocks, each to the thread that asks next, so that a thread on a
// slower core (a shared machine's busy one, a laptop's efficiency core) takes fewer blocks and none waits long for
// another: at most one block's work, about a millisecond. The first thread takes the blocks from the front of the
// roster, in order, and the others from the back, so that the first thread's part is the roster's start in roster
// order (a grant-day run decides it in place; only the rest is joined after it).

// People in a block: kBlockPeople, or fewer in a roster too small to give every thread eight blocks of that size.
constexpr std::size_t kBlockPeople = 4096;
constexpr std::size_t block_people(std::size_t n, unsigned threads) {
  return std::clamp<std::size_t>(n / (std::size_t{threads} * 8), 1, kBlockPeople);
}

class BlockQueue {
public:
  explicit BlockQueue(std::size_t blocks) : back_(blocks) {}
  /// The next block from the front, or from the back; none when every block is taken.
  std::optional<std::size_t> take(bool from_front) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (front_ == back_) return std::nullopt;
    return from_front ? front_++ : --back_;
  }

private:
  std::mutex mutex_;
  std::size_t front_ = 0;
  std::size_t back_;
};

// Runs fn(i, workspace, local) for every case i of the roster on up to `threads` threads (0: all cores), each thread
// with its own workspace and its own `Local` (what it produces, e.g. its part of the results); returns the threads'
// Locals, the first thread's first. Each thread runs its blocks one after the other, each block in roster order;
// `start_block(local, b)` is called before block b (blocks are numbered from 0 in roster order), and
// `prepare(local, index)` first in each thread with its index (0 first). On one thread the blocks are the roster's,
// in order. The first exception in roster order is rethrown: a thread stops at its first, and the others take the
// blocks left, so every case before the first failing one has run.
template <typename Local, typename Fn, typename Prepare, typename StartBlock>
std::vector<Local> for_each_block(const std::vector<Case>& roster, unsigned threads, Fn fn, Prepare prepare,
                                  StartBlock start_block) {
  const std::size_t n = roster.size();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
  const std::size_t block = block_people(n, threads);
  BlockQueue queue((n + block - 1) / block);
  std::vector<Local> locals(threads);
  // Thread t's part; `at` is set to the failing case, for the order of failures. It is written on a failure only:
  // the first thread's `at` is on the calling thread's stack, beside what every thread reads for every case.
  auto run = [&](unsigned t, std::size_t& at) {
    detail::Workspace ws;
    auto tracked = [&](std::size_t i, detail::Workspace& w, Local& local) {
      try {
        fn(i, w, local);
      } catch (...) {
        at = i;
        throw;
      }
    };
    prepare(locals[t], t);
    while (const std::optional<std::size_t> b = queue.take(t == 0)) {
      start_block(locals[t], *b);
      for_range(roster, *b * block, std::min(n, (*b + 1) * block), ws, locals[t], tracked);
    }
  };
  if (threads <= 1) {
    std::size_t at = 0;
    run(0, at);
    return locals;
  }
  struct Failure {
    std::size_t index = 0;  // of the failing case
    std::exception_ptr error;
  };
  std::vector<Failure> failures(threads);
  auto guarded = [&](unsigned t) {
    std::size_t at = 0;
    try {
      run(t, at);
    } catch (...) {
      failures[t] = {at, std::current_exception()};
    }
  };
  // The calling thread is the first: it is already running on its core, and it would only wait. A thread the
  // system refuses to start leaves its blocks to the others (its Local stays as made).
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(guarded, t);
    } catch (const std::system_error&) {
      break;
    }
  }
  guarded(0);
  for (auto& th : pool) th.join();
  const Failure* first = nullptr;
  for (const Failure& f : failures)
    if (f.error && (!first || f.index < first->index)) first = &f;
  if (first) std::rethrow_exception(first->error);
  return locals;
}

// for_each_block for results written in place by index: fn(i, workspace).
template <typename Fn>
void for_each_case(const std::vector<Case>& roster, unsigned threads, Fn fn) {
  struct Nothing {};
  for_each_block<Nothing>(
      roster, threads, [&](std::size_t i, detail::Workspace& ws, Nothing&) { fn(i, ws); }, [](Nothing&, unsigned) {},
      [](Nothing&, std::size_t) {});
}

// A roster's programme records, when given, are one per person in roster order.
void check_records(const std::vector<Case>& roster, const std::vector<ProgrammeRecord>* records) {
  if (records && records->size() != roster.size())
    throw ValueError("records", std::to_string(records->size()), "one programme record per person of the roster");
}

const ProgrammeRecord& record_of(const std::vector<ProgrammeRecord>* records, std::size_t i) {
  static const ProgrammeRecord kNone;
  return records ? (*records)[i] : kNone;
}

}  // namespace

Evaluation Engine::evaluate(const Case& c, const ProgrammeRecord& record, const EvaluateOptions& options) const {
  detail::Workspace ws;
  return run_case(c, record, policy_, *holidays_, {options.decisions, {}}, ws,
                  [&](const auto& subject, const auto& policy, auto& timeline) {
                    return evaluation_of(c, subject, policy, timeline);
                  });
}

std::vector<Evaluation> Engine::evaluate_all(const std::vector<Case>& roster, const EvaluateOptions& options,
                                             unsigned threads, const std::vector<ProgrammeRecord>* records) const {
  check_records(roster, records);
  std::vector<Evaluation> out;
  detail::reserve_huge(out, roster.size());
  out.resize(roster.size());
  for_each_case(roster, threads, [&](std::size_t i, detail::Workspace& ws) {
    out[i] = run_case(roster[i], record_of(records, i), policy_, *holidays_, {options.decisions, {}}, ws,
                      [&](const auto& subject, const auto& policy, auto& timeline) {
                        return evaluation_of(roster[i], subject, policy, timeline);
                      });
  });
  return out;
}

Projection Engine::project(const Case& c, const ProgrammeRecord& record) const {
  detail::Workspace ws;
  Projection pr;
  run_case(c, record, policy_, *holidays_, {}, ws,
           [&](const auto& subject, const auto&, const auto& timeline) {
             project_into(pr, subject, timeline);
           });
  return pr;
}

std::vector<Projection> Engine::project_all(const std::vector<Case>& roster, unsigned threads,
                                            const std::vector<ProgrammeRecord>* records) const {
  std::vector<Projection> out;
  project_all(roster, out, threads, records);
  return out;
}

void Engine::project_all(const std::vector<Case>& roster, std::vector<Projection>& out, unsigned threads,
                         const std::vector<ProgrammeRecord>* records) const {
  check_records(roster, records);
  detail::reserve_huge(out, roster.size());
  out.resize(roster.size());
  for_each_case(roster, threads, [&](std::size_t i, detail::Workspace& ws) {
    run_case(roster[i], record_of(records, i), policy_, *holidays_, {}, ws,
             [&](const auto& subject, const auto&, const auto& timeline) {
               project_into(out[i], subject, timeline);
             });
  });
}

namespace {

// What one thread of a grant-day run produces: the outcomes of its blocks, block after block in the order it ran
// them and each block in roster order; their decisions, which become one of the run's decision lists (each outcome's
// `list` is the thread's index and its `first` indexes this list); where each block's outcomes start; and its part of
// the summary.
//
// The parts sit side by side in one vector, and a thread writes its lists' ends for every person. Each part has
// cache lines of its own (128 bytes: a pair of 64-byte lines, which some processors fetch together, or one line of
// Apple's): sharing a line, the two threads of a 1,000,000-person run each missed on the line the other had just
// written, and at slow moments of the machine they took 279–368 ms of CPU between them against 255–276 ms apart.
constexpr std::size_t kOwnLines = 128;
struct alignas(kOwnLines) DayPart {
  struct BlockStart {
    std::size_t block;    // the block's number (for_each_block)
    std::size_t outcome;  // its first outcome's index in `outcomes`
  };
  std::uint32_t index = 0;  // the thread's, and its decision list's in the run
  std::vector<DayOutcome> outcomes;
  std::vector<Decision> decisions;
  std::vector<BlockStart> blocks;
  std::vector<SummaryRow> counts;  // a row per kind, level and amount granted, in the order first seen (a few dozen)
};

// Adds `n` grants of one kind, level and amount to `rows`. The rows are few and a run's grants repeat the same few
// amounts, so a look along them beats a map's allocation and pointer chase.
void count_grants(std::vector<SummaryRow>& rows, GrantKind kind, bool level_ii, std::int32_t days, std::size_t n) {
  for (auto& row : rows)
    if (row.kind == kind && row.level_ii == level_ii && row.days == days) {
      row.count += n;
      return;
    }
  rows.push_back({kind, level_ii, days, n});
}

// The parts of a grant-day run joined into `run`. Every part's decisions become one of the run's decision lists, as
// they are: the outcomes already say which list and where. The outcomes are joined in roster order: the first
// thread ran the first blocks, in order, so its list becomes the run's (it is the run's own list, lent, or was
// reserved for the whole roster), and every later block's outcomes are appended from the part that ran it; the
// other parts' outcome lists are then kept, empty, in run.spare for the next run. The summary is by kind, level and
// amount.
//
// The appending is the part of a run on several threads that no thread shares: on 1,000,000 people on two threads,
// about 400,000 outcomes of 56 bytes move, in 1.9–2.7 ms against the threads' 100–155 ms of deciding (the decisions
// moved too, in a list of the run's own, made it 6.8–10.2 ms).
void join(std::vector<DayPart>& parts, DayRun& run) {
  run.outcomes = std::move(parts[0].outcomes);
  if (parts.size() > 1) {
    // The later blocks' outcomes in roster order: [begin, end) of a part's list for each block.
    struct Piece {
      DayPart* part = nullptr;
      std::size_t begin = 0, end = 0;
    };
    std::size_t blocks = 0;
    for (const DayPart& part : parts) blocks += part.blocks.size();
    std::vector<Piece> pieces(blocks);
    for (auto part = parts.begin() + 1; part != parts.end(); ++part)
      for (std::size_t k = 0; k < part->blocks.size(); ++k) {
        const bool last = k + 1 == part->blocks.size();
        pieces[part->blocks[k].block] = {&*part, part->blocks[k].outcome,
                                         last ? part->outcomes.size() : part->blocks[k + 1].outcome};
      }
    // The run's list never grows here: every part's list was reserved for the whole roster.
    for (std::size_t b = parts[0].blocks.size(); b < blocks; ++b)
      std::move(pieces[b].part->outcomes.begin() + static_cast<std::ptrdiff_t>(pieces[b].begin),
                pieces[b].part->outcomes.begin() + static_cast<std::ptrdiff_t>(pieces[b].end),
                std::back_inserter(run.outcomes));
    for (auto part = parts.begin() + 1; part != parts.end(); ++part) {
      part->outcomes.clear();
      run.spare.push_back(std::move(part->outcomes));
    }
  }
  run.decision_lists.reserve(parts.size());
  for (DayPart& part : parts) run.decision_lists.push_back(std::move(part.decisions));
  for (const auto& part : parts)
    for (const SummaryRow& r : part.counts) count_grants(run.summary, r.kind, r.level_ii, r.days, r.count);
  std::sort(run.summary.begin(), run.summary.end(), [](const SummaryRow& a, const SummaryRow& b) {
    return std::tie(a.kind, a.level_ii, a.days) < std::tie(b.kind, b.level_ii, b.days);
  });
}

}  // namespace

DayRun Engine::run_grant_day(const std::vector<Case>& roster, Date day, unsigned threads,
                             const std::vector<ProgrammeRecord>* records) const {
  DayRun run;
  run_grant_day(roster, day, run, threads, records);
  run.spare = {};  // nobody runs into this one again: the other threads' lists go back to the system
  return run;
}

void Engine::run_grant_day(const std::vector<Case>& roster, Date day, DayRun& out, unsigned threads,
                           const std::vector<ProgrammeRecord>* records) const {
  // The last run's lists, for their memory; `out` stays empty until the run has succeeded.
  std::vector<DayOutcome> last_outcomes = std::move(out.outcomes);
  std::vector<std::vector<DayOutcome>> spare = std::move(out.spare);
  std::vector<std::vector<Decision>> last_decisions = std::move(out.decision_lists);
  out = DayRun{};
  check_records(roster, records);
  // On a religion's holiday most of a roster has no candidate: a look at the day's year alone (about 300
  // instructions) spares them the timeline (about 3,000). On 17 August everyone has the RU candidate (Keppres
  // 174/1999 Art. 4), so the look would only cost; it is never wrong to leave it out.
  if (day.is_special()) {
    const char* value = day.is_not_a_date() ? "not-a-date-time" : day.is_pos_infinity() ? "+infinity" : "-infinity";
    throw ValueError("day", value, "a grant-day run needs a calendar day");
  }
  const auto md = day.year_month_day();
  const bool check_first = !(md.month == 8 && md.day == 17);
  // Most people have a decision on a grant day: each thread appends the outcomes of its blocks and their decisions
  // to lists reserved once, and counts its grants for the summary; the outcomes are joined in roster order, and
  // each thread's decisions stay in its list. Nothing is allocated per person (an id longer than a short string's
  // inside buffer aside). The first thread lists its outcomes in `out`'s own list and the others in its spare ones,
  // and thread t decides into the last run's t-th decision list, so that a run into the lists of the last reuses
  // their memory.
  std::vector<DayPart> parts = for_each_block<DayPart>(
      roster, threads,
      [&](std::size_t i, detail::Workspace& ws, DayPart& part) {
        const Case& c = roster[i];
        const Policy& policy = policy_for(c, policy_, ws.policy);
        detail::Subject subject(c, policy, record_of(records, i));
        // No decision on or after the sentence's end, nor without a term: a national roster holds people already
        // released, and they need no timeline to say so.
        if (!detail::before_term_end(subject, day)) return;
        // No candidate on the day and no grant recorded then (a Christian on Idul Fitri): no decision.
        if (check_first && !detail::may_have_event_on(subject, *holidays_, day)) return;
        // Nothing after the day matters: the timeline stops there and keeps only that day's decisions; the
        // milestones are not needed.
        if (!subject.until || day < *subject.until) subject.until = day;
        // The day's decisions are decided straight into the part's list, lent to the timeline as the workspace's.
        const std::size_t first = part.decisions.size();
        std::swap(ws.decisions, part.decisions);
        detail::run_timeline(subject, *holidays_, detail::KeepDecisions{false, day}, ws);
        std::swap(ws.decisions, part.decisions);
        if (part.decisions.size() > first) {
          DayOutcome& o = part.outcomes.emplace_back();
          o.person = c.person().id();
          o.first = first;
          o.list = part.index;
          o.count = static_cast<std::uint32_t>(part.decisions.size() - first);
          for (std::size_t k = first; k < part.decisions.size(); ++k) {
            const Decision& d = part.decisions[k];
            if (d.release) o.release = day;
            if (d.outcome == Outcome::Granted) count_grants(part.counts, d.kind, d.release, d.days, 1);
          }
        }
      },
      // Thread `index` takes its lists from the last run (each thread its own elements: no two threads touch one)
      // and empties them, beside the others. Room in every part for every case, reserved once, and for two
      // decisions each (more are rare: the list then grows): any thread may run most of the roster when the others
      // are slowed, and only the pages written are ever touched. The lists rarely move (a moving vector of a
      // million outcomes makes the system unmap its old memory, which stops the other threads too).
      [&](DayPart& part, unsigned index) {
        part.index = index;
        if (index == 0) part.outcomes = std::move(last_outcomes);
        else if (index - 1 < spare.size()) part.outcomes = std::move(spare[index - 1]);
        if (index < last_decisions.size()) part.decisions = std::move(last_decisions[index]);
        part.outcomes.clear();
        part.decisions.clear();
        detail::reserve_huge(part.outcomes, roster.size());
        detail::reserve_huge(part.decisions, 2 * roster.size());
      },
      [](DayPart& part, std::size_t block) {
        part.blocks.push_back({block, part.outcomes.size()});
      });
  out.date = day;
  try {
    join(parts, out);
  } catch (...) {  // memory for a list's few entries refused: nothing half-joined is left behind
    out = DayRun{};
    throw;
  }
}

}  // namespace binaan
