// The shape every document command shares: read inputs (raw files are
// decoded and normalized; records of earlier stages are taken as they are),
// turn each document into records in parallel, write them in input order,
// and account for every input.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "zhmine/io/diagnostics.hpp"
#include "zhmine/io/document.hpp"
#include "zhmine/io/input.hpp"
#include "zhmine/text/normalizer.hpp"
#include "zhmine/io/output.hpp"
#include "zhmine/io/record_sink.hpp"

namespace zhmine {

struct StageOptions {
  std::vector<std::string> inputs;     // files and directories; none: standard input
  bool follow_links = false;           // walk into directories that links in a directory point to
  std::optional<std::string> output;   // none: standard output
  unsigned threads = 0;                // 0: all cores
  bool stats = false;                  // print the accounting even when all went well
  std::optional<std::string> encoding; // force this encoding on raw files
  TargetScript script = TargetScript::simplified;
  TraditionalVariant variant = TraditionalVariant::generic;
  RecordFormat format = RecordFormat::jsonl;  // how records are written
  bool bom = false;                    // begin the output with the UTF-8 byte order mark
  bool quiet = false;                  // no progress line on a terminal
};

// Turns one input item into a document: decodes and normalizes a raw file, or
// reads a "document" or "section" record. Counts the item as read or rejected
// in `report`; nullopt when it is rejected (and why is in `report`).
std::optional<Document> load_document(InputItem&& item, const StageOptions& options, Report& report);

// What a command makes of one document: JSON lines into `records`. The
// document is not used afterwards: a handler may take its parts.
using DocumentHandler = std::function<void(Document& document, RecordSink& records, Report& report)>;

// Runs `handler` over every document of the inputs and writes its records.
// Diagnostics go to `err`; returns the exit status: 0 when all input was
// processed, 1 when some was lost (the rest still is).
int run_stage(const StageOptions& options, const DocumentHandler& handler, std::ostream& err);

}  // namespace zhmine
