// The progress line of a long run: files and megabytes done, rate and ETA,
// on one line of standard error that redraws itself in place
// (docs/conventions.md). It is for a person watching a terminal, so it is
// never written anywhere else: not when standard error is a file or a pipe
// (a log would fill with redraws), never to the records, not with --quiet.
//
// The line is drawn with a carriage return and erased with spaces: no escape
// sequence at all, so NO_COLOR and dumb terminals need nothing special.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "zhmine/io/input.hpp"

namespace zhmine {

// Input, as files and bytes: done so far, or in all.
struct ProgressCount {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
};

// The line, without carriage return: "zhmine: 120/2405 files, 12.3/50.0 MB,
// 41.0 MB/s, ETA 0:01". MB are 10^6 bytes (GB, 10^9, from 10 GB of total
// on). Without a total (standard input, a FIFO): "zhmine: 120 files,
// 12.3 MB, 41.0 MB/s", no ETA. The ETA extrapolates the average rate over
// the bytes left (the files left when the total is no bytes), rounded up to
// a second, so it reads 0:00 only when nothing is left.
std::string format_progress(ProgressCount done, const std::optional<ProgressCount>& total, double elapsed_seconds);

// Whether a run shows progress: only on a terminal, since a redrawn line is
// noise in a log or a pipe, and only when not asked to be quiet.
bool progress_wanted(bool stderr_is_terminal, bool quiet);

// Progress::Timing (outside the class: GCC takes no `= {}` default argument
// of a nested struct with member initializers).
struct ProgressTiming {
  // Nothing is shown before this: a quick run prints nothing at all.
  std::chrono::steady_clock::duration delay = std::chrono::milliseconds(500);
  // Redrawn at most this often: each redraw is a write(2) to the terminal.
  std::chrono::steady_clock::duration interval = std::chrono::milliseconds(100);
};

class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  using Timing = ProgressTiming;

  // Disabled, it does nothing at all, cheaply (a test of one flag). `total`:
  // what the run will read, nullopt when unknown. `columns`: the terminal's
  // width, 0 when unknown; a longer line is cut, since a line that wraps
  // cannot be redrawn in place. `now`: the clock, a parameter for tests.
  Progress(bool enabled, std::optional<ProgressCount> total, std::ostream& out, std::size_t columns = 0,
           Timing timing = {}, std::function<Clock::time_point()> now = Clock::now);
  ~Progress();  // erases the line, so that a run ended by an exception leaves none
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }
  // Counts input as done (when its records are written) and redraws the
  // line if it is time to.
  void advance(std::uint64_t files, std::uint64_t bytes) {
    if (enabled_) step(files, bytes);
  }
  // Erases the line, before anything else is written to the terminal (a
  // diagnostic): the next advance draws it again below.
  void clear() {
    if (drawn_ > 0) erase();
  }
  // Erases the line for good: the run is over, its accounting follows.
  void finish() {
    clear();
    enabled_ = false;
  }

 private:
  void step(std::uint64_t files, std::uint64_t bytes);
  void erase();

  bool enabled_;
  std::optional<ProgressCount> total_;
  std::ostream& out_;
  std::size_t columns_;
  Timing timing_;
  std::function<Clock::time_point()> now_;
  Clock::time_point start_;
  std::optional<Clock::time_point> last_draw_;
  ProgressCount done_;
  std::size_t drawn_ = 0;  // characters of the line on the terminal now
};

// The progress line of a run over `inputs` (InputReader's walk) writing its
// diagnostics to `err`: enabled when `err` is standard error, a terminal, not
// `quiet`, and the records do not go to that terminal too (standard output,
// when `records_to_stdout`); only then are the inputs measured (a walk that
// stats) for the total. The environment variable ZHMINE_PROGRESS_DELAY_MS replaces the
// start delay of 500 ms (tests set 0 to see the line on a short run).
Progress progress_for_inputs(const std::vector<std::string>& inputs, bool follow_links, bool quiet,
                             bool records_to_stdout, std::ostream& err);

// What an input item finishes when its records are written: a raw file is a
// file of its size; a record, its line's bytes, and its JSON Lines file is
// one file more when an item of another input follows (so that a JSON Lines
// file of 5 GB is not "1/1 files" from its first record on).
class InputTally {
 public:
  ProgressCount operator()(const InputItem& item);

 private:
  std::string records_source_;  // the JSON Lines input being read, if any
  bool in_records_ = false;
};

}  // namespace zhmine
