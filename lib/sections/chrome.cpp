#include "zhmine/sections/chrome.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <re2/re2.h>

namespace zhmine {

namespace {

// Chrome is page furniture: a line this long is a paragraph, and is not
// worth a regular-expression search.
constexpr std::size_t kMaxChromeLine = 400;

ChromeZone parse_zone(const Rule& rule) {
  const std::string zone = rule.get("zone", "line");
  if (zone == "line") return ChromeZone::line;
  if (zone == "header") return ChromeZone::header;
  if (zone == "footer") return ChromeZone::footer;
  if (zone == "split") return ChromeZone::split;
  throw RuleError(rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.id + ": zone '" + zone +
                  "' is none of line, header, footer, split");
}

}  // namespace

ChromeRules::ChromeRules(const std::vector<const Rule*>& rules) {
  RE2::Options options;
  options.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const Rule* rule : rules) {
    std::string error;
    if (set_->Add(rule->pattern, &error) < 0)
      throw RuleError(rule->file + ":" + std::to_string(rule->line) + ": rule " + rule->id +
                      ": pattern does not compile: " + error);
    zones_.push_back(parse_zone(*rule));
  }
  if (!set_->Compile()) throw RuleError("chrome rules: out of memory compiling their patterns");
}

ChromeRules::ChromeRules(ChromeRules&&) noexcept = default;
ChromeRules::~ChromeRules() = default;

unsigned ChromeRules::match(std::string_view line) const {
  if (line.empty() || line.size() > kMaxChromeLine) return 0;
  if (zones_.empty()) return 0;
  std::vector<int> found;
  if (!set_->Match(line, &found)) return 0;
  unsigned zones = 0;
  for (const int k : found) zones |= zone_bit(zones_[static_cast<std::size_t>(k)]);
  return zones;
}

std::vector<bool> ChromeRules::classify(const std::vector<std::string_view>& lines,
                                        const std::vector<bool>& is_heading,
                                        std::vector<std::size_t>& split_after) const {
  std::vector<bool> chrome(lines.size(), false);
  bool heading_seen = false;
  std::size_t header_end = 0;  // lines before it are page header
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const unsigned zones = match(lines[i]);
    if (zones == 0) {
      heading_seen = heading_seen || is_heading[i];
      continue;
    }
    chrome[i] = true;
    if ((zones & zone_bit(ChromeZone::header)) && !heading_seen) header_end = i;
    if (zones & zone_bit(ChromeZone::split)) split_after.push_back(i);
    if ((zones & zone_bit(ChromeZone::footer)) && heading_seen) {
      std::fill(chrome.begin() + static_cast<std::ptrdiff_t>(i), chrome.end(), true);
      break;
    }
  }
  // The page title above the publishing line is often repeated below it.
  std::set<std::string_view> header;
  for (std::size_t i = 0; i < header_end; ++i) {
    chrome[i] = true;
    if (!lines[i].empty()) header.insert(lines[i]);
  }
  for (std::size_t i = header_end; i < lines.size() && !header.empty(); ++i)
    if (header.count(lines[i])) chrome[i] = true;
  return chrome;
}

}  // namespace zhmine
