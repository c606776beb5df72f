// Per-character fold tables, generated at build time by tools/foldgen.cpp from
// ICU's transforms refined by data/fold/. Each table is sorted by `from`.
#pragma once

#include <span>

namespace zhmine::fold_tables {

struct Entry {
  char32_t from;
  const char* to;  // UTF-8; "" deletes the character
};

// Full-width ASCII forms → ASCII (Chinese punctuation kept, data/fold/width-keep.txt)
// and odd spaces → space, invisible characters → nothing (data/fold/spaces.txt).
extern const std::span<const Entry> kWidth;
// ICU Traditional-Simplified, less data/fold/t2s-keep.txt, plus data/fold/t2s-variants.txt.
extern const std::span<const Entry> kToSimplified;
// ICU Simplified-Traditional.
extern const std::span<const Entry> kToTraditional;

}  // namespace zhmine::fold_tables
