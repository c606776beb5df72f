// diff --format html: the page's section rows in diff's reading order.
#include <catch2/catch.hpp>

#include <algorithm>

#include "test_support.hpp"
#include "zhmine/diff/diff.hpp"
#include "zhmine/diff/diff_html_format.hpp"

using namespace zhmine;

namespace {

ReportRecords read_fixture(const char* name) {
  static const ReportPipeline pipeline;
  Report report;
  ReportRecords r = read_report_records(test::fixture(std::string("diff/") + name).string(), StageOptions{}, pipeline, report);
  REQUIRE_FALSE(report.lost_input());
  return r;
}

std::string without_tags(std::string_view html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) text += c;
  }
  return text;
}

struct Row {
  std::string kind, text;
};

// Every section row of the page: its kind (added, removed, moved, …) and its text.
std::vector<Row> section_rows(const std::string& html) {
  const std::string start = "<tr class=\"section ";
  std::vector<Row> rows;
  for (std::size_t at = html.find(start); at != std::string::npos; at = html.find(start, at + 1)) {
    const std::size_t kind_end = html.find('"', at + start.size());
    const std::size_t row_end = html.find("</tr>", kind_end);
    rows.push_back({html.substr(at + start.size(), kind_end - at - start.size()),
                    without_tags(std::string_view(html).substr(kind_end, row_end - kind_end))});
  }
  return rows;
}

// Where in `rows` the one naming `heading` is; rows.size() when none does.
std::size_t row_of(const std::vector<Row>& rows, const std::string& heading) {
  return static_cast<std::size_t>(
      std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.text.find(heading) != std::string::npos; }) -
      rows.begin());
}

}  // namespace

TEST_CASE("the HTML page shows a removed section where it stood, between moved ones, in diff's order", "[diff][html]") {
  const ReportRecords before = read_fixture("moved_old.txt"), after = read_fixture("moved_new.txt");
  const std::vector<Change> changes = diff_reports(before, after);
  const std::vector<Row> rows = section_rows(format_changes_html(changes, before, after));

  // The new report's order, 困难帮扶 (removed) right after 组建工作, where it stood in the old.
  const std::vector<std::string> expected = {"宣教工作注重实效", "组建工作稳步推进", "困难帮扶精准发力", "财务审计双管齐下"};
  std::vector<std::size_t> at;
  for (const std::string& heading : expected) {
    INFO(heading);
    REQUIRE(row_of(rows, heading) < rows.size());
    at.push_back(row_of(rows, heading));
  }
  CHECK(std::is_sorted(at.begin(), at.end()));
  CHECK(at[2] == at[1] + 1);
  CHECK(rows[at[2]].kind == "removed");
  CHECK(rows[at[0]].kind == "moved");

  // Every section change of the JSON Lines has its row, in the same order.
  std::size_t last = 0;
  for (const Change& c : changes) {
    if (c.what != Change::What::section) continue;
    const std::string heading = c.path.back().get<std::string>();
    INFO(heading);
    const std::size_t row = row_of(rows, heading);
    REQUIRE(row < rows.size());
    CHECK(rows[row].kind == std::string(name_of(c.change)));
    CHECK(row >= last);
    last = row;
  }
}
