// Cheap, robust text similarity for lining up sections, figures and
// sentences across two reports: sets of character bigrams compared by their
// Dice coefficient, and an index of bigrams that finds the likely partners
// of a text without comparing it to every other one.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zhmine {

// The distinct character bigrams of a text, sorted. Spaces and punctuation
// are left out and every digit counts as 0, so that a rewrapped line, a
// changed comma or a changed number leaves the set as it was; a text of one
// character is its own single shingle.
using Shingles = std::vector<std::uint64_t>;
Shingles shingles(std::string_view text);

// The set union of two shingle sets.
Shingles merge_shingles(const Shingles& a, const Shingles& b);

// 2|A∩B| / (|A| + |B|): 1 for equal sets, 0 when nothing is shared or either is empty.
double dice(const Shingles& a, const Shingles& b);

// The entries of `sorted` (ascending) nearest to `target`: a window of at
// most `width` around where `target` would stand.
template <class T>
std::pair<std::size_t, std::size_t> nearest_window(const std::vector<T>& sorted, T target, std::size_t width) {
  if (sorted.size() <= width) return {0, sorted.size()};
  const auto at = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), target) - sorted.begin());
  const std::size_t begin = std::min(at - std::min(at, width / 2), sorted.size() - width);
  return {begin, begin + width};
}

// An inverted index from shingles to the items that hold them (added in
// ascending item order). A query looks up only its few rarest shingles, and
// of a shingle so common that it tells items apart poorly, only the items
// nearest to where the query stands (its `near` item): a report made of many
// similar parts pairs them in order. Finding candidates costs
// O(kRarest · kMaxPostings) per query however many items there are.
class ShingleIndex {
 public:
  static constexpr std::size_t kRarest = 8;
  static constexpr std::size_t kMaxPostings = 64;
  static constexpr std::size_t kMaxCandidates = 8;

  void add(std::uint32_t item, const Shingles& s);

  // The items sharing most of the query's rarest shingles, best first, at
  // most kMaxCandidates; `accept` filters items (already matched ones, say).
  template <class Accept>
  std::vector<std::uint32_t> candidates(const Shingles& query, std::uint32_t near, Accept&& accept) const;

 private:
  std::vector<const std::vector<std::uint32_t>*> rarest(const Shingles& query) const;
  // The most frequent items of `hits` (one entry per shared shingle), most frequent first.
  static std::vector<std::uint32_t> best(std::vector<std::uint32_t>& hits);
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings_;
};

template <class Accept>
std::vector<std::uint32_t> ShingleIndex::candidates(const Shingles& query, std::uint32_t near, Accept&& accept) const {
  std::vector<std::uint32_t> hits;
  for (const auto* list : rarest(query)) {
    const auto [begin, end] = nearest_window(*list, near, kMaxPostings);
    for (std::size_t k = begin; k < end; ++k)
      if (accept((*list)[k])) hits.push_back((*list)[k]);
  }
  return best(hits);
}

}  // namespace zhmine
