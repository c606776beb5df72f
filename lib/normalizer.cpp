#include "zhmine/normalizer.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "zhmine/fold_tables.hpp"
#include "zhmine/huge_buffer.hpp"
#include "zhmine/utf8.hpp"

namespace zhmine {

TargetScript parse_target_script(std::string_view name) {
  if (name == "simplified") return TargetScript::simplified;
  if (name == "traditional") return TargetScript::traditional;
  if (name == "keep") return TargetScript::keep;
  throw std::invalid_argument("unknown script '" + std::string(name) + "' (simplified, traditional or keep)");
}

Normalizer::Normalizer(TargetScript target) : bmp_(0x10000, 0) {
  auto set = [&](char32_t cp, std::uint32_t bits) {
    if (cp < 0x10000) {
      bmp_[cp] |= bits;
      return;
    }
    auto it = std::find_if(astral_.begin(), astral_.end(), [&](const auto& e) { return e.first == cp; });
    if (it == astral_.end()) astral_.emplace_back(cp, bits);
    else it->second |= bits;
  };
  auto map_to = [&](char32_t cp, std::string_view to) {
    if ((cp < 0x10000 ? bmp_[cp] : slot(cp)) & kMapped) return;  // the first table to claim a character wins
    if (to.size() > 3) {
      set(cp, kMapped | kPooled | static_cast<std::uint32_t>(pool_.size()));
      pool_.push_back(static_cast<char>(to.size()));
      pool_.append(to);
      return;
    }
    std::uint32_t bytes = 0;
    std::memcpy(&bytes, to.data(), to.size());  // little-endian: first byte lowest, as fold() stores it
    set(cp, kMapped | static_cast<std::uint32_t>(to.size()) << kLengthShift | bytes);
  };
  for (const auto& e : fold_tables::kWidth) map_to(e.from, e.to);
  for (const auto& e : fold_tables::kToSimplified) {
    set(e.from, kTraditional);
    if (target == TargetScript::simplified) map_to(e.from, e.to);
  }
  for (const auto& e : fold_tables::kToTraditional) {
    set(e.from, kSimplified);
    if (target == TargetScript::traditional) map_to(e.from, e.to);
  }
  std::sort(astral_.begin(), astral_.end());
}

std::uint32_t Normalizer::slot(char32_t cp) const {
  if (cp < 0x10000) return bmp_[cp];
  auto it = std::lower_bound(astral_.begin(), astral_.end(), std::pair<char32_t, std::uint32_t>(cp, 0));
  return it != astral_.end() && it->first == cp ? it->second : 0;
}

NormalizedText Normalizer::normalize(std::string_view text) const { return *fold(text, false); }

std::optional<NormalizedText> Normalizer::normalize_if_valid(std::string_view text) const { return fold(text, true); }

std::optional<NormalizedText> Normalizer::fold(std::string_view in, bool strict) const {
  NormalizedText result;
  std::string& out = result.text;
  // Written through a raw pointer: std::string::append per character costs
  // more than the folding. Output is about as long as the input; it grows
  // when replacements are longer (an invalid byte becomes three).
  reserve_huge(out, in.size() + 16);
  out.resize(in.size() + 16);
  char* o = out.data();
  char* limit = o + out.size();
  auto reserve = [&](std::size_t k) {
    if (static_cast<std::size_t>(limit - o) >= k) return;
    const std::size_t used = static_cast<std::size_t>(o - out.data());
    out.resize(out.size() * 2 + k);
    o = out.data() + used;
    limit = out.data() + out.size();
  };
  // A local, not the member: stores through `o` could alias it as far as the
  // compiler knows, and reloading it costs a third of the loop.
  const std::uint32_t* const bmp = bmp_.data();
  // Both script counts in one register: traditional in the low half.
  std::uint64_t script_counts = 0;

  auto trim = [&] {
    while (o > out.data() && (o[-1] == ' ' || o[-1] == '\t')) --o;
  };
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    reserve(8);
    const unsigned char b = s[i];
    if (b < 0x80) {
      if (b == '\n' || b == '\r') {
        trim();
        *o++ = '\n';
        ++result.lines;
        i += (b == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
      } else {
        *o++ = static_cast<char>(b);
        ++i;
      }
      continue;
    }
    utf8::Decoded d;
    if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      // The common case, a valid three-byte sequence, decoded inline.
      d = {static_cast<char32_t>((b & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F)), 3, true};
    } else {
      d = utf8::decode(in, i);
      if (!d.valid) {
        if (strict) return std::nullopt;
        // U+FFFD is EF BF BD.
        *o++ = '\xEF';
        *o++ = '\xBF';
        *o++ = '\xBD';
        i += d.length;
        continue;
      }
    }
    const std::uint32_t slot_bits = d.code_point < 0x10000 ? bmp[d.code_point] : slot(d.code_point);
    if (slot_bits & kPooled) {
      const std::size_t at = slot_bits & kBytesMask;
      const auto length = static_cast<unsigned char>(pool_[at]);
      std::memcpy(o, pool_.data() + at + 1, length);
      o += length;
    } else {
      // Branch-free: in traditional text every third character is mapped, at
      // random, and a mispredicted branch costs more than a select.
      const bool mapped = (slot_bits & kMapped) != 0;
      std::uint32_t original = 0;
      if (i + 4 <= n) std::memcpy(&original, s + i, 4);
      else std::memcpy(&original, s + i, d.length);
      const std::uint32_t word = mapped ? (slot_bits & kBytesMask) : original;
      std::memcpy(o, &word, 4);  // `reserve(8)` made room; bytes past the length are overwritten next
      o += mapped ? (slot_bits >> kLengthShift) & 3 : d.length;
    }
    static_assert(kTraditional == 1u << 30 && kSimplified == 1u << 29);
    script_counts += (slot_bits >> 30 & 1) | static_cast<std::uint64_t>(slot_bits >> 29 & 1) << 32;
    i += d.length;
  }
  result.traditional_chars = script_counts & 0xFFFFFFFF;
  result.simplified_chars = script_counts >> 32;
  // The last line may lack its '\n': trim it all the same, and count it.
  trim();
  out.resize(static_cast<std::size_t>(o - out.data()));
  if (!out.empty() && out.back() != '\n') ++result.lines;
  return result;
}

const Normalizer& normalizer_for(TargetScript target) {
  // Each built on first use only: a run that keeps the script never pays for the others.
  switch (target) {
    case TargetScript::simplified: {
      static const Normalizer n(TargetScript::simplified);
      return n;
    }
    case TargetScript::traditional: {
      static const Normalizer n(TargetScript::traditional);
      return n;
    }
    case TargetScript::keep: break;
  }
  static const Normalizer n(TargetScript::keep);
  return n;
}

std::size_t count_lines(std::string_view text) {
  if (text.empty()) return 0;
  const auto newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return newlines + (text.back() != '\n');
}

}  // namespace zhmine
