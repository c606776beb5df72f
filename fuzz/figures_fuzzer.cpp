// Any text through extract-figures with the shipped rules: no crash, figures
// in order and inside the text, and every record one valid JSON line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_document.hpp"
#include "zhmine/figures/figure_records.hpp"
#include "zhmine/figures/figures.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zhmine::FigureExtractor extractor(zhmine::RuleBook::load());
  const zhmine::Document doc = zhmine::fuzz::document_of(data, size);
  const auto figures = extractor.extract(doc.text);
  std::size_t previous = 0;
  for (const auto& f : figures) {
    if (f.begin < previous || f.begin >= f.end || f.end > doc.text.size()) std::abort();
    previous = f.begin;
  }
  std::string out;
  zhmine::write_figure_records(doc, figures, out);
  zhmine::fuzz::require_json_lines(out);
  return 0;
}
