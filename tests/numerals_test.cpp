#include "zhmine/figures/numerals.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using zhmine::Approx;
using zhmine::Decimal;
using zhmine::NumeralSpan;
using zhmine::parse_numeral;
using zhmine::parse_percent;
using zhmine::parse_vague;
using zhmine::scan_numerals;

// Readings as exact decimal text, or "none", so failures print readably.
std::string num(std::string_view text) {
  const std::optional<Decimal> d = parse_numeral(text);
  return d ? d->to_string() : "none";
}
std::string pct(std::string_view text) {
  const std::optional<Decimal> d = parse_percent(text);
  return d ? d->to_string() : "none";
}
std::string vague(std::string_view text) {
  const auto v = parse_vague(text);
  if (!v) return "none";
  return v->value.to_string() + (v->approx == Approx::over ? " over" : " about");
}

struct Case {
  const char* text;
  const char* value;
};

void check_numerals(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(num(c.text) == c.value);
  }
}

// ---------------------------------------------------------------------------
// parse_numeral

TEST_CASE("parse_numeral reads Arabic numerals", "[numerals]") {
  check_numerals({
      {"0", "0"},
      {"42", "42"},
      {"2020", "2020"},
      {"1,234.5", "1234.5"},
      {"1,050,000,000", "1050000000"},
      {"83.88", "83.88"},
      {"4.800", "4.8"},
      {".5", "0.5"},
      {"  42  ", "42"},
      {"\xE3\x80\x80" "42", "42"},  // ideographic space
      {"-10000", "-10000"},
      {"+5", "5"},
      {"-.5", "-0.5"},
  });
}

TEST_CASE("parse_numeral reads full-width digits and separators",
          "[numerals]") {
  check_numerals({
      {"４，５６５", "4565"},
      {"１２．４６", "12.46"},
      {"１，２３４．５", "1234.5"},
      {"１２．４６万", "124600"},
      {"２０２０", "2020"},
      {"－１２", "-12"},
  });
}

TEST_CASE("parse_numeral reads standard Chinese numerals", "[numerals]") {
  check_numerals({
      {"零", "0"},
      {"〇", "0"},
      {"一", "1"},
      {"两", "2"},
      {"十", "10"},
      {"十七", "17"},
      {"二十", "20"},
      {"一百", "100"},
      {"一百零八", "108"},
      {"一百一十", "110"},
      {"九百九十九", "999"},
      {"一千零一", "1001"},
      {"一千零五十", "1050"},
      {"四千七百五十五", "4755"},
      {"一万", "10000"},
      {"两万", "20000"},
      {"十二万", "120000"},
      {"一万零二百五十", "10250"},
      {"一万二百五十", "10250"},
      {"一万二千四百零六", "12406"},
      {"一万零十二", "10012"},
      {"一万零一十二", "10012"},
      {"九万零四百", "90400"},
      {"四十万", "400000"},
      {"一百万零四", "1000004"},
      {"一百零一万一千", "1011000"},
      {"一百零十万", "1100000"},
      {"一百零一万零三千零十二", "1013012"},
      {"四千万零六千", "40006000"},
      {"四千零五万", "40050000"},
      {"一亿", "100000000"},
      {"五亿零六", "500000006"},
      {"一亿零五百万", "105000000"},
      {"四亿五千六百四十二万零一十五", "456420015"},
      {"四万万", "400000000"},
      {"十亿零六万零五百零六", "1000060506"},
      {"一万五千亿", "1500000000000"},
      {"四千三百亿", "430000000000"},
      {"一万亿", "1000000000000"},
      {"二十一万亿", "21000000000000"},
      {"三百五十一万亿", "351000000000000"},
      {"五兆六十二亿四万五千二", "5006200045200"},
      {"四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二",
       "4569831148725382"},
      {"零十", "10"},
  });
}

TEST_CASE("parse_numeral reads abbreviated tails", "[numerals]") {
  check_numerals({
      {"三万五", "35000"},
      {"一百五", "150"},
      {"两千四百五", "2450"},
      {"九百九", "990"},
      {"一千六", "1600"},
      {"一万三", "13000"},
      {"九十二万四", "924000"},
      {"四亿五", "450000000"},
      {"百三", "130"},
      {"千三", "1300"},
      {"3万5", "35000"},
      // After 零 or a multi-digit number, a tail means what it says.
      {"一千零五", "1005"},
      {"3万4000", "34000"},
      {"1千零1", "1001"},
  });
}

TEST_CASE("parse_numeral reads digit-by-digit numbers", "[numerals]") {
  check_numerals({
      {"二〇二〇", "2020"},
      {"二零二零", "2020"},
      {"二\xE2\x97\x8B二三", "2023"},  // ○ as often typed for 〇
      {"一九九八", "1998"},
      {"二〇", "20"},
      {"零五", "5"},
      {"一二三", "123"},
  });
}

TEST_CASE("parse_numeral reads financial and traditional forms",
          "[numerals]") {
  check_numerals({
      {"壹佰贰拾叁", "123"},
      {"肆佰陸拾", "460"},
      {"壹仟零伍拾", "1050"},
      {"拾万零五十六", "100056"},
      {"十万柒仟捌佰伍拾肆", "107854"},
      {"玖仟玖佰玖拾玖", "9999"},
      {"貳拾", "20"},
      {"參拾", "30"},
      {"兩萬", "20000"},
      {"兩千四百五", "2450"},
      {"倆千两百贰拾二", "2222"},
      {"壹億", "100000000"},
      {"四億五千六百四十二萬零壹十五", "456420015"},
      {"負三十二", "-32"},
  });
}

TEST_CASE("parse_numeral reads decimals with 点", "[numerals]") {
  check_numerals({
      {"三点五", "3.5"},
      {"零点五", "0.5"},
      {"二点五", "2.5"},
      {"十点二三三", "10.233"},
      {"十五点七", "15.7"},
      {"两千点零", "2000"},
      {"两千三点一", "2300.1"},
      {"一千六点五", "1600.5"},
      {"四百 点 五", "400.5"},
      {"两千万点五五四四", "20000000.5544"},
      {"四百亿点零五零", "40000000000.05"},
      {"拾万零五十六点叁叁", "100056.33"},
      {"三点五万", "35000"},
      {"十二点五亿", "1250000000"},
      {"负六点六", "-6.6"},
      {"八千 三百 八十五 万 二千 三百 二十六 点三三", "83852326.33"},
  });
}

TEST_CASE("parse_numeral reads Arabic numbers with Chinese multipliers",
          "[numerals]") {
  check_numerals({
      {"1.5万", "15000"},
      {"8.94 万", "89400"},
      {"3万5千", "35000"},
      {"5千", "5000"},
      {"2222.74万", "22227400"},
      {"12.46万", "124600"},
      {"1,100万", "11000000"},
      {"1,100.9亿", "110090000000"},
      {"1000  万", "10000000"},
      {"4.78万亿", "4780000000000"},
      {"１１.92亿", "1192000000"},
      {"1.5千万", "15000000"},
      {"10万万", "1000000000"},
      {"7 万5 千4 百", "75400"},
      {"5亿1万4千6百", "500014600"},
      {"25万6千", "256000"},
      {"1千零20", "1020"},
      {"2千零30万", "20300000"},
      {"20万亿", "20000000000000"},
      {"负1.1", "-1.1"},
      {"负10000", "-10000"},
  });
}

TEST_CASE("parse_numeral reads numerals spread by spaces", "[numerals]") {
  check_numerals({
      {"一百 五 十 二", "152"},
      {"二十 億", "2000000000"},
      {"三千 八百 九十六 万 四千 九百 六十五", "38964965"},
      {"7万 5千 4百", "75400"},
  });
}

TEST_CASE("parse_numeral rejects what is not one numeral", "[numerals]") {
  const char* const rejected[] = {
      "", "   ", "万", "万万", "亿", "百", "千", "十十", "一百一百", "二十三十",
      "一百零", "零零", "两两", "三四", "二三十", "五十千", "三万40000",
      "五亿三亿", "五亿12000万", "一亿二千万亿", "1.9W", "1.9w", "40k", "2e5",
      "12abc", "1 2", "1,23", "1.2.3", "2022.06.15", "一点两", "八点三十",
      "1.5万千", "2.5万3千", "点五", "负", "-", "%", "95%", "十余万", "数十",
      "近百", "上百", "半", "一打", "三分之一", "1/2", "一切", "五十个",
      "二〇二〇万", "兆", "100兆瓦",
  };
  for (const char* text : rejected) {
    CAPTURE(text);
    CHECK(num(text) == "none");
  }
}

TEST_CASE("parse_numeral fails cleanly on overflow", "[numerals]") {
  const char* const too_large[] = {
      "999999999999999999999亿",
      "9223372036854775808",
      "99999999999999999999",
      "九百万亿亿",
      "一亿亿亿",
      "10000000000000亿",
      "九千九百九十九万亿亿",
      "9,223,372,036,854,775,808",
      "922337203685477.5808万",
      "三点一四一五九二六五三五八九七九三二三八四六",  // 22 decimals
  };
  for (const char* text : too_large) {
    CAPTURE(text);
    CHECK(num(text) == "none");
  }
  CHECK(num("9223372036854775807") == "9223372036854775807");
  CHECK(num("922337203685477.5807万") == "9223372036854775807");
  CHECK(num("九百二十二万亿") == "922000000000000");
  CHECK(num("九百万兆") == "9000000000000000000");
  CHECK(num("一千万兆") == "none");  // 10^19
}

TEST_CASE("parse_numeral is exact", "[numerals]") {
  const std::optional<Decimal> d = parse_numeral("12.46万");
  REQUIRE(d);
  CHECK(d->to_string() == "124600");
  CHECK(d->is_integer());
  CHECK(*d == Decimal(124600));
  CHECK(num("83.88") == "83.88");
  CHECK(num("0.1万") == "1000");
  CHECK(num("0.0001万") == "1");
  CHECK(num("1.23456789万") == "12345.6789");
  // No binary drift: 0.1 + 0.2 is 0.3 and 1.1万 is 11000, not 11000.000000001.
  CHECK(*parse_numeral("0.1")->plus(*parse_numeral("0.2")) ==
        *parse_numeral("0.3"));
  CHECK(num("1.1万") == "11000");
  CHECK(num("2.675") == "2.675");
  CHECK(num("9007199254740993") == "9007199254740993");  // 2^53 + 1
}

// ---------------------------------------------------------------------------
// parse_percent

TEST_CASE("parse_percent reads percentages in percent units",
          "[numerals]") {
  const Case cases[] = {
      {"95%", "95"},
      {"83.88%", "83.88"},
      {"９５％", "95"},
      {"5 %", "5"},
      {"-22.2%", "-22.2"},
      {"负3.9%", "-3.9"},
      {"百分之八十", "80"},
      {"百分之八十点五", "80.5"},
      {"百分之 25", "25"},
      {"百分之2.4", "2.4"},
      {"百分之1,111", "1111"},
      {"百分之百", "100"},
      {"百分之一百二十点五", "120.5"},
      {"百 分 之 2.4", "2.4"},
      {"佰分之五", "5"},
      {"千分之五", "0.5"},
      {"千分之一百一十一点一一二", "11.1112"},
      {"万分之三", "0.03"},
      {"萬分之肆", "0.04"},
      {"百万分之五", "0.0005"},
      {"3个百分点", "3"},
      {"2.4 个百分点", "2.4"},
      {"一 百 五 十 个 百 分 点", "150"},
      {"拾萬零五十六點叁叁個百分點", "100056.33"},
      {"九成", "90"},
      {"十成", "100"},
      {"9.5成", "95"},
      {"七成六", "76"},
      {"七成 六", "76"},
      {"三成半", "35"},
      {"半成", "5"},
      {"八折", "80"},
      {"八五折", "85"},
      {"7 2 折", "72"},
      {"75折", "75"},
      {"9.9折", "99"},
      {"三点一折", "31"},
      {"陆 点 五 折", "65"},
      {"半折", "50"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(pct(c.text) == c.value);
  }
}

TEST_CASE("parse_percent rejects what is not one percentage", "[numerals]") {
  const char* const rejected[] = {
      "", "95", "%", "百分之", "百分之二三十", "十折", "10折", "十一成",
      "0成", "百分之15k", "95%%", "对折", "打对折", "八十", "个百分点",
      "五百分之2.2", "百分之999999999999999999999",
  };
  for (const char* text : rejected) {
    CAPTURE(text);
    CHECK(pct(text) == "none");
  }
}

// ---------------------------------------------------------------------------
// parse_vague

TEST_CASE("parse_vague reads vague magnitudes as lower bounds",
          "[numerals]") {
  const Case cases[] = {
      {"数十", "10 over"},
      {"数百", "100 over"},
      {"数千", "1000 over"},
      {"数万", "10000 over"},
      {"数十万", "100000 over"},
      {"几十", "10 over"},
      {"几百", "100 over"},
      {"几千万", "10000000 over"},
      {"上百", "100 over"},
      {"上千", "1000 over"},
      {"上万", "10000 over"},
      {"上亿", "100000000 over"},
      {"近百", "100 about"},
      {"近千", "1000 about"},
      {"近万", "10000 about"},
      {"成百上千", "100 over"},
      {"成千上万", "1000 over"},
      {"十余万", "100000 over"},
      {"十 余 万", "100000 over"},
      {"五百余万", "5000000 over"},
      {"500余万", "5000000 over"},
      {"一千多万", "10000000 over"},
      {"十多万", "100000 over"},
      {"二十几万", "200000 over"},
      {"一百零几万", "1000000 over"},
      {"一千五百零几万", "15000000 over"},
      {"一百 二 十 几亿", "12000000000 over"},
      {"四百多", "400 over"},
      {"十几", "10 over"},
      {"二十几", "20 over"},
      {"三十余", "30 over"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(vague(c.text) == c.value);
  }
}

TEST_CASE("parse_vague rejects exact numerals and non-numerals",
          "[numerals]") {
  const char* const rejected[] = {
      "", "一百", "12.46万", "数", "几", "上", "近", "上一", "上十", "近十",
      "数量", "几个", "多", "余", "百多", "5余万", "近3000", "数十十",
  };
  for (const char* text : rejected) {
    CAPTURE(text);
    CHECK(vague(text) == "none");
  }
  CHECK(num("数十") == "none");
  CHECK(num("四百多") == "none");
}

// ---------------------------------------------------------------------------
// scan_numerals

struct Found {
  std::string text;
  std::string value;
  bool percent;
  Approx approx;

  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << f.text << "=" << f.value << (f.percent ? "%" : "")
            << (f.approx == Approx::over ? "+" : f.approx == Approx::about ? "~" : "");
}

std::vector<Found> scan(std::string_view text) {
  std::vector<Found> out;
  for (const NumeralSpan& s : scan_numerals(text)) {
    out.push_back({std::string(text.substr(s.begin, s.end - s.begin)),
                   s.value.to_string(), s.percent, s.approx});
  }
  return out;
}

constexpr Approx kExact = Approx::exact;

TEST_CASE("scan_numerals finds figures in a report sentence", "[numerals]") {
  const std::string text =
      "2020年上半年共召开支部委员会议 6 次，完成投资12.46万元，占比83.88%，"
      "同比增长百分之八十点五，覆盖数十万人，近百家企业，提高3个百分点。";
  CHECK(scan(text) == std::vector<Found>{
                          {"2020", "2020", false, kExact},
                          {"6", "6", false, kExact},
                          {"12.46万", "124600", false, kExact},
                          {"83.88%", "83.88", true, kExact},
                          {"百分之八十点五", "80.5", true, kExact},
                          {"数十万", "100000", false, Approx::over},
                          {"近百", "100", false, Approx::about},
                          {"3个百分点", "3", true, kExact},
                      });
}

TEST_CASE("scan_numerals reports byte offsets", "[numerals]") {
  const std::string text = "共 6 次，增长12.46万";
  const std::vector<NumeralSpan> spans = scan_numerals(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 4);  // 共 is 3 bytes, then a space
  CHECK(spans[0].end == 5);
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "12.46万");
  CHECK(spans[1].end == text.size());
}

TEST_CASE("scan_numerals keeps words and ranges out", "[numerals]") {
  CHECK(scan("一切正常").empty());
  CHECK(scan("我家在四川").empty());
  CHECK(scan("三四个人").empty());
  CHECK(scan("两两相对").empty());
  CHECK(scan("二三十个百分点").empty());
  CHECK(scan("队伍，收拾，大陆，放肆").empty());
  CHECK(scan("H5N1").empty());
  CHECK(scan("见 https://example.com/a?q=30%25 页").empty());
  CHECK(scan("数量上升").empty());
  CHECK(scan("近十年来").size() == 1);  // 十, not 近十
  CHECK(scan("十分之一") ==
        std::vector<Found>{{"十分之一", "0.1", false, kExact}});
}

TEST_CASE("scan_numerals reads fractions, dozens and Latin forms",
          "[numerals]") {
  CHECK(scan("三分之一") == std::vector<Found>{
                              {"三分之一", "0.333333333333333333", false,
                               Approx::about}});
  CHECK(scan("负一又二分之一") ==
        std::vector<Found>{{"负一又二分之一", "-1.5", false, kExact}});
  CHECK(scan("1 4/3的美梦,1/2的努力") ==
        std::vector<Found>{{"1 4/3", "2.333333333333333333", false, Approx::about},
                           {"1/2", "0.5", false, kExact}});
  CHECK(scan("2020/6/15") == std::vector<Found>{{"2020", "2020", false, kExact},
                                                {"6", "6", false, kExact},
                                                {"15", "15", false, kExact}});
  CHECK(scan("十打苹果") == std::vector<Found>{{"十打", "120", false, kExact}});
  CHECK(scan("2e5") == std::vector<Found>{{"2e5", "200000", false, kExact}});
  CHECK(scan("40k") == std::vector<Found>{{"40k", "40000", false, kExact}});
  CHECK(scan("5kg") == std::vector<Found>{{"5", "5", false, kExact}});
  CHECK(scan("打对折") == std::vector<Found>{{"对折", "50", true, kExact}});
}

TEST_CASE("scan_numerals keeps the trailing 多 of a number out",
          "[numerals]") {
  CHECK(scan("四百多人") == std::vector<Found>{{"四百", "400", false, kExact}});
  CHECK(scan("一千多万") ==
        std::vector<Found>{{"一千多万", "10000000", false, Approx::over}});
}

TEST_CASE("scan_numerals skips a numeral too large to read", "[numerals]") {
  CHECK(scan("共999999999999999999999亿元").empty());
  CHECK(scan("一亿亿亿元，3元") ==
        std::vector<Found>{{"3", "3", false, kExact}});
}

// Random text made of numeral pieces and noise: the scanner must not crash,
// its spans must be ordered, disjoint UTF-8 slices, and each plain or
// percentage span must read the same through parse_numeral / parse_percent.
TEST_CASE("scan_numerals agrees with the parse functions on random text",
          "[numerals]") {
  static const char* const kPieces[] = {
      "一", "二", "两", "三", "五", "九", "十", "百", "千", "万", "亿", "兆",
      "零", "〇", "点", "分之", "百分之", "%", "个百分点", "成", "折", "打",
      "又", "余", "多", "几", "数", "上", "近", "半", "负", "-", "+", "0",
      "1", "5", "9", "12", ",", ".", " ", "元", "年", "，", "e", "k", "M",
      "/", "壹", "萬", "拾", "１", "．", "瓦", "\xFF", "\xE4\xB8",
  };
  std::mt19937_64 rng(20240611);
  int checked = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int n = static_cast<int>(rng() % 12); n >= 0; --n) {
      text += kPieces[rng() % std::size(kPieces)];
    }
    CAPTURE(text);
    std::size_t previous_end = 0;
    for (const NumeralSpan& s : scan_numerals(text)) {
      REQUIRE(s.begin < s.end);
      REQUIRE(s.end <= text.size());
      REQUIRE(s.begin >= previous_end);
      REQUIRE((static_cast<unsigned char>(text[s.begin]) & 0xC0) != 0x80);
      REQUIRE((s.end == text.size() ||
               (static_cast<unsigned char>(text[s.end]) & 0xC0) != 0x80));
      previous_end = s.end;
      const std::string piece = text.substr(s.begin, s.end - s.begin);
      CAPTURE(piece);
      // Forms only the scanner reads, or that depend on what precedes them.
      if (s.approx != Approx::exact ||
          piece.find_first_of("ekM/") != std::string::npos ||
          piece.find("打") != std::string::npos ||
          piece.find("对折") != std::string::npos ||
          (!s.percent && piece.find("分之") != std::string::npos)) {
        continue;
      }
      const std::optional<Decimal> again =
          s.percent ? parse_percent(piece) : parse_numeral(piece);
      REQUIRE(again);
      CHECK(*again == s.value);
      ++checked;
    }
  }
  CHECK(checked > 1000);
}

// ---------------------------------------------------------------------------
// Round trip through a standard Chinese reading

const char* const kDigits[] = {"零", "一", "二", "三", "四",
                               "五", "六", "七", "八", "九"};

// 1 <= n <= 9999 read with 千百十; `leading` drops the 一 of a leading 十.
std::string render_section(std::int64_t n, bool leading) {
  static const char* const kUnits[] = {"千", "百", "十", ""};
  std::string out;
  bool started = false;
  bool zero = false;
  std::int64_t divisor = 1000;
  for (int k = 0; k < 4; ++k, divisor /= 10) {
    const int d = static_cast<int>(n / divisor % 10);
    if (d == 0) {
      zero = started;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    if (!(leading && !started && d == 1 && k == 2)) out += kDigits[d];
    out += kUnits[k];
    started = true;
  }
  return out;
}

// The standard reading of 0 <= n < 10^16: 一万零一十, 一亿零五百万, 十二万.
std::string render(std::int64_t n, bool leading = true) {
  if (n == 0) return "零";
  if (n >= 100000000) {
    const std::int64_t low = n % 100000000;
    std::string out = render(n / 100000000, leading) + "亿";
    if (low > 0) out += (low < 10000000 ? "零" : "") + render(low, false);
    return out;
  }
  if (n >= 10000) {
    const std::int64_t low = n % 10000;
    std::string out = render_section(n / 10000, leading) + "万";
    if (low > 0) out += (low < 1000 ? "零" : "") + render_section(low, false);
    return out;
  }
  return render_section(n, leading);
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos;
       at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// The same reading in financial and traditional characters.
std::string financial(std::string s) {
  static const char* const kPairs[][2] = {
      {"一", "壹"}, {"二", "贰"}, {"三", "叁"}, {"四", "肆"}, {"五", "伍"},
      {"六", "陆"}, {"七", "柒"}, {"八", "捌"}, {"九", "玖"}, {"十", "拾"},
      {"百", "佰"}, {"千", "仟"}, {"万", "萬"}, {"亿", "億"},
  };
  for (const auto& pair : kPairs) s = replace_all(s, pair[0], pair[1]);
  return s;
}

// 两 for a 二 before a unit, as speech has it: 两千两百, 两万.
std::string with_liang(std::string s) {
  for (const char* unit : {"百", "千", "万", "亿"}) {
    s = replace_all(s, std::string("二") + unit, std::string("两") + unit);
  }
  return s;
}

std::string with_thousands_separators(std::int64_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

TEST_CASE("the round-trip renderer writes standard readings", "[numerals]") {
  CHECK(render(0) == "零");
  CHECK(render(10) == "十");
  CHECK(render(17) == "十七");
  CHECK(render(108) == "一百零八");
  CHECK(render(110) == "一百一十");
  CHECK(render(10010) == "一万零一十");
  CHECK(render(120000) == "十二万");
  CHECK(render(105000000) == "一亿零五百万");
  CHECK(render(100000001) == "一亿零一");
  CHECK(render(1000000000000) == "一万亿");
  CHECK(financial(render(123)) == "壹佰贰拾叁");
  CHECK(with_liang(render(2222)) == "两千两百二十二");
}

// Reports each mismatch, but stops after a few so a regression stays legible.
class RoundTrip {
 public:
  void check(std::int64_t n, const std::string& text) {
    const std::optional<Decimal> d = parse_numeral(text);
    if (d && *d == Decimal(n)) return;
    if (++failures_ <= 10) {
      FAIL_CHECK(text << " read as " << (d ? d->to_string() : "none")
                      << ", not " << n);
    }
  }
  int failures() const { return failures_; }

 private:
  int failures_ = 0;
};

TEST_CASE("every n in 0..100000 reads back from its Chinese reading",
          "[numerals][roundtrip]") {
  RoundTrip trip;
  for (std::int64_t n = 0; n <= 100000; ++n) {
    const std::string text = render(n);
    trip.check(n, text);
    trip.check(n, financial(text));
    trip.check(n, with_liang(text));
    trip.check(n, with_thousands_separators(n));
  }
  CHECK(trip.failures() == 0);
}

TEST_CASE("large numbers read back from their Chinese readings",
          "[numerals][roundtrip]") {
  RoundTrip trip;
  const std::int64_t edges[] = {
      100000000,        100000001,        100010000,        110000000,
      999999999,        1000000000,       1000000000000,    1000000000001,
      1000100000000,    10000000000000,   123456789012345,  9999999999999999,
      5006200045200,    4569831148725382,
  };
  for (std::int64_t n : edges) trip.check(n, render(n));
  std::mt19937_64 rng(7);
  for (int k = 0; k < 30000; ++k) {
    std::int64_t limit = 10;
    for (int digits = 1 + static_cast<int>(rng() % 16); digits > 1; --digits) {
      limit *= 10;
    }
    const auto n = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(limit));
    const std::string text = render(n);
    trip.check(n, text);
    trip.check(n, financial(text));
    trip.check(n, with_thousands_separators(n));
  }
  CHECK(trip.failures() == 0);
}

}  // namespace
