// `zhmine diff --format text`: the changes as a compact report for people,
// one line a change under the heading path of its section (layout in
// docs/diff.md). Colour, when asked for, marks removed red, added green and
// changed yellow.
#pragma once

#include <string>
#include <vector>

#include "zhmine/diff/change.hpp"
#include "zhmine/diff/report_records.hpp"
#include "zhmine/diff/series.hpp"

namespace zhmine {

// Sentences longer than this many characters are cut, with "…".
inline constexpr std::size_t kShownSentence = 60;

std::string format_changes_text(const std::vector<Change>& changes, const ReportRecords& old_report,
                                const ReportRecords& new_report, bool colour);

// One line per series: label, unit, then each report's figure or "—".
std::string format_series_text(const std::vector<Series>& series, const std::vector<ReportRecords>& reports,
                               bool colour);

// Whether text on this stream may be coloured: a terminal, and NO_COLOR
// unset or empty (https://no-color.org).
bool colour_wanted(int fd);

}  // namespace zhmine
