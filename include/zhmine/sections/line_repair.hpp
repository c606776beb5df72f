// Repairs of the line structure of copied reports: page footers and page
// numbers glued into the text are cut out, and paragraphs broken across
// lines (by a PDF page, a document viewer's chunks, a blank line) are joined.
// Repairs never lose where text came from: a repaired line carries the
// source position of each of its pieces.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhmine/io/document.hpp"
#include "zhmine/sections/headings.hpp"
#include "zhmine/rules/rules.hpp"

namespace re2 {
class RE2;
}

namespace zhmine {

// One line of a document's text, spaces around it trimmed (empty: blank).
struct TextLine {
  std::string_view text;
  SourcePosition at;  // where `text` begins in the source
};

// The lines of `document`, each placed in the source by its source map.
std::vector<TextLine> text_lines(const Document& document);

// A line after repair: one or more pieces of source lines. Its text is a
// view: of the document's text for a line that only lost a prefix or
// nothing (most lines), else of `storage`, which the line owns.
struct RepairedLine {
  std::string_view text;
  std::unique_ptr<std::string> storage;  // the text of a line cut inside or joined; else null
  std::vector<SourceMap::Piece> pieces;  // offsets into `text`, the first at 0
  std::optional<Enumerator> lead;        // the heading enumerator it starts with
  bool report_break = false;             // a report separator came before it
  bool blank_before = false;             // a blank line stood right before it in the source

  // Where the byte at `offset` of `text` stands in the source.
  SourcePosition position(std::size_t offset) const;
  // Just the source line of that byte: no columns counted.
  std::size_t source_line(std::size_t offset) const;
};

// Whether `text` stops in the middle of a sentence (no 。, !, ?, ;, :, …, or
// closing bracket at its end).
bool ends_mid_sentence(std::string_view text);

class LineRepair {
 public:
  // `page_debris`: the rules of set "page-debris". Throws RuleError on a bad pattern.
  LineRepair(const HeadingStyles& headings, const std::vector<const Rule*>& page_debris);
  LineRepair(LineRepair&&) noexcept;
  ~LineRepair();

  // The report lines among `lines`: chrome and blank lines left out, page
  // debris cut, broken paragraphs joined. A line after one of `split_after`
  // starts a new report. `leads`, when given, holds headings.match() of each
  // of `lines` (computed once by the caller, reused for the lines repair
  // leaves as they are). The result's texts may view those of `lines`.
  std::vector<RepairedLine> repair(const std::vector<TextLine>& lines, const std::vector<bool>& chrome,
                                   const std::vector<std::size_t>& split_after,
                                   const std::vector<std::optional<Enumerator>>* leads = nullptr) const;

 private:
  // `line` with page footers cut out; `untouched` tells whether its text is
  // that of `line` as it was.
  RepairedLine cut_footers(const TextLine& line, bool& untouched) const;
  // Cuts the page numbers glued to line starts; true for the lines cut.
  // `leads`: the enumerator each line starts with.
  std::vector<bool> cut_page_numbers(std::vector<RepairedLine>& lines,
                                     const std::vector<std::optional<Enumerator>>& leads) const;

  const HeadingStyles& headings_;
  struct Footer {
    std::unique_ptr<re2::RE2> re;
    std::size_t needs;  // index in needs_ of a literal every match holds, npos for none
  };
  std::vector<Footer> footers_;
  // The distinct `needs` literals of the footers: a line is searched once
  // for each, and footers whose literal it lacks are not tried.
  std::vector<std::string> needs_;
};

}  // namespace zhmine
