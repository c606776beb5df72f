// A change record of `zhmine diff`: what changed between two reports, citing
// the records of both sides (fields in docs/diff.md).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include <nlohmann/json.hpp>

#include "zhmine/figures/decimal.hpp"
#include "zhmine/diff/report_records.hpp"

namespace zhmine {

struct Change {
  enum class What { section, figure, sentence };
  enum class Kind { changed, added, removed, renamed, moved, unchanged };
  What what;
  Kind change;
  nlohmann::ordered_json path, label, unit;       // null when it has none
  nlohmann::ordered_json old_record, new_record;  // null on the side that has none
  std::optional<Decimal> delta;                   // new − old, exactly
  std::optional<std::string> ratio;               // new ÷ old, as a JSON number
  std::string delta_unit;                         // the unit of delta: 百分点 for a change of %
};

std::string_view name_of(Change::What what);
std::string_view name_of(Change::Kind kind);

// How many changes of each kind: "2 figures changed, 1 sections added", or
// "no changes".
std::string change_summary(const std::vector<Change>& changes);

// A change of a figure, by its records on each side (either may be null):
// added, removed, changed (value, range or qualifier differ) or unchanged.
// A change of a percentage (5.2% → 5%) is in percentage points, −0.2 百分点,
// and has no ratio: a ratio of two rates means nothing to a reader.
Change figure_change(const FigureRecord* old_figure, const FigureRecord* new_figure);

// Places kept in the ratio: enough for a percentage with two decimals.
inline constexpr int kRatioDecimals = 4;

// {"type":"change","what","change","path","label","unit","old","new","delta","delta_unit","ratio"}
void write_change_record(const Change& change, std::string& out);

}  // namespace zhmine
