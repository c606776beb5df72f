#include "zhmine/io/input.hpp"

#include "zhmine/text/huge_buffer.hpp"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <iterator>
#include <system_error>

#include <sys/stat.h>

namespace zhmine {

namespace fs = std::filesystem;

namespace {

// Reads a whole stream; false on a read error.
bool slurp(std::istream& in, std::string& out) try {
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
} catch (const std::exception&) {  // libstdc++'s filebuf throws on some read errors (EIO)
  return false;
}

}  // namespace

bool read_whole_file(const fs::path& path, std::string& out, std::string& error) try {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return slurp(in, out);  // not a regular file: read to the end
  // One read of the known size; a file that grew meanwhile is read on to its end.
  reserve_huge(out, size);
  out.resize(size);
  in.read(out.data(), static_cast<std::streamsize>(size));
  out.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    error = "read error";
    return false;
  }
  if (!in.eof()) {
    std::string rest;
    if (!slurp(in, rest)) {
      error = "read error";
      return false;
    }
    out += rest;
  }
  return true;
} catch (const std::exception&) {  // as in slurp()
  error = std::strerror(errno);
  return false;
}

bool is_json_lines_path(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".jsonl" || ext == ".ndjson";
}

InputReader::InputReader(std::vector<std::string> paths, bool follow_links) : follow_links_(follow_links) {
  if (paths.empty()) paths.push_back("-");
  for (auto it = paths.rbegin(); it != paths.rend(); ++it) pending_.push_back({std::move(*it), true});
}

InputReader::~InputReader() = default;

std::optional<InputSize> measure_inputs(const std::vector<std::string>& paths, bool follow_links) {
  InputReader walk(paths, follow_links);
  walk.measuring_ = true;
  InputSize size;
  Report ignored;  // the run itself reports what the walk meets
  while (std::optional<InputItem> item = walk.next(ignored)) {
    if (!item->unread) return std::nullopt;
    ++size.files;
    size.bytes += item->size;
    ignored = Report();  // a walk of millions of entries keeps no messages
  }
  return size;
}

std::optional<InputItem> InputReader::next(Report& report) {
  while (true) {
    if (lines_) {
      if (auto record = next_record(report)) return record;
      lines_.reset();
    }
    if (pending_.empty()) return std::nullopt;
    std::optional<InputItem> whole_file;
    if (open_next_path(report, whole_file) && whole_file) return whole_file;
  }
}

std::optional<InputItem> InputReader::next_record(Report& report) {
  std::string line;
  while (std::getline(*lines_, line)) {
    ++line_number_;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    return InputItem{InputItem::Kind::record, lines_source_, line_number_, std::move(line)};
  }
  if (lines_->bad()) report.error(lines_source_, line_number_ + 1, "read error; the rest of this input is lost");
  return std::nullopt;
}

bool InputReader::skip(Report& report, const std::string& path, const std::string& why) {
  report.warning(path, 0, why + "; skipped");
  ++report.stats.files_skipped;
  return false;
}

namespace {

// What kind of thing a path names, by stat(2) or lstat(2).
const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

}  // namespace

// Takes the next pending path: a directory adds its entries, a JSON Lines
// source becomes the current one, a raw file is read into `whole_file`.
bool InputReader::open_next_path(Report& report, std::optional<InputItem>& whole_file) {
  const Pending next = std::move(pending_.back());
  pending_.pop_back();
  const std::string& path = next.path;

  if (path == "-" && measuring_) {
    whole_file = InputItem{InputItem::Kind::raw_file, "-", 0, {}};  // a stream: no size
    return true;
  }
  if (path == "-") {
    // Look past leading blanks without losing them: a '{' means records of an
    // earlier stage, anything else a raw document whose line numbers count them.
    std::string data;
    int c;
    while ((c = std::cin.peek()) != EOF && (c == ' ' || c == '\t' || c == '\r' || c == '\n'))
      data.push_back(static_cast<char>(std::cin.get()));
    if (c == '{') {
      lines_ = std::make_unique<std::istream>(std::cin.rdbuf());
      lines_source_ = "-";
      line_number_ = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n'));
      return true;
    }
    std::string rest;
    if (!slurp(std::cin, rest)) {
      report.error("-", 0, "read error on standard input");
      ++report.stats.files_rejected;
      return false;
    }
    data += rest;
    whole_file = InputItem{InputItem::Kind::raw_file, "-", 0, std::move(data)};
    return true;
  }

  // A walked entry is looked at itself first: a link is followed only to a
  // file, or to a directory when asked; anything else in a directory is
  // never opened. A named path is followed wherever it leads.
  struct stat st {};
  if (!next.named) {
    if (::lstat(path.c_str(), &st) != 0) {
      report.error(path, 0, std::string("cannot open: ") + std::strerror(errno));
      ++report.stats.files_rejected;
      return false;
    }
    if (!S_ISLNK(st.st_mode) && !S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
      return skip(report, path, std::string(kind_of(st.st_mode)) + " in a directory is not read");
  }
  const bool link = !next.named && S_ISLNK(st.st_mode);
  if ((next.named || link) && ::stat(path.c_str(), &st) != 0) {
    report.error(path, 0, std::string("cannot open: ") + std::strerror(errno));
    ++report.stats.files_rejected;
    return false;
  }
  const FileId id{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};

  if (S_ISDIR(st.st_mode)) {
    if (link && !follow_links_)
      return skip(report, path, "a symbolic link to a directory is not followed (-L follows it)");
    if (!directories_.insert(id).second) return skip(report, path, "a directory already walked (a loop of links)");
    std::vector<std::string> entries;
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') continue;  // .git, editor backups
      entries.push_back(it->path().string());
    }
    if (ec) {
      report.error(path, 0, "cannot list directory: " + ec.message());
      ++report.stats.files_rejected;
    }
    std::sort(entries.rbegin(), entries.rend());  // pending_ is a stack: first name last
    for (std::string& entry : entries) pending_.push_back({std::move(entry), false});
    return true;
  }
  if (!next.named && !S_ISREG(st.st_mode))
    return skip(report, path, std::string("a symbolic link to ") + kind_of(st.st_mode) + " is not read");
  if (S_ISREG(st.st_mode) && !files_.insert(id).second)
    return skip(report, path, "the same file as one already read (a link)");
  if (measuring_) {
    // The walk is all that is wanted: a stream (a FIFO named on the command
    // line) is not read, since reading it would take its data from the run.
    const bool regular = S_ISREG(st.st_mode);
    whole_file = InputItem{InputItem::Kind::raw_file, path, 0, {}, regular,
                           regular ? static_cast<std::uint64_t>(st.st_size) : 0};
    return true;
  }
  if (is_json_lines_path(path)) {
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) {
      report.error(path, 0, std::string("cannot open: ") + std::strerror(errno));
      ++report.stats.files_rejected;
      return false;
    }
    ++report.stats.files_read;
    lines_ = std::move(file);
    lines_source_ = path;
    line_number_ = 0;
    return true;
  }
  if (S_ISREG(st.st_mode)) {
    whole_file = InputItem{InputItem::Kind::raw_file, path, 0, {}, true, static_cast<std::uint64_t>(st.st_size)};
    return true;
  }
  // Named on the command line and no regular file (a FIFO, /dev/stdin): a stream.
  std::string data, error;
  if (!read_whole_file(path, data, error)) {
    report.error(path, 0, "cannot read: " + error);
    ++report.stats.files_rejected;
    return false;
  }
  whole_file = InputItem{InputItem::Kind::raw_file, path, 0, std::move(data)};
  return true;
}

}  // namespace zhmine
