// Figure records: one JSON line per figure, citing the source line and the
// code-point columns of the figure in it (docs/extract-figures.md).
#pragma once

#include <string>
#include <vector>

#include "zhmine/io/diagnostics.hpp"
#include "zhmine/io/document.hpp"
#include "zhmine/figures/figures.hpp"
#include "zhmine/io/record_sink.hpp"

namespace zhmine {

// Appends one {"type":"figure",…} line per figure of `document` to `out`.
// A document that is a section of a report adds the section's report, id
// (as "section") and heading path.
void write_figure_records(const Document& document, const std::vector<Figure>& figures, std::string& out);

// extract-figures' work on one document: the figure records of `document`,
// block by block into `records` (so memory holds one block's figures), and a
// warning naming file and line for each figure whose numeral is too large to
// hold exactly (its record has "value": null).
void extract_figure_records(const FigureExtractor& extractor, const Document& document, RecordSink& records,
                            Report& report);

}  // namespace zhmine
