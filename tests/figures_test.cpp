// extract-figures on sentences from data/samples: values, units, qualifiers,
// ranges, placeholders, labels, traps, and the examples of the shipped rules.
#include <catch2/catch.hpp>

#include "zhmine/io/document.hpp"
#include "zhmine/figures/figure_records.hpp"
#include "zhmine/figures/figures.hpp"

#include <nlohmann/json.hpp>

namespace {

using namespace zhmine;

const FigureExtractor& extractor() {
  static const FigureExtractor shipped(RuleBook::load());
  return shipped;
}

// The figures of `text` as EXPECT writes them, "; "-separated.
std::string figures(std::string_view text) {
  std::string out;
  for (const Figure& f : extractor().extract(text)) out += (out.empty() ? "" : " ; ") + describe_figure(f);
  return out.empty() ? "none" : out;
}

}  // namespace

TEST_CASE("values are exact and in the base unit", "[figures]") {
  CHECK(figures("此次活动, 共慰问困难职工 676 人,发放慰问资金 36 万元,") == "676 人 ; 360000 元");
  CHECK(figures("截止11月,共帮扶困难职工21人,帮扶资金达12.46万元。") == "21 人 ; 124600 元");
  CHECK(figures("工会经费税务代征已征收入库2222.74万元,占年计划2650万元的83.88%。") ==
        "22227400 元 ; 26500000 元 ; 83.88 %");
  CHECK(figures("发放贺年卡1.5万份") == "15000 份");
  CHECK(figures("协助该村硬化主干道路12.5公里,新建道路7公里,建成桥梁9座、60kw光伏发电站1座") ==
        "12.5 公里 ; 7 公里 ; 9 座 ; 60 千瓦 ; 1 座");
}

TEST_CASE("qualifiers: about, over, under", "[figures]") {
  CHECK(figures("全区95%以上的基层工会组织达到了规范化建设标准") == "95 % over");
  CHECK(figures("送去价值约10万元的防暑降温物资,设立咨询台发放宣传资料2000余份。") == "100000 元 about ; 2000 份 over");
  CHECK(figures("并送去价值两万余元的粮油") == "20000 元 over");
  CHECK(figures("救助金达40多万元") == "400000 元 over");
  CHECK(figures("有近3万名机关企事业单位干部职工参与活动") == "30000 名 about");
  CHECK(figures("市、区近百名机关干部职工参与此次活动") == "100 名 about");
  CHECK(figures("全年共有 X 人申请大病医疗互助金,共获得互助金 X 万元左右") == "null 人 ; null 元 about");
  CHECK(figures("每周至少走访2家企业(其中重点监管企业每周至少1次)") == "2 家 ; 1 次 over");
  CHECK(figures("参加人数不足50人") == "50 人 under");
}

TEST_CASE("ranges give value and max", "[figures]") {
  CHECK(figures("选取2-3家企业") == "2 家 max 3");
  CHECK(figures("选取2至3家企业") == "2 家 max 3");
  CHECK(figures("每月到重点煤矿去七、八次") == "7 次 max 8");
  CHECK(figures("资助2-3万元") == "20000 元 max 30000");
}

TEST_CASE("what is not a figure", "[figures]") {
  CHECK(figures("2020 年上半年,市总工会在市委的正确领导下") == "none");
  CHECK(figures("武陵区总工会第十五届委员会第三次全会议") == "none");
  CHECK(figures("认真学习贯彻党的十九大、十九届四中全会") == "none");
  CHECK(figures("市总二届九次全会") == "none");
  CHECK(figures("认真落实“三会一课”制度,竭诚办好服务职工“五件实事”8月19日") == "none");
  CHECK(figures("发文进行表彰通报{湘工委〔2020〕81号文件}") == "none");
  CHECK(figures("一件衣物送出一份温暖,一颗爱心带来一份感动,6月3日") == "none");
  CHECK(figures("市级四个班子领导分成 12 个慰问组") == "12 个");
  CHECK(figures("为家住市区的抗疫医护人员家属购买 365 整年维修服务卡") == "none");
  CHECK(figures("在纪念128周年五一国际劳动节前夕") == "none");
  CHECK(figures("http://www.example.cn/331574.html") == "none");
}

TEST_CASE("labels say what is counted", "[figures]") {
  const auto first_label = [](std::string_view text) { return extractor().extract(text).at(0).label; };
  CHECK(first_label("截止目前,全区共有基层工会734家,包括机关事业单位126家") == "全区共有基层工会");
  CHECK(first_label("此次活动, 发放慰问资金 36 万元,为他们送去了关怀") == "发放慰问资金");
  CHECK(first_label("派出 6 名优秀党员干部 分成 3 组") == "优秀党员干部");
}

TEST_CASE("units of the whole genre, one written form each", "[figures][genre]") {
  CHECK(figures("粮食产量达到四亿斤，钢产量达到一千二百万吨，造林五百万公顷") ==
        "400000000 斤 ; 12000000 吨 ; 5000000 公顷");
  CHECK(figures("装机容量5000万千瓦，每亩施肥20千克，重3kg，新建铁路2000千米") ==
        "50000000 千瓦 ; 20 公斤 ; 3 公斤 ; 2000 公里");
  CHECK(figures("新建学校1200所，制定法律36部，整治隐患点1200处") == "1200 所 ; 36 部 ; 1200 处");
  CHECK(figures("9748万农村人口，1.5亿学生，6600多万纳税人") ==
        "97480000 人 ; 150000000 人 ; 66000000 人 over");
}

TEST_CASE("money says its currency and reads its smaller units", "[figures][genre]") {
  const std::vector<Figure> found = extractor().extract("进出口总额4.3万亿美元，外资50亿港元，售价¥1200，融资US$3亿");
  REQUIRE(found.size() == 4);
  CHECK(found[0].currency == "USD");
  CHECK(found[1].currency == "HKD");
  CHECK(found[2].currency == "CNY");
  CHECK(describe_figure(found[3]) == "300000000 美元");
  CHECK(found[3].currency == "USD");
  CHECK(extractor().extract("开展活动12次").front().currency.empty());
  CHECK(figures("五元三毛") == "5.3 元");
  CHECK(figures("50元6角3分") == "50.63 元");
  CHECK(figures("两美元又三美分") == "2.03 美元");
  CHECK(figures("一吨半，两米半") == "1.5 吨 ; 2.5 米");
}

TEST_CASE("numerals as people write them", "[figures][genre]") {
  CHECK(figures("共有一百十八人") == "118 人");
  CHECK(figures("两三家，三四十人，一两百个，七八次") == "2 家 max 3 ; 30 人 max 40 ; 100 个 max 200 ; 7 次 max 8");
  CHECK(figures("十几万人，几十个，上百人，上千万元，近百名") ==
        "100000 人 over ; 10 个 over ; 100 人 over ; 10000000 元 over ; 100 名 about");
  CHECK(figures("占三分之一，翻一番，增长两倍") == "0.333333333333333333 分之 ; 2 倍 ; 2 倍");
  CHECK(figures("面积达六亿三千多万平方米") == "630000000 平方米 over");
  CHECK(figures("达到7 4 7 7 2 亿元") == "7477200000000 元");
  CHECK(figures("部分为1，120亿元") == "112000000000 元");
}

TEST_CASE("ranges across a unit are one figure", "[figures][genre]") {
  CHECK(figures("增长6%－6.5%") == "6 % max 6.5");
  CHECK(figures("增长6%-6.5%") == "6 % max 6.5");
  CHECK(figures("百分之四到五") == "4 % max 5");
  CHECK(figures("十五亿元到二十亿元") == "1500000000 元 max 2000000000");
  CHECK(figures("3至5个百分点") == "3 百分点 max 5");
  CHECK(figures("2~3万元") == "20000 元 max 30000");
  CHECK(figures("5000—8000元") == "5000 元 max 8000");
  CHECK(figures("分别增长6%、8%") == "6 % ; 8 %");
  CHECK(figures("由百分之三十九点七到一九五七年") == "39.7 %");
}

TEST_CASE("percentage points are not percent", "[figures][genre]") {
  CHECK(figures("下降0.5个百分点，提高3个百分点") == "0.5 百分点 ; 3 百分点");
}

TEST_CASE("qualifiers of the genre", "[figures][genre]") {
  CHECK(figures("粮食产量突破7000万吨") == "70000000 吨 over");
  CHECK(figures("进出口超40万亿元") == "40000000000000 元 over");
  CHECK(figures("三十岁出头，六十岁开外") == "30 岁 over ; 60 岁 over");
  CHECK(figures("参加国际条约187个") == "187 个");
}

TEST_CASE("what is not a figure in the genre", "[figures][genre]") {
  for (const char* text :
       {"一年来，我们", "过去一年", "五年来，全国", "过去五年", "近年来", "多年来", "百年未遇", "第六个五年计划",
        "六五计划", "“十四五”规划", "三年行动", "八项规定", "庆祝建国75周年", "二十届二中全会",
        "第十四届全国人民代表大会第二次会议", "二十大", "千方百计", "亿万农民", "千千万万", "上千万家庭",
        "三部门联合", "七十年代", "每百户", "经济一度过热"}) {
    INFO(text);
    const std::string found = figures(text);
    CHECK((found == "none" || found == "10000000 家庭 over"));
  }
  CHECK(figures("用三年时间，工期缩短两年") == "3 年 ; 2 年");
}

TEST_CASE("labels begin at a word", "[figures][genre]") {
  auto label = [](std::string_view text) { return extractor().extract(text).front().label; };
  CHECK(label("去年全国城镇和农村居民人均可支配收入实际增长6.1%") == "居民人均可支配收入实际增长");
  CHECK(label("本届政府任期内提请十三届全国人大常委会审议法律草案30件") == "全国人大常委会审议法律草案");
}

TEST_CASE("PM2.5 and M2 broken over two lines are no figures", "[figures][genre]") {
  CHECK(figures("细颗粒物（PM\n2.5）浓度下降6%") == "6 %");
  CHECK(figures("广义货币M\n2增长12%左右") == "12 % about");
}

TEST_CASE("records cite source line and code-point columns", "[figures]") {
  Document doc;
  doc.source = "a.txt";
  doc.doc = "0123456789abcdef";
  doc.text = "标题\n\n 共慰问困难职工 676 人,发放慰问资金 36 万元。\n";
  std::string out;
  write_figure_records(doc, extractor().extract(doc.text), out);
  const auto first = nlohmann::json::parse(out.substr(0, out.find('\n')));
  CHECK(first["line"] == 3);
  CHECK(first["start"] == 9);
  CHECK(first["end"] == 14);
  CHECK(first["raw"] == "676 人");
  CHECK(first["value"] == 676);
  CHECK(first["approx"].is_null());
  CHECK(first["placeholder"] == false);
  CHECK(first["sentence"] == "共慰问困难职工 676 人,发放慰问资金 36 万元。");
  const auto second = nlohmann::json::parse(out.substr(out.find('\n') + 1));
  CHECK(second["value"] == 360000);
  CHECK(second["unit"] == "元");
  CHECK(second["kind"] == "money");
  CHECK(second["label"] == "发放慰问资金");

  doc.section = {{"type", "section"}, {"report", 1}, {"id", "2.1"}, {"path", {"总结", "困难帮扶"}}};
  out.clear();
  write_figure_records(doc, extractor().extract(doc.text), out);
  const auto in_section = nlohmann::json::parse(out.substr(0, out.find('\n')));
  CHECK(in_section["section"] == "2.1");
  CHECK(in_section["report"] == 1);
  CHECK(in_section["path"] == nlohmann::json{"总结", "困难帮扶"});
}

TEST_CASE("every example of the shipped figure rules holds", "[figures][rules]") {
  const RuleBook book = RuleBook::load();
  std::size_t checked = 0;
  for (const RuleFile& file : book.files()) {
    if (file.set != "numerals" && file.set != "units" && file.set != "qualifiers" && file.set != "traps" &&
        file.set != "labels")
      continue;
    for (const Rule& rule : file.rules)
      for (const RuleExample& example : rule.examples) {
        INFO(file.path << ":" << example.line << ": rule " << rule.id << ": " << example.text);
        CHECK(check_figure_example(book, rule, example) == "");
        checked += !example.expect.empty();
      }
  }
  CHECK(checked > 100);
}

TEST_CASE("a broken EXPECT names what was found", "[figures][rules]") {
  const RuleBook book = RuleBook::load();
  const Rule& rule = *book.rules("units").front();
  CHECK(check_figure_example(book, rule, {true, "发放慰问资金 36 万元", "36 元", 1}) ==
        "expected 36 元, found 360000 元 label 发放慰问资金");
  CHECK(check_figure_example(book, rule, {true, "2020年", "none", 1}) == "");
  CHECK(check_figure_example(book, rule, {true, "76人", "none", 1}) == "expected no figure, found 76 人 label ");
}
