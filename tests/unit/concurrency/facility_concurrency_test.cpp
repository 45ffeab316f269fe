// A loaded facility shared between threads (docs/concurrency.md): its reports, lookups, the engine over its people
// and saving it give every reader the serial answers; archives load and save on many threads at once.
//
// Not tested, because it is not safe: changing a Facility (add_person, record_attendance, record_sale, …) while
// any other thread reads or changes it. Writes need exclusive access (a lock held by the caller, or a copy per
// writer); a data race there is undefined behaviour, not a test failure to look for.
#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>
#include <binaan/programmes/errors.hpp>
#include <binaan/programmes/head_report.hpp>
#include <binaan/programmes/inmate_report.hpp>
#include <binaan/programmes/partner_report.hpp>
#include <binaan/programmes/programme_report.hpp>
#include <binaan/rules/engine.hpp>

#include "concurrency_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

using namespace binaan;
using namespace binaan::concurrency;

namespace {

const Date kFrom = make_date(2026, 1, 1);
const Date kTo = make_date(2026, 12, 31);

// One of the three reports of the `report` command (0 programmes, 1 partners, 2 head) for the demo year, in every
// format.
std::vector<std::string> report(const Facility& f, unsigned which) {
  const Programmes& p = f.programmes();
  if (which == 0) {
    const ProgrammeReport r = programme_report(p, kFrom, kTo);
    return {to_json(r), to_csv(r), to_text(r)};
  }
  if (which == 1) {
    const std::vector<PartnerReport> r = partner_reports(p, kFrom, kTo);
    return {to_json(r), to_csv(r), to_text(r)};
  }
  const HeadReport r = head_report(p, kFrom, kTo);
  return {to_json(r), to_csv(r), to_text(r)};
}

// Every 100th person (12 of the demo's 1,200), starting at `first`.
std::vector<std::string> sample_ids(const Facility& f, std::size_t first) {
  std::vector<std::string> ids;
  for (std::size_t i = first; i < f.size(); i += 100) ids.push_back(f.people()[i].person().id());
  return ids;
}

// What a prison tool asks about one inmate: the inmate report, the participation evidence, the case, the savings.
std::vector<std::string> inmate_answers(const Facility& f, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    out.push_back(to_json(inmate_report(f.programmes(), id, kFrom, kTo)));
    std::string evidence;
    for (const ParticipationEvidence& e : participation_evidence(f.programmes(), id))
      evidence += format_date(e.from) + " " + std::to_string(e.attended) + "/" + std::to_string(e.expected) +
                  (e.active ? " active\n" : "\n");
    out.push_back(evidence);
    out.push_back(f.contains(id) ? write_case_json(f.person(id)) : "absent");
    const SavingsLedger* ledger = f.programmes().ledger(id);
    out.push_back(ledger ? std::to_string(ledger->balance().value()) : "no savings");
  }
  return out;
}

// Lookups by id in the programmes: workshops, products and their stock, batches not yet sold, attendance records,
// and the refusal of ids that name nothing.
std::vector<std::string> lookups(const Facility& f) {
  const Programmes& p = f.programmes();
  std::vector<std::string> out;
  for (const Workshop& w : p.workshops()) {
    const Workshop& again = p.workshop(w.id);
    out.push_back(again.name + " " + std::to_string(again.sessions.size()));
    // Who was recorded at the first session, among every 20th person.
    if (!again.sessions.empty()) {
      std::string recorded;
      for (std::size_t i = 0; i < f.size(); i += 20) {
        const std::string& id = f.people()[i].person().id();
        if (const Attendance* a = p.find_attendance(w.id, again.sessions.front().date, id))
          recorded += id + (a->status == AttendanceStatus::Attended ? " attended\n" : " absent\n");
      }
      out.push_back(recorded);
    }
  }
  for (const Product& pr : p.products()) {
    out.push_back(p.product(pr.id).name + " " + std::to_string(p.stock(pr.id)));
    for (const Partner& partner : p.partners()) out.push_back(std::to_string(p.stock(pr.id, partner.id)));
  }
  for (const Batch& b : p.batches()) out.push_back(b.id + " " + std::to_string(p.unsold(b.id)));
  out.push_back(f.find("WBP-NOBODY") ? "found" : "absent");
  try {
    (void)f.person("WBP-NOBODY");
    out.push_back("no refusal");
  } catch (const UnknownReference& e) {
    out.push_back(e.what());
  }
  return out;
}

// A directory of this process's own, removed again when the test ends.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() /
             ("binaan-concurrency-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

const std::string kGoldenArchive = std::string(BINAAN_TEST_DATA_DIR) + "/data/archives/facility-format1-text.binaan";

}  // namespace

TEST(FacilityConcurrency, ReportsFromEightThreadsEqualSerial) {
  const std::vector<std::vector<std::string>> serial = {report(reference_demo(), 0), report(reference_demo(), 1),
                                                        report(reference_demo(), 2)};
  EXPECT_NE(serial[0][2].find("SAE Konveksi"), std::string::npos);
  EXPECT_NE(serial[1][2].find("Dewan UKM Provinsi Kalimantan Timur"), std::string::npos);
  EXPECT_FALSE(serial[2][0].empty());

  // Thread t makes report t % 3: each report is made by two or three threads at once.
  const Facility& shared = shared_demo();
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) { got[t] = report(shared, t % 3); });
  for (unsigned t = 0; t < kReaders; ++t) expect_all_equal(serial[t % 3], {got[t]}, "report " + std::to_string(t));
}

TEST(FacilityConcurrency, InmateQuestionsFromEightThreadsEqualSerial) {
  std::vector<std::vector<std::string>> serial(4);
  for (unsigned r = 0; r < 4; ++r) serial[r] = inmate_answers(reference_demo(), sample_ids(reference_demo(), r * 25));
  ASSERT_EQ(serial[0].size(), 12u * 4u);
  EXPECT_NE(serial[0][2].find("\"WBP-SMD-0001\""), std::string::npos);  // the first person's case
  std::size_t with_evidence = 0;
  for (const auto& s : serial)
    for (std::size_t i = 1; i < s.size(); i += 4) with_evidence += s[i].empty() ? 0u : 1u;
  EXPECT_GT(with_evidence, 0u);

  const Facility& shared = shared_demo();
  std::vector<std::vector<std::string>> got(kReaders);
  // Two threads ask about each sample at the same time.
  run_together(kReaders, [&](unsigned t) { got[t] = inmate_answers(shared, sample_ids(shared, (t % 4) * 25)); });
  for (unsigned t = 0; t < kReaders; ++t) expect_all_equal(serial[t % 4], {got[t]}, "inmates " + std::to_string(t));
}

TEST(FacilityConcurrency, LookupsFromEightThreadsEqualSerial) {
  const std::vector<std::string> serial = lookups(reference_demo());
  EXPECT_GT(serial.size(), 20u);
  EXPECT_EQ(serial[serial.size() - 2], "absent");
  EXPECT_NE(serial.back().find("WBP-NOBODY"), std::string::npos) << serial.back();

  const Facility& shared = shared_demo();
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) { got[t] = lookups(shared); });
  expect_all_equal(serial, got, "lookups");
}

TEST(FacilityConcurrency, TheEngineOverItsPeopleFromEightThreadsEqualsSerial) {
  constexpr std::size_t kPeople = 100;
  const Engine engine;
  auto answers = [&](const Facility& f) {
    // As the program does before a run: the programme records from the facility, then the engine over its people —
    // the grant day, and single people found by id.
    const std::vector<ProgrammeRecord> records = programme_records(f, kPeople);
    const std::vector<Case> people = first_people(f, kPeople);
    std::vector<std::string> out{day_run_to_json(engine.run_grant_day(people, make_date(2026, 8, 17), 1, &records))};
    for (std::size_t i = 0; i < kPeople; i += 10) {
      const Case* c = f.find(people[i].person().id());
      out.push_back(c ? json(engine.evaluate(*c, records[i])) : "absent");
    }
    return out;
  };
  const std::vector<std::string> serial = answers(reference_demo());
  ASSERT_EQ(serial.size(), 11u);
  EXPECT_NE(serial.front().find("\"date\": \"2026-08-17\""), std::string::npos);

  const Facility& shared = shared_demo();
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) { got[t] = answers(shared); });
  expect_all_equal(serial, got, "engine over the facility");
}

TEST(FacilityConcurrency, SavedFromManyThreadsGivesTheSameBytes) {
  const std::string serial = facility_to_bytes(reference_demo(), ArchiveFormat::Binary);
  EXPECT_EQ(serial, demo_archive());
  const Facility& shared = shared_demo();
  // Four threads: the demo's archive is large, and the sanitizer slows every byte.
  std::vector<std::vector<std::string>> got(4);
  run_together(4, [&](unsigned t) { got[t].push_back(facility_to_bytes(shared, ArchiveFormat::Binary)); });
  expect_all_equal({serial}, got, "archive bytes");
}

TEST(ArchiveConcurrency, ArchivesLoadOnEightThreadsAtOnce) {
  // Boost.Serialization keeps process-wide registries of the types it has met; loading on many threads at once,
  // each with its own archive, must still give each the same facility.
  const Facility golden = load_facility(kGoldenArchive);
  const std::string text = facility_to_bytes(golden, ArchiveFormat::Text);
  const std::string binary = facility_to_bytes(golden, ArchiveFormat::Binary);
  ASSERT_EQ(golden.size(), 3u);
  std::vector<std::vector<std::string>> got(kReaders);
  run_together(kReaders, [&](unsigned t) {
    const Facility from_file = load_facility(kGoldenArchive);
    const Facility from_text = facility_from_bytes(text, "text " + std::to_string(t));
    const Facility from_binary = facility_from_bytes(binary, "binary " + std::to_string(t));
    got[t] = {facility_to_bytes(from_file), facility_to_bytes(from_text),
              facility_to_bytes(from_binary, ArchiveFormat::Binary)};
  });
  expect_all_equal({text, text, binary}, got, "loaded archives");
}

TEST(ArchiveConcurrency, SavesOnEightThreadsAtOnce) {
  const TempDir tmp("saves");
  const std::string dir = tmp.path.string();
  const Facility golden = load_facility(kGoldenArchive);
  const std::string bytes = facility_to_bytes(golden);
  const std::string same = dir + "/same.binaan";
  run_together(kReaders, [&](unsigned t) {
    // Each thread its own file, and all of them the same file: every save is atomic, the last rename wins.
    save_facility(golden, dir + "/own-" + std::to_string(t) + ".binaan");
    save_facility(golden, same);
  });
  for (unsigned t = 0; t < kReaders; ++t)
    EXPECT_EQ(facility_to_bytes(load_facility(dir + "/own-" + std::to_string(t) + ".binaan")), bytes) << t;
  EXPECT_EQ(read_file_text(same, 1u << 20), bytes);
  // No temporary file is left behind.
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, kReaders + 1);
}
