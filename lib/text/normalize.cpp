#include "zhmine/text/normalize.hpp"

#include "zhmine/io/json_line.hpp"
#include "zhmine/text/normalizer.hpp"

namespace zhmine {

void write_document_record(Document& document, RecordSink& records, Report&) {
  JsonLine(records.buffer())
      .field("type", "document")
      .field("source", document.source)
      .field("doc", document.doc)
      .field("encoding", document.encoding)
      .field("script", document.script)
      .field("lines", document.lines ? *document.lines : count_lines(document.text))
      .key_only("text");
  records.buffer() += '"';
  records.append_escaped(std::move(document.text));
  records.buffer() += "\"}\n";
}

}  // namespace zhmine
