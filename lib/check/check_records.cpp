#include "zhmine/check/check_records.hpp"

#include <algorithm>
#include <stdexcept>

#include "zhmine/io/json_line.hpp"
#include "zhmine/diff/report_records.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

std::vector<CheckFigure> check_figures_of(const Document& document, const std::vector<Figure>& figures) {
  const SourceMap map = document.source_map();
  const std::string_view text = document.text;
  std::vector<CheckFigure> out;
  out.reserve(figures.size());
  // Columns are counted on from the previous figure when no line break or
  // piece of the source map lies between: a long line is walked once.
  const std::vector<SourceMap::Piece>& pieces = map.pieces();
  std::size_t last = 0;
  SourcePosition last_at{0, 0};
  auto locate = [&](std::size_t offset) {
    const auto next = std::upper_bound(pieces.begin(), pieces.end(), last,
                                       [](std::size_t o, const SourceMap::Piece& p) { return o < p.offset; });
    const std::string_view between = text.substr(last, offset - last);
    if (last_at.line == 0 || offset < last || between.find('\n') != std::string_view::npos ||
        (next != pieces.end() && next->offset <= offset))
      last_at = map.locate(text, offset);
    else
      last_at.column += utf8::count_code_points(between);
    last = offset;
    return last_at;
  };
  for (const Figure& f : figures) {
    CheckFigure c;
    c.value = f.value;
    c.max = f.max;
    c.unit = f.unit;
    c.kind = f.kind;
    c.label = f.label;
    c.raw = std::string(text.substr(f.begin, f.end - f.begin));
    c.approx = f.approx;
    c.placeholder = f.placeholder;
    const SourcePosition at = locate(f.begin);
    c.line = at.line;
    c.start = at.column;
    c.end = at.column + utf8::count_code_points(c.raw);
    c.sentence = text.substr(f.sentence_begin, f.sentence_end - f.sentence_begin);
    c.at = f.begin - f.sentence_begin;
    c.at_end = f.end - f.sentence_begin;
    out.push_back(std::move(c));
  }
  return out;
}

namespace {

const std::string& string_field(const nlohmann::ordered_json& record, const char* name) {
  const auto it = record.find(name);
  if (it == record.end() || !it->is_string()) throw std::invalid_argument(std::string("no string field \"") + name + "\"");
  return it->get_ref<const std::string&>();
}

std::size_t count_field(const nlohmann::ordered_json& record, const char* name) {
  const auto it = record.find(name);
  if (it == record.end() || !it->is_number_unsigned()) throw std::invalid_argument(std::string("no count \"") + name + "\"");
  return it->get<std::size_t>();
}

}  // namespace

CheckFigure check_figure_of(const nlohmann::ordered_json& record, std::string_view sentence) {
  if (string_field(record, "type") != "figure") throw std::invalid_argument("not a figure record");
  CheckFigure c;
  c.value = decimal_of(record.value("value", nlohmann::ordered_json()));
  c.max = decimal_of(record.value("max", nlohmann::ordered_json()));
  c.unit = string_field(record, "unit");
  c.kind = string_field(record, "kind");
  c.raw = string_field(record, "raw");
  c.sentence = sentence;
  if (record.contains("label") && record["label"].is_string()) c.label = record["label"].get<std::string>();
  const auto approx = record.find("approx");
  if (approx != record.end() && approx->is_string()) c.approx = qualifier_named(approx->get<std::string>()).value_or(Qualifier::exact);
  c.placeholder = record.value("placeholder", false);
  c.line = count_field(record, "line");
  c.start = count_field(record, "start");
  c.end = count_field(record, "end");
  return c;
}

void locate_in_sentences(std::vector<CheckFigure>& figures) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    CheckFigure& c = figures[i];
    const bool same = i > 0 && figures[i - 1].line == c.line && figures[i - 1].sentence == c.sentence;
    if (!same) from = 0;
    std::size_t at = c.sentence.find(c.raw, from);
    if (at == std::string::npos) at = c.sentence.find(c.raw);
    if (at == std::string::npos) at = from;  // a sentence cut to a window: the figure stands apart
    c.at = at;
    c.at_end = std::min(at + c.raw.size(), c.sentence.size());
    from = c.at_end;
  }
}

void write_finding_record(const Finding& finding, const std::vector<CheckFigure>& figures, const FigureOrigin& report,
                          const std::vector<FigureOrigin>* origins, std::string& out) {
  JsonLine record(out);
  record.field("type", "finding").field("check", finding.check).field("severity", severity_name(finding.severity));
  record.field("source", report.source).field("doc", report.doc).field("line", finding.line);
  record.field("message", finding.message);
  if (finding.stated) record.raw("stated", finding.stated->to_string());
  else record.null("stated");
  if (finding.computed) record.raw("computed", finding.computed->to_string());
  else record.null("computed");
  if (finding.unit.empty()) record.null("unit");
  else record.field("unit", finding.unit);
  nlohmann::ordered_json used = nlohmann::ordered_json::array();
  for (const Finding::Use& use : finding.figures) {
    const CheckFigure& f = figures[use.figure];
    nlohmann::ordered_json one;
    if (origins) {
      one["source"] = (*origins)[use.figure].source;
      one["doc"] = (*origins)[use.figure].doc;
    }
    one["raw"] = f.raw;
    one["line"] = f.line;
    one["start"] = f.start;
    one["end"] = f.end;
    one["role"] = use.role;
    used.push_back(std::move(one));
  }
  record.field("figures", used);
  if (finding.note.empty()) record.null("note");
  else record.field("note", finding.note);
  record.end();
}

}  // namespace zhmine
