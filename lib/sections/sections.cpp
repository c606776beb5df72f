#include "zhmine/sections/sections.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "zhmine/io/json_line.hpp"
#include "zhmine/sections/section_tree.hpp"
#include "zhmine/text/byte_scan.hpp"
#include "zhmine/text/punctuation.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

// Signature and date close a report within its last few lines.
constexpr std::size_t kClosingLines = 3;
constexpr std::string_view kFullStop = "。";

// A place in a report's repaired lines.
struct Cursor {
  std::size_t line;
  std::size_t offset;
};

// A section's text, gathered from slices of repaired lines, with its source map.
class TextBuilder {
 public:
  void append(const RepairedLine& line, std::size_t from, std::size_t to) {
    while (from < to && line.text[from] == ' ') ++from;
    while (to > from && line.text[to - 1] == ' ') --to;
    if (from >= to) return;
    if (!text_.empty()) text_ += '\n';
    const SourcePosition at = line.position(from);
    map_.add({text_.size(), at.line, at.column});
    for (const auto& p : line.pieces)
      if (p.offset > from && p.offset < to) map_.add({text_.size() + p.offset - from, p.line, p.column});
    text_.append(line.text, from, to - from);
    last_line_ = line.source_line(to - 1);
  }
  // Appends what lies between two places.
  void append_between(const std::vector<RepairedLine>& lines, Cursor from, Cursor to) {
    std::size_t bytes = 0;
    for (std::size_t l = from.line; l <= to.line && l < lines.size(); ++l)
      bytes += (l == to.line ? to.offset : lines[l].text.size()) + 1;
    text_.reserve(text_.size() + bytes);
    for (std::size_t l = from.line; l <= to.line && l < lines.size(); ++l)
      append(lines[l], l == from.line ? from.offset : 0, l == to.line ? to.offset : lines[l].text.size());
  }
  void finish(Section& section) {
    section.text = std::move(text_);
    section.origin = std::move(map_);
    section.end_line = section.text.empty() ? section.line : last_line_;
  }

 private:
  std::string text_;
  SourceMap map_;
  std::size_t last_line_ = 0;
};

struct Mark {
  Cursor start;  // where the enumerator stands
  Cursor body;   // where the section's body begins
  Section section;
};

// Whether `line` is body text: it holds a sentence, or it is a salutation
// (各位代表：, 各位代表！). The header block (title, date, venue, speaker) has none.
bool starts_body(std::string_view line) {
  return line.find(kFullStop) != std::string_view::npos || ends_with_mark(line, MarkClass::body_line_end);
}

// Whether `line` ends with a mark that announces what follows: ： or ，.
bool announces(std::string_view line) { return ends_with_mark(line, MarkClass::announce); }

// Whether `text` holds, right after a 。, an enumerator of `style` numbered `value`.
bool holds_after_stop(std::string_view text, const HeadingStyles& styles, std::size_t style, int value) {
  for (std::size_t pos = text.find(kFullStop); pos != std::string_view::npos; pos = text.find(kFullStop, pos)) {
    pos += kFullStop.size();
    const std::optional<Enumerator> e = styles.match(text.substr(pos));
    if (e && e->style == style && e->value == value) return true;
  }
  return false;
}

// The lines of `span` whose enumerator starts a point of a list, not a
// section:
// - a run of two or more, 1, 2, … of one style, announced by the line
//   before the first (下列几项主要要求：, 这是因为，), each item one paragraph
//   followed straight by the next (an enumerator alone on its line takes the
//   line after it too), and the style not going on after it with the next
//   number (（一）（二） then a paragraph, then （三）: sections). Sections have
//   bodies; points are their own body;
// - a point that goes on with a list begun inside the paragraph before
//   (…。第一，…。第二，…。第三，… then 第四，… opening a paragraph), of a
//   style that heads no section inside a line.
std::vector<bool> list_points(const std::vector<RepairedLine>& lines, const ReportSpan& span,
                              const HeadingStyles& styles) {
  std::vector<bool> points(span.end - span.begin, false);
  auto item_lines = [&](std::size_t i) {  // the lines item i takes
    const HeadingSpan hs = heading_span(lines[i].text, 0, *lines[i].lead);
    return hs.text_begin >= lines[i].text.size() && i + 1 < span.end && !lines[i + 1].lead ? 2 : 1;
  };
  auto goes_on = [&](std::size_t last) {  // the next line-start enumerator of the style numbers on
    const Enumerator& e = *lines[last].lead;
    for (std::size_t k = last + 1; k < span.end; ++k)
      if (lines[k].lead && lines[k].lead->style == e.style) return lines[k].lead->value == e.value + 1;
    return false;
  };
  for (std::size_t i = span.begin + 1; i < span.end; ++i) {
    const std::optional<Enumerator>& first = lines[i].lead;
    if (!first) continue;
    // Only for a style that heads no section inside a line (第一，): one that
    // does (二、) took the number before as a heading, and goes on with this one.
    if (first->value > 1 && !styles.inline_ok(first->style) &&
        holds_after_stop(lines[i - 1].text, styles, first->style, first->value - 1)) {
      points[i - span.begin] = true;
      continue;
    }
    if (first->value != 1 || lines[i - 1].lead || !announces(lines[i - 1].text)) continue;
    std::vector<std::size_t> run{i};
    for (std::size_t k = i + item_lines(i); k < span.end; k += item_lines(k)) {
      const std::optional<Enumerator>& e = lines[k].lead;
      if (!e || e->style != first->style || e->value != lines[run.back()].lead->value + 1) break;
      run.push_back(k);
    }
    if (run.size() < 2 || goes_on(run.back())) continue;
    for (std::size_t k : run) points[k - span.begin] = true;
    i = run.back();
  }
  return points;
}

// The key the tree knows each line-start heading's style by. A style whose
// numbering restarts under one of its own headings and then goes on where it
// left off (二、 → 一、…五、 → 三、, or with more restarted runs between) has a
// level of its own for the restarted runs; a restart that does not go back
// (一、…六、, then next year's 一、…四、) stays at its level. Keys past
// kNestedStyle mark those runs.
constexpr std::size_t kNestedStyle = std::size_t{1} << 20;

std::vector<std::size_t> style_keys(const std::vector<RepairedLine>& lines, const ReportSpan& span,
                                    const std::vector<bool>& points) {
  std::vector<std::size_t> keys(span.end - span.begin, 0);
  std::vector<std::size_t> heads;  // lines with a heading enumerator at their start
  for (std::size_t i = span.begin; i < span.end; ++i) {
    if (lines[i].lead && !points[i - span.begin]) {
      keys[i - span.begin] = lines[i].lead->style;
      heads.push_back(i);
    }
  }
  for (std::size_t h = 1; h < heads.size(); ++h) {
    const Enumerator& e = *lines[heads[h]].lead;
    if (e.value != 1) continue;
    // The last heading of this style before the restart, and whether the
    // restarted run 1, 2, … is followed by that one's next number.
    std::optional<int> before;
    for (std::size_t k = h; k-- > 0 && !before;)
      if (lines[heads[k]].lead->style == e.style) before = lines[heads[k]].lead->value;
    if (!before) continue;
    // Runs may follow one another (一、…五、 under one heading, 一、…五、
    // under a later one) before the style goes on.
    int run = 1;
    std::size_t end = h + 1;
    for (; end < heads.size(); ++end) {
      const Enumerator& f = *lines[heads[end]].lead;
      if (f.style != e.style) continue;
      if (f.value == run + 1) ++run;
      else if (f.value == 1) run = 1;
      else break;
    }
    if (end == heads.size() || lines[heads[end]].lead->value != *before + 1) continue;
    for (std::size_t k = h; k < end; ++k)
      if (lines[heads[k]].lead->style == e.style) keys[heads[k] - span.begin] += kNestedStyle;
    h = end - 1;
  }
  return keys;
}

// The headings of one report, in text order: enumerators at line starts;
// inside lines (after a space or a 。) those that continue the tree; and
// unnumbered part titles standing alone, where the layout says so.
std::vector<Mark> find_headings(const std::vector<RepairedLine>& lines, const ReportSpan& span,
                                const SectionRules& rules) {
  std::vector<Mark> marks;
  SectionTree tree;
  const std::vector<bool> points = list_points(lines, span, rules.headings);
  const std::vector<std::size_t> keys = style_keys(lines, span, points);
  // The key each style goes by while a restarted run of it is open: inline
  // enumerators of the style continue that run.
  std::map<std::size_t, std::size_t> nested;
  bool in_body = false;    // the header block is over: titles may come
  std::size_t resume = 0;  // where the scan of a line starts when the heading before took its start
  auto place = [&](std::size_t i, std::size_t at, std::optional<std::string> number, std::string heading,
                   SectionTree::Placement placed, Cursor body) {
    Section s;
    s.id = std::move(placed.id);
    s.level = placed.level;
    s.number = std::move(number);
    s.heading = std::move(heading);
    s.path = std::move(placed.path);
    s.line = lines[i].source_line(at);
    marks.push_back({{i, at}, body, std::move(s)});
  };
  // An unnumbered title on line i: a title rule matches the whole line, the
  // header block is over, the line before ends its sentence (a title never
  // cuts a paragraph in two), body text follows, it is no point (一是…), and
  // for rules that ask, the line stands between blank lines.
  auto part_title = [&](std::size_t i) -> std::optional<PartTitle> {
    if (!in_body || i + 1 >= span.end || lines[i].lead) return std::nullopt;
    const std::optional<PartTitle> title = rules.titles.match(lines[i].text);
    // A point standing alone (一是持续深化…) is no title, and what follows a
    // title is body: a sentence, or the title's first numbered heading (a
    // signature is followed by a date, neither).
    if (!title || rules.items.match(lines[i].text)) return std::nullopt;
    const RepairedLine& after = lines[i + 1];
    if (!after.lead && !starts_body(after.text)) return std::nullopt;
    const RepairedLine& before = lines[i - 1];
    if (!before.lead && ends_mid_sentence(before.text) && (marks.empty() || marks.back().start.line != i - 1))
      return std::nullopt;
    if (title->needs_blanks && !(lines[i].blank_before && lines[i + 1].blank_before)) return std::nullopt;
    return title;
  };
  auto key_of = [&](std::size_t style) {
    const auto it = nested.find(style);
    return it == nested.end() ? style : it->second;
  };
  for (std::size_t i = span.begin; i < span.end; ++i) {
    const std::string_view text = lines[i].text;
    auto take = [&](std::size_t at, const Enumerator& e) {
      const HeadingSpan hs = heading_span(text, at, e);
      std::string heading(text.substr(hs.text_begin, hs.text_end - hs.text_begin));
      Cursor body{i, hs.body};
      // An enumerator alone on its line (第一、) heads the line after it.
      if (at == 0 && heading.empty() && i + 1 < span.end && !lines[i + 1].lead) {
        const std::string_view next = lines[i + 1].text;
        const HeadingSpan ns = heading_span(next, 0, Enumerator{e.style, 0, e.value});
        heading = std::string(next.substr(ns.text_begin, ns.text_end - ns.text_begin));
        body = {i + 1, ns.body};
      }
      const std::size_t key = at == 0 ? keys[i - span.begin] : key_of(e.style);
      if (at == 0 && key >= kNestedStyle) nested[e.style] = key;
      else if (at == 0) nested.erase(e.style);
      // A restarted run is announced by the heading right before it: that
      // heading's line (or the line its text took) ends with a mark of class
      // announce (：).
      const bool announced = !marks.empty() && std::max(marks.back().start.line, marks.back().body.line) + 1 == i &&
                             announces(lines[i - 1].text);
      place(i, at, std::string(text.substr(at, e.length)), heading,
            key >= kNestedStyle ? tree.add_restarted(e.style, key, e.value, heading, announced) : tree.add(key, e.value, heading),
            body);
      return body;
    };
    const bool resumed = resume > 0;
    const std::size_t from = span.title_line == i ? span.title_end : resume;
    resume = 0;
    std::size_t pos = from;
    if (from == 0 && !resumed && !points[i - span.begin]) {
      if (lines[i].lead) {
        const Cursor body = take(0, *lines[i].lead);
        if (body.line > i) {  // the heading's text was the next line
          resume = std::max<std::size_t>(body.offset, 1);
          in_body = in_body || starts_body(text);
          continue;
        }
        pos = body.offset;
      } else if (const std::optional<PartTitle> title = part_title(i)) {
        std::string heading(text);
        place(i, 0, std::nullopt, heading, tree.add_title(heading, title->closing), {i, text.size()});
        continue;
      }
    }
    // `pos` is where a heading's body begins: an enumerator may stand right there.
    bool boundary = pos > from || resumed;
    while (pos < text.size()) {
      if (boundary) {
        const std::optional<Enumerator> e = rules.headings.match(text.substr(pos));
        if (e && rules.headings.inline_ok(e->style) && tree.continues(key_of(e->style), e->value)) {
          pos = take(pos, *e).offset;
          continue;
        }
      }
      // The next space or 。 (whose first byte is 0xE3): a possible boundary.
      pos = scan::find_either(text, pos, ' ', 0xE3);
      if (pos == text.size()) break;
      boundary = true;
      if (text[pos] == ' ') ++pos;
      else if (text.compare(pos, kFullStop.size(), kFullStop) == 0) pos += kFullStop.size();
      else {
        ++pos;
        boundary = false;
        continue;
      }
      while (pos < text.size() && text[pos] == ' ') ++pos;
    }
    in_body = in_body || starts_body(text);
  }
  return marks;
}

SegmentedReport segment_report(const std::vector<RepairedLine>& lines, const ReportSpan& span,
                               const SectionRules& rules) {
  SegmentedReport report;
  if (span.title_line) report.title = span.title;
  std::vector<std::string_view> closing;
  for (std::size_t i = span.end; i > span.begin && closing.size() < kClosingLines; --i)
    closing.push_back(lines[i - 1].text);
  report.metadata = rules.metadata.read(span.title, closing);

  std::vector<Mark> marks = find_headings(lines, span, rules);
  const Cursor end{span.end, 0};

  Section preamble;
  preamble.id = "0";
  preamble.line = lines[span.title_line.value_or(span.begin)].source_line(0);
  TextBuilder text;
  const Cursor first{span.begin, span.title_line == span.begin ? span.title_end : 0};
  text.append_between(lines, first, marks.empty() ? end : marks.front().start);
  text.finish(preamble);
  preamble.items = find_items(preamble.text, rules.items);
  report.sections.push_back(std::move(preamble));

  for (std::size_t k = 0; k < marks.size(); ++k) {
    TextBuilder body;
    body.append_between(lines, marks[k].body, k + 1 < marks.size() ? marks[k + 1].start : end);
    body.finish(marks[k].section);
    marks[k].section.items = find_items(marks[k].section.text, rules.items);
    report.sections.push_back(std::move(marks[k].section));
  }
  return report;
}

void append_number(std::string& out, std::size_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// A section's "items" as JSON: each point's offsets in code points of the
// text, like origin's.
void write_items(const Section& s, std::string& out) {
  const std::string_view text = s.text;
  std::size_t chars = 0, at = 0;
  auto chars_to = [&](std::size_t offset) {
    chars += utf8::count_code_points(text.substr(at, offset - at));
    at = offset;
    return chars;
  };
  out = "[";
  for (const SectionItem& item : s.items) {
    if (out.size() > 1) out += ',';
    out += "{\"number\":";
    append_json_string(out, text.substr(item.begin, item.marker_end - item.begin));
    out += ",\"value\":";
    append_number(out, static_cast<std::size_t>(item.value));
    out += ",\"line\":";
    append_number(out, s.origin.line_at(text, item.begin));
    out += ",\"heading\":";
    append_json_string(out, text.substr(item.text_begin, item.heading_end - item.text_begin));
    out += ",\"start\":";
    append_number(out, chars_to(item.text_begin));
    out += ",\"end\":";
    append_number(out, chars_to(item.text_end));
    out += '}';
  }
  out += ']';
}

void field_or_null(JsonLine& json, std::string_view key, const std::optional<std::string>& value) {
  if (value) json.field(key, *value);
  else json.null(key);
}

}  // namespace

SectionRules::SectionRules(const RuleBook& book)
    : headings(book.rules("headings")),
      titles(book.rules("headings")),
      items(book.rules("items")),
      chrome(book.rules("chrome")),
      repair(headings, book.rules("page-debris")),
      reports(book.rules("reports")),
      metadata(book.rules("reports")) {}

std::vector<SegmentedReport> segment_sections(const Document& document, const SectionRules& rules) {
  const std::vector<TextLine> text = text_lines(document);
  std::vector<std::string_view> views;
  std::vector<bool> is_heading;
  // The enumerator of each line, found once: line repair reuses it for the
  // lines it leaves as they are.
  std::vector<std::optional<Enumerator>> leads;
  views.reserve(text.size());
  is_heading.reserve(text.size());
  leads.reserve(text.size());
  for (const TextLine& line : text) {
    views.push_back(line.text);
    leads.push_back(rules.headings.match(line.text));
    is_heading.push_back(leads.back().has_value());
  }
  std::vector<std::size_t> split_after;
  const std::vector<bool> chrome = rules.chrome.classify(views, is_heading, split_after);
  const std::vector<RepairedLine> lines = rules.repair.repair(text, chrome, split_after, &leads);

  std::vector<SegmentedReport> reports;
  for (const ReportSpan& span : rules.reports.split(lines)) {
    reports.push_back(segment_report(lines, span, rules));
    reports.back().index = reports.size();
  }
  return reports;
}

void write_section_records(const Document& document, const std::vector<SegmentedReport>& reports,
                           std::string& out) {
  std::string path, origin, items;
  for (const SegmentedReport& report : reports) {
    for (const Section& s : report.sections) {
      path = "[";
      for (const std::string& h : s.path) {
        if (path.size() > 1) path += ',';
        append_json_string(path, h);
      }
      path += ']';
      // The source map as SourceMap::to_json gives it, written without building JSON values.
      origin = "[";
      std::size_t chars = 0, at = 0;
      for (const auto& p : s.origin.pieces()) {
        chars += utf8::count_code_points(std::string_view(s.text).substr(at, p.offset - at));
        at = p.offset;
        if (origin.size() > 1) origin += ',';
        origin += '[';
        append_number(origin, chars);
        origin += ',';
        append_number(origin, p.line);
        origin += ',';
        append_number(origin, p.column);
        origin += ']';
      }
      origin += ']';
      write_items(s, items);
      out.reserve(out.size() + s.text.size() + path.size() + origin.size() + items.size() + 512);
      JsonLine json(out);
      json.field("type", "section").field("source", document.source).field("doc", document.doc);
      json.field("report", report.index);
      field_or_null(json, "title", report.title);
      field_or_null(json, "organization", report.metadata.organization);
      field_or_null(json, "period", report.metadata.period);
      field_or_null(json, "date", report.metadata.date);
      json.field("id", s.id).field("level", s.level);
      field_or_null(json, "number", s.number);
      field_or_null(json, "heading", s.heading);
      json.raw("path", path).field("line", s.line).field("end_line", s.end_line).field("text", s.text);
      json.raw("items", items).raw("origin", origin).end();
    }
  }
}

}  // namespace zhmine
