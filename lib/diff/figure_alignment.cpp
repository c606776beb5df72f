#include "zhmine/diff/figure_alignment.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "zhmine/diff/similarity.hpp"

namespace zhmine {

namespace {

// Past this many pairs in one bucket, only pairs with an equal label or an
// equal value are scored, so that a report without headings (one section of
// thousands of figures) costs n, not n².
constexpr std::size_t kMaxPairsScored = 4096;

struct Profile {
  Shingles label, sentence;
};

std::vector<Profile> profiles(const std::vector<FigureRecord>& figures) {
  std::vector<Profile> out;
  out.reserve(figures.size());
  for (std::size_t k = 0; k < figures.size(); ++k) {
    // Figures of one sentence come one after another: its shingles are made once.
    const bool same_sentence = k > 0 && figures[k].sentence == figures[k - 1].sentence;
    out.push_back({shingles(figures[k].label), same_sentence ? out.back().sentence : shingles(figures[k].sentence)});
  }
  return out;
}

bool same_value(const FigureRecord& a, const FigureRecord& b) {
  return a.value && b.value ? *a.value == *b.value : !a.value && !b.value;
}

std::string value_key(const FigureRecord& f) { return f.value ? f.value->to_string() : "null"; }

struct Candidate {
  double score;
  std::size_t old_index, new_index;
};

class Aligner {
 public:
  Aligner(const ReportRecords& old_report, const ReportRecords& new_report)
      : old_(old_report.figures), new_(new_report.figures), old_profiles_(profiles(old_)),
        new_profiles_(profiles(new_)), new_of_old_(old_.size(), kNoIndex), old_of_new_(new_.size(), kNoIndex) {}

  std::vector<FigurePair> run(const ReportRecords& old_report, const ReportRecords& new_report,
                              const SectionAlignment& sections) {
    const auto old_by_section = by_section(old_, old_report.sections.size());
    const auto new_by_section = by_section(new_, new_report.sections.size());
    for (const SectionMatch& m : sections.matches)
      pair_up(old_by_section[m.old_index], new_by_section[m.new_index], false);
    // What is left, wherever it stands: figures that moved between sections.
    pair_up(unpaired(new_of_old_), unpaired(old_of_new_), true);
    std::vector<FigurePair> out;
    for (std::size_t j = 0; j < new_.size(); ++j)
      if (old_of_new_[j] != kNoIndex) out.push_back({old_of_new_[j], j});
    for (std::size_t i = 0; i < old_.size(); ++i)
      if (new_of_old_[i] == kNoIndex) out.push_back({i, kNoIndex});
    for (std::size_t j = 0; j < new_.size(); ++j)
      if (old_of_new_[j] == kNoIndex) out.push_back({kNoIndex, j});
    return out;
  }

 private:
  static std::vector<std::vector<std::size_t>> by_section(const std::vector<FigureRecord>& figures, std::size_t n) {
    std::vector<std::vector<std::size_t>> out(n);
    for (std::size_t k = 0; k < figures.size(); ++k)
      if (figures[k].section != kNoIndex) out[figures[k].section].push_back(k);
    return out;
  }

  static std::vector<std::size_t> unpaired(const std::vector<std::size_t>& partner) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < partner.size(); ++k)
      if (partner[k] == kNoIndex) out.push_back(k);
    return out;
  }

  // Pairs figures of `olds` and `news` (indices, in text order), best first.
  void pair_up(const std::vector<std::size_t>& olds, const std::vector<std::size_t>& news, bool across) {
    std::map<std::pair<std::string_view, std::string_view>, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> buckets;
    for (std::size_t i : olds)
      if (new_of_old_[i] == kNoIndex) buckets[{old_[i].unit, old_[i].kind}].first.push_back(i);
    for (std::size_t j : news)
      if (old_of_new_[j] == kNoIndex) buckets[{new_[j].unit, new_[j].kind}].second.push_back(j);
    std::vector<Candidate> candidates;
    for (const auto& [unit, bucket] : buckets) {
      const auto& [bucket_olds, bucket_news] = bucket;
      if (bucket_olds.empty() || bucket_news.empty()) continue;
      if (!across && bucket_olds.size() * bucket_news.size() <= kMaxPairsScored) {
        for (std::size_t a = 0; a < bucket_olds.size(); ++a)
          for (std::size_t b = 0; b < bucket_news.size(); ++b)
            consider(bucket_olds, a, bucket_news, b, across, candidates);
      } else {
        consider_equal_keys(bucket_olds, bucket_news, across, candidates);
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      return x.score != y.score ? x.score > y.score : std::tie(x.new_index, x.old_index) < std::tie(y.new_index, y.old_index);
    });
    for (const Candidate& c : candidates)
      if (new_of_old_[c.old_index] == kNoIndex && old_of_new_[c.new_index] == kNoIndex) {
        new_of_old_[c.old_index] = c.new_index;
        old_of_new_[c.new_index] = c.old_index;
      }
  }

  // Only the pairs that share a label or a value: found through hash maps.
  void consider_equal_keys(const std::vector<std::size_t>& olds, const std::vector<std::size_t>& news, bool across,
                           std::vector<Candidate>& out) const {
    std::unordered_map<std::string, std::vector<std::size_t>> by_label, by_value;
    for (std::size_t a = 0; a < olds.size(); ++a) {
      if (!old_[olds[a]].label.empty()) by_label[old_[olds[a]].label].push_back(a);
      by_value[value_key(old_[olds[a]])].push_back(a);
    }
    std::vector<std::size_t> found;
    for (std::size_t b = 0; b < news.size(); ++b) {
      found.clear();
      for (auto* map : {&by_label, &by_value}) {
        const auto it = map->find(map == &by_label ? new_[news[b]].label : value_key(new_[news[b]]));
        if (it == map->end()) continue;
        // A label or value that a hundred figures share says little: the
        // few nearest to where this figure stands will do.
        const auto [begin, end] = nearest_window(it->second, b * olds.size() / news.size(), ShingleIndex::kMaxCandidates);
        found.insert(found.end(), it->second.begin() + static_cast<std::ptrdiff_t>(begin),
                     it->second.begin() + static_cast<std::ptrdiff_t>(end));
      }
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      for (std::size_t a : found) consider(olds, a, news, b, across, out);
    }
  }

  void consider(const std::vector<std::size_t>& olds, std::size_t a, const std::vector<std::size_t>& news,
                std::size_t b, bool across, std::vector<Candidate>& out) const {
    const std::size_t i = olds[a], j = news[b];
    const FigureRecord& o = old_[i];
    const FigureRecord& n = new_[j];
    const bool equal_label = !o.label.empty() && o.label == n.label;
    const double label = equal_label ? 1.0 : dice(old_profiles_[i].label, new_profiles_[j].label);
    const double sentence = dice(old_profiles_[i].sentence, new_profiles_[j].sentence);
    const bool value = same_value(o, n);
    const bool accept = across ? equal_label || (value && label >= kSameLabel)
                               : label >= kSameLabel ||
                                     (value && (label >= kRelatedLabel || sentence >= kSameSentence)) ||
                                     (o.label.empty() && n.label.empty() && sentence >= kSameSentence);
    if (!accept) return;
    // Among equals, the one at the same place among its fellows wins.
    const double place = std::abs(static_cast<double>(a) / static_cast<double>(olds.size()) -
                                  static_cast<double>(b) / static_cast<double>(news.size()));
    out.push_back({label + (value ? 0.5 : 0.0) + 0.3 * sentence - 0.01 * place, i, j});
  }

  const std::vector<FigureRecord>& old_;
  const std::vector<FigureRecord>& new_;
  std::vector<Profile> old_profiles_, new_profiles_;
  std::vector<std::size_t> new_of_old_, old_of_new_;
};

}  // namespace

std::vector<FigurePair> align_figures(const ReportRecords& old_report, const ReportRecords& new_report,
                                      const SectionAlignment& sections) {
  return Aligner(old_report, new_report).run(old_report, new_report, sections);
}

}  // namespace zhmine
