// zhmine diff: what changed between two reports (sections aligned by
// meaning, their figures and sentences compared), or, with --series, the
// same figures lined up across many reports. Fields in docs/diff.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "zhmine/diff/change.hpp"
#include "zhmine/diff/report_records.hpp"
#include "zhmine/io/stage.hpp"

namespace zhmine {

// The changes from `old_report` to `new_report`, in the new report's reading
// order (a removed section where it stood): per section, its own change
// (added, removed, renamed, moved), then its figures', then its sentences'.
// Unchanged figures only when `all`.
std::vector<Change> diff_reports(const ReportRecords& old_report, const ReportRecords& new_report, bool all = false);

struct DiffOptions {
  StageOptions stage;                 // inputs, -o, -j, --stats, --encoding, --script, --format
  std::vector<std::string> patterns;  // the user's rule files, for raw input
  bool series = false;
  bool all = false;
  bool colour = false;  // text format only
};

// Reads the inputs (two, or with `series` two or more) and writes change or
// series records. Returns the exit status: 0, 1 when input was lost, 2 for a
// usage error (the wrong number of inputs, a bad rule file).
int run_diff(const DiffOptions& options, std::ostream& err);

}  // namespace zhmine
