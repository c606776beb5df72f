// UTF-8 primitives. Everything zhmine holds in memory is UTF-8; these are the
// only places that look at its bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zhmine::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// One decoded code point; `length` is the number of bytes it took (≥ 1 even
// for an invalid sequence, so a caller always makes progress).
struct Decoded {
  char32_t code_point;
  std::uint8_t length;
  bool valid;
};

// Decodes the sequence at text[pos] (pos < text.size()). Invalid input (bad
// lead byte, truncated or overlong sequence, surrogate, > U+10FFFF) yields
// U+FFFD and the length of its maximal subpart, as the Unicode standard
// recommends. Inline: it is the inner loop of every scan.
inline Decoded decode(std::string_view text, std::size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t avail = text.size() - pos;
  const unsigned char b0 = s[0];
  if (b0 < 0x80) return {b0, 1, true};
  // The bounds of the second byte follow Table 3-7 of the Unicode standard, so
  // overlong forms and surrogates are rejected at their first bad byte.
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kReplacement, 1, false};
  }
  for (std::size_t i = 1; i <= need; ++i) {
    if (i >= avail) return {kReplacement, static_cast<std::uint8_t>(i), false};
    const unsigned char b = s[i];
    if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80)
      return {kReplacement, static_cast<std::uint8_t>(i), false};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, static_cast<std::uint8_t>(need + 1), true};
}

void append(std::string& out, char32_t code_point);
std::string encode(char32_t code_point);
std::string encode(std::u32string_view code_points);

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t find_invalid(std::string_view text);

// Copies `text`, replacing each invalid sequence by U+FFFD.
std::string repair(std::string_view text);

// Number of code points in text: its bytes that are no continuation byte
// (valid UTF-8 assumed; an invalid lead byte counts one, a stray
// continuation byte none).
std::size_t count_code_points(std::string_view text);

}  // namespace zhmine::utf8
