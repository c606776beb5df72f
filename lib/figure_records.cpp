#include "zhmine/figure_records.hpp"

#include <vector>

#include "zhmine/huge_buffer.hpp"
#include "zhmine/json_line.hpp"
#include "zhmine/utf8.hpp"

namespace zhmine {

namespace {

// The bytes of a figure record besides its source, raw text, label and
// sentence: field names, numbers, unit and kind, section path.
constexpr std::size_t kRecordOverhead = 320;

// SourceMap::locate() for offsets that mostly increase: counts code points
// from the previous offset rather than from the start of the piece.
class Locator {
 public:
  Locator(const SourceMap& map, std::string_view text) : map_(map), pieces_(map.pieces()), text_(text) {}

  SourcePosition locate(std::size_t offset) {
    if (offset > text_.size()) return map_.locate(text_, offset);
    if (offset < pos_) {  // back: start over
      next_ = 0;
      reset(0);
    }
    std::size_t next = next_;
    while (next < pieces_.size() && pieces_[next].offset <= offset) ++next;
    if (next != next_) {
      next_ = next;
      reset(pieces_[next - 1].offset);
    }
    if (offset < pos_) return map_.locate(text_, offset);  // pieces out of order
    for (; pos_ < offset; ++pos_) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if ((c & 0xC0) == 0x80) continue;
      ++chars_;
      ++chars_after_break_;
      if (c == '\n') {
        ++breaks_;
        chars_after_break_ = 0;
      }
    }
    if (next_ == 0) return {1, chars_};
    const SourceMap::Piece& piece = pieces_[next_ - 1];
    if (breaks_ == 0) return {piece.line, piece.column + chars_};
    return {piece.line + breaks_, chars_after_break_};
  }

 private:
  void reset(std::size_t at) {
    pos_ = at;
    chars_ = breaks_ = chars_after_break_ = 0;
  }
  const SourceMap& map_;
  const std::vector<SourceMap::Piece>& pieces_;
  std::string_view text_;
  std::size_t next_ = 0;  // pieces that begin at or before pos_
  std::size_t pos_ = 0, chars_ = 0, breaks_ = 0, chars_after_break_ = 0;  // since the piece began
};

}  // namespace

void write_figure_records(const Document& document, const std::vector<Figure>& figures, std::string& out) {
  if (figures.empty()) return;
  // Reserved once, at about its final size: a buffer grown by doubling is
  // copied to fresh memory, which the kernel must zero, at every step.
  std::size_t estimate = 0;
  for (const Figure& f : figures)
    estimate += kRecordOverhead + document.source.size() + 2 * (f.end - f.begin + f.label.size()) +
                (f.sentence_end - f.sentence_begin);
  reserve_huge(out, out.size() + estimate);
  const SourceMap map = document.source_map();
  const std::string_view text = document.text;
  Locator locator(map, text);
  const auto& section = document.section;
  for (const Figure& f : figures) {
    const SourcePosition at = locator.locate(f.begin);
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

void extract_figure_records(const FigureExtractor& extractor, const Document& document, std::string& out,
                            Report& report) {
  const std::vector<Figure> figures = extractor.extract(document.text);
  write_figure_records(document, figures, out);
  for (const Figure& f : figures) {
    if (!f.out_of_range) continue;
    const std::string_view raw = std::string_view(document.text).substr(f.begin, f.end - f.begin);
    report.warning(document.source, document.source_map().locate(document.text, f.begin).line,
                   "figure \"" + std::string(raw) + "\" is too large to hold exactly; its value is null");
  }
}

}  // namespace zhmine
