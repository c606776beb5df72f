#include "zhmine/diff/diff_text_format.hpp"

#include <cstdlib>
#include <map>

#include <unistd.h>

#include "zhmine/diff/readable_number.hpp"
#include "zhmine/diff/record_view.hpp"
#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

struct Palette {
  explicit Palette(bool enabled) : on(enabled) {}
  std::string paint(const char* code, std::string_view text) const {
    if (!on) return std::string(text);
    return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
  }
  std::string bold(std::string_view t) const { return paint("1", t); }
  std::string dim(std::string_view t) const { return paint("2", t); }
  std::string red(std::string_view t) const { return paint("31", t); }
  std::string green(std::string_view t) const { return paint("32", t); }
  std::string yellow(std::string_view t) const { return paint("33", t); }
  bool on;
};

std::string shortened(std::string_view text) {
  std::size_t at = 0, chars = 0;
  while (at < text.size() && chars < kShownSentence) {
    at += utf8::decode(text, at).length;
    ++chars;
  }
  return at < text.size() ? std::string(text.substr(0, at)) + "…" : std::string(text);
}

// "FILE:LINE": where a record stands in its source.
std::string cite(const nlohmann::ordered_json& record) {
  return field_text(record, "source") + ":" + field_text(record, "line");
}

void format_change(const Change& c, const Palette& p, std::string& out) {
  const auto& o = c.old_record;
  const auto& n = c.new_record;
  switch (c.what) {
    case Change::What::section: {
      const std::string heading = field_text(n.is_null() ? o : n, "number") + field_text(n.is_null() ? o : n, "heading");
      if (c.change == Change::Kind::added) out += p.green("  + section " + heading) + "  " + p.dim(cite(n)) + "\n";
      else if (c.change == Change::Kind::removed) out += p.red("  - section " + heading) + "  " + p.dim(cite(o)) + "\n";
      else if (c.change == Change::Kind::renamed)
        out += p.yellow("  ~ renamed " + field_text(o, "heading") + " → " + field_text(n, "heading")) + "  " +
               p.dim(cite(o) + " " + cite(n)) + "\n";
      else
        out += p.yellow("  ↕ moved: was " + field_text(o, "number") + field_text(o, "heading") + ", now " +
                        field_text(n, "number") + field_text(n, "heading")) +
               "  " + p.dim(cite(o) + " " + cite(n)) + "\n";
      return;
    }
    case Change::What::figure: {
      const std::string label = c.label.is_string() ? c.label.get<std::string>() : "";
      if (c.change == Change::Kind::added) {
        out += p.green("  + " + label + " " + figure_text(n)) + "  " + p.dim(cite(n)) + "\n";
      } else if (c.change == Change::Kind::removed) {
        out += p.red("  - " + label + " " + figure_text(o)) + "  " + p.dim(cite(o)) + "\n";
      } else {
        std::string line = "  " + std::string(c.change == Change::Kind::unchanged ? "=" : "~") + " " + label + " " +
                           figure_text(o) + " → " + figure_text(n);
        if (c.delta) line += " (" + readable_change(*c.delta, c.delta_unit) + (c.ratio ? ", ×" + *c.ratio : "") + ")";
        out += (c.change == Change::Kind::unchanged ? line : p.yellow(line)) + "  " + p.dim(cite(o) + " " + cite(n)) + "\n";
      }
      return;
    }
    case Change::What::sentence: {
      if (c.change == Change::Kind::added) {
        out += p.green("  + “" + shortened(field_text(n, "text")) + "”") + "  " + p.dim(cite(n)) + "\n";
      } else if (c.change == Change::Kind::removed) {
        out += p.red("  - “" + shortened(field_text(o, "text")) + "”") + "  " + p.dim(cite(o)) + "\n";
      } else {
        out += p.yellow("  ~ “" + shortened(field_text(o, "text")) + "”") + "  " + p.dim(cite(o)) + "\n";
        out += p.yellow("    → “" + shortened(field_text(n, "text")) + "”") + "  " + p.dim(cite(n)) + "\n";
      }
      return;
    }
  }
}

}  // namespace

std::string format_changes_text(const std::vector<Change>& changes, const ReportRecords& old_report,
                                const ReportRecords& new_report, bool colour) {
  const Palette p(colour);
  std::string out = p.red("--- " + old_report.source) + "\n" + p.green("+++ " + new_report.source) + "\n";
  std::string last_path = "\x01";
  for (const Change& c : changes) {
    const std::string heading = path_text(c.path);
    if (heading != last_path) {
      out += p.bold(heading) + "\n";
      last_path = heading;
    }
    format_change(c, p, out);
  }
  out += change_summary(changes) + "\n";
  return out;
}

std::string format_series_text(const std::vector<Series>& series, const std::vector<ReportRecords>& reports,
                               bool colour) {
  const Palette p(colour);
  std::string out;
  for (std::size_t k = 0; k < reports.size(); ++k) {
    std::string source = "[";
    source += std::to_string(k + 1);
    source += "] ";
    source += reports[k].source;
    out += p.dim(source);
    out += '\n';
  }
  for (const Series& s : series) {
    const auto& latest = reports[s.latest].figures[s.figures[s.latest]].record;
    out += p.bold(label_text(latest)) + " (" +
           field_text(latest, "unit") + ")  " + p.dim(path_text(latest.value("path", nlohmann::ordered_json()))) + "\n ";
    for (std::size_t k = 0; k < reports.size(); ++k)
      out += " [" + std::to_string(k + 1) + "] " +
             (s.figures[k] == kNoIndex ? std::string("—") : figure_text(reports[k].figures[s.figures[k]].record));
    out += "\n";
  }
  return out;
}

bool colour_wanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(fd) && (no_colour == nullptr || *no_colour == '\0');
}

}  // namespace zhmine
