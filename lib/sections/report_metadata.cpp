#include "zhmine/sections/report_metadata.hpp"

#include <algorithm>

#include <re2/re2.h>

namespace zhmine {

MetadataRules::MetadataRules(const std::vector<const Rule*>& rules) {
  for (const Rule* rule : rules) {
    const std::string field = rule->get("field");
    if (field.empty()) continue;
    auto fail = [&](const std::string& message) {
      throw RuleError(rule->file + ":" + std::to_string(rule->line) + ": rule " + rule->id + ": " + message);
    };
    Compiled compiled;
    if (field == "organization") compiled.field = &ReportMetadata::organization;
    else if (field == "period") compiled.field = &ReportMetadata::period;
    else if (field == "date") compiled.field = &ReportMetadata::date;
    else fail("field '" + field + "' is none of organization, period, date");
    const std::string from = rule->get("from", "title");
    if (from != "title" && from != "closing") fail("from '" + from + "' is neither title nor closing");
    compiled.from_title = from == "title";
    RE2::Options options;
    options.set_log_errors(false);
    compiled.re = std::make_unique<RE2>(rule->pattern, options);
    if (!compiled.re->ok()) fail("pattern does not compile: " + compiled.re->error());
    if (compiled.re->NumberOfCapturingGroups() < 1) fail("a metadata pattern needs group 1, the value");
    rules_.push_back(std::move(compiled));
  }
}

MetadataRules::MetadataRules(MetadataRules&&) noexcept = default;
MetadataRules::~MetadataRules() = default;

ReportMetadata MetadataRules::read(std::string_view title, const std::vector<std::string_view>& closing) const {
  ReportMetadata metadata;
  for (const Compiled& rule : rules_) {
    std::optional<std::string>& value = metadata.*rule.field;
    if (value) continue;
    re2::StringPiece found;
    auto look = [&](std::string_view text) { return RE2::PartialMatch(text, *rule.re, &found); };
    bool hit = false;
    if (rule.from_title) hit = !title.empty() && look(title);
    else hit = std::any_of(closing.begin(), closing.end(), look);
    if (!hit) continue;
    std::string v(found.data(), found.size());
    v.erase(std::remove(v.begin(), v.end(), ' '), v.end());
    value = std::move(v);
  }
  return metadata;
}

}  // namespace zhmine
