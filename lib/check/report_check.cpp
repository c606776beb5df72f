#include "zhmine/check/report_check.hpp"

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "zhmine/check/arithmetic_checks.hpp"
#include "zhmine/check/check_records.hpp"
#include "zhmine/figures/figures.hpp"
#include "zhmine/io/input.hpp"
#include "zhmine/io/json_line.hpp"
#include "zhmine/io/output.hpp"
#include "zhmine/io/progress.hpp"

namespace zhmine {

namespace {

// The figures of one report as they come: records of one doc in a row, or
// the figures of one document.
struct Pending {
  FigureOrigin origin;
  std::vector<CheckFigure> figures;
  bool from_records = false;  // their places in the sentences still to find
  // What the figures' sentences are views of: the documents, or the
  // sentences the records carried (one copy for figures of one sentence).
  std::vector<std::unique_ptr<Document>> documents;
  std::deque<std::string> sentences;
};

class CheckRun {
 public:
  CheckRun(const CheckOptions& options, const RuleBook& book, std::ostream& err)
      : options_(options),
        extractor_(book),
        checks_(book),
        err_(err),
        output_(options.stage.output, options.stage.format, options.stage.bom),
        progress_(progress_for_inputs(options.stage.inputs, options.stage.follow_links, options.stage.quiet,
                                      !options.stage.output, err)) {}

  int run() {
    InputReader reader(options_.stage.inputs, options_.stage.follow_links);
    for (;;) {
      Report reading;
      std::optional<InputItem> item = reader.next(reading);
      account(reading);
      if (!item) break;
      ProgressCount input;  // done once taken: its report's findings follow by the next report at the latest
      if (progress_.enabled()) input = tally_(*item);
      Report report;
      take(std::move(*item), report);
      account(report);
      progress_.advance(input.files, input.bytes);
    }
    flush();
    across();
    output_.commit();
    progress_.finish();  // before the accounting
    if (options_.stage.stats || lost_) err_ << "zhmine: " << totals_.summary() << '\n';
    return lost_ || errors_ ? 1 : 0;
  }

 private:
  void account(const Report& report) {
    if (!report.diagnostics().empty()) progress_.clear();  // a message gets a line of its own
    print_diagnostics(report, err_);
    lost_ = lost_ || report.lost_input();
    totals_ += report.stats;
  }

  void take(InputItem&& item, Report& report) {
    if (item.kind == InputItem::Kind::record) {
      nlohmann::ordered_json record;
      try {
        record = parse_record(item.data);
        if (record.value("type", "") == "figure") {
          const std::string& sentence = record.at("sentence").get_ref<const std::string&>();
          const std::string& doc = record.at("doc").get_ref<const std::string&>();
          const std::string& source = record.at("source").get_ref<const std::string&>();
          // A report is a doc from one source: two copies of a file are two reports.
          if (pending_.origin.doc != doc || pending_.origin.source != source || !pending_.from_records) {
            flush();
            pending_.origin = {source, doc};
            pending_.from_records = true;
          }
          if (pending_.sentences.empty() || pending_.sentences.back() != sentence) pending_.sentences.push_back(sentence);
          CheckFigure figure = check_figure_of(record, pending_.sentences.back());
          pending_.figures.push_back(std::move(figure));
          ++report.stats.records_read;
          return;
        }
      } catch (const std::exception& e) {  // nlohmann's errors, a field missing or of the wrong type
        report.error(item.source, item.line, std::string("record skipped: ") + e.what());
        ++report.stats.records_rejected;
        return;
      }
    }
    // A raw file, a document or a section: its figures, found here.
    std::optional<Document> loaded = load_document(std::move(item), options_.stage, report);
    if (!loaded) return;
    ++report.stats.documents;
    // The sections of one report come in a row: checked together (a report
    // is a doc from one source: two copies of a file are two reports).
    if (pending_.origin.doc != loaded->doc || pending_.origin.source != loaded->source || pending_.from_records) {
      flush();
      pending_.origin = {loaded->source, loaded->doc};
      pending_.from_records = false;
    }
    const Document& doc = *pending_.documents.emplace_back(std::make_unique<Document>(std::move(*loaded)));
    for (CheckFigure& f : check_figures_of(doc, extractor_.extract(doc.text))) pending_.figures.push_back(std::move(f));
  }

  // Checks the report gathered so far and writes its findings.
  void flush() {
    if (pending_.origin.doc.empty() && pending_.figures.empty()) return;
    if (pending_.from_records) locate_in_sentences(pending_.figures);
    std::string out;
    for (const Finding& finding : checks_.check(pending_.figures)) {
      write_finding_record(finding, pending_.figures, pending_.origin, nullptr, out);
      count(finding);
    }
    write(out);
    // What magnitude across the inputs compares: sums of money with a label.
    for (CheckFigure& f : pending_.figures) {
      if (!f.value || f.label.empty() || f.kind != "money") continue;
      f.sentence = {};
      all_.push_back(std::move(f));
      origins_.push_back(pending_.origin);
    }
    pending_ = Pending();
  }

  void across() {
    if (origins_.empty()) return;
    std::string out;
    for (const Finding& finding : checks_.magnitude_across(all_)) {
      write_finding_record(finding, all_, origins_[finding.figures.front().figure], &origins_, out);
      count(finding);
    }
    write(out);
  }

  void count(const Finding& finding) {
    ++totals_.records_written;
    errors_ = errors_ || finding.severity == Finding::Severity::error;
  }

  void write(const std::string& out) {
    if (!out.empty()) output_.write(out);
  }

  const CheckOptions& options_;
  const FigureExtractor extractor_;
  const ArithmeticChecks checks_;
  std::ostream& err_;
  Output output_;
  Progress progress_;  // on standard error, when it is a terminal
  InputTally tally_;
  Pending pending_;
  std::vector<CheckFigure> all_;
  std::vector<FigureOrigin> origins_;
  Stats totals_;
  bool lost_ = false, errors_ = false;
};

}  // namespace

int run_check(const CheckOptions& options, std::ostream& err) {
  std::optional<RuleBook> book;
  try {
    book = RuleBook::load(options.patterns);
  } catch (const std::exception& e) {
    err << "zhmine: error: " << e.what() << '\n';
    return 2;
  }
  try {
    CheckRun run(options, *book, err);
    return run.run();
  } catch (const RuleError& e) {
    err << "zhmine: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    err << "zhmine: error: " << e.what() << '\n';
    return 1;
  }
}

std::string check_check_example(const RuleBook& book, const Rule&, const RuleExample& example) {
  if (example.expect.empty()) return "";
  // Compiled once per book: a rule set has many examples.
  struct Compiled {
    explicit Compiled(const RuleBook& book) : extractor(book), checks(book) {}
    FigureExtractor extractor;
    ArithmeticChecks checks;
  };
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Compiled>> cache;
  std::string key;
  for (const RuleFile& file : book.files()) key += file.path + '\n';
  std::shared_ptr<const Compiled> compiled;
  try {
    const std::lock_guard lock(mutex);
    auto& slot = cache[key];
    if (!slot) slot = std::make_shared<const Compiled>(book);
    compiled = slot;
  } catch (const RuleError& e) {
    return e.what();
  }
  Document doc;
  doc.text = example.text;
  std::vector<CheckFigure> figures = check_figures_of(doc, compiled->extractor.extract(doc.text));
  std::string got;
  for (const Finding& f : compiled->checks.check(figures)) {
    if (!got.empty()) got += " ; ";
    got += f.check + " " + std::string(severity_name(f.severity)) + " " + (f.stated ? f.stated->to_string() : "-") +
           " " + (f.computed ? f.computed->to_string() : "-");
  }
  if (got.empty()) got = "none";
  std::istringstream words(example.expect);
  std::string expect, word;
  while (words >> word) expect += (expect.empty() ? "" : " ") + word;
  return got == expect ? "" : "expected " + expect + ", found " + got;
}

}  // namespace zhmine
