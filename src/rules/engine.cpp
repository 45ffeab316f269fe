#include <binaan/rules/engine.hpp>

#include "rules/integration.hpp"
#include "rules/remission.hpp"
#include "rules/subject.hpp"

#include <binaan/error.hpp>

#include <algorithm>
#include <exception>
#include <thread>

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

Engine::Engine(Policy policy, HolidayCalendar calendar) : policy_(std::move(policy)), calendar_(std::move(calendar)) {}

Evaluation Engine::evaluate(const Case& c, const EvaluateOptions& options) const {
  static const ProgrammeRecord kNoRecord;
  return evaluate(c, kNoRecord, options);
}

namespace {

// The policy of one case: the engine's, in place, when the case has no overrides (most have none), else a copy
// with them applied into `storage`.
const Policy& policy_for(const Case& c, const Policy& engine_policy, std::optional<Policy>& storage) {
  if (c.policy.empty()) return engine_policy;
  storage = with_overrides(engine_policy, c.policy);
  return *storage;
}

// The rules over one case — its policy, the remission timeline, the integration programmes — handed to
// `make(subject, policy, timeline, integration)`, which builds the result; the scratch space is the caller's.
template <typename Make>
auto run_case(const Case& c, const ProgrammeRecord& record, const Policy& engine_policy,
              const HolidayCalendar& calendar, detail::KeepDecisions keep, detail::Workspace& ws, Make make) {
  std::optional<Policy> overridden;
  const Policy& policy = policy_for(c, engine_policy, overridden);
  const detail::Subject subject(c, policy, record);
  detail::Timeline timeline = detail::run_timeline(subject, calendar, keep, ws);
  detail::Integration integration = detail::integrate(subject, timeline);
  auto result = make(subject, policy, timeline, integration);
  ws.granted = std::move(timeline.granted);  // back to the workspace, for the next case
  return result;
}

Evaluation evaluation_of(const Case& c, const detail::Subject& subject, const Policy& policy,
                         detail::Timeline& timeline, detail::Integration& integration) {
  Evaluation ev;
  ev.id = c.id;
  ev.person = c.person().id();
  ev.start = subject.start;
  ev.term_end = subject.term_end;
  ev.grants = std::move(timeline.grants);
  ev.expiry = timeline.expiry;
  ev.final_release = integration.final_release;
  ev.subsider_days = integration.subsider_days;
  ev.half_day = integration.half_day;
  ev.two_thirds_day = integration.two_thirds_day;
  ev.milestones = integration.milestones;
  ev.parole_scenario = integration.parole;
  ev.pb_path = std::move(integration.pb_path);
  ev.policy_id = policy.id;
  ev.policy_version = policy.version;
  ev.estimated = timeline.estimated;
  ev.decisions = std::move(timeline.decisions);
  ev.notes = std::move(timeline.notes);
  return ev;
}

Projection projection_of(const detail::Subject& subject, const detail::Timeline& timeline,
                         const detail::Integration& integration) {
  Projection pr;
  pr.start = subject.start;
  pr.term_end = subject.term_end;
  pr.expiry = timeline.expiry;
  pr.final_release = integration.final_release;
  pr.half_day = integration.half_day;
  pr.two_thirds_day = integration.two_thirds_day;
  pr.milestones = integration.milestones;
  pr.parole_scenario = integration.parole;
  pr.subsider_days = integration.subsider_days;
  for (const auto& g : timeline.grants) pr.remission_days += g.effective_days;
  pr.grants = static_cast<std::uint16_t>(std::min<std::size_t>(timeline.grants.size(), 65535));
  pr.released_by_grant = timeline.released_by_grant;
  pr.estimated = timeline.estimated;
  return pr;
}

// Runs fn(i, workspace) for i in [0, n) on up to `threads` threads (0: all cores), each thread with its own
// workspace; the first exception is rethrown.
template <typename Fn>
void parallel_for(std::size_t n, unsigned threads, Fn fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
  if (threads <= 1) {
    detail::Workspace ws;
    for (std::size_t i = 0; i < n; ++i) fn(i, ws);
    return;
  }
  std::vector<std::thread> pool;
  std::vector<std::exception_ptr> errors(threads);
  std::size_t chunk = (n + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        detail::Workspace ws;
        for (std::size_t i = t * chunk; i < std::min(n, (t + 1) * chunk); ++i) fn(i, ws);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
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
  return run_case(c, record, policy_, calendar_, {options.decisions, {}}, ws,
                  [&](const auto& subject, const auto& policy, auto& timeline, auto& integration) {
                    return evaluation_of(c, subject, policy, timeline, integration);
                  });
}

std::vector<Evaluation> Engine::evaluate_all(const std::vector<Case>& roster, const EvaluateOptions& options,
                                             unsigned threads, const std::vector<ProgrammeRecord>* records) const {
  check_records(roster, records);
  std::vector<Evaluation> out(roster.size());
  parallel_for(roster.size(), threads, [&](std::size_t i, detail::Workspace& ws) {
    out[i] = run_case(roster[i], record_of(records, i), policy_, calendar_, {options.decisions, {}}, ws,
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
  return run_case(c, record, policy_, calendar_, {}, ws, kProject);
}

std::vector<Projection> Engine::project_all(const std::vector<Case>& roster, unsigned threads,
                                            const std::vector<ProgrammeRecord>* records) const {
  check_records(roster, records);
  std::vector<Projection> out(roster.size());
  parallel_for(roster.size(), threads, [&](std::size_t i, detail::Workspace& ws) {
    out[i] = run_case(roster[i], record_of(records, i), policy_, calendar_, {}, ws, kProject);
  });
  return out;
}

DayRun Engine::run_grant_day(const std::vector<Case>& roster, Date day, unsigned threads,
                             const std::vector<ProgrammeRecord>* records) const {
  check_records(roster, records);
  std::vector<std::optional<DayOutcome>> per(roster.size());
  parallel_for(roster.size(), threads, [&](std::size_t i, detail::Workspace& ws) {
    const Case& c = roster[i];
    std::optional<Policy> overridden;
    const Policy& policy = policy_for(c, policy_, overridden);
    detail::Subject subject(c, policy, record_of(records, i));
    // Nothing after the day matters: the timeline stops there and keeps only that day's decisions; the milestones
    // are not needed.
    if (!subject.until || day < *subject.until) subject.until = day;
    detail::Timeline timeline = detail::run_timeline(subject, calendar_, detail::KeepDecisions{false, day}, ws);
    if (timeline.decisions.empty()) return;
    DayOutcome out;
    out.person = c.person().id();
    for (const auto& d : timeline.decisions)
      if (d.release) out.release = day;
    out.decisions = std::move(timeline.decisions);
    per[i] = std::move(out);
  });
  DayRun run;
  run.date = day;
  std::map<std::tuple<int, bool, std::int32_t>, std::size_t> counts;
  for (auto& o : per) {
    if (!o) continue;
    for (const auto& d : o->decisions)
      if (d.outcome == Outcome::Granted) ++counts[{static_cast<int>(d.kind), d.release, d.days}];
    run.outcomes.push_back(std::move(*o));
  }
  for (const auto& [key, n] : counts)
    run.summary.push_back({static_cast<GrantKind>(std::get<0>(key)), std::get<1>(key), std::get<2>(key), n});
  return run;
}

}  // namespace binaan
