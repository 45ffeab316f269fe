#pragma once
// Running the binaan program from a test: arguments, environment, standard output and error, exit status; a
// scratch directory per test; a small XML well-formedness check.

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace binaan::clitest {

namespace fs = std::filesystem;

struct Result {
  int status = -1;  ///< exit status; -1 when killed by a signal
  std::string out;
  std::string err;
};

inline std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string data(const std::string& relative) { return std::string(BINAAN_SOURCE_DIR) + "/" + relative; }

/// Runs the program with `args`; `lang` sets LANG (empty: LANG unset), so the default language is known.
inline Result run(const std::vector<std::string>& args, const std::string& lang = "C.UTF-8") {
  char out_name[] = "/tmp/binaan-cli-out-XXXXXX";
  char err_name[] = "/tmp/binaan-cli-err-XXXXXX";
  int out_fd = mkstemp(out_name);
  int err_fd = mkstemp(err_name);
  Result r;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    int null_fd = ::open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    if (lang.empty()) unsetenv("LANG");
    else setenv("LANG", lang.c_str(), 1);
    unsetenv("LC_ALL");
    std::vector<char*> argv;
    std::string program = BINAAN_CLI;
    argv.push_back(program.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  close(out_fd);
  close(err_fd);
  r.out = read_text(out_name);
  r.err = read_text(err_name);
  unlink(out_name);
  unlink(err_name);
  return r;
}

/// A fresh directory for one test, removed afterwards.
class Scratch {
public:
  Scratch() {
    char name[] = "/tmp/binaan-cli-test-XXXXXX";
    dir_ = mkdtemp(name);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  std::string operator/(const std::string& name) const { return (dir_ / name).string(); }
  const fs::path& dir() const { return dir_; }
  /// The names in the directory, sorted.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

private:
  fs::path dir_;
};

/// A small check that a text is well-formed XML: one root element, every tag closed in order, attributes quoted,
/// entities among the five predefined ones or numeric. Returns an empty string when it is, else what is wrong.
inline std::string xml_problem(const std::string& x) {
  std::vector<std::string> open;
  std::size_t i = 0;
  int roots = 0;
  auto bad_entity = [&](const std::string& text) -> bool {
    for (std::size_t k = text.find('&'); k != std::string::npos; k = text.find('&', k + 1)) {
      auto semi = text.find(';', k);
      if (semi == std::string::npos) return true;
      std::string e = text.substr(k + 1, semi - k - 1);
      if (e != "amp" && e != "lt" && e != "gt" && e != "quot" && e != "apos" && (e.empty() || e[0] != '#'))
        return true;
    }
    return false;
  };
  while (i < x.size()) {
    if (x[i] != '<') {
      auto next = x.find('<', i);
      std::string text = x.substr(i, next - i);
      if (bad_entity(text) || text.find('>') != std::string::npos) return "bad character data at " + std::to_string(i);
      if (open.empty() && text.find_first_not_of(" \t\r\n") != std::string::npos)
        return "text outside the root at " + std::to_string(i);
      i = next == std::string::npos ? x.size() : next;
      continue;
    }
    if (x.compare(i, 5, "<?xml") == 0) {
      if (i != 0) return "XML declaration not at the start";
      i = x.find("?>", i) + 2;
      continue;
    }
    if (x.compare(i, 4, "<!--") == 0) {
      i = x.find("-->", i) + 3;
      continue;
    }
    auto end = x.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = x.substr(i + 1, end - i - 1);
    i = end + 1;
    if (!tag.empty() && tag[0] == '/') {
      std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "mismatched </" + name + ">";
      open.pop_back();
      continue;
    }
    bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing) tag.pop_back();
    std::string name = tag.substr(0, tag.find_first_of(" \t\r\n"));
    if (name.empty()) return "empty tag name";
    if (tag.find('<') != std::string::npos) return "'<' inside tag " + name;
    // Attribute values: an even number of double quotes and no raw '&' outside entities.
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return "unbalanced quotes in <" + name + ">";
    if (bad_entity(tag)) return "bad entity in <" + name + ">";
    if (open.empty()) ++roots;
    if (roots > 1) return "more than one root element";
    if (!self_closing) open.push_back(name);
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (roots != 1) return "no root element";
  return "";
}

}  // namespace binaan::clitest
