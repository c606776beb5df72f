// Rule files: the RE2 patterns, lexicons and their examples in patterns/*.rules
// that drive extract-figures and segment-sections. Users add their own with
// --patterns DIR and check them in CI with `zhmine patterns test`.
//
// A rule file is blocks separated by blank lines:
//
//   # what this file holds
//   set units                      which consumer reads the file's rules
//
//   rule money.yuan                a unique id
//     pattern   (?:万|亿)?元        an RE2 pattern
//     unit      元                  any other attribute: key, then value
//     kind      money
//     match     36 万元              an example the pattern must find
//     nomatch   元旦                 an example it must not find
//     match     发放资金36万元 => 360000 元
//                                  with "=> EXPECT", the consumer also
//                                  checks what it makes of the example
//
// A lexicon is written as a table, one rule a line, after a `columns` line
// naming the columns (id and pattern first; "example" holds " | "-separated
// examples; the other columns are attributes):
//
//   columns  id  pattern  unit  kind  example
//   weight.jin   斤|市斤   斤   weight   亩产一千斤 => 1000 斤
//
// The format is documented for users in docs/rules.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <optional>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace zhmine {

struct RuleExample {
  bool should_match;
  std::string text;
  std::string expect;  // after "=>", empty if none
  std::size_t line;
};

struct Rule {
  std::string id;
  std::string pattern;  // RE2 syntax; may be empty for lexicon-only rules
  std::map<std::string, std::string> attributes;
  std::vector<RuleExample> examples;
  std::string file;
  std::size_t line = 0;

  // The attribute's value, or `fallback`.
  std::string get(const std::string& key, const std::string& fallback = "") const;
};

struct RuleFile {
  std::string path;
  std::string set;  // the consumer: "units", "figures", "chrome", "headings", …
  std::vector<Rule> rules;
};

// Thrown for a malformed rule file; what() reads "FILE:LINE: message".
struct RuleError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

RuleFile read_rule_file(const std::filesystem::path& path);

// A RuleError for `rule`: "FILE:LINE: rule ID: message".
RuleError rule_error(const Rule& rule, const std::string& message);

// `rule`'s pattern (or `pattern`, made from it) compiled by RE2, errors not
// logged; throws rule_error(rule, "pattern does not compile: …").
std::unique_ptr<re2::RE2> compile_rule(const Rule& rule, const std::string& pattern);
std::unique_ptr<re2::RE2> compile_rule(const Rule& rule);

// The directories rules come from, shipped first: $ZHMINE_PATTERNS if set,
// else the installed share/zhmine/patterns, else the source tree's patterns/.
std::filesystem::path shipped_patterns_dir();

// Every *.rules file of the shipped directory and then of `extra` (files or
// directories), in name order. A user's rule whose id equals a shipped one
// replaces it; new ids are added.
class RuleBook {
 public:
  static RuleBook load(const std::vector<std::string>& extra = {}, bool with_shipped = true);

  const std::vector<RuleFile>& files() const { return files_; }
  // All rules of one set, in file order, replaced ones left out.
  std::vector<const Rule*> rules(const std::string& set) const;

 private:
  std::vector<RuleFile> files_;
};

}  // namespace zhmine
