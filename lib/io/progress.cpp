#include "zhmine/io/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>

#include <sys/ioctl.h>
#include <unistd.h>

namespace zhmine {

namespace {

// One decimal: "12.3".
std::string decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// "0:07", "12:34", "1:02:03".
std::string duration(std::uint64_t seconds) {
  char buffer[32];
  if (seconds < 3600)
    std::snprintf(buffer, sizeof buffer, "%u:%02u", static_cast<unsigned>(seconds / 60), static_cast<unsigned>(seconds % 60));
  else
    std::snprintf(buffer, sizeof buffer, "%llu:%02u:%02u", static_cast<unsigned long long>(seconds / 3600),
                  static_cast<unsigned>(seconds / 60 % 60), static_cast<unsigned>(seconds % 60));
  return buffer;
}

// Past 100 days an estimate says nothing more.
constexpr double kLongestEta = 100.0 * 24 * 3600;

}  // namespace

std::string format_progress(ProgressCount done, const std::optional<ProgressCount>& total, double elapsed_seconds) {
  // The unit follows the total (or what is done, without one), so that the
  // two numbers of "12.3/50.0 MB" are in one unit.
  const bool giga = (total ? total->bytes : done.bytes) >= 10'000'000'000ULL;
  const double unit = giga ? 1e9 : 1e6;
  const char* unit_name = giga ? " GB" : " MB";
  // Appended piece by piece ("/" + std::to_string(…) draws a false
  // -Wrestrict from GCC 12).
  std::string line = "zhmine: ";
  line += std::to_string(done.files);
  if (total) line.append("/").append(std::to_string(total->files));
  line.append(" files, ").append(decimal(static_cast<double>(done.bytes) / unit));
  if (total) line.append("/").append(decimal(static_cast<double>(total->bytes) / unit));
  line += unit_name;
  const double rate = elapsed_seconds > 0 ? static_cast<double>(done.bytes) / elapsed_seconds : 0;
  line.append(", ").append(decimal(rate / 1e6)).append(" MB/s");
  if (!total) return line;
  // What is left, by bytes (files differ in size), by files when there are
  // no bytes to count, at the rate so far.
  const bool by_bytes = total->bytes > 0;
  const std::uint64_t whole = by_bytes ? total->bytes : total->files;
  const std::uint64_t part = by_bytes ? done.bytes : done.files;
  if (part >= whole) return line + ", ETA 0:00";
  if (part == 0 || elapsed_seconds <= 0) return line;  // nothing to extrapolate from yet
  const double left = std::min(elapsed_seconds * static_cast<double>(whole - part) / static_cast<double>(part), kLongestEta);
  // Up to a whole second (less a hair of rounding error): 0:00 only when done.
  return line + ", ETA " + duration(static_cast<std::uint64_t>(std::ceil(left - 1e-9)));
}

bool progress_wanted(bool stderr_is_terminal, bool quiet) { return stderr_is_terminal && !quiet; }

Progress::Progress(bool enabled, std::optional<ProgressCount> total, std::ostream& out, std::size_t columns,
                   Timing timing, std::function<Clock::time_point()> now)
    : enabled_(enabled), total_(total), out_(out), columns_(columns), timing_(timing), now_(std::move(now)) {
  if (enabled_) start_ = now_();
}

Progress::~Progress() { clear(); }

void Progress::step(std::uint64_t files, std::uint64_t bytes) {
  done_.files += files;
  done_.bytes += bytes;
  const Clock::time_point now = now_();
  if (now - start_ < timing_.delay) return;
  if (last_draw_ && now - *last_draw_ < timing_.interval) return;
  last_draw_ = now;
  std::string line = format_progress(done_, total_, std::chrono::duration<double>(now - start_).count());
  // Short of the last column: some terminals wrap a line that fills it, and
  // a carriage return goes back to the start of the last row only.
  if (columns_ > 1 && line.size() >= columns_) line.resize(columns_ - 1);
  std::string text = "\r" + line;
  if (line.size() < drawn_) text.append(drawn_ - line.size(), ' ');  // the rest of a longer line before
  drawn_ = line.size();
  out_ << text << std::flush;  // one write: std::cerr is unbuffered
}

void Progress::erase() {
  out_ << '\r' + std::string(drawn_, ' ') + '\r' << std::flush;
  drawn_ = 0;
}

Progress progress_for_inputs(const std::vector<std::string>& inputs, bool follow_links, bool quiet,
                             bool records_to_stdout, std::ostream& err) {
  // The terminal asked about is file descriptor 2, which only std::cerr
  // writes: any other stream (a test's) gets no line. Records written to the
  // same terminal would mix with it: none then either.
  if (&err != &std::cerr || !progress_wanted(::isatty(STDERR_FILENO) == 1, quiet) ||
      (records_to_stdout && ::isatty(STDOUT_FILENO) == 1))
    return Progress(false, std::nullopt, err);
  std::optional<ProgressCount> total;
  if (const std::optional<InputSize> size = measure_inputs(inputs, follow_links))
    total = ProgressCount{size->files, size->bytes};
  std::size_t columns = 0;
  winsize window{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &window) == 0) columns = window.ws_col;
  Progress::Timing timing;
  if (const char* delay = std::getenv("ZHMINE_PROGRESS_DELAY_MS"); delay != nullptr && *delay != '\0') {
    char* end = nullptr;
    const unsigned long long ms = std::strtoull(delay, &end, 10);
    if (*end == '\0') timing.delay = std::chrono::milliseconds(ms);
  }
  return Progress(true, total, err, columns, timing);
}

ProgressCount InputTally::operator()(const InputItem& item) {
  ProgressCount done;
  const bool record = item.kind == InputItem::Kind::record;
  if (in_records_ && !(record && item.source == records_source_)) {
    ++done.files;  // the JSON Lines input before is read to its end
    in_records_ = false;
  }
  if (record) {
    done.bytes = item.data.size() + 1;  // its newline
    if (!in_records_) {
      in_records_ = true;
      records_source_ = item.source;
    }
  } else {
    ++done.files;
    done.bytes = item.unread ? item.size : item.data.size();
  }
  return done;
}

}  // namespace zhmine
