// The records side of `zhmine check`: the figures it checks, made from a
// document in process or read back from extract-figures' records, and the
// finding records it writes (fields in docs/check.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "zhmine/check/arithmetic_checks.hpp"
#include "zhmine/io/document.hpp"
#include "zhmine/figures/figures.hpp"

namespace zhmine {

// The figures of `document` as the checks see them; their sentences are
// views of the document's text, which must outlive them.
std::vector<CheckFigure> check_figures_of(const Document& document, const std::vector<Figure>& figures);

// A figure record of extract-figures as the checks see it; throws
// std::invalid_argument for a record that is not one. Its sentence is
// `sentence`, which must outlive it (the caller keeps the record's text);
// its place there is found by locate_in_sentences().
CheckFigure check_figure_of(const nlohmann::ordered_json& record, std::string_view sentence);

// Finds each figure's bytes in its sentence, left to right within a sentence.
void locate_in_sentences(std::vector<CheckFigure>& figures);

// Where a checked figure came from, for findings across reports.
struct FigureOrigin {
  std::string source, doc;
};

// One finding as a JSON line: {"type":"finding","check",…}. `origins`, when
// given, holds the source and doc of each figure (findings across reports).
void write_finding_record(const Finding& finding, const std::vector<CheckFigure>& figures, const FigureOrigin& report,
                          const std::vector<FigureOrigin>* origins, std::string& out);

}  // namespace zhmine
