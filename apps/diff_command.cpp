// zhmine diff: what changed between two reports, or a figure's values across many.
#include <iostream>

#include <unistd.h>

#include "commands.hpp"
#include "stage_options.hpp"
#include "zhmine/diff/diff.hpp"
#include "zhmine/diff/diff_text_format.hpp"

namespace zhmine::app {

void add_diff_command(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff", "What changed between two reports: sections, figures and sentences aligned by meaning");
  command->footer(R"(Inputs are raw report files, or JSON Lines holding the section and figure
records of earlier stages (cat sections.jsonl figures.jsonl > a.jsonl).

Examples:
  zhmine diff 2022.txt 2023.txt > changes.jsonl
  zhmine diff --format text 2022.txt 2023.txt
  zhmine diff 2022.txt 2023.txt | jq -c 'select(.what=="figure") | {label, old: .old.value, new: .new.value, delta}'
  zhmine diff --series 2019.txt 2020.txt 2021.txt | jq -c '{label, unit, values: [.values[] | .value?]}')");
  add_stage_options(*command, options->stage, {"jsonl", "json", "csv", "tsv", "text", "html"});
  command->add_flag("--series", options->series, "Line up each figure across all the inputs (two or more), one series record each");
  command->add_flag("--all", options->all, "Also write figures whose value did not change (change \"unchanged\")");
  add_patterns_option(*command, options->patterns);
  command->callback([options] {
    options->colour = !options->stage.output && colour_wanted(STDOUT_FILENO);
    throw CLI::RuntimeError(run_diff(*options, std::cerr));
  });
}

}  // namespace zhmine::app
