#include "zhmine/input.hpp"

#include "zhmine/huge_buffer.hpp"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <iterator>
#include <system_error>

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

InputReader::InputReader(std::vector<std::string> paths) : pending_(std::move(paths)) {
  if (pending_.empty()) pending_.push_back("-");
  std::reverse(pending_.begin(), pending_.end());
}

InputReader::~InputReader() = default;

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

// Takes the next pending path: a directory adds its entries, a JSON Lines
// source becomes the current one, a raw file is read into `whole_file`.
bool InputReader::open_next_path(Report& report, std::optional<InputItem>& whole_file) {
  const std::string path = std::move(pending_.back());
  pending_.pop_back();

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

  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    report.error(path, 0, "cannot open: " + (ec ? ec.message() : std::string("no such file or directory")));
    ++report.stats.files_rejected;
    return false;
  }
  if (fs::is_directory(status)) {
    std::vector<std::string> entries;
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
    pending_.insert(pending_.end(), entries.begin(), entries.end());
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
  if (fs::is_regular_file(status)) {
    whole_file = InputItem{InputItem::Kind::raw_file, path, 0, {}, true};
    return true;
  }
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
