#include "zhmine/figures/figure_label.hpp"

#include <algorithm>
#include <array>

#include <memory>

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "zhmine/text/punctuation.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

// A label is a phrase, not a clause: past this many characters it is cut,
// keeping the end nearest the figure, at the start of a word.
constexpr std::size_t kLabelChars = 12;

// How far a label may run past kLabelChars to begin at a word boundary.
constexpr std::size_t kReachChars = 6;

bool ends_phrase(char32_t c) { return marks(MarkClass::label_end).contains(c); }

// Where in `phrase` (bytes) the word holding byte `cut` begins, looking back
// at most kReachChars characters: 居民人均可支配收入, not 民人均可支配收入.
// ICU's dictionary word breaks; `cut` itself when it is a boundary or none
// is in reach.
std::size_t word_start(std::string_view phrase, std::size_t cut) {
  std::size_t from = cut;
  for (std::size_t n = 0; n < kReachChars && from > 0; ++n)
    do --from;
    while (from > 0 && (static_cast<unsigned char>(phrase[from]) & 0xC0) == 0x80);
  if (from == cut) return cut;
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  if (!words) return cut;
  const std::string_view window = phrase.substr(from);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(window.data(), static_cast<int32_t>(window.size())));
  const int32_t target =
      icu::UnicodeString::fromUTF8(icu::StringPiece(window.data(), static_cast<int32_t>(cut - from))).length();
  words->setText(text);
  if (words->isBoundary(target)) return cut;
  const int32_t before = words->preceding(target);
  if (before == icu::BreakIterator::DONE || before <= 0) return cut;
  // Back to bytes: the UTF-8 length of the first `before` code units.
  std::string prefix;
  text.tempSubString(0, before).toUTF8String(prefix);
  return from + prefix.size();
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

FigureLabeler::FigureLabeler(const RuleBook& book) {
  for (const Rule* rule : book.rules("labels")) {
    auto re = compile_rule(*rule);
    const std::string trim = rule->get("trim");
    if (trim == "lead") lead_.push_back(std::move(re));
    else if (trim == "tail") tail_.push_back(std::move(re));
    else throw rule_error(*rule, "trim must be lead or tail");
  }
}

FigureLabeler::~FigureLabeler() = default;

std::string_view FigureLabeler::trimmed(std::string_view phrase) const {
  re2::StringPiece found;
  for (const auto& re : lead_)
    if (re->Match(phrase, 0, phrase.size(), RE2::ANCHOR_START, &found, 1)) phrase.remove_prefix(found.size());
  for (const auto& re : tail_)
    if (re->Match(phrase, 0, phrase.size(), RE2::UNANCHORED, &found, 1) &&
        found.data() + found.size() == phrase.data() + phrase.size())
      phrase.remove_suffix(found.size());
  return trim_spaces(phrase);
}

std::string FigureLabeler::label(std::string_view line, std::size_t floor, std::size_t begin, std::size_t end,
                                 bool after_first) const {
  // Before: back from the figure to the end of the previous phrase.
  std::string_view before = trim_spaces(line.substr(floor, begin - floor));
  {
    std::size_t from = 0;
    for (std::size_t i = 0; i < before.size();) {
      const utf8::Decoded d = utf8::decode(before, i);
      i += d.length;
      if (ends_phrase(d.code_point)) from = i;
    }
    before = trimmed(before.substr(from));
    // Keep the last kLabelChars code points: the starts of the last
    // kLabelChars + 1 (the end included) in a ring.
    std::array<std::size_t, kLabelChars + 1> ring{};
    std::size_t count = 0;
    for (std::size_t i = 0; i < before.size(); i += utf8::decode(before, i).length) ring[count++ % ring.size()] = i;
    ring[count++ % ring.size()] = before.size();
    if (count > kLabelChars + 1) before.remove_prefix(word_start(before, ring[(count - 1 - kLabelChars) % ring.size()]));
  }
  // After: forward from the figure to the end of its phrase.
  std::string_view after = line.substr(end);
  {
    std::size_t to = 0, chars = 0;
    while (to < after.size() && chars < kLabelChars) {
      const utf8::Decoded d = utf8::decode(after, to);
      // A digit begins the next figure, never part of this one's noun.
      if (ends_phrase(d.code_point) || (d.code_point >= U'0' && d.code_point <= U'9')) break;
      to += d.length;
      ++chars;
    }
    after = trimmed(after.substr(0, to));
  }
  if (after_first && !after.empty()) return std::string(after);
  return std::string(before.empty() ? after : before);
}

void sentence_ends(std::string_view line, std::vector<std::size_t>& ends) {
  const Marks& sentence_end = marks(MarkClass::sentence_end);
  ends.clear();
  for (std::size_t i = 0; i < line.size();) {
    const auto b = static_cast<unsigned char>(line[i]);
    if (!sentence_end.may_begin(b)) {
      i += b < 0x80 ? 1 : utf8::decode(line, i).length;
      continue;
    }
    const utf8::Decoded d = utf8::decode(line, i);
    i += d.length;
    if (sentence_end.contains(d.code_point)) ends.push_back(i);
  }
}

std::string_view sentence_around(std::string_view line, const std::vector<std::size_t>& ends, std::size_t begin,
                                 std::size_t end) {
  std::size_t from = 0, to = line.size();
  // The last end at or before the figure, the first at or after its end.
  auto it = std::upper_bound(ends.begin(), ends.end(), begin);
  if (it != ends.begin()) from = *(it - 1);
  it = std::lower_bound(it, ends.end(), end);
  if (it != ends.end()) to = *it;
  // A "sentence" with no full stop for pages (a scraped table, a line of
  // 200 MB) would be copied into every figure's record: keep a window
  // around the figure instead, cut at character boundaries.
  if (to - from > kMaxSentenceBytes) {
    const std::size_t margin = (kMaxSentenceBytes - std::min(end - begin, kMaxSentenceBytes)) / 2;
    from = std::max(from, begin > margin ? begin - margin : 0);
    to = std::min(to, end + margin);
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
    while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
  }
  return trim_spaces(line.substr(from, to - from));
}

std::string_view sentence_around(std::string_view line, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> ends;
  sentence_ends(line, ends);
  return sentence_around(line, ends, begin, end);
}

}  // namespace zhmine
