#include <catch2/catch.hpp>

#include <fstream>

#include "zhmine/figures/figure_rules.hpp"
#include "zhmine/rules/rule_check.hpp"
#include "zhmine/rules/rules.hpp"

using namespace zhmine;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("zhmine-rules-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return path / name;
  }
};

}  // namespace

TEST_CASE("a rule file reads into rules with patterns, attributes and examples") {
  TempDir dir;
  const auto file = read_rule_file(dir.write("units.rules", R"(# money
set units

rule money.yuan
  pattern   (?:万|亿)?元
  unit      元
  kind      money
  match     36 万元
  nomatch   人民
  match     发放资金36万元 => 360000 元
)"));
  CHECK(file.set == "units");
  REQUIRE(file.rules.size() == 1);
  const Rule& r = file.rules[0];
  CHECK(r.id == "money.yuan");
  CHECK(r.pattern == "(?:万|亿)?元");
  CHECK(r.get("unit") == "元");
  CHECK(r.get("absent", "x") == "x");
  REQUIRE(r.examples.size() == 3);
  CHECK(r.examples[1].should_match == false);
  CHECK(r.examples[2].text == "发放资金36万元");
  CHECK(r.examples[2].expect == "360000 元");
  CHECK(r.examples[2].line == 10);
}

TEST_CASE("malformed rule files are named by file and line") {
  TempDir dir;
  CHECK_THROWS_WITH(read_rule_file(dir.write("a.rules", "rule x\n  pattern a\n")), Catch::Contains("a.rules:1: no 'set"));
  CHECK_THROWS_WITH(read_rule_file(dir.write("b.rules", "set s\n\nrule x\n  pattern a\n\nrule x\n")),
                    Catch::Contains("b.rules:6: rule x defined twice"));
  CHECK_THROWS_WITH(read_rule_file(dir.write("c.rules", "set s\n  pattern a\n")),
                    Catch::Contains("c.rules:2: an indented line outside a rule"));
  CHECK_THROWS_WITH(read_rule_file(dir.write("d.rules", "set s\nfoo bar\n")), Catch::Contains("d.rules:2:"));
}

TEST_CASE("a user's rule replaces a shipped rule of the same id") {
  TempDir dir;
  fs::create_directories(dir.path / "shipped");
  fs::create_directories(dir.path / "mine");
  dir.write("shipped/u.rules", "set units\n\nrule a\n  pattern 元\n\nrule b\n  pattern 人\n");
  dir.write("mine/u.rules", "set units\n\nrule a\n  pattern 万元\n\nrule c\n  pattern 家\n");
  const RuleBook book = RuleBook::load({(dir.path / "shipped").string(), (dir.path / "mine").string()}, false);
  const auto rules = book.rules("units");
  REQUIRE(rules.size() == 3);
  CHECK(rules[0]->pattern == "万元");
  CHECK(rules[1]->id == "b");
  CHECK(rules[2]->id == "c");
  CHECK(book.rules("chrome").empty());
  CHECK_THROWS_AS(RuleBook::load({(dir.path / "nowhere").string()}, false), RuleError);
}

TEST_CASE("test_rules names the failing rule and example") {
  TempDir dir;
  dir.write("t.rules", R"(set units

rule good
  pattern  元
  match    36元
  nomatch  人

rule wrong_example
  pattern  元
  match    36人

rule broken
  pattern  (元

rule checked
  pattern  元
  match    3元 => three
)");
  const RuleBook book = RuleBook::load({dir.path.string()}, false);
  std::map<std::string, ExampleCheck> checks{
      {"units", [](const RuleBook&, const Rule&, const RuleExample& e) {
         return e.expect == "three" && e.text == "3元" ? std::string() : std::string("not three");
       }}};
  auto failures = test_rules(book, checks);
  REQUIRE(failures.size() == 2);
  CHECK(failures[0].rule == "wrong_example");
  CHECK(failures[0].line == 10);
  CHECK_THAT(failures[0].format(), Catch::Contains("t.rules:10: rule wrong_example: pattern does not match \"36人\""));
  CHECK(failures[1].rule == "broken");
  CHECK_THAT(failures[1].message, Catch::Contains("does not compile"));

  // Without a check for its set, an "=> EXPECT" example fails rather than passing unchecked.
  failures = test_rules(book, {});
  CHECK(failures.size() == 3);
}

TEST_CASE("a figure rule that does not compile is named when the rules are loaded") {
  TempDir dir;
  dir.write("mine.rules", "set units\n\nrule units.broken\n  pattern   (台\n  unit      台\n  kind      items\n");
  const RuleBook book = RuleBook::load({dir.path.string()});
  CHECK_THROWS_WITH(FigureRules(book), Catch::Contains("mine.rules:3") && Catch::Contains("units.broken") &&
                                           Catch::Contains("does not compile"));
}
