// Any bytes, any forced encoding: decoding and normalizing never crash, and
// always give valid UTF-8 with as many lines as the decoder saw. Folded and
// hashed in pieces, as files are read, the bytes give what they give whole.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "zhmine/io/document.hpp"
#include "zhmine/text/encoding.hpp"
#include "zhmine/text/normalizer.hpp"
#include "zhmine/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses how to read the rest: detected, or one encoding forced.
  const std::optional<std::string> forced[] = {std::nullopt, "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"};
  const auto& encoding = forced[data[0] % 6];
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const zhmine::DecodeResult decoded = zhmine::decode_bytes(bytes, encoding);
  if (decoded.binary) return 0;
  const std::string& text = decoded.decoded->text;
  if (zhmine::utf8::find_invalid(text) != std::string::npos) std::abort();
  const auto target = static_cast<zhmine::TargetScript>(data[0] % 3);
  const auto variant = static_cast<zhmine::TraditionalVariant>(data[0] / 6 % 4);
  const zhmine::Normalizer& normalizer = zhmine::normalizer_for(target, variant);
  const zhmine::NormalizedText n = normalizer.normalize(text);
  if (zhmine::utf8::find_invalid(n.text) != std::string::npos) std::abort();
  if (n.lines != zhmine::count_lines(n.text)) std::abort();
  // The one-pass path agrees with decode-then-normalize on valid UTF-8.
  if (auto direct = normalizer.normalize_if_valid(bytes); direct && !encoding) {
    if (decoded.decoded->encoding == "UTF-8" && bytes.compare(0, 3, "\xEF\xBB\xBF") != 0 && direct->text != n.text)
      std::abort();
  }
  // In pieces of 1 to 13 bytes, the rest of each that feed() leaves carried on.
  const std::size_t size_of_piece = 1 + data[0] % 13;
  zhmine::FoldStream stream(normalizer, true);
  zhmine::DocumentHasher hasher(bytes.size());
  std::string carried;
  for (std::size_t at = 0; at < bytes.size(); at += size_of_piece) {
    const std::string_view fresh = std::string_view(bytes).substr(at, size_of_piece);
    hasher.update(fresh);
    if (stream.failed()) continue;  // invalid UTF-8 met: nothing more is folded, finish() says so
    const std::string piece_data = carried + std::string(fresh);
    const bool last = at + size_of_piece >= bytes.size();
    if (last) {
      stream.feed_last(piece_data);
      break;
    }
    const std::size_t piece = stream.feed(piece_data);
    if (!stream.failed() && piece_data.size() - piece > zhmine::FoldStream::kMaxLeftOver) std::abort();
    carried = piece_data.substr(piece);
  }
  const std::optional<zhmine::NormalizedText> pieces = stream.finish();
  const std::optional<zhmine::NormalizedText> whole = normalizer.normalize_if_valid(bytes);
  if (pieces.has_value() != whole.has_value()) std::abort();
  if (pieces && (pieces->text != whole->text || pieces->lines != whole->lines ||
                 pieces->script_balance != whole->script_balance))
    std::abort();
  if (hasher.id() != zhmine::document_id(bytes)) std::abort();
  return 0;
}
