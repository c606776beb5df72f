// Diagnostics and accounting. Messages read `zhmine: FILE:LINE: message`; the
// counts let a batch script prove that every input was processed or named.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace zhmine {

struct Stats {
  std::size_t files_read = 0;       // files opened and read whole
  std::size_t files_rejected = 0;   // files named or found that could not be used
  std::size_t files_skipped = 0;    // entries of a walk that are no input: FIFOs, links not followed, a file met twice
  std::size_t records_read = 0;     // JSON lines read
  std::size_t records_rejected = 0; // JSON lines that could not be used
  std::size_t documents = 0;        // documents (or sections) processed
  std::size_t records_written = 0;  // JSON lines written

  Stats& operator+=(const Stats& other);
  // One line: "files: 5 read, 1 rejected; records: …".
  std::string summary() const;
};

struct Diagnostic {
  enum class Severity { warning, error };
  Severity severity;
  std::string source;
  std::size_t line;  // 0 when the message is about the whole input
  std::string message;

  std::string format() const;  // without the trailing newline
};

// What one unit of work has to say: kept apart per unit so that parallel
// workers' messages come out in input order, like their records.
class Report {
 public:
  // Something was wrong but nothing was lost (a byte replaced by U+FFFD, …).
  void warning(std::string_view source, std::size_t line, std::string message);
  // Input was lost: the command will exit 1.
  void error(std::string_view source, std::size_t line, std::string message);

  Stats stats;
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool lost_input() const { return lost_input_; }

  // Takes over `other`'s messages and counts, after this report's own.
  void merge(Report&& other);

 private:
  std::vector<Diagnostic> diagnostics_;
  bool lost_input_ = false;
};

// Writes each diagnostic to `err`, one a line.
void print_diagnostics(const Report& report, std::ostream& err);

}  // namespace zhmine
