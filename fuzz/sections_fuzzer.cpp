// Any text through segment-sections with the shipped rules: no crash, every
// record is one valid JSON line, and every section cites lines of the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "zhmine/json_line.hpp"
#include "zhmine/normalizer.hpp"
#include "zhmine/sections.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zhmine::SectionRules rules(zhmine::RuleBook::load());
  zhmine::Document doc;
  doc.source = "fuzz.txt";
  doc.doc = "0000000000000000";
  doc.text = zhmine::normalizer_for(zhmine::TargetScript::simplified)
                 .normalize(std::string_view(reinterpret_cast<const char*>(data), size))
                 .text;
  const std::size_t lines = zhmine::count_lines(doc.text);
  const auto reports = zhmine::segment_sections(doc, rules);
  for (const auto& report : reports)
    for (const auto& section : report.sections)
      if (section.line > lines + 1 || section.end_line > lines + 1) std::abort();
  std::string out;
  zhmine::write_section_records(doc, reports, out);
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t end = out.find('\n', start);
    (void)zhmine::parse_record(std::string_view(out).substr(start, end - start));  // throws if not JSON
    start = end + 1;
  }
  return 0;
}
