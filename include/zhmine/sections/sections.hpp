// zhmine segment-sections: each report of a document cut into its sections,
// one "section" record per section (fields in docs/segment-sections.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "zhmine/sections/chrome.hpp"
#include "zhmine/io/document.hpp"
#include "zhmine/sections/headings.hpp"
#include "zhmine/sections/part_titles.hpp"
#include "zhmine/sections/line_repair.hpp"
#include "zhmine/sections/report_metadata.hpp"
#include "zhmine/sections/report_split.hpp"
#include "zhmine/rules/rules.hpp"
#include "zhmine/sections/section_items.hpp"

namespace zhmine {

// Every rule segment-sections uses, compiled once. Not movable: the parts
// refer to each other.
struct SectionRules {
  // Rule sets "headings", "items", "chrome", "page-debris" and "reports" of `book`.
  explicit SectionRules(const RuleBook& book);
  SectionRules(const SectionRules&) = delete;
  SectionRules& operator=(const SectionRules&) = delete;

  HeadingStyles headings;
  PartTitles titles;    // unnumbered part titles: rules of "headings" with "kind title"
  HeadingStyles items;  // the markers of points inside a section: same format as headings
  ChromeRules chrome;
  LineRepair repair;
  ReportSplitter reports;
  MetadataRules metadata;
};

struct Section {
  std::string id;                   // "0" for the preamble, else "2.1"
  std::size_t level = 0;            // 0 for the preamble
  std::optional<std::string> number;   // the enumerator as written: "(一)"; none for the preamble
  std::optional<std::string> heading;  // without its enumerator; none for the preamble
  std::vector<std::string> path;    // headings from level 1 down to this one
  std::size_t line = 0;             // source line of the enumerator (of the title, for a preamble)
  std::size_t end_line = 0;         // source line of the section's last character
  std::string text;                 // its own body, not its subsections'
  SourceMap origin;                 // where each piece of `text` stands in the source
  std::vector<SectionItem> items;   // the points of `text` (一是…；二是…)
};

struct SegmentedReport {
  std::size_t index = 1;  // 1-based within the file
  std::optional<std::string> title;
  ReportMetadata metadata;
  std::vector<Section> sections;  // the preamble first, then the headings in text order
};

std::vector<SegmentedReport> segment_sections(const Document& document, const SectionRules& rules);

// {"type":"section","source","doc","report","title","organization","period",
//  "date","id","level","number","heading","path","line","end_line","text","items","origin"}
void write_section_records(const Document& document, const std::vector<SegmentedReport>& reports,
                           std::string& out);

}  // namespace zhmine
