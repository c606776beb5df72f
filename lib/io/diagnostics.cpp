#include "zhmine/io/diagnostics.hpp"

#include <ostream>

namespace zhmine {

Stats& Stats::operator+=(const Stats& o) {
  files_read += o.files_read;
  files_rejected += o.files_rejected;
  files_skipped += o.files_skipped;
  records_read += o.records_read;
  records_rejected += o.records_rejected;
  documents += o.documents;
  records_written += o.records_written;
  return *this;
}

std::string Stats::summary() const {
  return "files: " + std::to_string(files_read) + " read, " + std::to_string(files_rejected) + " rejected, " +
         std::to_string(files_skipped) + " skipped; input records: " + std::to_string(records_read) + " read, " +
         std::to_string(records_rejected) + " rejected; documents: " + std::to_string(documents) +
         " processed; output records: " + std::to_string(records_written) + " written";
}

std::string Diagnostic::format() const {
  std::string out = "zhmine: " + source;
  if (line > 0) out += ":" + std::to_string(line);
  out += severity == Severity::warning ? ": warning: " : ": error: ";
  out += message;
  return out;
}

void Report::warning(std::string_view source, std::size_t line, std::string message) {
  diagnostics_.push_back({Diagnostic::Severity::warning, std::string(source), line, std::move(message)});
}

void Report::error(std::string_view source, std::size_t line, std::string message) {
  diagnostics_.push_back({Diagnostic::Severity::error, std::string(source), line, std::move(message)});
  lost_input_ = true;
}

void Report::merge(Report&& other) {
  for (auto& d : other.diagnostics_) diagnostics_.push_back(std::move(d));
  stats += other.stats;
  lost_input_ = lost_input_ || other.lost_input_;
}

void print_diagnostics(const Report& report, std::ostream& err) {
  for (const Diagnostic& d : report.diagnostics()) err << d.format() << '\n';
}

}  // namespace zhmine
