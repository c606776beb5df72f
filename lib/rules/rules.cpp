#include "zhmine/rules/rules.hpp"


#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include <re2/re2.h>
#include <string_view>
#include <vector>

namespace zhmine {

namespace fs = std::filesystem;

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& message) {
  throw RuleError(file + ":" + std::to_string(line) + ": " + message);
}

// "match TEXT => EXPECT": the expectation is what follows the last " => ".
RuleExample parse_example(bool should_match, std::string_view value, std::size_t line) {
  RuleExample example{should_match, std::string(value), "", line};
  if (const auto arrow = value.rfind(" => "); arrow != std::string_view::npos) {
    example.text = std::string(trim(value.substr(0, arrow)));
    example.expect = std::string(trim(value.substr(arrow + 4)));
  }
  return example;
}

// The cells of a table row: one per column split at runs of blanks, the
// last column taking the rest of the line; "-" is an empty cell.
std::vector<std::string_view> row_cells(std::string_view line, std::size_t columns) {
  std::vector<std::string_view> cells;
  while (!line.empty() && cells.size() + 1 < columns) {
    const auto blank = line.find_first_of(" \t");
    cells.push_back(line.substr(0, blank));
    line = blank == std::string_view::npos ? std::string_view() : trim(line.substr(blank));
  }
  if (!line.empty()) cells.push_back(line);
  for (std::string_view& cell : cells)
    if (cell == "-") cell = {};
  return cells;
}

// A table row as a rule: "id" and "pattern" are the rule's, "example" holds
// examples separated by " | ", each "TEXT => EXPECT"; any other column is an
// attribute.
Rule table_row(const std::vector<std::string>& columns, std::string_view line, const std::string& path,
               std::size_t number) {
  const std::vector<std::string_view> cells = row_cells(line, columns.size());
  if (cells.size() < 2) fail(path, number, "a table row needs at least an id and a pattern");
  Rule rule{std::string(cells[0]), "", {}, {}, path, number};
  for (std::size_t i = 1; i < cells.size(); ++i) {
    if (cells[i].empty()) continue;
    if (columns[i] == "pattern") {
      rule.pattern = cells[i];
    } else if (columns[i] == "example") {
      for (std::string_view rest = cells[i]; !rest.empty();) {
        const auto bar = rest.find(" | ");
        rule.examples.push_back(parse_example(true, trim(rest.substr(0, bar)), number));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 3);
      }
    } else {
      rule.attributes.emplace(columns[i], std::string(cells[i]));
    }
  }
  if (rule.pattern.empty()) fail(path, number, "rule " + rule.id + ": a table row needs a pattern");
  return rule;
}

fs::path executable_dir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

}  // namespace

RuleError rule_error(const Rule& rule, const std::string& message) {
  return RuleError(rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.id + ": " + message);
}

std::unique_ptr<RE2> compile_rule(const Rule& rule, const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw rule_error(rule, "pattern does not compile: " + re->error());
  return re;
}

std::unique_ptr<RE2> compile_rule(const Rule& rule) { return compile_rule(rule, rule.pattern); }

std::string Rule::get(const std::string& key, const std::string& fallback) const {
  const auto it = attributes.find(key);
  return it == attributes.end() ? fallback : it->second;
}

RuleFile read_rule_file(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw RuleError(path.string() + ": cannot open");
  RuleFile file{path.string(), "", {}};
  std::set<std::string> ids;
  Rule* rule = nullptr;
  std::vector<std::string> columns;  // of the table being read, if any
  auto add = [&](Rule r, std::size_t number) -> Rule& {
    if (!ids.insert(r.id).second) fail(file.path, number, "rule " + r.id + " defined twice");
    file.rules.push_back(std::move(r));
    return file.rules.back();
  };
  std::string raw;
  for (std::size_t number = 1; std::getline(in, raw); ++number) {
    std::string_view line = raw;
    if (const auto t = trim(line); t.empty() || t.front() == '#') {
      if (t.empty()) rule = nullptr;  // a blank line ends the block
      continue;
    }
    const bool indented = line.front() == ' ' || line.front() == '\t';
    line = trim(line);
    const auto space = line.find_first_of(" \t");
    const std::string key(line.substr(0, space));
    const std::string_view value = space == std::string_view::npos ? std::string_view() : trim(line.substr(space));
    if (!indented) {
      if (key == "set") {
        if (!file.set.empty()) fail(file.path, number, "a second 'set' line");
        if (value.empty()) fail(file.path, number, "'set' needs a name");
        file.set = value;
      } else if (key == "rule") {
        if (value.empty() || value.find_first_of(" \t") != std::string_view::npos)
          fail(file.path, number, "'rule' needs one id");
        rule = &add(Rule{std::string(value), "", {}, {}, file.path, number}, number);
        columns.clear();
      } else if (key == "columns") {
        columns.clear();
        for (std::string_view cell : row_cells(value, std::string_view::npos)) columns.emplace_back(cell);
        if (columns.size() < 2 || columns[0] != "id" || columns[1] != "pattern")
          fail(file.path, number, "'columns' must begin with id and pattern");
        rule = nullptr;
      } else if (!columns.empty()) {
        add(table_row(columns, line, file.path, number), number);
      } else {
        fail(file.path, number,
             "expected 'set NAME', 'rule ID' or 'columns …' at the start of a line, got '" + key + "'");
      }
      continue;
    }
    if (!rule) fail(file.path, number, "an indented line outside a rule");
    if (value.empty()) fail(file.path, number, "'" + key + "' needs a value");
    if (key == "pattern") {
      if (!rule->pattern.empty()) fail(file.path, number, "rule " + rule->id + ": a second pattern");
      rule->pattern = value;
    } else if (key == "match" || key == "nomatch") {
      rule->examples.push_back(parse_example(key == "match", value, number));
    } else if (!rule->attributes.emplace(key, std::string(value)).second) {
      fail(file.path, number, "rule " + rule->id + ": '" + key + "' given twice");
    }
  }
  if (file.set.empty()) throw RuleError(file.path + ":1: no 'set NAME' line: which consumer reads these rules?");
  return file;
}

fs::path shipped_patterns_dir() {
  if (const char* env = std::getenv("ZHMINE_PATTERNS"); env && *env) return env;
  // Installed: BIN/../share/zhmine/patterns; in a build tree, the sources'.
  const fs::path installed = executable_dir().parent_path() / "share" / "zhmine" / "patterns";
  std::error_code ec;
  if (fs::is_directory(installed, ec)) return installed;
  if (fs::is_directory(ZHMINE_INSTALL_DATADIR "/patterns", ec)) return ZHMINE_INSTALL_DATADIR "/patterns";
  return fs::path(ZHMINE_SOURCE_DIR) / "patterns";
}

RuleBook RuleBook::load(const std::vector<std::string>& extra, bool with_shipped) {
  std::vector<fs::path> roots;
  if (with_shipped) roots.push_back(shipped_patterns_dir());
  for (const auto& e : extra) roots.emplace_back(e);
  RuleBook book;
  for (const fs::path& root : roots) {
    std::error_code ec;
    std::vector<fs::path> paths;
    if (fs::is_directory(root, ec)) {
      for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.path().extension() == ".rules") paths.push_back(entry.path());
      std::sort(paths.begin(), paths.end());
    } else if (fs::exists(root, ec)) {
      paths.push_back(root);
    } else {
      throw RuleError(root.string() + ": no such rule file or directory");
    }
    for (const auto& p : paths) book.files_.push_back(read_rule_file(p));
  }
  return book;
}

std::vector<const Rule*> RuleBook::rules(const std::string& set) const {
  // Later files win: index by id, keep the first position of each id.
  std::vector<const Rule*> out;
  std::map<std::string, std::size_t> position;
  for (const RuleFile& file : files_) {
    if (file.set != set) continue;
    for (const Rule& rule : file.rules) {
      const auto [it, added] = position.emplace(rule.id, out.size());
      if (added) out.push_back(&rule);
      else out[it->second] = &rule;
    }
  }
  return out;
}

}  // namespace zhmine
