// segment-sections' parts on real lines of the samples: enumerators, heading
// ends, the level tree, chrome, page debris and joins, report splitting,
// metadata, and the source map of every record.
#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "zhmine/rules/rule_check.hpp"
#include "zhmine/sections/section_tree.hpp"
#include "zhmine/sections/sections.hpp"
#include "zhmine/io/stage.hpp"
#include "zhmine/text/utf8.hpp"

namespace {

using namespace zhmine;

const RuleBook& book() {
  static const RuleBook b = RuleBook::load();
  return b;
}

const SectionRules& rules() {
  static const SectionRules r(book());
  return r;
}

Document document_of(std::string text) {
  Document d;
  d.source = "test.txt";
  d.doc = "0000000000000000";
  d.text = std::move(text);
  return d;
}

Document sample(const std::string& name) {
  const auto path = test::sample(name);
  Report report;
  std::optional<Document> d =
      load_document(InputItem{InputItem::Kind::raw_file, path.string(), 0, test::read_bytes(path)}, StageOptions{}, report);
  REQUIRE(d);
  return std::move(*d);
}

std::string enumerator(std::string_view line) {
  const std::optional<Enumerator> e = rules().headings.match(line);
  return e ? std::string(line.substr(0, e->length)) + " " + std::to_string(e->value) : "";
}

}  // namespace

TEST_CASE("enumerators of every style are read with their values", "[sections]") {
  CHECK(enumerator("一、强化党建引领、推进党风廉政建设 按照新时代党的建设总要求") == "一、 1");
  CHECK(enumerator("十一、加强自身建设") == "十一、 11");
  CHECK(enumerator("二十、其他") == "二十、 20");
  CHECK(enumerator("(一)着力加强工会组织领导建设 1.推进落实XX县区总工会") == "(一) 1");
  CHECK(enumerator("1.推进落实XX县区总工会") == "1. 1");
  CHECK(enumerator("5、其它工作稳中有升") == "5、 5");
  CHECK(enumerator("(6)工会自身建设。我会机关以十七大精神为指导") == "(6) 6");
  CHECK(enumerator("③加强劳资纠纷舆情监督处理") == "③ 3");
  CHECK(enumerator("第一章 总则") == "第一章 1");
  CHECK(enumerator("第二部分 下半年工作打算") == "第二部分 2");
  // Points and figures are not enumerators.
  CHECK(enumerator("一是高度重视、周密部署 疫情爆发之初") == "");
  CHECK(enumerator("2020年,我会在贯彻落实党的十七大精神中") == "");
  CHECK(enumerator("****“5.12”大地震后第三天") == "");
  CHECK(enumerator("第一时间与工作人员进行对接") == "");
  CHECK(numeral_value("一百零五") == 105);
  CHECK(numeral_value("⑫") == 12);
  CHECK_FALSE(numeral_value("是"));
}

TEST_CASE("a heading ends at 。, at spaces before body text, or at the line's end", "[sections]") {
  auto heading = [](std::string_view line) {
    const HeadingSpan s = heading_span(line, 0, *rules().headings.match(line));
    return std::string(line.substr(s.text_begin, s.text_end - s.text_begin)) + "|" + std::string(line.substr(s.body));
  };
  CHECK(heading("三、保障民生就业,助力企业复工复产 一是积极为农民工") == "保障民生就业,助力企业复工复产|一是积极为农民工");
  CHECK(heading("一、深化政治理论学习,保持正确政治方向。全县各级工会") == "深化政治理论学习,保持正确政治方向|全县各级工会");
  CHECK(heading("(3)职工活动。对全总提出的创建") == "职工活动|对全总提出的创建");
  CHECK(heading("四、以开展形式多样的文化活动为牵引 ,逐步增强工会工作的活力和吸引力") ==
        "以开展形式多样的文化活动为牵引 ,逐步增强工会工作的活力和吸引力|");
}

TEST_CASE("levels follow the order styles first appear in, not the style", "[sections]") {
  SectionTree tree;
  // 一、 → 1、 → (1), skipping (一): 1、 is level 2.
  CHECK(tree.add(0, 1, "一").id == "1");
  CHECK(tree.add(2, 1, "a").level == 2);
  const SectionTree::Placement p = tree.add(4, 1, "x");
  CHECK(p.level == 3);
  CHECK(p.id == "1.1.1");
  CHECK(p.path == std::vector<std::string>{"一", "a", "x"});
  CHECK(tree.continues(4, 2));
  CHECK_FALSE(tree.continues(4, 5));  // a "5" inside a line after (1) is no heading
  CHECK(tree.continues(2, 2));
  CHECK(tree.add(0, 2, "二").id == "2");
  CHECK(tree.add(2, 1, "b").id == "2.1");  // a new list under a new parent
}

TEST_CASE("a numbering restarted under its own heading nests, with ids of its own", "[sections]") {
  auto tree_of = [](std::string text) {
    std::vector<std::string> out;
    const std::vector<SegmentedReport> reports = segment_sections(document_of(std::move(text)), rules());
    for (const Section& s : reports.front().sections)
      if (s.number) out.push_back(s.id + " " + *s.number + std::to_string(s.level));
    return out;
  };
  // 二、 → （一） → 一、… → 三、: 一、 beside （一）, not on its id.
  CHECK(tree_of("工作报告\n一、甲。内容。\n二、乙。内容。\n（一）乙甲。内容。\n一、乙一。内容。\n三、丙。内容。\n") ==
        std::vector<std::string>{"1 一、1", "2 二、1", "2.1 （一）2", "2.2 一、2", "3 三、1"});
  // A heading inside a line then the next at a line start: both headings.
  CHECK(tree_of("工作报告\n一、甲。内容。二、乙。内容。\n三、丙。内容。\n") ==
        std::vector<std::string>{"1 一、1", "2 二、1", "3 三、1"});
  // The restarted run goes on inside a line: 二、乙二 after 一、乙一's body.
  CHECK(tree_of("工作报告\n一、甲。内容。\n二、乙。内容。\n一、乙一。内容。 二、乙二。内容。\n三、丙。内容。\n") ==
        std::vector<std::string>{"1 一、1", "2 二、1", "2.1 一、2", "2.2 二、2", "3 三、1"});
  // 1955's report (tune/): a run announced by the heading right before it
  // (…我提出以下几点：) opens under that heading; a later run, after a
  // heading's body, stands beside it; both before 四、 goes on.
  CHECK(tree_of("政府工作报告\n"
                "三、第一个五年计划的若干问题\n"
                "（三）关于农业的发展问题\n"
                "第一，积极地发展农业生产合作社。内容。\n"
                "第二，关于农业的增产措施，五年计划草案第四章已经写得很详细，现在我提出以下几点：\n"
                "一、开垦宜于耕种的荒地。内容。\n"
                "二、兴修水利。内容。\n"
                "第三，对农业生产的领导问题。内容。\n"
                "（八）关于厉行节约问题\n"
                "第四，我们必须更进一步地缩减国家机关的行政管理费。内容。\n"
                "为着厉行全面的节约，必须严厉地批判各种反对节约、助长浪费的思想。\n"
                "一、必须批判那种“百废俱兴”的想法。内容。\n"
                "二、必须批判那种在预算上“宽打窄用”的想法。内容。\n"
                "（九）关于苏联和各人民民主国家同我国建设的关系\n"
                "四、第一个五年计划是能够完成的\n") ==
        std::vector<std::string>{"1 三、1", "1.1 （三）2", "1.1.1 第一，3", "1.1.2 第二，3", "1.1.2.1 一、4",
                                 "1.1.2.2 二、4", "1.1.3 第三，3", "1.2 （八）2", "1.2.1 第四，3", "1.2.2 一、3",
                                 "1.2.3 二、3", "1.3 （九）2", "2 四、1"});
}

TEST_CASE("a list begun inside a paragraph goes on as points where its numbers open paragraphs", "[sections]") {
  auto headings_of = [](std::string text) {
    std::vector<std::string> out;
    const std::vector<SegmentedReport> reports = segment_sections(document_of(std::move(text)), rules());
    for (const Section& s : reports.front().sections)
      if (s.number) out.push_back(*s.number);
    return out;
  };
  // 2006's report (tune/): 第一，…第三， inside a paragraph, then 第四， and
  // 第六， opening paragraphs of their own: all points.
  CHECK(headings_of("政府工作报告\n"
                    "（四）切实加强安全生产工作。内容。\n"
                    "加强安全生产必须标本兼治、重在治本。第一，各级政府要把安全生产摆在更加重要的位置。"
                    "第二，实行有利于安全生产的经济政策。第三，加快煤炭等行业改革重组的步伐。\n"
                    "第四，加大安全生产投入。国家今年再安排30亿元国债资金。第五，深入开展安全生产专项整治。\n"
                    "第六，强化企业管理。加强企业安全生产基础工作。\n") == std::vector<std::string>{"（四）"});
  // Announced, one paragraph each, but the style numbers on after a
  // paragraph of body: （一）（二） are sections, as （三） is.
  CHECK(headings_of("政府工作报告\n"
                    "一、去年工作回顾\n"
                    "一年来，我们以科学发展观统领经济社会发展全局，主要做了以下几方面工作：\n"
                    "（一）着力解决经济运行中的突出问题。内容。\n"
                    "（二）积极推进经济结构调整和增长方式转变。内容。\n"
                    "在产业结构调整方面，内容。\n"
                    "（三）深化体制改革和推进对外开放。内容。\n") ==
        std::vector<std::string>{"一、", "（一）", "（二）", "（三）"});
  // Announced, one paragraph each, and nothing numbers on: points.
  CHECK(headings_of("政府工作报告\n"
                    "一、去年工作回顾\n"
                    "主要做了以下几方面工作：\n"
                    "（一）着力解决经济运行中的突出问题。内容。\n"
                    "（二）积极推进经济结构调整和增长方式转变。内容。\n"
                    "二、今年主要任务\n") == std::vector<std::string>{"一、", "二、"});
}

TEST_CASE("a closing part is a title before a salutation, its ！ folded or not", "[sections]") {
  // 2002's report (tune/) closes with 结束语, then 各位代表！
  for (const std::string salutation : {"各位代表！", "各位代表!"}) {
    const std::vector<SegmentedReport> reports = segment_sections(
        document_of("政府工作报告\n\n各位代表：\n\n现在作报告。\n\n一、甲\n\n内容。\n\n结束语\n\n" + salutation +
                    "\n\n让我们团结起来。\n"),
        rules());
    const Section& last = reports.front().sections.back();
    CHECK(last.heading == "结束语");
    CHECK(last.level == 1);
  }
}

TEST_CASE("web chrome is in no section", "[sections]") {
  const ChromeRules& chrome = rules().chrome;
  CHECK(chrome.match("您的位置: 首页 >信息公开>规划计划") != 0);
  CHECK(chrome.match("来源:本站原创 发布时间:2021-02-09 浏览次数: 【字体:") != 0);
  CHECK(chrome.match("- 上一篇:旅游安全生产年活动方案") != 0);
  CHECK(chrome.match("相关热词搜索: 总工会 工作总结 上半年") != 0);
  CHECK(chrome.match("http://m.bsmz.net/gongwen/331574.html") != 0);
  CHECK(chrome.match("以下内容供参考:") == zone_bit(ChromeZone::split));
  CHECK(chrome.match("时间一晃而过,一段时间的工作活动告一段落了") == 0);
  CHECK(chrome.match("一、组建工作稳步推进") == 0);
}

TEST_CASE("page numbers glued to line starts are cut and the sentences joined", "[sections]") {
  // Lines 1-3 of sample 002: each starts with a page number and continues
  // the sentence the line before broke off.
  const auto reports = segment_sections(
      document_of("1、区总工会XX年工作总结及工作思路 区工会工作全面贯彻党的十九大精神,团结鼓励广阔职工积极投身建设。 "
                  "一、上半年工作总结 (一)着力加强工会组织领导建设 1.推进落实XX县区总工会\n"
                  "2、领导机构改革。依照工会相关法律法规及省总、市总要求推动XX县区总工会委员调整工作 2.指导XX县区各级工会做好机构调整工作。按照省总和市总工会改革工作部署,依照两个普遍工作要求 第8页 共8页\n"),
      rules());
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].title == "区总工会XX年工作总结及工作思路");
  const auto& s = reports[0].sections;
  REQUIRE(s.size() == 5);
  CHECK(s[3].id == "1.1.1");
  CHECK(s[3].number == "1.");
  CHECK(s[3].heading == "推进落实XX县区总工会领导机构改革");
  CHECK(s[3].line == 1);
  CHECK(s[3].end_line == 2);
  CHECK(s[4].heading == "指导XX县区各级工会做好机构调整工作");
  CHECK(s[4].line == 2);
  CHECK(s[4].text == "按照省总和市总工会改革工作部署,依照两个普遍工作要求");
}

TEST_CASE("a list's numbers after complete sentences are headings, not page numbers", "[sections]") {
  const auto reports = segment_sections(
      document_of("县总工会2008年度工作总结\n二、突出重点、全面推进,主要工作有新突破\n"
                  "1、困难职工帮扶工作和帮扶中心建设工作有新突破\n我县今年“两节”送温暖活动,工会出资之多,均超过往年。\n"
                  "2、充分发挥工会作用,动员组织广大职工捐款\n在年初的我省特大雪凝灾害中,我县各级工会把抗灾救灾列为工作。\n"),
      rules());
  REQUIRE(reports.size() == 1);
  const auto& s = reports[0].sections;
  REQUIRE(s.size() == 4);
  CHECK(s[2].id == "1.1");
  CHECK(s[3].id == "1.2");
  CHECK(s[3].path == std::vector<std::string>{"突出重点、全面推进,主要工作有新突破", "充分发挥工会作用,动员组织广大职工捐款"});
}

TEST_CASE("lines broken mid-sentence around blank lines are joined", "[sections]") {
  // Sample 000, lines 29-31: "…分别走" / "访慰问…".
  const Document d = sample("000_64a7223eeb192faa.txt");
  const auto reports = segment_sections(d, rules());
  REQUIRE(reports.size() == 2);
  const Section& s = reports[0].sections[5];
  CHECK(s.number == "五、");
  CHECK(s.text.find("分别走访慰问") != std::string::npos);
  // The joined word still cites both source lines.
  const std::size_t at = s.text.find("访慰问");
  CHECK(s.origin.locate(s.text, at).line == 31);
  CHECK(s.origin.locate(s.text, at - 3).line == 29);
}

TEST_CASE("every character of a record's text maps back to its source line", "[sections]") {
  for (const std::string name : test::kSamples) {
    const Document d = sample(name);
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= d.text.size();) {
      std::size_t nl = d.text.find('\n', start);
      if (nl == std::string::npos) nl = d.text.size();
      lines.push_back(std::string_view(d.text).substr(start, nl - start));
      start = nl + 1;
    }
    for (const SegmentedReport& r : segment_sections(d, rules())) {
      for (const Section& s : r.sections) {
        INFO(name << " report " << r.index << " section " << s.id);
        const auto& pieces = s.origin.pieces();
        for (std::size_t k = 0; k < pieces.size(); ++k) {
          std::size_t end = k + 1 < pieces.size() ? pieces[k + 1].offset : s.text.size();
          end = std::min(end, s.text.find('\n', pieces[k].offset));
          const std::string_view piece = std::string_view(s.text).substr(pieces[k].offset, end - pieces[k].offset);
          std::string_view source = lines.at(pieces[k].line - 1);
          for (std::size_t c = 0; c < pieces[k].column; ++c) source.remove_prefix(utf8::decode(source, 0).length);
          CHECK(source.substr(0, piece.size()) == piece);
        }
        CHECK(s.line <= s.end_line);
      }
    }
  }
}

TEST_CASE("reports in one file are split, each with its title and metadata", "[sections]") {
  const auto five = segment_sections(sample("004_f5ed15afdaa3c041.txt"), rules());
  REQUIRE(five.size() == 5);
  for (std::size_t i = 0; i < five.size(); ++i) {
    CHECK(five[i].index == i + 1);
    CHECK(five[i].title == "基层工会年度工作总结" + std::to_string(i + 1));
  }
  const auto two = segment_sections(sample("000_64a7223eeb192faa.txt"), rules());
  REQUIRE(two.size() == 2);
  CHECK(two[1].title == "2019 年上半年工作总结(县总工会)");
  CHECK(two[1].metadata.organization == "县总工会");
  CHECK(two[1].metadata.period == "2019年上半年");
  const auto one = segment_sections(sample("003_3c42f93b7f460ee3.txt"), rules());
  REQUIRE(one.size() == 1);
  CHECK(one[0].title == "武陵区总工会2020年度工作总结及2021年度工作思路");
  CHECK(one[0].metadata.organization == "武陵区总工会");
  CHECK(one[0].metadata.period == "2020年度");
  CHECK(one[0].metadata.date == "2020年12月16日");
  CHECK(one[0].sections.front().line == 7);
}

TEST_CASE("the shipped section rules pass their own examples", "[sections][patterns]") {
  const std::map<std::string, ExampleCheck> checks{{"headings", check_heading_example}};
  for (const RuleFailure& f : test_rules(book(), checks))
    for (const char* mine : {"headings.rules", "chrome.rules", "page_debris.rules", "reports.rules"})
      if (f.file.ends_with(mine)) FAIL(f.format());
}

TEST_CASE("points inside a section are listed as items when they run 1, 2, …", "[sections]") {
  // Sample 003, line 23, as written: a list after 。 and ；.
  const std::string text =
      "有序推进各项工作。一是宣教考评重机制。区总工会强化宣教机制；二是阵地建设强基础。 三是主题活动聚人心。";
  const std::vector<SectionItem> items = find_items(text, rules().items);
  REQUIRE(items.size() == 3);
  auto number_of = [&](const SectionItem& item) { return text.substr(item.begin, item.marker_end - item.begin); };
  CHECK(number_of(items[0]) == "一是");
  CHECK(items[1].value == 2);
  CHECK(number_of(items[2]) == "三是");
  auto text_of = [&](const SectionItem& item) { return text.substr(item.text_begin, item.text_end - item.text_begin); };
  CHECK(text_of(items[0]) == "宣教考评重机制。区总工会强化宣教机制；");
  CHECK(text_of(items[1]) == "阵地建设强基础。");  // the space before 三是 left out
  CHECK(text_of(items[2]) == "主题活动聚人心。");

  // Other styles, and two lists in one text.
  CHECK(find_items("要求:第一,坚持党的领导;第二,服务大局。其一,完善制度;其二,落实责任。", rules().items).size() == 4);
  // A first marker glued to the words before it still starts the list.
  CHECK(find_items("今年的工作主要一是加强培训；二是完善制度。", rules().items).size() == 2);
  CHECK(find_items("具体来说一是加强培训，二是完善制度。", rules().items).size() == 2);
  // A lone 一是, a gap, 一 ending a word (之一, 统一): no points.
  CHECK(find_items("主要措施之一是加强培训。", rules().items).empty());
  CHECK(find_items("工作中,一是加强培训。", rules().items).empty());
  CHECK(find_items("工作中,一是加强培训;三是完善制度。", rules().items).empty());
  CHECK(find_items("统一是前提,二是关键。", rules().items).empty());
}

TEST_CASE("section records list their items with the source line of each", "[sections]") {
  const Document doc = sample("000_64a7223eeb192faa.txt");
  std::string out;
  write_section_records(doc, segment_sections(doc, rules()), out);
  const auto first_line = out.substr(0, out.find('\n'));
  CHECK(nlohmann::json::parse(first_line)["items"].is_array());
  bool seen = false;
  for (std::size_t at = 0; at < out.size();) {
    const std::size_t nl = out.find('\n', at);
    const auto record = nlohmann::json::parse(out.substr(at, nl - at));
    at = nl + 1;
    if (record["heading"] != "精心组织动员,统筹推进疫情防控") continue;
    seen = true;
    const auto& items = record["items"];
    REQUIRE(items.size() == 3);
    CHECK(items[0]["number"] == "一是");
    CHECK(items[0]["line"] == 11);
    CHECK(items[1]["line"] == 15);
    CHECK(items[2]["line"] == 17);
    CHECK(items[1]["heading"] == "积极参与、加强督导");
    // start and end count code points of the text, as origin's offsets do.
    const std::string text = record["text"];
    auto byte_of = [&](std::size_t chars) {
      std::size_t at = 0;
      for (; chars > 0 && at < text.size(); --chars) at += utf8::decode(text, at).length;
      return at;
    };
    const std::size_t begin = byte_of(items[1]["start"]), end = byte_of(items[1]["end"]);
    CHECK(text.substr(begin, end - begin).rfind("积极参与、加强督导 根据", 0) == 0);
    CHECK(text.find("三是", end) == text.find_first_not_of(" \n", end));  // the next point, past the blanks
  }
  CHECK(seen);
}
