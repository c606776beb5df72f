// `zhmine patterns test`: compile every rule, run every example, and say
// exactly which rule and example failed, so that a user's CI can guard the
// rule files it adds.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "zhmine/rules/rules.hpp"

namespace zhmine {

struct RuleFailure {
  std::string file;
  std::size_t line;
  std::string rule;
  std::string message;

  // "FILE:LINE: rule ID: message"
  std::string format() const;
};

// Checks what a consumer makes of an example's "=> EXPECT": "" when it holds,
// else what went wrong. Gets the whole book, as consumers use all their rules.
using ExampleCheck = std::function<std::string(const RuleBook&, const Rule&, const RuleExample&)>;

// The consumers' checks, by rule set name.
std::map<std::string, ExampleCheck> shipped_example_checks();

// Compiles each rule's pattern with RE2, checks that "match" examples are
// found and "nomatch" ones are not, and runs the consumer's check on examples
// with "=> EXPECT". Returns the failures in file order.
std::vector<RuleFailure> test_rules(const RuleBook& book, const std::map<std::string, ExampleCheck>& checks);

}  // namespace zhmine
