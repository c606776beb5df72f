#include <catch2/catch.hpp>

#include <set>

#include "test_support.hpp"
#include "zhmine/text/fold_data.hpp"
#include "zhmine/text/fold_tables.hpp"
#include "zhmine/text/normalizer.hpp"
#include "zhmine/text/utf8.hpp"

using namespace zhmine;

namespace {

std::string simplify(std::string_view text) { return normalizer_for(TargetScript::simplified).normalize(text).text; }

std::set<char32_t> han_of(std::string_view text) {
  std::set<char32_t> han;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto d = utf8::decode(text, pos);
    if ((d.code_point >= 0x3400 && d.code_point <= 0x9FFF) || (d.code_point >= 0xF900 && d.code_point <= 0xFAFF) ||
        d.code_point >= 0x20000)
      han.insert(d.code_point);
    pos += d.length;
  }
  return han;
}

}  // namespace

TEST_CASE("full-width ASCII folds, Chinese punctuation stays") {
  CHECK(simplify("２０２０年增长８３．８８％，ＡＢＣ／ａｂｃ＋－") == "2020年增长83.88%，ABC/abc+-");
  CHECK(simplify("（一）强化党建；一、二、三：好？是！") == "（一）强化党建；一、二、三：好？是！");
  CHECK(simplify("“三会一课”《劳动合同法》【通知】‘引’。") == "“三会一课”《劳动合同法》【通知】‘引’。");
}

TEST_CASE("odd spaces become spaces, invisible characters go, trailing blanks are trimmed") {
  CHECK(simplify("一\u3000二\u00A0三") == "一 二 三");
  CHECK(simplify("工\u200B会\uFEFF") == "工会");
  CHECK(simplify("标题\u3000\u3000\n正文  \t\n") == "标题\n正文\n");
  CHECK(simplify("末行 ") == "末行");
}

TEST_CASE("line breaks become LF and every source line keeps its number") {
  const NormalizedText n = normalizer_for(TargetScript::simplified).normalize("一\r\n二\r三\n\n五");
  CHECK(n.text == "一\n二\n三\n\n五");
  CHECK(n.lines == 5);
  CHECK(count_lines(n.text) == 5);
  CHECK(count_lines("") == 0);
  CHECK(count_lines("a\n") == 1);
}

TEST_CASE("traditional text folds to simplified, variants included") {
  CHECK(simplify("基層工會年度工作總結") == "基层工会年度工作总结");
  CHECK(simplify("峯") == "峰");  // a variant ICU leaves alone (data/fold/t2s-variants.txt)
  CHECK(simplify("麪") == "面");
  const NormalizedText n = normalizer_for(TargetScript::simplified).normalize("基層工會");
  CHECK(n.script() == "traditional");
}

TEST_CASE("simplified text passes through: ICU's over-eager folds are kept out") {
  // Each of these ICU's Traditional-Simplified would corrupt.
  CHECK(simplify("与时俱进") == "与时俱进");
  CHECK(simplify("慰藉") == "慰藉");
  CHECK(simplify("大阪") == "大阪");
  CHECK(simplify("姊妹") == "姊妹");
  CHECK(simplify("显著") == "显著");
  CHECK(simplify("「引文」") == "「引文」");
  const NormalizedText n = normalizer_for(TargetScript::simplified).normalize("与时俱进的工会");
  CHECK(n.script() == "simplified");
}

TEST_CASE("phrases fold whole where their characters alone would fold otherwise") {
  // From OpenCC's TSPhrases as Debian ships it: 乾 alone is 干, in 乾隆 it stays.
  CHECK(simplify("乾隆年間") == "乾隆年间");
  CHECK(simplify("乾淨") == "干净");
  CHECK(simplify("酒逢知己千鍾少") == "酒逢知己千锺少");
  CHECK(simplify("瞭望") == "瞭望");
  // A phrase found at the end of a line, and one cut by a line break is none.
  CHECK(simplify("清朝乾隆\n乾\n隆") == "清朝乾隆\n干\n隆");
  const NormalizedText n = normalizer_for(TargetScript::simplified).normalize("乾隆年間");
  CHECK(n.script() == "traditional");
}

TEST_CASE("no phrase changes simplified text: every phrase's simplified form folds to itself") {
  for (const auto& table : {fold_tables::kPhrasesToSimplified, fold_tables::kTaiwanPhrasesToSimplified,
                            fold_tables::kHongKongPhrasesToSimplified}) {
    for (const auto& phrase : table) {
      INFO(phrase.from << " → " << phrase.to);
      CHECK(simplify(phrase.to) == phrase.to);
    }
  }
  CHECK(simplify("藉此机会") == "藉此机会");  // OpenCC's TSPhrases would make it 借此机会
}

TEST_CASE("Taiwan and Hong Kong variants fold by their own standard") {
  const Normalizer& taiwan = normalizer_for(TargetScript::simplified, TraditionalVariant::taiwan);
  const Normalizer& hong_kong = normalizer_for(TargetScript::simplified, TraditionalVariant::hong_kong);
  CHECK(taiwan.normalize("睡著了").text == "睡着了");  // Taiwan writes 著 for 着
  CHECK(taiwan.normalize("著作").text == "著作");      // but not in 著作
  CHECK(simplify("睡著了") == "睡著了");              // the generic standard keeps 著
  CHECK(hong_kong.normalize("衞生").text == "卫生");
  CHECK(simplify("衞生") == "衞生");
  CHECK(taiwan.normalize("乾隆年間").text == "乾隆年间");
  // With its words (tw2sp): Taiwan's terms become the Mainland's, even those
  // whose characters read as simplified already.
  const Normalizer& words = normalizer_for(TargetScript::simplified, TraditionalVariant::taiwan_words);
  CHECK(words.normalize("這個軟體用滑鼠操作，矽晶片").text == "这个软件用鼠标操作，硅芯片");  // 晶片 is 芯片 there
  CHECK(taiwan.normalize("軟體").text == "软体");
  CHECK(parse_traditional_variant("twp") == TraditionalVariant::taiwan_words);
  CHECK(parse_traditional_variant("tw") == TraditionalVariant::taiwan);
  CHECK_THROWS(parse_traditional_variant("mo"));
}

TEST_CASE("CJK compatibility ideographs fold to their unified forms first") {
  CHECK(simplify("\uF9DC") == "隆");              // 隆 (U+F9DC) → 隆 (U+9686)
  CHECK(simplify("\uF900") == "岂");              // 豈 (U+F900) → 豈 → 岂
  CHECK(simplify("\uFA0E") == "\uFA0E");          // 﨎 is a unified ideograph itself
  CHECK(normalizer_for(TargetScript::keep).normalize("\uF9DC").text == "隆");
}

TEST_CASE("every entry of the keep list passes through unchanged") {
  for (char32_t c : read_char_set(test::source_dir() / "data/fold/t2s-keep.txt")) {
    const std::string s = utf8::encode(c);
    INFO("U+" << std::hex << static_cast<unsigned>(c) << " " << s);
    CHECK(simplify(s) == s);
  }
}

TEST_CASE("every entry of the variant list folds as listed") {
  for (const auto& [from, to] : read_char_mapping(test::source_dir() / "data/fold/t2s-variants.txt")) {
    INFO(utf8::encode(from));
    CHECK(simplify(utf8::encode(from)) == utf8::encode(to));
  }
}

TEST_CASE("every Han character of the simplified samples comes out as it went in") {
  for (const char* name : test::kSamples) {
    if (std::string(name) == test::kTraditionalSample) continue;
    INFO(name);
    const std::string text = test::read_bytes(test::sample(name));
    const NormalizedText n = normalizer_for(TargetScript::simplified).normalize(text);
    CHECK(n.script() == "simplified");
    CHECK(han_of(n.text) == han_of(text));
  }
}

TEST_CASE("the traditional sample comes out simplified") {
  const std::string text = test::read_bytes(test::sample(test::kTraditionalSample));
  const NormalizedText n = normalizer_for(TargetScript::simplified).normalize(text);
  CHECK(n.script() == "traditional");
  CHECK(n.text.find("基层工会年度工作总结1") != std::string::npos);
  CHECK(n.text.find("峰") != std::string::npos);
  CHECK(n.text.find("工會") == std::string::npos);
  CHECK(n.lines == count_lines(text));
}

TEST_CASE("the traditional and keep target scripts") {
  CHECK(normalizer_for(TargetScript::traditional).normalize("工会总结").text == "工會總結");
  CHECK(normalizer_for(TargetScript::keep).normalize("工會 总结１").text == "工會 总结1");
  CHECK_THROWS(parse_target_script("hans"));
}

TEST_CASE("normalize_if_valid refuses invalid UTF-8, normalize repairs it") {
  const Normalizer& n = normalizer_for(TargetScript::simplified);
  CHECK_FALSE(n.normalize_if_valid("工\xFF会"));
  CHECK(n.normalize("工\xFF会").text == "工\uFFFD会");
  CHECK(n.normalize_if_valid("工会")->text == "工会");
}

namespace {

// Folds `text` through a FoldStream in pieces of about `size` bytes, the
// rest of each that feed() leaves carried into the next.
std::optional<NormalizedText> fold_in_pieces(std::string_view text, std::size_t size, bool strict,
                                             const Normalizer& normalizer = normalizer_for(TargetScript::simplified)) {
  FoldStream stream(normalizer, strict);
  std::string carried;
  for (std::size_t at = 0; at < text.size(); at += size) {
    std::string data = carried + std::string(text.substr(at, size));
    if (at + size >= text.size()) {
      stream.feed_last(data);
      break;
    }
    const std::size_t piece = stream.feed(data);
    if (stream.failed()) break;
    CHECK(data.size() - piece <= FoldStream::kMaxLeftOver);
    carried = data.substr(piece);
  }
  return stream.finish();
}

}  // namespace

TEST_CASE("FoldStream::cut never splits a character or CR LF") {
  CHECK(FoldStream::cut("工会") == 6);
  CHECK(FoldStream::cut("工\xE4\xBC") == 3);   // 会 cut after two of its three bytes
  CHECK(FoldStream::cut("工\xE4") == 3);
  CHECK(FoldStream::cut("a\xF0\x9F\x98") == 1);  // a four-byte character missing its last byte
  CHECK(FoldStream::cut("a\xF0\x9F\x98\x80") == 5);
  CHECK(FoldStream::cut("第一行\r") == 9);  // an LF may follow
  CHECK(FoldStream::cut("第一行\r\n") == 11);
  CHECK(FoldStream::cut("") == 0);
}

TEST_CASE("a text folded in pieces is the text folded whole") {
  // Every piece boundary falls somewhere tricky at one size or another:
  // inside characters, between CR and LF, among blanks a line break trims,
  // at the fold's 64 KiB blocks.
  std::string text;
  for (int i = 0; text.size() < 200000; ++i)
    text += "第" + std::to_string(i) + "條：職工之家  \r\n全年１２３人\u3000\t\n\u200b\r（一）峯 乾隆年間乾淨";
  text += "末行  \t";
  const NormalizedText whole = *normalizer_for(TargetScript::simplified).normalize_if_valid(text);
  for (const std::size_t size : {1, 2, 3, 5, 7, 64, 1000, 65535, 65536, 65537, 131072, 1000000}) {
    CAPTURE(size);
    const std::optional<NormalizedText> pieces = fold_in_pieces(text, size, true);
    REQUIRE(pieces);
    CHECK(pieces->text == whole.text);
    CHECK(pieces->lines == whole.lines);
    CHECK(pieces->script() == "traditional");
    CHECK(pieces->script_balance == whole.script_balance);
  }
  CHECK(whole.text.find("乾隆年间干净") != std::string::npos);
  // Phrases of the regional tables too, at sizes that cut them everywhere.
  const Normalizer& taiwan = normalizer_for(TargetScript::simplified, TraditionalVariant::taiwan);
  for (const std::size_t size : {1, 2, 4, 61, 65, 67, 1000})
    CHECK(fold_in_pieces(text, size, true, taiwan)->text == taiwan.normalize(text).text);
  CHECK(fold_in_pieces("", 7, true)->lines == 0);
}

TEST_CASE("a strict FoldStream fails on invalid UTF-8 in any piece") {
  const std::string text = std::string(100000, 'a') + "工\xFF会" + std::string(100000, 'b');
  CHECK_FALSE(fold_in_pieces(text, 4096, true));
  CHECK(fold_in_pieces(text, 4096, false)->text == normalizer_for(TargetScript::simplified).normalize(text).text);
  CHECK_FALSE(fold_in_pieces("工会\xE5", 2, true));  // cut short at the end
}
