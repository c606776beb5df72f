#include "zhmine/text/punctuation.hpp"

#include <algorithm>
#include <stdexcept>

#include "zhmine/text/utf8.hpp"

namespace zhmine {

// data/punctuation.txt, embedded at build time (generated/punctuation_data.cpp).
extern const char kPunctuationData[];

namespace {

constexpr std::string_view kClassNames[] = {
    "label_end",  "sentence_end",  "placeholder_pause", "heading_after_space", "item_start",
    "line_end",   "closing_quote", "diff_sentence_end", "diff_closing", "body_line_end", "announce",
};

Marks parse_marks(std::string_view text, std::size_t line) {
  Marks marks;
  for (std::size_t at = 0; at < text.size();) {
    if (text[at] == '\\') {
      const char escaped = at + 1 < text.size() ? text[at + 1] : '\0';
      const char32_t c = escaped == 's' ? U' ' : escaped == 't' ? U'\t' : escaped == 'n' ? U'\n'
                         : escaped == '\\' ? U'\\' : 0;
      if (c == 0)
        throw std::invalid_argument("line " + std::to_string(line) + ": unknown escape (\\s, \\t, \\n or \\\\)");
      marks.add(c);
      at += 2;
      continue;
    }
    if (text[at] == ' ' || text[at] == '\t')
      throw std::invalid_argument("line " + std::to_string(line) + ": a blank among the marks (write \\s or \\t)");
    const utf8::Decoded d = utf8::decode(text, at);
    if (!d.valid) throw std::invalid_argument("line " + std::to_string(line) + ": not valid UTF-8");
    marks.add(d.code_point);
    at += d.length;
  }
  return marks;
}

}  // namespace

void Marks::add(char32_t c) {
  if (c < 0x10000) bmp_.set(c);
  else astral_.push_back(c);
  const auto first = static_cast<unsigned char>(utf8::encode(c)[0]);
  if (!leads_[first]) first_bytes_.push_back(static_cast<char>(first));
  leads_[first] = true;
}

bool ends_with_mark(std::string_view text, MarkClass mark_class) {
  // Back over the last character's continuation bytes to its lead byte.
  std::size_t lead = text.size();
  while (lead > 0 && (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead == 0) return false;
  --lead;
  const utf8::Decoded last = utf8::decode(text, lead);
  return last.valid && lead + last.length == text.size() && marks(mark_class).contains(last.code_point);
}

std::string_view mark_class_name(MarkClass mark_class) { return kClassNames[static_cast<std::size_t>(mark_class)]; }

std::vector<std::pair<std::string, Marks>> parse_punctuation(std::string_view text) {
  std::vector<std::pair<std::string, Marks>> classes;
  std::size_t number = 0;
  for (std::size_t start = 0; start < text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos || colon == 0)
      throw std::invalid_argument("line " + std::to_string(number + 1) + ": expected 'name: marks'");
    classes.emplace_back(std::string(line.substr(0, colon)), parse_marks(line.substr(colon + 2), number + 1));
  }
  return classes;
}

const Marks& marks(MarkClass mark_class) {
  static const std::vector<Marks> by_class = [] {
    const auto classes = parse_punctuation(kPunctuationData);
    std::vector<Marks> out;
    for (std::string_view name : kClassNames) {
      auto it = std::find_if(classes.begin(), classes.end(), [&](const auto& c) { return c.first == name; });
      // The built-in file is checked by the tests: a class missing is a build gone wrong.
      if (it == classes.end()) throw std::logic_error("data/punctuation.txt has no class '" + std::string(name) + "'");
      out.push_back(it->second);
    }
    return out;
  }();
  return by_class[static_cast<std::size_t>(mark_class)];
}

}  // namespace zhmine
