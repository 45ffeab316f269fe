// A facility to its saved data and back. Loading rebuilds everything through the public constructors and the
// Programmes operations, so an archive can never hold what the library would refuse to build: the Case
// constructors validate each person; the Programmes operations check every reference and rule; the Facility
// constructor checks that every inmate id names a person.
//
// Stock movements and savings are replayed, because the Programmes offers no restore_* for them: batches,
// consignments and sales are each saved in the order recorded, but not how the three interleave on one day, and
// that order decides which batch a sale draws from. The replay finds an order in which every movement draws
// exactly the lines saved with it (a depth-first search over the day's consignments and sales; a day's batches go
// first, which never changes what an earlier movement of the day drew, as draws take the oldest batch first),
// replays each savings ledger's spending and hand-overs between the sales that credit it, and at the end requires
// the rebuilt programmes to equal the saved records exactly.

#include "io/detail_archive.hpp"

#include <binaan/error.hpp>

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <utility>

namespace binaan::detail {

namespace {

std::string item(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

/// The text limits the readers of case files apply (case-format.md), checked when saving (so that nothing is
/// saved that cannot be loaded) and when loading. `C` is a Case or a CaseData: the same public fields.
template <class C>
void check_case_texts(const C& c) {
  auto check = [](const char* field, const std::string& s, std::size_t max) {
    if (s.size() > max)
      throw PayloadError(field, "a text of " + std::to_string(s.size()) + " bytes, more than " +
                                    std::to_string(max));
  };
  check("id", c.id, kMaxTextLength);
  check("title", c.title, kMaxTextLength);
  check("source", c.source, kMaxTextLength);
  check("expect_json", c.expect_json, kMaxArchiveString);
  for (std::size_t i = 0; i < c.policy.size(); ++i) {
    // The key path is built only for a text over its limit: this runs for every person of a save.
    if (c.policy[i].name.size() > kMaxTextLength)
      check((item("policy", i) + ".name").c_str(), c.policy[i].name, kMaxTextLength);
    if (const auto* s = std::get_if<std::string>(&c.policy[i].value))
      if (s->size() > kMaxTextLength) check((item("policy", i) + ".value").c_str(), *s, kMaxTextLength);
  }
}

}  // namespace

void case_data(const Case& c, CaseData& d) {
  const Person& p = c.person();
  d.person.id = p.id();
  d.person.religion = p.religion();
  d.person.name = p.name();
  d.person.sex = p.sex();
  d.person.birth_date = p.birth_date();
  d.person.child = p.child_flag();
  d.detention = c.detention().periods();
  const Sentence& s = c.sentence();
  d.sentence = SentenceData{s.kind(),        s.term(), s.offence(),     s.verdict_final(), s.verdict_date(),
                            s.fine(),        s.restitution(), s.commutation()};
  d.facts = c.facts();
  d.recorded = c.recorded();
  d.until = c.until();
  d.id = c.id;
  d.title = c.title;
  d.source = c.source;
  d.policy = c.policy;
  d.expect_json = c.expect_json;
}

void make_case_into(CaseData&& d, std::vector<Case>& out) {
  check_case_texts(d);
  Person person(std::move(d.person.id), d.person.religion, std::move(d.person.name), d.person.sex,
                d.person.birth_date, d.person.child);
  DetentionHistory detention(std::move(d.detention));
  const SentenceData& sd = d.sentence;
  if ((sd.kind == SentenceKind::Fixed) != sd.term.has_value())
    throw PayloadError("sentence.term", "a fixed sentence has a term, a life or death sentence none");
  Sentence s = sd.kind == SentenceKind::Fixed  ? Sentence::fixed(*sd.term, sd.offence, sd.verdict_final)
               : sd.kind == SentenceKind::Life ? Sentence::life(sd.offence, sd.verdict_final)
                                               : Sentence::death(sd.offence, sd.verdict_final);
  if (sd.verdict_date) s = s.with_verdict_date(*sd.verdict_date);
  if (sd.fine) s = s.with_fine(*sd.fine);
  if (sd.restitution) s = s.with_restitution(*sd.restitution);
  if (sd.commutation) s = s.with_commutation(*sd.commutation);
  // Built in its place (strong guarantee: a refused case adds nothing); the rest only moves.
  Case& c = out.emplace_back(std::move(person), std::move(detention), std::move(s), std::move(d.facts),
                             std::move(d.recorded), d.until);
  // The case-file texts are empty for most people (a roster line): nothing to move then.
  if (!d.id.empty()) c.id = std::move(d.id);
  if (!d.title.empty()) c.title = std::move(d.title);
  if (!d.source.empty()) c.source = std::move(d.source);
  if (!d.policy.empty()) c.policy = std::move(d.policy);
  if (!d.expect_json.empty()) c.expect_json = std::move(d.expect_json);
}

namespace {

ProgrammesData programmes_data(const Programmes& p) {
  ProgrammesData d;
  for (const ProfitSplitPolicy& s : p.profit_split().policies())
    d.profit_split.push_back(
        {s.effective_from(), s.premi_percent(), s.pnbp_percent(), s.capital_percent(), s.source()});
  d.enrolment_policy = p.enrolment_policy();
  d.savings_policy = p.savings_policy();
  d.programmes = p.programmes();
  d.partners = p.partners();
  d.agreements = p.agreements();
  d.workshops = p.workshops();
  d.products = p.products();
  d.enrolments = p.enrolments();
  d.waiting = p.waiting_list();
  d.decisions = p.decisions();
  d.attendance = p.attendance();
  d.assessments = p.assessments();
  d.certificates = p.certificates();
  d.pemuka = p.pemuka();
  d.batches = p.batches();
  d.consignments = p.consignments();
  d.sales = p.sales();
  for (const auto& [inmate, ledger] : p.ledgers()) d.ledgers.push_back({ledger.inmate_id(), ledger.entries()});
  return d;
}

/// Runs one Programmes operation of the rebuild, naming the record when it is refused.
template <class F>
void step(const std::string& where, F&& f) {
  try {
    f();
  } catch (const PayloadError& e) {
    throw e.within("programmes." + where);
  } catch (const Error& e) {
    throw PayloadError("programmes." + where, std::string("refused on rebuilding: ") + e.what());
  }
}

// ---- the order of the stock movements ----

enum class OpKind : std::uint8_t { Batch, Consignment, Sale };
struct StockOp {
  OpKind kind;
  std::size_t index;
};

/// The gallery and partner stock as the saved lines move it, to find an order of one day's movements.
class StockSimulation {
public:
  explicit StockSimulation(const ProgrammesData& d) : d_(d) {
    sale_lines_.reserve(d.sales.size());
    for (const SaleRecord& r : d.sales) {
      std::vector<StockLine> lines;
      for (const SaleLine& l : r.lines) lines.push_back({l.batch_id, l.units});
      sale_lines_.push_back(std::move(lines));
    }
  }

  void add_batch(std::size_t i) {
    const Batch& b = d_.batches[i];
    stock_[{b.id, ""}] += b.units;
    by_product_[b.product_id].push_back(i);
  }

  /// Whether the movement, done now, draws exactly its saved lines (what Programmes::draw would take: the oldest
  /// batches of the product with stock at the place, in the order they were made).
  bool matches(const StockOp& op) const {
    const Movement m = describe(op);
    auto it = by_product_.find(*m.product);
    std::int64_t left = m.units;
    std::size_t n = 0;
    if (it != by_product_.end())
      for (std::size_t bi : it->second) {
        if (left <= 0) break;
        auto s = stock_.find({d_.batches[bi].id, *m.from});
        if (s == stock_.end() || s->second <= 0) continue;
        const std::int64_t take = std::min(left, s->second);
        if (n >= m.lines->size() || (*m.lines)[n].batch_id != d_.batches[bi].id || (*m.lines)[n].units != take)
          return false;
        ++n;
        left -= take;
      }
    return left == 0 && n == m.lines->size();
  }

  /// Applies (sign 1) or undoes (sign -1) a movement that matches.
  void apply(const StockOp& op, std::int64_t sign) {
    const Movement m = describe(op);
    for (const StockLine& l : *m.lines) {
      stock_[{l.batch_id, *m.from}] -= sign * l.units;
      if (m.to) stock_[{l.batch_id, *m.to}] += sign * l.units;
    }
  }

private:
  struct Movement {
    const std::string* product;
    const std::string* from;
    const std::string* to;  // nullptr for a sale
    std::int64_t units;
    const std::vector<StockLine>* lines;
  };
  Movement describe(const StockOp& op) const {
    if (op.kind == OpKind::Consignment) {
      const ConsignmentRecord& r = d_.consignments[op.index];
      const bool placed = r.consignment.kind == ConsignmentKind::Placed;
      return {&r.consignment.product_id, placed ? &gallery_ : &r.consignment.partner_id,
              placed ? &r.consignment.partner_id : &gallery_, r.consignment.units, &r.lines};
    }
    const SaleRecord& r = d_.sales[op.index];
    const bool partner = r.sale.channel == SaleChannel::Partner && r.sale.partner_id;
    return {&r.sale.product_id, partner ? &*r.sale.partner_id : &gallery_, nullptr, r.sale.units,
            &sale_lines_[op.index]};
  }

  const ProgrammesData& d_;
  const std::string gallery_;
  std::vector<std::vector<StockLine>> sale_lines_;
  std::map<std::pair<std::string, std::string>, std::int64_t> stock_;
  std::map<std::string, std::vector<std::size_t>> by_product_;
};

/// Most steps of the search for one day's order before the archive is refused (an honest archive needs about one
/// step per movement; only a forged one could make the search long).
constexpr std::size_t kMaxOrderSearchSteps = 2'000'000;

Date op_date(const ProgrammesData& d, const StockOp& op) {
  switch (op.kind) {
    case OpKind::Batch: return d.batches[op.index].date;
    case OpKind::Consignment: return d.consignments[op.index].consignment.date;
    case OpKind::Sale: break;
  }
  return d.sales[op.index].sale.date;
}

/// Replays batches, consignments and sales through `run`: by day; on each day the batches first, then the
/// consignments and sales in an order in which each draws its saved lines (each list keeping its own order).
template <class Run>
void replay_stock(const ProgrammesData& d, Run&& run) {
  StockSimulation sim(d);
  std::size_t b = 0, c = 0, s = 0;
  auto date_of = [&](OpKind k, std::size_t i) { return op_date(d, {k, i}); };
  while (b < d.batches.size() || c < d.consignments.size() || s < d.sales.size()) {
    std::optional<Date> day;
    if (b < d.batches.size()) day = date_of(OpKind::Batch, b);
    if (c < d.consignments.size() && (!day || date_of(OpKind::Consignment, c) < *day))
      day = date_of(OpKind::Consignment, c);
    if (s < d.sales.size() && (!day || date_of(OpKind::Sale, s) < *day)) day = date_of(OpKind::Sale, s);
    while (b < d.batches.size() && date_of(OpKind::Batch, b) == *day) {
      run(StockOp{OpKind::Batch, b});
      sim.add_batch(b++);
    }
    std::size_t c_end = c, s_end = s;
    while (c_end < d.consignments.size() && date_of(OpKind::Consignment, c_end) == *day) ++c_end;
    while (s_end < d.sales.size() && date_of(OpKind::Sale, s_end) == *day) ++s_end;
    if (c == c_end && s == s_end) continue;  // only batches that day

    // Depth-first search over (consignments done, sales done) of the day; a state that led nowhere is not tried
    // again. The stock after a state does not depend on the path to it, since every step moves its saved lines.
    struct Frame {
      std::size_t c, s;
      int tried;  // 0: nothing yet, 1: the consignment tried, 2: both tried
    };
    std::vector<Frame> path{{c, s, 0}};
    std::set<std::pair<std::size_t, std::size_t>> dead;
    std::size_t steps = 0;
    while (!(path.back().c == c_end && path.back().s == s_end)) {
      if (++steps > kMaxOrderSearchSteps)
        throw PayloadError("programmes: no order of the stock movements of " + format_date(*day) +
                           " found in " + std::to_string(kMaxOrderSearchSteps) + " steps");
      Frame& f = path.back();
      if (f.tried < 2) {
        const bool consignment = f.tried == 0;
        ++f.tried;
        const StockOp op = consignment ? StockOp{OpKind::Consignment, f.c} : StockOp{OpKind::Sale, f.s};
        const std::size_t nc = f.c + (consignment ? 1 : 0), ns = f.s + (consignment ? 0 : 1);
        if ((consignment ? f.c < c_end : f.s < s_end) && !dead.count({nc, ns}) && sim.matches(op)) {
          sim.apply(op, 1);
          path.push_back({nc, ns, 0});
        }
        continue;
      }
      const Frame done = f;
      dead.insert({done.c, done.s});
      path.pop_back();
      if (path.empty()) {
        const std::string what =
            c < c_end ? "consignment " + d.consignments[c].consignment.id : "sale " + d.sales[s].sale.id;
        throw PayloadError("programmes: the stock movements of " + format_date(*day) +
                           " cannot be replayed in any order that draws the batches saved with them (first: " +
                           what + ")");
      }
      const Frame& parent = path.back();
      sim.apply(parent.c != done.c ? StockOp{OpKind::Consignment, parent.c} : StockOp{OpKind::Sale, parent.s}, -1);
    }
    for (std::size_t i = 1; i < path.size(); ++i)
      run(path[i].c != path[i - 1].c ? StockOp{OpKind::Consignment, path[i - 1].c}
                                     : StockOp{OpKind::Sale, path[i - 1].s});
    c = c_end;
    s = s_end;
  }
}

// ---- the savings ledgers, replayed between the sales that credit them ----

class LedgerReplay {
public:
  LedgerReplay(const ProgrammesData& d, Programmes& p) : p_(p) {
    for (std::size_t i = 0; i < d.ledgers.size(); ++i)
      if (!ledgers_.emplace(d.ledgers[i].inmate_id, Cursor{&d.ledgers[i], i, 0}).second)
        throw PayloadError("programmes." + item("ledgers", i) + ": a second ledger of " + d.ledgers[i].inmate_id);
  }

  /// Before sale `sale_index` credits `inmate`: the ledger's spending and hand-overs before that credit.
  void before_credit(const std::string& inmate, std::size_t sale_index) {
    auto it = ledgers_.find(inmate);
    if (it == ledgers_.end())
      throw PayloadError("programmes." + item("sales", sale_index) + ": credits premi to " + inmate +
                         ", who has no savings ledger");
    Cursor& cur = it->second;
    run_until_credit(cur);
    if (cur.next >= cur.data->entries.size())
      throw PayloadError("programmes." + item("sales", sale_index) + ": credits premi to " + inmate +
                         ", whose ledger has no entry for it");
    ++cur.next;  // the credit itself is made by record_sale
  }

  /// After the last sale: what is left of every ledger, which must hold no more credits.
  void finish() {
    for (auto& [inmate, cur] : ledgers_) {
      run_until_credit(cur);
      if (cur.next < cur.data->entries.size())
        throw PayloadError("programmes." + where(cur) + ": a premi credit that no sale made");
    }
  }

private:
  struct Cursor {
    const LedgerData* data;
    std::size_t index;
    std::size_t next;
  };
  static std::string where(const Cursor& cur) {
    return item("ledgers", cur.index) + "." + item("entries", cur.next);
  }

  void run_until_credit(Cursor& cur) {
    const std::string& inmate = cur.data->inmate_id;
    for (; cur.next < cur.data->entries.size(); ++cur.next) {
      const LedgerEntry& e = cur.data->entries[cur.next];
      if (e.kind == LedgerEntryKind::Premi) return;
      step(where(cur), [&] {
        if (e.kind == LedgerEntryKind::Spending) {
          if (auto refused = p_.spend(inmate, e.date, e.amount, e.reference))
            throw PayloadError("spending refused on rebuilding: " + refused->message);
        } else {
          const Rupiah paid = p_.hand_over(inmate, e.date);
          if (paid != e.amount)
            throw PayloadError("the hand-over rebuilds to " + std::to_string(paid.value()) + " rupiah, not " +
                               std::to_string(e.amount.value()));
        }
      });
    }
  }

  Programmes& p_;
  std::map<std::string, Cursor> ledgers_;
};

/// Names the first list that differs between the saved and the rebuilt programmes.
std::string first_difference(const ProgrammesData& saved, const ProgrammesData& rebuilt) {
  auto only = [](const ProgrammesData& d, int which) {
    ProgrammesData x;
    switch (which) {
      case 0: x.attendance = d.attendance; break;
      case 1: x.batches = d.batches; break;
      case 2: x.consignments = d.consignments; break;
      case 3: x.sales = d.sales; break;
      default: x.ledgers = d.ledgers; break;
    }
    return programmes_fingerprint(x);
  };
  const char* names[] = {"attendance", "batches", "consignments", "sales", "ledgers"};
  for (int i = 0; i < 5; ++i)
    if (only(saved, i) != only(rebuilt, i)) return names[i];
  return "records";
}

Programmes rebuild_programmes(ProgrammesData d) {
  const std::string saved = programmes_fingerprint(d);
  std::vector<ProfitSplitPolicy> policies;
  for (std::size_t i = 0; i < d.profit_split.size(); ++i) {
    const ProfitSplitPolicyData& s = d.profit_split[i];
    step(item("profit_split", i),
         [&] { policies.emplace_back(s.effective_from, s.premi, s.pnbp, s.capital, s.source); });
  }
  std::optional<Programmes> built;
  step("policies",
       [&] { built.emplace(ProfitSplitSchedule(std::move(policies)), d.enrolment_policy, d.savings_policy); });
  Programmes& p = *built;

  for (std::size_t i = 0; i < d.programmes.size(); ++i)
    step(item("programmes", i), [&] { p.add_programme(d.programmes[i]); });
  for (std::size_t i = 0; i < d.partners.size(); ++i) step(item("partners", i), [&] { p.add_partner(d.partners[i]); });
  for (std::size_t i = 0; i < d.agreements.size(); ++i)
    step(item("agreements", i), [&] { p.add_agreement(d.agreements[i]); });
  for (std::size_t i = 0; i < d.workshops.size(); ++i)
    step(item("workshops", i), [&] { p.add_workshop(d.workshops[i]); });
  for (std::size_t i = 0; i < d.products.size(); ++i) step(item("products", i), [&] { p.add_product(d.products[i]); });
  for (std::size_t i = 0; i < d.enrolments.size(); ++i)
    step(item("enrolments", i), [&] { p.restore_enrolment(d.enrolments[i]); });
  for (std::size_t i = 0; i < d.waiting.size(); ++i) step(item("waiting", i), [&] { p.restore_waiting(d.waiting[i]); });
  for (std::size_t i = 0; i < d.decisions.size(); ++i)
    step(item("decisions", i), [&] { p.restore_decision(d.decisions[i]); });
  for (std::size_t i = 0; i < d.attendance.size(); ++i) {
    const Attendance& a = d.attendance[i];
    step(item("attendance", i), [&] { p.record_attendance(a.workshop_id, a.session, a.inmate_id, a.status, a.hours); });
  }
  for (std::size_t i = 0; i < d.assessments.size(); ++i)
    step(item("assessments", i), [&] { p.record_assessment(d.assessments[i]); });
  for (std::size_t i = 0; i < d.certificates.size(); ++i)
    step(item("certificates", i), [&] { p.issue_certificate(d.certificates[i]); });
  for (std::size_t i = 0; i < d.pemuka.size(); ++i) step(item("pemuka", i), [&] { p.record_pemuka(d.pemuka[i]); });

  LedgerReplay ledgers(d, p);
  replay_stock(d, [&](const StockOp& op) {
    switch (op.kind) {
      case OpKind::Batch: step(item("batches", op.index), [&] { p.add_batch(d.batches[op.index]); }); break;
      case OpKind::Consignment:
        step(item("consignments", op.index), [&] { p.consign(d.consignments[op.index].consignment); });
        break;
      case OpKind::Sale: {
        std::set<std::string> credited;
        for (const SaleLine& l : d.sales[op.index].lines)
          for (const Part& part : l.premi)
            if (part.amount.value() > 0) credited.insert(part.id);
        for (const std::string& inmate : credited) ledgers.before_credit(inmate, op.index);
        step(item("sales", op.index), [&] { p.record_sale(d.sales[op.index].sale); });
        break;
      }
    }
  });
  ledgers.finish();

  const ProgrammesData rebuilt = programmes_data(p);
  if (programmes_fingerprint(rebuilt) != saved)
    throw PayloadError("programmes: the " + first_difference(d, rebuilt) +
                       " rebuilt from the archive differ from the records saved");
  return std::move(*built);
}

}  // namespace

FacilityData to_data_referencing(const Facility& facility, const std::string& name) {
  FacilityData d;
  d.id = facility.id();
  d.name = facility.name();
  d.kind = facility.kind();
  const std::vector<Case>& people = facility.people();
  for (std::size_t i = 0; i < people.size(); ++i) {
    try {
      check_case_texts(people[i]);
    } catch (const PayloadError& e) {
      throw ArchiveError(name, "cannot be saved: " + std::string(e.within(item("people", i)).what()));
    }
  }
  d.cases_to_save = &people;
  d.programmes = programmes_data(facility.programmes());
  return d;
}

FacilityData to_data(const Facility& facility, const std::string& name) {
  FacilityData d = to_data_referencing(facility, name);
  d.people.resize(facility.people().size());
  for (std::size_t i = 0; i < d.people.size(); ++i) case_data(facility.people()[i], d.people[i]);
  d.cases_to_save = nullptr;
  return d;
}

Facility from_data(FacilityData data) {
  // Decoding rebuilt the people as it read them (loaded_people); its first refusal comes before anything else.
  if (data.people_refusal) std::rethrow_exception(data.people_refusal);
  std::vector<Case> people = std::move(data.loaded_people);
  reserve_roster(people, people.size() + data.people.size());
  for (std::size_t i = 0; i < data.people.size(); ++i) {
    try {
      make_case_into(std::move(data.people[i]), people);
    } catch (const PayloadError& e) {
      throw e.within(item("people", i));
    } catch (const Error& e) {
      throw PayloadError(item("people", i), std::string("refused on rebuilding: ") + e.what());
    }
  }
  data.people.clear();
  data.people.shrink_to_fit();
  Programmes programmes = rebuild_programmes(std::move(data.programmes));
  try {
    return Facility(std::move(data.id), std::move(data.name), data.kind, std::move(people), std::move(programmes));
  } catch (const Error& e) {
    throw PayloadError(std::string("the facility is refused: ") + e.what());
  }
}

}  // namespace binaan::detail
