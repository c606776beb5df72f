// extract-figures on sentences from data/samples: values, units, qualifiers,
// ranges, placeholders, labels, traps, and the examples of the shipped rules.
#include <catch2/catch.hpp>

#include "zhmine/document.hpp"
#include "zhmine/figure_records.hpp"
#include "zhmine/figures.hpp"

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
        "12.5 公里 ; 7 公里 ; 9 座 ; 60 kw ; 1 座");
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
