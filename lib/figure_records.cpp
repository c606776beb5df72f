#include "zhmine/figure_records.hpp"

#include "zhmine/json_line.hpp"
#include "zhmine/utf8.hpp"

namespace zhmine {

void write_figure_records(const Document& document, const std::vector<Figure>& figures, std::string& out) {
  if (figures.empty()) return;
  const SourceMap map = document.source_map();
  const std::string_view text = document.text;
  const auto& section = document.section;
  for (const Figure& f : figures) {
    const SourcePosition at = map.locate(text, f.begin);
    const std::string_view raw = text.substr(f.begin, f.end - f.begin);
    JsonLine record(out);
    record.field("type", "figure").field("source", document.source).field("doc", document.doc);
    if (section.is_object()) {
      for (const char* key : {"report"})
        if (section.contains(key)) record.field(key, section[key]);
      if (section.contains("id")) record.field("section", section["id"]);
      if (section.contains("path")) record.field("path", section["path"]);
    }
    record.field("line", at.line)
        .field("start", at.column)
        .field("end", at.column + utf8::count_code_points(raw))
        .field("raw", raw);
    if (f.value) record.raw("value", f.value->to_string());
    else record.null("value");
    record.field("unit", f.unit).field("kind", f.kind);
    if (f.approx == Qualifier::exact) record.null("approx");
    else record.field("approx", qualifier_name(f.approx));
    if (f.max) record.raw("max", f.max->to_string());
    else record.null("max");
    record.field("placeholder", f.placeholder)
        .field("label", f.label)
        .field("sentence", text.substr(f.sentence_begin, f.sentence_end - f.sentence_begin))
        .end();
  }
}

}  // namespace zhmine
