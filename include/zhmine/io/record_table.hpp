// Records as the rows of one table, for spreadsheets: CSV (RFC 4180) or TSV.
// Each record type has fixed columns (docs/formats.md); a list is joined
// into one cell (a path as 上半年工作总结 > 组织建设), a missing or null field
// is an empty cell. One table holds one record type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zhmine {

class RecordTable {
 public:
  enum class Kind { csv, tsv };

  explicit RecordTable(Kind kind) : kind_(kind) {}

  // Appends the row of one JSON record to `out`, after the header row when
  // it is the first. Throws std::invalid_argument for a line that is no JSON
  // object, a record of no known type or of another type than the first, and
  // nlohmann::json::exception for a nested value that is no JSON.
  void add(std::string_view json_line, std::string& out);

  // The column names of a record type; throws std::invalid_argument for an
  // unknown type.
  static std::vector<std::string> columns(std::string_view type);

 private:
  void append_row(const std::vector<std::string>& cells, std::string& out) const;

  Kind kind_;
  std::string type_;  // of the first record
};

// What one cell of the record `json_line` shows for `column` (as columns()
// names it).
std::string table_cell(std::string_view json_line, std::string_view column);

}  // namespace zhmine
