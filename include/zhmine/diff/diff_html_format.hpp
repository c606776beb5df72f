// `zhmine diff --format html`: one self-contained page for people (inline
// CSS and SVG; no script, no network). The changes sit in the two reports
// side by side, section by aligned section, each figure linked to its source
// line in the reports' texts at the foot of the page. With --series, one
// small line chart per series beside its table of values. Layout in
// docs/diff.md.
#pragma once

#include <string>
#include <vector>

#include "zhmine/diff/change.hpp"
#include "zhmine/diff/report_records.hpp"
#include "zhmine/diff/series.hpp"

namespace zhmine {

std::string format_changes_html(const std::vector<Change>& changes, const ReportRecords& old_report,
                                const ReportRecords& new_report);

// Series come most reports first: the longest runs lead.
std::string format_series_html(const std::vector<Series>& series, const std::vector<ReportRecords>& reports);

}  // namespace zhmine
