// Any text through extract-figures and check, and any arrangement of
// figures straight into the checks (values of any sign and size, units
// alike or not, sentences shared or not): no crash, every finding cites
// figures that exist, every record one valid JSON line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_document.hpp"
#include "zhmine/check/arithmetic_checks.hpp"
#include "zhmine/check/check_records.hpp"
#include "zhmine/figures/figures.hpp"

namespace {

void check_all(const zhmine::ArithmeticChecks& checks, const std::vector<zhmine::CheckFigure>& figures) {
  std::string out;
  const zhmine::FigureOrigin origin{"fuzz.txt", "0000000000000000"};
  std::vector<zhmine::FigureOrigin> origins(figures.size(), origin);
  for (const std::vector<zhmine::Finding>& findings : {checks.check(figures), checks.magnitude_across(figures)})
    for (const zhmine::Finding& f : findings) {
      for (const auto& use : f.figures)
        if (use.figure >= figures.size()) std::abort();
      zhmine::write_finding_record(f, figures, origin, &origins, out);
    }
  zhmine::fuzz::require_json_lines(out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const zhmine::RuleBook book = zhmine::RuleBook::load();
  static const zhmine::FigureExtractor extractor(book);
  static const zhmine::ArithmeticChecks checks(book);
  // As text.
  const zhmine::Document doc = zhmine::fuzz::document_of(data, size);
  check_all(checks, zhmine::check_figures_of(doc, extractor.extract(doc.text)));
  // As an arrangement: three bytes a figure (value, unit, how it joins the one before).
  static const char* const kUnits[] = {"家", "人", "%", "元", "百分点"};
  static const char* const kJoins[] = {"，其中", "，分别为", "，占", "的", "，增长", "，比上年的", "，由", "增加到", "、", "；"};
  std::vector<zhmine::CheckFigure> figures;
  std::string sentence;
  for (std::size_t i = 0; i + 3 <= size && figures.size() < 64; i += 3) {
    zhmine::CheckFigure f;
    const int value = static_cast<std::int8_t>(data[i]);
    f.value = zhmine::Decimal(value);
    if (data[i + 1] & 0x80) f.value.reset();
    f.unit = kUnits[data[i + 1] % 5];
    f.kind = f.unit == "元" ? "money" : "count";
    f.placeholder = !f.value && (data[i + 1] & 0x40);
    f.approx = (data[i + 2] & 0x80) ? zhmine::Qualifier::over : zhmine::Qualifier::exact;
    f.label = kJoins[data[i + 2] % 10];
    sentence += kJoins[data[i + 2] % 10];
    f.raw = std::to_string(value) + f.unit;
    f.at = sentence.size();
    sentence += f.raw;
    f.at_end = sentence.size();
    f.line = 1 + (data[i + 2] & 0x40 ? figures.size() : 0);
    figures.push_back(std::move(f));
  }
  for (auto& f : figures) f.sentence = sentence;
  check_all(checks, figures);
  return 0;
}
