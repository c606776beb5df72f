// zhmine normalize: decode, fold to simplified Chinese, clean; one document record each.
#include <iostream>

#include "commands.hpp"
#include "stage_options.hpp"
#include "zhmine/text/normalize.hpp"

namespace zhmine::app {

void add_normalize_command(CLI::App& app) {
  auto options = std::make_shared<StageOptions>();
  CLI::App* command = app.add_subcommand("normalize", "Decode report files and normalize their text to clean simplified Chinese");
  command->footer(R"(Examples:
  zhmine normalize reports/ > docs.jsonl
  zhmine normalize --encoding big5 old.txt | jq -r .text
  zhmine normalize --script keep -o docs.jsonl a.txt b.txt)");
  add_stage_options(*command, *options);
  command->callback([options] {
    throw CLI::RuntimeError(run_stage(*options, write_document_record, std::cerr));
  });
}

}  // namespace zhmine::app
