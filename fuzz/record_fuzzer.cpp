// Any line as a JSON record of an earlier stage: it is read or rejected with
// a message, never a crash, and a read one has a source map that locates
// every byte of its text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "zhmine/io/stage.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zhmine::InputItem item{zhmine::InputItem::Kind::record, "fuzz.jsonl", 1,
                         std::string(reinterpret_cast<const char*>(data), size)};
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
