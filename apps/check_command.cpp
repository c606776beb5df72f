// zhmine check: a report's own arithmetic, one finding record each.
#include <iostream>

#include "commands.hpp"
#include "stage_options.hpp"
#include "zhmine/check/report_check.hpp"

namespace zhmine::app {

void add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "Audit each report's arithmetic: parts against totals, percentages, growth rates, outliers, withheld figures");
  command->footer(R"footer(Inputs: report files, the records of normalize or segment-sections (figures
are found in process), or the figure records of extract-figures. Exit status
1 when a finding is an error (or input was lost), so CI can gate on it.

Examples:
  zhmine check reports/ | jq -r 'select(.severity=="error") | "\(.source):\(.line): \(.message)"'
  zhmine extract-figures reports/ | zhmine check
  zhmine check --stats data/samples/003_3c42f93b7f460ee3.txt)footer");
  add_stage_options(*command, options->stage);
  add_patterns_option(*command, options->patterns);
  command->callback([options] { throw CLI::RuntimeError(run_check(*options, std::cerr)); });
}

}  // namespace zhmine::app
