#include "zhmine/text/phrase_table.hpp"

#include <algorithm>

#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

char32_t first_character(std::string_view text) { return utf8::decode(text, 0).code_point; }

}  // namespace

PhraseTable::PhraseTable(std::span<const fold_tables::Phrase> phrases) {
  for (const auto& p : phrases) entries_.push_back({p.from, p.to});
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    const char32_t fa = first_character(a.from), fb = first_character(b.from);
    return fa != fb ? fa < fb : a.from.size() > b.from.size();
  });
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const std::string& from = entries_[k].from;
    const char32_t second = utf8::decode(from, utf8::decode(from, 0).length).code_point;
    // A second character past the BMP needs no bit: the fold looks up only
    // three-byte characters here and sends any other to the full match.
    if (second < 0x10000) seconds_[second] = true;
    const char32_t first = first_character(from);
    if (groups_.empty() || groups_.back().first != first) groups_.emplace_back(first, static_cast<std::uint32_t>(k));
  }
}

std::vector<char32_t> PhraseTable::initials() const {
  std::vector<char32_t> out;
  for (const auto& group : groups_) out.push_back(group.first);
  return out;
}

std::optional<PhraseTable::Match> PhraseTable::longest_match(std::string_view text) const {
  if (text.empty()) return std::nullopt;
  const char32_t first = first_character(text);
  const auto group = std::lower_bound(groups_.begin(), groups_.end(), std::pair<char32_t, std::uint32_t>(first, 0));
  if (group == groups_.end() || group->first != first) return std::nullopt;
  const std::size_t end = group + 1 == groups_.end() ? entries_.size() : (group + 1)->second;
  for (std::size_t k = group->second; k < end; ++k)
    if (text.starts_with(entries_[k].from)) return Match{entries_[k].from.size(), entries_[k].to};
  return std::nullopt;
}

}  // namespace zhmine
