#include "zhmine/sections/part_titles.hpp"

#include <re2/re2.h>

namespace zhmine {

PartTitles::PartTitles(const std::vector<const Rule*>& rules) {
  for (const Rule* rule : rules) {
    if (rule->get("kind") != "title") continue;
    titles_.push_back({compile_rule(*rule), {rule->get("closing") == "yes", rule->get("layout") == "alone"}});
  }
}

PartTitles::PartTitles(PartTitles&&) noexcept = default;
PartTitles::~PartTitles() = default;

std::optional<PartTitle> PartTitles::match(std::string_view line) const {
  for (const Title& t : titles_)
    if (RE2::FullMatch(line, *t.re)) return t.kind;
  return std::nullopt;
}

}  // namespace zhmine
