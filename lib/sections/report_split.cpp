#include "zhmine/sections/report_split.hpp"

#include <re2/re2.h>

namespace zhmine {

ReportSplitter::ReportSplitter(const std::vector<const Rule*>& rules) {
  for (const Rule* rule : rules) {
    if (rule->get("kind") != "title") continue;
    titles_.push_back(compile_rule(*rule));
  }
}

ReportSplitter::ReportSplitter(ReportSplitter&&) noexcept = default;
ReportSplitter::~ReportSplitter() = default;

namespace {

// A title is a short line: longer ones are not worth a regular-expression match.
constexpr std::size_t kMaxTitle = 240;

}  // namespace

std::optional<std::size_t> ReportSplitter::title_length(std::string_view line, bool first_line) const {
  auto is_title = [&](std::string_view text) {
    if (text.size() > kMaxTitle) return false;
    for (const auto& re : titles_)
      if (RE2::FullMatch(text, *re)) return true;
    return false;
  };
  if (is_title(line)) return line.size();
  if (const std::size_t space = line.find(' '); first_line && space != std::string_view::npos &&
                                                is_title(line.substr(0, space)))
    return space;
  return std::nullopt;
}

std::vector<ReportSpan> ReportSplitter::split(const std::vector<RepairedLine>& lines) const {
  std::vector<ReportSpan> spans;
  ReportSpan current{0, 0, std::nullopt, 0, ""};
  bool has_heading = false;
  auto close_at = [&](std::size_t i) {
    current.end = i;
    spans.push_back(std::move(current));
    current = ReportSpan{i, i, std::nullopt, 0, ""};
    has_heading = false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const RepairedLine& line = lines[i];
    if (line.report_break && i > current.begin) close_at(i);
    if (line.lead) {
      has_heading = true;
      continue;
    }
    const std::optional<std::size_t> length = title_length(line.text, i == current.begin);
    if (!length) continue;
    if (has_heading) close_at(i);
    if (!current.title_line) {
      current.title_line = i;
      current.title_end = *length;
      current.title = std::string(line.text.substr(0, *length));
    }
  }
  if (!lines.empty()) close_at(lines.size());
  return spans;
}

}  // namespace zhmine
