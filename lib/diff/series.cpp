#include "zhmine/diff/series.hpp"

#include <algorithm>

#include "zhmine/diff/figure_alignment.hpp"
#include "zhmine/io/json_line.hpp"
#include "zhmine/diff/section_alignment.hpp"

namespace zhmine {

namespace {

// How many reports back a figure is looked for: a series may skip this many
// less one (a figure left out of a year's report and back the next).
constexpr std::size_t kLookBack = 3;

}  // namespace

std::vector<Series> line_up_series(const std::vector<ReportRecords>& reports) {
  std::vector<Series> out;
  // The series of each figure of each report so far.
  std::vector<std::vector<std::size_t>> series_of(reports.size());
  for (std::size_t k = 0; k < reports.size(); ++k) {
    std::vector<std::size_t>& current = series_of[k];
    current.assign(reports[k].figures.size(), kNoIndex);
    auto continues = [&](std::size_t figure, std::size_t series) {
      current[figure] = series;
      out[series].figures[k] = figure;
      out[series].latest = k;
    };
    // The report before first; then, for figures still alone, the ones
    // before it, whose series that have not gone on since may go on here.
    for (std::size_t j = k; j-- > 0 && k - j <= kLookBack;) {
      if (std::find(current.begin(), current.end(), kNoIndex) == current.end()) break;
      const SectionAlignment sections = align_sections(reports[j].sections, reports[k].sections);
      for (const FigurePair& p : align_figures(reports[j], reports[k], sections)) {
        if (p.old_index == kNoIndex || p.new_index == kNoIndex || current[p.new_index] != kNoIndex) continue;
        const std::size_t series = series_of[j][p.old_index];
        if (out[series].latest == j) continues(p.new_index, series);
      }
    }
    for (std::size_t f = 0; f < current.size(); ++f) {
      if (current[f] != kNoIndex) continue;
      out.push_back({std::vector<std::size_t>(reports.size(), kNoIndex), k});
      continues(f, out.size() - 1);
    }
  }
  return out;
}

void write_series_record(const Series& series, const std::vector<ReportRecords>& reports, std::string& out) {
  const auto& latest = reports[series.latest].figures[series.figures[series.latest]].record;
  const auto field = [](const nlohmann::ordered_json& r, const char* name) {
    return r.value(name, nlohmann::ordered_json());
  };
  nlohmann::ordered_json values = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < reports.size(); ++k) {
    if (series.figures[k] == kNoIndex) {
      values.push_back(nullptr);
      continue;
    }
    const auto& r = reports[k].figures[series.figures[k]].record;
    values.push_back({{"source", field(r, "source")}, {"value", field(r, "value")}, {"line", field(r, "line")},
                      {"raw", field(r, "raw")}});
  }
  JsonLine(out)
      .field("type", "series")
      .field("label", field(latest, "label"))
      .field("unit", field(latest, "unit"))
      .field("kind", field(latest, "kind"))
      .field("path", field(latest, "path"))
      .field("values", values)
      .end();
}

}  // namespace zhmine
