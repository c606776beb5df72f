// `zhmine check`: reads raw files, document and section records (their
// figures are extracted in process) and figure records of extract-figures,
// checks each report's arithmetic, and writes one finding record each
// (docs/check.md).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "zhmine/rules/rules.hpp"
#include "zhmine/io/stage.hpp"

namespace zhmine {

struct CheckOptions {
  StageOptions stage;                 // inputs, -L, -o, --stats, --encoding, --script
  std::vector<std::string> patterns;  // the user's rule files
};

// Returns the exit status: 0 when no finding is an error and all input was
// used, 1 when a finding is an error or input was lost, 2 for a rule file
// that does not load.
int run_check(const CheckOptions& options, std::ostream& err);

// For `zhmine patterns test`: finds the figures of example.text and checks
// them; EXPECT is "none" or the findings as "CHECK SEVERITY STATED COMPUTED"
// ("-" for none), ";"-separated. Returns "" when it holds.
std::string check_check_example(const RuleBook& book, const Rule& rule, const RuleExample& example);

}  // namespace zhmine
