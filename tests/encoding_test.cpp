#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "zhmine/text/encoding.hpp"

using namespace zhmine;
using zhmine::test::fixture;
using zhmine::test::read_bytes;
using zhmine::test::sample;

namespace {

DecodedText decode_file(const std::filesystem::path& path, std::optional<std::string> forced = std::nullopt) {
  DecodeResult r = decode_bytes(read_bytes(path), forced);
  REQUIRE(r.decoded);
  return *r.decoded;
}

}  // namespace

TEST_CASE("every encoding of a sample decodes to the sample's own text") {
  struct Case {
    const char* fixture;
    const char* sample;
    const char* encoding;
  };
  const Case cases[] = {
      {"encodings/003.gb18030.txt", "003_3c42f93b7f460ee3.txt", "GB18030"},
      {"encodings/001.gbk.txt", "001_d9fc024c1301021f.txt", "GB18030"},
      {"encodings/002.utf16le-bom.txt", "002_e6a98484fe32e77c.txt", "UTF-16LE"},
      {"encodings/002.utf16be-bom.txt", "002_e6a98484fe32e77c.txt", "UTF-16BE"},
      {"encodings/002.utf16le-nobom.txt", "002_e6a98484fe32e77c.txt", "UTF-16LE"},
      {"encodings/002.utf8-bom.txt", "002_e6a98484fe32e77c.txt", "UTF-8"},
  };
  for (const Case& c : cases) {
    INFO(c.fixture);
    const DecodedText text = decode_file(fixture(c.fixture));
    CHECK(text.encoding == c.encoding);
    CHECK(text.damaged_line_count == 0);
    CHECK(text.text == read_bytes(sample(c.sample)));
  }
}

TEST_CASE("Big5 is told apart from GBK, whose byte ranges contain it") {
  const DecodedText text = decode_file(fixture("encodings/004.big5.txt"));
  CHECK(text.encoding == "Big5");
  CHECK(text.text.rfind("2021年基層工會年度工作總結", 0) == 0);
  CHECK(text.damaged_line_count == 0);
}

TEST_CASE("undecodable bytes become U+FFFD and name their lines") {
  const DecodedText utf8 = decode_file(fixture("encodings/001.utf8-invalid.txt"));
  CHECK(utf8.encoding == "UTF-8");
  CHECK(utf8.damaged_lines == std::vector<std::size_t>{3, 7});
  CHECK(utf8.text.find("\uFFFD") != std::string::npos);

  const DecodedText gb = decode_file(fixture("encodings/003.gb18030-truncated.txt"));
  CHECK(gb.encoding == "GB18030");
  CHECK(gb.damaged_lines == std::vector<std::size_t>{68});
  CHECK(gb.text.size() > 10000);  // the rest of the file survives
}

TEST_CASE("NUL bytes mark binary input, an empty file is an empty text") {
  const DecodeResult binary = decode_bytes(read_bytes(fixture("encodings/binary.txt")));
  CHECK_FALSE(binary.decoded);
  REQUIRE(binary.binary);
  CHECK(binary.binary->line == 4);

  const DecodedText empty = decode_file(fixture("encodings/empty.txt"));
  CHECK(empty.text.empty());
  CHECK(empty.encoding == "UTF-8");
}

TEST_CASE("a forced encoding overrides detection") {
  // GBK bytes read as Big5 give other characters, and say so.
  const DecodedText forced = decode_file(fixture("encodings/003.gb18030.txt"), "Big5");
  CHECK(forced.encoding == "Big5");
  CHECK(forced.text != read_bytes(sample("003_3c42f93b7f460ee3.txt")));
}

TEST_CASE("encoding names are canonicalized") {
  CHECK(canonical_encoding("gbk") == "GB18030");
  CHECK(canonical_encoding("GB2312") == "GB18030");
  CHECK(canonical_encoding("big5") == "Big5");
  CHECK(canonical_encoding("utf8") == "UTF-8");
  CHECK(canonical_encoding("UTF-16le") == "UTF-16LE");
  CHECK_FALSE(canonical_encoding("latin1"));
}
