#include "zhmine/part_titles.hpp"

#include <re2/re2.h>

namespace zhmine {

PartTitles::PartTitles(const std::vector<const Rule*>& rules) {
  for (const Rule* rule : rules) {
    if (rule->get("kind") != "title") continue;
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(rule->pattern, options);
    if (!re->ok())
      throw RuleError(rule->file + ":" + std::to_string(rule->line) + ": rule " + rule->id +
                      ": pattern does not compile: " + re->error());
    titles_.push_back({std::move(re), {rule->get("closing") == "yes", rule->get("layout") == "alone"}});
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
