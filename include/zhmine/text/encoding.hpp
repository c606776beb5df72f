// Detecting and decoding the encodings report files come in: UTF-8 (with or
// without BOM), UTF-16LE/BE, GB18030 (and its subsets GBK, GB2312), Big5.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhmine {

// Canonical names of the encodings zhmine reads, as recorded in its output.
inline constexpr std::string_view kSupportedEncodings[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"};

// Maps a user's spelling (utf8, gbk, GB2312, big5, UTF-16le, cp936 …) to a
// canonical name; nullopt for an encoding zhmine does not read.
std::optional<std::string> canonical_encoding(std::string_view name);

struct DecodedText {
  std::string text;      // UTF-8, without BOM
  std::string encoding;  // canonical name
  // 1-based lines in which undecodable bytes were replaced by U+FFFD, in
  // order; the first kMaxListedLines are listed, all are counted.
  std::vector<std::size_t> damaged_lines;
  std::size_t damaged_line_count = 0;
  static constexpr std::size_t kMaxListedLines = 100;
};

struct BinaryInput {
  std::size_t line;  // where the first NUL byte is
};

// Detects the encoding of `bytes` (BOM, then strict UTF-8, then ICU's charset
// detector confirmed by a strict decode) unless `forced` names one, and
// decodes. Returns BinaryInput for data with NUL bytes that is not UTF-16.
struct DecodeResult {
  std::optional<DecodedText> decoded;
  std::optional<BinaryInput> binary;
};
// Takes `bytes` by value: valid UTF-8, the common case, becomes the text without a copy.
DecodeResult decode_bytes(std::string bytes, const std::optional<std::string>& forced = std::nullopt);

}  // namespace zhmine
