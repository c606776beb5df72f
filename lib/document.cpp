#include "zhmine/document.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "zhmine/utf8.hpp"

namespace zhmine {

SourceMap SourceMap::lines_of(std::string_view text, std::size_t first_line) {
  SourceMap map;
  std::size_t line = first_line;
  for (std::size_t start = 0;; ++line) {
    map.add({start, line, 0});
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos || nl + 1 >= text.size()) break;
    start = nl + 1;
  }
  return map;
}

SourcePosition SourceMap::locate(std::string_view text, std::size_t offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](std::size_t o, const Piece& p) { return o < p.offset; });
  if (it == pieces_.begin()) return {1, utf8::count_code_points(text.substr(0, offset))};
  const Piece& piece = *std::prev(it);
  const std::string_view between = text.substr(piece.offset, offset - piece.offset);
  // A line break inside a piece moves to the next source line.
  const std::size_t nl = between.rfind('\n');
  if (nl == std::string_view::npos) return {piece.line, piece.column + utf8::count_code_points(between)};
  const auto breaks = static_cast<std::size_t>(std::count(between.begin(), between.end(), '\n'));
  return {piece.line + breaks, utf8::count_code_points(between.substr(nl + 1))};
}

nlohmann::json SourceMap::to_json(std::string_view text) const {
  nlohmann::json out = nlohmann::json::array();
  std::size_t chars = 0, at = 0;
  for (const Piece& p : pieces_) {
    chars += utf8::count_code_points(text.substr(at, p.offset - at));
    at = p.offset;
    out.push_back({chars, p.line, p.column});
  }
  return out;
}

SourceMap SourceMap::from_json(const nlohmann::ordered_json& j, std::string_view text) {
  if (!j.is_array()) throw std::invalid_argument("origin must be an array");
  SourceMap map;
  std::size_t chars = 0, at = 0;
  for (const auto& e : j) {
    if (!e.is_array() || e.size() != 3 || !e[0].is_number_unsigned() || !e[1].is_number_unsigned() ||
        !e[2].is_number_unsigned())
      throw std::invalid_argument("origin entries must be [offset, line, column]");
    const auto target = e[0].get<std::size_t>();
    if (target < chars) throw std::invalid_argument("origin offsets must increase");
    while (chars < target && at < text.size()) {
      at += utf8::decode(text, at).length;
      ++chars;
    }
    if (chars < target) throw std::invalid_argument("origin offset beyond the text");
    map.add({at, e[1].get<std::size_t>(), e[2].get<std::size_t>()});
  }
  return map;
}

std::string document_id(std::string_view bytes) {
  // A word-at-a-time multiply-xorshift hash: stable across machines and
  // versions (it is part of the output format) and far faster than the disk.
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ bytes.size();
  auto mix = [&](std::uint64_t w) {
    h ^= w;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  };
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    mix(w);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  mix(tail);
  h ^= h >> 33;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 29;
  static constexpr char hex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int k = 15; k >= 0; --k, h >>= 4) id[static_cast<std::size_t>(k)] = hex[h & 15];
  return id;
}

}  // namespace zhmine
