// zhmine patterns test|list: check and show the rule files.
#include <iostream>

#include "commands.hpp"
#include "zhmine/io/json_line.hpp"
#include "zhmine/rules/rule_check.hpp"

namespace zhmine::app {

namespace {

struct PatternsOptions {
  std::vector<std::string> dirs;
  bool no_shipped = false;
};

void add_rule_sources(CLI::App& command, PatternsOptions& options) {
  command.add_option("dirs", options.dirs, "Your rule files or directories of *.rules, besides the shipped ones");
  command.add_flag("--no-shipped", options.no_shipped, "Leave out the shipped rules (patterns/)");
}

int run_test(const PatternsOptions& options) {
  try {
    const RuleBook book = RuleBook::load(options.dirs, !options.no_shipped);
    const auto failures = test_rules(book, shipped_example_checks());
    std::size_t rules = 0, examples = 0;
    for (const auto& file : book.files())
      for (const auto& rule : file.rules) {
        ++rules;
        examples += rule.examples.size();
      }
    for (const auto& f : failures) std::cout << f.format() << '\n';
    std::cout << book.files().size() << " files, " << rules << " rules, " << examples << " examples: "
              << failures.size() << " failed\n";
    return failures.empty() ? 0 : 1;
  } catch (const RuleError& e) {
    std::cerr << "zhmine: " << e.what() << '\n';
    return 1;
  }
}

int run_list(const PatternsOptions& options) {
  try {
    const RuleBook book = RuleBook::load(options.dirs, !options.no_shipped);
    std::string out;
    for (const auto& file : book.files())
      for (const auto& rule : file.rules) {
        nlohmann::ordered_json attributes(rule.attributes);
        JsonLine(out)
            .field("type", "rule")
            .field("set", file.set)
            .field("id", rule.id)
            .field("pattern", rule.pattern)
            .field("attributes", attributes)
            .field("examples", rule.examples.size())
            .field("file", file.path)
            .field("line", rule.line)
            .end();
      }
    std::cout << out;
    return 0;
  } catch (const RuleError& e) {
    std::cerr << "zhmine: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace

void add_patterns_command(CLI::App& app) {
  CLI::App* patterns = app.add_subcommand("patterns", "Test and list the rule files (patterns/*.rules and yours)");
  patterns->require_subcommand(1);
  auto options = std::make_shared<PatternsOptions>();

  CLI::App* test = patterns->add_subcommand("test", "Compile every rule and check its examples; exit 1 if any fails");
  test->footer(R"(Examples:
  zhmine patterns test                 # the shipped rules
  zhmine patterns test my-rules/       # yours, with the shipped ones they build on)");
  add_rule_sources(*test, *options);
  test->callback([options] { throw CLI::RuntimeError(run_test(*options)); });

  CLI::App* list = patterns->add_subcommand("list", "One JSON line per loaded rule");
  list->footer(R"(Example:
  zhmine patterns list | jq -r 'select(.set=="units") | .id')");
  add_rule_sources(*list, *options);
  list->callback([options] { throw CLI::RuntimeError(run_list(*options)); });
}

}  // namespace zhmine::app
