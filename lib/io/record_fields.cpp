#include "zhmine/io/record_fields.hpp"

#include <cstring>
#include <stdexcept>

#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

[[noreturn]] void fail(const char* what, std::size_t at) {
  throw std::invalid_argument(std::string("not a JSON record: ") + what + " at byte " + std::to_string(at + 1));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view s, std::size_t at) {
  while (at < s.size() && is_space(s[at])) ++at;
  return at;
}

// One past the closing quote of the string whose opening quote is at `at`.
// memchr finds each quote; one is the end unless an odd run of backslashes
// stands before it.
std::size_t string_end(std::string_view s, std::size_t at) {
  for (std::size_t from = at + 1; from < s.size();) {
    const void* hit = std::memchr(s.data() + from, '"', s.size() - from);
    if (!hit) break;
    const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > at + 1 && s[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
  fail("unterminated string", at);
}

// One past the end of the value that starts at `at`: a string, an object or
// array (brackets balanced, strings skipped), or a bare number, true, false
// or null.
std::size_t value_end(std::string_view s, std::size_t at) {
  if (at >= s.size()) fail("missing value", at);
  if (s[at] == '"') return string_end(s, at);
  if (s[at] == '{' || s[at] == '[') {
    std::string closers;  // of the brackets open, innermost last
    for (std::size_t i = at; i < s.size();) {
      const char c = s[i];
      if (c == '"') {
        i = string_end(s, i);
        continue;
      }
      if (c == '{' || c == '[') closers.push_back(c == '{' ? '}' : ']');
      if (c == '}' || c == ']') {
        if (c != closers.back()) fail("mismatched bracket", i);
        closers.pop_back();
        if (closers.empty()) return i + 1;
      }
      ++i;
    }
    fail("unbalanced brackets", at);
  }
  std::size_t end = at;
  while (end < s.size() && s[end] != ',' && s[end] != '}' && s[end] != ']' && !is_space(s[end])) ++end;
  if (end == at) fail("missing value", at);
  return end;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of \uXXXX whose XXXX starts at `at`.
char32_t hex4(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) fail("short \\u escape", at);
  char32_t unit = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int d = hex_digit(s[at + k]);
    if (d < 0) fail("bad \\u escape", at);
    unit = unit * 16 + static_cast<char32_t>(d);
  }
  return unit;
}

}  // namespace

RecordFields::RecordFields(std::string_view line) {
  std::size_t at = skip_space(line, 0);
  if (at >= line.size() || line[at] != '{') fail("no object", at);
  at = skip_space(line, at + 1);
  if (at < line.size() && line[at] == '}') {
    at = skip_space(line, at + 1);
  } else {
    for (;;) {
      if (at >= line.size() || line[at] != '"') fail("no key", at);
      const std::size_t key_end = string_end(line, at);
      const std::string_view key = line.substr(at + 1, key_end - at - 2);
      at = skip_space(line, key_end);
      if (at >= line.size() || line[at] != ':') fail("no colon", at);
      at = skip_space(line, at + 1);
      const std::size_t end = value_end(line, at);
      fields_.emplace_back(key, line.substr(at, end - at));
      at = skip_space(line, end);
      if (at < line.size() && line[at] == ',') {
        at = skip_space(line, at + 1);
        continue;
      }
      if (at >= line.size() || line[at] != '}') fail("no comma or closing brace", at);
      at = skip_space(line, at + 1);
      break;
    }
  }
  if (at != line.size()) fail("text after the object", at);
}

std::string_view RecordFields::raw(std::string_view key) const {
  for (const auto& [k, value] : fields_) {
    if (k == key) return value;
    // A key written with escapes ("un\t") is compared as it reads (zhmine
    // writes none).
    if (k.find('\\') != std::string_view::npos && unescape("\"" + std::string(k) + "\"") == key) return value;
  }
  return {};
}

std::string RecordFields::unescape(std::string_view quoted) {
  const std::string_view s = quoted.substr(1, quoted.size() - 2);
  std::string out;
  out.reserve(s.size());
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t backslash = std::min(s.find('\\', at), s.size());
    out.append(s, at, backslash - at);
    if (backslash + 1 >= s.size()) break;
    const char e = s[backslash + 1];
    at = backslash + 2;
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        char32_t c = hex4(s, at);
        at += 4;
        // A high surrogate and the low one after it are one character.
        if (c >= 0xD800 && c < 0xDC00 && at + 6 <= s.size() && s[at] == '\\' && s[at + 1] == 'u') {
          const char32_t low = hex4(s, at + 2);
          if (low >= 0xDC00 && low < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            at += 6;
          }
        }
        // A lone surrogate is no character: U+FFFD stands for it.
        if (c >= 0xD800 && c < 0xE000) c = 0xFFFD;
        utf8::append(out, c);
        break;
      }
      default: fail("bad escape", backslash);
    }
  }
  return out;
}

}  // namespace zhmine
