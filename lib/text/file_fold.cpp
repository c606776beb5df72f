#include "zhmine/text/file_fold.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <system_error>

#include "zhmine/io/document.hpp"

namespace zhmine {

namespace {

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

struct FileDescriptor {
  int fd;
  ~FileDescriptor() { ::close(fd); }
};

}  // namespace

std::optional<FileFold> fold_file(const std::string& path, const Normalizer& normalizer) {
  // Pieces of 128 KiB: read into a buffer that stays in cache, where a whole
  // read would first have the kernel clear as much fresh memory as the file
  // holds; small enough that the copy does not push the fold tables out of
  // the cache.
  constexpr std::size_t kPiece = 1 << 17;
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) fail("open");
  struct stat st;
  if (::fstat(file.fd, &st) != 0) fail("fstat");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  DocumentHasher hasher(size);
  FoldStream fold(normalizer, true, size);
  // A small file needs no more than its size (one more byte shows it grew).
  const std::size_t piece_size = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, size + 1));
  // Left uninitialized: every byte the loop reads was read or carried into it.
  const std::unique_ptr<char[]> buffer = std::make_unique_for_overwrite<char[]>(piece_size + FoldStream::kMaxLeftOver);
  std::size_t carried = 0;  // bytes at the front of `buffer` that the last piece left over
  std::uint64_t offset = 0;
  while (true) {
    const ssize_t got = ::pread(file.fd, buffer.get() + carried, piece_size, static_cast<off_t>(offset));
    if (got < 0) {
      if (errno == EINTR) continue;
      fail("read");
    }
    const std::string_view fresh(buffer.get() + carried, static_cast<std::size_t>(got));
    if (offset == 0 && fresh.substr(0, 3) == "\xEF\xBB\xBF") return std::nullopt;
    if (fresh.find('\0') != std::string_view::npos) return std::nullopt;
    hasher.update(fresh);
    offset += static_cast<std::uint64_t>(got);
    const bool last = got == 0;
    const std::string_view data(buffer.get(), carried + fresh.size());
    const std::size_t piece = last ? (fold.feed_last(data), data.size()) : fold.feed(data);
    if (fold.failed()) return std::nullopt;
    carried = data.size() - piece;
    std::memmove(buffer.get(), buffer.get() + piece, carried);
    if (last) break;
  }
  if (offset != size) return std::nullopt;
  std::optional<NormalizedText> folded = fold.finish();
  if (!folded) return std::nullopt;
  return FileFold{hasher.id(), std::move(*folded)};
}

}  // namespace zhmine
