#include "zhmine/text/normalizer.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "zhmine/text/fold_tables.hpp"
#include "zhmine/text/huge_buffer.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

TargetScript parse_target_script(std::string_view name) {
  if (name == "simplified") return TargetScript::simplified;
  if (name == "traditional") return TargetScript::traditional;
  if (name == "keep") return TargetScript::keep;
  throw std::invalid_argument("unknown script '" + std::string(name) + "' (simplified, traditional or keep)");
}

TraditionalVariant parse_traditional_variant(std::string_view name) {
  if (name == "generic") return TraditionalVariant::generic;
  if (name == "tw") return TraditionalVariant::taiwan;
  if (name == "twp") return TraditionalVariant::taiwan_words;
  if (name == "hk") return TraditionalVariant::hong_kong;
  throw std::invalid_argument("unknown variant '" + std::string(name) + "' (generic, tw, twp or hk)");
}

namespace {

// Spaces and tabs before a line break go; never past `begin`.
char* trim_blanks(char* begin, char* o) {
  while (o > begin && (o[-1] == ' ' || o[-1] == '\t')) --o;
  return o;
}

}  // namespace

Normalizer::Normalizer(TargetScript target, TraditionalVariant variant) : bmp_(0x10000, 0) {
  std::vector<std::pair<char32_t, int>> script_shares;
  // astral_ is sorted once it is complete; until then it is searched in order.
  auto astral = [&](char32_t cp) {
    return std::find_if(astral_.begin(), astral_.end(), [&](const auto& e) { return e.first == cp; });
  };
  auto set = [&](char32_t cp, std::uint32_t bits) {
    if (cp < 0x10000) {
      bmp_[cp] |= bits;
      return;
    }
    auto it = astral(cp);
    if (it == astral_.end()) astral_.emplace_back(cp, bits);
    else it->second |= bits;
  };
  static_assert(fold_tables::kMaxPhraseBytes <= 255, "a Step counts a phrase's bytes in a uint8_t");
  auto map_to = [&](char32_t cp, std::string_view to) {
    const std::uint32_t bits = cp < 0x10000 ? bmp_[cp] : astral(cp) != astral_.end() ? astral(cp)->second : 0;
    if (bits & kMapped) return;  // the first table to claim a character wins
    // fold() makes room for three output bytes per input byte.
    if (to.size() > 3 * utf8::encode(cp).size()) throw std::length_error("a fold replacement longer than thrice its character");
    if (to.size() > 3) {
      // The slot holds the offset in 24 bits, the pool a length in a byte.
      if (pool_.size() > kBytesMask || to.size() > 255) throw std::length_error("fold tables too large for their slots");
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
  const bool simplify = target == TargetScript::simplified;
  if (simplify) {
    // The region's characters, claimed before the generic ones; its phrases.
    std::span<const fold_tables::Entry> characters;
    switch (variant) {
      case TraditionalVariant::generic: phrases_ = PhraseTable(fold_tables::kPhrasesToSimplified); break;
      case TraditionalVariant::taiwan:
        characters = fold_tables::kTaiwanToSimplified;
        phrases_ = PhraseTable(fold_tables::kTaiwanPhrasesToSimplified);
        break;
      case TraditionalVariant::taiwan_words:
        characters = fold_tables::kTaiwanWordsCharactersToSimplified;
        phrases_ = PhraseTable(fold_tables::kTaiwanWordsToSimplified);
        break;
      case TraditionalVariant::hong_kong:
        characters = fold_tables::kHongKongToSimplified;
        phrases_ = PhraseTable(fold_tables::kHongKongPhrasesToSimplified);
        break;
    }
    for (const auto& e : characters) map_to(e.from, e.to);
  }
  for (const auto& e : fold_tables::kToSimplified) {
    script_shares.emplace_back(e.from, +1);
    if (simplify) map_to(e.from, e.to);
  }
  for (const auto& e : fold_tables::kToTraditional) {
    script_shares.emplace_back(e.from, -1);
    if (target == TargetScript::traditional) map_to(e.from, e.to);
  }
  // A compatibility ideograph (U+F900–U+FAFF) folds to its unified form,
  // and on as that folds.
  std::sort(astral_.begin(), astral_.end());  // replacement() searches it
  for (const auto& e : fold_tables::kCompatibilityIdeographs)
    map_to(e.from, replacement(utf8::decode(e.to, 0).code_point));
  // A character in both tables (one of several readings) shares nothing.
  std::sort(script_shares.begin(), script_shares.end());
  for (std::size_t k = 0; k < script_shares.size();) {
    int share = 0;
    const char32_t cp = script_shares[k].first;
    for (; k < script_shares.size() && script_shares[k].first == cp; ++k) share += script_shares[k].second;
    if (share != 0) set(cp, static_cast<std::uint32_t>(share > 0 ? 1 : 3) << kScriptShift);
  }
  // A character left alone is its own replacement: the fast path then
  // stores a slot's bytes without asking whether it maps.
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if ((bmp_[cp] & kMapped) || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
    const std::string bytes = utf8::encode(cp);
    std::uint32_t word = 0;
    std::memcpy(&word, bytes.data(), bytes.size());
    bmp_[cp] |= static_cast<std::uint32_t>(bytes.size()) << kLengthShift | word;
  }
  for (char32_t cp : phrases_.initials()) set(cp, kPhraseStart);
  std::sort(astral_.begin(), astral_.end());
}

std::uint32_t Normalizer::slot(char32_t cp) const {
  if (cp < 0x10000) return bmp_[cp];
  auto it = std::lower_bound(astral_.begin(), astral_.end(), std::pair<char32_t, std::uint32_t>(cp, 0));
  return it != astral_.end() && it->first == cp ? it->second : 0;
}

std::string Normalizer::replacement(char32_t cp) const {
  const std::uint32_t bits = slot(cp);
  if (bits & kPooled) {
    const std::size_t at = bits & kBytesMask;
    return pool_.substr(at + 1, static_cast<unsigned char>(pool_[at]));
  }
  if (bits & kMapped) return std::string(reinterpret_cast<const char*>(&bits), bits >> kLengthShift & 3);
  return utf8::encode(cp);
}

NormalizedText Normalizer::normalize(std::string_view text) const {
  FoldState state;
  fold(text, false, true, state);
  return finish(state);
}

std::optional<NormalizedText> Normalizer::normalize_if_valid(std::string_view text) const {
  FoldState state;
  if (!fold(text, true, true, state)) return std::nullopt;
  return finish(state);
}

bool Normalizer::phrase_may_start(const unsigned char* s, std::size_t n, std::size_t next) const {
  // The common case, a three-byte character, is looked up; anything else,
  // and the end of the input (the rest unseen), goes to the full match.
  if (next + 3 > n || (s[next] & 0xF0) != 0xE0) return true;
  return phrases_.second(static_cast<char32_t>((s[next] & 0x0F) << 12 | (s[next + 1] & 0x3F) << 6 | (s[next + 2] & 0x3F)));
}

std::optional<Normalizer::Step> Normalizer::fold_phrase(const unsigned char* s, std::size_t n, std::size_t i,
                                                        char* o) const {
  const std::string_view text(reinterpret_cast<const char*>(s) + i, n - i);
  const auto match = phrases_.longest_match(text);
  if (!match) return std::nullopt;
  std::int32_t share = 0;
  for (std::size_t k = 0; k < match->length;) {
    const utf8::Decoded d = utf8::decode(text, k);
    share += script_share(slot(d.code_point));
    k += d.length;
  }
  std::memcpy(o, match->to.data(), match->to.size());
  return Step{static_cast<std::uint8_t>(match->length), static_cast<std::uint8_t>(match->to.size()), share, false};
}

Normalizer::Step Normalizer::fold_other(const unsigned char* s, std::size_t n, std::size_t i, char* o, bool strict,
                                        bool last) const {
  const utf8::Decoded d = utf8::decode(std::string_view(reinterpret_cast<const char*>(s), n), i);
  if (!d.valid) {
    if (strict) return {0, 0, 0, true};
    std::memcpy(o, "\xEF\xBF\xBD", 3);  // U+FFFD
    return {d.length, 3, 0, false};
  }
  const std::uint32_t bits = slot(d.code_point);
  if (bits & kPhraseStart) {
    // A phrase starting here may end past the input: wait for the rest.
    if (!last && n - i < fold_tables::kMaxPhraseBytes) return {0, 0, 0, false};
    if (auto step = fold_phrase(s, n, i, o)) return *step;
  }
  if (bits & kPooled) {
    const std::size_t at = bits & kBytesMask;
    const auto length = static_cast<unsigned char>(pool_[at]);
    std::memcpy(o, pool_.data() + at + 1, length);
    return {d.length, length, script_share(bits), false};
  }
  if (bits & kMapped) {
    const auto length = static_cast<std::uint8_t>(bits >> kLengthShift & 3);
    std::memcpy(o, &bits, length);
    return {d.length, length, script_share(bits), false};
  }
  std::memcpy(o, s + i, d.length);
  return {d.length, d.length, script_share(bits), false};
}

std::optional<std::size_t> Normalizer::fold(std::string_view in, bool strict, bool last, FoldState& state) const {
  // Output is written through a raw pointer: std::string::append per
  // character costs more than the folding. Room is made a block at a time,
  // for the most a block can grow (an invalid byte becomes three bytes, and
  // so at most does each byte of a phrase, as foldgen checks, or of a
  // character, as the constructor checks; a phrase may start at the block's
  // end and run kMaxPhraseBytes past it), so the
  // per-character loop checks nothing but its input; everything it updates is
  // a local, so that it stays in a register (stores through `o` could alias
  // any member as far as the compiler knows). Blocks are small because the
  // room is zeroed by resize(): a 20 KB file gets its size plus 12 KiB, not
  // four times its size, and the check per 4 KiB costs nothing measurable.
  constexpr std::size_t kBlock = 1 << 12;
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::string& out = state.out;
  const std::size_t first_size = state.used + n + 3 * std::min(n, kBlock) + 3 * fold_tables::kMaxPhraseBytes + 16;
  if (out.size() < first_size) {
    if (out.capacity() < first_size) reserve_huge(out, std::max(first_size, 2 * out.capacity()));
    out.resize(first_size);
  }
  char* base = out.data();
  char* o = base + state.used;
  const std::uint32_t* const bmp = bmp_.data();
  std::size_t lines = 0;
  std::int64_t script_balance = 0;
  bool valid = true;
  std::size_t consumed = n;

  for (std::size_t i = 0; i < n;) {
    const std::size_t block_end = std::min(n, i + kBlock);
    // A step starting at the block's last byte may be a phrase running
    // kMaxPhraseBytes past it and writing thrice as many (foldgen's limit).
    const std::size_t room = 3 * (block_end - i) + 3 * fold_tables::kMaxPhraseBytes + 16;
    if (static_cast<std::size_t>(base + out.size() - o) < room) {
      const auto used = static_cast<std::size_t>(o - base);
      out.resize(std::max(2 * out.size(), used + room));
      base = out.data();
      o = base + used;
    }
    while (i < block_end) {
      const unsigned char b = s[i];
      if (b < 0x80) {
        if (b == '\n' || b == '\r') {
          o = trim_blanks(base, o);
          *o++ = '\n';
          ++lines;
          i += (b == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        } else {
          *o++ = static_cast<char>(b);
          ++i;
        }
        continue;
      }
      // The common case, a valid three-byte sequence with a fourth byte
      // after it, folds inline; all else goes through fold_other(). Leads
      // E0 and ED allow narrower second bytes (no overlong forms, no
      // surrogates): they are fold_other's too.
      constexpr std::uint32_t kPlainLeads = 0xDFFE;  // E1–EC, EE, EF by low nibble
      std::uint32_t word;
      if (i + 4 <= n && (std::memcpy(&word, s + i, 4), (word & 0xC0C0F0) == 0x8080E0) &&
          (kPlainLeads >> (word & 0x0F) & 1)) {
        const std::uint32_t bits = bmp[(word & 0x0F) << 12 | (word >> 2 & 0xFC0) | (word >> 16 & 0x3F)];
        if (!(bits & (kPooled | kPhraseStart)) || (!(bits & kPooled) && !phrase_may_start(s, n, i + 3))) {
          // Every slot holds its replacement, the character itself if it
          // is left alone: no branch on whether it maps, which in
          // traditional text is at random for every third character. All
          // four bytes are stored; those past the length are overwritten
          // next or cut at the end (the block's room allows for it).
          std::memcpy(o, &bits, 4);
          o += bits >> kLengthShift & 3;
          script_balance += script_share(bits);
          i += 3;
          continue;
        }
      }
      const Step step = fold_other(s, n, i, o, strict, last);
      if (step.consumed == 0) {
        valid = !step.invalid;
        consumed = i;
        i = n;
        break;
      }
      i += step.consumed;
      o += step.written;
      script_balance += step.script_share;
    }
  }
  state.used = static_cast<std::size_t>(o - base);
  state.lines += lines;
  state.script_balance += script_balance;
  if (!valid) return std::nullopt;
  return consumed;
}

NormalizedText Normalizer::finish(FoldState& state) {
  // The last line may lack its '\n': trim it all the same, and count it.
  NormalizedText result;
  result.text = std::move(state.out);
  std::string& text = result.text;
  text.resize(static_cast<std::size_t>(trim_blanks(text.data(), text.data() + state.used) - text.data()));
  result.lines = state.lines + (!text.empty() && text.back() != '\n');
  result.script_balance = state.script_balance;
  return result;
}

FoldStream::FoldStream(const Normalizer& normalizer, bool strict, std::size_t expected_size)
    : normalizer_(normalizer), strict_(strict) {
  reserve_huge(state_.out, expected_size + expected_size / 8 + 4096);
}

std::size_t FoldStream::cut(std::string_view buffer) {
  std::size_t end = buffer.size();
  // Back off to the start of a last sequence that is not complete.
  for (std::size_t k = 1; k <= 3 && k <= end; ++k) {
    const auto c = static_cast<unsigned char>(buffer[end - k]);
    if ((c & 0xC0) == 0x80) continue;
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (length > k) end -= k;
    break;
  }
  if (end > 0 && buffer[end - 1] == '\r') --end;  // an LF may follow
  return end;
}

std::size_t FoldStream::feed(std::string_view piece) {
  if (failed_) return 0;
  const auto consumed = normalizer_.fold(piece.substr(0, cut(piece)), strict_, false, state_);
  failed_ = !consumed;
  return consumed.value_or(0);
}

bool FoldStream::feed_last(std::string_view piece) {
  failed_ = failed_ || !normalizer_.fold(piece, strict_, true, state_);
  return !failed_;
}

std::optional<NormalizedText> FoldStream::finish() {
  if (failed_) return std::nullopt;
  return Normalizer::finish(state_);
}


const Normalizer& normalizer_for(TargetScript target, TraditionalVariant variant) {
  // Each built on first use only: a run that keeps the script never pays for the others.
  switch (target) {
    case TargetScript::simplified:
      switch (variant) {
        case TraditionalVariant::generic: break;
        case TraditionalVariant::taiwan: {
          static const Normalizer n(TargetScript::simplified, TraditionalVariant::taiwan);
          return n;
        }
        case TraditionalVariant::taiwan_words: {
          static const Normalizer n(TargetScript::simplified, TraditionalVariant::taiwan_words);
          return n;
        }
        case TraditionalVariant::hong_kong: {
          static const Normalizer n(TargetScript::simplified, TraditionalVariant::hong_kong);
          return n;
        }
      }
      {
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
