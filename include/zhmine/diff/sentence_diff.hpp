// What changed in the text of a section, sentence by sentence: sentences
// that are new, gone, or reworded. The sequence diff is libdtl's (Wu's
// O(NP) algorithm), run on the sentences' hashes; a gone and a new sentence
// that are similar enough are one reworded sentence, and a sentence that
// only moved within the section is no change at all.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace zhmine {

// A removed and an added sentence are one reworded sentence when the Dice
// similarity of their character bigram sets is at least kReworded.
inline constexpr double kReworded = 0.5;

struct Sentence {
  std::size_t begin = 0, end = 0;  // bytes of the text, spaces around it left out
};

// Sentences end at 。!?; and … (normalized text has ASCII !?;) and at line
// breaks; their closing quotes and brackets stay with them.
std::vector<Sentence> split_sentences(std::string_view text);

struct SentenceChange {
  enum class Kind { added, removed, changed };
  Kind kind;
  Sentence old_sentence, new_sentence;  // the one that is there (both for changed)
};

// The changes from `old_text` to `new_text`, in the order they happen.
std::vector<SentenceChange> diff_sentences(std::string_view old_text, std::string_view new_text);

}  // namespace zhmine
