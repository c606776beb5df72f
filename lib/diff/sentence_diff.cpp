#include "zhmine/diff/sentence_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include <dtl/dtl.hpp>

#include "zhmine/diff/similarity.hpp"
#include "zhmine/text/punctuation.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

bool ends_sentence(char32_t c) { return marks(MarkClass::diff_sentence_end).contains(c); }

bool closes(char32_t c) { return marks(MarkClass::diff_closing).contains(c); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// What identifies a sentence: its text without spaces (a rewrapped line is
// the same sentence).
std::uint64_t sentence_hash(std::string_view text, const Sentence& s) {
  std::string key;
  for (std::size_t k = s.begin; k < s.end; ++k)
    if (!is_space(text[k])) key.push_back(text[k]);
  return std::hash<std::string>{}(key);
}

// Up to this many removed × added sentences of a section, every pair is
// compared; past it, only those of the same hunk within kWindow places.
constexpr std::size_t kAllPairs = 4096;
constexpr std::size_t kWindow = 16;

struct Edit {
  std::size_t index;  // of the sentence on its side
  std::size_t hunk;   // edits between the same two common sentences share a hunk
  bool paired = false;
};

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  auto flush = [&](std::size_t begin, std::size_t end) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin < end) out.push_back({begin, end});
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = utf8::decode(text, i);
    i += d.length;
    if (!ends_sentence(d.code_point)) continue;
    while (i < text.size()) {  // the closing marks and repeated stops that belong to it
      const auto next = utf8::decode(text, i);
      if (!closes(next.code_point) && !(ends_sentence(next.code_point) && next.code_point != '\n')) break;
      i += next.length;
    }
    flush(start, i);
    start = i;
  }
  flush(start, text.size());
  return out;
}

std::vector<SentenceChange> diff_sentences(std::string_view old_text, std::string_view new_text) {
  const std::vector<Sentence> olds = split_sentences(old_text), news = split_sentences(new_text);
  std::vector<std::uint64_t> a, b;
  for (const Sentence& s : olds) a.push_back(sentence_hash(old_text, s));
  for (const Sentence& s : news) b.push_back(sentence_hash(new_text, s));
  dtl::Diff<std::uint64_t> diff(a, b);
  diff.compose();

  std::vector<Edit> removed, added;
  std::size_t hunk = 0;
  for (const auto& [hash, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON) ++hunk;
    else if (info.type == dtl::SES_DELETE) removed.push_back({static_cast<std::size_t>(info.beforeIdx - 1), hunk});
    else added.push_back({static_cast<std::size_t>(info.afterIdx - 1), hunk});
  }

  // A sentence removed here and added there only moved.
  std::unordered_map<std::uint64_t, std::vector<Edit*>> added_by_hash;
  for (Edit& e : added) added_by_hash[b[e.index]].push_back(&e);
  for (Edit& r : removed) {
    auto it = added_by_hash.find(a[r.index]);
    if (it == added_by_hash.end() || it->second.empty()) continue;
    r.paired = it->second.back()->paired = true;
    it->second.pop_back();
  }

  // Reworded: the most similar removed and added sentences, nearest hunks first.
  struct Candidate {
    double score;
    Edit *r, *d;
  };
  std::vector<Candidate> candidates;
  std::vector<Shingles> removed_shingles(removed.size()), added_shingles(added.size());
  for (std::size_t k = 0; k < removed.size(); ++k)
    if (!removed[k].paired) {
      const Sentence& s = olds[removed[k].index];
      removed_shingles[k] = shingles(old_text.substr(s.begin, s.end - s.begin));
    }
  for (std::size_t k = 0; k < added.size(); ++k)
    if (!added[k].paired) {
      const Sentence& s = news[added[k].index];
      added_shingles[k] = shingles(new_text.substr(s.begin, s.end - s.begin));
    }
  auto consider = [&](std::size_t x, std::size_t y) {
    if (removed[x].paired || added[y].paired) return;
    const double s = dice(removed_shingles[x], added_shingles[y]);
    if (s >= kReworded) candidates.push_back({s + (added[y].hunk == removed[x].hunk ? 1.0 : 0.0), &removed[x], &added[y]});
  };
  if (removed.size() * added.size() <= kAllPairs) {
    for (std::size_t x = 0; x < removed.size(); ++x)
      for (std::size_t y = 0; y < added.size(); ++y) consider(x, y);
  } else {
    // A long rewrite: each removed sentence is compared with the added ones
    // at about the same place of its hunk, so the cost stays linear.
    for (std::size_t rb = 0, ab = 0; rb < removed.size();) {
      std::size_t re = rb;
      while (re < removed.size() && removed[re].hunk == removed[rb].hunk) ++re;
      while (ab < added.size() && added[ab].hunk < removed[rb].hunk) ++ab;
      std::size_t ae = ab;
      while (ae < added.size() && added[ae].hunk == removed[rb].hunk) ++ae;
      for (std::size_t x = rb; ab < ae && x < re; ++x) {
        const std::size_t centre = ab + (x - rb) * (ae - ab) / (re - rb);
        for (std::size_t y = centre - std::min(centre - ab, kWindow / 2); y < ae && y < centre + kWindow / 2; ++y) consider(x, y);
      }
      rb = re;
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& p, const Candidate& q) { return p.score > q.score; });

  std::vector<SentenceChange> out;
  std::vector<std::pair<std::size_t, std::size_t>> order;  // (hunk, position in out)
  for (const Candidate& c : candidates) {
    if (c.r->paired || c.d->paired) continue;
    c.r->paired = c.d->paired = true;
    out.push_back({SentenceChange::Kind::changed, olds[c.r->index], news[c.d->index]});
    order.emplace_back(c.d->hunk, c.d->index);
  }
  for (const Edit& r : removed)
    if (!r.paired) {
      out.push_back({SentenceChange::Kind::removed, olds[r.index], {}});
      order.emplace_back(r.hunk, 0);
    }
  for (const Edit& d : added)
    if (!d.paired) {
      out.push_back({SentenceChange::Kind::added, {}, news[d.index]});
      order.emplace_back(d.hunk, d.index);
    }
  std::vector<std::size_t> by_order(out.size());
  for (std::size_t k = 0; k < by_order.size(); ++k) by_order[k] = k;
  std::stable_sort(by_order.begin(), by_order.end(), [&](std::size_t p, std::size_t q) { return order[p] < order[q]; });
  std::vector<SentenceChange> sorted;
  sorted.reserve(out.size());
  for (std::size_t k : by_order) sorted.push_back(out[k]);
  return sorted;
}

}  // namespace zhmine
