// The rule sets of extract-figures (numerals, units, qualifiers, traps in
// patterns/*.rules) compiled once into two RE2 programs: one that finds
// candidate figures, one that finds what is not a figure. Which rule matched
// is read off named groups, so a user's rule is one more alternative, never
// one more pass over the text.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhmine/decimal.hpp"
#include "zhmine/qualifiers.hpp"
#include "zhmine/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

// A unit of the units set, as figures report it.
struct UnitInfo {
  std::string unit;  // as the record writes it: 元, 名, 平方米
  std::string kind;  // money, people, …
  bool label_after;  // the counted noun usually follows (3 个微信工作群)
};

// One candidate figure as the program matched it, before it is read.
// Views point into the line passed to FigureRules::next().
struct FigureMatch {
  std::size_t begin = 0, end = 0;  // bytes of the line
  std::string_view number;         // empty for a percentage in words
  std::string_view max;            // the upper end of a range, or empty
  bool placeholder = false;        // number is redacted (X, XX)
  bool percent_words = false;      // number is a whole percentage (百分之八十)
  std::optional<Decimal> factor;   // a multiplier after a mid qualifier (40多万元)
  Qualifier before = Qualifier::exact, mid = Qualifier::exact, after = Qualifier::exact;
  const UnitInfo* unit = nullptr;
};

class FigureRules {
 public:
  // Compiles the sets "numerals", "units", "qualifiers" and "traps" of
  // `book`. Throws RuleError ("FILE:LINE: rule ID: …") for a bad rule.
  explicit FigureRules(const RuleBook& book);
  ~FigureRules();
  FigureRules(const FigureRules&) = delete;
  FigureRules& operator=(const FigureRules&) = delete;

  // False when the line has no character a numeral can begin with, so no
  // figure: a table lookup per character, before any regular expression.
  bool may_hold_figure(std::string_view line) const;

  // The leftmost-longest candidate starting at or after byte `pos` of `line`.
  bool next(std::string_view line, std::size_t pos, FigureMatch& match) const;

  // The byte spans of `line` that the traps set says are not figures.
  std::vector<std::pair<std::size_t, std::size_t>> traps(std::string_view line) const;

  // When a range's upper end carries the multiplier its lower end lacks
  // (2-3万元), that multiplier's factor.
  std::optional<Decimal> shared_factor(std::string_view number, std::string_view max) const;

 private:
  struct Group {
    int index;
    std::size_t item;  // into units_, qualifiers_ or factors_
  };
  std::unique_ptr<re2::RE2> figure_, traps_, factor_suffix_, factor_any_;
  std::vector<UnitInfo> units_;
  std::vector<Qualifier> qualifiers_;
  std::vector<Decimal> factors_;
  std::vector<Group> unit_groups_, before_groups_, mid_groups_, after_groups_, factor_groups_, suffix_groups_;
  int number_ = 0, placeholder_ = 0, percent_ = 0, max_ = 0, groups_ = 0;
  std::bitset<0x10000> starts_;  // code points a numeral can begin with (BMP)
};

}  // namespace zhmine
