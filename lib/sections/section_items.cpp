#include "zhmine/sections/section_items.hpp"

#include <algorithm>

#include "zhmine/text/byte_scan.hpp"
#include "zhmine/text/punctuation.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

struct Marker {
  std::size_t begin;
  Enumerator enumerator;
};

// Moves a finished list of markers to `items` if it is one: two or more.
void close_list(std::string_view text, std::vector<Marker>& list, std::vector<SectionItem>& items) {
  if (list.size() >= 2) {
    for (const Marker& m : list) {
      const std::size_t marker_end = m.begin + m.enumerator.length;
      items.push_back({m.begin, marker_end, m.enumerator.value, marker_end, text.size(), marker_end});
    }
  }
  list.clear();
}

}  // namespace

std::vector<SectionItem> find_items(std::string_view text, const HeadingStyles& styles) {
  std::vector<SectionItem> items;
  if (styles.size() == 0) return items;
  const Marks& item_start = marks(MarkClass::item_start);
  std::vector<Marker> list;  // the list being read
  // A point may begin at `at`: is one there, and does it go on the list?
  auto try_point = [&](std::size_t at) {
    const std::optional<Enumerator> e = styles.match(text.substr(at));
    if (!e) return;
    const bool next = !list.empty() && e->style == list.back().enumerator.style &&
                      e->value == list.back().enumerator.value + 1;
    if (e->value == 1 && !next) close_list(text, list, items);
    if (e->value == 1 || next) list.push_back({at, *e});
  };
  // Where a point may begin: the start, after a mark of class item_start,
  // and where a style's first marker stands glued to a word (主要一是…, but
  // not 统一是…).
  std::vector<std::size_t> starts{0};
  // Only where a byte could begin a mark: most of the text, ideographs, is
  // skipped sixteen bytes at a time.
  static const scan::ByteSet first_bytes(item_start.first_bytes());
  for (std::size_t at = 0; (at = first_bytes.find(text, at)) < text.size();) {
    const utf8::Decoded d = utf8::decode(text, at);
    at += d.length;
    // Most marks are followed by text no style starts with: they are not kept.
    if (item_start.contains(d.code_point) && at < text.size() && styles.may_start(utf8::decode(text, at).code_point))
      starts.push_back(at);
  }
  for (std::size_t style = 0; style < styles.size(); ++style) {
    const std::string& glued = styles.glued(style);
    if (glued.empty()) continue;
    // scan::find, not string_view::find, which stops at every byte equal to
    // the needle's first: 一 begins with the lead byte of a sixth of all
    // ideographs.
    for (std::size_t at = scan::find(text, glued); at != std::string_view::npos; at = scan::find(text, glued, at + 1)) {
      std::size_t prev = at;
      while (prev > 0 && (static_cast<unsigned char>(text[--prev]) & 0xC0) == 0x80) {
      }
      if (at > 0 && styles.not_after(style).find(text.substr(prev, at - prev)) == std::string::npos)
        starts.push_back(at);
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (std::size_t at : starts) try_point(at);
  close_list(text, list, items);
  // Each point runs to the next one's marker, blanks around it left out.
  for (std::size_t k = 0; k < items.size(); ++k) {
    SectionItem& item = items[k];
    if (k + 1 < items.size()) item.text_end = items[k + 1].begin;
    while (item.text_begin < item.text_end && is_blank(text[item.text_begin])) ++item.text_begin;
    while (item.text_end > item.text_begin && is_blank(text[item.text_end - 1])) --item.text_end;
    const std::string_view point = text.substr(0, item.text_end);
    const std::size_t line_end = std::min(point.find('\n', item.text_begin), point.size());
    const Enumerator marker{0, item.marker_end - item.begin, item.value};
    item.heading_end = heading_span(point.substr(0, line_end), item.begin, marker).text_end;
  }
  return items;
}

}  // namespace zhmine
