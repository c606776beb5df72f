// Lining up the figures of two reports: the same figure keeps its label,
// unit and kind when its value changes and the sentence around it is
// rewritten (发展会员2970人 ↔ 新发展会员3300人).
#pragma once

#include <cstddef>
#include <vector>

#include "zhmine/diff/report_records.hpp"
#include "zhmine/diff/section_alignment.hpp"

namespace zhmine {

// Figures of the same unit and kind pair up when, in Dice similarity of
// character bigram sets, their labels agree at least kSameLabel; or their
// values are equal and their labels agree at least kRelatedLabel or their
// sentences at least kSameSentence (a reworded label around an unchanged
// number). Within a pair of matched sections these hold; across the report
// (a figure that moved to another section) only an equal label, or an equal
// value with labels agreeing at least kSameLabel, will do.
inline constexpr double kSameLabel = 0.5;
inline constexpr double kRelatedLabel = 0.25;
inline constexpr double kSameSentence = 0.5;

struct FigurePair {
  std::size_t old_index = kNoIndex, new_index = kNoIndex;  // kNoIndex: none on that side
};

// Every figure of both reports exactly once: paired, or alone on its side.
// Pairs come first, in the new report's order, then old figures alone,
// then new ones alone.
std::vector<FigurePair> align_figures(const ReportRecords& old_report, const ReportRecords& new_report,
                                      const SectionAlignment& sections);

}  // namespace zhmine
