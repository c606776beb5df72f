#include "zhmine/io/record_table.hpp"

#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "zhmine/io/record_fields.hpp"

namespace zhmine {

namespace {

// One column: the field it shows (JSON pointers, the first one present and
// not null wins) and, for a list, how its elements join into one cell.
struct Column {
  const char* name;
  std::vector<const char*> fields;
  const char* member = nullptr;     // of each object in a list: the one shown
  const char* separator = "; ";     // between the elements of a list
  bool count = false;               // show how many elements the list has
};

struct Table {
  const char* type;
  std::vector<Column> columns;
};

const char* const kPath = " > ";

// The columns of every record type, in the order of its JSON fields; what
// only locates a span for programs (start/end in code points, origin) and
// the type itself are left out where a spreadsheet reader has no use for them.
const std::vector<Table>& tables() {
  static const std::vector<Table> t = {
      {"document", {{"source", {"/source"}}, {"doc", {"/doc"}}, {"encoding", {"/encoding"}},
                    {"script", {"/script"}}, {"lines", {"/lines"}}, {"text", {"/text"}}}},
      {"section",
       {{"source", {"/source"}}, {"doc", {"/doc"}}, {"report", {"/report"}}, {"title", {"/title"}},
        {"organization", {"/organization"}}, {"period", {"/period"}}, {"date", {"/date"}}, {"id", {"/id"}},
        {"level", {"/level"}}, {"number", {"/number"}}, {"heading", {"/heading"}},
        {"path", {"/path"}, nullptr, kPath}, {"line", {"/line"}}, {"end_line", {"/end_line"}},
        {"items", {"/items"}, "heading"}, {"text", {"/text"}}}},
      {"figure",
       {{"source", {"/source"}}, {"doc", {"/doc"}}, {"report", {"/report"}}, {"path", {"/path"}, nullptr, kPath},
        {"line", {"/line"}}, {"raw", {"/raw"}}, {"value", {"/value"}}, {"max", {"/max"}}, {"unit", {"/unit"}},
        {"kind", {"/kind"}}, {"currency", {"/currency"}}, {"approx", {"/approx"}},
        {"placeholder", {"/placeholder"}}, {"label", {"/label"}}, {"sentence", {"/sentence"}}}},
      {"finding",
       {{"source", {"/source"}}, {"doc", {"/doc"}}, {"line", {"/line"}}, {"check", {"/check"}},
        {"severity", {"/severity"}}, {"message", {"/message"}}, {"stated", {"/stated"}},
        {"computed", {"/computed"}}, {"unit", {"/unit"}}, {"figures", {"/figures"}, "raw"}, {"note", {"/note"}}}},
      {"change",
       {{"what", {"/what"}}, {"change", {"/change"}}, {"path", {"/path"}, nullptr, kPath}, {"label", {"/label"}},
        {"unit", {"/unit"}}, {"old_value", {"/old/value"}}, {"new_value", {"/new/value"}}, {"delta", {"/delta"}},
        {"delta_unit", {"/delta_unit"}}, {"ratio", {"/ratio"}},
        {"old_text", {"/old/raw", "/old/heading", "/old/text"}},
        {"new_text", {"/new/raw", "/new/heading", "/new/text"}}, {"old_source", {"/old/source"}},
        {"old_line", {"/old/line"}}, {"new_source", {"/new/source"}}, {"new_line", {"/new/line"}}}},
      {"series",
       {{"label", {"/label"}}, {"unit", {"/unit"}}, {"kind", {"/kind"}}, {"path", {"/path"}, nullptr, kPath},
        {"reports", {"/values"}, nullptr, "", true}, {"values", {"/values"}, "value"},
        {"raws", {"/values"}, "raw"}, {"sources", {"/values"}, "source"}, {"lines", {"/values"}, "line"}}},
  };
  return t;
}

const Table& table_of(std::string_view type) {
  for (const Table& t : tables())
    if (type == t.type) return t;
  throw std::invalid_argument("no table columns for records of type \"" + std::string(type) + "\"");
}

std::string scalar(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();  // numbers as JSON writes them (exact), true / false
}

// A nested value's cell: a list joined, anything else as scalar() shows it.
std::string nested_cell(const nlohmann::json& value, const Column& column) {
  if (!value.is_array()) return scalar(value);
  if (column.count) return std::to_string(value.size());
  std::string out;
  for (std::size_t k = 0; k < value.size(); ++k) {
    if (k > 0) out += column.separator;
    const nlohmann::json& element = value[k];
    // A gap in a series is a null value: the empty place between separators.
    if (column.member && element.is_object()) out += scalar(element.value(column.member, nlohmann::json()));
    else if (!column.member) out += scalar(element);
  }
  return out;
}

// A record being turned into a row: its fields, and its nested values
// parsed once each (a change record's "old" and "new" feed six columns).
struct RowSource {
  const RecordFields& fields;
  std::map<std::string_view, nlohmann::json> parsed;

  const nlohmann::json& nested(std::string_view key, std::string_view raw) {
    auto it = parsed.find(key);
    if (it == parsed.end()) it = parsed.emplace(key, nlohmann::json::parse(raw)).first;
    return it->second;
  }
};

// A top-level string, number or boolean is read off the line as written;
// only lists and objects (/old/value) are parsed, and they are small.
std::string cell(RowSource& record, const Column& column) {
  for (const std::string_view pointer : column.fields) {
    const std::size_t slash = pointer.find('/', 1);
    const std::string_view key = pointer.substr(1, slash == std::string_view::npos ? pointer.npos : slash - 1);
    const std::string_view raw = record.fields.raw(key);
    if (raw.empty() || raw == "null") continue;
    const bool nested = raw.front() == '[' || raw.front() == '{';
    if (slash == std::string_view::npos && !nested)
      return raw.front() == '"' ? RecordFields::unescape(raw) : std::string(raw);
    const nlohmann::json& value = record.nested(key, raw);
    if (slash == std::string_view::npos) return nested_cell(value, column);
    const nlohmann::json::json_pointer inner{std::string(pointer.substr(slash))};
    if (value.contains(inner) && !value.at(inner).is_null()) return nested_cell(value.at(inner), column);
  }
  return "";
}

std::string type_of(const RecordFields& record) {
  const std::string_view type = record.raw("type");
  return type.empty() || type.front() != '"' ? std::string() : RecordFields::unescape(type);
}

}  // namespace

std::vector<std::string> RecordTable::columns(std::string_view type) {
  std::vector<std::string> names;
  for (const Column& c : table_of(type).columns) names.emplace_back(c.name);
  return names;
}

std::string table_cell(std::string_view json_line, std::string_view column) {
  const RecordFields fields(json_line);
  RowSource record{fields, {}};
  for (const Column& c : table_of(type_of(fields)).columns)
    if (column == c.name) return cell(record, c);
  throw std::invalid_argument("no column \"" + std::string(column) + "\"");
}

void RecordTable::add(std::string_view json_line, std::string& out) {
  const RecordFields fields(json_line);
  const std::string type = type_of(fields);
  const Table& table = table_of(type);
  if (type_.empty()) {
    type_ = type;
    append_row(columns(type), out);
  } else if (type != type_) {
    throw std::invalid_argument("a \"" + type + "\" record among \"" + type_ + "\" records: one table holds one type");
  }
  RowSource record{fields, {}};
  std::vector<std::string> cells;
  cells.reserve(table.columns.size());
  for (const Column& c : table.columns) cells.push_back(cell(record, c));
  append_row(cells, out);
}

void RecordTable::append_row(const std::vector<std::string>& cells, std::string& out) const {
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const std::string& c = cells[k];
    if (kind_ == Kind::csv) {
      if (k > 0) out += ',';
      // RFC 4180: a field holding a comma, a quote or a line break is quoted,
      // its quotes doubled.
      if (c.find_first_of(",\"\r\n") == std::string::npos) {
        out += c;
        continue;
      }
      out += '"';
      for (char ch : c) {
        if (ch == '"') out += '"';
        out += ch;
      }
      out += '"';
    } else {
      if (k > 0) out += '\t';
      // TSV has no quoting: a tab, a line break or a backslash in a field is
      // escaped as \t, \n, \r, \\ (as PostgreSQL's text format and miller read it).
      for (char ch : c) {
        switch (ch) {
          case '\t': out += "\\t"; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          case '\\': out += "\\\\"; break;
          default: out += ch;
        }
      }
    }
  }
  out += kind_ == Kind::csv ? "\r\n" : "\n";
}

}  // namespace zhmine
