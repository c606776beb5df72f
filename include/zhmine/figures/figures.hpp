// extract-figures: every number in a text that counts something, with its
// value in the base unit, unit, kind, qualifier, label and sentence. The
// rules are data (patterns/numerals.rules, units.rules, qualifiers.rules,
// traps.rules, labels.rules); see docs/extract-figures.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhmine/figures/decimal.hpp"
#include "zhmine/figures/figure_label.hpp"
#include "zhmine/figures/figure_rules.hpp"
#include "zhmine/figures/qualifiers.hpp"
#include "zhmine/rules/rules.hpp"

namespace zhmine {

struct Figure {
  std::size_t begin = 0, end = 0;  // bytes of the text passed to extract()
  std::optional<Decimal> value;    // in the base unit; none for a placeholder
  std::optional<Decimal> max;      // the upper end of a range
  std::string unit;                // 元, 名, % …
  std::string kind;                // money, people, percent …
  std::string currency;            // ISO 4217 code of a money figure (CNY, USD), else empty
  Qualifier approx = Qualifier::exact;
  bool placeholder = false;        // redacted: X 人, XX 万元
  bool out_of_range = false;       // a numeral too large to hold exactly: no value
  std::string label;               // what is counted: 发放慰问资金
  std::size_t sentence_begin = 0, sentence_end = 0;  // bytes of the text
};

class FigureExtractor {
 public:
  // Compiles the rule sets of `book` once; throws RuleError for a bad rule.
  explicit FigureExtractor(const RuleBook& book);

  // The figures of `text`, in order. Lines are independent: a figure never
  // spans a line break. Safe to call from several threads at once.
  std::vector<Figure> extract(std::string_view text) const;

 private:
  // Storage one call of extract() reuses from line to line.
  struct Scratch {
    std::vector<std::pair<std::size_t, std::size_t>> traps;  // byte spans of the line
    std::vector<std::size_t> sentence_ends;                   // see sentence_ends()
  };
  void extract_line(std::string_view text, std::size_t line_begin, std::size_t line_end,
                    std::vector<Figure>& out, Scratch& scratch) const;
  FigureRules rules_;
  FigureLabeler labeler_;
};

// For `zhmine patterns test`: runs the extractor, compiled from all the rules
// of `book` (once per book), over example.text and checks example.expect.
// EXPECT is "none" (no figure at all) or the figures found, in order,
// separated by ";", each as
//     VALUE UNIT [about|over|under] [max MAX] [label LABEL]
// with VALUE "null" for a placeholder: "360000 元", "95 % over",
// "2 家 max 3", "null 人", "4 集体 ; 9 人". Returns "" when it holds, else
// what was found instead. Examples without EXPECT hold trivially.
std::string check_figure_example(const RuleBook& book, const Rule& rule, const RuleExample& example);

// One figure as EXPECT writes it: "2 家 max 3".
std::string describe_figure(const Figure& figure);

}  // namespace zhmine
