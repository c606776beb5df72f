// The rule sets of extract-figures (numerals, units, qualifiers, traps in
// patterns/*.rules) compiled once into RE2 programs: one that finds candidate
// figures (one group per role: number, unit, qualifier…), one that finds what
// is not a figure, and one small program per role that says which of its
// rules matched. A user's rule is one more alternative, never one more pass
// over the text. See docs/extract-figures.md, "Speed".
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

#include "zhmine/figures/decimal.hpp"
#include "zhmine/figures/qualifiers.hpp"
#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

// Where the phrase that says what a figure counts stands.
enum class LabelPlace {
  before,  // the clause before the figure: 发放慰问资金 36 万元
  after,   // the noun after a measure word: 3 个微信工作群
  unit,    // the unit is the noun itself: 1.5亿学生
};

// A unit of the units set, as figures report it.
struct UnitInfo {
  std::string unit;      // as the record writes it: 元, 名, 平方米
  std::string kind;      // money, people, …
  LabelPlace label = LabelPlace::before;
  std::string currency;  // ISO 4217 code of a money unit, else empty
  // Smaller units that may follow and add to the amount: 元 → 角 0.1, 分 0.01.
  std::vector<std::pair<std::string, Decimal>> parts;
};

// How a figure written as one word is read (the numerals set's roles).
enum class WordReading {
  percent,   // 百分之八十, 百分之四到五
  fraction,  // 三分之一, 一半
  doubling,  // 翻两番: 2 to that power, in 倍
};

// One candidate figure as the program matched it, before it is read.
// Views point into the line passed to FigureRules::next().
struct FigureMatch {
  std::size_t begin = 0, end = 0;  // bytes of the line
  std::string_view number;         // the numeral, or the whole word of a word figure
  std::string_view max;            // the upper end of a range, or empty
  bool placeholder = false;        // number is redacted (X, XX)
  std::optional<WordReading> word;  // the figure is one word (百分之八十, 三分之一)
  std::string_view multiplier;     // a multiplier after a mid qualifier (40多万元)
  std::optional<Decimal> factor;   // and its factor
  Qualifier before = Qualifier::exact, mid = Qualifier::exact, after = Qualifier::exact;
  // The qualifier before the number as written, and the characters after
  // which it ends a word instead (约 in 条约, 公约): its rule's "not_after".
  std::string_view before_text, before_not_after;
  const UnitInfo* unit = nullptr;
  std::string_view unit_text;      // the unit as written (empty for word and symbol figures)
};

class FigureRules {
 public:
  // Compiles the sets "numerals", "symbols", "units", "qualifiers" and "traps" of
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
  // The same into `spans` (cleared first), which keeps its storage.
  void traps(std::string_view line, std::vector<std::pair<std::size_t, std::size_t>>& spans) const;

  // When a range's upper end carries the multiplier its lower end lacks
  // (2-3万元), that multiplier's factor.
  std::optional<Decimal> shared_factor(std::string_view number, std::string_view max) const;

 private:
  // Which rule of a role matched, read off the text that role matched.
  struct Role {
    std::unique_ptr<re2::RE2> pick;  // "(?P<r0>p0)|(?P<r1>p1)|…", anchored at both ends
    std::vector<int> groups;         // the group of each rule of the role
    int index = -1;                  // the role's group in decompose_
  };
  // What decompose() found, as offsets into the figure: cached per thread
  // by the figure's text when no rule looks at the text around it.
  struct Parts;
  struct Cache;
  Cache& cache() const;  // this thread's, for this rule set
  struct Group {
    int index;
    std::size_t item;  // into factors_
  };
  bool decompose(std::string_view line, std::size_t begin, std::size_t end, Parts& parts) const;
  static int pick(const Role& role, std::string_view line, std::size_t begin, std::size_t end);

  // scan_ finds where figures are (no submatches: RE2's DFA alone);
  // decompose_, the same program with one group per role, picks the found
  // text apart; each Role's small program then says which rule it was.
  std::unique_ptr<re2::RE2> scan_, decompose_, traps_, factor_suffix_, factor_any_;
  // The units set's units, then those of the word rules, then the symbols'.
  std::vector<UnitInfo> units_;
  std::vector<WordReading> readings_;  // of the word rules
  std::vector<Qualifier> qualifiers_;
  std::vector<std::string> not_after_;  // of the qualifiers before the number
  std::vector<Decimal> factors_;
  Role before_, mid_, after_, multiplier_, unit_, word_, symbol_;
  std::vector<Group> suffix_groups_;
  int number_ = -1, symbol_number_ = -1, placeholder_ = -1, max_ = -1, groups_ = 0;
  std::size_t word_units_ = 0, symbol_units_ = 0;  // where their units begin in units_
  bool context_free_ = true;       // no rule has ^, $ or \b: a figure's parts depend on its text alone
  std::uint64_t id_ = 0;           // tells the per-thread caches of two rule sets apart
  std::bitset<0x10000> starts_;    // code points a numeral can begin with (BMP)
  std::bitset<256> start_bytes_;   // first bytes of those code points, for a quick pass
};

}  // namespace zhmine
