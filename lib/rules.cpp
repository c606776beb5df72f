#include "zhmine/rules.hpp"


#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

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

fs::path executable_dir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

}  // namespace

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
        if (!ids.insert(std::string(value)).second) fail(file.path, number, "rule " + std::string(value) + " defined twice");
        file.rules.push_back(Rule{std::string(value), "", {}, {}, file.path, number});
        rule = &file.rules.back();
      } else {
        fail(file.path, number, "expected 'set NAME' or 'rule ID' at the start of a line, got '" + key + "'");
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
