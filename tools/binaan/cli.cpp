#include "cli.hpp"

#include <binaan/error.hpp>
#include <binaan/io/case_json.hpp>
#include <binaan/rules/policy.hpp>
#include <binaan/time/holiday_calendar.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace binaan::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& options,
           const std::vector<std::string>& flags) {
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-' || a == "-") {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a.substr(a.rfind('-', 1) == 1 ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (has(options, name)) {
      if (options_.count(name)) throw UsageError("option --" + name + " given twice");
      if (inline_value) options_[name] = *inline_value;
      else if (i + 1 < argv.size()) options_[name] = argv[++i];
      else throw UsageError("option --" + name + " needs a value");
    } else if (has(flags, name) && !inline_value) {
      flags_.push_back(name);
    } else {
      throw UsageError("unknown option " + a);
    }
  }
}

std::optional<std::string> Args::option(const std::string& name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

bool Args::flag(const std::string& name) const { return std::find(flags_.begin(), flags_.end(), name) != flags_.end(); }

Lang language(const Args& args) {
  if (auto l = args.option("lang")) {
    if (*l == "id") return Lang::Id;
    if (*l == "en") return Lang::En;
    throw UsageError("--lang takes id or en, not \"" + *l + "\"");
  }
  const char* env = std::getenv("LANG");
  return env && std::string(env).rfind("id", 0) == 0 ? Lang::Id : Lang::En;
}

std::vector<std::string> engine_options() { return {"policy", "holidays", "lang", "format"}; }

Engine make_engine(const Args& args) {
  Policy policy = default_policy();
  if (auto file = args.option("policy")) policy = read_policy_json(read_file_text(*file, 1u << 20), *file);
  if (args.flag("strict")) policy.assume_unrecorded_facts = false;
  HolidayCalendar calendar = HolidayCalendar::builtin();
  if (auto file = args.option("holidays"))
    calendar = calendar.overridden_by(HolidayCalendar::from_csv(read_file_text(*file, 16u << 20), *file));
  return Engine(std::move(policy), std::move(calendar));
}

void write_file(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path, 0, "", "", "cannot write the file");
    out << text;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw InputError(path, 0, "", "", "cannot write the file (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw InputError(path, 0, "", "", "cannot replace the file");
  }
}

}  // namespace binaan::cli
