// Web chrome: navigation, publishing metadata, share links, 上一篇/下一篇,
// tag clouds, disclaimers, URLs: the page around a report, which belongs to
// no section. Driven by the rules of set "chrome" (patterns/chrome.rules).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "zhmine/rules/rules.hpp"

#include <re2/set.h>

namespace zhmine {

// What a chrome line takes with it (a rule's "zone" attribute).
enum class ChromeZone {
  line,    // just itself
  header,  // the lines above it, when no heading comes before it
  footer,  // the lines below it, when a heading comes before it
  split,   // just itself, but a new report starts after it
};

class ChromeRules {
 public:
  // Compiles the rules of set "chrome"; throws RuleError on a bad pattern or zone.
  explicit ChromeRules(const std::vector<const Rule*>& rules);
  ChromeRules(ChromeRules&&) noexcept;
  ~ChromeRules();

  // The zones of the rules that find `line` (bit 1 << ChromeZone), 0 when
  // none does: `line` is then not chrome by itself.
  unsigned match(std::string_view line) const;

  // For each line (trimmed, blank ones empty): whether it is chrome, by its
  // own rules or by the zone of another line. `is_heading` tells whether a
  // line starts with a heading enumerator; `split_after` receives the lines
  // after which a new report starts.
  std::vector<bool> classify(const std::vector<std::string_view>& lines, const std::vector<bool>& is_heading,
                             std::vector<std::size_t>& split_after) const;

 private:
  // All patterns in one set: a line is scanned once, whatever the number of rules.
  std::unique_ptr<re2::RE2::Set> set_;
  std::vector<ChromeZone> zones_;  // by index in the set
};

constexpr unsigned zone_bit(ChromeZone z) { return 1u << static_cast<unsigned>(z); }

}  // namespace zhmine
