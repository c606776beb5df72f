// The generated fold tables must agree with ICU's transforms, refined by
// data/fold/, for every code point: the proof that deriving flat tables at
// build time changed nothing but speed.
#include <catch2/catch.hpp>

#include <unicode/translit.h>

#include <map>
#include <memory>

#include "test_support.hpp"
#include "zhmine/text/fold_data.hpp"
#include "zhmine/text/fold_tables.hpp"
#include "zhmine/text/utf8.hpp"

using namespace zhmine;

namespace {

std::unique_ptr<icu::Transliterator> transform(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  return t;
}

std::string apply(const icu::Transliterator& t, char32_t c) {
  icu::UnicodeString s(static_cast<UChar32>(c));
  t.transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::map<char32_t, std::string> as_map(std::span<const fold_tables::Entry> table) {
  std::map<char32_t, std::string> m;
  for (const auto& e : table) m.emplace(e.from, e.to);
  return m;
}

bool is_code_point(char32_t c) { return c < 0xD800 || c > 0xDFFF; }

}  // namespace

TEST_CASE("kToSimplified agrees with ICU Traditional-Simplified, then OpenCC's characters, less keep, plus variants, "
          "at every code point") {
  const auto icu = transform("Traditional-Simplified");
  const auto opencc = read_opencc_dictionary(test::opencc_dictionaries() / "TSCharacters.txt");
  const auto keep = read_char_set(test::source_dir() / "data/fold/t2s-keep.txt");
  const auto variants = read_char_mapping(test::source_dir() / "data/fold/t2s-variants.txt");
  const auto table = as_map(fold_tables::kToSimplified);
  std::size_t mismatches = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (!is_code_point(c)) continue;
    const std::string self = utf8::encode(c);
    std::string expected = apply(*icu, c);
    if (const auto o = opencc.find(std::u32string(1, c)); expected == self && o != opencc.end())
      expected = utf8::encode(o->second);
    if (keep.count(c)) expected = self;
    if (auto v = variants.find(c); v != variants.end()) expected = utf8::encode(v->second);
    const auto it = table.find(c);
    const std::string got = it == table.end() ? self : it->second;
    if (got != expected && ++mismatches <= 5) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(c));
  }
  CHECK(mismatches == 0);
}

TEST_CASE("kToTraditional agrees with ICU Simplified-Traditional at every code point") {
  const auto icu = transform("Simplified-Traditional");
  const auto table = as_map(fold_tables::kToTraditional);
  std::size_t mismatches = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (!is_code_point(c)) continue;
    const auto it = table.find(c);
    const std::string got = it == table.end() ? utf8::encode(c) : it->second;
    if (got != apply(*icu, c) && ++mismatches <= 5) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(c));
  }
  CHECK(mismatches == 0);
}

TEST_CASE("kWidth is ICU Fullwidth-Halfwidth on U+FF01-FF5E less the kept punctuation, plus the space table") {
  const auto icu = transform("Fullwidth-Halfwidth");
  const auto keep = read_char_set(test::source_dir() / "data/fold/width-keep.txt");
  const auto spaces = read_char_mapping(test::source_dir() / "data/fold/spaces.txt");
  const auto table = as_map(fold_tables::kWidth);
  for (char32_t c = 0; c <= 0xFFFF; ++c) {
    if (!is_code_point(c)) continue;
    std::string expected = utf8::encode(c);
    if (c >= 0xFF01 && c <= 0xFF5E && !keep.count(c)) expected = apply(*icu, c);
    if (auto s = spaces.find(c); s != spaces.end()) expected = utf8::encode(s->second);
    const auto it = table.find(c);
    const std::string got = it == table.end() ? utf8::encode(c) : it->second;
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    if (got != expected) CHECK(got == expected);
  }
  CHECK(table.at(U'０') == "0");
  CHECK(table.count(U'、') == 0);  // ICU would make it ､
  CHECK(table.count(U'（') == 0);
}

TEST_CASE("fold data files reject malformed lines with file and line") {
  const auto dir = std::filesystem::temp_directory_path() / "zhmine-fold-data-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "bad.txt") << "# comment\n峯 峰\n峯 山 extra\n";
  }
  CHECK_THROWS_WITH(read_char_mapping(dir / "bad.txt"), Catch::Contains("bad.txt:3"));
  std::filesystem::remove_all(dir);
}
