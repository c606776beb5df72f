#include <catch2/catch.hpp>

#include <algorithm>

#include "test_support.hpp"
#include "zhmine/diff/diff.hpp"
#include "zhmine/diff/diff_text_format.hpp"
#include "zhmine/diff/section_alignment.hpp"
#include "zhmine/diff/sentence_diff.hpp"
#include "zhmine/diff/series.hpp"
#include "zhmine/diff/similarity.hpp"

using namespace zhmine;

namespace {

const ReportPipeline& pipeline() {
  static const ReportPipeline p;
  return p;
}

ReportRecords small(const char* name) {
  Report report;
  ReportRecords r = read_report_records(test::fixture(std::string("diff/") + name).string(), StageOptions{}, pipeline(), report);
  REQUIRE_FALSE(report.lost_input());
  return r;
}

SectionRecord section(std::string id, std::string heading, std::string text, std::size_t parent = kNoIndex) {
  SectionRecord s;
  s.key = "1:" + id;
  s.level = heading.empty() ? 0 : static_cast<std::size_t>(std::count(id.begin(), id.end(), '.') + 1);
  s.heading = std::move(heading);
  s.text = std::move(text);
  s.parent = parent;
  return s;
}

std::vector<const Change*> select(const std::vector<Change>& changes, Change::What what, Change::Kind kind) {
  std::vector<const Change*> out;
  for (const Change& c : changes)
    if (c.what == what && c.change == kind) out.push_back(&c);
  return out;
}

std::string text_of(std::string_view text, const Sentence& s) { return std::string(text.substr(s.begin, s.end - s.begin)); }

}  // namespace

TEST_CASE("bigram shingles ignore punctuation, spacing and the digits of numbers") {
  CHECK(shingles("发展会员2970人。") == shingles("发展 会员 3300人"));
  CHECK(dice(shingles("宣教工作注重实效"), shingles("宣教工作注重实效")) == 1.0);
  CHECK(dice(shingles("组织建设"), shingles("疫情防控")) == 0.0);
  CHECK(dice(shingles(""), shingles("")) == 0.0);
  CHECK(shingles("会").size() == 1);
  const double d = dice(shingles("宣教工作注重实效"), shingles("宣传教育工作注重实效"));
  CHECK(d > 0.6);
  CHECK(d < 1.0);
}

TEST_CASE("the shingle index finds the items that share rare shingles") {
  ShingleIndex index;
  const std::vector<std::string> texts = {"组织建设稳步推进", "困难帮扶精准发力", "宣教工作注重实效"};
  for (std::uint32_t i = 0; i < texts.size(); ++i) index.add(i, shingles(texts[i]));
  const auto all = [](std::uint32_t) { return true; };
  const auto found = index.candidates(shingles("困难职工帮扶精准"), 0, all);
  REQUIRE_FALSE(found.empty());
  CHECK(found.front() == 1);
  CHECK(index.candidates(shingles("困难帮扶"), 0, [](std::uint32_t i) { return i != 1; }).empty());
}

TEST_CASE("sentences end at 。!?; and line breaks, closing quotes included") {
  const std::string text = "一是加强学习。二是“抓落实”。\n三是强化服务!四是什么?";
  const auto s = split_sentences(text);
  REQUIRE(s.size() == 4);
  CHECK(text_of(text, s[0]) == "一是加强学习。");
  CHECK(text_of(text, s[1]) == "二是“抓落实”。");
  CHECK(text_of(text, s[2]) == "三是强化服务!");
  CHECK(text_of(text, s[3]) == "四是什么?");
  CHECK(split_sentences("  \n ").empty());
}

TEST_CASE("sentence diff: new, gone and reworded sentences; a moved one is no change") {
  const std::string before = "全年新组建工会68个。发展会员2970人。开展送温暖活动。基层工会规范化建设稳步推进。";
  const std::string after = "基层工会规范化建设稳步推进。全年新组建工会68个。今年发展会员3300人。举办职工运动会。";
  const auto changes = diff_sentences(before, after);
  REQUIRE(changes.size() == 3);
  std::vector<std::string> seen;
  for (const auto& c : changes) {
    if (c.kind == SentenceChange::Kind::changed)
      seen.push_back("~" + text_of(before, c.old_sentence) + ">" + text_of(after, c.new_sentence));
    if (c.kind == SentenceChange::Kind::removed) seen.push_back("-" + text_of(before, c.old_sentence));
    if (c.kind == SentenceChange::Kind::added) seen.push_back("+" + text_of(after, c.new_sentence));
  }
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::string>{"+举办职工运动会。", "-开展送温暖活动。", "~发展会员2970人。>今年发展会员3300人。"});
  CHECK(diff_sentences(before, before).empty());
}

TEST_CASE("sections line up by heading and content, not by number or position") {
  const std::vector<SectionRecord> before = {
      section("0", "", "2019年,县总工会围绕中心、服务大局,各项工作取得新成效。"),
      section("1", "组建工作稳步推进", "全区共有基层工会734家,共有会员31049人,今年新增49家。规范化建设稳步推进。"),
      section("2", "困难帮扶精准发力", "走访慰问困难职工78人,送去价值两万余元的慰问品。开展金秋助学活动。"),
      section("3", "宣教工作注重实效", "制作橱窗180期,展出盾牌450块,悬挂横幅标语230多条,印发资料15000多份。"),
      section("4", "财务审计双管齐下", "工会经费税务代征已征收入库2222.74万元,占年计划2650万元的83.88%。"),
  };
  const std::vector<SectionRecord> after = {
      section("0", "", "2020年,县总工会围绕中心、服务大局,各项工作取得新成效。"),
      section("1", "组建工作稳步推进", "全区共有基层工会780家,共有会员33000人,今年新增52家。规范化建设稳步推进。"),
      section("2", "宣传教育工作注重实效", "制作橱窗180期,展出盾牌450块,悬挂横幅标语230多条,印发资料15000多份。"),
      section("3", "困难帮扶精准发力", "开展金秋助学活动。今年走访慰问的困难职工全部建档。"),
      section("4", "疫情防控有力有序", "发放防疫口罩12万只,慰问一线防疫职工650人。"),
  };
  const SectionAlignment a = align_sections(before, after);
  CHECK(a.old_of_new == std::vector<std::size_t>{0, 1, 3, 2, kNoIndex});
  CHECK(a.new_of_old[4] == kNoIndex);
  for (const SectionMatch& m : a.matches) {
    INFO("old " << m.old_index << " new " << m.new_index);
    CHECK(m.renamed == (m.old_index == 3));
  }
  // One of the swapped pair moved; renumbering alone moves nothing.
  CHECK(std::count_if(a.matches.begin(), a.matches.end(), [](const SectionMatch& m) { return m.moved; }) == 1);
  CHECK(align_sections(before, before).matches.size() == before.size());
  for (const SectionMatch& m : align_sections(before, before).matches) CHECK_FALSE((m.moved || m.renamed));
}

TEST_CASE("a subsection under another parent moved; its unchanged siblings did not") {
  const std::vector<SectionRecord> before = {
      section("1", "组织建设", ""),
      section("1.1", "发展会员", "全年发展会员2970人,超额完成任务。", 0),
      section("1.2", "规范建设", "基层工会规范化建设稳步推进,达标率95%以上。", 0),
      section("2", "困难帮扶", ""),
      section("2.1", "金秋助学", "资助困难职工子女入学32人,发放助学金6.4万元。", 3),
  };
  std::vector<SectionRecord> after = before;
  after[4].parent = 0;
  std::swap(after[3], after[4]);  // 金秋助学 now under 组织建设, before 困难帮扶
  after[4].parent = kNoIndex;
  const SectionAlignment a = align_sections(before, after);
  REQUIRE(a.matches.size() == 5);
  for (const SectionMatch& m : a.matches) CHECK(m.moved == (m.old_index == 4));
}

TEST_CASE("diff of section and figure records: figures paired by label, unit and kind") {
  const auto changes = diff_reports(small("small_old.jsonl"), small("small_new.jsonl"));
  const auto changed = select(changes, Change::What::figure, Change::Kind::changed);
  REQUIRE(changed.size() == 2);
  // 发展会员2970人 ↔ 今年新发展会员达到3300人: the sentence was rewritten.
  const Change& members = *changed[1];
  CHECK(members.old_record["raw"] == "2970人");
  CHECK(members.new_record["raw"] == "3300人");
  CHECK(members.delta->to_string() == "330");
  CHECK(*members.ratio == "1.1111");
  CHECK(members.path == nlohmann::ordered_json::array({"组织建设"}));
  CHECK(changed[0]->delta->to_string() == "40000");

  const auto removed = select(changes, Change::What::figure, Change::Kind::removed);
  REQUIRE(removed.size() == 2);
  CHECK(removed[0]->old_record["value"] == 22227400);
  CHECK(removed[0]->new_record.is_null());
  const auto added = select(changes, Change::What::figure, Change::Kind::added);
  REQUIRE(added.size() == 1);
  CHECK(added[0]->new_record["raw"] == "12万只");

  CHECK(select(changes, Change::What::section, Change::Kind::renamed).size() == 1);
  CHECK(select(changes, Change::What::section, Change::Kind::moved).size() == 1);
  CHECK(select(changes, Change::What::section, Change::Kind::added).size() == 1);
  CHECK(select(changes, Change::What::section, Change::Kind::removed).size() == 1);
  // Unchanged figures (68个, 676人, 180期, 15000多份) only with --all.
  CHECK(select(changes, Change::What::figure, Change::Kind::unchanged).empty());
  const auto all = diff_reports(small("small_old.jsonl"), small("small_new.jsonl"), true);
  CHECK(select(all, Change::What::figure, Change::Kind::unchanged).size() == 4);
}

TEST_CASE("change records carry both sides and exact deltas") {
  const auto changes = diff_reports(small("small_old.jsonl"), small("small_new.jsonl"));
  std::string out;
  write_change_record(*select(changes, Change::What::figure, Change::Kind::changed)[1], out);
  const auto j = nlohmann::ordered_json::parse(out);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"type", "what", "change", "path", "label", "unit", "old", "new", "delta", "delta_unit", "ratio"});
  CHECK(j["old"]["source"] == "2019.txt");
  CHECK(j["new"]["source"] == "2020.txt");
  CHECK(j["unit"] == "人");
  CHECK(out.find("\"delta\":330,\"delta_unit\":\"人\",\"ratio\":1.1111}") != std::string::npos);

  FigureRecord a, b;
  a.value = Decimal::parse("83.88");
  b.value = Decimal::parse("87.73");
  const Change c = figure_change(&a, &b);
  CHECK(c.change == Change::Kind::changed);
  CHECK(c.delta->to_string() == "3.85");  // exact, not 3.8500000000000085
  CHECK(*c.ratio == "1.0459");
  b.value = Decimal(0);
  CHECK(figure_change(&b, &a).ratio == std::nullopt);  // no ratio from zero
}

TEST_CASE("a change of a percentage is in percentage points, without a ratio") {
  FigureRecord a, b;
  a.value = Decimal::parse("5.2");
  b.value = Decimal::parse("5");
  a.record = nlohmann::ordered_json{{"unit", "%"}};
  b.record = a.record;
  const Change c = figure_change(&a, &b);
  CHECK(c.delta->to_string() == "-0.2");
  CHECK(c.delta_unit == "百分点");
  CHECK(c.ratio == std::nullopt);
  a.record["unit"] = b.record["unit"] = "元";
  CHECK(figure_change(&a, &b).delta_unit == "元");
  CHECK(figure_change(&a, &b).ratio);
}

TEST_CASE("the text format is compact and uncoloured unless asked") {
  const ReportRecords before = small("small_old.jsonl"), after = small("small_new.jsonl");
  const auto changes = diff_reports(before, after);
  const std::string plain = format_changes_text(changes, before, after, false);
  CHECK(plain.find("\x1b[") == std::string::npos);
  CHECK(plain.find("今年新发展会员 2970人 → 3300人 (+330人, ×1.1111)") != std::string::npos);
  CHECK(plain.find("renamed 宣教工作 → 宣传教育工作") != std::string::npos);
  CHECK(plain.find("+ section 四、疫情防控") != std::string::npos);
  const std::string coloured = format_changes_text(changes, before, after, true);
  CHECK(coloured.find("\x1b[31m") != std::string::npos);
}

TEST_CASE("series: one record per figure, its value in every report") {
  const std::vector<ReportRecords> reports = {small("small_old.jsonl"), small("small_new.jsonl"), small("small_new.jsonl")};
  const auto series = line_up_series(reports);
  std::string out;
  for (const Series& s : series) write_series_record(s, reports, out);
  std::vector<nlohmann::ordered_json> records;
  for (std::size_t at = 0; at < out.size();) {
    const std::size_t nl = out.find('\n', at);
    records.push_back(nlohmann::ordered_json::parse(out.substr(at, nl - at)));
    at = nl + 1;
  }
  // 8 figures in 2019 (2 of them gone in 2020), 1 new in 2020.
  REQUIRE(records.size() == 9);
  const auto members = std::find_if(records.begin(), records.end(), [](const auto& r) { return r["unit"] == "人" && r["values"][0]["value"] == 2970; });
  REQUIRE(members != records.end());
  CHECK((*members)["label"] == "今年新发展会员");
  CHECK((*members)["values"][1]["value"] == 3300);
  CHECK((*members)["values"][2]["value"] == 3300);
  const auto masks = std::find_if(records.begin(), records.end(), [](const auto& r) { return r["unit"] == "只"; });
  REQUIRE(masks != records.end());
  CHECK((*masks)["values"][0].is_null());
  CHECK((*masks)["values"][1]["raw"] == "12万只");
}

TEST_CASE("series: a figure left out of one report and back in the next stays one series") {
  // 2019, 2020 (two of 2019's figures gone, one new), 2021 = 2019 again.
  const std::vector<ReportRecords> reports = {small("small_old.jsonl"), small("small_new.jsonl"), small("small_old.jsonl")};
  const auto series = line_up_series(reports);
  // 8 figures of 2019, all back in 2021; 1 new in 2020.
  REQUIRE(series.size() == 9);
  std::size_t skipping = 0;
  for (const Series& s : series) {
    if (s.figures[0] != kNoIndex) {
      CHECK(s.figures[2] == s.figures[0]);  // the same figure of the same text
      skipping += s.figures[1] == kNoIndex;
    } else {
      CHECK(s.figures[1] != kNoIndex);  // the new one, gone again
      CHECK(s.figures[2] == kNoIndex);
    }
  }
  CHECK(skipping == 2);
}
