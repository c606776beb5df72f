// The records of one report that `zhmine diff` compares: its section and
// figure records, read from the JSON Lines of earlier stages or made in
// process from a raw file by the same code as
// `zhmine segment-sections FILE | zhmine extract-figures`.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "zhmine/figures/decimal.hpp"
#include "zhmine/io/diagnostics.hpp"
#include "zhmine/io/stage.hpp"

namespace zhmine {

inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

struct SectionRecord {
  nlohmann::ordered_json record;  // as read, text and origin included
  std::string key;                // "REPORT:ID": how figures name their section
  std::string heading;            // without enumerator; empty for a preamble
  std::string text;               // the section's own body
  std::size_t level = 0;
  std::size_t parent = kNoIndex;  // index of the enclosing section
};

struct FigureRecord {
  nlohmann::ordered_json record;  // as read
  std::string label, unit, kind, sentence;
  std::optional<Decimal> value;   // none for a placeholder
  std::size_t section = kNoIndex; // index of its section, if known
};

struct ReportRecords {
  std::string source;  // as named on the command line
  std::vector<SectionRecord> sections;  // in text order
  std::vector<FigureRecord> figures;    // in text order
  // The normalized text of the first document read (a raw file or a
  // document record), and its id: its line N is the source's line N, which
  // pages for people quote for the records of that document. Empty when the
  // input was section and figure records.
  std::string text;
  std::string text_doc;
};

// The value of a figure record's "value" (or "max") field, exactly: JSON
// numbers are read back from their shortest text, so 83.88 stays 83.88.
std::optional<Decimal> decimal_of(const nlohmann::ordered_json& number);

// What a raw file or a document record is turned into records with: the
// compiled rules of segment-sections and extract-figures, compiled on first
// use (once, whichever thread asks first), so that a diff of records never
// pays for them.
class ReportPipeline {
 public:
  // `patterns`: the user's rule files or directories, read after the shipped ones.
  explicit ReportPipeline(std::vector<std::string> patterns = {});
  ~ReportPipeline();
  ReportPipeline(const ReportPipeline&) = delete;
  ReportPipeline& operator=(const ReportPipeline&) = delete;

  // The section records of `document`, then the figure records of each
  // section, as JSON lines. Throws RuleError for a bad rule.
  std::string records(const Document& document) const;
  // The figure records of one section (a document made from a section record).
  std::string figures(const Document& section) const;

 private:
  struct Rules;
  const Rules& rules() const;
  std::vector<std::string> patterns_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<Rules> rules_;
};

// Reads one input (a raw file, or JSON Lines of section, figure and
// document records; "-" is standard input). Raw files and document records
// go through `pipeline`; section records without any figure record are run
// through extract-figures; figure records without section records stand in
// for their sections by path. Problems are reported in `report`.
ReportRecords read_report_records(const std::string& path, const StageOptions& options,
                                  const ReportPipeline& pipeline, Report& report);

}  // namespace zhmine
