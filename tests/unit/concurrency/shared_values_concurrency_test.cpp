// The values an engine is built from, shared read-only between threads (docs/concurrency.md): a holiday calendar,
// a policy and the parameter catalogue give every thread the serial answers. Also the parsers, which hold no state
// between calls.
#include <binaan/io/case_json.hpp>
#include <binaan/io/roster_csv.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/time/holiday_calendar.hpp>

#include "concurrency_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

using namespace binaan;
using namespace binaan::concurrency;

namespace {

const Holiday kHolidays[] = {Holiday::Independence, Holiday::Natal, Holiday::IdulFitri,
                             Holiday::Nyepi, Holiday::Waisak, Holiday::Imlek};

std::string render(const HolidayDate& d) { return format_date(d.date) + " " + std::string(to_string(d.status)); }

// Every holiday from 2000 to 2040: the table's rows (2010–2030) and the astronomical approximation around them.
std::vector<std::string> calendar_answers(const HolidayCalendar& cal) {
  std::vector<std::string> out;
  for (int year = 2000; year <= 2040; ++year) {
    for (Holiday h : kHolidays) {
      out.push_back(render(cal.resolve(h, year)));
      const auto found = cal.find(h, year);
      out.push_back(found ? render(*found) : "-");
      try {
        out.push_back(render(cal.lookup(h, year)));
      } catch (const LookupError& e) {
        out.push_back(std::string("LookupError ") + e.what());
      }
    }
  }
  const auto years = cal.years();
  out.push_back(years ? std::to_string(years->first) + ".." + std::to_string(years->second) : "-");
  out.push_back(std::to_string(cal.size()));
  return out;
}

std::string render(const ParameterValue& v) {
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const std::int64_t* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return std::get<std::string>(v);
}

std::vector<std::string> policy_answers(const Policy& p) {
  std::vector<std::string> out;
  for (const ParameterInfo& info : policy_parameters())
    out.push_back(std::string(info.name) + "=" + render(get_parameter(p, info.name)));
  out.push_back(write_policy_json(p));
  // Copies made from the shared policy belong to their thread: change them freely.
  Policy own =
      with_overrides(p, {{"min_served_days", std::int64_t{200}}, {"ladder_index", std::string("anniversaries")}});
  set_parameter(own, "project_kemanusiaan", true);
  out.push_back(write_policy_json(own));
  out.push_back(write_policy_json(read_policy_json(write_policy_json(p), "shared.json")));
  return out;
}

}  // namespace

TEST(HolidayCalendarConcurrency, SharedCalendarReadFromEightThreadsEqualsSerial) {
  const std::vector<std::string> serial = calendar_answers(HolidayCalendar::builtin());
  ASSERT_EQ(serial.size(), 41u * 6u * 3u + 2u);
  EXPECT_EQ(serial[serial.size() - 2], "2010..2030");
  // 17 August 2000 is fixed by law; Idul Fitri 2000 lies before the table: approximated.
  EXPECT_EQ(serial[0], "2000-08-17 fixed");
  EXPECT_NE(serial[2 * 3].find("approximated"), std::string::npos) << serial[2 * 3];

  const HolidayCalendar shared = HolidayCalendar::builtin();
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) { got[t] = calendar_answers(shared); });
  expect_all_equal(serial, got, "holiday calendar");
}

TEST(HolidayCalendarConcurrency, CopiesMadeFromASharedCalendarOnManyThreads) {
  const HolidayCalendar shared = HolidayCalendar::builtin();
  const HolidayCalendar overrides =
      HolidayCalendar().with(Holiday::IdulFitri, make_date(2031, 3, 21), DateStatus::Unverified);
  auto answers = [&](unsigned t) {
    // Each thread moves a different year's Nyepi: its copy, its answer; the shared table stays as it was.
    const int year = 2011 + static_cast<int>(t);
    const HolidayCalendar mine =
        shared.with(Holiday::Nyepi, make_date(year, 3, 1), DateStatus::Confirmed).overridden_by(overrides);
    return std::vector<std::string>{render(mine.lookup(Holiday::Nyepi, year)),
                                    render(mine.lookup(Holiday::IdulFitri, 2031)),
                                    render(shared.lookup(Holiday::Nyepi, year)), std::to_string(mine.size())};
  };
  std::vector<std::vector<std::string>> serial(kReaders);
  for (unsigned t = 0; t < kReaders; ++t) serial[t] = answers(t);
  EXPECT_EQ(serial[0][0], "2011-03-01 confirmed");
  EXPECT_EQ(serial[0][1], "2031-03-21 unverified");
  EXPECT_EQ(serial[0][3], std::to_string(shared.size() + 1));

  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) { got[t] = answers(t); });
  for (unsigned t = 0; t < kReaders; ++t) expect_all_equal(serial[t], {got[t]}, "calendar copy " + std::to_string(t));
}

TEST(PolicyConcurrency, SharedPolicyReadFromEightThreadsEqualsSerial) {
  Policy shared = default_policy();
  shared.id = "shared";
  shared.tambahan_combine = TambahanCombine::Sum;
  const std::vector<std::string> serial = policy_answers(shared);
  ASSERT_EQ(serial.size(), policy_parameters().size() + 3);
  EXPECT_GE(policy_parameters().size(), 32u);
  EXPECT_EQ(serial[0].substr(0, serial[0].find('=')), std::string(policy_parameters().front().name));
  EXPECT_NE(serial[serial.size() - 2].find("\"min_served_days\": 200"), std::string::npos);

  const Policy& read_only = shared;
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) { got[t] = policy_answers(read_only); });
  expect_all_equal(serial, got, "policy");
}

TEST(ParserConcurrency, RostersParsedOnEightThreadsEqualSerial) {
  const std::string jsonl = roster_text("grant-day-2019-08-17.jsonl");
  const std::string csv = roster_text("grant-day-2019-08-17.csv");
  auto answers = [&] {
    const std::vector<Case> a = read_roster_jsonl(jsonl, "roster.jsonl");
    const std::vector<Case> b = read_roster_csv(csv, "roster.csv");
    return std::vector<std::string>{write_roster_jsonl(a), write_roster_jsonl(b), write_roster_csv(a)};
  };
  const std::vector<std::string> serial = answers();
  EXPECT_EQ(serial[0], serial[1]);  // the CSV roster holds the same people
  EXPECT_EQ(std::count(serial[0].begin(), serial[0].end(), '\n'), 12);
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) { got[t] = answers(); });
  expect_all_equal(serial, got, "rosters");
}
