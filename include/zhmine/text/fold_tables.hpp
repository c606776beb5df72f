// Fold tables, generated at build time by tools/foldgen.cpp from ICU's
// transforms refined by data/fold/, and from OpenCC's dictionaries as Debian
// ships them. Each table is sorted by `from`.
#pragma once

#include <cstddef>
#include <span>

namespace zhmine::fold_tables {

struct Entry {
  char32_t from;
  const char* to;  // UTF-8; "" deletes the character
};

struct Phrase {
  const char* from;  // UTF-8, two characters or more
  const char* to;    // UTF-8
};

// No phrase key is longer: a fold reading a text in pieces holds back at most
// this much of a piece's end, where a phrase may start that the next piece ends.
constexpr std::size_t kMaxPhraseBytes = 64;

// Full-width ASCII forms → ASCII (Chinese punctuation kept, data/fold/width-keep.txt)
// and odd spaces → space, invisible characters → nothing (data/fold/spaces.txt).
extern const std::span<const Entry> kWidth;
// ICU Traditional-Simplified, and OpenCC's TSCharacters where ICU has none,
// less data/fold/t2s-keep.txt, plus data/fold/t2s-variants.txt.
extern const std::span<const Entry> kToSimplified;
// ICU Simplified-Traditional.
extern const std::span<const Entry> kToTraditional;
// CJK compatibility ideographs → their unified forms (canonical decomposition).
extern const std::span<const Entry> kCompatibilityIdeographs;

// OpenCC's TSPhrases (t2s) that fold otherwise than their characters by
// kToSimplified, less those whose key is simplified text already.
extern const std::span<const Phrase> kPhrasesToSimplified;
// OpenCC's tw2s and hk2s chains in one step: the region's variant forms
// (TWVariantsRev, HKVariantsRev) composed with kToSimplified, checked before
// it; and the phrases of the region (…VariantsRevPhrases) with TSPhrases, as
// written and in the region's forms, that fold otherwise than their characters.
extern const std::span<const Entry> kTaiwanToSimplified;
extern const std::span<const Phrase> kTaiwanPhrasesToSimplified;
// The same with Taiwan's words too (OpenCC's tw2sp, TWPhrasesRev: 軟體 →
// 软件, 滑鼠 → 鼠标, and of one character 矽 → 硅).
extern const std::span<const Entry> kTaiwanWordsCharactersToSimplified;
extern const std::span<const Phrase> kTaiwanWordsToSimplified;
extern const std::span<const Entry> kHongKongToSimplified;
extern const std::span<const Phrase> kHongKongPhrasesToSimplified;

}  // namespace zhmine::fold_tables
