// The words around a figure: its label (what it counts, good enough to line
// figures up across reports) and the sentence it stands in.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

class FigureLabeler {
 public:
  // Compiles the set "labels" of `book`; throws RuleError for a bad rule.
  explicit FigureLabeler(const RuleBook& book);
  ~FigureLabeler();
  FigureLabeler(const FigureLabeler&) = delete;
  FigureLabeler& operator=(const FigureLabeler&) = delete;

  // The label of the figure at bytes [begin, end) of `line`. Text before
  // `floor` belongs to an earlier figure. `after_first`: the unit is a
  // measure word whose noun follows it, so the words after come first.
  std::string label(std::string_view line, std::size_t floor, std::size_t begin, std::size_t end,
                    bool after_first) const;

 private:
  std::string_view trimmed(std::string_view phrase) const;
  std::vector<std::unique_ptr<re2::RE2>> lead_, tail_;
};

// The sentence of `line` that holds bytes [begin, end): from the end of the
// previous sentence (。！？；) to the end of this one, spaces trimmed.
std::string_view sentence_around(std::string_view line, std::size_t begin, std::size_t end);

// The same, given sentence_ends(line): for many figures of one line.
void sentence_ends(std::string_view line, std::vector<std::size_t>& ends);

// A sentence longer than this (about 200 characters) is cut to a window
// around the figure.
inline constexpr std::size_t kMaxSentenceBytes = 600;
std::string_view sentence_around(std::string_view line, const std::vector<std::size_t>& ends, std::size_t begin,
                                 std::size_t end);

}  // namespace zhmine
