#include "zhmine/diff/similarity.hpp"

#include <algorithm>

#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

// What a code point contributes to a shingle: nothing for spaces and
// punctuation, '0' for every digit, else itself.
char32_t shingle_char(char32_t c) {
  if (c >= '0' && c <= '9') return '0';
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? c : 0;
  if (c >= 0x3000 && c <= 0x303F) return 0;  // CJK punctuation: 。、「」《》…
  if (c >= 0xFF00 && c <= 0xFF0F) return 0;  // full-width punctuation left by odd input
  if (c == 0x2014 || c == 0x2026 || (c >= 0x2018 && c <= 0x201D) || c == 0xB7 || c == 0xFFFD) return 0;
  return c;
}

}  // namespace

Shingles shingles(std::string_view text) {
  Shingles out;
  char32_t previous = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = utf8::decode(text, i);
    i += d.length;
    const char32_t c = shingle_char(d.code_point);
    if (c == 0) continue;
    if (previous != 0) out.push_back(static_cast<std::uint64_t>(previous) << 32 | c);
    previous = c;
  }
  if (out.empty() && previous != 0) out.push_back(static_cast<std::uint64_t>(previous) << 32);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Shingles merge_shingles(const Shingles& a, const Shingles& b) {
  Shingles out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

double dice(const Shingles& a, const Shingles& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

void ShingleIndex::add(std::uint32_t item, const Shingles& s) {
  for (std::uint64_t x : s) postings_[x].push_back(item);
}

std::vector<const std::vector<std::uint32_t>*> ShingleIndex::rarest(const Shingles& query) const {
  std::vector<const std::vector<std::uint32_t>*> lists;
  for (std::uint64_t x : query) {
    const auto it = postings_.find(x);
    if (it != postings_.end()) lists.push_back(&it->second);
  }
  const std::size_t keep = std::min(lists.size(), kRarest);
  std::partial_sort(lists.begin(), lists.begin() + static_cast<std::ptrdiff_t>(keep), lists.end(),
                    [](const auto* a, const auto* b) { return a->size() < b->size(); });
  lists.resize(keep);
  return lists;
}

std::vector<std::uint32_t> ShingleIndex::best(std::vector<std::uint32_t>& hits) {
  std::sort(hits.begin(), hits.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> counted;  // (shared shingles, item)
  for (std::size_t i = 0; i < hits.size();) {
    std::size_t j = i;
    while (j < hits.size() && hits[j] == hits[i]) ++j;
    counted.emplace_back(static_cast<std::uint32_t>(j - i), hits[i]);
    i = j;
  }
  const std::size_t keep = std::min(counted.size(), kMaxCandidates);
  std::partial_sort(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(keep), counted.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < keep; ++i) out.push_back(counted[i].second);
  return out;
}

}  // namespace zhmine
