// zhmine check on hand-made cases of every shape: for each check, sentences
// that add up (never flagged) and planted inconsistencies (always found),
// then the samples' own (sample 003 line 15 flagged, its line 35 not).
#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>

#include "test_support.hpp"
#include "zhmine/check/arithmetic_checks.hpp"
#include "zhmine/check/check_records.hpp"
#include "zhmine/figures/figures.hpp"
#include "zhmine/io/stage.hpp"

namespace {

using namespace zhmine;

struct Checker {
  RuleBook book = RuleBook::load();
  FigureExtractor extractor{book};
  ArithmeticChecks checks{book};
};

const Checker& checker() {
  static const Checker c;
  return c;
}

// The figures' sentences are views of their document, kept here.
std::vector<CheckFigure> figures_of(const std::string& text) {
  static std::deque<Document> documents;
  Document& doc = documents.emplace_back();
  doc.text = text;
  return check_figures_of(doc, checker().extractor.extract(doc.text));
}

// The findings of `text`, as "CHECK SEVERITY STATED COMPUTED"; "none".
std::string findings(const std::string& text) {
  std::string out;
  for (const Finding& f : checker().checks.check(figures_of(text))) {
    if (!out.empty()) out += " ; ";
    out += f.check + " " + std::string(severity_name(f.severity)) + " " + (f.stated ? f.stated->to_string() : "-") + " " +
           (f.computed ? f.computed->to_string() : "-");
  }
  return out.empty() ? "none" : out;
}

}  // namespace

TEST_CASE("parts-total: a total and its parts", "[check]") {
  // Consistent: never flagged.
  CHECK(findings("共有会员500人，其中男会员200人，女会员300人。") == "none");
  CHECK(findings("共有会员500人，其中男会员200人，女会员250人。") == "none");  // 其中: some of the whole
  CHECK(findings("共三类企业120家，分别为国企30家、民企70家、外企20家。") == "none");
  CHECK(findings("有效单位共173家,其中建账单位154家。") == "none");  // one part is a subset
  CHECK(findings("共有会员500余人，其中男会员300人，女会员250人。") == "none");  // the total is a lower bound
  CHECK(findings("建成48个工程：三个铁矿，八个选矿厂，六座高炉，三十一个车间。") == "none");  // the list goes on in 座
  // Planted: found.
  CHECK(findings("共有会员500人，其中男会员300人，女会员250人。") == "parts-total error 500 550");
  CHECK(findings("共三类企业120家，分别为国企30家、民企60家、外企20家。") == "parts-total error 120 110");
  CHECK(findings("共有会员约500人，其中男会员300人，女会员250人。") == "parts-total warning 500 550");
  // Rounding follows the digits: each of 12.5万, 3.2万, 9.4万 is ±500.
  CHECK(findings("共投入12.5万元，分别为3.2万元、9.3万元。") == "none");
  CHECK(findings("共投入12.5万元，分别为3.2万元、9.4万元。") == "none");  // 1000 off, within ±1500
  CHECK(findings("共投入12.5万元，分别为3.2万元、9.6万元。") == "parts-total error 125000 128000");
}

TEST_CASE("percent-ratio: a percentage of two stated figures", "[check]") {
  CHECK(findings("已征收入库2222.74万元，占年计划2650万元的83.88%。") == "none");
  CHECK(findings("有效单位共173家，其中建账单位154家，使用率达89.02%。") == "none");
  CHECK(findings("已征收入库2222.74万元，占年计划2650万元的84%。") == "none");  // 84% allows ±0.5
  CHECK(findings("已征收入库2222.74万元，占年计划2650万元的83.8%。") == "percent-ratio error 83.8 83.877");
  CHECK(findings("有效单位共173家，其中建账单位154家，使用率达91%。") == "percent-ratio error 91 89.02");
  // A percentage that begins a change is no ratio of the figures before it.
  CHECK(findings("从509亿元增加到1161亿元，占国内生产总值的比重从0.64%提高到1.13%。") == "none");
}

TEST_CASE("growth: a rate of change and its two values", "[check]") {
  CHECK(findings("由上年的1200人增加到1500人，增长25%。") == "none");
  CHECK(findings("全年接待来访15786次，比上年的18726次下降15.7%。") == "none");
  CHECK(findings("由上年的1200人增加到1500人，增长20%。") == "growth error 20 25");
  CHECK(findings("全年接待来访15786次，比上年的18726次下降17.5%。") == "growth error 17.5 15.7");
  // A change no Decimal holds is still named; its computed value is null.
  CHECK(findings("收入从0.01元增加到90000000亿元，增长5%。") == "growth error 5 -");
  // Average and real rates compare no two stated values.
  CHECK(findings("贷款余额从8.2万亿元增加到23.8万亿元，年均增长24%。") == "none");
  CHECK(findings("国民生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。") == "none");
}

TEST_CASE("magnitude: a sum far out of line", "[check]") {
  // Sample 001 line 21: 280900万元 among sums of thousands.
  const std::string text =
      "发放慰问金19256元，救助金39645元，减免46831元，补助45841元，捐款5000元。为98起案件涉及金额280900万元。";
  CHECK(findings(text) == "magnitude warning 2809000000 -");
  // Counts of people span every scope: not compared.
  CHECK(findings("派出2名，3名，5名，4名，组织近3万名职工参加。") == "none");
  // Across reports: the same label and unit.
  std::vector<CheckFigure> all;
  for (const char* report : {"全年发放慰问金19256元。", "全年发放慰问金20100元。", "全年发放慰问金18800元。",
                             "全年发放慰问金2000000000元。"})
    for (CheckFigure& f : figures_of(report)) all.push_back(std::move(f));
  const std::vector<Finding> across = checker().checks.magnitude_across(all);
  REQUIRE(across.size() == 1);
  CHECK(across[0].figures.front().figure == 3);
  CHECK(across[0].figures.size() == 4);
}

TEST_CASE("withheld: the placeholders, once per report", "[check]") {
  const std::vector<Finding> found = checker().checks.check(figures_of("帮扶困难职工 X 人，筹集资金 X 万元。"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].check == "withheld");
  CHECK(found[0].severity == Finding::Severity::info);
  CHECK(found[0].figures.size() == 2);
  // A withheld part is nothing to add up: no parts-total.
  CHECK(findings("共有会员500人，其中男会员 X 人，女会员250人。") == "withheld info - -");
}

TEST_CASE("the rounding of a figure follows its digits", "[check]") {
  auto rounding = [](const std::string& text) { return rounding_of(figures_of(text).front()); };
  CHECK(rounding("达83.88%") == Catch::Detail::Approx(0.005));
  CHECK(rounding("达84%") == Catch::Detail::Approx(0.5));
  CHECK(rounding("入库2222.74万元") == Catch::Detail::Approx(50));
  CHECK(rounding("增长百分之六十八") == Catch::Detail::Approx(0.5));
  CHECK(rounding("收入八百二十七亿一千万元") == Catch::Detail::Approx(5000000));
}

TEST_CASE("the samples: 003 line 15 is flagged, its line 35 is not", "[check]") {
  Report report;
  const std::filesystem::path path = test::sample("003_3c42f93b7f460ee3.txt");
  std::optional<Document> doc =
      load_document(InputItem{InputItem::Kind::raw_file, path.string(), 0, test::read_bytes(path)}, StageOptions{}, report);
  REQUIRE(doc);
  const std::vector<CheckFigure> figures = check_figures_of(*doc, checker().extractor.extract(doc->text));
  std::vector<std::string> seen;
  for (const Finding& f : checker().checks.check(figures)) seen.push_back(std::to_string(f.line) + " " + f.check);
  CHECK(std::find(seen.begin(), seen.end(), "15 parts-total") != seen.end());
  for (const std::string& s : seen) CHECK(s.rfind("35 ", 0) != 0);
}
