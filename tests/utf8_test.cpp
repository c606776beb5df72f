#include <catch2/catch.hpp>

#include "zhmine/text/utf8.hpp"

using namespace zhmine;

TEST_CASE("utf8::decode reads every sequence length") {
  CHECK(utf8::decode("A", 0).code_point == U'A');
  CHECK(utf8::decode("é", 0).code_point == U'é');
  const auto han = utf8::decode("工会", 0);
  CHECK(han.code_point == U'工');
  CHECK(han.length == 3);
  const auto astral = utf8::decode("𠀀", 0);
  CHECK(astral.code_point == 0x20000);
  CHECK(astral.length == 4);
}

TEST_CASE("utf8::decode rejects malformed input with its maximal subpart") {
  const auto check = [](std::string_view bytes, std::uint8_t length) {
    const auto d = utf8::decode(bytes, 0);
    CHECK_FALSE(d.valid);
    CHECK(d.code_point == utf8::kReplacement);
    CHECK(d.length == length);
  };
  check("\xFF", 1);              // never a lead byte
  check("\x80", 1);              // lone continuation
  check("\xC0\xAF", 1);          // overlong lead
  check("\xE0\x80\xAF", 1);      // overlong three-byte
  check("\xED\xA0\x80", 1);      // surrogate
  check("\xF4\x90\x80\x80", 1);  // beyond U+10FFFF
  check("\xE4\xB8", 2);          // truncated at the end
  check("\xE4\xB8X", 2);         // truncated by ASCII
}

TEST_CASE("utf8::find_invalid finds the first bad byte after long valid runs") {
  std::string text(100, 'a');
  text += "工会组织";
  CHECK(utf8::find_invalid(text) == std::string_view::npos);
  text += "\xE5\xB7";
  CHECK(utf8::find_invalid(text) == 112);
  CHECK(utf8::find_invalid("\xED\xA0\x80") == 0);
}

TEST_CASE("utf8::repair replaces each bad sequence once") {
  CHECK(utf8::repair("工\xFF会\xE4\xB8") == "工\uFFFD会\uFFFD");
  CHECK(utf8::repair("plain") == "plain");
}

TEST_CASE("utf8 encodes and counts code points") {
  CHECK(utf8::encode(U'会') == "会");
  CHECK(utf8::encode(U"𠀀A") == "𠀀A");
  CHECK(utf8::count_code_points("工会A𠀀") == 4);
  // Texts of every length around the sixteen-byte stretches and the
  // 255-stretch flush of the counters, mixing 1-, 2-, 3- and 4-byte
  // characters and an invalid lead byte (each counts one).
  const std::string pieces[] = {"工", "A", "é", "𠀀", "\xFF", "会"};
  std::string text;
  std::size_t expected = 0;
  for (std::size_t k = 0; text.size() < 16 * 260 + 40; ++k) {
    text += pieces[k * 7 % 6];
    ++expected;
    INFO(text.size() << " bytes");
    CHECK(utf8::count_code_points(text) == expected);
  }
  // One-byte characters fill every lane's counter to its 255 and past it.
  for (const std::size_t size : {16 * 255 - 1, 16 * 255, 16 * 255 + 1, 16 * 256, 16 * 511 + 7})
    CHECK(utf8::count_code_points(std::string(size, 'a')) == size);
  // A stray continuation byte is no code point of its own.
  CHECK(utf8::count_code_points(std::string(40, 'a') + "\x80" + std::string(40, 'a')) == 80);
}
