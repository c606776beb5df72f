#include "zhmine/sections/section_tree.hpp"

#include <algorithm>
#include <charconv>

namespace zhmine {

bool SectionTree::continues(std::size_t style, int value) const {
  const auto it = std::find_if(open_.begin(), open_.end(), [&](const Open& o) { return o.style == style; });
  return it == open_.end() ? value == 1 : value == it->value + 1;
}

SectionTree::Placement SectionTree::add(std::size_t style, int value, std::string heading) {
  const auto it = std::find_if(open_.begin(), open_.end(), [&](const Open& o) { return o.style == style; });
  std::size_t ordinal = 1;
  if (it != open_.end()) {
    ordinal = it->ordinal + 1;
    open_.erase(it, open_.end());
  }
  open_.push_back({style, value, ordinal, std::move(heading)});
  return placed();
}

SectionTree::Placement SectionTree::add_restarted(std::size_t parent, std::size_t style, int value,
                                                  std::string heading, bool announced) {
  const bool first = std::none_of(open_.begin(), open_.end(), [&](const Open& o) { return o.style == style; });
  std::size_t closed = 0;  // the ordinal of the sibling closed here: the new one comes after it
  if (first && !announced && !open_.empty() && open_.back().style != parent) {
    closed = open_.back().ordinal;
    open_.pop_back();
  }
  add(style, value, std::move(heading));
  if (closed) open_.back().ordinal = closed + 1;
  return placed();
}

SectionTree::Placement SectionTree::add_title(std::string heading, bool closing) {
  if (!closing && !open_.empty() && open_.front().style != kTitleStyle) return add(kTitleStyle, 0, std::move(heading));
  const std::size_t ordinal = open_.empty() ? 1 : open_.front().ordinal + 1;
  open_.clear();
  open_.push_back({kTitleStyle, 0, ordinal, std::move(heading)});
  return placed();
}

SectionTree::Placement SectionTree::placed() const {
  Placement placed{open_.size(), "", {}};
  placed.path.reserve(open_.size());
  char digits[24];
  for (const Open& o : open_) {
    if (!placed.id.empty()) placed.id += '.';
    placed.id.append(digits, std::to_chars(digits, digits + sizeof digits, o.ordinal).ptr);
    placed.path.push_back(o.heading);
  }
  return placed;
}

}  // namespace zhmine
