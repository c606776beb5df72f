#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "zhmine/io/json_line.hpp"

using namespace zhmine;

TEST_CASE("JSON strings escape what JSON requires and leave Chinese as is") {
  std::string out;
  append_json_string(out, "工会\"引\"\\n\n\t\x01末");
  CHECK(out == R"("工会\"引\"\\n\n\t\u0001末")");
  // Long clean runs take the sixteen-bytes-at-a-time path; an escape after them is still found.
  const std::string clean(64, 'a');
  out.clear();
  append_json_string(out, clean + "\"" + clean);
  CHECK(nlohmann::json::parse(out) == clean + "\"" + clean);
}

TEST_CASE("an escape is found at every place of a sixteen-byte stretch, and UTF-8 is never escaped") {
  for (const std::string special : {"\"", "\\", "\n", "\x1f", "\x7f"}) {
    for (std::size_t at = 0; at <= 40; ++at) {
      const std::string text = std::string("工会工会工会工会工会工会工会工会").substr(0, at / 3 * 3) + std::string(at % 3, 'x') +
                               special + "职工之家";
      std::string out;
      append_json_string(out, text);
      INFO("at " << at << " special " << static_cast<int>(special[0]));
      CHECK(nlohmann::json::parse(out).get<std::string>() == text);
      // Only what JSON requires is escaped: one backslash more, or \u00XX.
      const std::size_t extra = special == "\x1f" ? 5 : special == "\x7f" ? 0 : 1;
      CHECK(out.size() == text.size() + 2 + extra);
    }
  }
}

TEST_CASE("every byte below 0x20 round-trips through a JSON parser") {
  std::string text;
  for (int c = 0; c < 0x20; ++c) text.push_back(static_cast<char>(c));
  text += "工会";
  std::string out;
  append_json_string(out, text);
  CHECK(nlohmann::json::parse(out).get<std::string>() == text);
}

TEST_CASE("a JsonLine keeps field order and ends the line") {
  std::string out;
  JsonLine(out)
      .field("type", "figure")
      .field("line", std::size_t{12})
      .field("placeholder", false)
      .null("approx")
      .raw("value", "124600")
      .field("path", nlohmann::ordered_json::array({"一", "二"}))
      .end();
  CHECK(out == R"({"type":"figure","line":12,"placeholder":false,"approx":null,"value":124600,"path":["一","二"]})"
               "\n");
}

TEST_CASE("parse_record refuses a NUL byte, after which the parser would drop the rest unseen") {
  const std::string line = std::string(R"({"type":"document","text":"甲"})") + '\0' + R"({"junk":1})";
  CHECK_THROWS_WITH(parse_record(line), Catch::Contains("NUL"));
  CHECK(parse_record(line.substr(0, line.find('\0'))).at("text") == "甲");
}

TEST_CASE("parse_record refuses deep nesting before the parser can overflow the stack") {
  CHECK(parse_record(R"({"type":"document","a":[[1]]})")["type"] == "document");
  const std::string deep = "{\"a\":" + std::string(100000, '[');
  CHECK_THROWS_WITH(parse_record(deep), Catch::Contains("nested deeper than 64"));
  // Brackets inside strings are text, not nesting.
  const std::string quoted = "{\"text\":\"" + std::string(1000, '[') + "\"}";
  CHECK(parse_record(quoted)["text"].get<std::string>().size() == 1000);
  CHECK_THROWS(parse_record("[1,2]"));
  CHECK_THROWS(parse_record("{\"cut\":"));
}
