// Saves that do not finish: a process killed at random moments while saving (kill -9), and a file size limit
// reached mid-write (RLIMIT_FSIZE, as a full disk). Each time the target still holds a complete facility: the old
// one or the new one, never a mixture or a torn file.

#include <binaan/io/archive.hpp>

#include "facility_fixture.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <random>
#include <thread>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace binaan;
using binaan::test::dump;

namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / ("binaan-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  bool has_temporary(const std::string& keep) const {
    for (const auto& e : fs::directory_iterator(path))
      if (e.path().filename() != keep) return true;
    return false;
  }
  /// Names of the files in the directory other than `keep`; removes them.
  std::vector<std::string> take_others(const std::string& keep) const {
    std::vector<std::string> others;
    for (const auto& e : fs::directory_iterator(path))
      if (e.path().filename() != keep) {
        others.push_back(e.path().filename().string());
        fs::remove(e.path());
      }
    return others;
  }
};

TEST(ArchiveCrash, SaveKilledAtRandomMomentsLeavesALoadableFile) {
  TempDir dir("kill");
  const std::string path = (dir.path / "lapas.binaan").string();
  // Two facilities of different sizes, so that a torn file could not pass for either.
  const Facility a = test::random_facility(4001, 800, 30);
  const Facility b = test::random_facility(4002, 500, 30);
  const std::string dump_a = dump(a), dump_b = dump(b);

  const auto t0 = std::chrono::steady_clock::now();
  save_facility(a, path);
  const auto save_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();

  std::mt19937 rng(42);
  // Up to two saves' time: the kill lands while encoding, writing, syncing or renaming, or between two saves.
  std::uniform_int_distribution<long> delay_us(0, 2 * std::max<long>(save_us, 1000));
  int saw_a = 0, saw_b = 0, torn_temporaries = 0, finished_saves_seen = 0;
  for (int i = 0; i < 30; ++i) {
    if (i % 2 == 0) save_facility(a, path);  // so that b in the file means the child finished a save
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      try {
        for (;;) {
          save_facility(b, path);
          save_facility(a, path);
        }
      } catch (...) {
        ::_exit(3);
      }
    }
    if (i % 2 == 0) {
      // Wait until the child has finished a save (the file holds b: the parent has just saved a, and the child
      // saves b first), then kill after a random delay, anywhere in the saves that follow. Waiting for the file
      // rather than for a time keeps the test independent of the machine's load.
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      bool finished = false;
      while (!(finished = dump(load_facility(path)) == dump_b) && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      if (finished) ++finished_saves_seen;
      std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    } else {
      // Wait for a temporary file to appear, then kill within a couple of milliseconds: mostly mid-write.
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (!dir.has_temporary("lapas.binaan") && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::microseconds(50));
      std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<long>(0, 2000)(rng)));
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the saving child stopped by itself, status " << status;

    const std::string loaded = dump(load_facility(path));
    if (loaded == dump_a)
      ++saw_a;
    else if (loaded == dump_b)
      ++saw_b;
    else
      ADD_FAILURE() << "iteration " << i << ": the file holds neither facility";
    // A killed save leaves its temporary file behind (never read); count and remove it.
    const std::vector<std::string> others = dir.take_others("lapas.binaan");
    for (const std::string& name : others) EXPECT_EQ(name.rfind(".lapas.binaan.tmp-", 0), 0u) << name;
    torn_temporaries += others.empty() ? 0 : 1;
  }
  EXPECT_EQ(saw_a + saw_b, 30);
  // The kills must really have landed mid-save, some of them, and the saves must have made progress (every child
  // waited for finished one).
  EXPECT_GE(torn_temporaries, 5);
  EXPECT_EQ(finished_saves_seen, 15);
}

TEST(ArchiveCrash, FileSizeLimitLeavesTheOldFileAndReportsIt) {
  TempDir dir("fsize");
  const std::string path = (dir.path / "lapas.binaan").string();
  const Facility small = test::random_facility(5001, 5);
  const Facility big = test::random_facility(5002, 400, 30);
  save_facility(small, path);
  const auto old_size = fs::file_size(path);
  const auto big_size = facility_to_bytes(big).size();
  const rlim_t limit = static_cast<rlim_t>(old_size + (big_size - old_size) / 2);
  ASSERT_LT(old_size, limit);
  ASSERT_GT(big_size, limit);

  int message[2];
  ASSERT_EQ(::pipe(message), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(message[0]);
    // Past the limit write(2) fails with EFBIG instead of the process being killed by SIGXFSZ.
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit rl{limit, limit};
    if (::setrlimit(RLIMIT_FSIZE, &rl) != 0) ::_exit(4);
    int code = 5;
    std::string text = "saved";
    try {
      save_facility(big, path);
    } catch (const ArchiveError& e) {
      code = e.file() == path ? 0 : 6;
      text = e.what();
    } catch (const std::exception& e) {
      text = e.what();
    }
    (void)!::write(message[1], text.data(), text.size());
    ::_exit(code);
  }
  ::close(message[1]);
  std::string text;
  char buf[512];
  for (ssize_t n; (n = ::read(message[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  ::close(message[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), 0) << text;
  EXPECT_NE(text.find(path + ": cannot be saved (writing "), std::string::npos) << text;
  EXPECT_NE(text.find("the previous file is untouched"), std::string::npos) << text;
  EXPECT_NE(text.find("File too large"), std::string::npos) << text;

  EXPECT_EQ(fs::file_size(path), old_size);
  EXPECT_EQ(dump(load_facility(path)), dump(small));
  EXPECT_TRUE(dir.take_others("lapas.binaan").empty()) << "the temporary file was not removed";
}

}  // namespace
