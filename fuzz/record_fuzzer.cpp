// Any line as a JSON record of an earlier stage: it is read or rejected with
// a message, never a crash, and a read one has a source map that locates
// every byte of its text. The same line as a row of a table (--format csv):
// every JSON object nlohmann::json reads, RecordFields splits too, each field
// found and each string unescaped to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "zhmine/io/json_line.hpp"
#include "zhmine/io/record_fields.hpp"
#include "zhmine/io/record_table.hpp"
#include "zhmine/io/stage.hpp"

namespace {

void check_table_row(const std::string& line) {
  // Only what parse_record accepts: nlohmann::json recurses once per level of
  // nesting, and RecordTable parses nested values with it (its input is
  // zhmine's own records, never deep).
  try {
    (void)zhmine::parse_record(line);
  } catch (const std::invalid_argument&) {
    return;
  } catch (const nlohmann::json::exception&) {
    return;
  }
  std::map<std::string, int> keys;  // top-level keys, counted: nlohmann keeps a repeated one's last value
  const nlohmann::json record =
      nlohmann::json::parse(line, [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (depth == 1 && event == nlohmann::json::parse_event_t::key) ++keys[parsed.get<std::string>()];
        return true;
      });
  const zhmine::RecordFields fields(line);  // must not throw
  for (const auto& [key, value] : record.items()) {
    const std::string_view raw = fields.raw(key);
    if (raw.empty()) std::abort();
    if (keys[key] == 1 && value.is_string() && zhmine::RecordFields::unescape(raw) != value.get<std::string>())
      std::abort();
  }
  std::string out;
  try {
    zhmine::RecordTable(zhmine::RecordTable::Kind::csv).add(line, out);
  } catch (const std::invalid_argument&) {  // a record of no table's type
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  check_table_row(line);
  zhmine::InputItem item{zhmine::InputItem::Kind::record, "fuzz.jsonl", 1, line};
  zhmine::Report report;
  const zhmine::StageOptions options;
  const auto doc = zhmine::load_document(std::move(item), options, report);
  if (!doc) {
    if (report.diagnostics().empty() || report.stats.records_rejected != 1) std::abort();
    return 0;
  }
  const zhmine::SourceMap map = doc->source_map();
  for (std::size_t offset = 0; offset < doc->text.size(); offset += 7) (void)map.locate(doc->text, offset);
  return 0;
}
