#include "zhmine/figures/figure_rules.hpp"

#include <atomic>
#include <string>
#include <unordered_map>

#include <re2/re2.h>

#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

[[noreturn]] void bad_rule(const Rule& rule, const std::string& message) { throw rule_error(rule, message); }

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
    if (const RE2 one(rule->pattern, alone); !one.ok()) bad_rule(*rule, "pattern does not compile: " + one.error());
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

// A units rule's UnitInfo: unit, kind, label, currency and parts
// ("角=0.1,分=0.01").
UnitInfo unit_info(const Rule& rule) {
  UnitInfo info{required(rule, "unit"), required(rule, "kind"), LabelPlace::before, rule.get("currency"), {}};
  const std::string label = rule.get("label", "before");
  if (label == "after") info.label = LabelPlace::after;
  else if (label == "unit") info.label = LabelPlace::unit;
  else if (label != "before") bad_rule(rule, "label must be before, after or unit");
  const std::string parts = rule.get("parts");
  for (std::size_t from = 0; from < parts.size();) {
    std::size_t comma = parts.find(',', from);
    if (comma == std::string::npos) comma = parts.size();
    const std::string part = parts.substr(from, comma - from);
    const std::size_t eq = part.find('=');
    const std::optional<Decimal> factor =
        eq == std::string::npos ? std::nullopt : Decimal::parse(part.substr(eq + 1));
    if (!factor || eq == 0) bad_rule(rule, "parts must read UNIT=FACTOR,…: \"" + part + "\"");
    info.parts.emplace_back(part.substr(0, eq), *factor);
    from = comma + 1;
  }
  return info;
}

}  // namespace

FigureRules::FigureRules(const RuleBook& book) {
  // The characters a rule's figures can begin with (its "chars"): a line
  // without any is skipped before the regular expression runs.
  auto may_start = [&](const Rule& rule) {
    const std::string chars = rule.get("chars");
    for (std::size_t i = 0; i < chars.size();) {
      const utf8::Decoded d = utf8::decode(chars, i);
      if (d.code_point < starts_.size()) starts_.set(d.code_point);
      i += d.length;
    }
  };
  std::vector<const Rule*> numerals, placeholders, ranges, across, multipliers, words, units, symbols, before, mid,
      after;
  for (const Rule* rule : book.rules("numerals")) {
    require_pattern(*rule);
    const std::string role = required(*rule, "role");
    if (role == "numeral") numerals.push_back(rule);
    else if (role == "placeholder") placeholders.push_back(rule);
    else if (role == "range") (rule->get("across") == "yes" ? across : ranges).push_back(rule);
    else if (role == "multiplier") multipliers.push_back(rule);
    else if (role == "percent" || role == "fraction" || role == "doubling") words.push_back(rule);
    else
      bad_rule(*rule, "role must be numeral, placeholder, range, multiplier, percent, fraction or doubling, not \"" +
                          role + "\"");
    may_start(*rule);
  }
  for (const Rule* rule : multipliers) {
    const std::optional<Decimal> factor = Decimal::parse(required(*rule, "factor"));
    if (!factor) bad_rule(*rule, "factor must be a number");
    factors_.push_back(*factor);
  }
  for (const Rule* rule : book.rules("units")) {
    require_pattern(*rule);
    units_.push_back(unit_info(*rule));
    units.push_back(rule);
  }
  word_units_ = units_.size();
  for (const Rule* rule : words) {
    units_.push_back(unit_info(*rule));
    const std::string role = rule->get("role");
    readings_.push_back(role == "percent" ? WordReading::percent
                        : role == "fraction" ? WordReading::fraction
                                             : WordReading::doubling);
  }
  symbol_units_ = units_.size();
  for (const Rule* rule : book.rules("symbols")) {
    require_pattern(*rule);
    units_.push_back(unit_info(*rule));
    symbols.push_back(rule);
    may_start(*rule);
  }
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
  for (const Rule* rule : before) not_after_.push_back(rule->get("not_after"));

  std::vector<const Rule*> figure_rules;
  for (const auto* set :
       {&numerals, &placeholders, &ranges, &across, &multipliers, &words, &units, &symbols, &before, &mid, &after})
    figure_rules.insert(figure_rules.end(), set->begin(), set->end());
  for (const Rule* rule : figure_rules) context_free_ = context_free_ && !may_look_around(rule->pattern);

  // One group per role, not per rule: RE2 picks a match apart in time that
  // grows with the groups it carries (docs/extract-figures.md, "Speed").
  //   [before] ( WORD
  //            | SYMBOL NUMBER
  //            | (PLACEHOLDER | NUMBER) [[UNIT] ACROSS MAX | RANGE MAX] [MID] [MULTIPLIER] UNIT ) [after]
  // A range's lower end may carry the unit only across a dash or 至/到
  // (6%-6.5%, 十五亿元到二十亿元), never across 、 (6%、8% is a list).
  const std::string number = alternatives(numerals), unit = alternatives(units);
  std::string pattern;
  if (!before.empty()) pattern += "(?:(?P<before>" + alternatives(before) + ")\\s*)?";
  pattern += "(?:";
  if (!words.empty()) pattern += "(?P<word>" + alternatives(words) + ")|";
  if (!symbols.empty()) pattern += "(?P<symbol>" + alternatives(symbols) + ")\\s*(?P<symbol_number>" + number + ")|";
  pattern += "(?:";
  if (!placeholders.empty()) pattern += "(?P<placeholder>" + alternatives(placeholders) + ")|";
  pattern += "(?P<number>" + number + "))";
  std::string range;
  if (!across.empty()) range += "(?:\\s*(?:" + unit + "))?\\s*(?:" + alternatives(across) + ")";
  if (!ranges.empty()) range += std::string(range.empty() ? "" : "|") + "\\s*(?:" + alternatives(ranges) + ")";
  if (!range.empty()) pattern += "(?:(?:" + range + ")\\s*(?P<max>" + number + "))?";
  if (!mid.empty()) pattern += "(?:\\s*(?P<mid>" + alternatives(mid) + "))?";
  if (!multipliers.empty()) pattern += "(?:\\s*(?P<multiplier>" + alternatives(multipliers) + "))?";
  pattern += "\\s*(?P<unit>" + unit + "))";
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
  symbol_number_ = index("symbol_number");
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
  role("word", words, word_);
  role("symbol", symbols, symbol_);
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
  std::uint32_t unit_begin = 0, unit_end = 0, multiplier_begin = 0, multiplier_end = 0, before_end = 0;
  bool has_number = false, has_max = false, placeholder = false;
  int word = -1;  // the word rule, for a figure of one word
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
  parts.word = rule(word_);
  parts.placeholder = matched(placeholder_);
  const bool symbol = matched(symbol_.index);
  const int number = parts.word >= 0 ? word_.index
                     : parts.placeholder ? placeholder_
                     : symbol           ? symbol_number_
                                        : number_;
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
  if (parts.word >= 0) {
    parts.unit = static_cast<int>(word_units_) + parts.word;
  } else if (symbol) {
    const int i = rule(symbol_);
    parts.unit = i < 0 ? -1 : static_cast<int>(symbol_units_) + i;
  } else {
    parts.unit = rule(unit_);
    if (matched(unit_.index)) {
      parts.unit_begin = static_cast<std::uint32_t>(from(unit_.index) - begin);
      parts.unit_end = static_cast<std::uint32_t>(parts.unit_begin + groups[unit_.index].size());
    }
    // RE2 may split 5000万千瓦 as 5000万千 + 瓦: a magnitude that begins a
    // longer unit (千瓦, 千克, 千米) belongs to the unit.
    constexpr std::size_t kMagnitudeBytes = 3;  // 十百千万亿 in UTF-8
    static constexpr std::string_view kMagnitudes = "十百千万亿";
    if (parts.has_number && !parts.has_max && parts.unit >= 0 && parts.unit_begin == parts.number_end &&
        parts.number_end - parts.number_begin > kMagnitudeBytes) {
      const std::size_t at = begin + parts.number_end - kMagnitudeBytes;
      if (kMagnitudes.find(line.substr(at, kMagnitudeBytes)) != std::string_view::npos) {
        if (const int longer = pick(unit_, line, at, begin + parts.unit_end); longer >= 0) {
          parts.unit = longer;
          parts.number_end -= kMagnitudeBytes;
          parts.unit_begin -= kMagnitudeBytes;
        }
      }
    }
  }
  parts.factor = rule(multiplier_);
  if (parts.factor >= 0) {
    parts.multiplier_begin = static_cast<std::uint32_t>(from(multiplier_.index) - begin);
    parts.multiplier_end = static_cast<std::uint32_t>(parts.multiplier_begin + groups[multiplier_.index].size());
  }
  parts.before = rule(before_);
  if (parts.before >= 0)
    parts.before_end = static_cast<std::uint32_t>(from(before_.index) + groups[before_.index].size() - begin);
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
    if (parts.word >= 0) match.word = readings_[static_cast<std::size_t>(parts.word)];
    match.placeholder = parts.placeholder;
    if (parts.has_number) match.number = text.substr(parts.number_begin, parts.number_end - parts.number_begin);
    if (parts.has_max) match.max = text.substr(parts.max_begin, parts.max_end - parts.max_begin);
    match.unit = &units_[static_cast<std::size_t>(parts.unit)];
    match.unit_text = text.substr(parts.unit_begin, parts.unit_end - parts.unit_begin);
    if (parts.factor >= 0) {
      match.factor = factors_[static_cast<std::size_t>(parts.factor)];
      match.multiplier = text.substr(parts.multiplier_begin, parts.multiplier_end - parts.multiplier_begin);
    }
    if (parts.before >= 0) {
      match.before = qualifiers_[static_cast<std::size_t>(parts.before)];
      match.before_text = text.substr(0, parts.before_end);
      match.before_not_after = not_after_[static_cast<std::size_t>(parts.before)];
    }
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
    // The next trap may begin inside this one (处理一批: 处理, then 理一批,
    // the article), so the search goes on from the next character.
    pos = begin + 1;
    while (pos < line.size() && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) ++pos;
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
