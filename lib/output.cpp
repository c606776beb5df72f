#include "zhmine/output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace zhmine {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(path + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

Output::Output(const std::optional<std::string>& path) : file_(stdout), path_(path) {
  if (path_) {
    temp_path_ = *path_ + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temp_path_.data());
    if (fd < 0) fail("cannot create output", *path_);
    // mkstemp makes the file private; give it the mode any new file would get.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    file_ = ::fdopen(fd, "wb");
    if (!file_) fail("cannot open output", *path_);
  }
  // Records are written in large chunks already; a big buffer spares syscalls.
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 16);
}

Output::~Output() {
  if (!path_) {
    std::fflush(file_);
    return;
  }
  if (!committed_) {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

void Output::write(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size())
    fail("write error", path_.value_or("standard output"));
}

void Output::commit() {
  if (std::fflush(file_) != 0) fail("write error", path_.value_or("standard output"));
  if (!path_) return;
  if (std::fclose(file_) != 0) fail("write error", *path_);
  committed_ = true;
  if (std::rename(temp_path_.c_str(), path_->c_str()) != 0) {
    std::remove(temp_path_.c_str());
    fail("cannot rename into place", *path_);
  }
}

}  // namespace zhmine
