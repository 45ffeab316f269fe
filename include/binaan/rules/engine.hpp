#pragma once
/// \file
/// The remission and release engine. Immutable after construction and safe to share between threads: every call
/// takes its inputs and returns a value.

#include <binaan/export.hpp>
#include <binaan/people/case.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/rules/evaluation.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/time/holiday_calendar.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace binaan {

namespace detail {
class HolidayDays;
}  // namespace detail

/// What a facility's programme record says about one person (rules-indonesia.md §4, §8): participation evidence
/// and pemuka periods, from binaan::participation_evidence and the Programmes aggregate. Empty when unknown.
struct ProgrammeRecord {
  std::vector<ParticipationEvidence> participation;  ///< in date order
  std::vector<DaySpan> pemuka;                       ///< pemuka periods recorded by the programmes
};

struct EvaluateOptions {
  bool decisions = true;  ///< keep every decision with its reasons (false: grants and dates only, faster)
};

/// The outcome of one person on one grant day (the grant-day run). The person's decisions are kept in the run
/// (DayRun::decision_lists, read with DayRun::decisions_of): a run over a national roster keeps a million outcomes, and
/// a list of decisions per person was a million heap blocks — most of the run's cost on two threads.
struct DayOutcome {
  std::string person;
  std::size_t first = 0;         ///< index of the person's first decision in DayRun::decision_lists[list]
  std::uint32_t list = 0;        ///< which of the run's decision lists holds them
  std::uint32_t count = 0;       ///< how many decisions the person has that day (at least one)
  std::optional<Date> release;   ///< the release day when a grant of the day is level II
};

/// Consecutive decisions of a DayRun, read like a std::span<const Decision>: valid while that run lives unchanged.
class DecisionView {
public:
  DecisionView(const Decision* first, std::size_t count) noexcept : first_(first), count_(count) {}
  const Decision* begin() const noexcept { return first_; }
  const Decision* end() const noexcept { return first_ + count_; }
  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  const Decision& operator[](std::size_t i) const noexcept { return first_[i]; }
  const Decision& front() const noexcept { return first_[0]; }
  const Decision& back() const noexcept { return first_[count_ - 1]; }

private:
  const Decision* first_;
  std::size_t count_;
};

/// One line of the announcement table: "RK I 15 days: 11".
struct SummaryRow {
  GrantKind kind;
  bool level_ii;
  std::int32_t days;
  std::size_t count;
};

struct DayRun {
  Date date;
  std::vector<DayOutcome> outcomes;  ///< roster order; people with no candidate that day are left out

  /// Every outcome's decisions, each outcome's in grant order and consecutive in one list: one list per thread of
  /// the run (Engine::run_grant_day), each holding the decisions of the parts of the roster that thread decided.
  /// Which thread took which part depends on the moment, so on more than one thread an outcome's `list` and `first`
  /// do too; what DayRun::decisions_of returns for it does not, and is the same for every thread count. Kept apart so
  /// that a run on several threads never moves a decision once made: when they were joined into one list, moving the
  /// second thread's (about 420,000 on 1,000,000 people on 17 August) took most of the 6.8–10.2 ms the join of a
  /// 130–164 ms run took; the outcomes alone are joined in 1.9–2.7 ms.
  std::vector<std::vector<Decision>> decision_lists;
  std::vector<SummaryRow> summary;   ///< by kind, level, amount

  /// Not a result: lists kept empty, for their memory, by a run on more than one thread into this DayRun (the
  /// `out` of Engine::run_grant_day). Each thread but the first lists its outcomes apart, and they are appended to
  /// `outcomes` at the end; the next run into this DayRun lists them there again instead of asking the system for
  /// fresh pages (its decision lists are reused alike, one a thread). They hold the memory of the largest share of
  /// the roster each of those threads ran; assign `{}` to give it back. A DayRun returned by value has none.
  std::vector<std::vector<DayOutcome>> spare;

  /// The decisions of `o`, an outcome of this run; throws std::out_of_range for one that is not.
  DecisionView decisions_of(const DayOutcome& o) const {
    if (o.list >= decision_lists.size()) throw std::out_of_range("DayRun::decisions_of: an outcome of another run");
    const std::vector<Decision>& list = decision_lists[o.list];
    if (o.first > list.size() || o.count > list.size() - o.first)
      throw std::out_of_range("DayRun::decisions_of: an outcome of another run");
    return {list.data() + o.first, o.count};
  }

  /// How many decisions the run holds, every outcome's.
  std::size_t decision_count() const noexcept {
    std::size_t n = 0;
    for (const auto& list : decision_lists) n += list.size();
    return n;
  }
};

/// The remission and release engine: a policy and a holiday calendar, fixed at construction, applied to cases.
///
/// \par Thread safety
/// Every member function is const and keeps nothing between calls (no cache, no clock, no global state; the holiday
/// dates are resolved once, at construction), so one Engine may be shared by any number of threads calling evaluate(),
/// project(), evaluate_all(), project_all() and run_grant_day() at once, provided nobody changes the engine, the cases
/// or the records meanwhile. The `threads` of the roster functions are threads of that one call (0: one per core; never
/// more than the roster's size; 1: the calling thread alone): the calling thread and std::threads started and joined
/// inside the call, which take the roster in blocks of consecutive people as they ask for them, so that a slower core
/// takes fewer (a thread the system refuses to start leaves its blocks to the others). Results
/// come in roster order and are identical for every thread count; when cases fail, the error rethrown is that of the
/// first failing case in roster order, as on one thread. Assigning to or destroying an Engine while another thread uses
/// it is a data race. A result passed in to be overwritten (the `out` of project_all and run_grant_day) belongs to that
/// one call: two calls at once need two. See docs/concurrency.md.
class BINAAN_EXPORT Engine {
public:
  /// The Indonesian default policy and the built-in holiday table.
  Engine();
  Engine(Policy policy, HolidayCalendar calendar);
  /// Copies share the immutable holiday table. There is no move: a "moved" engine is copied, so the engine moved
  /// from still evaluates (a move would leave it without its table).
  Engine(const Engine&) = default;
  Engine& operator=(const Engine&) = default;

  const Policy& policy() const noexcept { return policy_; }
  const HolidayCalendar& calendar() const noexcept { return calendar_; }

  /// Evaluates one case with the engine's policy and the case's own overrides. Throws ValueError for an invalid
  /// override (`policy.<name>`) and for a sentence ending after 2200-12-31 (`sentence.term`), the last day binaan
  /// computes; every domain outcome is in the result.
  Evaluation evaluate(const Case& c, const EvaluateOptions& options = {}) const;

  /// The same, reading "active participation" and "predikat baik" from the programme record where it has evidence
  /// for the year before a grant day (the last quarter ended in it), and pemuka periods for remisi tambahan.
  Evaluation evaluate(const Case& c, const ProgrammeRecord& record, const EvaluateOptions& options = {}) const;

  /// Evaluates a roster on `threads` threads (0: all cores); results in roster order. `records`, when given, holds
  /// each person's programme record in roster order (a facility's; see Facility).
  std::vector<Evaluation> evaluate_all(const std::vector<Case>& roster, const EvaluateOptions& options = {},
                                       unsigned threads = 1,
                                       const std::vector<ProgrammeRecord>* records = nullptr) const;

  /// The projection of one case: Evaluation's dates and totals without the grants' list, the decisions or any
  /// text (see Projection).
  Projection project(const Case& c, const ProgrammeRecord& record = {}) const;

  /// The projections of a roster on `threads` threads (0: all cores), in roster order; `records` as for
  /// evaluate_all. The fast path for whole populations.
  std::vector<Projection> project_all(const std::vector<Case>& roster, unsigned threads = 1,
                                      const std::vector<ProgrammeRecord>* records = nullptr) const;

  /// The same into `out`, resized to the roster's size and overwritten: a what-if loop that projects the same
  /// roster again and again under other policies reuses the memory of its results (a million projections are
  /// 116 MB, whose fresh pages cost the system more than a tenth of the projection itself).
  void project_all(const std::vector<Case>& roster, std::vector<Projection>& out, unsigned threads = 1,
                   const std::vector<ProgrammeRecord>* records = nullptr) const;

  /// The grant-day job: every person's decisions on `day`, and the summary table; `records` as for evaluate_all.
  /// Throws ValueError for a day that is not a calendar day (boost's special values).
  DayRun run_grant_day(const std::vector<Case>& roster, Date day, unsigned threads = 1,
                       const std::vector<ProgrammeRecord>* records = nullptr) const;

  /// The same into `out`, overwritten: a what-if loop or a daily job that runs the same roster again and again
  /// reuses the memory of the last run's outcomes and decision lists (a million people's are about 240 MB, whose
  /// fresh pages cost the system about a fifth of the run), and on more than one thread its spare lists
  /// (DayRun::spare), so that a run like the last allocates nothing. When it throws, `out` is left empty.
  void run_grant_day(const std::vector<Case>& roster, Date day, DayRun& out, unsigned threads = 1,
                     const std::vector<ProgrammeRecord>* records = nullptr) const;

private:
  Policy policy_;
  HolidayCalendar calendar_;
  /// calendar_'s date of every holiday in every year 1900–2200, made at construction (the timeline asks for one in
  /// every year of every sentence); immutable, so copies of the engine share it.
  std::shared_ptr<const detail::HolidayDays> holidays_;
};

}  // namespace binaan
