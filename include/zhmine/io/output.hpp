// Where a command's records go: standard output, or a named file that appears
// only when complete (written to a temporary file beside it, then renamed);
// as JSON Lines, or as the rows of a table.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "zhmine/io/record_table.hpp"

namespace zhmine {

// How records are written (--format): JSON Lines; a table for spreadsheets
// (CSV or TSV, see record_table.hpp); or pages for people (text, HTML), which
// only diff writes, itself.
enum class RecordFormat { jsonl, csv, tsv, text, html };

// "jsonl" (also "json"), "csv", "tsv", "text" or "html"; throws
// std::invalid_argument otherwise.
RecordFormat parse_record_format(std::string_view name);

class Output {
 public:
  // Throws std::runtime_error if the file cannot be created. With `bom`, the
  // output begins with the UTF-8 byte order mark (Excel reads a CSV file as
  // UTF-8 only then).
  explicit Output(const std::optional<std::string>& path, RecordFormat format = RecordFormat::jsonl,
                  bool bom = false);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Writes records, JSON lines in pieces of any size: as they are, or as
  // table rows. Throws std::runtime_error on a write error (a full disk, a
  // closed pipe), std::invalid_argument on a record no table can hold.
  void write(std::string_view data);
  // Flushes, and renames the temporary file into place. Without it, the
  // destructor removes the temporary file and leaves any old file alone.
  void commit();

 private:
  void write_bytes(std::string_view data);

  std::optional<RecordTable> table_;
  std::string partial_line_;  // of a table's records: the start of a line not yet whole
  std::FILE* file_;
  std::optional<std::string> path_;
  std::string temp_path_;
  bool committed_ = false;
};

}  // namespace zhmine
