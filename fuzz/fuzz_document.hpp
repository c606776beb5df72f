// The fuzzers' input as the stages see it: any bytes, normalized as a raw file's text would be.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "zhmine/io/document.hpp"
#include "zhmine/io/json_line.hpp"
#include "zhmine/text/normalizer.hpp"

namespace zhmine::fuzz {

inline Document document_of(const std::uint8_t* data, std::size_t size) {
  Document doc;
  doc.source = "fuzz.txt";
  doc.doc = "0000000000000000";
  doc.text = normalizer_for(TargetScript::simplified)
                 .normalize(std::string_view(reinterpret_cast<const char*>(data), size))
                 .text;
  return doc;
}

// Parses every line of `records`: throws (and so fails the fuzzer) unless each is a JSON object.
inline void require_json_lines(std::string_view records) {
  for (std::size_t start = 0; start < records.size();) {
    const std::size_t end = records.find('\n', start);
    (void)parse_record(records.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace zhmine::fuzz
