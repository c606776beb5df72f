#include "zhmine/diff/section_alignment.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <string_view>
#include <unordered_map>

#include "zhmine/diff/similarity.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

struct Profile {
  Shingles heading, content;
};

std::vector<Profile> profiles(const std::vector<SectionRecord>& sections) {
  std::vector<Profile> out(sections.size());
  std::vector<Shingles> subtree(sections.size());
  for (std::size_t i = sections.size(); i-- > 0;) {
    out[i].heading = shingles(sections[i].heading);
    Shingles own = shingles(sections[i].text);
    subtree[i] = merge_shingles(subtree[i], own);
    if (sections[i].parent != kNoIndex)
      subtree[sections[i].parent] = merge_shingles(subtree[sections[i].parent], subtree[i]);
    out[i].content = utf8::count_code_points(sections[i].text) >= kMinBody ? std::move(own) : std::move(subtree[i]);
  }
  return out;
}

bool is_preamble(const SectionRecord& s) { return s.level == 0; }

std::string_view report_of(const SectionRecord& s) { return std::string_view(s.key).substr(0, s.key.find(':')); }

struct Candidate {
  double score;
  std::size_t old_index, new_index;
  double heading, content;
};

class Aligner {
 public:
  Aligner(const std::vector<SectionRecord>& old_sections, const std::vector<SectionRecord>& new_sections)
      : old_(old_sections), new_(new_sections), old_profiles_(profiles(old_sections)),
        new_profiles_(profiles(new_sections)) {
    result_.new_of_old.assign(old_.size(), kNoIndex);
    result_.old_of_new.assign(new_.size(), kNoIndex);
  }

  SectionAlignment run() {
    match_preambles();
    match_identical();
    match_similar();
    for (std::size_t j = 0; j < new_.size(); ++j)
      if (const std::size_t i = result_.old_of_new[j]; i != kNoIndex) {
        SectionMatch m{i, j, heading_similarity(i, j), dice(old_profiles_[i].content, new_profiles_[j].content)};
        m.renamed = !is_preamble(new_[j]) && old_[i].heading != new_[j].heading;
        result_.matches.push_back(m);
      }
    mark_moved();
    return std::move(result_);
  }

 private:
  void pair(std::size_t i, std::size_t j) {
    result_.new_of_old[i] = j;
    result_.old_of_new[j] = i;
  }

  void match_preambles() {
    std::map<std::string_view, std::size_t> preamble;
    for (std::size_t i = 0; i < old_.size(); ++i)
      if (is_preamble(old_[i])) preamble.emplace(report_of(old_[i]), i);
    for (std::size_t j = 0; j < new_.size(); ++j)
      if (is_preamble(new_[j]))
        if (const auto it = preamble.find(report_of(new_[j])); it != preamble.end() &&
                                                               result_.new_of_old[it->second] == kNoIndex)
          pair(it->second, j);
  }

  // Unchanged sections are most of a next year's report: paired first, in
  // order, so that repeated boilerplate pairs up one to one.
  void match_identical() {
    std::unordered_map<std::string, std::deque<std::size_t>> by_content;
    auto identity = [](const SectionRecord& s) { return s.heading + '\x1f' + s.text; };
    for (std::size_t i = 0; i < old_.size(); ++i)
      if (result_.new_of_old[i] == kNoIndex && !old_[i].heading.empty()) by_content[identity(old_[i])].push_back(i);
    for (std::size_t j = 0; j < new_.size(); ++j) {
      if (result_.old_of_new[j] != kNoIndex || new_[j].heading.empty()) continue;
      const auto it = by_content.find(identity(new_[j]));
      if (it == by_content.end() || it->second.empty()) continue;
      pair(it->second.front(), j);
      it->second.pop_front();
    }
  }

  double heading_similarity(std::size_t i, std::size_t j) const {
    if (!old_[i].heading.empty() && old_[i].heading == new_[j].heading) return 1;
    return dice(old_profiles_[i].heading, new_profiles_[j].heading);
  }

  void match_similar() {
    ShingleIndex by_heading, by_content;
    std::unordered_map<std::string_view, std::vector<std::size_t>> same_heading;
    for (std::size_t i = 0; i < old_.size(); ++i) {
      if (result_.new_of_old[i] != kNoIndex) continue;
      by_heading.add(static_cast<std::uint32_t>(i), old_profiles_[i].heading);
      by_content.add(static_cast<std::uint32_t>(i), old_profiles_[i].content);
      if (!old_[i].heading.empty()) same_heading[old_[i].heading].push_back(i);
    }
    const auto unmatched = [&](std::uint32_t i) { return result_.new_of_old[i] == kNoIndex; };
    std::vector<Candidate> candidates;
    std::vector<std::uint32_t> found;
    for (std::size_t j = 0; j < new_.size(); ++j) {
      if (result_.old_of_new[j] != kNoIndex) continue;
      // Where the new section would stand in the old report.
      const auto near = static_cast<std::uint32_t>(j * old_.size() / std::max<std::size_t>(new_.size(), 1));
      found = by_heading.candidates(new_profiles_[j].heading, near, unmatched);
      const auto more = by_content.candidates(new_profiles_[j].content, near, unmatched);
      found.insert(found.end(), more.begin(), more.end());
      if (const auto it = same_heading.find(new_[j].heading); it != same_heading.end()) {
        const auto [begin, end] = nearest_window(it->second, std::size_t{near}, ShingleIndex::kMaxCandidates);
        for (std::size_t k = begin; k < end; ++k) found.push_back(static_cast<std::uint32_t>(it->second[k]));
      }
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      for (std::uint32_t i : found) consider(i, j, candidates);
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return a.score != b.score ? a.score > b.score : std::tie(a.new_index, a.old_index) < std::tie(b.new_index, b.old_index);
    });
    for (const Candidate& c : candidates)
      if (result_.new_of_old[c.old_index] == kNoIndex && result_.old_of_new[c.new_index] == kNoIndex)
        pair(c.old_index, c.new_index);
  }

  void consider(std::size_t i, std::size_t j, std::vector<Candidate>& out) const {
    if (is_preamble(old_[i]) != is_preamble(new_[j])) return;
    const double h = heading_similarity(i, j);
    const double c = dice(old_profiles_[i].content, new_profiles_[j].content);
    if (c < kSameContent && h < kSameHeading && (h < kSimilar || c < kSimilar)) return;
    // Among equals, the one at the same relative place wins: a report that
    // repeats a heading (one per district, say) pairs them in order.
    const double place = std::abs(static_cast<double>(i) / static_cast<double>(old_.size()) -
                                  static_cast<double>(j) / static_cast<double>(new_.size()));
    out.push_back({h + c - 0.01 * place, i, j, h, c});
  }

  // The matches whose parent is the match of their parent keep their place
  // when they stay in order among their siblings: the longest increasing run
  // of old positions, in new order, per parent. The rest moved.
  void mark_moved() {
    std::map<std::size_t, std::vector<SectionMatch*>> siblings;  // by new parent
    for (SectionMatch& m : result_.matches) {
      const std::size_t old_parent = old_[m.old_index].parent, new_parent = new_[m.new_index].parent;
      const bool same_parent = new_parent == kNoIndex ? old_parent == kNoIndex
                                                      : result_.old_of_new[new_parent] == old_parent && old_parent != kNoIndex;
      if (!same_parent) m.moved = true;
      else siblings[new_parent].push_back(&m);
    }
    for (auto& [parent, group] : siblings) mark_out_of_order(group);
  }

  // Longest increasing subsequence of old indices (patience sorting): O(n log n).
  static void mark_out_of_order(const std::vector<SectionMatch*>& group) {
    std::vector<std::size_t> tails, previous(group.size(), kNoIndex);
    for (std::size_t k = 0; k < group.size(); ++k) {
      const auto at = std::lower_bound(tails.begin(), tails.end(), group[k]->old_index,
                                       [&](std::size_t t, std::size_t v) { return group[t]->old_index < v; });
      if (at != tails.begin()) previous[k] = *std::prev(at);
      if (at == tails.end()) tails.push_back(k);
      else *at = k;
    }
    for (SectionMatch* m : group) m->moved = true;
    for (std::size_t k = tails.empty() ? kNoIndex : tails.back(); k != kNoIndex; k = previous[k]) group[k]->moved = false;
  }

  const std::vector<SectionRecord>& old_;
  const std::vector<SectionRecord>& new_;
  std::vector<Profile> old_profiles_, new_profiles_;
  SectionAlignment result_;
};

}  // namespace

SectionAlignment align_sections(const std::vector<SectionRecord>& old_sections,
                                const std::vector<SectionRecord>& new_sections) {
  return Aligner(old_sections, new_sections).run();
}

ReadingSlots reading_slots(const SectionAlignment& a) {
  ReadingSlots slots{std::vector<double>(a.new_of_old.size()), std::vector<double>(a.old_of_new.size())};
  for (std::size_t j = 0; j < slots.new_slot.size(); ++j) slots.new_slot[j] = static_cast<double>(j);
  double last = -1;
  std::size_t run = 0;
  for (std::size_t i = 0; i < slots.old_slot.size(); ++i) {
    if (a.new_of_old[i] != kNoIndex) {
      last = static_cast<double>(a.new_of_old[i]);
      run = 0;
      slots.old_slot[i] = last;
    } else {
      // Removed sections in a run keep their order, all before the next slot.
      slots.old_slot[i] = last + 0.5 + 0.4 * (1.0 - 1.0 / static_cast<double>(++run + 1));
    }
  }
  return slots;
}

}  // namespace zhmine
