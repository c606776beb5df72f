// zhmine extract-figures: every figure of the input, one record each.
#include <iostream>

#include "commands.hpp"
#include "stage_options.hpp"
#include "zhmine/figures/figure_records.hpp"
#include "zhmine/figures/figures.hpp"

namespace zhmine::app {

void add_figures_command(CLI::App& app) {
  auto options = std::make_shared<StageOptions>();
  auto patterns = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand(
      "extract-figures", "Every figure (a number that counts something) with value, unit, qualifier, label and line");
  command->footer(R"(Examples:
  zhmine extract-figures reports/ > figures.jsonl
  zhmine extract-figures data/samples | jq 'select(.unit=="元") | {label, value, source, line}'
  zhmine segment-sections reports/ | zhmine extract-figures | jq -c '{path, raw}'
  zhmine extract-figures --patterns my-rules/ reports/)");
  add_patterns_option(*command, *patterns);
  add_stage_options(*command, *options);
  command->callback([options, patterns] {
    const auto extractor = load_rules_per_thread<FigureExtractor>(*patterns);
    const DocumentHandler handler = [extractor](const Document& document, RecordSink& records, Report& report) {
      extract_figure_records(extractor->get(), document, records, report);
    };
    throw CLI::RuntimeError(run_stage(*options, handler, std::cerr));
  });
}

}  // namespace zhmine::app
