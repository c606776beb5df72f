#include "zhmine/rules/rule_check.hpp"

#include <re2/re2.h>

#include "zhmine/figures/figures.hpp"
#include "zhmine/sections/headings.hpp"
#include "zhmine/check/report_check.hpp"

namespace zhmine {

std::string RuleFailure::format() const {
  return file + ":" + std::to_string(line) + ": rule " + rule + ": " + message;
}

std::map<std::string, ExampleCheck> shipped_example_checks() {
  // Each consumer checks the examples of the sets it reads.
  const ExampleCheck figures = check_figure_example;
  const ExampleCheck headings = check_heading_example;
  const ExampleCheck checks = check_check_example;
  return {{"numerals", figures}, {"units", figures},     {"symbols", figures},  {"qualifiers", figures}, {"traps", figures},
          {"labels", figures},   {"headings", headings}, {"items", headings},
          {"check-parts", checks}, {"check-ratio", checks}, {"check-growth", checks}};
}

std::vector<RuleFailure> test_rules(const RuleBook& book, const std::map<std::string, ExampleCheck>& checks) {
  std::vector<RuleFailure> failures;
  for (const RuleFile& file : book.files()) {
    const auto check = checks.find(file.set);
    for (const Rule& rule : file.rules) {
      auto fail = [&](std::size_t line, std::string message) {
        failures.push_back({file.path, line, rule.id, std::move(message)});
      };
      std::unique_ptr<RE2> re;
      if (!rule.pattern.empty()) {
        RE2::Options options;
        options.set_log_errors(false);
        re = std::make_unique<RE2>(rule.pattern, options);
        if (!re->ok()) {
          fail(rule.line, "pattern does not compile: " + re->error());
          continue;
        }
      }
      for (const RuleExample& example : rule.examples) {
        if (re) {
          const bool found = RE2::PartialMatch(example.text, *re);
          if (found != example.should_match)
            fail(example.line, std::string(example.should_match ? "pattern does not match" : "pattern matches") +
                                   " \"" + example.text + "\"");
        }
        if (example.expect.empty()) continue;
        if (check == checks.end()) {
          fail(example.line, "\"=> " + example.expect + "\" but nothing checks examples of set " + file.set);
          continue;
        }
        if (std::string problem = check->second(book, rule, example); !problem.empty())
          fail(example.line, "\"" + example.text + "\": " + problem);
      }
    }
  }
  return failures;
}

}  // namespace zhmine
