// Where the records of one document go while it is processed: a buffer in
// memory that moves to a temporary file whenever it grows past a few MiB, so
// that a document with millions of records needs memory for its text only.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace zhmine {

class RecordSink {
 public:
  static constexpr std::size_t kSpillBytes = 16 << 20;

  // Append whole JSON lines here.
  std::string& buffer() { return buffer_; }

  // Moves the buffer to the temporary file if it holds more than kSpillBytes.
  // Throws std::runtime_error when the file cannot be written.
  void spill_if_large();

  // Hands every record, spilled ones first, to `write`, in pieces.
  void drain(const std::function<void(std::string_view)>& write);

  // The number of lines written so far.
  std::size_t lines() const;

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::string buffer_;
  std::unique_ptr<std::FILE, Closer> spill_;
  std::size_t spilled_lines_ = 0;
};

}  // namespace zhmine
