#include "zhmine/io/document.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "zhmine/text/utf8.hpp"

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

std::size_t SourceMap::line_at(std::string_view text, std::size_t offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](std::size_t o, const Piece& p) { return o < p.offset; });
  const std::string_view between =
      it == pieces_.begin() ? text.substr(0, offset) : text.substr(std::prev(it)->offset, offset - std::prev(it)->offset);
  const auto breaks = static_cast<std::size_t>(std::count(between.begin(), between.end(), '\n'));
  return (it == pieces_.begin() ? 1 : std::prev(it)->line) + breaks;
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
  DocumentHasher hasher(bytes.size());
  hasher.update(bytes);
  return hasher.id();
}

// A word-at-a-time multiply-xorshift hash: stable across machines and
// versions (it is part of the output format) and far faster than the disk.
DocumentHasher::DocumentHasher(std::uint64_t size) : h_(0x9E3779B97F4A7C15ULL ^ size) {}

void DocumentHasher::mix(std::uint64_t word) {
  h_ ^= word;
  h_ *= 0xBF58476D1CE4E5B9ULL;
  h_ ^= h_ >> 31;
}

void DocumentHasher::update(std::string_view bytes) {
  std::size_t i = 0;
  if (partial_size_ > 0) {
    i = std::min(bytes.size(), 8 - partial_size_);
    std::memcpy(partial_ + partial_size_, bytes.data(), i);
    partial_size_ += i;
    if (partial_size_ < 8) return;
    std::uint64_t w;
    std::memcpy(&w, partial_, 8);
    mix(w);
    partial_size_ = 0;
  }
  // Locally, so that the loop keeps it in a register.
  DocumentHasher local = *this;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    local.mix(w);
  }
  h_ = local.h_;
  partial_size_ = bytes.size() - i;
  std::memcpy(partial_, bytes.data() + i, partial_size_);
}

std::string DocumentHasher::id() const {
  // The last word, zero-padded, is mixed in even when it is empty.
  DocumentHasher last = *this;
  std::uint64_t tail = 0;
  std::memcpy(&tail, partial_, partial_size_);
  last.mix(tail);
  std::uint64_t h = last.h_;
  h ^= h >> 33;
  h *= 0x94D049BB133111EBULL;
  h ^= h >> 29;
  static constexpr char hex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int k = 15; k >= 0; --k, h >>= 4) id[static_cast<std::size_t>(k)] = hex[h & 15];
  return id;
}

}  // namespace zhmine
