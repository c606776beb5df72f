#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "zhmine/text/punctuation.hpp"

using namespace zhmine;

TEST_CASE("data/punctuation.txt has every class zhmine uses, and nothing else") {
  const auto classes = parse_punctuation(test::read_bytes(test::source_dir() / "data" / "punctuation.txt"));
  std::vector<std::string> names;
  for (const auto& c : classes) names.push_back(c.first);
  std::vector<std::string> used;
  for (int k = 0; k <= static_cast<int>(MarkClass::announce); ++k)  // the last class
    used.emplace_back(mark_class_name(static_cast<MarkClass>(k)));
  CHECK(names == used);
}

TEST_CASE("the built-in classes hold the marks the file lists") {
  CHECK(marks(MarkClass::sentence_end).contains(U'。'));
  CHECK(marks(MarkClass::sentence_end).contains(U'!'));
  CHECK_FALSE(marks(MarkClass::sentence_end).contains(U'，'));
  CHECK(marks(MarkClass::label_end).contains(U' '));  // \s
  CHECK(marks(MarkClass::label_end).contains(U'\t'));
  CHECK(marks(MarkClass::label_end).contains(U'—'));
  CHECK_FALSE(marks(MarkClass::label_end).contains(U'会'));
  CHECK(marks(MarkClass::diff_sentence_end).contains(U'\n'));
  CHECK(marks(MarkClass::closing_quote).contains(U'”'));
}

TEST_CASE("ends_with_mark looks at the last character only") {
  CHECK(ends_with_mark("各位代表！", MarkClass::body_line_end));
  CHECK(ends_with_mark("各位代表!", MarkClass::body_line_end));  // folded from ！
  CHECK(ends_with_mark("主要做了以下工作：", MarkClass::announce));
  CHECK_FALSE(ends_with_mark("结束语", MarkClass::body_line_end));
  CHECK_FALSE(ends_with_mark("：结束语", MarkClass::announce));
  CHECK_FALSE(ends_with_mark("", MarkClass::announce));
}

TEST_CASE("a class knows the first bytes of its marks") {
  const Marks& end = marks(MarkClass::sentence_end);
  CHECK(end.may_begin(0xE3));  // 。 is E3 80 82
  CHECK(end.may_begin(0xEF));  // ！ is EF BC 81
  CHECK(end.may_begin('!'));
  CHECK_FALSE(end.may_begin(0xE5));  // most ideographs
  CHECK_FALSE(end.may_begin('a'));
}

TEST_CASE("malformed punctuation files are named by line") {
  CHECK_THROWS_WITH(parse_punctuation("# ok\nnocolon\n"), Catch::Contains("line 2"));
  CHECK_THROWS_WITH(parse_punctuation("a: 。 ！\n"), Catch::Contains("line 1: a blank"));
  CHECK_THROWS_WITH(parse_punctuation("a: \\x\n"), Catch::Contains("unknown escape"));
  CHECK_THROWS_WITH(parse_punctuation("a: \xFF\n"), Catch::Contains("not valid UTF-8"));
  const auto ok = parse_punctuation("a: \\s\\\\x\n");
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].second.contains(U' '));
  CHECK(ok[0].second.contains(U'\\'));
  CHECK(ok[0].second.contains(U'x'));
}
