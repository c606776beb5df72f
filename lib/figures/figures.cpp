#include "zhmine/figures/figures.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "zhmine/figures/numerals.hpp"
#include "zhmine/text/punctuation.hpp"
#include "zhmine/text/utf8.hpp"

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
  Reading(Decimal v, Qualifier q = Qualifier::exact, std::optional<Decimal> m = std::nullopt)
      : value(v), approx(q), max(m) {}
  Decimal value;
  Qualifier approx;
  std::optional<Decimal> max;  // two neighbouring digits: 两三家
};

std::optional<Reading> read_number(std::string_view text) {
  const std::string number = compact(text);
  if (std::optional<Decimal> exact = parse_numeral(number)) return Reading{*exact};
  if (std::optional<NumeralRange> range = parse_adjacent_range(number))
    return Reading{range->low, Qualifier::exact, range->high};
  // parse_numeral() wants a digit before a bare magnitude; reports write
  // 百人以上 and 逾千人 for 一百, 一千.
  for (std::string_view magnitude : {"十", "百", "千", "万", "亿"})
    if (number.rfind(magnitude, 0) == 0) {
      if (std::optional<Decimal> value = parse_numeral("一" + number)) return Reading{*value};
      break;
    }
  if (std::optional<VagueNumber> vague = parse_vague(number)) return Reading{vague->value, qualifier_of(vague->approx)};
  return std::nullopt;
}

// What joins the ends of a range written in words (百分之四到五).
constexpr std::string_view kWordRangeJoins[] = {"到", "至", "~", "-", "—", "–"};

// A figure written as one word: 百分之八十 (80), 百分之四到五 (4, max 5),
// 三分之一 (0.333…), 一半 (0.5), 翻两番 (4).
std::optional<Reading> read_word(WordReading reading, std::string_view text) {
  switch (reading) {
    case WordReading::percent: {
      for (std::string_view join : kWordRangeJoins) {
        const std::size_t at = text.find(join);
        if (at == std::string_view::npos) continue;
        std::string high(text.substr(at + join.size()));
        if (high.rfind("百分之", 0) != 0) high = "百分之" + high;
        const std::optional<Decimal> low = parse_percent(text.substr(0, at)), top = parse_percent(high);
        if (!low || !top || *top <= *low) return std::nullopt;
        return Reading{*low, Qualifier::exact, *top};
      }
      const std::optional<Decimal> value = parse_percent(text);
      if (!value) return std::nullopt;
      return Reading{*value};
    }
    case WordReading::fraction: {
      if (text == "一半" || text == "半数") return Reading{*Decimal::from_parts(5, 1)};
      const std::optional<Decimal> value = parse_fraction(text);
      if (!value) return std::nullopt;
      return Reading{*value};
    }
    case WordReading::doubling: {
      // 翻[了]N番: the value doubles N times.
      std::string count(text);
      for (std::string_view word : {"翻", "了", "番"})
        for (std::size_t at; (at = count.find(word)) != std::string::npos;) count.erase(at, word.size());
      const std::optional<Decimal> n = parse_numeral(count);
      if (!n || !n->is_integer() || n->digits() < 1 || n->digits() > 30) return std::nullopt;
      return Reading{Decimal(std::int64_t{1} << n->digits())};
    }
  }
  return std::nullopt;
}

// The smaller units after a figure's unit that add to its amount (五元三毛,
// 50元6角3分, 两美元又三美分): the figure's new end, `value` updated.
std::size_t read_parts(std::string_view line, std::size_t at, const UnitInfo& unit, Decimal& value) {
  auto is_digit = [](char32_t c) {
    static constexpr std::u32string_view kDigits = U"0123456789零〇一二两三四五六七八九十";
    return kDigits.find(c) != std::u32string_view::npos;
  };
  for (std::size_t end = at;;) {
    std::size_t i = end;
    if (line.substr(i).rfind("又", 0) == 0) i += std::string_view("又").size();
    const std::size_t digits = i;
    while (i < line.size() && is_digit(utf8::decode(line, i).code_point)) i += utf8::decode(line, i).length;
    if (i == digits) return end;
    bool found = false;
    for (const auto& [name, factor] : unit.parts) {
      if (line.substr(i).rfind(name, 0) != 0) continue;
      const std::optional<Decimal> n = parse_numeral(line.substr(digits, i - digits));
      const std::optional<Decimal> amount = n ? n->times(factor.digits()) : std::nullopt;
      const std::optional<Decimal> part = amount ? amount->scaled(-factor.scale()) : std::nullopt;
      const std::optional<Decimal> sum = part ? value.plus(*part) : std::nullopt;
      if (!sum) return end;
      value = *sum;
      end = i + name.size();
      found = true;
      break;
    }
    if (!found) return end;
  }
}

std::optional<Decimal> times(const std::optional<Decimal>& value, const std::optional<Decimal>& factor) {
  if (!value || !factor) return value;
  return factor->is_integer() ? value->times(factor->digits()) : std::nullopt;
}

// 百分之三十九点七到一九五七年: what follows 到 is a year, not the top of a
// range; the figure ends before 到.
void cut_before_year(std::string_view line, FigureMatch& m) {
  const std::size_t number_end = static_cast<std::size_t>(m.number.data() - line.data()) + m.number.size();
  if (line.substr(number_end).rfind("年", 0) != 0) return;
  for (std::string_view join : kWordRangeJoins)
    if (const std::size_t at = m.number.find(join); at != std::string_view::npos) {
      m.number = m.number.substr(0, at);
      m.end = static_cast<std::size_t>(m.number.data() - line.data()) + at;
      m.after = Qualifier::exact;
      return;
    }
}

// 条约187个: a qualifier before the number that ends the word before it
// (约 after 条) is no qualifier; the figure starts after it.
void drop_word_qualifier(std::string_view line, FigureMatch& m) {
  if (m.before_text.empty() || m.before_not_after.empty() || m.begin == 0) return;
  std::size_t prev = m.begin - 1;
  while (prev > 0 && (static_cast<unsigned char>(line[prev]) & 0xC0) == 0x80) --prev;
  if (m.before_not_after.find(line.substr(prev, m.begin - prev)) == std::string_view::npos) return;
  m.begin += m.before_text.size();
  while (m.begin < m.end && (line[m.begin] == ' ' || line[m.begin] == '\t')) ++m.begin;
  m.before = Qualifier::exact;
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
    if (m.word == WordReading::percent) cut_before_year(line, m);
    drop_word_qualifier(line, m);
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

    // A placeholder before a noun counted without a measure word is a
    // redacted name (XX县, X市), not a withheld count.
    if (m.placeholder && m.unit->label == LabelPlace::unit) continue;

    Figure f;
    f.unit = m.unit->unit;
    f.kind = m.unit->kind;
    f.currency = m.unit->currency;
    f.placeholder = m.placeholder;
    std::size_t end = m.end;
    Qualifier vague = Qualifier::exact;
    if (m.word) {
      const std::optional<Reading> word = read_word(*m.word, compact(m.number));
      if (!word) continue;
      f.value = word->value;
      f.max = word->max;
    } else if (!m.placeholder) {
      const std::optional<Reading> number = read_number(m.number);
      // What the rules took for a numeral but no reading holds is no
      // figure, unless it is a numeral too large for a Decimal: that one is
      // kept, of unknown value, not lost silently.
      if (!number && !numeral_too_large(compact(m.number))) continue;
      // 六亿三千多万: the multiplier after 多 scales the last section only.
      const std::optional<Decimal> whole =
          number && m.factor ? parse_numeral(compact(m.number) + compact(m.multiplier)) : std::nullopt;
      if (number) {
        f.value = whole ? whole : times(number->value, m.factor);
        if (number->max) f.max = times(number->max, m.factor);
        vague = number->approx;
      }
      if (number && !m.max.empty()) {
        const std::optional<Reading> max = read_number(m.max);
        if (!max || number->max) continue;
        f.max = times(max->value, m.factor);
        if (const std::optional<Decimal> shared = rules_.shared_factor(m.number, m.max))
          f.value = times(f.value, shared);
        // A "range" that falls is a list or a date (3、2), not a range.
        if (!f.value || !f.max || *f.max <= *f.value) continue;
      }
      f.out_of_range = !f.value;
      // 五元三毛, 一吨半: smaller units and a half read into the amount.
      if (f.value && !f.max && m.after == Qualifier::exact) {
        end = read_parts(line, m.end, *m.unit, *f.value);
        if (end == m.end && m.unit->label != LabelPlace::after && !m.factor && f.value->is_integer() &&
            line.substr(m.end).rfind("半", 0) == 0) {
          if (const std::optional<Decimal> half = f.value->plus(*Decimal::from_parts(5, 1))) {
            f.value = half;
            end = m.end + std::string_view("半").size();
          }
        }
      }
    }
    // The qualifier before the number speaks first, then the one after the
    // unit, then the one in the middle, then what a vague numeral says.
    for (Qualifier q : {m.before, m.after, m.mid, vague})
      if (f.approx == Qualifier::exact) f.approx = q;

    f.begin = line_begin + m.begin;
    f.end = line_begin + end;
    // A label is a phrase: it never reaches back further than a sentence's window.
    std::size_t label_floor = std::max(floor, m.begin > kMaxSentenceBytes / 2 ? m.begin - kMaxSentenceBytes / 2 : 0);
    while (label_floor < m.begin && (static_cast<unsigned char>(line[label_floor]) & 0xC0) == 0x80) ++label_floor;
    f.label = m.unit->label == LabelPlace::unit
                  ? std::string(m.unit_text)
                  : labeler_.label(line, label_floor, m.begin, end, m.unit->label == LabelPlace::after);
    if (!sentences_found) {
      sentence_ends(line, scratch.sentence_ends);
      sentences_found = true;
    }
    const std::string_view sentence = sentence_around(line, scratch.sentence_ends, m.begin, end);
    f.sentence_begin = static_cast<std::size_t>(sentence.data() - text.data());
    f.sentence_end = f.sentence_begin + sentence.size();
    floor = m.end = end;  // the scan goes on after what was read into the figure
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
