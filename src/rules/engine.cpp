#include <binaan/rules/engine.hpp>

#include "hints.hpp"
#include "rules/integration.hpp"
#include "rules/remission.hpp"
#include "rules/subject.hpp"

#include <binaan/error.hpp>

#include <algorithm>
#include <exception>
#include <iterator>
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

// The rules over one case — its policy, the remission timeline, the integration programmes — handed to
// `make(subject, policy, timeline, integration)`, which builds the result; the scratch space is the caller's.
template <typename Make>
auto run_case(const Case& c, const ProgrammeRecord& record, const Policy& engine_policy,
              const detail::HolidayDays& holidays, detail::KeepDecisions keep, bool with_pb_path,
              detail::Workspace& ws, Make make) {
  const Policy& policy = policy_for(c, engine_policy, ws.policy);
  const detail::Subject subject(c, policy, record);
  ws.decisions.clear();  // the timeline appends to it
  detail::Timeline timeline = detail::run_timeline(subject, holidays, keep, ws);
  detail::Integration integration = detail::integrate(subject, timeline, with_pb_path);
  return make(subject, policy, timeline, integration);
}

// The dates an Evaluation and a Projection share, from the subject, the timeline and the integration: one place,
// so that the two results cannot come to disagree.
template <typename Result>
void set_dates(Result& r, const detail::Subject& subject, const detail::Timeline& timeline,
               const detail::Integration& integration) {
  r.start = subject.start;
  r.term_end = subject.term_end;
  r.expiry = timeline.expiry;
  r.final_release = integration.final_release;
  r.subsider_days = integration.subsider_days;
  r.half_day = integration.half_day;
  r.two_thirds_day = integration.two_thirds_day;
  r.milestones = integration.milestones;
  r.parole_scenario = integration.parole;
  r.estimated = timeline.estimated;
}

Evaluation evaluation_of(const Case& c, const detail::Subject& subject, const Policy& policy,
                         detail::Timeline& timeline, detail::Integration& integration) {
  Evaluation ev;
  ev.id = c.id;
  ev.person = c.person().id();
  set_dates(ev, subject, timeline, integration);
  ev.grants.assign(timeline.grants.begin(), timeline.grants.end());  // exact size: the timeline's is the workspace's
  ev.pb_path = std::move(integration.pb_path);
  ev.policy_id = policy.id;
  ev.policy_version = policy.version;
  ev.decisions = std::move(timeline.decisions);
  ev.notes = std::move(timeline.notes);
  return ev;
}

Projection projection_of(const detail::Subject& subject, const detail::Timeline& timeline,
                         const detail::Integration& integration) {
  Projection pr;
  set_dates(pr, subject, timeline, integration);
  for (const auto& g : timeline.grants) pr.remission_days += g.effective_days;
  pr.grants = static_cast<std::uint16_t>(std::min<std::size_t>(timeline.grants.size(), 65535));
  pr.released_by_grant = timeline.released_by_grant;
  return pr;
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

// Runs fn(i, workspace, local) for every case i of the roster on up to `threads` threads (0: all cores), each
// thread with its own workspace and a contiguous chunk of the roster, and each chunk with its own `Local` (what the
// chunk produces, e.g. its part of the results); returns the chunks' Locals in roster order. The first exception
// in roster order is rethrown.
// `prepare(local, chunk, size)` is called first in each chunk with its index (0 first) and its number of cases.
template <typename Local, typename Fn, typename Prepare>
std::vector<Local> for_each_chunk(const std::vector<Case>& roster, unsigned threads, Fn fn, Prepare prepare) {
  const std::size_t n = roster.size();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
  std::vector<Local> locals(threads);
  if (threads <= 1) {
    detail::Workspace ws;
    prepare(locals[0], 0u, n);
    for_range(roster, 0, n, ws, locals[0], fn);
    return locals;
  }
  std::vector<std::thread> pool;
  std::vector<std::exception_ptr> errors(threads);
  std::size_t chunk = (n + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        detail::Workspace ws;
        const std::size_t begin = std::min(n, t * chunk);
        const std::size_t end = std::min(n, (t + 1) * chunk);
        prepare(locals[t], t, end - begin);
        for_range(roster, begin, end, ws, locals[t], fn);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return locals;
}

// for_each_chunk for results written in place by index: fn(i, workspace).
template <typename Fn>
void for_each_case(const std::vector<Case>& roster, unsigned threads, Fn fn) {
  struct Nothing {};
  for_each_chunk<Nothing>(
      roster, threads, [&](std::size_t i, detail::Workspace& ws, Nothing&) { fn(i, ws); },
      [](Nothing&, unsigned, std::size_t) {});
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
  return run_case(c, record, policy_, *holidays_, {options.decisions, {}}, true, ws,
                  [&](const auto& subject, const auto& policy, auto& timeline, auto& integration) {
                    return evaluation_of(c, subject, policy, timeline, integration);
                  });
}

std::vector<Evaluation> Engine::evaluate_all(const std::vector<Case>& roster, const EvaluateOptions& options,
                                             unsigned threads, const std::vector<ProgrammeRecord>* records) const {
  check_records(roster, records);
  std::vector<Evaluation> out;
  detail::reserve_huge(out, roster.size());
  out.resize(roster.size());
  for_each_case(roster, threads, [&](std::size_t i, detail::Workspace& ws) {
    out[i] = run_case(roster[i], record_of(records, i), policy_, *holidays_, {options.decisions, {}}, true, ws,
                      [&](const auto& subject, const auto& policy, auto& timeline, auto& integration) {
                        return evaluation_of(roster[i], subject, policy, timeline, integration);
                      });
  });
  return out;
}

namespace {
constexpr auto kProject = [](const auto& subject, const auto&, const auto& timeline, const auto& integration) {
  return projection_of(subject, timeline, integration);
};
}  // namespace

Projection Engine::project(const Case& c, const ProgrammeRecord& record) const {
  detail::Workspace ws;
  return run_case(c, record, policy_, *holidays_, {}, false, ws, kProject);
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
    out[i] = run_case(roster[i], record_of(records, i), policy_, *holidays_, {}, false, ws, kProject);
  });
}

namespace {

// What one chunk of the grant-day run produces: its outcomes in roster order, their decisions (each outcome's
// `first` indexes this chunk's list until the chunks are joined) and its part of the summary.
struct DayChunk {
  std::vector<DayOutcome> outcomes;
  std::vector<Decision> decisions;
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

// The chunks of a grant-day run joined into `run`, in roster order: the first chunk's lists become the run's (they
// are the run's own lists, lent, or were reserved for the whole roster) and the others are appended, each then
// emptied and kept in run.spare for the next run. The summary is by kind, level and amount.
void join(std::vector<DayChunk>& chunks, DayRun& run) {
  run.outcomes = std::move(chunks[0].outcomes);
  run.decisions = std::move(chunks[0].decisions);
  if (chunks.size() > 1) {
    std::size_t outcomes = 0, decisions = 0;
    for (const auto& chunk : chunks) {
      outcomes += chunk.outcomes.size();
      decisions += chunk.decisions.size();
    }
    run.outcomes.reserve(outcomes);  // no-op unless some person had more than two decisions
    run.decisions.reserve(decisions);
    for (auto chunk = chunks.begin() + 1; chunk != chunks.end(); ++chunk) {
      const std::size_t offset = run.decisions.size();
      for (auto& o : chunk->outcomes) {
        o.first += offset;
        run.outcomes.push_back(std::move(o));
      }
      std::move(chunk->decisions.begin(), chunk->decisions.end(), std::back_inserter(run.decisions));
      chunk->outcomes.clear();
      chunk->decisions.clear();
      run.spare.push_back({std::move(chunk->outcomes), std::move(chunk->decisions)});
    }
  }
  for (const auto& chunk : chunks)
    for (const SummaryRow& r : chunk.counts) count_grants(run.summary, r.kind, r.level_ii, r.days, r.count);
  std::sort(run.summary.begin(), run.summary.end(), [](const SummaryRow& a, const SummaryRow& b) {
    return std::tie(a.kind, a.level_ii, a.days) < std::tie(b.kind, b.level_ii, b.days);
  });
}

}  // namespace

DayRun Engine::run_grant_day(const std::vector<Case>& roster, Date day, unsigned threads,
                             const std::vector<ProgrammeRecord>* records) const {
  DayRun run;
  run_grant_day(roster, day, run, threads, records);
  run.spare = {};  // nobody runs into this one again: the chunks' lists go back to the system
  return run;
}

void Engine::run_grant_day(const std::vector<Case>& roster, Date day, DayRun& out, unsigned threads,
                           const std::vector<ProgrammeRecord>* records) const {
  // The last run's lists, for their memory; `out` stays empty until the run has succeeded.
  std::vector<DayOutcome> last_outcomes = std::move(out.outcomes);
  std::vector<Decision> last_decisions = std::move(out.decisions);
  std::vector<DayRun::SpareLists> spare = std::move(out.spare);
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
  // Most people have a decision on a grant day: each chunk appends its outcomes and their decisions in roster order
  // to lists reserved once, and counts its grants for the summary; the chunks are joined in order. Nothing is
  // allocated per person (an id longer than a short string's inside buffer aside). The first chunk writes into
  // `out`'s own lists and the others into its spare ones, so that a run into the lists of the last reuses their
  // memory.
  std::vector<DayChunk> chunks = for_each_chunk<DayChunk>(
      roster, threads,
      [&](std::size_t i, detail::Workspace& ws, DayChunk& chunk) {
        const Case& c = roster[i];
        const Policy& policy = policy_for(c, policy_, ws.policy);
        detail::Subject subject(c, policy, record_of(records, i));
        // No candidate on the day and no grant recorded then (a Christian on Idul Fitri): no decision.
        if (check_first && !detail::may_have_event_on(subject, *holidays_, day)) return;
        // Nothing after the day matters: the timeline stops there and keeps only that day's decisions; the
        // milestones are not needed.
        if (!subject.until || day < *subject.until) subject.until = day;
        // The day's decisions are decided straight into the chunk's list, lent to the timeline as the workspace's.
        const std::size_t first = chunk.decisions.size();
        std::swap(ws.decisions, chunk.decisions);
        detail::run_timeline(subject, *holidays_, detail::KeepDecisions{false, day}, ws);
        std::swap(ws.decisions, chunk.decisions);
        if (chunk.decisions.size() > first) {
          DayOutcome& o = chunk.outcomes.emplace_back();
          o.person = c.person().id();
          o.first = first;
          o.count = chunk.decisions.size() - first;
          for (std::size_t k = first; k < chunk.decisions.size(); ++k) {
            const Decision& d = chunk.decisions[k];
            if (d.release) o.release = day;
            if (d.outcome == Outcome::Granted) count_grants(chunk.counts, d.kind, d.release, d.days, 1);
          }
        }
      },
      // Room for every case, reserved once, and for two decisions each (more are rare: the list then grows); the
      // first chunk reserves for the whole roster, so that the others are appended to its lists without a copy of
      // its own. Only the pages written are ever touched, and the lists rarely move (a moving vector of a million
      // outcomes makes the system unmap its old memory, which stops the other threads too).
      [&](DayChunk& chunk, unsigned index, std::size_t size) {
        std::size_t room = size;
        if (index == 0) {
          room = roster.size();
          chunk.outcomes = std::move(last_outcomes);
          chunk.decisions = std::move(last_decisions);
        } else if (index - 1 < spare.size()) {  // each chunk its own element: no two threads touch one
          chunk.outcomes = std::move(spare[index - 1].outcomes);
          chunk.decisions = std::move(spare[index - 1].decisions);
        }
        chunk.outcomes.clear();
        chunk.decisions.clear();
        detail::reserve_huge(chunk.outcomes, room);
        detail::reserve_huge(chunk.decisions, 2 * room);
      });
  out.date = day;
  join(chunks, out);
}

}  // namespace binaan
