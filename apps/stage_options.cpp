#include "stage_options.hpp"

#include <algorithm>

#include "zhmine/text/encoding.hpp"

namespace zhmine::app {

void add_stage_options(CLI::App& command, StageOptions& options, const std::vector<std::string>& formats) {
  command.add_option("inputs", options.inputs,
                     "Files and directories (walked recursively); none or '-' reads standard input. "
                     "*.jsonl/*.ndjson files, and standard input starting with '{', are records of an earlier stage");
  command.add_flag("-L,--follow", options.follow_links,
                   "Follow symbolic links to directories met in a walk (a directory already walked is skipped)");
  command.add_option("-o,--output", options.output, "Write records to FILE (atomically) instead of standard output");
  command.add_option("-j,--threads", options.threads, "Documents processed in parallel (0: all cores)")
      ->capture_default_str();
  command.add_flag("--stats", options.stats, "Print how many files, records and documents were read, rejected and written");
  command
      .add_option_function<std::string>(
          "--encoding",
          [&options](const std::string& name) { options.encoding = canonical_encoding(name); },
          "Decode raw files as this encoding instead of detecting it (UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5)")
      ->check([](const std::string& name) {
        return canonical_encoding(name) ? std::string() : "unknown encoding '" + name + "'";
      });
  command
      .add_option_function<std::string>(
          "--script", [&options](const std::string& name) { options.script = parse_target_script(name); },
          "Fold the script of raw files to simplified (default), traditional, or keep it")
      ->check(CLI::IsMember({"simplified", "traditional", "keep"}));
  command
      .add_option_function<std::string>(
          "--variant", [&options](const std::string& name) { options.variant = parse_traditional_variant(name); },
          "Which standard traditional input follows, folding to simplified: generic (default, as OpenCC t2s), "
          "tw (Taiwan, as tw2s), twp (Taiwan, its words too: 軟體 → 软件, as tw2sp) or hk (Hong Kong, as hk2s)")
      ->check(CLI::IsMember({"generic", "tw", "twp", "hk"}));
  std::string format_help = "Write records as jsonl (JSON Lines, the default), csv or tsv (a table for spreadsheets: "
                            "fixed columns per record type, see docs/formats.md)";
  if (std::find(formats.begin(), formats.end(), "html") != formats.end())
    format_help += ", text (for people; coloured on a terminal unless NO_COLOR is set) or html (one page)";
  command
      .add_option_function<std::string>(
          "--format", [&options](const std::string& name) { options.format = parse_record_format(name); },
          format_help)
      ->check(CLI::IsMember(formats));
  command.add_flag("--bom", options.bom, "Begin the output with the UTF-8 byte order mark, which Excel needs to read Chinese CSV");
  command.add_flag("-q,--quiet", options.quiet, "Show no progress line, even on a terminal");
}

void add_patterns_option(CLI::App& command, std::vector<std::string>& patterns) {
  // One value per use: otherwise the option would swallow the input files after it.
  command
      .add_option("--patterns", patterns,
                  "Also load the rule files of DIR (or FILE); a rule whose id equals a shipped one replaces it. "
                  "Repeat for more")
      ->allow_extra_args(false)
      ->type_name("DIR");
}

}  // namespace zhmine::app
