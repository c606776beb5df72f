// Accuracy of extract-figures against the hand-annotated gold figures of
// three sample reports (tests/gold/figures/*.tsv) and the list of traps:
// precision, recall and F1 on (line, value, unit, approx), and every trap
// that came out as a figure. Units compare as written: the gold keeps the
// measure word (名, 人次) and so does the record's "unit".
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "zhmine/figures.hpp"
#include "zhmine/normalizer.hpp"
#include "zhmine/stage.hpp"

namespace {

namespace fs = std::filesystem;
using namespace zhmine;

const fs::path kRoot = ZHMINE_SOURCE_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::vector<std::string>> read_tsv(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    for (std::size_t from = 0;;) {
      const std::size_t tab = line.find('\t', from);
      cells.push_back(line.substr(from, tab - from));
      if (tab == std::string::npos) break;
      from = tab + 1;
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

// A sample as extract-figures sees it: decoded and normalized.
Document load_sample(const std::string& name) {
  const fs::path path = kRoot / "data" / "samples" / name;
  Report report;
  std::optional<Document> doc =
      load_document(InputItem{InputItem::Kind::raw_file, path.string(), 0, read_file(path)}, StageOptions{}, report);
  REQUIRE(doc);
  return std::move(*doc);
}

struct Located {
  std::size_t line;
  Figure figure;
};

std::vector<Located> figures_of(const FigureExtractor& extractor, const Document& doc) {
  const SourceMap map = doc.source_map();
  std::vector<Located> out;
  for (Figure& f : extractor.extract(doc.text)) out.push_back({map.locate(doc.text, f.begin).line, std::move(f)});
  return out;
}

std::string key(std::size_t line, const std::string& value, const std::string& unit, const std::string& approx) {
  return std::to_string(line) + " " + value + " " + unit + " " + (approx.empty() ? "-" : approx);
}

}  // namespace

TEST_CASE("extract-figures against the gold figures and traps", "[figures][eval]") {
  const FigureExtractor extractor(RuleBook::load());
  std::size_t all_gold = 0, all_found = 0, all_right = 0;
  for (const auto& entry : fs::directory_iterator(kRoot / "tests" / "gold" / "figures")) {
    const std::string name = entry.path().filename().string();
    if (name == "traps.tsv") continue;
    const std::string sample = entry.path().stem().string() + ".txt";
    std::map<std::string, int> gold;
    for (const auto& row : read_tsv(entry.path())) {
      REQUIRE(row.size() >= 5);
      const std::string value = row[2] == "null" ? "null" : Decimal::parse(row[2])->to_string();
      ++gold[key(std::stoul(row[0]), value, row[3], row[4] == "-" ? "" : row[4])];
    }
    std::map<std::string, int> found;
    const Document doc = load_sample(sample);
    for (const Located& l : figures_of(extractor, doc))
      ++found[key(l.line, l.figure.value ? l.figure.value->to_string() : "null", l.figure.unit,
                  std::string(qualifier_name(l.figure.approx)))];
    std::size_t n_gold = 0, n_found = 0, right = 0;
    for (const auto& [k, n] : gold) {
      n_gold += n;
      const int got = found.count(k) ? found[k] : 0;
      right += std::min(n, got);
      if (got < n) std::cout << "  missed  " << sample << ": " << k << " ×" << n - got << '\n';
    }
    for (const auto& [k, n] : found) {
      n_found += n;
      const int want = gold.count(k) ? gold[k] : 0;
      if (n > want) std::cout << "  extra   " << sample << ": " << k << " ×" << n - want << '\n';
    }
    const double p = n_found ? double(right) / double(n_found) : 1, r = n_gold ? double(right) / double(n_gold) : 1;
    std::cout << "figures " << sample << ": precision " << p << " recall " << r << " F1 " << 2 * p * r / (p + r)
              << " (" << right << " right of " << n_found << " found, " << n_gold << " in gold)\n";
    all_gold += n_gold;
    all_found += n_found;
    all_right += right;
  }
  const double p = double(all_right) / double(all_found), r = double(all_right) / double(all_gold);
  const double f1 = 2 * p * r / (p + r);
  std::cout << "figures overall: precision " << p << " recall " << r << " F1 " << f1 << '\n';

  // A trap is reported when a figure on its line overlaps its text.
  const Normalizer& fold = normalizer_for(TargetScript::simplified);
  std::map<std::string, Document> docs;
  std::map<std::string, std::vector<Located>> figures;
  std::size_t traps = 0, reported = 0;
  for (const auto& row : read_tsv(kRoot / "tests" / "gold" / "figures" / "traps.tsv")) {
    REQUIRE(row.size() == 3);
    if (!docs.count(row[0])) {
      docs.emplace(row[0], load_sample(row[0]));
      figures[row[0]] = figures_of(extractor, docs.at(row[0]));
    }
    const Document& doc = docs.at(row[0]);
    const std::size_t line = std::stoul(row[1]);
    const std::string text = fold.normalize(row[2]).text;
    // The trap's text on its line, as byte offsets of the document.
    std::size_t line_begin = 0;
    for (std::size_t k = 1; k < line; ++k) line_begin = doc.text.find('\n', line_begin) + 1;
    const std::size_t line_end = std::min(doc.text.find('\n', line_begin), doc.text.size());
    const std::size_t at = std::string_view(doc.text).substr(line_begin, line_end - line_begin).find(text);
    INFO(row[0] << ":" << line << ": " << text);
    REQUIRE(at != std::string_view::npos);
    ++traps;
    for (const Located& l : figures[row[0]]) {
      const std::size_t b = line_begin + at, e = b + text.size();
      if (l.line == line && l.figure.begin < e && b < l.figure.end) {
        ++reported;
        std::cout << "  trap reported: " << row[0] << ":" << line << ": " << text << " as "
                  << describe_figure(l.figure) << '\n';
      }
    }
  }
  std::cout << "traps: " << reported << " of " << traps << " reported\n";
  CHECK(f1 >= 0.97);
  CHECK(reported == 0);
}
