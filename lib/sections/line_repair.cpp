#include "zhmine/sections/line_repair.hpp"

#include <algorithm>

#include <re2/re2.h>

#include "zhmine/text/byte_scan.hpp"
#include "zhmine/text/punctuation.hpp"
#include "zhmine/text/utf8.hpp"

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
  line.text.remove_prefix(n);
}

void append_line(RepairedLine& to, RepairedLine&& from) {
  const std::size_t shift = to.text.size();
  if (to.storage && to.text.data() + to.text.size() == to.storage->data() + to.storage->size()) {
    // A line already joined: its storage grows (a paragraph broken many times stays linear).
    const auto start = static_cast<std::size_t>(to.text.data() - to.storage->data());
    to.storage->append(from.text);
    to.text = std::string_view(*to.storage).substr(start);
  } else {
    auto joined = std::make_unique<std::string>();
    joined->reserve(2 * (to.text.size() + from.text.size()));
    joined->append(to.text).append(from.text);
    to.storage = std::move(joined);
    to.text = *to.storage;
  }
  for (auto p : from.pieces) {
    p.offset += shift;
    to.pieces.push_back(p);
  }
}

}  // namespace

std::vector<TextLine> text_lines(const Document& document) {
  const std::string_view text = document.text;
  std::vector<TextLine> lines;
  lines.reserve(text.size() / 128 + 16);
  if (document.origin.empty()) {
    // Text line k is source line k: its position needs no source map.
    for (std::size_t start = 0; start < text.size();) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string_view::npos) nl = text.size();
      const std::string_view line = trim(text.substr(start, nl - start));
      const std::size_t offset = line.empty() ? start : static_cast<std::size_t>(line.data() - text.data());
      lines.push_back({line, {lines.size() + 1, utf8::count_code_points(text.substr(start, offset - start))}});
      start = nl + 1;
    }
    return lines;
  }
  const SourceMap& map = document.origin;
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
  if (marks(MarkClass::closing_quote).contains(c) && begin > 0) c = last_code_point(text.substr(0, begin), begin);
  return !marks(MarkClass::line_end).contains(c);
}

LineRepair::LineRepair(const HeadingStyles& headings, const std::vector<const Rule*>& page_debris)
    : headings_(headings) {
  for (const Rule* rule : page_debris) {
    Footer footer{compile_rule(*rule), std::string::npos};
    if (const std::string needs = rule->get("needs"); !needs.empty()) {
      const auto it = std::find(needs_.begin(), needs_.end(), needs);
      footer.needs = static_cast<std::size_t>(it - needs_.begin());
      if (it == needs_.end()) needs_.push_back(needs);
    }
    footers_.push_back(std::move(footer));
  }
}

LineRepair::LineRepair(LineRepair&&) noexcept = default;
LineRepair::~LineRepair() = default;

RepairedLine LineRepair::cut_footers(const TextLine& line, bool& untouched) const {
  RepairedLine out;
  const std::string_view text = line.text;
  // Where each `needs` literal next occurs (npos: not after `kept`); found
  // once a line, again only when a cut has passed it.
  constexpr std::size_t kUnsearched = std::string_view::npos - 1;
  std::size_t local[8];
  std::vector<std::size_t> many;
  std::size_t* needs_at = local;
  if (needs_.size() > std::size(local)) {
    many.resize(needs_.size());
    needs_at = many.data();
  }
  std::fill(needs_at, needs_at + needs_.size(), kUnsearched);
  // The leftmost footer at or after `kept`; an empty match would never advance.
  auto next_footer = [&](std::size_t kept, std::size_t& begin, std::size_t& end) {
    begin = end = text.size();
    for (const Footer& footer : footers_) {
      if (footer.needs != std::string::npos) {
        std::size_t& at = needs_at[footer.needs];
        if (at == kUnsearched || (at != std::string_view::npos && at < kept))
          at = scan::find(text, needs_[footer.needs], kept);
        if (at == std::string_view::npos) continue;
      }
      re2::StringPiece found;
      if (footer.re->Match(text, kept, text.size(), RE2::UNANCHORED, &found, 1) && !found.empty() &&
          static_cast<std::size_t>(found.data() - text.data()) < begin) {
        begin = static_cast<std::size_t>(found.data() - text.data());
        end = begin + found.size();
      }
    }
    return begin != text.size();
  };

  std::size_t begin, end;
  if (!next_footer(0, begin, end)) {
    // No footer (most lines): the line itself, viewed, spaces around it left out.
    std::size_t from = 0, to = text.size();
    while (from < to && text[from] == ' ') ++from;
    while (to > from && text[to - 1] == ' ') --to;
    if (from < to) {
      out.pieces.push_back({0, line.at.line, line.at.column + utf8::count_code_points(text.substr(0, from))});
      out.text = text.substr(from, to - from);
    }
    untouched = out.text.data() == text.data() && out.text.size() == text.size();
    return out;
  }

  untouched = false;
  std::string kept_text;
  auto keep = [&](std::size_t from, std::size_t to) {
    if (kept_text.empty())
      while (from < to && text[from] == ' ') ++from;
    if (from >= to) return;
    out.pieces.push_back({kept_text.size(), line.at.line,
                          line.at.column + utf8::count_code_points(text.substr(0, from))});
    kept_text.append(text.substr(from, to - from));
  };
  std::size_t kept = 0;
  do {
    keep(kept, begin);
    kept = end;
  } while (next_footer(kept, begin, end));
  keep(kept, text.size());
  while (!kept_text.empty() && kept_text.back() == ' ') kept_text.pop_back();
  if (!kept_text.empty()) {
    out.storage = std::make_unique<std::string>(std::move(kept_text));
    out.text = *out.storage;
  }
  return out;
}

// Page numbers glued to line starts ("2、领导机构改革。") look like enumerators
// of a page-number style. They come in runs numbered one after another, each
// breaking a sentence of the line before; a real list's items follow lines
// that ended. So a run where most members break a sentence is debris.
// A heading alone on its line ends without punctuation: the line after it
// is no evidence of a broken sentence.
std::vector<bool> LineRepair::cut_page_numbers(std::vector<RepairedLine>& lines,
                                               const std::vector<std::optional<Enumerator>>& leads) const {
  struct Run {
    std::vector<std::size_t> members;
    int last;
    std::size_t breaks = 0;
  };
  // A heading alone on its line ends without punctuation: the line after it
  // is no evidence of a broken sentence.
  auto standalone_heading = [&](std::size_t i) {
    return leads[i] && heading_span(lines[i].text, 0, *leads[i]).body == lines[i].text.size();
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::optional<Enumerator>& e = leads[i];
    if (!e || !headings_.page_number(e->style)) continue;
    const bool breaks = i > 0 && !standalone_heading(i - 1) &&
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
      drop_prefix(lines[i], leads[i]->length);
      cut[i] = true;
    }
  }
  return cut;
}

std::vector<RepairedLine> LineRepair::repair(const std::vector<TextLine>& lines, const std::vector<bool>& chrome,
                                             const std::vector<std::size_t>& split_after,
                                             const std::vector<std::optional<Enumerator>>* leads) const {
  // Content lines with footers cut; `barrier`: chrome or a separator stands
  // between a line and the one before, so the two are never joined; `lead`:
  // the enumerator each starts with.
  std::vector<RepairedLine> content;
  std::vector<bool> barrier;
  std::vector<std::optional<Enumerator>> lead;
  content.reserve(lines.size());
  lead.reserve(lines.size());
  bool pending_barrier = false, pending_break = false, pending_blank = false;
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
    if (lines[i].text.empty()) {
      pending_blank = true;
      continue;
    }
    bool untouched = false;
    RepairedLine line = cut_footers(lines[i], untouched);
    if (line.text.empty()) continue;
    lead.push_back(untouched && leads ? (*leads)[i] : headings_.match(line.text));
    line.report_break = pending_break;
    line.blank_before = pending_blank;
    pending_blank = false;
    barrier.push_back(pending_barrier || pending_break);
    pending_barrier = pending_break = false;
    content.push_back(std::move(line));
  }
  const std::vector<bool> cut = cut_page_numbers(content, lead);

  std::vector<RepairedLine> out;
  out.reserve(content.size());
  for (std::size_t i = 0; i < content.size(); ++i) {
    RepairedLine& b = content[i];
    b.lead = cut[i] ? headings_.match(b.text) : lead[i];
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
