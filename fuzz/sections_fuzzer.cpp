// Any text through segment-sections with the shipped rules: no crash, every
// record is one valid JSON line, and every section cites lines of the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_document.hpp"
#include "zhmine/sections/sections.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zhmine::SectionRules rules(zhmine::RuleBook::load());
  const zhmine::Document doc = zhmine::fuzz::document_of(data, size);
  const std::size_t lines = zhmine::count_lines(doc.text);
  const auto reports = zhmine::segment_sections(doc, rules);
  for (const auto& report : reports)
    for (const auto& section : report.sections)
      if (section.line > lines + 1 || section.end_line > lines + 1) std::abort();
  std::string out;
  zhmine::write_section_records(doc, reports, out);
  zhmine::fuzz::require_json_lines(out);
  return 0;
}
