// zhmine segment-sections: the heading tree of every report, one section record each.
#include <iostream>

#include "commands.hpp"
#include "stage_options.hpp"
#include "zhmine/sections/sections.hpp"

namespace zhmine::app {

void add_segment_command(CLI::App& app) {
  auto options = std::make_shared<StageOptions>();
  auto patterns = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand(
      "segment-sections", "Cut each report into its sections: heading tree, reports split apart, chrome and page debris removed");
  command->footer(R"(Examples:
  zhmine segment-sections reports/ > sections.jsonl
  zhmine normalize a.txt | zhmine segment-sections | jq -r 'select(.level==1) | .heading'
  zhmine segment-sections --patterns my-headings.rules -o sections.jsonl reports/)");
  add_stage_options(*command, *options);
  add_patterns_option(*command, *patterns);
  command->callback([options, patterns] {
    const auto rules = load_rules_per_thread<SectionRules>(*patterns);
    const DocumentHandler handler = [rules](const Document& document, RecordSink& records, Report&) {
      write_section_records(document, segment_sections(document, rules->get()), records.buffer());
    };
    throw CLI::RuntimeError(run_stage(*options, handler, std::cerr));
  });
}

}  // namespace zhmine::app
