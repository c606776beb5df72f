// Accuracy of segment-sections against hand-annotated heading trees of the
// samples (tests/gold/sections/*.tsv): precision, recall and F1 per file,
// and the number of reports per file, which must be exact.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "test_support.hpp"
#include "zhmine/text/normalizer.hpp"
#include "zhmine/sections/sections.hpp"
#include "zhmine/io/stage.hpp"
#include "zhmine/text/utf8.hpp"

namespace {

using namespace zhmine;

// A node of a heading tree: a report (level 0, its title) or a heading.
struct Node {
  std::string kind;  // "report" or "heading"
  std::size_t report, level, line;
  std::string number, heading;
};

std::string simplified(std::string_view text) { return normalizer_for(TargetScript::simplified).normalize(text).text; }

// Heading texts are compared without spaces and punctuation, and one may
// hold the other: the gold gives the whole text of a heading cut by page
// debris, and reads a run-in heading's end by judgement.
std::u32string letters(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    i += d.length;
    const char32_t c = d.code_point;
    const bool ascii_punct = c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    const bool cjk_punct = (c >= 0x3000 && c <= 0x303F) || (c >= 0x2010 && c <= 0x206F) || (c >= 0xFF00 && c <= 0xFF0F);
    if (!ascii_punct && !cjk_punct) out.push_back(c);
  }
  return out;
}

bool loosely_equal(std::string_view a, std::string_view b) {
  const std::u32string x = letters(a), y = letters(b);
  if (x.empty() || y.empty()) return x == y;
  return x.find(y) != std::u32string::npos || y.find(x) != std::u32string::npos;
}

std::vector<Node> read_gold(const std::filesystem::path& path) {
  std::istringstream in(test::read_bytes(path));
  std::vector<Node> nodes;
  for (std::string row; std::getline(in, row);) {
    if (row.empty() || row.front() == '#') continue;
    std::vector<std::string> cells;
    std::istringstream fields(row);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    if (row.back() == '\t') cells.emplace_back();  // a heading with no text (a numeral alone on its line)
    REQUIRE(cells.size() == 6);
    nodes.push_back({cells[0], std::stoul(cells[1]), std::stoul(cells[2]), std::stoul(cells[3]), simplified(cells[4]),
                     simplified(cells[5])});
  }
  return nodes;
}

std::vector<SegmentedReport> segment_file(const std::filesystem::path& path) {
  static const SectionRules rules(RuleBook::load());
  Report report;
  std::optional<Document> doc =
      load_document(InputItem{InputItem::Kind::raw_file, path.string(), 0, test::read_bytes(path)}, StageOptions{}, report);
  REQUIRE(doc);
  return segment_sections(*doc, rules);
}

std::vector<Node> nodes_of(const std::vector<SegmentedReport>& reports) {
  std::vector<Node> nodes;
  for (const SegmentedReport& r : reports)
    for (const Section& s : r.sections) {
      if (s.level == 0) nodes.push_back({"report", r.index, 0, s.line, "-", r.title.value_or("")});
      else nodes.push_back({"heading", r.index, s.level, s.line, s.number.value_or("-"), *s.heading});
    }
  return nodes;
}

struct Score {
  std::size_t matched = 0, predicted = 0, gold = 0;
  double precision() const { return predicted ? double(matched) / double(predicted) : 1.0; }
  double recall() const { return gold ? double(matched) / double(gold) : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Matches on report, line, number and level, and loosely on the heading text.
Score score(const std::vector<Node>& gold, const std::vector<Node>& predicted, std::string& misses) {
  Score s{0, predicted.size(), gold.size()};
  std::vector<bool> used(predicted.size(), false);
  for (const Node& g : gold) {
    bool found = false;
    for (std::size_t k = 0; k < predicted.size() && !found; ++k) {
      const Node& p = predicted[k];
      if (used[k] || p.kind != g.kind || p.report != g.report || p.line != g.line || p.level != g.level ||
          p.number != g.number || !loosely_equal(p.heading, g.heading))
        continue;
      used[k] = found = true;
    }
    if (found) ++s.matched;
    else misses += "  missed: " + g.kind + " r" + std::to_string(g.report) + " L" + std::to_string(g.level) + " line " +
                   std::to_string(g.line) + " " + g.number + " " + g.heading + "\n";
  }
  for (std::size_t k = 0; k < predicted.size(); ++k)
    if (!used[k])
      misses += "  extra: " + predicted[k].kind + " r" + std::to_string(predicted[k].report) + " L" +
                std::to_string(predicted[k].level) + " line " + std::to_string(predicted[k].line) + " " +
                predicted[k].number + " " + predicted[k].heading + "\n";
  return s;
}

std::size_t report_count(const std::vector<Node>& nodes) {
  return static_cast<std::size_t>(std::count_if(nodes.begin(), nodes.end(), [](const Node& n) { return n.kind == "report"; }));
}

}  // namespace

TEST_CASE("segment-sections finds the hand-annotated heading trees of the samples", "[sections][eval]") {
  // 002 is the messiest sample: a document viewer's chunks, every line
  // prefixed by a page number, headings run inline across them.
  const std::string messiest = "002_e6a98484fe32e77c.txt";
  for (const std::string name : test::kSamples) {
    const std::string gold_name = name.substr(0, name.size() - 4) + ".tsv";
    const std::vector<Node> gold = read_gold(test::source_dir() / "tests" / "gold" / "sections" / gold_name);
    const std::vector<Node> predicted = nodes_of(segment_file(test::sample(name)));
    std::string misses;
    const Score s = score(gold, predicted, misses);
    char figures[200];
    std::snprintf(figures, sizeof figures, "%s: precision %.3f recall %.3f F1 %.3f (%zu/%zu gold, %zu predicted); reports %zu (gold %zu)",
                  name.c_str(), s.precision(), s.recall(), s.f1(), s.matched, s.gold, s.predicted,
                  report_count(predicted), report_count(gold));
    WARN(figures << (misses.empty() ? "" : "\n") << misses);
    CHECK(report_count(predicted) == report_count(gold));
    CHECK(s.f1() >= (name == messiest ? 0.9 : 0.98));
  }
}

// Heading trees of real government work reports
// (tests/gold/genre/sections/README.md): headings only, each file one report.
// tune/ was read while the heading rules were built; held/ was not, and its
// F1 over all headings is the accuracy the README reports.
TEST_CASE("segment-sections on real government work reports", "[sections][eval]") {
  namespace fs = std::filesystem;
  for (const std::string part : {"tune", "held"}) {
    std::vector<fs::path> golds;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests" / "gold" / "genre" / "sections" / part))
      if (entry.path().extension() == ".tsv") golds.push_back(entry.path());
    std::sort(golds.begin(), golds.end());
    Score all;
    for (const fs::path& gold_file : golds) {
      fs::path text = gold_file;
      std::vector<Node> predicted;
      for (Node& n : nodes_of(segment_file(text.replace_extension(".txt"))))
        if (n.kind == "heading") predicted.push_back(std::move(n));
      std::string misses;
      const Score s = score(read_gold(gold_file), predicted, misses);
      all.matched += s.matched;
      all.predicted += s.predicted;
      all.gold += s.gold;
      char figures[200];
      std::snprintf(figures, sizeof figures, "%s/%s: precision %.3f recall %.3f F1 %.3f (%zu/%zu gold, %zu predicted)",
                    part.c_str(), gold_file.stem().c_str(), s.precision(), s.recall(), s.f1(), s.matched, s.gold,
                    s.predicted);
      // Held-back trees are measured, never read: their misses stay unprinted.
      WARN(figures << (part == "tune" && !misses.empty() ? "\n" + misses : ""));
    }
    char figures[200];
    std::snprintf(figures, sizeof figures, "genre headings %s: precision %.3f recall %.3f F1 %.3f (%zu/%zu gold, %zu predicted)",
                  part.c_str(), all.precision(), all.recall(), all.f1(), all.matched, all.gold, all.predicted);
    WARN(figures);
    // Measured 0.872 on the 23 held/ trees (0.834 on the second round's 19);
    // issue #11 asks for 0.95, not met. The floor keeps what was reached
    // from sliding back.
    if (part == "held") CHECK(all.f1() >= 0.87);
    if (part == "tune") CHECK(all.f1() >= 0.98);
  }
}
