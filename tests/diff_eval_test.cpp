// Accuracy of `zhmine diff` on hand-edited report pairs: precision and recall
// of figure changes against tests/fixtures/diff/gold.jsonl, through the real
// pipeline (normalize → segment-sections → extract-figures → diff).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <tuple>

#include "test_support.hpp"
#include "zhmine/diff/diff.hpp"

using namespace zhmine;

namespace {

// (change, unit, old value, new value): what a figure change is judged by.
using Key = std::tuple<std::string, std::string, std::string, std::string>;

std::string value_text(const nlohmann::ordered_json& v) {
  const auto d = decimal_of(v);
  return d ? d->to_string() : "null";
}

std::string record_value(const nlohmann::ordered_json& record) {
  return record.is_object() ? value_text(record.value("value", nlohmann::ordered_json())) : "null";
}

ReportRecords read(const std::string& path, const ReportPipeline& pipeline) {
  Report report;
  ReportRecords r = read_report_records((test::source_dir() / path).string(), StageOptions{}, pipeline, report);
  REQUIRE_FALSE(report.lost_input());
  return r;
}

struct Score {
  std::size_t found = 0, expected = 0, right = 0;
  double precision() const { return found ? static_cast<double>(right) / static_cast<double>(found) : 1; }
  double recall() const { return expected ? static_cast<double>(right) / static_cast<double>(expected) : 1; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

}  // namespace

TEST_CASE("diff finds the figure changes a careful reader lists", "[diff][eval]") {
  const ReportPipeline pipeline;
  std::ifstream gold(test::fixture("diff/gold.jsonl"));
  REQUIRE(gold);
  Score total;
  std::string line;
  while (std::getline(gold, line)) {
    const auto pair = nlohmann::ordered_json::parse(line);
    const auto old_path = pair["old"].get<std::string>(), new_path = pair["new"].get<std::string>();
    std::multiset<Key> expected, found;
    for (const auto& c : pair["changes"])
      expected.insert({c[0].get<std::string>(), c[1].get<std::string>(), value_text(c[2]), value_text(c[3])});
    const auto changes = diff_reports(read(old_path, pipeline), read(new_path, pipeline));
    for (const Change& c : changes)
      if (c.what == Change::What::figure)
        found.insert({std::string(name_of(c.change)), c.unit.get<std::string>(), record_value(c.old_record),
                      record_value(c.new_record)});
    Score s;
    s.found = found.size();
    s.expected = expected.size();
    std::vector<Key> right;
    std::set_intersection(found.begin(), found.end(), expected.begin(), expected.end(), std::back_inserter(right));
    s.right = right.size();
    for (const Key& k : found)
      if (!expected.count(k)) UNSCOPED_INFO("false change: " << std::get<0>(k) << ' ' << std::get<1>(k) << ' ' << std::get<2>(k) << " → " << std::get<3>(k));
    for (const Key& k : expected)
      if (!found.count(k)) UNSCOPED_INFO("missed: " << std::get<0>(k) << ' ' << std::get<1>(k) << ' ' << std::get<2>(k) << " → " << std::get<3>(k));
    std::cout << "diff eval " << new_path << ": " << s.right << " of " << s.found << " found, " << s.expected
              << " expected; precision " << s.precision() << " recall " << s.recall() << " F1 " << s.f1() << '\n';
    if (pair["wording_only"].get<bool>()) {
      CHECK(found.empty());  // no false change when only wording or order moved
      for (const Change& c : changes)
        CHECK((c.what != Change::What::section || c.change == Change::Kind::moved));
    }
    total.found += s.found;
    total.expected += s.expected;
    total.right += s.right;
  }
  std::cout << "diff eval, all pairs: precision " << total.precision() << " recall " << total.recall() << " F1 "
            << total.f1() << '\n';
  REQUIRE(total.expected > 0);
  REQUIRE(total.f1() >= 0.95);
}
