#include "zhmine/diff/diff_html_format.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "zhmine/diff/readable_number.hpp"
#include "zhmine/diff/record_view.hpp"
#include "zhmine/diff/section_alignment.hpp"

namespace zhmine {

namespace {

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Light and dark alike readable; the page needs nothing from outside.
constexpr const char* kStyle = R"css(
body{font:15px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
h1{font-size:1.4em}h2{font-size:1.1em;margin:1.2em 0 .3em}
.old{color:#a40000}.new{color:#006b1f}.summary,.path,.reports{color:#555}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
table.diff td,table.diff th{width:50%}
tr.section th{background:#f2f2f2;font-weight:600}tr.section.added th:last-child,tr.added td:last-child{background:#e6f6e9}
tr.section.removed th:first-child,tr.removed td:first-child{background:#fbe9e9}
tr.changed td,tr.section.renamed th,tr.section.moved th{background:#fff6d5}
.delta{font-weight:600;margin-left:.5em}.label{color:#444}a{color:inherit;text-decoration:none}a:hover{text-decoration:underline}
.series .row{display:flex;gap:1.5em;align-items:flex-start;flex-wrap:wrap}
svg.chart{background:#fafafa;border:1px solid #ddd}svg.chart polyline{fill:none;stroke:#1f5fbf;stroke-width:2}
svg.chart circle{fill:#1f5fbf}svg.chart text{font-size:11px;fill:#555}svg.chart line{stroke:#bbb}
table.values{width:auto}table.values td.gap{color:#999}
ol.lines{font:13px/1.4 monospace;color:#333}ol.lines li:target{background:#fff1a8}
)css";

std::string page_start(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escaped(title) +
         "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
}

// The reports' texts, every line with an anchor ("a-L9") that figures link to.
std::string source_lines(const ReportRecords& report, const char* side) {
  if (report.text.empty()) return {};
  std::string out = "<section class=\"source\" id=\"source-" + std::string(side) + "\">\n<h2>" +
                    escaped(report.source) + "</h2>\n<ol class=\"lines\">\n";
  std::size_t line = 1;
  for (std::size_t at = 0; at <= report.text.size(); ++line) {
    std::size_t end = report.text.find('\n', at);
    if (end == std::string::npos) end = report.text.size();
    if (end == at && end == report.text.size()) break;
    out += "<li id=\"" + std::string(side) + "-L" + std::to_string(line) + "\">" +
           escaped(std::string_view(report.text).substr(at, end - at)) + "</li>\n";
    at = end + 1;
  }
  return out + "</ol>\n</section>\n";
}

// `text` linking to where `record` stands, when the page holds that line:
// the record is of the document whose text the page shows, at a line number.
std::string cited(const std::string& text, const nlohmann::ordered_json& record, const ReportRecords& report,
                  const char* side) {
  const auto line_field = record.is_object() ? record.find("line") : record.end();
  if (report.text.empty() || field_text(record, "doc") != report.text_doc || line_field == record.end() ||
      !line_field->is_number_unsigned())
    return escaped(text);
  const std::string line = line_field->dump();
  return "<a href=\"#" + std::string(side) + "-L" + line + "\" title=\"" + escaped(report.source) + ":" + line + "\">" +
         escaped(text) + "</a>";
}

std::string section_title(const nlohmann::ordered_json& section) {
  const std::string heading = field_text(section, "number") + field_text(section, "heading");
  return heading.empty() ? "(preamble)" : heading;
}

// The two cells of one change.
std::string change_row(const Change& c, const ReportRecords& old_report, const ReportRecords& new_report) {
  const auto& o = c.old_record;
  const auto& n = c.new_record;
  std::string left, right;
  if (c.what == Change::What::figure) {
    const std::string label = c.label.is_string() ? c.label.get<std::string>() : "";
    if (!o.is_null()) left = "<span class=\"label\">" + escaped(label) + "</span> " + cited(figure_text(o), o, old_report, "a");
    if (!n.is_null()) right = "<span class=\"label\">" + escaped(label) + "</span> " + cited(figure_text(n), n, new_report, "b");
    if (c.delta)
      right += " <span class=\"delta\">" + escaped(readable_change(*c.delta, c.delta_unit)) +
               (c.ratio ? ", ×" + escaped(*c.ratio) : "") + "</span>";
  } else {
    if (!o.is_null()) left = cited(field_text(o, "text"), o, old_report, "a");
    if (!n.is_null()) right = cited(field_text(n, "text"), n, new_report, "b");
  }
  return "<tr class=\"" + std::string(name_of(c.what)) + " " + std::string(name_of(c.change)) + "\"><td>" + left +
         "</td><td>" + right + "</td></tr>\n";
}

// Sections side by side, in the reading order diff writes its changes in
// (reading_slots): a section only the old report has where it stood there.
std::vector<std::pair<std::size_t, std::size_t>> section_rows(const SectionAlignment& alignment) {
  const ReadingSlots slots = reading_slots(alignment);
  std::vector<std::tuple<double, std::size_t, std::size_t>> rows;
  for (std::size_t j = 0; j < slots.new_slot.size(); ++j) rows.emplace_back(slots.new_slot[j], alignment.old_of_new[j], j);
  for (std::size_t i = 0; i < slots.old_slot.size(); ++i)
    if (alignment.new_of_old[i] == kNoIndex) rows.emplace_back(slots.old_slot[i], i, kNoIndex);
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [slot, i, j] : rows) pairs.emplace_back(i, j);
  return pairs;
}

}  // namespace

std::string format_changes_html(const std::vector<Change>& changes, const ReportRecords& old_report,
                                const ReportRecords& new_report) {
  std::map<std::string, std::vector<const Change*>> by_path;
  for (const Change& c : changes)
    if (c.what != Change::What::section) by_path[path_text(c.path)].push_back(&c);

  std::string out = page_start("zhmine diff: " + old_report.source + " → " + new_report.source);
  out += "<h1>What changed</h1>\n<p><span class=\"old\">" + escaped(old_report.source) +
         "</span> → <span class=\"new\">" + escaped(new_report.source) + "</span></p>\n<p class=\"summary\">" +
         escaped(change_summary(changes)) + "</p>\n";
  out += "<table class=\"diff\">\n<thead><tr><th class=\"old\">" + escaped(old_report.source) +
         "</th><th class=\"new\">" + escaped(new_report.source) + "</th></tr></thead>\n<tbody>\n";
  const SectionAlignment alignment = align_sections(old_report.sections, new_report.sections);
  std::map<std::size_t, const SectionMatch*> match_of_new;
  for (const SectionMatch& m : alignment.matches) match_of_new[m.new_index] = &m;
  std::set<std::string> shown;
  for (const auto& [i, j] : section_rows(alignment)) {
    const SectionRecord* o = i == kNoIndex ? nullptr : &old_report.sections[i];
    const SectionRecord* n = j == kNoIndex ? nullptr : &new_report.sections[j];
    std::string kind = !o ? "added" : !n ? "removed" : "matched";
    if (o && n) {
      const SectionMatch* m = match_of_new.at(j);
      if (m->renamed) kind = "renamed";
      else if (m->moved) kind = "moved";
    }
    out += "<tr class=\"section " + kind + "\"><th>" + (o ? cited(section_title(o->record), o->record, old_report, "a") : "") +
           "</th><th>" + (n ? cited(section_title(n->record), n->record, new_report, "b") : "") + "</th></tr>\n";
    const std::string path = path_text((n ? n : o)->record.value("path", nlohmann::ordered_json()));
    if (!shown.insert(path).second) continue;
    if (const auto it = by_path.find(path); it != by_path.end())
      for (const Change* c : it->second) out += change_row(*c, old_report, new_report);
  }
  // Changes whose path names no section (records without sections): at the end, none left out.
  for (const auto& [path, list] : by_path) {
    if (shown.count(path)) continue;
    out += "<tr class=\"section matched\"><th colspan=\"2\">" + escaped(path) + "</th></tr>\n";
    for (const Change* c : list) out += change_row(*c, old_report, new_report);
  }
  out += "</tbody>\n</table>\n";
  out += source_lines(old_report, "a") + source_lines(new_report, "b");
  return out + "</body>\n</html>\n";
}

namespace {

// A report's short name on a chart's axis: its file name without extension (2019).
std::string short_name(const std::string& source) { return std::filesystem::path(source).stem().string(); }

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// Years on x, values on y; a report without the figure is a gap in the line.
std::string chart(const Series& s, const std::vector<ReportRecords>& reports, const std::string& unit) {
  constexpr double kWidth = 440, kHeight = 190, kLeft = 90, kRight = 16, kTop = 14, kBottom = 34;
  const std::size_t n = reports.size();
  std::vector<std::optional<Decimal>> values(n);
  std::optional<Decimal> low, high;
  for (std::size_t k = 0; k < n; ++k) {
    if (s.figures[k] == kNoIndex) continue;
    values[k] = reports[k].figures[s.figures[k]].value;
    if (!values[k]) continue;
    if (!low || *values[k] < *low) low = values[k];
    if (!high || *values[k] > *high) high = values[k];
  }
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](std::size_t k) { return kLeft + (n == 1 ? plot_w / 2 : plot_w * static_cast<double>(k) / static_cast<double>(n - 1)); };
  auto y = [&](const Decimal& v) {
    const double lo = low->to_double(), hi = high->to_double();
    return hi == lo ? kTop + plot_h / 2 : kTop + plot_h * (hi - v.to_double()) / (hi - lo);
  };
  std::string svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(kWidth) +
                    "\" height=\"" + number(kHeight) + "\" viewBox=\"0 0 " + number(kWidth) + " " + number(kHeight) +
                    "\" role=\"img\">\n";
  svg += "<line x1=\"" + number(kLeft) + "\" y1=\"" + number(kTop + plot_h) + "\" x2=\"" + number(kLeft + plot_w) +
         "\" y2=\"" + number(kTop + plot_h) + "\"/>\n";
  if (low) {
    svg += "<text x=\"" + number(kLeft - 6) + "\" y=\"" + number(y(*high) + 4) + "\" text-anchor=\"end\">" +
           escaped(readable_amount(*high, unit)) + "</text>\n";
    if (*low != *high)
      svg += "<text x=\"" + number(kLeft - 6) + "\" y=\"" + number(y(*low) + 4) + "\" text-anchor=\"end\">" +
             escaped(readable_amount(*low, unit)) + "</text>\n";
  }
  // Each run of reports that have the figure is one line; a gap breaks it.
  std::string points;
  auto end_run = [&] {
    if (points.find(' ') != std::string::npos) svg += "<polyline points=\"" + points + "\"/>\n";
    points.clear();
  };
  const std::size_t every = n > 12 ? (n + 11) / 12 : 1;  // axis labels that fit
  for (std::size_t k = 0; k < n; ++k) {
    if (k % every == 0 || k + 1 == n)
      svg += "<text x=\"" + number(x(k)) + "\" y=\"" + number(kHeight - 12) + "\" text-anchor=\"middle\">" +
             escaped(short_name(reports[k].source)) + "</text>\n";
    if (!values[k]) {
      end_run();
      continue;
    }
    if (!points.empty()) points += ' ';
    points += number(x(k)) + "," + number(y(*values[k]));
  }
  end_run();
  for (std::size_t k = 0; k < n; ++k) {
    if (!values[k]) continue;
    svg += "<circle cx=\"" + number(x(k)) + "\" cy=\"" + number(y(*values[k])) + "\" r=\"3.5\"><title>" +
           escaped(short_name(reports[k].source) + ": " + figure_text(reports[k].figures[s.figures[k]].record)) +
           "</title></circle>\n";
  }
  return svg + "</svg>\n";
}

}  // namespace

std::string format_series_html(const std::vector<Series>& series, const std::vector<ReportRecords>& reports) {
  std::vector<const Series*> order;
  for (const Series& s : series) order.push_back(&s);
  auto span = [](const Series* s) {
    return std::count_if(s->figures.begin(), s->figures.end(), [](std::size_t f) { return f != kNoIndex; });
  };
  std::stable_sort(order.begin(), order.end(), [&](const Series* a, const Series* b) { return span(a) > span(b); });

  std::string out = page_start("zhmine diff --series: " + std::to_string(reports.size()) + " reports");
  out += "<h1>Figures across " + std::to_string(reports.size()) + " reports</h1>\n<ol class=\"reports\">\n";
  for (const ReportRecords& r : reports) out += "<li>" + escaped(r.source) + "</li>\n";
  out += "</ol>\n<p class=\"summary\">" + std::to_string(series.size()) +
         " series, those found in the most reports first</p>\n";
  for (const Series* s : order) {
    const auto& latest = reports[s->latest].figures[s->figures[s->latest]].record;
    const std::string label = label_text(latest);
    const std::string unit = field_text(latest, "unit");
    out += "<section class=\"series\">\n<h2>" + escaped(label) + (unit.empty() ? "" : " (" + escaped(unit) + ")") +
           "</h2>\n<p class=\"path\">" + escaped(path_text(latest.value("path", nlohmann::ordered_json()))) +
           "</p>\n<div class=\"row\">\n" + chart(*s, reports, unit);
    out += "<table class=\"values\">\n<thead><tr><th>report</th><th>figure</th><th>value</th></tr></thead>\n<tbody>\n";
    for (std::size_t k = 0; k < reports.size(); ++k) {
      out += "<tr><td>" + escaped(short_name(reports[k].source)) + "</td>";
      if (s->figures[k] == kNoIndex) {
        out += "<td class=\"gap\">—</td><td class=\"gap\"></td></tr>\n";
        continue;
      }
      const FigureRecord& f = reports[k].figures[s->figures[k]];
      out += "<td>" + escaped(figure_text(f.record)) + "</td><td>" +
             (f.value ? escaped(readable_amount(*f.value, unit)) : "") + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace zhmine
