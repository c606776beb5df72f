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

  // The same, for a run of a style restarted under one of its own headings
  // (三、 … 一、…五、 … 四、), keyed apart as `style`. The run's first heading
  // opens under the current heading when that one is the open heading of
  // the restarted style `parent` (二、 then its body, then 一、) or announces
  // the run (第二，…我提出以下几点： right before 一、); beside the current
  // heading otherwise (after （三）'s body, 一、 is a sibling of （三）).
  Placement add_restarted(std::size_t parent, std::size_t style, int value, std::string heading, bool announced);

  // Places an unnumbered part title (过去五年的回顾, 结束语). A closing part,
  // the first heading of the report, and a title after titles opened the
  // tree go to the top and close everything; a title first met under
  // numbered headings is a sub-title of the current one.
  Placement add_title(std::string heading, bool closing);

 private:
  struct Open {
    std::size_t style;
    int value;
    std::size_t ordinal;
    std::string heading;
  };
  // Titles share one style of their own, past any style index.
  static constexpr std::size_t kTitleStyle = static_cast<std::size_t>(-1);
  Placement placed() const;
  std::vector<Open> open_;  // the current heading and its ancestors, top first
};

}  // namespace zhmine
