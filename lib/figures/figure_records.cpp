#include "zhmine/figures/figure_records.hpp"

#include <vector>

#include "zhmine/text/huge_buffer.hpp"
#include "zhmine/io/json_line.hpp"
#include "zhmine/text/utf8.hpp"

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

// Writes the figure records of one document, a block of figures at a time,
// locating them with one source map and a cursor that moves forward.
class RecordWriter {
 public:
  explicit RecordWriter(const Document& document)
      : document_(document), map_(document.source_map()), locator_(map_, document.text) {}

  void write(const std::vector<Figure>& figures, std::string& out) {
    if (figures.empty()) return;
    // Reserved once, at about its final size: a buffer grown by doubling is
    // copied to fresh memory, which the kernel must zero, at every step.
    std::size_t estimate = 0;
    for (const Figure& f : figures)
      estimate += kRecordOverhead + document_.source.size() + 2 * (f.end - f.begin + f.label.size()) +
                  (f.sentence_end - f.sentence_begin);
    reserve_huge(out, out.size() + estimate);
    const std::string_view text = document_.text;
    const auto& section = document_.section;
    for (const Figure& f : figures) {
      const SourcePosition at = locator_.locate(f.begin);
      const std::string_view raw = text.substr(f.begin, f.end - f.begin);
      JsonLine record(out);
      record.field("type", "figure").field("source", document_.source).field("doc", document_.doc);
      if (section.is_object()) {
        if (section.contains("report")) record.field("report", section["report"]);
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
      if (f.currency.empty()) record.null("currency");
      else record.field("currency", f.currency);
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

  std::size_t line_of(std::size_t offset) const { return map_.line_at(document_.text, offset); }

 private:
  const Document& document_;
  const SourceMap map_;
  Locator locator_;
};

// Figures are extracted a block of text at a time, so that a document with
// millions of them holds one block's worth in memory: whole lines up to
// kBlockBytes, and a longer line cut after a ， or 。, which no figure spans.
constexpr std::size_t kBlockBytes = 256 << 10;

std::size_t block_end(std::string_view text, std::size_t start) {
  if (text.size() - start <= 2 * kBlockBytes) return text.size();
  const std::size_t from = start + kBlockBytes, limit = start + 2 * kBlockBytes;
  if (const std::size_t nl = text.find('\n', from); nl < limit) return nl + 1;
  std::size_t cut = std::min(text.find("，", from), text.find("。", from));
  if (cut < limit) return cut + 3;  // both are three bytes long
  for (cut = from; (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80; ++cut) {
  }
  return cut;
}

}  // namespace

void write_figure_records(const Document& document, const std::vector<Figure>& figures, std::string& out) {
  RecordWriter(document).write(figures, out);
}

void extract_figure_records(const FigureExtractor& extractor, const Document& document, RecordSink& records,
                            Report& report) {
  RecordWriter writer(document);
  const std::string_view text = document.text;
  // Figures too large to hold: the first is named, the rest counted, so a
  // file that has one on every line gives one warning, not thousands.
  std::size_t too_large = 0;
  std::string first_too_large;
  std::size_t first_line = 0;
  for (std::size_t start = 0, end; start < text.size(); start = end) {
    end = block_end(text, start);
    std::vector<Figure> figures = extractor.extract(text.substr(start, end - start));
    for (Figure& f : figures) {
      f.begin += start;
      f.end += start;
      f.sentence_begin += start;
      f.sentence_end += start;
    }
    writer.write(figures, records.buffer());
    for (const Figure& f : figures)
      if (f.out_of_range && too_large++ == 0) {
        first_too_large = std::string(text.substr(f.begin, f.end - f.begin));
        first_line = writer.line_of(f.begin);
      }
    records.spill_if_large();
  }
  if (too_large)
    report.warning(document.source, first_line,
                   "figure \"" + first_too_large + "\" is too large to hold exactly; its value is null" +
                       (too_large > 1 ? " (and " + std::to_string(too_large - 1) + " more in this file)" : ""));
}

}  // namespace zhmine
