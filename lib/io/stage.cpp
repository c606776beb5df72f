#include "zhmine/io/stage.hpp"

#include <algorithm>
#include <deque>
#include <new>
#include <ostream>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "zhmine/text/encoding.hpp"
#include "zhmine/text/file_fold.hpp"
#include "zhmine/io/json_line.hpp"
#include "zhmine/io/ordered_pool.hpp"
#include "zhmine/io/output.hpp"
#include "zhmine/io/progress.hpp"

namespace zhmine {

namespace {

// Past this many damaged lines in one file, the rest are counted, not listed.
constexpr std::size_t kDamagedLinesShown = 10;

void report_damage(const std::string& source, const DecodedText& text, Report& report) {
  for (std::size_t i = 0; i < text.damaged_lines.size() && i < kDamagedLinesShown; ++i)
    report.warning(source, text.damaged_lines[i], "bytes that are not valid " + text.encoding + " replaced by U+FFFD");
  if (text.damaged_line_count > kDamagedLinesShown)
    report.warning(source, 0,
                   std::to_string(text.damaged_line_count - kDamagedLinesShown) +
                       " more lines with bytes replaced by U+FFFD");
}

std::optional<Document> load_raw_file(InputItem&& item, const StageOptions& options, Report& report) {
  const Normalizer& normalizer = normalizer_for(options.script, options.variant);
  Document doc;
  if (item.unread) {
    // Read in pieces and folded as it comes: the common case, plain UTF-8,
    // is done then. All else is read whole and decoded below.
    std::string error;
    try {
      if (std::optional<FileFold> fold = options.encoding ? std::nullopt : fold_file(item.source, normalizer)) {
        ++report.stats.files_read;
        doc.source = std::move(item.source);
        doc.doc = std::move(fold->doc);
        doc.encoding = "UTF-8";
        doc.script = fold->folded.script();
        doc.text = std::move(fold->folded.text);
        doc.lines = fold->folded.lines;
        return doc;
      }
      if (!read_whole_file(item.source, item.data, error)) error = "cannot read: " + error;
    } catch (const std::system_error& e) {
      error = "cannot read: " + e.code().message();
    }
    if (!error.empty()) {
      report.error(item.source, 0, error);
      ++report.stats.files_rejected;
      return std::nullopt;
    }
  }
  doc.doc = document_id(item.data);
  std::optional<NormalizedText> normalized;
  // Valid UTF-8 without BOM or NUL is validated and folded in one pass; all
  // else goes through detection and decoding first.
  const bool plain = !options.encoding && item.data.find('\0') == std::string::npos &&
                     item.data.compare(0, 3, "\xEF\xBB\xBF") != 0;
  if (plain && (normalized = normalizer.normalize_if_valid(item.data))) {
    doc.encoding = "UTF-8";
    std::string().swap(item.data);  // peak memory: the text and its record, not the raw bytes too
  } else {
    DecodeResult decoded = decode_bytes(std::move(item.data), options.encoding);
    if (decoded.binary) {
      report.error(item.source, decoded.binary->line, "binary data (a NUL byte) in a text input; file skipped");
      ++report.stats.files_rejected;
      return std::nullopt;
    }
    report_damage(item.source, *decoded.decoded, report);
    doc.encoding = decoded.decoded->encoding;
    normalized = normalizer.normalize(decoded.decoded->text);
  }
  ++report.stats.files_read;
  doc.source = std::move(item.source);
  doc.script = normalized->script();
  doc.text = std::move(normalized->text);
  doc.lines = normalized->lines;
  return doc;
}

const std::string& string_field(const nlohmann::ordered_json& record, const char* name) {
  const auto it = record.find(name);
  if (it == record.end() || !it->is_string()) throw std::invalid_argument(std::string("no string field \"") + name + "\"");
  return it->get_ref<const std::string&>();
}

std::optional<Document> load_record(InputItem&& item, Report& report) {
  try {
    nlohmann::ordered_json record = parse_record(item.data);
    const std::string& type = string_field(record, "type");
    if (type != "document" && type != "section")
      throw std::invalid_argument("a \"" + type + "\" record; expected a document or section record");
    Document doc;
    doc.source = string_field(record, "source");
    doc.doc = string_field(record, "doc");
    doc.text = string_field(record, "text");
    if (record.contains("encoding")) doc.encoding = string_field(record, "encoding");
    if (record.contains("script")) doc.script = string_field(record, "script");
    if (type == "section") {
      const auto origin = record.find("origin");
      if (origin != record.end()) {
        doc.origin = SourceMap::from_json(*origin, doc.text);
      } else {
        const auto line = record.find("line");
        if (line == record.end() || !line->is_number_unsigned())
          throw std::invalid_argument("a section record needs \"origin\" or \"line\"");
        doc.origin = SourceMap::lines_of(doc.text, line->get<std::size_t>());
      }
      record.erase("text");
      record.erase("origin");
      doc.section = std::move(record);
    }
    ++report.stats.records_read;
    return doc;
  } catch (const std::exception& e) {  // nlohmann's parse_error and type_error, our invalid_argument
    report.error(item.source, item.line, std::string("record skipped: ") + e.what());
    ++report.stats.records_rejected;
    return std::nullopt;
  }
}

}  // namespace

std::optional<Document> load_document(InputItem&& item, const StageOptions& options, Report& report) {
  if (item.kind == InputItem::Kind::raw_file) return load_raw_file(std::move(item), options, report);
  return load_record(std::move(item), report);
}

namespace {

// Small documents go to a worker together, so that handing work over costs
// little beside the work: a unit holds documents up to this much input (or
// this many), and a larger document goes alone.
constexpr std::uint64_t kUnitBytes = 1 << 20;
constexpr std::size_t kUnitDocuments = 64;

std::uint64_t size_of(const InputItem& item) { return item.unread ? item.size : item.data.size(); }

}  // namespace

int run_stage(const StageOptions& options, const DocumentHandler& handler, std::ostream& err) {
  Report totals;
  bool lost = false;
  try {
    Output output(options.output, options.format, options.bom);
    InputReader reader(options.inputs, options.follow_links);
    // Off (the common case: not a terminal, --quiet), it costs a test of a
    // flag per unit of work; on, the input a unit holds is counted as done
    // when its records are written (units are delivered in the order taken).
    Progress progress = progress_for_inputs(options.inputs, options.follow_links, options.quiet, !options.output, err);
    InputTally tally;
    std::deque<ProgressCount> unit_input;
    std::optional<InputItem> held;  // read, but too large for the unit being filled
    auto read_item = [&]() -> std::optional<InputItem> {
      if (held) return std::exchange(held, std::nullopt);
      Report reading;
      std::optional<InputItem> item = reader.next(reading);
      if (!reading.diagnostics().empty()) progress.clear();  // a message gets a line of its own
      print_diagnostics(reading, err);
      lost = lost || reading.lost_input();
      totals.stats += reading.stats;
      return item;
    };
    auto next = [&]() -> Work {
      auto items = std::make_shared<std::vector<InputItem>>();
      std::uint64_t bytes = 0;
      ProgressCount input;
      while (items->size() < kUnitDocuments && bytes < kUnitBytes) {
        std::optional<InputItem> item = read_item();
        if (!item) break;
        if (!items->empty() && bytes + size_of(*item) > kUnitBytes) {
          held = std::move(item);
          break;
        }
        bytes += size_of(*item);
        if (progress.enabled()) {
          const ProgressCount done = tally(*item);
          input.files += done.files;
          input.bytes += done.bytes;
        }
        items->push_back(std::move(*item));
      }
      if (items->empty()) return {};
      if (progress.enabled()) unit_input.push_back(input);
      return [&, items]() {
        WorkResult result;
        for (InputItem& item : *items) {
          RecordSink& records = result.records.emplace_back();
          const std::string source = item.source;
          try {
            if (std::optional<Document> doc = load_document(std::move(item), options, result.report)) {
              ++result.report.stats.documents;
              handler(*doc, records, result.report);
              result.report.stats.records_written += records.lines();
            }
          } catch (const std::bad_alloc&) {
            // One document too large for memory is lost; the archive goes on.
            records = RecordSink();
            result.report.error(source, 0, "out of memory processing this document; skipped");
          }
        }
        return result;
      };
    };
    run_in_order(options.threads == 0 ? default_threads() : options.threads, next, [&](WorkResult&& result) {
      if (!result.report.diagnostics().empty()) progress.clear();
      print_diagnostics(result.report, err);
      lost = lost || result.report.lost_input();
      totals.stats += result.report.stats;
      for (RecordSink& records : result.records) records.drain([&](std::string_view text) { output.write(text); });
      if (progress.enabled()) {
        progress.advance(unit_input.front().files, unit_input.front().bytes);
        unit_input.pop_front();
      }
    });
    progress.finish();  // before the accounting; on an exception, its destructor erases the line
    output.commit();
  } catch (const std::exception& e) {
    err << "zhmine: error: " << e.what() << '\n';
    lost = true;
  }
  if (options.stats || lost) err << "zhmine: " << totals.stats.summary() << '\n';
  return lost ? 1 : 0;
}

}  // namespace zhmine
