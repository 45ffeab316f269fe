// The synthetic national population: the same seed gives the same bytes, the mix is the one the generator states,
// every person is a valid case the engine evaluates.
#include <binaan/io/case_json.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/synth/population.hpp>

#include <gtest/gtest.h>

#include <map>
#include <sstream>

using namespace binaan;
using binaan::synth::PopulationGenerator;
using binaan::synth::PopulationMix;

namespace {

std::string jsonl(std::size_t n, std::uint64_t seed) {
  std::ostringstream out;
  synth::write_population_jsonl(out, n, seed);
  return out.str();
}

// 20,000 people of seed 1, generated once for the mix tests.
const std::vector<Case>& twenty_thousand() {
  static const std::vector<Case> people = synth::generate_population(20'000, 1, 2);
  return people;
}

double share(std::size_t count, std::size_t of) { return 100.0 * static_cast<double>(count) / static_cast<double>(of); }

}  // namespace

TEST(SynthPopulation, SameSeedSameBytes) {
  const std::string a = jsonl(1500, 7);
  const std::string b = jsonl(1500, 7);
  EXPECT_EQ(a, b);
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 1500);
  // The streaming writer gives exactly the roster writer's bytes.
  EXPECT_EQ(a, write_roster_jsonl(synth::generate_population(1500, 7)));
}

TEST(SynthPopulation, DifferentSeedDifferentBytes) {
  const std::string a = jsonl(200, 7);
  const std::string b = jsonl(200, 8);
  EXPECT_NE(a, b);
  // Same ids, other people.
  EXPECT_NE(a.find("\"NAT-00000200\""), std::string::npos);
  EXPECT_NE(b.find("\"NAT-00000200\""), std::string::npos);
}

TEST(SynthPopulation, PersonDependsOnlyOnSeedAndIndex) {
  const PopulationGenerator gen(PopulationMix::national(), 11);
  const std::vector<Case> ten = synth::generate_population(10, 11);
  EXPECT_EQ(write_case_json(ten[7], -1), write_case_json(gen.person(7), -1));
  EXPECT_EQ(gen.person_id(0), "NAT-00000001");
  EXPECT_EQ(gen.person_id(9'999'999), "NAT-10000000");
  EXPECT_EQ(ten[0].person().id(), "NAT-00000001");
  // Another attempt is another person under the same id.
  EXPECT_EQ(gen.person(7, 1).person().id(), "NAT-00000008");
  EXPECT_NE(write_case_json(gen.person(7, 1), -1), write_case_json(gen.person(7), -1));
}

TEST(SynthPopulation, ThreadCountDoesNotChangeThePeople) {
  const auto one = synth::generate_population(12'000, 3, 1);
  const auto two = synth::generate_population(12'000, 3, 2);
  EXPECT_EQ(write_roster_jsonl(one), write_roster_jsonl(two));
}

TEST(SynthPopulation, ForEachPersonVisitsInOrder) {
  std::vector<std::string> ids;
  synth::for_each_person(5, 1, [&](const Case& c) { ids.push_back(c.person().id()); });
  EXPECT_EQ(ids, (std::vector<std::string>{"NAT-00000001", "NAT-00000002", "NAT-00000003", "NAT-00000004",
                                           "NAT-00000005"}));
}

TEST(SynthPopulation, RoundTripsThroughJsonLines) {
  const std::string text = jsonl(2000, 5);
  const std::vector<Case> read = read_roster_jsonl(text, "synthetic.jsonl");
  ASSERT_EQ(read.size(), 2000u);
  EXPECT_EQ(write_roster_jsonl(read), text);
}

TEST(SynthPopulation, OffenceMixWithinTolerance) {
  const auto& people = twenty_thousand();
  std::map<Offence, std::size_t> n;
  for (const Case& c : people) ++n[c.sentence().offence()];
  const std::size_t all = people.size();
  // Assumed shares: narcotics 50 %, general 45 %, corruption 2 %, other special crimes 3 % (children's offences are
  // drawn as general, so general gains a little). Binomial sd at 20,000 is under 0.4 points.
  EXPECT_NEAR(share(n[Offence::Narcotics], all), 50.0, 1.5);
  EXPECT_NEAR(share(n[Offence::General], all), 45.0, 1.5);
  EXPECT_NEAR(share(n[Offence::Corruption], all), 2.0, 0.5);
  const std::size_t other = n[Offence::Terrorism] + n[Offence::OrganisedCrime] + n[Offence::StateSecurity] +
                            n[Offence::HumanRights];
  EXPECT_NEAR(share(other, all), 3.0, 0.7);
  EXPECT_GT(n[Offence::Terrorism], 50u);
}

TEST(SynthPopulation, ReligionMixWithinTolerance) {
  const auto& people = twenty_thousand();
  std::map<Religion, std::size_t> n;
  for (const Case& c : people) ++n[c.person().religion()];
  const std::size_t all = people.size();
  EXPECT_NEAR(share(n[Religion::Islam], all), 87.0, 1.2);
  EXPECT_NEAR(share(n[Religion::Protestant], all), 7.0, 0.8);
  EXPECT_NEAR(share(n[Religion::Catholic], all), 3.0, 0.6);
  EXPECT_NEAR(share(n[Religion::Hindu], all), 1.7, 0.4);
  EXPECT_NEAR(share(n[Religion::Buddhist], all), 0.7, 0.25);
  EXPECT_LE(share(n[Religion::Confucian], all), 0.2);
  EXPECT_GT(n[Religion::Other] + n[Religion::Unknown], 0u);
}

TEST(SynthPopulation, SentenceLengthsAreSkewedShort) {
  const auto& people = twenty_thousand();
  std::size_t under1 = 0, one_to_five = 0, five_to_twenty = 0, life = 0, death = 0, commuted = 0;
  for (const Case& c : people) {
    const Sentence& s = c.sentence();
    if (s.kind() == SentenceKind::Life) {
      ++life;
      commuted += s.commutation() ? 1u : 0u;
      continue;
    }
    if (s.kind() == SentenceKind::Death) {
      ++death;
      continue;
    }
    const int months = s.term()->total_months();
    ASSERT_GE(months, 3);
    ASSERT_LE(months, 240);
    if (months < 12) ++under1;
    else if (months < 60) ++one_to_five;
    else ++five_to_twenty;
  }
  const std::size_t all = people.size();
  EXPECT_GT(share(one_to_five, all), 50.0);
  EXPECT_NEAR(share(five_to_twenty, all), 37.0, 5.0);
  EXPECT_NEAR(share(under1, all), 9.0, 3.0);
  EXPECT_GT(life, 20u);
  EXPECT_GT(death, 5u);
  EXPECT_LT(share(life + death, all), 1.0);
  EXPECT_GT(commuted, 0u);
}

TEST(SynthPopulation, DetentionAndVerdicts) {
  const auto& people = twenty_thousand();
  const PopulationMix mix = PopulationMix::national();
  std::size_t before_2010 = 0, earlier_period = 0, years_seen = 0;
  std::map<int, std::size_t> by_year;
  for (const Case& c : people) {
    const Date start = c.detention().last_start();
    const std::int32_t delay = days_between(start, c.sentence().verdict_final());
    // Verdict final one to twelve months after detention (shorter for the shortest sentences).
    ASSERT_GE(delay, 30) << c.person().id();
    ASSERT_LE(delay, 360) << c.person().id();
    ASSERT_LE(c.sentence().verdict_final(), mix.as_of) << c.person().id();
    if (start.year() < 2010) ++before_2010;
    ++by_year[start.year()];
    earlier_period += c.detention().periods().size() > 1 ? 1u : 0u;
  }
  for (int y = 2010; y <= 2026; ++y) years_seen += by_year[y] > 0 ? 1u : 0u;
  EXPECT_EQ(years_seen, 17u);  // starts spread over 2010–2026
  EXPECT_GT(before_2010, 0u);
  EXPECT_LT(share(before_2010, people.size()), 3.0);
  EXPECT_NEAR(share(earlier_period, people.size()), 4.0, 0.8);
}

TEST(SynthPopulation, FinesDisciplineAssessmentsRecordsChildren) {
  const auto& people = twenty_thousand();
  std::size_t narcotics = 0, narcotics_fined = 0, narcotics_unpaid = 0, corruption = 0, restitution = 0;
  std::size_t discipline = 0, assessed = 0, recorded = 0, recorded_grants = 0, children = 0, women = 0;
  for (const Case& c : people) {
    const Sentence& s = c.sentence();
    if (s.offence() == Offence::Narcotics && s.kind() == SentenceKind::Fixed) {
      ++narcotics;
      if (s.fine()) {
        ++narcotics_fined;
        narcotics_unpaid += s.fine()->paid ? 0u : 1u;
      }
    }
    if (s.offence() == Offence::Corruption) {
      ++corruption;
      restitution += s.restitution() ? 1u : 0u;
    }
    discipline += c.facts().discipline.empty() ? 0u : 1u;
    assessed += c.facts().assessments.empty() ? 0u : 1u;
    if (c.recorded()) {
      ++recorded;
      EXPECT_EQ(c.recorded()->until, make_date(2025, 12, 31));
      recorded_grants += c.recorded()->grants.size();
    }
    if (c.person().birth_date() && c.person().is_child_on(c.detention().last_start()).value_or(false)) ++children;
    women += c.person().sex() == Sex::Female ? 1u : 0u;
  }
  const std::size_t all = people.size();
  EXPECT_NEAR(share(narcotics_fined, narcotics), 85.0, 2.0);
  EXPECT_GT(share(narcotics_unpaid, narcotics_fined), 75.0);  // most do not pay: subsider owed
  EXPECT_NEAR(share(restitution, corruption), 55.0, 10.0);
  EXPECT_NEAR(share(discipline, all), 10.0, 1.5);
  EXPECT_GT(share(assessed, all), 50.0);
  EXPECT_NEAR(share(recorded, all), 25.0, 6.0);
  EXPECT_GT(recorded_grants, recorded);  // most recorded people have grants
  EXPECT_GT(children, 30u);
  EXPECT_LT(share(children, all), 1.0);
  EXPECT_NEAR(share(women, all), 5.5, 0.8);
}

TEST(SynthPopulation, RecordedGrantsAreWhatTheEngineComputes) {
  // A recorded past is the engine's own computation up to recorded.until, so evaluating the case with its record
  // or without it gives the same grants up to that day.
  const PopulationGenerator gen(PopulationMix::national(), 1);
  const Engine engine;
  int checked = 0;
  for (std::size_t i = 0; i < 400 && checked < 20; ++i) {
    const Case c = gen.person(i);
    if (!c.recorded() || c.recorded()->grants.empty()) continue;
    const Case bare(c.person(), c.detention(), c.sentence(), c.facts());
    const Evaluation with = engine.evaluate(c), without = engine.evaluate(bare);
    std::vector<std::pair<Date, std::int32_t>> a, b;
    for (const Grant& g : with.grants)
      if (g.date <= c.recorded()->until) a.emplace_back(g.date, g.days);
    for (const Grant& g : without.grants)
      if (g.date <= c.recorded()->until) b.emplace_back(g.date, g.days);
    EXPECT_EQ(a, b) << c.person().id();
    ++checked;
  }
  EXPECT_EQ(checked, 20);
}

TEST(SynthPopulation, EveryCaseEvaluates) {
  const Engine engine;
  std::size_t with_expiry = 0;
  for (const Case& c : twenty_thousand()) {
    Evaluation ev;
    ASSERT_NO_THROW(ev = engine.evaluate(c)) << c.person().id();
    with_expiry += ev.expiry ? 1u : 0u;
  }
  EXPECT_GT(share(with_expiry, twenty_thousand().size()), 98.0);
}

TEST(SynthPopulation, MostAreStillHeldOnTheSnapshot) {
  // Stock sampling: most people's sentences are still running on 2026-06-30.
  const Engine engine;
  EvaluateOptions options;
  options.decisions = false;
  std::size_t held = 0, n = 0;
  const Date as_of = PopulationMix::national().as_of;
  for (std::size_t i = 0; i < 2000; ++i) {
    const Case& c = twenty_thousand()[i];
    const Evaluation ev = engine.evaluate(c, options);
    ++n;
    held += !ev.final_release || *ev.final_release > as_of ? 1u : 0u;
  }
  EXPECT_GT(share(held, n), 80.0);
}
