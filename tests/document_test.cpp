#include <catch2/catch.hpp>

#include "zhmine/io/document.hpp"

using namespace zhmine;

TEST_CASE("an identity source map puts text line k on source line k") {
  const std::string text = "第一行\n二、工会\n\n末行";
  const SourceMap map = SourceMap::lines_of(text);
  const auto at = [&](std::string_view needle) { return map.locate(text, text.find(needle)); };
  CHECK(at("第一行").line == 1);
  CHECK(at("工会").line == 2);
  CHECK(at("工会").column == 2);
  CHECK(at("末行").line == 4);
  CHECK(at("末行").column == 0);
}

TEST_CASE("a source map with joins cites the line each piece came from") {
  // "推进落实XX县区总工会" (line 1, column 40) joined with "领导机构改革。" (line 2, after "2、").
  const std::string text = "推进落实XX县区总工会领导机构改革。";
  SourceMap map;
  map.add({0, 1, 40});
  map.add({text.find("领导"), 2, 2});
  CHECK(map.locate(text, text.find("工会")).line == 1);
  CHECK(map.locate(text, text.find("工会")).column == 40 + 9);
  CHECK(map.locate(text, text.find("机构")).line == 2);
  CHECK(map.locate(text, text.find("机构")).column == 4);
}

TEST_CASE("source maps go to JSON in code points and come back") {
  const std::string text = "工会\n组织";
  SourceMap map;
  map.add({0, 5, 3});
  map.add({text.find("组织"), 7, 0});
  const nlohmann::json j = map.to_json(text);
  CHECK(j.dump() == "[[0,5,3],[3,7,0]]");
  const SourceMap back = SourceMap::from_json(nlohmann::ordered_json::parse(j.dump()), text);
  REQUIRE(back.pieces().size() == 2);
  CHECK(back.pieces()[1].offset == text.find("组织"));
  CHECK(back.pieces()[1].line == 7);
  CHECK_THROWS(SourceMap::from_json(nlohmann::ordered_json::parse("[[9,1,0]]"), text));
  CHECK_THROWS(SourceMap::from_json(nlohmann::ordered_json::parse("[[0,1]]"), text));
}

TEST_CASE("document ids hash the bytes: stable, and different for different bytes") {
  CHECK(document_id("") == document_id(""));
  CHECK(document_id("工会") != document_id("工會"));
  CHECK(document_id("abc").size() == 16);
  // Part of the output format: a change here changes every record's doc.
  CHECK(document_id("zhmine") == "9f468d094818178c");
  CHECK(document_id("工会工作总结：2023年（一）") == "6875f3141acc3787");
}

TEST_CASE("a document id hashed in pieces is the id of the whole") {
  const std::string bytes = "工会工作总结：2023年（一）职工之家建设";
  for (std::size_t first = 0; first <= bytes.size(); ++first) {
    for (std::size_t second = first; second <= bytes.size(); second += 5) {
      DocumentHasher hasher(bytes.size());
      hasher.update(std::string_view(bytes).substr(0, first));
      hasher.update(std::string_view(bytes).substr(first, second - first));
      hasher.update(std::string_view(bytes).substr(second));
      CAPTURE(first, second);
      CHECK(hasher.id() == document_id(bytes));
    }
  }
}
