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

// Submatch slots for one Match call: on the stack for the usual number of
// groups, on the heap past it.
class Submatches {
 public:
  explicit Submatches(int n) {
    if (n > kFixed) more_.resize(static_cast<std::size_t>(n));
  }
  re2::StringPiece* data() { return more_.empty() ? fixed_ : more_.data(); }

 private:
  static constexpr int kFixed = 64;
  re2::StringPiece fixed_[kFixed];
  std::vector<re2::StringPiece> more_;
};

void require_pattern(const Rule& rule) {
  if (rule.pattern.empty()) bad_rule(rule, "needs a pattern");
}

// Compiles a program combined from `rules`. When it does not compile, the
// rule at fault is named if one fails on its own; each is not compiled
// alone beforehand, which would double the start-up of every command.
std::unique_ptr<RE2> compile(const std::string& pattern, bool longest, const std::vector<const Rule*>& rules) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_longest_match(longest);
  // The combined program is large; the default budget would make RE2 fall
  // back from its DFA to the slow NFA on long lines.
  options.set_max_mem(std::int64_t{256} << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (re->ok()) return re;
  RE2::Options alone;
  alone.set_log_errors(false);
  for (const Rule* rule : rules)
    if (const RE2 one(rule->pattern, alone); !one.ok()) bad_rule(*rule, "bad pattern: " + one.error());
  throw RuleError("the combined figure rules do not compile: " + re->error());
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
    require_pattern(*rule);
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
    require_pattern(*rule);
    units_.push_back({required(*rule, "unit"), required(*rule, "kind"), rule->get("label", "before") == "after"});
    units.push_back(rule);
  }
  for (const Rule* rule : percents)
    units_.push_back({required(*rule, "unit"), required(*rule, "kind"), false});
  for (const Rule* rule : book.rules("qualifiers")) {
    require_pattern(*rule);
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

  std::vector<const Rule*> figure_rules;
  for (const auto* set : {&numerals, &placeholders, &ranges, &multipliers, &percents, &units, &before, &mid, &after})
    figure_rules.insert(figure_rules.end(), set->begin(), set->end());
  for (const Rule* rule : figure_rules) context_free_ = context_free_ && !may_look_around(rule->pattern);
  percent_units_ = units.size();

  // One group per role, not per rule: RE2 picks a match apart in time that
  // grows with the groups it carries (docs/extract-figures.md, "Speed").
  const std::string number = alternatives(numerals);
  std::string pattern;
  if (!before.empty()) pattern += "(?:(?P<before>" + alternatives(before) + ")\\s*)?";
  pattern += "(?:";
  if (!percents.empty()) pattern += "(?P<percent>" + alternatives(percents) + ")|";
  pattern += "(?:";
  if (!placeholders.empty()) pattern += "(?P<placeholder>" + alternatives(placeholders) + ")|";
  pattern += "(?P<number>" + number + "))";
  if (!ranges.empty()) pattern += "(?:\\s*(?:" + alternatives(ranges) + ")\\s*(?P<max>" + number + "))?";
  if (!mid.empty()) pattern += "(?:\\s*(?P<mid>" + alternatives(mid) + "))?";
  if (!multipliers.empty()) pattern += "(?:\\s*(?P<multiplier>" + alternatives(multipliers) + "))?";
  pattern += "\\s*(?P<unit>" + alternatives(units) + "))";
  if (!after.empty()) pattern += "(?:\\s*(?P<after>" + alternatives(after) + "))?";
  decompose_ = compile(pattern, true, figure_rules);

  const std::vector<const Rule*> trap_rules = book.rules("traps");
  for (const Rule* rule : trap_rules) require_pattern(*rule);
  if (!trap_rules.empty()) traps_ = compile(alternatives(trap_rules), true, trap_rules);
  if (!multipliers.empty()) {
    factor_suffix_ = compile("(?:" + named_alternatives(multipliers, "m") + ")\\s*$", false, multipliers);
    factor_any_ = compile(alternatives(multipliers), false, multipliers);
  }

  groups_ = decompose_->NumberOfCapturingGroups() + 1;
  const auto& names = decompose_->NamedCapturingGroups();
  auto index = [&](const std::string& name) {
    const auto it = names.find(name);
    return it == names.end() ? -1 : it->second;
  };
  number_ = index("number");
  placeholder_ = index("placeholder");
  max_ = index("max");
  auto role = [&](const std::string& name, const std::vector<const Rule*>& rules, Role& out) {
    out.index = index(name);
    if (rules.empty()) return;
    out.pick = compile(named_alternatives(rules, "r"), true, rules);
    for (std::size_t i = 0; i < rules.size(); ++i)
      out.groups.push_back(out.pick->NamedCapturingGroups().at("r" + std::to_string(i)));
  };
  role("before", before, before_);
  role("mid", mid, mid_);
  role("after", after, after_);
  role("multiplier", multipliers, multiplier_);
  role("unit", units, unit_);
  role("percent", percents, percent_);
  if (factor_suffix_)
    for (std::size_t i = 0; i < factors_.size(); ++i)
      suffix_groups_.push_back({factor_suffix_->NamedCapturingGroups().at("m" + std::to_string(i)), i});

  static std::atomic<std::uint64_t> instances{0};
  id_ = ++instances;
  for (std::size_t c = 0; c < 0x80; ++c)
    if (starts_.test(c)) start_bytes_.set(c);
  for (std::size_t c = 0x80; c < starts_.size(); ++c)
    if (starts_.test(c)) start_bytes_.set(c < 0x800 ? 0xC0 | (c >> 6) : 0xE0 | (c >> 12));
}

FigureRules::~FigureRules() = default;

bool FigureRules::may_hold_figure(std::string_view line) const {
  const auto* s = reinterpret_cast<const unsigned char*>(line.data());
  for (std::size_t i = 0; i < line.size();) {
    if (s[i] < 0x80) {
      if (start_bytes_.test(s[i])) return true;
      ++i;
      continue;
    }
    if (!start_bytes_.test(s[i])) {  // no numeral begins with this lead byte: skip the code point
      i += utf8::decode(line, i).length;
      continue;
    }
    const utf8::Decoded d = utf8::decode(line, i);
    if (d.code_point < starts_.size() && starts_.test(d.code_point)) return true;
    i += d.length;
  }
  return false;
}

namespace {

// Figures repeat (12 个, 36 万元, 1 次), and the words of a role more so
// (人, 万, 余): what they were found to be is kept per thread, by their
// text, for the rule set that found them.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

constexpr std::size_t kCacheEntries = 1 << 16;
constexpr std::size_t kCacheKeyBytes = 64;

template <typename T>
using TextMap = std::unordered_map<std::string, T, TransparentHash, std::equal_to<>>;

}  // namespace

// A figure's parts as offsets from its first byte, and the rules they are
// of (-1: none).
struct FigureRules::Parts {
  std::uint32_t number_begin = 0, number_end = 0, max_begin = 0, max_end = 0;
  bool has_number = false, has_max = false, placeholder = false, percent_words = false;
  int unit = -1, factor = -1, before = -1, mid = -1, after = -1;
};

struct FigureRules::Cache {
  std::uint64_t owner = 0;
  TextMap<Parts> parts;  // by the figure's text
  TextMap<int> rules;    // by the role's first byte in decompose_'s groups, then the role's text
};

FigureRules::Cache& FigureRules::cache() const {
  thread_local Cache cache;
  if (cache.owner != id_) {
    cache.parts.clear();
    cache.rules.clear();
    cache.owner = id_;
  }
  return cache;
}

int FigureRules::pick(const Role& role, std::string_view line, std::size_t begin, std::size_t end) {
  if (!role.pick) return -1;
  const int n = role.pick->NumberOfCapturingGroups() + 1;
  Submatches submatches(n);
  re2::StringPiece* groups = submatches.data();
  // The first rule that matches all the text of the role is the one the
  // combined program took: an earlier one would have been preferred.
  if (!role.pick->Match(line, begin, end, RE2::ANCHOR_BOTH, groups, n)) return -1;
  for (std::size_t i = 0; i < role.groups.size(); ++i)
    if (groups[role.groups[i]].data()) return static_cast<int>(i);
  return -1;
}

bool FigureRules::decompose(std::string_view line, std::size_t begin, std::size_t end, Parts& parts) const {
  Submatches submatches(groups_);
  re2::StringPiece* groups = submatches.data();
  if (!decompose_->Match(line, begin, end, RE2::ANCHOR_BOTH, groups, groups_)) return false;
  auto matched = [&](int i) { return i >= 0 && groups[i].data() != nullptr; };
  auto from = [&](int i) { return static_cast<std::size_t>(groups[i].data() - line.data()); };
  Cache* cache = context_free_ ? &this->cache() : nullptr;
  std::string key;
  auto rule = [&](const Role& role) {
    if (!matched(role.index)) return -1;
    const std::size_t at = from(role.index), size = groups[role.index].size();
    if (!cache || size > kCacheKeyBytes) return pick(role, line, at, at + size);
    key.assign(1, static_cast<char>(role.index));
    key.append(line.substr(at, size));
    if (const auto it = cache->rules.find(key); it != cache->rules.end()) return it->second;
    const int found = pick(role, line, at, at + size);
    if (cache->rules.size() >= kCacheEntries) cache->rules.clear();
    cache->rules.emplace(key, found);
    return found;
  };
  parts = Parts{};
  parts.percent_words = matched(percent_.index);
  parts.placeholder = matched(placeholder_);
  const int number = parts.percent_words ? percent_.index : parts.placeholder ? placeholder_ : number_;
  if (matched(number)) {
    parts.has_number = true;
    parts.number_begin = static_cast<std::uint32_t>(from(number) - begin);
    parts.number_end = static_cast<std::uint32_t>(parts.number_begin + groups[number].size());
  }
  if (matched(max_)) {
    parts.has_max = true;
    parts.max_begin = static_cast<std::uint32_t>(from(max_) - begin);
    parts.max_end = static_cast<std::uint32_t>(parts.max_begin + groups[max_].size());
  }
  if (parts.percent_words) {
    const int i = rule(percent_);
    parts.unit = i < 0 ? -1 : static_cast<int>(percent_units_) + i;
  } else {
    parts.unit = rule(unit_);
  }
  parts.factor = rule(multiplier_);
  parts.before = rule(before_);
  const int mid = rule(mid_), after = rule(after_);
  parts.mid = mid < 0 ? -1 : static_cast<int>(before_.groups.size()) + mid;
  parts.after = after < 0 ? -1 : static_cast<int>(before_.groups.size() + mid_.groups.size()) + after;
  return parts.unit >= 0;
}


bool FigureRules::next(std::string_view line, std::size_t pos, FigureMatch& match) const {
  Cache& cache = this->cache();
  for (;;) {
    // Where the next figure is: a submatch-free search runs on RE2's DFA.
    re2::StringPiece found;
    if (pos > line.size()) return false;
    if (!decompose_->Match(line, pos, line.size(), RE2::UNANCHORED, &found, 1)) return false;
    const auto begin = static_cast<std::size_t>(found.data() - line.data());
    const std::size_t end = begin + found.size();
    const std::string_view text = line.substr(begin, end - begin);
    Parts parts;
    const bool cacheable = context_free_ && text.size() <= kCacheKeyBytes;
    bool known = false;
    if (cacheable) {
      if (const auto it = cache.parts.find(text); it != cache.parts.end()) {
        parts = it->second;
        known = true;
      }
    }
    if (!known) {
      if (!decompose(line, begin, end, parts)) {
        // Cannot happen (the same program matched this text); move on.
        pos = begin + 1;
        continue;
      }
      if (cacheable) {
        if (cache.parts.size() >= kCacheEntries) cache.parts.clear();
        cache.parts.emplace(std::string(text), parts);
      }
    }
    match = FigureMatch{};
    match.begin = begin;
    match.end = end;
    match.percent_words = parts.percent_words;
    match.placeholder = parts.placeholder;
    if (parts.has_number) match.number = text.substr(parts.number_begin, parts.number_end - parts.number_begin);
    if (parts.has_max) match.max = text.substr(parts.max_begin, parts.max_end - parts.max_begin);
    match.unit = &units_[static_cast<std::size_t>(parts.unit)];
    if (parts.factor >= 0) match.factor = factors_[static_cast<std::size_t>(parts.factor)];
    if (parts.before >= 0) match.before = qualifiers_[static_cast<std::size_t>(parts.before)];
    if (parts.mid >= 0) match.mid = qualifiers_[static_cast<std::size_t>(parts.mid)];
    if (parts.after >= 0) match.after = qualifiers_[static_cast<std::size_t>(parts.after)];
    return true;
  }
}

std::vector<std::pair<std::size_t, std::size_t>> FigureRules::traps(std::string_view line) const {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  traps(line, spans);
  return spans;
}

void FigureRules::traps(std::string_view line, std::vector<std::pair<std::size_t, std::size_t>>& spans) const {
  spans.clear();
  if (!traps_) return;
  re2::StringPiece found;
  for (std::size_t pos = 0; pos < line.size() &&
                            traps_->Match(line, pos, line.size(), RE2::UNANCHORED, &found, 1);) {
    const auto begin = static_cast<std::size_t>(found.data() - line.data());
    spans.emplace_back(begin, begin + found.size());
    // An empty match (a pattern of optional parts) must still move on.
    pos = begin + std::max<std::size_t>(found.size(), 1);
  }
}

std::optional<Decimal> FigureRules::shared_factor(std::string_view number, std::string_view max) const {
  if (!factor_suffix_ || RE2::PartialMatch(number, *factor_any_)) return std::nullopt;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(factor_suffix_->NumberOfCapturingGroups() + 1));
  if (!factor_suffix_->Match(max, 0, max.size(), RE2::UNANCHORED,
                             groups.data(), static_cast<int>(groups.size())))
    return std::nullopt;
  for (const Group& g : suffix_groups_)
    if (groups[g.index].data()) return factors_[g.item];
  return std::nullopt;
}

}  // namespace zhmine
