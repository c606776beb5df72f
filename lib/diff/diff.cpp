#include "zhmine/diff/diff.hpp"

#include <algorithm>
#include <future>
#include <ostream>
#include <tuple>

#include "zhmine/diff/diff_html_format.hpp"
#include "zhmine/diff/diff_text_format.hpp"
#include "zhmine/diff/figure_alignment.hpp"
#include "zhmine/io/ordered_pool.hpp"
#include "zhmine/io/output.hpp"
#include "zhmine/io/progress.hpp"
#include "zhmine/diff/section_alignment.hpp"
#include "zhmine/diff/sentence_diff.hpp"
#include "zhmine/diff/series.hpp"

namespace zhmine {

namespace {

// Where a change goes in the output: its section's place in reading order,
// then the section's own change, its figures and its sentences, each in
// text order.
struct Placed {
  double slot;
  int rank;  // 0 section, 1 figure, 2 sentence
  std::size_t position;
  Change change;
};

nlohmann::ordered_json path_of(const SectionRecord& s) { return s.record.value("path", nlohmann::ordered_json()); }

nlohmann::ordered_json heading_of(const SectionRecord& s) {
  return s.heading.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.heading);
}

// {"type":"sentence","source","doc","report","section","line","text"}: a
// sentence of a section record, with the source line it starts on.
class SentenceCiter {
 public:
  explicit SentenceCiter(const SectionRecord& s) : section_(s) {
    const auto origin = s.record.find("origin");
    if (origin != s.record.end()) {
      map_ = SourceMap::from_json(*origin, s.text);
    } else {
      map_ = SourceMap::lines_of(s.text, s.record.value("line", std::size_t{1}));
    }
  }

  nlohmann::ordered_json cite(const Sentence& sentence) const {
    const auto& r = section_.record;
    nlohmann::ordered_json out = {{"type", "sentence"}, {"source", r.value("source", "")}, {"doc", r.value("doc", "")}};
    if (r.contains("report")) out["report"] = r["report"];
    out["section"] = r.value("id", "");
    out["line"] = map_.line_at(section_.text, sentence.begin);
    out["text"] = section_.text.substr(sentence.begin, sentence.end - sentence.begin);
    return out;
  }

 private:
  const SectionRecord& section_;
  SourceMap map_;
};

void add_sentence_changes(const SectionRecord& o, const SectionRecord& n, double slot, std::vector<Placed>& out) {
  // A section that stands in for figures' sections (figure records alone) has no text to compare.
  if (o.text == n.text || !o.record.contains("text") || !n.record.contains("text")) return;
  const auto changes = diff_sentences(o.text, n.text);
  if (changes.empty()) return;
  const SentenceCiter old_citer(o), new_citer(n);
  std::size_t position = 0;
  for (const SentenceChange& sc : changes) {
    Change c{Change::What::sentence, Change::Kind::changed, path_of(n), heading_of(n), nullptr, nullptr, nullptr,
             std::nullopt, std::nullopt};
    if (sc.kind != SentenceChange::Kind::added) c.old_record = old_citer.cite(sc.old_sentence);
    if (sc.kind != SentenceChange::Kind::removed) c.new_record = new_citer.cite(sc.new_sentence);
    if (sc.kind == SentenceChange::Kind::added) c.change = Change::Kind::added;
    if (sc.kind == SentenceChange::Kind::removed) c.change = Change::Kind::removed;
    out.push_back({slot, 2, position++, std::move(c)});
  }
}

Change section_change(Change::Kind kind, const SectionRecord* o, const SectionRecord* n) {
  const SectionRecord& cited = n ? *n : *o;
  return {Change::What::section, kind, path_of(cited), heading_of(cited), nullptr,
          o ? o->record : nlohmann::ordered_json(), n ? n->record : nlohmann::ordered_json(), std::nullopt,
          std::nullopt};
}

}  // namespace

std::vector<Change> diff_reports(const ReportRecords& old_report, const ReportRecords& new_report, bool all) {
  const SectionAlignment sections = align_sections(old_report.sections, new_report.sections);
  const auto [old_slot, new_slot] = reading_slots(sections);
  std::vector<Placed> placed;

  for (const SectionMatch& m : sections.matches) {
    const SectionRecord& o = old_report.sections[m.old_index];
    const SectionRecord& n = new_report.sections[m.new_index];
    const double slot = new_slot[m.new_index];
    if (m.renamed) placed.push_back({slot, 0, 0, section_change(Change::Kind::renamed, &o, &n)});
    if (m.moved) placed.push_back({slot, 0, 1, section_change(Change::Kind::moved, &o, &n)});
    add_sentence_changes(o, n, slot, placed);
  }
  for (std::size_t i = 0; i < old_report.sections.size(); ++i)
    if (sections.new_of_old[i] == kNoIndex)
      placed.push_back({old_slot[i], 0, 0, section_change(Change::Kind::removed, &old_report.sections[i], nullptr)});
  for (std::size_t j = 0; j < new_report.sections.size(); ++j)
    if (sections.old_of_new[j] == kNoIndex)
      placed.push_back({new_slot[j], 0, 0, section_change(Change::Kind::added, nullptr, &new_report.sections[j])});

  // Figures without a section (extract-figures run on a whole file) go last.
  const double nowhere = static_cast<double>(new_report.sections.size());
  for (const FigurePair& p : align_figures(old_report, new_report, sections)) {
    const FigureRecord* o = p.old_index == kNoIndex ? nullptr : &old_report.figures[p.old_index];
    const FigureRecord* n = p.new_index == kNoIndex ? nullptr : &new_report.figures[p.new_index];
    Change c = figure_change(o, n);
    if (c.change == Change::Kind::unchanged && !all) continue;
    const double slot = n ? (n->section == kNoIndex ? nowhere : new_slot[n->section])
                          : (o->section == kNoIndex ? nowhere : old_slot[o->section]);
    placed.push_back({slot, 1, n ? p.new_index : p.old_index, std::move(c)});
  }

  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    return std::tie(a.slot, a.rank, a.position) < std::tie(b.slot, b.rank, b.position);
  });
  std::vector<Change> out;
  out.reserve(placed.size());
  for (Placed& p : placed) out.push_back(std::move(p.change));
  return out;
}

int run_diff(const DiffOptions& options, std::ostream& err) {
  const auto& inputs = options.stage.inputs;
  if (options.series ? inputs.size() < 2 : inputs.size() != 2) {
    err << "zhmine: error: diff takes " << (options.series ? "two or more" : "two") << " inputs, not "
        << inputs.size() << '\n';
    return 2;
  }
  const ReportPipeline pipeline(options.patterns);

  // The inputs are read in parallel, a few at a time, each with its own
  // report; on a terminal a progress line counts them (a long --series run).
  std::vector<ReportRecords> reports(inputs.size());
  std::vector<Report> reading(inputs.size());
  const unsigned threads = options.stage.threads == 0 ? default_threads() : options.stage.threads;
  Progress progress = progress_for_inputs(inputs, options.stage.follow_links, options.stage.quiet,
                                          !options.stage.output, err);
  std::vector<ProgressCount> input_size(inputs.size());
  if (progress.enabled())
    for (std::size_t k = 0; k < inputs.size(); ++k)
      if (const std::optional<InputSize> size = measure_inputs({inputs[k]}, options.stage.follow_links))
        input_size[k] = {size->files, size->bytes};
  try {
    for (std::size_t first = 0; first < inputs.size(); first += threads) {
      std::vector<std::future<void>> running;
      for (std::size_t k = first; k < inputs.size() && k < first + threads; ++k)
        running.push_back(std::async(threads == 1 ? std::launch::deferred : std::launch::async, [&, k] {
          reports[k] = read_report_records(inputs[k], options.stage, pipeline, reading[k]);
        }));
      for (std::size_t k = first; k < first + running.size(); ++k) {
        running[k - first].get();
        progress.advance(input_size[k].files, input_size[k].bytes);
      }
    }
  } catch (const std::exception& e) {  // RuleError, or a rule directory that cannot be read
    progress.finish();
    err << "zhmine: error: " << e.what() << '\n';
    return 2;
  }
  progress.finish();  // before the diagnostics, which come after all reading
  Report totals;
  for (Report& r : reading) {
    print_diagnostics(r, err);
    totals.merge(std::move(r));
  }
  totals.stats.documents += reports.size();

  bool lost = totals.lost_input();
  try {
    Output output(options.stage.output, options.stage.format, options.stage.bom);
    std::string out;
    const RecordFormat format = options.stage.format;
    if (options.series) {
      const auto series = line_up_series(reports);
      if (format == RecordFormat::text) out = format_series_text(series, reports, options.colour);
      else if (format == RecordFormat::html) out = format_series_html(series, reports);
      else for (const Series& s : series) write_series_record(s, reports, out);
      totals.stats.records_written += series.size();
    } else {
      const auto changes = diff_reports(reports[0], reports[1], options.all);
      if (format == RecordFormat::text) out = format_changes_text(changes, reports[0], reports[1], options.colour);
      else if (format == RecordFormat::html) out = format_changes_html(changes, reports[0], reports[1]);
      else for (const Change& c : changes) write_change_record(c, out);
      totals.stats.records_written += changes.size();
    }
    output.write(out);
    output.commit();
  } catch (const std::exception& e) {
    err << "zhmine: error: " << e.what() << '\n';
    lost = true;
  }
  if (options.stage.stats || lost) err << "zhmine: " << totals.stats.summary() << '\n';
  return lost ? 1 : 0;
}

}  // namespace zhmine
