// The floor of issue 6 (benchmarks/national_floor.hpp) is what the benchmarks compare the engine's projection with:
// "the engine takes N times the floor" says something only if the floor computes what the engine computes for the
// people it can. These tests hold it to that: on every person of the benchmarks' synthetic population made
// ladder-only — an adult with a general offence, a fixed term and no facts, whose expiry only the RU and RK ladders
// (Keppres 174/1999 Art. 4, 5; PP 99/2012 Art. 34(2)(b)) move — the floor's expiry is the engine's to the day.
#include "national_floor.hpp"
#include "national_population.hpp"

#include <binaan/rules/engine.hpp>
#include <binaan/synth/population.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace binaan;
namespace bf = binaan::bench::floor;  // not "floor": the C library has a function of that name

namespace {

// The people of the floor's domain: each person of `people` with a served term, as an adult (the explicit flag)
// with a general offence, fixed term, the same detention and no facts, recorded grants or `until`; only those whose
// term lies in the floor's holiday table and spans no dasawarsa 17 August (Keppres 120/1955: 1955, 1965, ...), a
// grant the floor leaves out.
std::vector<Case> ladder_only(const std::vector<Case>& people) {
  std::vector<Case> out;
  for (const Case& c : people) {
    const std::optional<Term> term = c.sentence().served_term();
    if (!term) continue;
    const Date last = c.detention().last_start();
    const Date end = term_end(c.detention().sentence_start(), *term);
    if (last.year() <= bf::kFirstYear || end.year() >= bf::kLastYear) continue;
    bool dasawarsa = false;
    for (int y = 1955; y <= bf::kLastYear; y += 10) {
      const Date d = make_date(y, 8, 17);
      dasawarsa = dasawarsa || (last < d && d < end);
    }
    if (dasawarsa) continue;
    out.emplace_back(Person(c.person().id(), c.person().religion(), "", std::nullopt, std::nullopt, false),
                     c.detention(), Sentence::fixed(*term, Offence::General, c.sentence().verdict_final()));
  }
  return out;
}

const std::vector<Case>& national_sample() {
  static const std::vector<Case> people = synth::generate_population(20'000, bench::kNationalSeed, 2);
  return people;
}

}  // namespace

TEST(BenchmarkFloor, ExpiryIsTheEnginesOnEveryLadderOnlyPerson) {
  const std::vector<Case> people = ladder_only(national_sample());
  // Not a handful: the benchmarks' population gives thousands of such people.
  ASSERT_GE(people.size(), 5'000u);
  const Engine engine;
  const std::vector<Projection> projections = engine.project_all(people, 1);
  const bf::HolidayTable holidays;
  std::size_t grants = 0, released_by_grant = 0, with_remission = 0, without_rk = 0;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::optional<Date> expiry = bf::floor_expiry(people[i], holidays);
    ASSERT_TRUE(projections[i].expiry.has_value()) << people[i].person().id();
    ASSERT_TRUE(expiry.has_value()) << people[i].person().id();
    EXPECT_EQ(format_date(*expiry), format_date(*projections[i].expiry)) << people[i].person().id();
    grants += projections[i].grants;
    released_by_grant += projections[i].released_by_grant ? 1u : 0u;
    with_remission += projections[i].remission_days > 0 ? 1u : 0u;
    without_rk += people[i].person().religion() == Religion::Other || people[i].person().religion() == Religion::Unknown ? 1u : 0u;
  }
  // Every part of the floor's loop is exercised: both ladders' steps, level II releases, people without an RK
  // holiday (RU only), people released before any grant.
  EXPECT_GE(grants, 2 * people.size());
  EXPECT_GT(released_by_grant, 100u);
  EXPECT_GT(with_remission, people.size() / 2);
  EXPECT_LT(with_remission, people.size());
  EXPECT_GT(without_rk, 10u);
}

TEST(BenchmarkFloor, ChecksumIsTheSumOfTheExpiries) {
  const std::vector<Case> people = ladder_only(national_sample());
  const bf::HolidayTable holidays;
  const std::vector<Projection> projections = Engine().project_all(people, 1);
  std::int64_t sum = 0;
  for (const Projection& p : projections) sum += p.expiry->day_number();
  EXPECT_EQ(bf::checksum(people, holidays), sum);
}

TEST(BenchmarkFloor, NoExpiryWithoutATerm) {
  const DetentionHistory detention({DetentionPeriod{make_date(2020, 1, 6), std::nullopt}});
  const Person person("NAT-DEATH", Religion::Islam);
  const bf::HolidayTable holidays;
  EXPECT_FALSE(bf::floor_expiry(Case(person, detention, Sentence::death(Offence::General, make_date(2020, 3, 2))),
                                   holidays));
  EXPECT_FALSE(bf::floor_expiry(Case(person, detention, Sentence::life(Offence::General, make_date(2020, 3, 2))),
                                   holidays));
}

TEST(BenchmarkFloor, HolidayTableIsTheBuiltinCalendars) {
  const bf::HolidayTable holidays;
  const HolidayCalendar calendar = HolidayCalendar::builtin();
  auto day = [](const std::optional<Date>& d) { return d ? format_date(*d) : std::string("none"); };
  for (int y = bf::kFirstYear; y <= bf::kLastYear; ++y) {
    EXPECT_EQ(day(holidays.rk_day(Religion::Islam, y)), format_date(calendar.resolve(Holiday::IdulFitri, y).date)) << y;
    EXPECT_EQ(day(holidays.rk_day(Religion::Catholic, y)), format_date(calendar.resolve(Holiday::Natal, y).date)) << y;
    EXPECT_EQ(day(holidays.rk_day(Religion::Hindu, y)), format_date(calendar.resolve(Holiday::Nyepi, y).date)) << y;
    EXPECT_EQ(day(holidays.rk_day(Religion::Confucian, y)), format_date(calendar.resolve(Holiday::Imlek, y).date)) << y;
  }
  EXPECT_FALSE(holidays.rk_day(Religion::Other, 2024));
  EXPECT_FALSE(holidays.rk_day(Religion::Islam, bf::kLastYear + 1));
}
