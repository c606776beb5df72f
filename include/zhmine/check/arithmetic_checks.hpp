// `zhmine check`: a report's own arithmetic. Totals against their parts,
// percentages against the figures they are a ratio of, growth rates against
// the two values they compare, figures far out of line with their kin, and
// what a report withholds. The words each check reads between figures are
// rules (patterns/check_*.rules); the checks are described in docs/check.md.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhmine/figures/decimal.hpp"
#include "zhmine/figures/qualifiers.hpp"
#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

// One figure as the checks see it: from extract-figures, in process or from
// its records.
struct CheckFigure {
  std::optional<Decimal> value, max;
  std::string unit, kind, label, raw;
  Qualifier approx = Qualifier::exact;
  bool placeholder = false;
  std::size_t line = 0, start = 0, end = 0;  // source line; code-point columns in it
  // The sentence it stands in: a view of its document's text, or of the
  // text its record carried, which whoever made the figure keeps alive.
  std::string_view sentence;
  std::size_t at = 0, at_end = 0;             // its bytes in `sentence`
};

struct Finding {
  enum class Severity { info, warning, error };
  struct Use {
    std::size_t figure;  // index into the report's figures
    std::string role;    // total, part, share, numerator, denominator, old, new, rate, outlier, compared, withheld
  };
  std::string check;  // parts-total, percent-ratio, growth, magnitude, withheld
  Severity severity = Severity::error;
  std::size_t line = 0;  // of the figure that is wrong as stated
  std::string message;
  std::optional<Decimal> stated, computed;
  std::string unit;
  std::vector<Use> figures;
  std::string note;  // why a finding was downgraded, when it was
};

std::string_view severity_name(Finding::Severity severity);

class ArithmeticChecks {
 public:
  // Compiles the sets "check-parts", "check-ratio" and "check-growth" of
  // `book`; throws RuleError for a bad rule.
  explicit ArithmeticChecks(const RuleBook& book);
  ~ArithmeticChecks();
  ArithmeticChecks(const ArithmeticChecks&) = delete;
  ArithmeticChecks& operator=(const ArithmeticChecks&) = delete;

  // The findings of one report's figures, in text order.
  std::vector<Finding> check(const std::vector<CheckFigure>& figures) const;

  // Figures of one label and unit across reports: those far out of line with
  // the others (magnitude), as findings whose figure indexes are into
  // `figures`.
  // A label that is a change (比上年增加, 提高到: the growth words) names no
  // quantity and is not compared.
  std::vector<Finding> magnitude_across(const std::vector<CheckFigure>& figures) const;

 private:
  struct Word {
    std::unique_ptr<re2::RE2> re;
    std::string role;     // parts: complete|subset; ratio: share|rate; growth: up|down|from|to|base
  };
  const Word* find(const std::vector<Word>& words, std::string_view text, std::size_t* at = nullptr) const;
  void parts_total(const std::vector<CheckFigure>& f, std::size_t begin, std::size_t end,
                   std::vector<Finding>& out) const;
  void percent_ratio(const std::vector<CheckFigure>& f, std::size_t begin, std::size_t end,
                     std::vector<Finding>& out) const;
  void growth(const std::vector<CheckFigure>& f, std::size_t begin, std::size_t end, std::vector<Finding>& out) const;

  std::vector<Word> parts_, ratio_, growth_, averages_;
};

// The rounding a figure's value carries, from the digits it is written with:
// 83.88% → 0.005, 84% → 0.5, 2222.74万元 → 50 (yuan). Zero for numerals in words.
double rounding_of(const CheckFigure& figure);

}  // namespace zhmine
