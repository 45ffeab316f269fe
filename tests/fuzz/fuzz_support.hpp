#pragma once
// What the fuzz targets share: the input as text, a check that stops the run on a broken invariant, and one
// evaluation of a case by the default engine. A target catches the exceptions its API documents for bad input and
// lets everything else escape: an escaping exception, a failed check, a crash or a sanitizer report is a finding.

#include <binaan/error.hpp>
#include <binaan/io/result.hpp>
#include <binaan/people/case.hpp>
#include <binaan/rules/engine.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace binaan::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

/// Stops the run when an invariant does not hold: abort() is what libFuzzer and the replay driver report.
inline void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

/// The default engine, built once per process (the targets' one piece of shared state: building it per input
/// would cost more than the input).
inline const Engine& engine() {
  static const Engine e;
  return e;
}

/// Evaluates a case that was read and renders the result both ways. Engine::evaluate refuses some cases that read
/// well with a ValueError (an invalid policy override, checked only here; a term that runs past the last supported
/// year); anything else it throws is a finding.
inline void evaluate(const Case& c) {
  try {
    const Evaluation ev = engine().evaluate(c);
    check(!evaluation_to_json(ev).empty(), "evaluation_to_json gave nothing");
    check(!evaluation_to_text(ev).empty(), "evaluation_to_text gave nothing");
  } catch (const ValueError&) {
  }
}

}  // namespace binaan::fuzz
