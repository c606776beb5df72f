#include "zhmine/sections/headings.hpp"

#include <algorithm>

#include <re2/re2.h>

#include "zhmine/figures/numerals.hpp"
#include "zhmine/text/byte_scan.hpp"
#include "zhmine/text/punctuation.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

constexpr std::string_view kFullStop = "。";

// Enumerators and the context their patterns check are short; RE2's search
// for submatches costs in proportion to the text it is given, so it gets
// only this many bytes of a line.
constexpr std::size_t kEnumeratorWindow = 48;

}  // namespace

std::optional<int> numeral_value(std::string_view numeral) {
  if (numeral.empty()) return std::nullopt;
  const utf8::Decoded first = utf8::decode(numeral, 0);
  if (first.length == numeral.size()) {
    const char32_t c = first.code_point;
    if (c >= U'①' && c <= U'⑳') return static_cast<int>(c - U'①') + 1;
    if (c >= U'⑴' && c <= U'⒇') return static_cast<int>(c - U'⑴') + 1;
    if (c >= U'⒈' && c <= U'⒛') return static_cast<int>(c - U'⒈') + 1;
    if (c >= U'Ⅰ' && c <= U'Ⅻ') return static_cast<int>(c - U'Ⅰ') + 1;
    if (c >= U'ⅰ' && c <= U'ⅻ') return static_cast<int>(c - U'ⅰ') + 1;
  }
  // Arabic and Chinese numerals read as everywhere else (十一, 一百零五).
  const std::optional<Decimal> value = parse_numeral(numeral);
  if (!value || !value->is_integer() || value->is_negative() || value->to_double() >= 1e6) return std::nullopt;
  return static_cast<int>(value->to_double());
}

HeadingStyles::HeadingStyles(const std::vector<const Rule*>& rules) : first_(0x10000, false) {
  for (const Rule* rule : rules) {
    if (rule->get("kind") == "title") continue;  // unnumbered part titles: PartTitles
    Style style;
    style.id = rule->id;
    style.re = compile_rule(*rule);
    if (style.re->NumberOfCapturingGroups() < 2)
      throw rule_error(*rule, "a heading pattern needs group 1 (the enumerator) and group 2 (its numeral)");
    style.page_number = rule->get("page-number") == "yes";
    style.inline_ok = rule->get("inline", "yes") == "yes";
    style.glued = rule->get("glued");
    style.not_after = rule->get("not_after");
    const std::string first = rule->get("first");
    for (std::size_t i = 0; i < first.size();) {
      const utf8::Decoded d = utf8::decode(first, i);
      style.first.push_back(d.code_point);
      if (d.code_point < first_.size()) first_[d.code_point] = true;
      else any_first_ = true;
      i += d.length;
    }
    std::sort(style.first.begin(), style.first.end());
    if (style.first.empty()) any_first_ = true;
    styles_.push_back(std::move(style));
  }
}

HeadingStyles::HeadingStyles(HeadingStyles&&) noexcept = default;
HeadingStyles::~HeadingStyles() = default;

std::optional<Enumerator> HeadingStyles::match(std::string_view text) const {
  if (text.empty()) return std::nullopt;
  const char32_t lead = utf8::decode(text, 0).code_point;
  if (!may_start(lead)) return std::nullopt;
  for (std::size_t s = 0; s < styles_.size(); ++s) {
    const Style& style = styles_[s];
    if (!style.first.empty() && !std::binary_search(style.first.begin(), style.first.end(), lead)) continue;
    const std::string_view window = text.substr(0, kEnumeratorWindow);
    // Most lines that pass the first-character test are text (一是…, 2020年…):
    // RE2's DFA rules them out faster than its submatch search would.
    // (RE2::Match directly: PartialMatch's argument parsing is not needed.)
    re2::StringPiece groups[3];
    if (!style.re->Match(window, 0, window.size(), RE2::UNANCHORED, nullptr, 0) ||
        !style.re->Match(window, 0, window.size(), RE2::UNANCHORED, groups, 3))
      continue;
    const re2::StringPiece& enumerator = groups[1];
    const re2::StringPiece& numeral = groups[2];
    const std::optional<int> value = numeral_value(std::string_view(numeral.data(), numeral.size()));
    if (!value) continue;
    return Enumerator{s, enumerator.size(), *value};
  }
  return std::nullopt;
}

HeadingSpan heading_span(std::string_view line, std::size_t start, const Enumerator& e) {
  HeadingSpan span{start, start + e.length, line.size(), line.size()};
  while (span.text_begin < line.size() && line[span.text_begin] == ' ') ++span.text_begin;
  // Only a 。 (first byte 0xE3) or a space can end the heading: the bytes
  // between are skipped sixteen at a time.
  for (std::size_t i = span.text_begin; i < line.size();) {
    i = scan::find_either(line, i, ' ', 0xE3);
    if (i >= line.size()) break;
    if (line[i] != ' ') {
      if (line.compare(i, kFullStop.size(), kFullStop) == 0) {
        span.text_end = i;
        span.body = i + kFullStop.size();
        break;
      }
      ++i;
      continue;
    }
    std::size_t next = i;
    while (next < line.size() && line[next] == ' ') ++next;
    // A mark after the space means a stray space ("为牵引 ,逐步增强" is one
    // heading); anything else starts the body.
    if (next < line.size() && !marks(MarkClass::heading_after_space).contains(utf8::decode(line, next).code_point)) {
      span.text_end = i;
      span.body = next;
      break;
    }
    i = next;
  }
  while (span.text_end > span.text_begin && line[span.text_end - 1] == ' ') --span.text_end;
  while (span.body < line.size() && line[span.body] == ' ') ++span.body;
  return span;
}

std::string check_heading_example(const RuleBook&, const Rule& rule, const RuleExample& example) {
  const HeadingStyles style({&rule});
  const std::optional<Enumerator> e = style.match(example.text);
  if (!e) return "no enumerator read at the start";
  const std::string got = example.text.substr(0, e->length) + " " + std::to_string(e->value);
  return got == example.expect ? "" : "read \"" + got + "\", expected \"" + example.expect + "\"";
}

}  // namespace zhmine
