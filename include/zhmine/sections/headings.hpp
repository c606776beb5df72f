// Heading enumerators (一、 (一) 1. (1) ① 第一章 …): recognizing them is
// driven by the rules of set "headings" (patterns/headings.rules), one rule
// per numbering style; a new style is a rule, not code.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

// An enumerator found at the start of some text.
struct Enumerator {
  std::size_t style;    // index of its style in HeadingStyles
  std::size_t length;   // bytes of the enumerator itself ("(一)", "1、")
  int value;            // the number it gives: 一 → 1, ⑫ → 12
};

// Where a heading's parts lie in its line, as byte offsets: the enumerator
// starts at `start`, the heading text is [text_begin, text_end) and the
// section body starts at `body` (after a 。 or the spaces that end the
// heading; the line's end for a heading alone on its line).
struct HeadingSpan {
  std::size_t start;
  std::size_t text_begin;
  std::size_t text_end;
  std::size_t body;
};

class HeadingStyles {
 public:
  // Compiles the rules of set "headings" (but those with "kind title", the
  // unnumbered part titles); throws RuleError for a pattern RE2 rejects or a
  // numeral no style can read.
  explicit HeadingStyles(const std::vector<const Rule*>& rules);
  HeadingStyles(HeadingStyles&&) noexcept;
  ~HeadingStyles();

  // The enumerator at the very start of `text`, if any style finds one.
  std::optional<Enumerator> match(std::string_view text) const;
  // Whether some style's enumerator may start with `c`: the look-up match()
  // makes first, for scans that test many places.
  bool may_start(char32_t c) const { return any_first_ || (c < first_.size() && first_[c]); }

  const std::string& id(std::size_t style) const { return styles_[style].id; }
  // Whether enumerators of this style are also glued page numbers.
  bool page_number(std::size_t style) const { return styles_[style].page_number; }
  // Whether enumerators of this style may start a heading inside a line, or
  // only at a line's start (第一，: inside a paragraph it is a point).
  bool inline_ok(std::size_t style) const { return styles_[style].inline_ok; }
  // The first marker of this style as it may stand glued to the word before
  // it (主要一是…), and the characters after which it is part of a word
  // instead (统一是); empty when the style's markers never stand glued.
  const std::string& glued(std::size_t style) const { return styles_[style].glued; }
  const std::string& not_after(std::size_t style) const { return styles_[style].not_after; }
  std::size_t size() const { return styles_.size(); }

 private:
  struct Style {
    std::string id;
    std::unique_ptr<re2::RE2> re;
    bool page_number = false;
    bool inline_ok = true;
    std::string glued, not_after;
    std::vector<char32_t> first;  // sorted; empty: any character
  };
  std::vector<Style> styles_;
  // The characters some style can start with (all, when a style does not
  // say): most lines are ruled out by one look-up, before any RE2 call.
  std::vector<bool> first_;  // indexed by code point, BMP only
  bool any_first_ = false;
};

// The heading that starts at `start` of `line` with enumerator `e`: its text
// runs to the first 。, to spaces followed by body text, or to the line's end.
HeadingSpan heading_span(std::string_view line, std::size_t start, const Enumerator& e);

// The value of an enumerator's numeral: Arabic digits, Chinese numerals
// (十一, 二十, 一百零五), circled and parenthesized digits (①, ⑴), Roman
// numerals (Ⅳ). nullopt when `numeral` is none of them.
std::optional<int> numeral_value(std::string_view numeral);

// The "patterns test" hook for set "headings": an example "TEXT => NUMBER
// VALUE" holds when this rule's style reads enumerator NUMBER of value VALUE
// at the start of TEXT. Returns "" when it holds, else what went wrong.
std::string check_heading_example(const RuleBook& book, const Rule& rule, const RuleExample& example);

}  // namespace zhmine
