#include "zhmine/figure_rules.hpp"

#include <atomic>
#include <string>
#include <unordered_map>

#include <re2/re2.h>

#include "zhmine/utf8.hpp"

namespace zhmine {

namespace {

[[noreturn]] void bad_rule(const Rule& rule, const std::string& message) {
  throw RuleError(rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.id + ": " + message);
}

std::string required(const Rule& rule, const std::string& key) {
  std::string value = rule.get(key);
  if (value.empty()) bad_rule(rule, "needs a \"" + key + "\" attribute");
  return value;
}

// Each rule's pattern compiles on its own, so a broken rule is named
// rather than reported as an error somewhere in the combined program.
void check_pattern(const Rule& rule) {
  if (rule.pattern.empty()) bad_rule(rule, "needs a pattern");
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(rule.pattern, options);
  if (!re.ok()) bad_rule(rule, "bad pattern: " + re.error());
}

std::unique_ptr<RE2> compile(const std::string& pattern, bool longest) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_longest_match(longest);
  // The combined program is large; the default budget would make RE2 fall
  // back from its DFA to the slow NFA on long lines.
  options.set_max_mem(std::int64_t{256} << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw RuleError("the combined figure rules do not compile: " + re->error());
  return re;
}

// "(?P<u0>p0)|(?P<u1>p1)|…" over the rules, each under its own name.
std::string named_alternatives(const std::vector<const Rule*>& rules, const std::string& prefix,
                               std::size_t first = 0) {
  std::string out;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (!out.empty()) out += '|';
    out += "(?P<" + prefix + std::to_string(first + i) + ">" + rules[i]->pattern + ")";
  }
  return out;
}

// Whether a pattern may look at the text around what it matches (^, $, \b,
// \B, \A, \z): said conservatively, from the pattern's text.
bool may_look_around(const std::string& pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '^' || c == '$') return true;
    if (c == '\\' && i + 1 < pattern.size()) {
      const char n = pattern[++i];
      if (n == 'b' || n == 'B' || n == 'A' || n == 'z') return true;
    }
  }
  return false;
}

std::string alternatives(const std::vector<const Rule*>& rules) {
  std::string out;
  for (const Rule* rule : rules) out += (out.empty() ? "(?:" : "|(?:") + rule->pattern + ")";
  return out;
}

}  // namespace

FigureRules::FigureRules(const RuleBook& book) {
  std::vector<const Rule*> numerals, placeholders, ranges, multipliers, percents, units, before, mid, after;
  for (const Rule* rule : book.rules("numerals")) {
    check_pattern(*rule);
    const std::string role = required(*rule, "role");
    if (role == "numeral") numerals.push_back(rule);
    else if (role == "placeholder") placeholders.push_back(rule);
    else if (role == "range") ranges.push_back(rule);
    else if (role == "multiplier") multipliers.push_back(rule);
    else if (role == "percent") percents.push_back(rule);
    else bad_rule(*rule, "role must be numeral, placeholder, range, multiplier or percent, not \"" + role + "\"");
    const std::string chars = rule->get("chars");
    for (std::size_t i = 0; i < chars.size();) {
      const utf8::Decoded d = utf8::decode(chars, i);
      if (d.code_point < starts_.size()) starts_.set(d.code_point);
      i += d.length;
    }
  }
  for (const Rule* rule : multipliers) {
    const std::optional<Decimal> factor = Decimal::parse(required(*rule, "factor"));
    if (!factor) bad_rule(*rule, "factor must be a number");
    factors_.push_back(*factor);
  }
  for (const Rule* rule : book.rules("units")) {
    check_pattern(*rule);
    units_.push_back({required(*rule, "unit"), required(*rule, "kind"), rule->get("label", "before") == "after"});
    units.push_back(rule);
  }
  for (const Rule* rule : percents)
    units_.push_back({required(*rule, "unit"), required(*rule, "kind"), false});
  for (const Rule* rule : book.rules("qualifiers")) {
    check_pattern(*rule);
    const std::optional<Qualifier> q = qualifier_named(required(*rule, "approx"));
    if (!q) bad_rule(*rule, "approx must be about, over or under");
    const std::string position = required(*rule, "position");
    if (position == "before") before.push_back(rule);
    else if (position == "mid") mid.push_back(rule);
    else if (position == "after") after.push_back(rule);
    else bad_rule(*rule, "position must be before, mid or after");
  }
  if (numerals.empty() || units.empty()) throw RuleError("extract-figures needs rules of the sets numerals and units");
  // Qualifiers are numbered across positions, in the order their groups come.
  for (const auto* list : {&before, &mid, &after})
    for (const Rule* rule : *list) qualifiers_.push_back(*qualifier_named(rule->get("approx")));

  const std::string number = alternatives(numerals);
  std::string pattern;
  if (!before.empty()) pattern += "(?:(?:" + named_alternatives(before, "q") + ")\\s*)?";
  pattern += "(?:";
  if (!percents.empty()) pattern += "(?P<percent>" + named_alternatives(percents, "u", units.size()) + ")|";
  pattern += "(?:";
  if (!placeholders.empty()) pattern += "(?P<placeholder>" + alternatives(placeholders) + ")|";
  pattern += "(?P<number>" + number + "))";
  if (!ranges.empty()) pattern += "(?:\\s*(?:" + alternatives(ranges) + ")\\s*(?P<max>" + number + "))?";
  if (!mid.empty()) pattern += "(?:\\s*(?:" + named_alternatives(mid, "q", before.size()) + "))?";
  if (!multipliers.empty()) pattern += "(?:\\s*(?:" + named_alternatives(multipliers, "m") + "))?";
  pattern += "\\s*(?:" + named_alternatives(units, "u") + "))";
  if (!after.empty()) pattern += "(?:\\s*(?:" + named_alternatives(after, "q", before.size() + mid.size()) + "))?";
  figure_ = compile(pattern, true);

  const std::vector<const Rule*> trap_rules = book.rules("traps");
  for (const Rule* rule : trap_rules) check_pattern(*rule);
  if (!trap_rules.empty()) traps_ = compile(alternatives(trap_rules), true);
  if (!multipliers.empty()) {
    factor_suffix_ = compile("(?:" + named_alternatives(multipliers, "m") + ")\\s*$", false);
    factor_any_ = compile(alternatives(multipliers), false);
  }

  groups_ = figure_->NumberOfCapturingGroups() + 1;
  const auto& names = figure_->NamedCapturingGroups();
  auto index = [&](const std::string& name) {
    const auto it = names.find(name);
    return it == names.end() ? -1 : it->second;
  };
  number_ = index("number");
  placeholder_ = index("placeholder");
  percent_ = index("percent");
  max_ = index("max");
  auto groups = [&](const std::string& prefix, std::size_t from, std::size_t count, std::vector<Group>& out) {
    for (std::size_t i = from; i < from + count; ++i) out.push_back({index(prefix + std::to_string(i)), i});
  };
  groups("u", 0, units_.size(), unit_groups_);
  groups("q", 0, before.size(), before_groups_);
  groups("q", before.size(), mid.size(), mid_groups_);
  groups("q", before.size() + mid.size(), after.size(), after_groups_);
  groups("m", 0, factors_.size(), factor_groups_);
  if (factor_suffix_)
    for (std::size_t i = 0; i < factors_.size(); ++i)
      suffix_groups_.push_back({factor_suffix_->NamedCapturingGroups().at("m" + std::to_string(i)), i});
}

FigureRules::~FigureRules() = default;

bool FigureRules::may_hold_figure(std::string_view line) const {
  for (std::size_t i = 0; i < line.size();) {
    const utf8::Decoded d = utf8::decode(line, i);
    if (d.code_point < starts_.size() && starts_.test(d.code_point)) return true;
    i += d.length;
  }
  return false;
}

bool FigureRules::next(std::string_view line, std::size_t pos, FigureMatch& match) const {
  // Small fixed storage: the program has a few dozen groups.
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(groups_));
  if (!figure_->Match(line, pos, line.size(), RE2::UNANCHORED, groups.data(), groups_)) return false;
  auto view = [&](int i) { return i < 0 || !groups[i].data() ? std::string_view() : std::string_view(groups[i].data(), groups[i].size()); };
  auto matched = [&](int i) { return i >= 0 && groups[i].data() != nullptr; };
  match = FigureMatch{};
  match.begin = static_cast<std::size_t>(groups[0].data() - line.data());
  match.end = match.begin + groups[0].size();
  match.percent_words = matched(percent_);
  match.placeholder = matched(placeholder_);
  match.number = match.percent_words ? view(percent_) : match.placeholder ? view(placeholder_) : view(number_);
  match.max = view(max_);
  for (const Group& g : unit_groups_)
    if (matched(g.index)) match.unit = &units_[g.item];
  for (const Group& g : factor_groups_)
    if (matched(g.index)) match.factor = factors_[g.item];
  for (const Group& g : before_groups_)
    if (matched(g.index)) match.before = qualifiers_[g.item];
  for (const Group& g : mid_groups_)
    if (matched(g.index)) match.mid = qualifiers_[g.item];
  for (const Group& g : after_groups_)
    if (matched(g.index)) match.after = qualifiers_[g.item];
  return true;
}

std::vector<std::pair<std::size_t, std::size_t>> FigureRules::traps(std::string_view line) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  if (!traps_) return spans;
  re2::StringPiece found;
  for (std::size_t pos = 0; pos < line.size() &&
                            traps_->Match(line, pos, line.size(), RE2::UNANCHORED, &found, 1);) {
    const auto begin = static_cast<std::size_t>(found.data() - line.data());
    spans.emplace_back(begin, begin + found.size());
    // An empty match (a pattern of optional parts) must still move on.
    pos = begin + std::max<std::size_t>(found.size(), 1);
  }
  return spans;
}

std::optional<Decimal> FigureRules::shared_factor(std::string_view number, std::string_view max) const {
  if (!factor_suffix_ || RE2::PartialMatch(number, *factor_any_)) return std::nullopt;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(factor_suffix_->NumberOfCapturingGroups() + 1));
  if (!factor_suffix_->Match(max, 0, max.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size())))
    return std::nullopt;
  for (const Group& g : suffix_groups_)
    if (groups[g.index].data()) return factors_[g.item];
  return std::nullopt;
}

}  // namespace zhmine
