// Two reports from any bytes, raw or as records of earlier stages, through
// diff's readers and aligners: read or rejected with a message, never a crash.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <fstream>
#include <string>

#include "zhmine/diff/diff.hpp"
#include "zhmine/diff/report_records.hpp"

namespace {

// The reader takes paths: each half of the input becomes a file, JSON Lines
// when it starts with '{'.
std::string write_side(const char* name, std::string_view bytes) {
  const std::string path = "/tmp/zhmine-diff-fuzz-" + std::to_string(::getpid()) + "-" + name +
                           (!bytes.empty() && bytes[0] == '{' ? ".jsonl" : ".txt");
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zhmine::ReportPipeline pipeline;
  // A form feed separates the two reports (the seeds have one), else the middle.
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t feed = bytes.find('\f');
  const std::size_t split = feed == std::string_view::npos ? size / 2 : feed;
  const std::string old_path = write_side("old", bytes.substr(0, split));
  const std::string new_path = write_side("new", bytes.substr(std::min(size, split + 1)));
  const zhmine::StageOptions options;
  zhmine::Report report;
  const auto old_report = zhmine::read_report_records(old_path, options, pipeline, report);
  const auto new_report = zhmine::read_report_records(new_path, options, pipeline, report);
  (void)zhmine::diff_reports(old_report, new_report, true);
  std::remove(old_path.c_str());
  std::remove(new_path.c_str());
  return 0;
}
