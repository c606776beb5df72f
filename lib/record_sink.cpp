#include "zhmine/record_sink.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace zhmine {

void RecordSink::spill_if_large() {
  if (buffer_.size() <= kSpillBytes) return;
  if (!spill_) {
    spill_.reset(std::tmpfile());
    if (!spill_) throw std::runtime_error(std::string("cannot create a temporary file: ") + std::strerror(errno));
  }
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), spill_.get()) != buffer_.size())
    throw std::runtime_error(std::string("cannot write a temporary file: ") + std::strerror(errno));
  spilled_lines_ += static_cast<std::size_t>(std::count(buffer_.begin(), buffer_.end(), '\n'));
  buffer_.clear();
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
  write(buffer_);
}

std::size_t RecordSink::lines() const {
  return spilled_lines_ + static_cast<std::size_t>(std::count(buffer_.begin(), buffer_.end(), '\n'));
}

}  // namespace zhmine
