#include "zhmine/line_repair.hpp"

#include <algorithm>

#include <re2/re2.h>

#include "zhmine/utf8.hpp"

namespace zhmine {

namespace {

// A line this long that stops mid-sentence was cut by the page, not ended
// by its writer (a heading or title stops without punctuation too, but is
// short). In code points.
constexpr std::size_t kWrappedLine = 30;
// Shorter lines are headings, titles or signatures rather than paragraphs
// when a glued page number is looked for, in code points.
constexpr std::size_t kParagraphLine = 20;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool at_least_code_points(std::string_view text, std::size_t n) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size() && count < n; ++count) i += utf8::decode(text, i).length;
  return count >= n;
}

char32_t last_code_point(std::string_view text, std::size_t& begin) {
  begin = text.size();
  do --begin;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80);
  return utf8::decode(text, begin).code_point;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A line ending in a number continues on the next when that starts with
// what follows numbers in dates and ordinals: a title wrapped as
// "…工作总结及2021" / "年度工作思路". A line starting otherwise is new text
// ("…年度工作总结1" / "xxxxx银行工会在…").
bool continues_number(std::string_view text) {
  static constexpr std::string_view units[] = {"年", "月", "日", "号", "届", "季", "期"};
  return std::any_of(std::begin(units), std::end(units), [&](std::string_view u) { return text.starts_with(u); });
}

// Drops the first `n` bytes of `line` and the spaces after them.
void drop_prefix(RepairedLine& line, std::size_t n) {
  while (n < line.text.size() && line.text[n] == ' ') ++n;
  const SourcePosition at = line.position(n);
  std::vector<SourceMap::Piece> pieces{{0, at.line, at.column}};
  for (const auto& p : line.pieces)
    if (p.offset > n) pieces.push_back({p.offset - n, p.line, p.column});
  line.pieces = std::move(pieces);
  line.text.erase(0, n);
}

void append_line(RepairedLine& to, RepairedLine&& from) {
  const std::size_t shift = to.text.size();
  to.text += from.text;
  for (auto p : from.pieces) {
    p.offset += shift;
    to.pieces.push_back(p);
  }
}

}  // namespace

std::vector<TextLine> text_lines(const Document& document) {
  const std::string_view text = document.text;
  const SourceMap map = document.source_map();
  std::vector<TextLine> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim(text.substr(start, nl - start));
    const std::size_t offset = line.empty() ? start : static_cast<std::size_t>(line.data() - text.data());
    lines.push_back({line, map.locate(text, offset)});
    start = nl + 1;
  }
  return lines;
}

SourcePosition RepairedLine::position(std::size_t offset) const {
  auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                             [](std::size_t o, const SourceMap::Piece& p) { return o < p.offset; });
  const SourceMap::Piece& p = *std::prev(it);
  return {p.line, p.column + utf8::count_code_points(std::string_view(text).substr(p.offset, offset - p.offset))};
}

std::size_t RepairedLine::source_line(std::size_t offset) const {
  return std::prev(std::upper_bound(pieces.begin(), pieces.end(), offset,
                                    [](std::size_t o, const SourceMap::Piece& p) { return o < p.offset; }))
      ->line;
}

bool ends_mid_sentence(std::string_view text) {
  if (text.empty()) return false;
  std::size_t begin;
  char32_t c = last_code_point(text, begin);
  // A closing quote ends a sentence when a 。 stands before it: 。” but not “职工之家”.
  if ((c == U'”' || c == U'’' || c == U'"') && begin > 0) c = last_code_point(text.substr(0, begin), begin);
  switch (c) {
    case U'。': case U'!': case U'?': case U';': case U':': case U'…': case U'.': case U')': case U'】':
    case U'》': case U'」': case U'』': case U']':
      return false;
    default:
      return true;
  }
}

LineRepair::LineRepair(const HeadingStyles& headings, const std::vector<const Rule*>& page_debris)
    : headings_(headings) {
  for (const Rule* rule : page_debris) {
    RE2::Options options;
    options.set_log_errors(false);
    Footer footer{std::make_unique<RE2>(rule->pattern, options), rule->get("needs")};
    if (!footer.re->ok())
      throw RuleError(rule->file + ":" + std::to_string(rule->line) + ": rule " + rule->id +
                      ": pattern does not compile: " + footer.re->error());
    footers_.push_back(std::move(footer));
  }
}

LineRepair::LineRepair(LineRepair&&) noexcept = default;
LineRepair::~LineRepair() = default;

RepairedLine LineRepair::cut_footers(const TextLine& line) const {
  RepairedLine out;
  const std::string_view text = line.text;
  auto keep = [&](std::size_t from, std::size_t to) {
    if (out.text.empty())
      while (from < to && text[from] == ' ') ++from;
    if (from >= to) return;
    out.pieces.push_back({out.text.size(), line.at.line,
                          line.at.column + utf8::count_code_points(text.substr(0, from))});
    out.text.append(text.substr(from, to - from));
  };
  std::size_t kept = 0;
  for (;;) {
    // The leftmost footer after what is kept; an empty match would never advance.
    std::size_t begin = text.size(), end = text.size();
    for (const Footer& footer : footers_) {
      re2::StringPiece found;
      if ((footer.needs.empty() || text.find(footer.needs, kept) != std::string_view::npos) &&
          footer.re->Match(text, kept, text.size(), RE2::UNANCHORED, &found, 1) && !found.empty() &&
          static_cast<std::size_t>(found.data() - text.data()) < begin) {
        begin = static_cast<std::size_t>(found.data() - text.data());
        end = begin + found.size();
      }
    }
    if (begin == text.size()) break;
    keep(kept, begin);
    kept = end;
  }
  keep(kept, text.size());
  while (!out.text.empty() && out.text.back() == ' ') out.text.pop_back();
  return out;
}

// Page numbers glued to line starts ("2、领导机构改革。") look like enumerators
// of a page-number style. They come in runs numbered one after another, each
// breaking a sentence of the line before; a real list's items follow lines
// that ended. So a run where most members break a sentence is debris.
// A heading alone on its line ends without punctuation: the line after it
// is no evidence of a broken sentence.
bool LineRepair::standalone_heading(std::string_view line) const {
  const std::optional<Enumerator> e = headings_.match(line);
  return e && heading_span(line, 0, *e).body == line.size();
}

std::vector<bool> LineRepair::cut_page_numbers(std::vector<RepairedLine>& lines) const {
  struct Run {
    std::vector<std::size_t> members;
    int last;
    std::size_t breaks = 0;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::optional<Enumerator> e = headings_.match(lines[i].text);
    if (!e || !headings_.page_number(e->style)) continue;
    const bool breaks = i > 0 && !standalone_heading(lines[i - 1].text) &&
                        at_least_code_points(lines[i - 1].text, kParagraphLine) && ends_mid_sentence(lines[i - 1].text);
    auto run = std::find_if(runs.rbegin(), runs.rend(), [&](const Run& r) { return r.last + 1 == e->value; });
    if (run == runs.rend()) {
      runs.push_back({{i}, e->value, breaks ? 1u : 0u});
    } else {
      run->members.push_back(i);
      run->last = e->value;
      run->breaks += breaks ? 1 : 0;
    }
  }
  std::vector<bool> cut(lines.size(), false);
  for (const Run& run : runs) {
    // The first member's own break counts, but its number is no evidence yet.
    if (run.breaks == 0 || run.breaks * 2 <= std::max<std::size_t>(1, run.members.size() - 1)) continue;
    for (const std::size_t i : run.members) {
      drop_prefix(lines[i], headings_.match(lines[i].text)->length);
      cut[i] = true;
    }
  }
  return cut;
}

std::vector<RepairedLine> LineRepair::repair(const std::vector<TextLine>& lines, const std::vector<bool>& chrome,
                                             const std::vector<std::size_t>& split_after) const {
  // Content lines with footers cut; `barrier`: chrome or a separator stands
  // between a line and the one before, so the two are never joined.
  std::vector<RepairedLine> content;
  std::vector<bool> barrier;
  bool pending_barrier = false, pending_break = false;
  auto split = split_after.begin();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (split != split_after.end() && *split < i) {
      pending_break = true;
      ++split;
    }
    if (chrome[i]) {
      pending_barrier = true;
      continue;
    }
    if (lines[i].text.empty()) continue;
    RepairedLine line = cut_footers(lines[i]);
    if (line.text.empty()) continue;
    line.report_break = pending_break;
    barrier.push_back(pending_barrier || pending_break);
    pending_barrier = pending_break = false;
    content.push_back(std::move(line));
  }
  const std::vector<bool> cut = cut_page_numbers(content);

  std::vector<RepairedLine> out;
  for (std::size_t i = 0; i < content.size(); ++i) {
    RepairedLine& b = content[i];
    b.lead = headings_.match(b.text);
    if (!out.empty() && !barrier[i] && !b.lead && ends_mid_sentence(out.back().text)) {
      const RepairedLine& a = out.back();
      std::string_view paragraph = a.text;
      if (a.lead) paragraph.remove_prefix(heading_span(a.text, 0, *a.lead).body);
      const bool join =
          cut[i] || at_least_code_points(paragraph, kWrappedLine) ||
          (!paragraph.empty() && is_ascii_digit(paragraph.back()) && continues_number(b.text));
      if (join) {
        append_line(out.back(), std::move(b));
        continue;
      }
    }
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace zhmine
