#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "zhmine/io/input.hpp"
#include "zhmine/io/progress.hpp"

using namespace zhmine;
using namespace std::chrono_literals;

TEST_CASE("progress: the line: files and megabytes of the total, rate, ETA") {
  // 12.3 MB of 50 MB in 0.3 s: 41 MB/s, 0.92 s left, shown as a whole second.
  CHECK(format_progress({120, 12'300'000}, ProgressCount{2405, 50'000'000}, 0.3) ==
        "zhmine: 120/2405 files, 12.3/50.0 MB, 41.0 MB/s, ETA 0:01");
  CHECK(format_progress({1, 10'000'000}, ProgressCount{10, 100'000'000}, 10) ==
        "zhmine: 1/10 files, 10.0/100.0 MB, 1.0 MB/s, ETA 1:30");
}

TEST_CASE("progress: the ETA is rounded up to a second, and goes to hours") {
  // A quarter in 10.1 s: 30.3 s left, shown as 31.
  CHECK(format_progress({1, 25'000'000}, ProgressCount{4, 100'000'000}, 10.1).ends_with(", ETA 0:31"));
  // Just under a second left is a second, not 0:00.
  CHECK(format_progress({1, 99'000'000}, ProgressCount{2, 100'000'000}, 10).ends_with(", ETA 0:01"));
  // 1 MB of 1000 in 10 s: 9990 s left.
  CHECK(format_progress({1, 1'000'000}, ProgressCount{1000, 1'000'000'000}, 10).ends_with(", ETA 2:46:30"));
  // All done (or more: a file that grew since it was measured).
  CHECK(format_progress({2, 100}, ProgressCount{2, 100}, 1).ends_with(", ETA 0:00"));
  CHECK(format_progress({2, 150}, ProgressCount{2, 100}, 1).ends_with(", ETA 0:00"));
  // A stalled run's estimate is capped, not an overflow.
  CHECK(format_progress({0, 1}, ProgressCount{1, 1'000'000'000'000'000}, 1000).ends_with(", ETA 2400:00:00"));
}

TEST_CASE("progress: no ETA before anything is done or without a total") {
  CHECK(format_progress({0, 0}, ProgressCount{10, 1'000'000}, 2) == "zhmine: 0/10 files, 0.0/1.0 MB, 0.0 MB/s");
  CHECK(format_progress({1, 500'000}, ProgressCount{10, 1'000'000}, 0) == "zhmine: 1/10 files, 0.5/1.0 MB, 0.0 MB/s");
  // Standard input: what is done and the rate only.
  CHECK(format_progress({3, 1'500'000}, std::nullopt, 3) == "zhmine: 3 files, 1.5 MB, 0.5 MB/s");
}

TEST_CASE("progress: empty files are counted by files") {
  CHECK(format_progress({1, 0}, ProgressCount{4, 0}, 2) == "zhmine: 1/4 files, 0.0/0.0 MB, 0.0 MB/s, ETA 0:06");
}

TEST_CASE("progress: a total of 10 GB or more is in GB, the rate stays in MB/s") {
  CHECK(format_progress({5, 5'000'000'000}, ProgressCount{20, 20'000'000'000}, 50) ==
        "zhmine: 5/20 files, 5.0/20.0 GB, 100.0 MB/s, ETA 2:30");
  CHECK(format_progress({5, 12'000'000'000}, std::nullopt, 100) == "zhmine: 5 files, 12.0 GB, 120.0 MB/s");
}

TEST_CASE("progress: shown on a terminal only, and not when quiet") {
  CHECK(progress_wanted(true, false));
  CHECK_FALSE(progress_wanted(true, true));
  CHECK_FALSE(progress_wanted(false, false));
  CHECK_FALSE(progress_wanted(false, true));
}

namespace {

// A clock the test moves by hand.
struct FakeClock {
  Progress::Clock::time_point now{};
  std::function<Progress::Clock::time_point()> function() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("progress: the line waits for the delay, then redraws at most once an interval") {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(true, ProgressCount{4, 4'000'000}, out, 0, {500ms, 100ms}, clock.function());
  clock.now += 400ms;
  progress.advance(1, 1'000'000);
  CHECK(out.str().empty());  // a quick run prints nothing
  clock.now += 100ms;
  progress.advance(1, 1'000'000);
  const std::string first = "\rzhmine: 2/4 files, 2.0/4.0 MB, 4.0 MB/s, ETA 0:01";
  CHECK(out.str() == first);
  clock.now += 50ms;
  progress.advance(1, 1'000'000);
  CHECK(out.str() == first);  // too soon: counted, not drawn
  clock.now += 50ms;
  progress.advance(0, 0);
  CHECK(out.str() == first + "\rzhmine: 3/4 files, 3.0/4.0 MB, 5.0 MB/s, ETA 0:01");
}

TEST_CASE("progress: the line is erased before other text, and for good at the end") {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(true, std::nullopt, out, 0, {0ms, 100ms}, clock.function());
  progress.clear();
  CHECK(out.str().empty());  // nothing drawn, nothing to erase
  clock.now += 1s;
  progress.advance(12, 12'000'000);
  CHECK(out.str() == "\rzhmine: 12 files, 12.0 MB, 12.0 MB/s");
  // A shorter line blanks what is left of the longer one.
  out.str("");
  clock.now += 1s;
  progress.advance(0, 4'000'000);
  const std::string line = "zhmine: 12 files, 16.0 MB, 8.0 MB/s";
  CHECK(out.str() == '\r' + line + ' ');

  out.str("");
  progress.clear();
  const std::string erased = '\r' + std::string(line.size(), ' ') + '\r';
  CHECK(out.str() == erased);
  progress.clear();  // once is enough
  CHECK(out.str() == erased);
  // Drawn again (whole, nothing to blank) once the interval is over.
  out.str("");
  clock.now += 50ms;
  progress.advance(0, 0);
  CHECK(out.str().empty());
  clock.now += 950ms;
  progress.advance(0, 2'000'000);
  CHECK(out.str() == "\rzhmine: 12 files, 18.0 MB, 6.0 MB/s");

  out.str("");
  progress.finish();
  CHECK(out.str() == erased);
  CHECK_FALSE(progress.enabled());
  out.str("");
  clock.now += 1s;
  progress.advance(1, 1);
  progress.clear();
  CHECK(out.str().empty());
}

TEST_CASE("progress: a disabled line writes nothing, ever") {
  FakeClock clock;
  std::ostringstream out;
  {
    Progress progress(false, ProgressCount{1, 1}, out, 0, {0ms, 0ms}, clock.function());
    clock.now += 1s;
    progress.advance(1, 1);
    progress.clear();
    progress.finish();
  }
  CHECK(out.str().empty());
}

TEST_CASE("progress: a run that ends without finish() leaves no line") {
  FakeClock clock;
  std::ostringstream out;
  {
    Progress progress(true, std::nullopt, out, 0, {0ms, 0ms}, clock.function());
    clock.now += 1s;
    progress.advance(1, 1'000'000);
  }
  const std::string line = "zhmine: 1 files, 1.0 MB, 1.0 MB/s";
  CHECK(out.str() == "\r" + line + "\r" + std::string(line.size(), ' ') + "\r");
}

TEST_CASE("progress: the line is cut short of the terminal's last column") {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(true, std::nullopt, out, 20, {0ms, 0ms}, clock.function());
  clock.now += 1s;
  progress.advance(1, 1'000'000);
  CHECK(out.str() == "\rzhmine: 1 files, 1.");
  progress.clear();
  CHECK(out.str() == "\rzhmine: 1 files, 1.\r" + std::string(19, ' ') + "\r");
}

TEST_CASE("progress: only standard error gets a progress line") {
  // Whatever fd 2 is, another stream is never written to.
  std::ostringstream err;
  Progress progress = progress_for_inputs({"-"}, false, false, false, err);
  CHECK_FALSE(progress.enabled());
  Progress quiet = progress_for_inputs({"-"}, false, true, false, std::cerr);
  CHECK_FALSE(quiet.enabled());
  if (!::isatty(STDERR_FILENO)) {
    CHECK_FALSE(progress_for_inputs({"-"}, false, false, false, std::cerr).enabled());
  }
}

TEST_CASE("progress: input is done by files and bytes, a JSON Lines file when the next input begins") {
  InputTally tally;
  auto check = [&](const InputItem& item, std::uint64_t files, std::uint64_t bytes) {
    const ProgressCount done = tally(item);
    CHECK(done.files == files);
    CHECK(done.bytes == bytes);
  };
  check({InputItem::Kind::raw_file, "a.txt", 0, {}, true, 1000}, 1, 1000);
  check({InputItem::Kind::raw_file, "-", 0, "abc"}, 1, 3);
  check({InputItem::Kind::record, "b.jsonl", 1, "{\"x\":1}"}, 0, 8);
  check({InputItem::Kind::record, "b.jsonl", 2, "{}"}, 0, 3);
  check({InputItem::Kind::record, "c.jsonl", 1, "{}"}, 1, 3);         // b.jsonl is done
  check({InputItem::Kind::raw_file, "d.txt", 0, {}, true, 10}, 2, 10);  // c.jsonl and d.txt
  check({InputItem::Kind::raw_file, "e.txt", 0, {}, true, 0}, 1, 0);
}

namespace {

// A scratch directory, removed afterwards.
struct Scratch {
  std::filesystem::path path;
  Scratch() {
    path = std::filesystem::temp_directory_path() / ("zhmine-progress-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~Scratch() { std::filesystem::remove_all(path); }
  void write(const std::string& name, std::size_t bytes) const {
    std::filesystem::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << std::string(bytes, 'x');
  }
};

}  // namespace

TEST_CASE("progress: inputs are measured by the walk that reads them") {
  Scratch dir;
  const std::string root = dir.path.string();
  dir.write("a.txt", 100);
  dir.write("sub/b.jsonl", 20);  // JSON Lines files count by their size
  dir.write("sub/.hidden", 1000);  // not walked
  dir.write("elsewhere/c.txt", 7);
  std::filesystem::create_hard_link(dir.path / "a.txt", dir.path / "sub/a-again.txt");  // one file
  std::filesystem::create_directory_symlink("..", dir.path / "sub/up");                  // a loop

  std::optional<InputSize> size = measure_inputs({root + "/a.txt", root + "/sub"}, false);
  REQUIRE(size);
  CHECK(size->files == 2);
  CHECK(size->bytes == 120);
  // The whole tree; with -L the loop is walked once.
  size = measure_inputs({root}, false);
  REQUIRE(size);
  CHECK(size->files == 3);
  CHECK(size->bytes == 127);
  size = measure_inputs({root}, true);
  REQUIRE(size);
  CHECK(size->files == 3);
  CHECK(size->bytes == 127);
  // A missing file is nothing to read.
  size = measure_inputs({root + "/nope.txt", root + "/a.txt"}, false);
  REQUIRE(size);
  CHECK(size->files == 1);
  // Standard input has no size known before it is read.
  CHECK_FALSE(measure_inputs({}, false));
  CHECK_FALSE(measure_inputs({root, "-"}, false));
}

TEST_CASE("progress: a FIFO named on the command line is not read by the measuring walk") {
  Scratch dir;
  const std::string fifo = (dir.path / "fifo").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Opening it would block, since no one writes to it: returning is the test.
  CHECK_FALSE(measure_inputs({fifo}, false));
}
