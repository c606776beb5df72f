// What a report says about itself: the organization that wrote it, the
// period it covers, the date it was issued. Read by the rules of set
// "reports" that have a "field": from the title, or from the report's
// closing lines (signature and date stand on short lines of their own).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

struct ReportMetadata {
  std::optional<std::string> organization;  // 武陵区总工会
  std::optional<std::string> period;        // 2020年度, 上半年, 2008年
  std::optional<std::string> date;          // 2020年12月16日
};

class MetadataRules {
 public:
  // Takes the rules of set "reports" with a "field"; throws RuleError on a
  // bad pattern, field or source.
  explicit MetadataRules(const std::vector<const Rule*>& rules);
  MetadataRules(MetadataRules&&) noexcept;
  ~MetadataRules();

  // `closing`: the report's last lines, last first. The first rule that
  // finds a field gives its value (group 1, spaces taken out).
  ReportMetadata read(std::string_view title, const std::vector<std::string_view>& closing) const;

 private:
  struct Compiled {
    std::unique_ptr<re2::RE2> re;
    std::optional<std::string> ReportMetadata::*field;
    bool from_title;
  };
  std::vector<Compiled> rules_;
};

}  // namespace zhmine
