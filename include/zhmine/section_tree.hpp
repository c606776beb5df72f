// The heading tree of one report. Levels are not fixed per style: they are
// the depth in the report's own tree, from the order in which its numbering
// styles first appear. A style already open closes everything below it; a
// new style opens a level under the current heading. So a report going
// 一、 → 1、 → (1) has 1、 at level 2, whatever other reports do.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace zhmine {

class SectionTree {
 public:
  struct Placement {
    std::size_t level;              // 1 for the report's top headings
    std::string id;                 // ordinals within the tree: "2.1"
    std::vector<std::string> path;  // the headings from level 1 down to this one
  };

  // Whether a heading of `style` numbered `value` would continue the tree:
  // the next number of an open style, or the first of a style not open. The
  // evidence needed to take an enumerator found inside a line.
  bool continues(std::size_t style, int value) const;

  // Places a heading and makes it the current one.
  Placement add(std::size_t style, int value, std::string heading);

 private:
  struct Open {
    std::size_t style;
    int value;
    std::size_t ordinal;
    std::string heading;
  };
  std::vector<Open> open_;  // the current heading and its ancestors, top first
};

}  // namespace zhmine
