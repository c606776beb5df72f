// The options every document command shares (see docs/conventions.md).
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "zhmine/io/per_thread.hpp"
#include "zhmine/rules/rules.hpp"
#include "zhmine/io/stage.hpp"

namespace zhmine::app {

// Adds FILE|DIR..., -L, -o, -j, --stats, --encoding, --script, --variant,
// --format (one of `formats`), --bom and --quiet to `command`.
void add_stage_options(CLI::App& command, StageOptions& options,
                       const std::vector<std::string>& formats = {"jsonl", "csv", "tsv"});

// Adds --patterns DIR|FILE (repeatable) to `command`.
void add_patterns_option(CLI::App& command, std::vector<std::string>& patterns);

// The shipped rules and the user's `patterns`, compiled into Rules; a bad
// rule file is named and ends the command with status 2.
template <typename Rules>
std::shared_ptr<const Rules> load_rules(const std::vector<std::string>& patterns) {
  try {
    return std::make_shared<const Rules>(RuleBook::load(patterns));
  } catch (const std::exception& e) {  // RuleError, or a directory that cannot be read
    std::cerr << "zhmine: error: " << e.what() << '\n';
    throw CLI::RuntimeError(2);
  }
}

// The same, compiled once per worker thread (see zhmine/io/per_thread.hpp).
template <typename Rules>
std::shared_ptr<const PerThread<Rules>> load_rules_per_thread(const std::vector<std::string>& patterns) {
  try {
    RuleBook book = RuleBook::load(patterns);
    auto first = std::make_shared<const Rules>(book);
    return std::make_shared<const PerThread<Rules>>(std::move(book), std::move(first));
  } catch (const std::exception& e) {
    std::cerr << "zhmine: error: " << e.what() << '\n';
    throw CLI::RuntimeError(2);
  }
}

}  // namespace zhmine::app
