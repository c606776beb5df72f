// The points inside a section's text: 一是…；二是…, 第一，…第二，…, 其一…其二….
// Their markers are data, rule set "items" (patterns/items.rules), read
// like heading enumerators where a clause begins.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "zhmine/sections/headings.hpp"

namespace zhmine {

// Offsets are bytes of the section's text.
struct SectionItem {
  std::size_t begin;       // the marker as written ("一是", "第二，"), the item's number,
  std::size_t marker_end;  // is [begin, marker_end)
  int value;               // 1 for 一是
  // The point's text, blanks around it left out: from after the marker to
  // the next point's marker, or to the end of the section's text.
  std::size_t text_begin;
  std::size_t text_end;
  // Its lead phrase, read as a heading is: [text_begin, heading_end) runs to
  // the first 。, to spaces before the body, or to the end of the line.
  std::size_t heading_end;
};

// The points of `text`, in order, marked by `styles` (compiled from set
// "items"). A list counts only when its values run 1, 2, … in one style,
// two points or more: a lone 一是 in a sentence is no point.
std::vector<SectionItem> find_items(std::string_view text, const HeadingStyles& styles);

}  // namespace zhmine
