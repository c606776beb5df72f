#include "zhmine/diff/change.hpp"

#include <map>

#include <cstdio>

#include "zhmine/io/json_line.hpp"

namespace zhmine {

namespace {

// The ratio new ÷ old rounded to kRatioDecimals places, trailing zeros cut:
// 3300 ÷ 2970 → 1.1111. None when old is zero or either is unknown.
std::optional<std::string> ratio_of(const std::optional<Decimal>& old_value, const std::optional<Decimal>& new_value) {
  if (!old_value || !new_value || *old_value == Decimal(0)) return std::nullopt;
  const auto q = new_value->divided_by(*old_value);
  if (!q) return std::nullopt;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", kRatioDecimals, q->to_double());
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

nlohmann::ordered_json field_or_null(const FigureRecord* f, const char* name) {
  return f && f->record.is_object() ? f->record.value(name, nlohmann::ordered_json()) : nlohmann::ordered_json();
}

bool same_figure_value(const FigureRecord& a, const FigureRecord& b) {
  return a.value == b.value && decimal_of(field_or_null(&a, "max")) == decimal_of(field_or_null(&b, "max")) &&
         field_or_null(&a, "approx") == field_or_null(&b, "approx");
}

}  // namespace

std::string_view name_of(Change::What what) {
  switch (what) {
    case Change::What::section: return "section";
    case Change::What::figure: return "figure";
    case Change::What::sentence: return "sentence";
  }
  return "";
}

std::string_view name_of(Change::Kind kind) {
  switch (kind) {
    case Change::Kind::changed: return "changed";
    case Change::Kind::added: return "added";
    case Change::Kind::removed: return "removed";
    case Change::Kind::renamed: return "renamed";
    case Change::Kind::moved: return "moved";
    case Change::Kind::unchanged: return "unchanged";
  }
  return "";
}

std::string change_summary(const std::vector<Change>& changes) {
  std::map<std::string, std::size_t> counts;
  for (const Change& c : changes) ++counts[std::string(name_of(c.what)) + "s " + std::string(name_of(c.change))];
  std::string summary;
  for (const auto& [what, n] : counts) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  return changes.empty() ? "no changes" : summary;
}

Change figure_change(const FigureRecord* old_figure, const FigureRecord* new_figure) {
  const FigureRecord* cited = new_figure ? new_figure : old_figure;
  Change c{Change::What::figure,
           !old_figure ? Change::Kind::added
           : !new_figure ? Change::Kind::removed
           : same_figure_value(*old_figure, *new_figure) ? Change::Kind::unchanged
                                                         : Change::Kind::changed,
           field_or_null(cited, "path"),
           field_or_null(cited, "label"),
           field_or_null(cited, "unit"),
           old_figure ? old_figure->record : nlohmann::ordered_json(),
           new_figure ? new_figure->record : nlohmann::ordered_json(),
           std::nullopt,
           std::nullopt,
           {}};
  if (old_figure && new_figure && old_figure->value && new_figure->value) {
    if (const auto minus = old_figure->value->negated()) c.delta = new_figure->value->plus(*minus);
    const bool percent = c.unit == "%";
    c.delta_unit = percent ? "百分点" : c.unit.is_string() ? c.unit.get<std::string>() : "";
    if (!percent) c.ratio = ratio_of(old_figure->value, new_figure->value);
  }
  return c;
}

void write_change_record(const Change& change, std::string& out) {
  JsonLine line(out);
  line.field("type", "change").field("what", name_of(change.what)).field("change", name_of(change.change));
  line.field("path", change.path).field("label", change.label).field("unit", change.unit);
  line.field("old", change.old_record).field("new", change.new_record);
  if (change.delta) line.raw("delta", change.delta->to_string()).field("delta_unit", change.delta_unit);
  else line.null("delta").null("delta_unit");
  if (change.ratio) line.raw("ratio", *change.ratio);
  else line.null("ratio");
  line.end();
}

}  // namespace zhmine
