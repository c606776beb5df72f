#include "zhmine/diff/report_records.hpp"

#include <map>
#include <stdexcept>
#include <string_view>

#include "zhmine/figures/figure_records.hpp"
#include "zhmine/figures/figures.hpp"
#include "zhmine/io/input.hpp"
#include "zhmine/io/json_line.hpp"
#include "zhmine/sections/sections.hpp"

namespace zhmine {

namespace {

std::string string_or_empty(const nlohmann::ordered_json& record, const char* name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// How a figure names its section, and how a section is named: "REPORT:ID".
std::string section_key(const nlohmann::ordered_json& record, const char* id_field) {
  const auto report = record.find("report");
  const std::string r = report != record.end() && report->is_number_unsigned() ? report->dump() : "1";
  const auto id = record.find(id_field);
  if (id == record.end() || !id->is_string()) return {};
  return r + ":" + id->get<std::string>();
}

class RecordsBuilder {
 public:
  RecordsBuilder(ReportRecords& out, const StageOptions& options, const ReportPipeline& pipeline, Report& report)
      : out_(out), options_(options), pipeline_(pipeline), report_(report) {}

  void add_item(InputItem&& item) {
    if (item.kind == InputItem::Kind::raw_file) {
      if (auto doc = load_document(std::move(item), options_, report_)) add_document(*doc);
      return;
    }
    try {
      nlohmann::ordered_json record = parse_record(item.data);
      if (string_or_empty(record, "type") == "document")
        add_document(document_of(std::move(item)));
      else
        add_record(std::move(record));
      ++report_.stats.records_read;
    } catch (const RuleError&) {
      throw;  // the rules are bad, not the record
    } catch (const std::exception& e) {  // nlohmann's errors, our invalid_argument
      report_.error(item.source, item.line, std::string("record skipped: ") + e.what());
      ++report_.stats.records_rejected;
    }
  }

  // Fills in what the input left out, and links figures to sections.
  void finish() {
    if (!out_.sections.empty() && out_.figures.empty()) extract_figures();
    if (out_.sections.empty()) sections_from_figures();
    std::map<std::string, std::size_t, std::less<>> by_key;
    for (std::size_t i = 0; i < out_.sections.size(); ++i) by_key.emplace(out_.sections[i].key, i);
    for (SectionRecord& s : out_.sections) {
      const std::size_t dot = s.key.rfind('.');
      if (dot == std::string::npos) continue;
      if (const auto it = by_key.find(std::string_view(s.key).substr(0, dot)); it != by_key.end()) s.parent = it->second;
    }
    for (FigureRecord& f : out_.figures)
      if (const auto it = by_key.find(section_key(f.record, "section")); it != by_key.end()) f.section = it->second;
  }

 private:
  // A document record as the stages read it.
  Document document_of(InputItem&& item) {
    Report quiet;  // already counted; a malformed one throws below
    auto doc = load_document(std::move(item), options_, quiet);
    if (!doc) throw std::invalid_argument(quiet.diagnostics().empty() ? "unreadable" : quiet.diagnostics().front().message);
    return std::move(*doc);
  }

  void add_document(const Document& doc) {
    add_lines(pipeline_.records(doc));
    if (out_.text.empty()) {
      out_.text = doc.text;
      out_.text_doc = doc.doc;
    }
  }

  // Records made in process: not input, so not counted.
  void add_lines(std::string_view lines) {
    for (std::size_t at = 0; at < lines.size();) {
      const std::size_t nl = lines.find('\n', at);
      add_record(parse_record(lines.substr(at, nl - at)));
      at = nl + 1;
    }
  }

  void add_record(nlohmann::ordered_json&& record) {
    const std::string type = string_or_empty(record, "type");
    if (type == "section") {
      add_section(std::move(record));
    } else if (type == "figure") {
      add_figure(std::move(record));
    } else {
      throw std::invalid_argument("a \"" + type + "\" record; expected section, figure or document records");
    }
  }

  void add_section(nlohmann::ordered_json&& record) {
    SectionRecord s;
    s.key = section_key(record, "id");
    if (s.key.empty()) throw std::invalid_argument("a section record needs an \"id\"");
    const auto text = record.find("text");
    if (text == record.end() || !text->is_string()) throw std::invalid_argument("a section record needs a \"text\"");
    s.heading = string_or_empty(record, "heading");
    s.text = text->get<std::string>();
    const auto level = record.find("level");
    s.level = level != record.end() && level->is_number_unsigned() ? level->get<std::size_t>() : 0;
    s.record = std::move(record);
    out_.sections.push_back(std::move(s));
  }

  void add_figure(nlohmann::ordered_json&& record) {
    FigureRecord f;
    f.label = string_or_empty(record, "label");
    f.unit = string_or_empty(record, "unit");
    f.kind = string_or_empty(record, "kind");
    f.sentence = string_or_empty(record, "sentence");
    if (const auto v = record.find("value"); v != record.end()) f.value = decimal_of(*v);
    f.record = std::move(record);
    out_.figures.push_back(std::move(f));
  }

  // Section records alone: their figures as extract-figures would find them.
  void extract_figures() {
    std::string lines;
    for (const SectionRecord& s : out_.sections) {
      InputItem item{InputItem::Kind::record, out_.source, 0, s.record.dump()};
      try {
        lines += pipeline_.figures(document_of(std::move(item)));
      } catch (const RuleError&) {
        throw;  // the rules are bad, not the section
      } catch (const std::exception& e) {  // a section its own stage would reject (a bad origin)
        report_.error(out_.source, 0, "section " + s.key + " skipped: " + e.what());
      }
    }
    add_lines(lines);
  }

  // Figure records alone: each (report, section) they name stands for a
  // section with the heading at the end of their path and no text.
  void sections_from_figures() {
    std::map<std::string, bool> seen;
    for (const FigureRecord& f : out_.figures) {
      const std::string key = section_key(f.record, "section");
      if (key.empty() || !seen.emplace(key, true).second) continue;
      nlohmann::ordered_json path = f.record.value("path", nlohmann::ordered_json::array());
      SectionRecord s;
      s.key = key;
      s.heading = path.empty() || !path.back().is_string() ? "" : path.back().get<std::string>();
      s.level = path.size();
      s.record = {{"type", "section"}, {"source", f.record.value("source", "")}, {"doc", f.record.value("doc", "")},
                  {"report", f.record.value("report", 1)}, {"id", f.record["section"]},
                  {"level", s.level}, {"heading", s.heading}, {"path", std::move(path)}};
      out_.sections.push_back(std::move(s));
    }
  }

  ReportRecords& out_;
  const StageOptions& options_;
  const ReportPipeline& pipeline_;
  Report& report_;
};

}  // namespace

std::optional<Decimal> decimal_of(const nlohmann::ordered_json& number) {
  if (number.is_number_integer()) return Decimal(number.get<std::int64_t>());
  if (number.is_number_float()) return Decimal::parse(number.dump());
  return std::nullopt;
}

struct ReportPipeline::Rules {
  explicit Rules(const RuleBook& book) : sections(book), figures(book) {}
  SectionRules sections;
  FigureExtractor figures;
};

ReportPipeline::ReportPipeline(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}
ReportPipeline::~ReportPipeline() = default;

const ReportPipeline::Rules& ReportPipeline::rules() const {
  std::call_once(compiled_, [this] { rules_ = std::make_unique<Rules>(RuleBook::load(patterns_)); });
  return *rules_;
}

std::string ReportPipeline::records(const Document& document) const {
  std::string sections;
  write_section_records(document, segment_sections(document, rules().sections), sections);
  // Each section as extract-figures reads it from the section record.
  std::string figure_lines;
  for (std::size_t at = 0; at < sections.size();) {
    const std::size_t nl = sections.find('\n', at);
    Report quiet;  // records made here are well formed
    InputItem item{InputItem::Kind::record, document.source, 0, sections.substr(at, nl - at)};
    if (auto section = load_document(std::move(item), StageOptions{}, quiet)) figure_lines += figures(*section);
    at = nl + 1;
  }
  return sections + figure_lines;
}

std::string ReportPipeline::figures(const Document& section) const {
  std::string out;
  write_figure_records(section, rules().figures.extract(section.text), out);
  return out;
}

ReportRecords read_report_records(const std::string& path, const StageOptions& options,
                                  const ReportPipeline& pipeline, Report& report) {
  ReportRecords out;
  out.source = path;
  RecordsBuilder builder(out, options, pipeline, report);
  InputReader reader({path});
  while (auto item = reader.next(report)) builder.add_item(std::move(*item));
  builder.finish();
  return out;
}

}  // namespace zhmine
