// zhmine normalize: one "document" record per input document.
#pragma once

#include <string>

#include "zhmine/io/diagnostics.hpp"
#include "zhmine/io/document.hpp"
#include "zhmine/io/record_sink.hpp"

namespace zhmine {

// {"type":"document","source","doc","encoding","script","lines","text"}.
// Takes the document's text, which goes out escaped without a copy.
void write_document_record(Document& document, RecordSink& records, Report& report);

}  // namespace zhmine
