#pragma once
// `--timing`: the wall time of each phase of a command (reading, computing, rendering, writing) on standard error,
// with the people per second where the phase handles people — the program's own speed figures on the user's data
// and machine (benchmarks/ has the controlled ones). Off, it measures nothing and prints nothing.

#include "cli.hpp"

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace binaan::cli {

class Timing {
public:
  explicit Timing(bool on) : on_(on), start_(Clock::now()), last_(start_) {}

  /// Ends the phase that began at the previous lap (or at construction): prints its name, seconds and, when
  /// `people` is non-zero, the count and the rate.
  void lap(const char* phase, std::size_t people = 0) {
    if (!on_) return;
    const Clock::time_point now = Clock::now();
    print(phase, seconds(last_, now), people);
    last_ = now;
  }

  /// The whole command, from construction.
  void total(std::size_t people = 0) const {
    if (on_) print("total", seconds(start_, Clock::now()), people);
  }

private:
  using Clock = std::chrono::steady_clock;

  static double seconds(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
  }

  static void print(const char* phase, double s, std::size_t people) {
    if (people == 0) {
      std::fprintf(stderr, "timing: %-8s %9.3f s\n", phase, s);
    } else {
      const double rate = s > 0 ? static_cast<double>(people) / s : 0.0;
      std::fprintf(stderr, "timing: %-8s %9.3f s  %zu people  %.0f people/s\n", phase, s, people, rate);
    }
  }

  bool on_;
  Clock::time_point start_;
  Clock::time_point last_;
};

/// The end of a command that renders its whole output as one text: the render phase ends, the text goes out (emit:
/// standard output, or -o FILE atomically), the write phase ends, and the total is printed.
inline void emit_timed(const Args& args, const std::string& text, Timing& timing, std::size_t people) {
  timing.lap("render");
  emit(args, text);
  timing.lap("write");
  timing.total(people);
}

}  // namespace binaan::cli
