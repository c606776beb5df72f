#include "zhmine/section_items.hpp"

#include "zhmine/punctuation.hpp"
#include "zhmine/utf8.hpp"

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
      const std::size_t text_begin = m.begin + m.enumerator.length;
      items.push_back({std::string(text.substr(m.begin, m.enumerator.length)), m.enumerator.value, m.begin,
                       text_begin, text.size()});
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
  bool at_start = true;      // whether a point may begin here
  for (std::size_t at = 0; at < text.size();) {
    if (at_start) {
      if (const std::optional<Enumerator> e = styles.match(text.substr(at))) {
        const bool next = !list.empty() && e->style == list.back().enumerator.style &&
                          e->value == list.back().enumerator.value + 1;
        if (e->value == 1 && !next) close_list(text, list, items);
        if (e->value == 1 || next) {
          list.push_back({at, *e});
          at += e->length;
          at_start = false;
          continue;
        }
      }
    }
    const utf8::Decoded d = utf8::decode(text, at);
    at_start = item_start.contains(d.code_point);
    at += d.length;
  }
  close_list(text, list, items);
  // Each point runs to the next one's marker, blanks around it left out.
  for (std::size_t k = 0; k < items.size(); ++k) {
    SectionItem& item = items[k];
    if (k + 1 < items.size()) item.text_end = items[k + 1].begin;
    while (item.text_begin < item.text_end && is_blank(text[item.text_begin])) ++item.text_begin;
    while (item.text_end > item.text_begin && is_blank(text[item.text_end - 1])) --item.text_end;
  }
  return items;
}

}  // namespace zhmine
