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
#include <vector>

namespace zhmine {

class RecordSink {
 public:
  static constexpr std::size_t kSpillBytes = 16 << 20;

  // Append whole JSON lines here.
  std::string& buffer() { return buffer_; }

  // Appends `text` escaped for the inside of a JSON string, without copying
  // it now: it is escaped a slice at a time as it is written out, so that a
  // document's text of many megabytes never has an escaped twin in memory.
  void append_escaped(std::string text);

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
  // Writes the buffer, with the deferred texts at their places, and empties both.
  void write_pieces(const std::function<void(std::string_view)>& write);

  struct Deferred {
    std::size_t at;  // its place in buffer_
    std::string text;
  };
  std::string buffer_;
  std::vector<Deferred> deferred_;
  std::size_t deferred_bytes_ = 0;
  std::unique_ptr<std::FILE, Closer> spill_;
  std::size_t spilled_lines_ = 0;
};

}  // namespace zhmine
