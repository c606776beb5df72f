#include "zhmine/text/utf8.hpp"

#include <algorithm>

#include "zhmine/text/byte_scan.hpp"

namespace zhmine::utf8 {

namespace {

constexpr bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

std::string encode(std::u32string_view cps) {
  std::string out;
  for (char32_t cp : cps) append(out, cp);
  return out;
}

std::size_t find_invalid(std::string_view text) {
  std::size_t pos = 0;
  const std::size_t n = text.size();
  while (pos < n) {
    // ASCII runs dominate markup and numbers: skip them eight bytes at a time.
    while (pos + 8 <= n) {
      std::uint64_t word;
      __builtin_memcpy(&word, text.data() + pos, 8);
      if (word & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= n) break;
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
      ++pos;
      continue;
    }
    // Most Chinese text is three-byte sequences with leads E1–EC and EE–EF,
    // whose second byte has no extra bounds: check those inline.
    if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && pos + 2 < n &&
        (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(text[pos + 2]) & 0xC0) == 0x80) {
      pos += 3;
      continue;
    }
    const Decoded d = decode(text, pos);
    if (!d.valid) return pos;
    pos += d.length;
  }
  return std::string_view::npos;
}

std::string repair(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded d = decode(text, pos);
    if (d.valid) out.append(text.substr(pos, d.length));
    else append(out, kReplacement);
    pos += d.length;
  }
  return out;
}

std::size_t count_code_points(std::string_view text) {
  // Sixteen bytes at a time: each lane counts the bytes that are no
  // continuation byte (0x80–0xBF), up to 255 before the lanes are summed.
  std::size_t n = 0, i = 0;
  while (i + 16 <= text.size()) {
    scan::Bytes16 lanes{};
    for (std::size_t stop = i + 16 * std::min<std::size_t>(255, (text.size() - i) / 16); i < stop; i += 16) {
      const scan::Bytes16 v = scan::load(text.data() + i);
      lanes += ((v & 0xC0) != 0x80) & 1;  // a true lane is all ones
    }
    for (std::size_t k = 0; k < 16; ++k) n += lanes[k];
  }
  for (; i < text.size(); ++i) n += !is_continuation(static_cast<unsigned char>(text[i]));
  return n;
}

}  // namespace zhmine::utf8
