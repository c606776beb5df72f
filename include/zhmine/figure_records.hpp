// Figure records: one JSON line per figure, citing the source line and the
// code-point columns of the figure in it (docs/extract-figures.md).
#pragma once

#include <string>
#include <vector>

#include "zhmine/document.hpp"
#include "zhmine/figures.hpp"

namespace zhmine {

// Appends one {"type":"figure",…} line per figure of `document` to `out`.
// A document that is a section of a report adds the section's report, id
// (as "section") and heading path.
void write_figure_records(const Document& document, const std::vector<Figure>& figures, std::string& out);

}  // namespace zhmine
