#include "zhmine/normalize.hpp"

#include "zhmine/huge_buffer.hpp"
#include "zhmine/json_line.hpp"
#include "zhmine/normalizer.hpp"

namespace zhmine {

void write_document_record(const Document& document, RecordSink& records, Report&) {
  std::string& out = records.buffer();
  // Room for the escapes too (every line break becomes "\\n"): growing a
  // buffer this size would copy it to fresh, small-paged memory.
  reserve_huge(out, out.size() + document.text.size() + document.text.size() / 8 + 256);
  JsonLine(out)
      .field("type", "document")
      .field("source", document.source)
      .field("doc", document.doc)
      .field("encoding", document.encoding)
      .field("script", document.script)
      .field("lines", count_lines(document.text))
      .field("text", document.text)
      .end();
}

}  // namespace zhmine
