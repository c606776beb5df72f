#include "zhmine/text/fold_data.hpp"

#include <cctype>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, int line, const std::string& what) {
  throw std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + what);
}

// The fields of a line before its "#" comment, split on blanks.
std::vector<std::string_view> fields(std::string_view line) {
  if (const auto hash = line.find('#'); hash != std::string_view::npos && hash > 0)
    line = line.substr(0, hash);
  else if (hash == 0)
    return {};
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\r')) ++pos;
    const std::size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t' && line[pos] != '\r') ++pos;
    if (pos > start) out.push_back(line.substr(start, pos - start));
  }
  return out;
}

// "U+XXXX" or exactly one literal character.
std::optional<char32_t> parse_char(std::string_view field) {
  if (field.size() > 2 && field[0] == 'U' && field[1] == '+') {
    char32_t cp = 0;
    for (char c : field.substr(2)) {
      const int digit = std::isxdigit(static_cast<unsigned char>(c))
                            ? (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10)
                            : -1;
      if (digit < 0 || cp > 0x10FFFF) return std::nullopt;
      cp = cp * 16 + static_cast<char32_t>(digit);
    }
    return cp <= 0x10FFFF ? std::optional<char32_t>(cp) : std::nullopt;
  }
  const utf8::Decoded d = utf8::decode(field, 0);
  if (!d.valid || d.length != field.size()) return std::nullopt;
  return d.code_point;
}

template <typename OnFields>
void for_each_entry(const std::filesystem::path& file, OnFields on_fields) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot open");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const auto f = fields(line);
    if (!f.empty()) on_fields(f, number);
  }
}

std::u32string decode_all(std::string_view text, const std::filesystem::path& file, int line) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const utf8::Decoded d = utf8::decode(text, pos);
    if (!d.valid) fail(file, line, "not valid UTF-8");
    out.push_back(d.code_point);
    pos += d.length;
  }
  return out;
}

}  // namespace

CharMapping read_char_mapping(const std::filesystem::path& file) {
  CharMapping mapping;
  for_each_entry(file, [&](const std::vector<std::string_view>& f, int line) {
    if (f.size() != 2) fail(file, line, "expected FROM TO");
    const auto from = parse_char(f[0]);
    if (!from) fail(file, line, "FROM must be one character or U+XXXX");
    std::u32string to;
    if (f[1] != "-") {
      const auto single = parse_char(f[1]);
      to = single ? std::u32string(1, *single) : decode_all(f[1], file, line);
    }
    if (!mapping.emplace(*from, to).second) fail(file, line, "FROM listed twice");
  });
  return mapping;
}

std::set<char32_t> read_char_set(const std::filesystem::path& file) {
  std::set<char32_t> chars;
  for_each_entry(file, [&](const std::vector<std::string_view>& f, int line) {
    const auto c = parse_char(f[0]);
    if (f.size() != 1 || !c) fail(file, line, "expected one character or U+XXXX");
    chars.insert(*c);
  });
  return chars;
}

PhraseMapping read_opencc_dictionary(const std::filesystem::path& file) {
  // Not for_each_entry(): OpenCC's keys may hold '#', and its lines have no comments.
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot open");
  PhraseMapping mapping;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) fail(file, number, "expected KEY<TAB>CANDIDATES");
    const std::string_view candidates = std::string_view(line).substr(tab + 1);
    const std::string_view first = candidates.substr(0, candidates.find(' '));
    if (first.empty()) fail(file, number, "no candidate");
    mapping.emplace(decode_all(std::string_view(line).substr(0, tab), file, number), decode_all(first, file, number));
  }
  return mapping;
}

}  // namespace zhmine
