// zhmine diff --series: the same figure lined up across many reports (one a
// year, say), the time series analysts otherwise build by hand.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "zhmine/diff/report_records.hpp"

namespace zhmine {

struct Series {
  // Per report, in input order: the index of the figure in that report, or
  // kNoIndex where the report does not have it.
  std::vector<std::size_t> figures;
  std::size_t latest = 0;  // the last report that has it: label, unit, path are its
};

// Each report is aligned with the one before it, as `zhmine diff` aligns two
// (sections by meaning, figures by label, unit and kind), and a figure
// continues the series of its partner. A figure that is missing in one
// report and back in the next starts a new series. Series come in the order
// of their first figure.
std::vector<Series> line_up_series(const std::vector<ReportRecords>& reports);

// {"type":"series","label","unit","kind","path","values":[{"source","value","line","raw"}|null …]}
void write_series_record(const Series& series, const std::vector<ReportRecords>& reports, std::string& out);

}  // namespace zhmine
