#include "zhmine/series.hpp"

#include "zhmine/figure_alignment.hpp"
#include "zhmine/json_line.hpp"
#include "zhmine/section_alignment.hpp"

namespace zhmine {

std::vector<Series> line_up_series(const std::vector<ReportRecords>& reports) {
  std::vector<Series> out;
  std::vector<std::size_t> series_of;  // of each figure of the previous report
  for (std::size_t k = 0; k < reports.size(); ++k) {
    std::vector<std::size_t> current(reports[k].figures.size(), kNoIndex);
    if (k > 0) {
      const SectionAlignment sections = align_sections(reports[k - 1].sections, reports[k].sections);
      for (const FigurePair& p : align_figures(reports[k - 1], reports[k], sections))
        if (p.old_index != kNoIndex && p.new_index != kNoIndex) current[p.new_index] = series_of[p.old_index];
    }
    for (std::size_t f = 0; f < current.size(); ++f) {
      if (current[f] == kNoIndex) {
        current[f] = out.size();
        out.push_back({std::vector<std::size_t>(reports.size(), kNoIndex), k});
      }
      out[current[f]].figures[k] = f;
      out[current[f]].latest = k;
    }
    series_of = std::move(current);
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
