// Records as table rows: RFC 4180 quoting, TSV escapes, lists joined, one type a table.
#include <catch2/catch.hpp>

#include "zhmine/io/record_table.hpp"

using namespace zhmine;

TEST_CASE("a CSV row quotes what holds a comma, a quote or a line break", "[table]") {
  RecordTable table(RecordTable::Kind::csv);
  std::string out;
  table.add(R"({"type":"figure","source":"a.txt","line":3,"raw":"1,120亿元","value":112000000000,"unit":"元",)"
            R"("label":"说 \"好\"","sentence":"一行\n两行","placeholder":false,"path":["一、甲","（一）乙"]})",
            out);
  CHECK(out ==
        "source,doc,report,path,line,raw,value,max,unit,kind,currency,approx,placeholder,label,sentence\r\n"
        "a.txt,,,一、甲 > （一）乙,3,\"1,120亿元\",112000000000,,元,,,,false,\"说 \"\"好\"\"\",\"一行\n两行\"\r\n");
}

TEST_CASE("a TSV row escapes tabs, line breaks and backslashes", "[table]") {
  RecordTable table(RecordTable::Kind::tsv);
  std::string out;
  table.add(R"({"type":"document","source":"a\\b.txt","lines":2,"text":"甲\t乙\n丙"})", out);
  CHECK(out == "source\tdoc\tencoding\tscript\tlines\ttext\na\\\\b.txt\t\t\t\t2\t甲\\t乙\\n丙\n");
}

TEST_CASE("a series row joins its values, a gap left empty", "[table]") {
  const std::string record(
      R"({"type":"series","label":"GDP增长","unit":"%","values":[{"source":"2019.txt","value":6.5,"raw":"6.5%左右","line":3},null,{"source":"2021.txt","value":6,"raw":"6%以上","line":4}]})");
  CHECK(table_cell(record, "values") == "6.5; ; 6");
  CHECK(table_cell(record, "raws") == "6.5%左右; ; 6%以上");
  CHECK(table_cell(record, "reports") == "3");
}

TEST_CASE("a change row reads the fields of its old and new sides, the first present one of each column", "[table]") {
  // A figure change: values and raw texts inside "old" and "new".
  const std::string figure(
      R"({"type":"change","what":"figure","change":"changed","path":["一、甲"],"label":"GDP","unit":"元",)"
      R"("old":{"source":"a.txt","line":3,"raw":"1.5万亿元","value":1500000000000},)"
      R"("new":{"source":"b.txt","line":4,"raw":"1.6万亿元","value":1600000000000},"delta":100000000000})");
  CHECK(table_cell(figure, "old_value") == "1500000000000");
  CHECK(table_cell(figure, "new_text") == "1.6万亿元");
  CHECK(table_cell(figure, "new_line") == "4");
  CHECK(table_cell(figure, "path") == "一、甲");
  // A section change has no raw text: its heading stands in; a removed one has no new side.
  const std::string section(
      R"({"type":"change","what":"section","change":"removed","path":["二、乙"],)"
      R"("old":{"source":"a.txt","line":9,"heading":"困难帮扶精准发力"},"new":null})");
  CHECK(table_cell(section, "old_text") == "困难帮扶精准发力");
  CHECK(table_cell(section, "new_text").empty());
  CHECK(table_cell(section, "new_source").empty());
}

TEST_CASE("one table holds one record type", "[table]") {
  RecordTable table(RecordTable::Kind::csv);
  std::string out;
  table.add(R"({"type":"figure","source":"a"})", out);
  CHECK_THROWS_WITH(table.add(R"({"type":"section","source":"a"})", out), Catch::Contains("one table holds one type"));
  CHECK_THROWS(RecordTable(RecordTable::Kind::csv).add(R"({"type":"sentence"})", out));
  CHECK_THROWS(RecordTable(RecordTable::Kind::csv).add("not json", out));
}
