// Punctuation classes: the marks that end a label, a sentence, a line …,
// each a set named in data/punctuation.txt (built in), not a list in code.
#pragma once

#include <array>
#include <bitset>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhmine {

// One class of marks.
class Marks {
 public:
  bool contains(char32_t c) const {
    return c < 0x10000 ? bmp_[c] : astral_.find(c) != std::u32string::npos;
  }
  // Whether a UTF-8 sequence beginning with byte `b` can be one of the marks:
  // a scan for them skips every other byte without decoding it.
  bool may_begin(unsigned char b) const { return leads_[b]; }
  // Those bytes, each once: a scan can look for them sixteen bytes at a time.
  const std::string& first_bytes() const { return first_bytes_; }

  void add(char32_t c);

 private:
  std::bitset<0x10000> bmp_;
  std::u32string astral_;
  std::array<bool, 256> leads_{};
  std::string first_bytes_;
};

// The classes zhmine uses, each a line of data/punctuation.txt (see there
// for what each is for).
enum class MarkClass {
  label_end,
  sentence_end,
  placeholder_pause,
  heading_after_space,
  item_start,
  line_end,
  closing_quote,
  diff_sentence_end,
  diff_closing,
  body_line_end,
  announce,
};

// The marks of a class, read from the built-in data/punctuation.txt on
// first use.
const Marks& marks(MarkClass mark_class);

// Whether `text` ends with one of the marks of `mark_class`.
bool ends_with_mark(std::string_view text, MarkClass mark_class);

// Reads a punctuation file's text into its classes, in file order. Throws
// std::invalid_argument naming the line of a malformed one.
std::vector<std::pair<std::string, Marks>> parse_punctuation(std::string_view text);

// The name of a class in data/punctuation.txt.
std::string_view mark_class_name(MarkClass mark_class);

}  // namespace zhmine
