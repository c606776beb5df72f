#include "zhmine/figures.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "zhmine/numerals.hpp"
#include "zhmine/punctuation.hpp"
#include "zhmine/utf8.hpp"

namespace zhmine {

namespace {

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True when `line` ends at `at` or goes on with a pause: punctuation or a space.
bool ends_clause(std::string_view line, std::size_t at) {
  return at >= line.size() || marks(MarkClass::placeholder_pause).contains(utf8::decode(line, at).code_point);
}

// The numeral with the spaces a writer put inside it dropped ("36 万" → "36万").
std::string compact(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

struct Reading {
  Decimal value;
  Qualifier approx = Qualifier::exact;
};

std::optional<Reading> read_number(std::string_view text) {
  const std::string number = compact(text);
  if (std::optional<Decimal> exact = parse_numeral(number)) return Reading{*exact};
  // parse_numeral() wants a digit before a bare magnitude; reports write
  // 百人以上 and 逾千人 for 一百, 一千.
  if (std::optional<Decimal> magnitude = parse_numeral("一" + number)) return Reading{*magnitude};
  if (std::optional<VagueNumber> vague = parse_vague(number)) return Reading{vague->value, qualifier_of(vague->approx)};
  return std::nullopt;
}

std::optional<Decimal> times(const std::optional<Decimal>& value, const std::optional<Decimal>& factor) {
  if (!value || !factor) return value;
  return factor->is_integer() ? value->times(factor->digits()) : std::nullopt;
}

bool overlaps(const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t begin, std::size_t end) {
  return std::any_of(spans.begin(), spans.end(), [&](const auto& s) { return s.first < end && begin < s.second; });
}

}  // namespace

FigureExtractor::FigureExtractor(const RuleBook& book) : rules_(book), labeler_(book) {}

std::vector<Figure> FigureExtractor::extract(std::string_view text) const {
  std::vector<Figure> figures;
  Scratch scratch;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    extract_line(text, begin, end, figures, scratch);
    begin = end + 1;
  }
  return figures;
}

void FigureExtractor::extract_line(std::string_view text, std::size_t line_begin, std::size_t line_end,
                                   std::vector<Figure>& out, Scratch& scratch) const {
  const std::string_view line = text.substr(line_begin, line_end - line_begin);
  if (!rules_.may_hold_figure(line)) return;
  bool traps_found = false, sentences_found = false;  // found when first needed
  std::size_t floor = 0;  // end of the previous figure: labels do not reach back past it
  FigureMatch m;
  for (std::size_t pos = 0; pos < line.size() && rules_.next(line, pos, m); pos = std::max(m.end, m.begin + 1)) {
    // A number glued to Latin letters or digits is part of a name or code
    // (iso9000, 331574.html), and so is a Latin unit glued to more letters.
    if (m.begin > 0 && (ascii_alnum(line[m.begin - 1]) || line[m.begin - 1] == '.')) continue;
    if (m.end < line.size() && ascii_alnum(line[m.end]) && ascii_alnum(line[m.end - 1])) continue;
    if (!traps_found) {
      rules_.traps(line, scratch.traps);
      traps_found = true;
    }
    if (overlaps(scratch.traps, m.begin, m.end)) continue;
    // A blank where a number should be (新签集体合同 份,) is a figure only
    // between words and a pause: at the start of a line it is indentation,
    // before more words a stray space (工作 人员).
    if (m.placeholder && m.number.find_first_not_of(" \t") == std::string_view::npos &&
        (m.begin == 0 || line[m.begin - 1] == ' ' || line[m.begin - 1] == '\t' || !ends_clause(line, m.end)))
      continue;

    Figure f;
    f.unit = m.unit->unit;
    f.kind = m.unit->kind;
    f.placeholder = m.placeholder;
    Qualifier vague = Qualifier::exact;
    if (m.percent_words) {
      f.value = parse_percent(compact(m.number));
      if (!f.value) continue;
    } else if (!m.placeholder) {
      // A numeral the rules match but no Decimal holds (999999999999999999999亿)
      // is still a figure, of unknown value: dropping it would lose it silently.
      const std::optional<Reading> number = read_number(m.number);
      if (number) {
        f.value = times(number->value, m.factor);
        vague = number->approx;
      }
      if (number && !m.max.empty()) {
        const std::optional<Reading> max = read_number(m.max);
        if (!max) continue;
        f.max = times(max->value, m.factor);
        if (const std::optional<Decimal> shared = rules_.shared_factor(m.number, m.max))
          f.value = times(f.value, shared);
        // A "range" that falls is a list or a date (3、2), not a range.
        if (!f.value || !f.max || *f.max <= *f.value) continue;
      }
      f.out_of_range = !f.value;
    }
    // The qualifier before the number speaks first, then the one after the
    // unit, then the one in the middle, then what a vague numeral says.
    for (Qualifier q : {m.before, m.after, m.mid, vague})
      if (f.approx == Qualifier::exact) f.approx = q;

    f.begin = line_begin + m.begin;
    f.end = line_begin + m.end;
    // A label is a phrase: it never reaches back further than a sentence's window.
    std::size_t label_floor = std::max(floor, m.begin > kMaxSentenceBytes / 2 ? m.begin - kMaxSentenceBytes / 2 : 0);
    while (label_floor < m.begin && (static_cast<unsigned char>(line[label_floor]) & 0xC0) == 0x80) ++label_floor;
    f.label = labeler_.label(line, label_floor, m.begin, m.end, m.unit->label_after);
    if (!sentences_found) {
      sentence_ends(line, scratch.sentence_ends);
      sentences_found = true;
    }
    const std::string_view sentence = sentence_around(line, scratch.sentence_ends, m.begin, m.end);
    f.sentence_begin = static_cast<std::size_t>(sentence.data() - text.data());
    f.sentence_end = f.sentence_begin + sentence.size();
    floor = m.end;
    out.push_back(std::move(f));
  }
}

std::string describe_figure(const Figure& figure) {
  std::string out = figure.value ? figure.value->to_string() : "null";
  out += " " + figure.unit;
  if (figure.approx != Qualifier::exact) out += " " + std::string(qualifier_name(figure.approx));
  if (figure.max) out += " max " + figure.max->to_string();
  return out;
}

namespace {

std::string collapse_spaces(std::string_view text) {
  std::istringstream words{std::string(text)};
  std::string word, out;
  while (words >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

// Extractors compiled for examples, by the files of the book they were
// compiled from. Compiling takes milliseconds; a rule set has hundreds of examples.
std::shared_ptr<const FigureExtractor> extractor_for(const std::string& key,
                                                     const std::function<RuleBook()>& load) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const FigureExtractor>> cache;
  const std::lock_guard lock(mutex);
  auto& slot = cache[key];
  if (!slot) slot = std::make_shared<const FigureExtractor>(load());
  return slot;
}

std::string check_with(const std::function<std::shared_ptr<const FigureExtractor>()>& extractor,
                       const RuleExample& example) {
  if (example.expect.empty()) return "";
  std::vector<Figure> found;
  try {
    found = extractor()->extract(example.text);
  } catch (const RuleError& e) {
    return e.what();
  }
  std::vector<std::string> got;
  for (const Figure& f : found) got.push_back(describe_figure(f) + " label " + f.label);
  auto shown = [&] {
    if (got.empty()) return std::string("none");
    std::string s;
    for (const std::string& g : got) s += (s.empty() ? "" : " ; ") + g;
    return s;
  };

  const std::string expect = collapse_spaces(example.expect);
  if (expect == "none") return got.empty() ? "" : "expected no figure, found " + shown();
  std::vector<std::string> wanted;
  for (std::size_t from = 0;;) {
    const std::size_t semi = expect.find(';', from);
    wanted.push_back(collapse_spaces(std::string_view(expect).substr(from, semi - from)));
    if (semi == std::string::npos) break;
    from = semi + 1;
  }
  bool holds = wanted.size() == found.size();
  for (std::size_t i = 0; holds && i < wanted.size(); ++i) {
    const std::size_t at = wanted[i].find(" label ");
    holds = wanted[i].substr(0, at) == describe_figure(found[i]) &&
            (at == std::string::npos || wanted[i].substr(at + 7) == found[i].label);
  }
  return holds ? "" : "expected " + expect + ", found " + shown();
}

}  // namespace

std::string check_figure_example(const RuleBook& book, const Rule&, const RuleExample& example) {
  std::string key;
  for (const RuleFile& file : book.files()) key += file.path + '\n';
  return check_with([&] { return extractor_for(key, [&] { return book; }); }, example);
}

}  // namespace zhmine
