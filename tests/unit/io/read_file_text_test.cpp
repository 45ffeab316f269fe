// Reading files into memory with a size limit.

#include "io_test_support.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace binaan;
using namespace binaan::iotest;

namespace {

/// A scratch directory of this test program, removed at the end of each test.
class ReadFileText : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("binaan-io-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) const {
    const auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  std::filesystem::path dir_;
};

InputError file_refusal(const std::string& path, std::size_t max) {
  try {
    (void)read_file_text(path, max);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "read " << path;
  return InputError(path, 0, "<read>", "", "read");
}

}  // namespace

TEST_F(ReadFileText, ReadsBytesAsTheyAre) {
  const std::string content = std::string("\xEF\xBB\xBF{\"a\":1}\r\n\0x", 13);
  const std::string path = write("a.json", content);
  EXPECT_EQ(read_file_text(path), content);
  EXPECT_EQ(read_file_text(write("empty.json", "")), "");
}

TEST_F(ReadFileText, ReadsAGoldenCase) {
  const auto files = golden_files();
  ASSERT_FALSE(files.empty());
  const std::string text = read_file_text(files.front().string());
  EXPECT_EQ(text, read_text(files.front()));
  EXPECT_NO_THROW((void)read_case_json(text, files.front().string()));
}

TEST_F(ReadFileText, SizeLimitIsInclusive) {
  const std::string path = write("ten.json", std::string(10, 'x'));
  EXPECT_EQ(read_file_text(path, 10).size(), 10u);
  const InputError e = file_refusal(path, 9);
  EXPECT_EQ(e.file(), path);
  EXPECT_EQ(e.value(), "more than 9 bytes");
  EXPECT_NE(std::string(e.what()).find("larger than the limit of 9 bytes"), std::string::npos) << e.what();
}

TEST_F(ReadFileText, DefaultLimitIs16MiB) {
  const std::string path = write("big.json", std::string((std::size_t{16} << 20) + 1, ' '));
  const InputError e = file_refusal(path, kMaxCaseFileBytes);
  EXPECT_NE(std::string(e.what()).find("16 MiB"), std::string::npos) << e.what();
  EXPECT_THROW((void)read_file_text(path), InputError);
}

TEST_F(ReadFileText, MissingFileAndDirectory) {
  const std::string missing = (dir_ / "nope.json").string();
  const InputError e = file_refusal(missing, 100);
  EXPECT_EQ(e.file(), missing);
  EXPECT_EQ(std::string(e.what()), missing + ": no such file");
  const InputError d = file_refusal(dir_.string(), 100);
  EXPECT_NE(std::string(d.what()).find("is a directory"), std::string::npos) << d.what();
}
