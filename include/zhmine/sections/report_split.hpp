// Several reports in one file: a page collecting numbered samples
// (基层工会年度工作总结1 … 5), a summary followed by 以下内容供参考: and another.
// A report starts at a separator (chrome zone "split") or at a title line
// coming after headings; its title is the first title line it has. What a
// title looks like is rule "kind title" of set "reports".
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhmine/sections/line_repair.hpp"
#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

struct ReportSpan {
  std::size_t begin;  // repaired lines [begin, end)
  std::size_t end;
  std::optional<std::size_t> title_line;  // the line holding the title
  std::size_t title_end = 0;              // bytes of that line the title takes; the rest is body
  std::string title;
};

class ReportSplitter {
 public:
  // Takes the rules of set "reports" with "kind title"; throws RuleError on a bad pattern.
  explicit ReportSplitter(const std::vector<const Rule*>& rules);
  ReportSplitter(ReportSplitter&&) noexcept;
  ~ReportSplitter();

  // Bytes of `line` that are a report title: all of it, or, on a report's
  // first line (where a flattened copy runs the body on), the run up to the
  // first space. nullopt when it is no title.
  std::optional<std::size_t> title_length(std::string_view line, bool first_line) const;

  // The reports of a file's repaired lines, in order; at least one when
  // there are lines.
  std::vector<ReportSpan> split(const std::vector<RepairedLine>& lines) const;

 private:
  std::vector<std::unique_ptr<re2::RE2>> titles_;
};

}  // namespace zhmine
