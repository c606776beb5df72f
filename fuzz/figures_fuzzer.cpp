// Any text through extract-figures with the shipped rules: no crash, figures
// in order and inside the text, and every record one valid JSON line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "zhmine/figure_records.hpp"
#include "zhmine/figures.hpp"
#include "zhmine/json_line.hpp"
#include "zhmine/normalizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zhmine::FigureExtractor extractor(zhmine::RuleBook::load());
  zhmine::Document doc;
  doc.source = "fuzz.txt";
  doc.doc = "0000000000000000";
  doc.text = zhmine::normalizer_for(zhmine::TargetScript::simplified)
                 .normalize(std::string_view(reinterpret_cast<const char*>(data), size))
                 .text;
  const auto figures = extractor.extract(doc.text);
  std::size_t previous = 0;
  for (const auto& f : figures) {
    if (f.begin < previous || f.begin >= f.end || f.end > doc.text.size()) std::abort();
    previous = f.begin;
  }
  std::string out;
  zhmine::write_figure_records(doc, figures, out);
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t end = out.find('\n', start);
    (void)zhmine::parse_record(std::string_view(out).substr(start, end - start));  // throws if not JSON
    start = end + 1;
  }
  return 0;
}
