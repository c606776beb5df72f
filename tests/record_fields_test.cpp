// A record's top-level fields read off its line: spans, escapes, bad lines.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "zhmine/io/record_fields.hpp"

using namespace zhmine;

TEST_CASE("a record's fields are the spans of their values as written", "[table]") {
  const RecordFields r(
      R"( {"type":"figure", "raw" : "说 \"好\" \\", "value":1.5e+20,"approx":null,"ok":true,)"
      R"("path":["一、甲","（一）]乙"],"old":{"raw":"}","line":3},"empty":""} )");
  CHECK(r.raw("type") == R"("figure")");
  CHECK(r.raw("raw") == R"("说 \"好\" \\")");
  CHECK(r.raw("value") == "1.5e+20");
  CHECK(r.raw("approx") == "null");
  CHECK(r.raw("ok") == "true");
  CHECK(r.raw("path") == R"(["一、甲","（一）]乙"])");
  CHECK(r.raw("old") == R"({"raw":"}","line":3})");
  CHECK(r.raw("empty") == R"("")");
  CHECK(r.raw("missing").empty());
  CHECK(RecordFields(R"({"un\tit":"元"})").raw("un\tit") == R"("元")");
  CHECK(RecordFields(" {} ").raw("type").empty());
}

TEST_CASE("a string is unescaped as JSON says, as nlohmann::json reads it", "[table]") {
  for (const std::string quoted :
       {R"("甲\t乙\n丙\r\\\/\"\b\f")", R"("\u4e00\u00e9\u0001")", R"("\ud83d\ude00 and \uD835\uDC00")",
        R"("no escapes at all: 一行")", R"("\\")", R"("")"})
    CHECK(RecordFields::unescape(quoted) == nlohmann::json::parse(quoted).get<std::string>());
  // A lone surrogate is no character.
  CHECK(RecordFields::unescape(R"("a\ud800b")") == "a\xEF\xBF\xBD" "b");
  CHECK_THROWS(RecordFields::unescape(R"("\x")"));
  CHECK_THROWS(RecordFields::unescape(R"("\u12")"));
}

TEST_CASE("a line that is no JSON object is refused, saying where", "[table]") {
  for (const char* bad : {"", "not json", "[1,2]", R"({"a":1)", R"({"a":"open})", R"({"a" 1})", R"({"a":})",
                          R"({"a":1,})", R"({"a":[1,{"b":2]})", R"({"a":[1,{"b":2]},"c":1})", R"({"a":1} x)", R"({a:1})"})
    CHECK_THROWS_WITH(RecordFields(bad), Catch::Contains("not a JSON record"));
}
