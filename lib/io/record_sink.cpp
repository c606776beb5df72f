#include "zhmine/io/record_sink.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "zhmine/io/json_line.hpp"

namespace zhmine {

namespace {

// Deferred text is escaped through a buffer of this size.
constexpr std::size_t kEscapeSlice = 1 << 20;

// Records are long lines: memchr leaps from one end to the next, where
// std::count looks at every byte.
std::size_t count_lines(std::string_view text) {
  std::size_t n = 0;
  for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text.data() + text.size() - p)));
       ++p)
    ++n;
  return n;
}

}  // namespace

void RecordSink::append_escaped(std::string text) {
  deferred_bytes_ += text.size();
  deferred_.push_back({buffer_.size(), std::move(text)});
}

void RecordSink::write_pieces(const std::function<void(std::string_view)>& write) {
  std::size_t from = 0;
  std::string slice;
  for (const Deferred& d : deferred_) {
    write(std::string_view(buffer_).substr(from, d.at - from));
    from = d.at;
    for (std::size_t at = 0; at < d.text.size(); at += kEscapeSlice) {
      slice.clear();
      append_json_escaped(slice, std::string_view(d.text).substr(at, kEscapeSlice));
      write(slice);
    }
  }
  write(std::string_view(buffer_).substr(from));
  buffer_.clear();
  deferred_.clear();
  deferred_bytes_ = 0;
}

void RecordSink::spill_if_large() {
  if (buffer_.size() + deferred_bytes_ <= kSpillBytes) return;
  if (!spill_) {
    spill_.reset(std::tmpfile());
    if (!spill_) throw std::runtime_error(std::string("cannot create a temporary file: ") + std::strerror(errno));
  }
  spilled_lines_ += count_lines(buffer_);
  write_pieces([&](std::string_view piece) {
    if (std::fwrite(piece.data(), 1, piece.size(), spill_.get()) != piece.size())
      throw std::runtime_error(std::string("cannot write a temporary file: ") + std::strerror(errno));
  });
}

void RecordSink::drain(const std::function<void(std::string_view)>& write) {
  if (spill_) {
    std::rewind(spill_.get());
    std::string chunk(1 << 20, '\0');
    while (const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), spill_.get()))
      write(std::string_view(chunk.data(), n));
    if (std::ferror(spill_.get())) throw std::runtime_error("cannot read back a temporary file");
    spill_.reset();
  }
  write_pieces(write);
}

// Escaped text holds no raw line break: the lines are the buffer's.
std::size_t RecordSink::lines() const {
  return spilled_lines_ + count_lines(buffer_);
}

}  // namespace zhmine
