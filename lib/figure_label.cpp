#include "zhmine/figure_label.hpp"

#include <array>

#include <re2/re2.h>

#include "zhmine/utf8.hpp"

namespace zhmine {

namespace {

// A label is a phrase, not a clause: past this many characters it is cut,
// keeping the end nearest the figure.
constexpr std::size_t kLabelChars = 12;

// Punctuation that ends a phrase; spaces too, since normalized text keeps a
// space only where the writer set a phrase apart (发放慰问资金 36 万元).
bool ends_phrase(char32_t c) {
  static constexpr std::u32string_view kMarks = U",.;:!?()[]<>\"'，。；：、！？（）【】《》〈〉“”‘’「」『』…—";
  return c == U' ' || c == U'\t' || kMarks.find(c) != std::u32string_view::npos;
}

bool ends_sentence(char32_t c) {
  static constexpr std::u32string_view kMarks = U"。！？；!?;";
  return kMarks.find(c) != std::u32string_view::npos;
}

// Offsets of the code points of `text`, and its size at the end.
std::vector<std::size_t> starts_of(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); i += utf8::decode(text, i).length) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

FigureLabeler::FigureLabeler(const RuleBook& book) {
  for (const Rule* rule : book.rules("labels")) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(rule->pattern, options);
    const std::string where = rule->file + ":" + std::to_string(rule->line) + ": rule " + rule->id + ": ";
    if (!re->ok()) throw RuleError(where + "bad pattern: " + re->error());
    const std::string trim = rule->get("trim");
    if (trim == "lead") lead_.push_back(std::move(re));
    else if (trim == "tail") tail_.push_back(std::move(re));
    else throw RuleError(where + "trim must be lead or tail");
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
    const std::vector<std::size_t> starts = starts_of(before);
    std::size_t from = 0;
    for (std::size_t k = 0; k + 1 < starts.size(); ++k)
      if (ends_phrase(utf8::decode(before, starts[k]).code_point)) from = starts[k + 1];
    before = trimmed(before.substr(from));
    const std::vector<std::size_t> kept = starts_of(before);
    if (kept.size() > kLabelChars + 1) before.remove_prefix(kept[kept.size() - 1 - kLabelChars]);
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

std::string_view sentence_around(std::string_view line, std::size_t begin, std::size_t end) {
  std::size_t from = 0, to = line.size();
  for (std::size_t i = 0; i < line.size();) {
    const utf8::Decoded d = utf8::decode(line, i);
    i += d.length;
    if (!ends_sentence(d.code_point)) continue;
    if (i <= begin) from = i;
    else if (i >= end) {
      to = i;
      break;
    }
  }
  return trim_spaces(line.substr(from, to - from));
}

}  // namespace zhmine
