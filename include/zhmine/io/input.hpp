// Walking the inputs of a command: files, directories (recursively, in name
// order), and standard input. Regular files come unread, other raw input
// (standard input, pipes) whole; JSON Lines (files named
// *.jsonl or *.ndjson, or standard input starting with '{') come a line at a
// time, so memory is bounded by the largest single document or record.
//
// The walk is safe on any tree: symbolic links to directories are followed
// only when asked (and then a directory already visited is skipped), FIFOs,
// sockets and devices met in a directory are skipped, never opened, and each
// regular file is read once however many names it has (docs/conventions.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <memory>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "zhmine/io/diagnostics.hpp"

namespace zhmine {

struct InputSize {
  std::uint64_t files = 0;  // regular files, JSON Lines ones included
  std::uint64_t bytes = 0;  // their sizes
};

struct InputItem {
  enum class Kind { raw_file, record };
  Kind kind;
  std::string source;    // the path as given (or found under a given directory); "-" for stdin
  std::size_t line = 0;  // for a record: its line number in source
  std::string data;      // the file's bytes, or the record's JSON text
  // A regular file, handed over unread (`data` empty) for the document's
  // worker to read as it sees fit: in pieces, folding as it goes.
  bool unread = false;
  std::uint64_t size = 0;  // of an unread file, as the walk saw it
};

class InputReader {
 public:
  // No paths reads standard input. `follow_links`: walk into directories
  // that symbolic links found in a directory point to (-L).
  explicit InputReader(std::vector<std::string> paths, bool follow_links = false);
  ~InputReader();

  // The next item, or nullopt when all input is read. Files that cannot be
  // read are reported in `report`, counted as rejected, and skipped; whoever
  // uses an item counts it as read or rejected.
  std::optional<InputItem> next(Report& report);

 private:
  friend std::optional<InputSize> measure_inputs(const std::vector<std::string>& paths, bool follow_links);
  struct Pending {
    std::string path;
    bool named;  // given on the command line, not found in a directory
  };
  using FileId = std::pair<std::uint64_t, std::uint64_t>;  // device, inode

  bool open_next_path(Report& report, std::optional<InputItem>& whole_file);
  // A walked entry that is no directory, regular file or link to one: skipped.
  bool skip(Report& report, const std::string& path, const std::string& why);
  std::optional<InputItem> next_record(Report& report);

  std::vector<Pending> pending_;  // paths still to visit, next at the back
  bool follow_links_;
  // Measuring (measure_inputs): each regular file, JSON Lines too, comes as
  // an unread item with its size, a stream as an item with none (not
  // `unread`); no file is opened.
  bool measuring_ = false;
  std::set<FileId> directories_;  // walked, so that a loop of links is not walked again
  std::set<FileId> files_;        // regular files handed out, so that each is read once
  // The JSON Lines source being read, if any.
  std::unique_ptr<std::istream> lines_;
  std::string lines_source_;
  std::size_t line_number_ = 0;
};

// What an InputReader over `paths` would read, found by the same walk with
// stat(2) and directory listings alone (no file is opened, so it is cheap
// beside reading): the regular files and their sizes. nullopt when an input
// is a stream (standard input, a FIFO), whose size is not known before it is read.
std::optional<InputSize> measure_inputs(const std::vector<std::string>& paths, bool follow_links);

bool is_json_lines_path(const std::filesystem::path& path);

// Reads a whole file into `out`; false, with the reason in `error`, when it cannot.
bool read_whole_file(const std::filesystem::path& path, std::string& out, std::string& error);

}  // namespace zhmine
