// Where a command's records go: standard output, or a named file that appears
// only when complete (written to a temporary file beside it, then renamed).
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace zhmine {

class Output {
 public:
  // Throws std::runtime_error if the file cannot be created.
  explicit Output(const std::optional<std::string>& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Throws std::runtime_error on a write error (a full disk, a closed pipe).
  void write(std::string_view data);
  // Flushes, and renames the temporary file into place. Without it, the
  // destructor removes the temporary file and leaves any old file alone.
  void commit();

 private:
  std::FILE* file_;
  std::optional<std::string> path_;
  std::string temp_path_;
  bool committed_ = false;
};

}  // namespace zhmine
