// Properties that must hold for every case (rules-indonesia.md; the engine issue): checked on seeded random cases.
#include <binaan/io/result.hpp>
#include <binaan/rules/engine.hpp>

#include "case_builder.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace binaan;
using binaan::testing::CaseBuilder;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

class RandomCases {
public:
  explicit RandomCases(std::uint64_t seed) : rng_(seed) {}

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  CaseBuilder next() {
    CaseBuilder b;
    b.id = "R" + std::to_string(++count_);
    Date start = add_days(make_date(2003, 1, 1), uniform(0, 7000));
    b.detention = {{start, std::nullopt}};
    if (uniform(0, 4) == 0) {  // an earlier, interrupted detention
      Date earlier = add_days(start, -uniform(200, 900));
      b.detention.insert(b.detention.begin(), {earlier, add_days(earlier, uniform(5, 150))});
    }
    b.term = std::to_string(uniform(0, 15)) + "y" + std::to_string(uniform(1, 11)) + "m";
    b.offence = static_cast<Offence>(uniform(0, 2) == 0 ? uniform(1, 6) : 0);
    b.religion = static_cast<Religion>(uniform(0, 7));
    b.verdict_final = add_days(start, uniform(0, 400));
    int disciplines = uniform(0, 3);
    for (int i = 0; i < disciplines; ++i) b.facts.discipline.push_back({add_days(start, uniform(0, 3000))});
    std::sort(b.facts.discipline.begin(), b.facts.discipline.end(),
              [](const DisciplineEntry& a, const DisciplineEntry& c) { return a.date < c.date; });
    if (uniform(0, 5) == 0) b.facts.services.push_back({add_days(start, uniform(0, 2000)), ServiceKind::BloodDonation});
    if (uniform(0, 5) == 0) b.fine = Subsidiary{Term(0, uniform(1, 6), 0), uniform(0, 1) == 1};
    if (uniform(0, 3) == 0) b.facts.justice_collaborator = true;
    return b;
  }

private:
  std::mt19937_64 rng_;
  int count_ = 0;
};

std::int32_t total_remission(const Evaluation& ev) {
  std::int32_t total = 0;
  for (const auto& g : ev.grants) total += g.effective_days;
  return total;
}

constexpr int kCases = 400;

}  // namespace

TEST(Property, RemissionNeverTakesMoreThanRemains) {
  RandomCases gen(1);
  for (int i = 0; i < kCases; ++i) {
    Case c = gen.next().build();
    Evaluation ev = engine().evaluate(c);
    ASSERT_TRUE(ev.expiry && ev.term_end);
    Date expiry = *ev.term_end;
    for (const auto& g : ev.grants) {
      ASSERT_LT(g.date, expiry) << c.person().id();
      ASSERT_LE(g.effective_days, days_between(g.date, expiry)) << c.person().id();
      ASSERT_LE(g.effective_days, g.days);
      ASSERT_EQ(g.release, g.effective_days == days_between(g.date, expiry) && g.days >= days_between(g.date, expiry));
      expiry = add_days(expiry, -g.effective_days);
    }
    EXPECT_EQ(expiry, *ev.expiry) << c.person().id();
    EXPECT_EQ(days_between(*ev.expiry, *ev.term_end), total_remission(ev));
    EXPECT_GE(*ev.final_release, *ev.expiry);
    if (!ev.grants.empty()) {
      EXPECT_LE(ev.grants.back().date, *ev.expiry);
    }
  }
}

TEST(Property, DisciplineNeverIncreasesRemission) {
  RandomCases gen(2);
  for (int i = 0; i < kCases; ++i) {
    CaseBuilder b = gen.next();
    Evaluation before = engine().evaluate(b.build());
    Date when = add_days(b.detention.back().from, gen.uniform(0, 2500));
    b.facts.discipline.push_back({when});
    std::sort(b.facts.discipline.begin(), b.facts.discipline.end(),
              [](const DisciplineEntry& x, const DisciplineEntry& y) { return x.date < y.date; });
    Evaluation after = engine().evaluate(b.build());
    EXPECT_GE(*after.expiry, *before.expiry) << b.id << " discipline " << format_date(when);
    // Remission granted up to any day is never larger with the extra punishment.
    for (const auto& g : after.grants) {
      std::int32_t upto_after = 0, upto_before = 0;
      for (const auto& x : after.grants) if (x.date <= g.date) upto_after += x.effective_days;
      for (const auto& x : before.grants) if (x.date <= g.date) upto_before += x.effective_days;
      EXPECT_LE(upto_after, upto_before) << b.id << " on " << format_date(g.date);
    }
  }
}

TEST(Property, LongerSentenceNeverEndsEarlier) {
  RandomCases gen(3);
  for (int i = 0; i < kCases; ++i) {
    CaseBuilder b = gen.next();
    Evaluation shorter = engine().evaluate(b.build());
    Term t = parse_term(b.term);
    b.term = to_string(Term(t.years(), t.months(), t.days() + gen.uniform(1, 200)));
    Evaluation longer = engine().evaluate(b.build());
    EXPECT_GE(*longer.expiry, *shorter.expiry) << b.id << " " << b.term;
    EXPECT_GE(*longer.final_release, *shorter.final_release) << b.id;
  }
}

TEST(Property, MoreRemissionNeverReleasesLater) {
  // A recorded extra grant (e.g. remisi susulan) can only bring the expiry forward.
  RandomCases gen(4);
  for (int i = 0; i < kCases; ++i) {
    CaseBuilder b = gen.next();
    Evaluation plain = engine().evaluate(b.build());
    Date on = add_days(b.detention.back().from, 1);
    b.recorded = Recorded{on, {{on, GrantKind::Unspecified, Term(0, 0, gen.uniform(1, 90))}}};
    Evaluation more = engine().evaluate(b.build());
    EXPECT_LE(*more.expiry, *plain.expiry) << b.id;
  }
}

TEST(Property, EvaluationIsDeterministic) {
  RandomCases gen(5);
  for (int i = 0; i < 100; ++i) {
    Case c = gen.next().build();
    EXPECT_EQ(evaluation_to_json(engine().evaluate(c)), evaluation_to_json(engine().evaluate(c)));
  }
}

TEST(Property, MilestonesAreOrdered) {
  RandomCases gen(6);
  for (int i = 0; i < kCases; ++i) {
    Case c = gen.next().build();
    Evaluation ev = engine().evaluate(c);
    const auto& m = ev.milestones;
    if (m.pb) {
      EXPECT_LE(*m.pb, *ev.final_release) << c.person().id();
      EXPECT_GE(*m.pb, *ev.start);
      ASSERT_TRUE(ev.parole_scenario);
      EXPECT_GE(ev.parole_scenario->expiry, *ev.expiry);  // leaving early stops remission
    }
    if (m.asimilasi && m.pb) {
      EXPECT_LE(*m.asimilasi, *m.pb) << c.person().id();
    }
    if (m.cmb_start) {
      EXPECT_LT(*m.cmb_start, *ev.final_release) << c.person().id();
    }
  }
}
