#include "zhmine/io/output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace zhmine {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(path + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

RecordFormat parse_record_format(std::string_view name) {
  if (name == "jsonl" || name == "json") return RecordFormat::jsonl;
  if (name == "csv") return RecordFormat::csv;
  if (name == "tsv") return RecordFormat::tsv;
  if (name == "text") return RecordFormat::text;
  if (name == "html") return RecordFormat::html;
  throw std::invalid_argument("unknown format '" + std::string(name) + "' (jsonl, csv, tsv, text or html)");
}

Output::Output(const std::optional<std::string>& path, RecordFormat format, bool bom) : file_(stdout), path_(path) {
  if (format == RecordFormat::csv) table_.emplace(RecordTable::Kind::csv);
  if (format == RecordFormat::tsv) table_.emplace(RecordTable::Kind::tsv);
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
  if (bom) write_bytes("\xEF\xBB\xBF");
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
  if (!table_) return write_bytes(data);
  std::string rows;
  for (std::size_t end; (end = data.find('\n')) != std::string_view::npos; data.remove_prefix(end + 1)) {
    if (partial_line_.empty()) {
      table_->add(data.substr(0, end), rows);
    } else {
      partial_line_.append(data.substr(0, end));
      table_->add(partial_line_, rows);
      partial_line_.clear();
    }
  }
  partial_line_.append(data);
  write_bytes(rows);
}

void Output::write_bytes(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size())
    fail("write error", path_.value_or("standard output"));
}

void Output::commit() {
  if (!partial_line_.empty()) {  // a last record without its line break
    std::string rows;
    table_->add(std::exchange(partial_line_, {}), rows);
    write_bytes(rows);
  }
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
