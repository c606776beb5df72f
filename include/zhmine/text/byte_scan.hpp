// Byte searches sixteen bytes at a time (GCC vector extensions: SSE2 on
// x86-64, NEON on ARM), for the scans of segment-sections, JSON escaping and
// counting code points. UTF-8 continuation bytes are 0x80–0xBF, so a search
// for an ASCII byte or a lead byte never lands inside a character.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace zhmine::scan {

// first_set() reads the lanes of a mask as the bytes of two words, lowest
// lane lowest.
static_assert(std::endian::native == std::endian::little, "the byte scans assume a little-endian machine");

typedef unsigned char Bytes16 __attribute__((vector_size(16)));

inline Bytes16 load(const char* p) {
  Bytes16 v;
  std::memcpy(&v, p, 16);
  return v;
}

// The index of the first lane of `m` (0 or 0xFF per lane) that is set, 16 when none.
inline unsigned first_set(Bytes16 m) {
  std::uint64_t lo, hi;
  std::memcpy(&lo, &m, 8);
  std::memcpy(&hi, reinterpret_cast<const char*>(&m) + 8, 8);
  if (lo) return static_cast<unsigned>(__builtin_ctzll(lo)) / 8;
  if (hi) return 8 + static_cast<unsigned>(__builtin_ctzll(hi)) / 8;
  return 16;
}

// The first index ≥ from of a byte equal to `a` or `b`; text.size() when none.
inline std::size_t find_either(std::string_view text, std::size_t from, unsigned char a, unsigned char b) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = from;
  for (; i + 16 <= n; i += 16) {
    const Bytes16 v = load(p + i);
    const Bytes16 m = (v == a) | (v == b);
    if (const unsigned k = first_set(m); k < 16) return i + k;
  }
  for (; i < n; ++i)
    if (static_cast<unsigned char>(p[i]) == a || static_cast<unsigned char>(p[i]) == b) return i;
  return n;
}

// A few bytes (up to 16) searched for together, sixteen text bytes at a time.
class ByteSet {
 public:
  explicit ByteSet(std::string_view bytes) : bytes_(bytes.substr(0, 16)) {
    for (std::size_t k = 0; k < bytes_.size(); ++k) {
      Bytes16 v;
      std::memset(&v, bytes_[k], 16);
      needles_[k] = v;
    }
  }

  // The first index ≥ from of a byte of the set; text.size() when none.
  std::size_t find(std::string_view text, std::size_t from) const {
    const char* p = text.data();
    const std::size_t n = text.size();
    std::size_t i = from;
    for (; i + 16 <= n; i += 16) {
      const Bytes16 v = load(p + i);
      Bytes16 m{};
      for (std::size_t k = 0; k < bytes_.size(); ++k) m |= v == needles_[k];
      if (const unsigned j = first_set(m); j < 16) return i + j;
    }
    for (; i < n; ++i)
      if (bytes_.find(p[i]) != std::string_view::npos) return i;
    return n;
  }

 private:
  std::string_view bytes_;
  Bytes16 needles_[16];
};

// Where `needle` (not empty) first occurs in `text` at or after `from`;
// npos when it does not. Candidates are the places where the needle's first
// and last bytes both stand, which for a CJK character is far rarer than its
// lead byte alone.
inline std::size_t find(std::string_view text, std::string_view needle, std::size_t from = 0) {
  const std::size_t k = needle.size();
  if (k == 0) return from <= text.size() ? from : std::string_view::npos;
  if (from >= text.size() || text.size() - from < k) return std::string_view::npos;
  if (k == 1) {
    const void* hit = std::memchr(text.data() + from, needle[0], text.size() - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
  }
  const char* p = text.data();
  const auto first = static_cast<unsigned char>(needle.front());
  const auto last = static_cast<unsigned char>(needle.back());
  const std::size_t end = text.size() - k + 1;  // candidates start before it
  std::size_t i = from;
  for (; i + 16 <= end; i += 16) {
    Bytes16 m = (load(p + i) == first) & (load(p + i + k - 1) == last);
    for (unsigned j = first_set(m); j < 16; j = first_set(m)) {
      if (std::memcmp(p + i + j + 1, needle.data() + 1, k - 2) == 0) return i + j;
      m[j] = 0;
    }
  }
  for (; i < end; ++i)
    if (static_cast<unsigned char>(p[i]) == first && std::memcmp(p + i + 1, needle.data() + 1, k - 1) == 0) return i;
  return std::string_view::npos;
}

}  // namespace zhmine::scan
