// Unnumbered part titles: a line that names a part of a report without an
// enumerator (过去五年的回顾, 关于教育改革问题, 结束语). They are the rules of set
// "headings" with "kind title" (patterns/headings.rules); a rule says what a
// title may look like, the layout decides whether a line that looks like one
// is one (segment-sections, find_headings; docs/segment-sections.md).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

struct PartTitle {
  bool closing;       // a closing part (结束语): always at the top of the tree
  bool needs_blanks;  // taken only standing alone between blank lines
};

class PartTitles {
 public:
  // Compiles the rules among `rules` with "kind title"; throws RuleError for
  // a bad pattern.
  explicit PartTitles(const std::vector<const Rule*>& rules);
  PartTitles(PartTitles&&) noexcept;
  ~PartTitles();

  // The first title rule that matches the whole of `line`.
  std::optional<PartTitle> match(std::string_view line) const;

 private:
  struct Title {
    std::unique_ptr<re2::RE2> re;
    PartTitle kind;
  };
  std::vector<Title> titles_;
};

}  // namespace zhmine
