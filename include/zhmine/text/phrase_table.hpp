// The phrases a fold converts whole, because they fold otherwise than their
// characters one by one (乾隆 stays 乾隆 where 乾 alone becomes 干). The fold
// asks only at characters flagged as starting one; this finds the longest.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhmine/text/fold_tables.hpp"

namespace zhmine {

class PhraseTable {
 public:
  struct Match {
    std::size_t length;  // bytes of the text the phrase covers
    std::string_view to;
  };

  PhraseTable() = default;
  explicit PhraseTable(std::span<const fold_tables::Phrase> phrases);

  // The characters some phrase starts with.
  std::vector<char32_t> initials() const;

  // Whether some phrase has `c` as its second character: where the
  // character after an initial is none of these, no phrase starts there (大
  // starts a phrase, but 大会 none). BMP characters only; phrases are Han.
  bool second(char32_t c) const { return c < 0x10000 && seconds_[c]; }

  // The longest phrase `text` starts with. Any phrase that may start at a
  // text's position ends within kMaxPhraseBytes of it.
  std::optional<Match> longest_match(std::string_view text) const;

 private:
  struct Entry {
    std::string from;
    std::string to;
  };
  // Grouped by first character, longest first within a group.
  std::vector<Entry> entries_;
  // First character → its group's first entry, sorted by character.
  std::vector<std::pair<char32_t, std::uint32_t>> groups_;
  std::bitset<0x10000> seconds_;
};

}  // namespace zhmine
