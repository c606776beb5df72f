// Lining up the sections of two reports by what they say, not by their
// number or position: a section keeps its identity when it is renumbered
// (二、 became 三、), moved, renamed or partly rewritten.
#pragma once

#include <cstddef>
#include <vector>

#include "zhmine/diff/report_records.hpp"

namespace zhmine {

// Two sections are the same when, in Dice similarity of character bigram
// sets (see similarity.hpp), their contents agree at least kSameContent
// (a rename or a rewrite of some sentences keeps that much), or their
// headings agree at least kSameHeading (the body was rewritten under the same
// heading), or both agree at least kSimilar. A section's content is its own
// body, or, when that is shorter than kMinBody characters (a heading over
// subsections), the body of everything under it.
inline constexpr double kSameContent = 0.5;
inline constexpr double kSameHeading = 0.8;
inline constexpr double kSimilar = 0.4;
inline constexpr std::size_t kMinBody = 20;

struct SectionMatch {
  std::size_t old_index, new_index;
  double heading_similarity, content_similarity;
  bool renamed = false;  // the heading's words changed (its number does not count)
  bool moved = false;    // out of order among its siblings, or under another parent
};

struct SectionAlignment {
  std::vector<SectionMatch> matches;  // in the new report's order
  std::vector<std::size_t> new_of_old, old_of_new;  // kNoIndex when unmatched
};

// Preambles match preambles of the same report; identical sections match in
// order; the rest through a bigram index (candidates sharing rare bigrams,
// never all pairs), best similarity first, each section at most once.
SectionAlignment align_sections(const std::vector<SectionRecord>& old_sections,
                                const std::vector<SectionRecord>& new_sections);

// Where each section stands in the new report's reading order: a new section
// at its index, an old one at its partner's, and an old one without a partner
// just after the old section before it. diff writes its changes, and the
// HTML page its rows, in this order.
struct ReadingSlots {
  std::vector<double> old_slot, new_slot;
};
ReadingSlots reading_slots(const SectionAlignment& alignment);

}  // namespace zhmine
