#pragma once
// Shared by the concurrency tests: starting threads together, comparing what each thread computed with the serial
// answer, and the inputs every test reads (the golden cases, the demo prison as a loaded archive).
//
// These tests run under ThreadSanitizer in CI (the whole executable within 60 s on 2 cores): loop counts are small
// and fixed, and a test asserts on results only — never on timing.

#include <binaan/facility/facility.hpp>
#include <binaan/io/archive.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/io/result.hpp>
#include <binaan/programmes/participation.hpp>
#include <binaan/rules/engine.hpp>
#include <binaan/synth/demo.hpp>

#include "golden_cases.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace binaan::concurrency {

/// Threads that read shared data in the tests: more than the cores, so that the scheduler interleaves them.
inline constexpr unsigned kReaders = 8;

/// Runs body(t) for t in [0, threads) on that many threads, released together once all have started (so that their
/// reads overlap), and waits for all of them. The first exception, by thread number, is rethrown.
inline void run_together(unsigned threads, const std::function<void(unsigned)>& body) {
  std::mutex m;
  std::condition_variable cv;
  unsigned waiting = 0;
  bool go = false;
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      {
        std::unique_lock<std::mutex> lock(m);
        ++waiting;
        cv.notify_all();
        cv.wait(lock, [&] { return go; });
      }
      try {
        body(t);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return waiting == threads; });
    go = true;
  }
  cv.notify_all();
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

/// Each thread's answers against the serial ones: equal in number and one by one. Reports the first difference of
/// each thread (whole renderings are long).
inline void expect_all_equal(const std::vector<std::string>& serial,
                             const std::vector<std::vector<std::string>>& per_thread, const std::string& what) {
  for (std::size_t t = 0; t < per_thread.size(); ++t) {
    const auto& got = per_thread[t];
    ASSERT_EQ(got.size(), serial.size()) << what << ": thread " << t;
    const auto diff = std::mismatch(serial.begin(), serial.end(), got.begin());
    EXPECT_TRUE(diff.first == serial.end())
        << what << ": thread " << t << " differs at item " << (diff.first - serial.begin())
        << ":\n serial: " << diff.first->substr(0, 400) << "\n thread: " << diff.second->substr(0, 400);
  }
}

/// The golden case files (tests/golden/*.json), read once, sorted by file name.
inline const std::vector<Case>& golden_cases() {
  static const std::vector<Case> cases = binaan::testing::golden_cases();
  return cases;
}

/// A roster file of tests/data/rosters, read whole.
inline std::string roster_text(const char* name) {
  return read_file_text(std::string(BINAAN_TEST_DATA_DIR) + "/data/rosters/" + name);
}

/// The demo prison (about 1,200 people and a year of programmes) as archive bytes, generated once.
inline const std::string& demo_archive() {
  static const std::string bytes = facility_to_bytes(synth::generate_demo_facility(), ArchiveFormat::Binary);
  return bytes;
}

/// The demo prison loaded from its archive, for the serial answers.
inline const Facility& reference_demo() {
  static const Facility f = facility_from_bytes(demo_archive(), "demo (reference)");
  return f;
}

/// Another copy loaded from the same bytes, only for the threads: the first test to use it shares a facility that no
/// one has read before, so nothing in it can have been warmed up by the serial run.
inline const Facility& shared_demo() {
  static const Facility f = facility_from_bytes(demo_archive(), "demo (shared)");
  return f;
}

/// A person's programme record as the program builds it for the engine: participation evidence by quarter and
/// pemuka periods.
inline ProgrammeRecord programme_record(const Facility& f, const std::string& person_id) {
  ProgrammeRecord r;
  r.participation = participation_evidence(f.programmes(), person_id);
  for (const auto& period : f.programmes().pemuka())
    if (period.inmate_id == person_id) r.pemuka.push_back(period.span);
  return r;
}

/// The programme records of the first `count` people of a facility, in its order.
inline std::vector<ProgrammeRecord> programme_records(const Facility& f, std::size_t count) {
  std::vector<ProgrammeRecord> records;
  for (std::size_t i = 0; i < std::min(count, f.size()); ++i)
    records.push_back(programme_record(f, f.people()[i].person().id()));
  return records;
}

/// The first `count` people of a facility.
inline std::vector<Case> first_people(const Facility& f, std::size_t count) {
  return {f.people().begin(), f.people().begin() + static_cast<std::ptrdiff_t>(std::min(count, f.size()))};
}

/// Compact JSON (one line): as exact as the indented rendering, and cheaper under the sanitizer.
inline std::string json(const Evaluation& ev) {
  RenderOptions one_line;
  one_line.indent = -1;
  return evaluation_to_json(ev, one_line);
}

}  // namespace binaan::concurrency
