#include "zhmine/text/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "zhmine/text/utf8.hpp"

namespace zhmine {

namespace {

std::string lower_alnum(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// Records damaged lines as decoding goes, without listing more than the cap.
struct DamageLog {
  DecodedText& out;
  std::size_t last = 0;
  void mark(std::size_t line) {
    if (out.damaged_line_count > 0 && line == last) return;
    ++out.damaged_line_count;
    last = line;
    if (out.damaged_lines.size() < DecodedText::kMaxListedLines) out.damaged_lines.push_back(line);
  }
};

// ---- UTF-8 -------------------------------------------------------------------

void decode_utf8(std::string_view bytes, DecodedText& out) {
  if (utf8::find_invalid(bytes) == std::string_view::npos) {
    out.text.assign(bytes);
    return;
  }
  DamageLog log{out};
  out.text.reserve(bytes.size());
  std::size_t line = 1;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const utf8::Decoded d = utf8::decode(bytes, pos);
    if (d.valid) {
      out.text.append(bytes.substr(pos, d.length));
      line += bytes[pos] == '\n';
    } else {
      utf8::append(out.text, utf8::kReplacement);
      log.mark(line);
    }
    pos += d.length;
  }
}

// ---- UTF-16 ------------------------------------------------------------------

// Strict unless `log` is given. Returns false on the first error when strict.
bool decode_utf16(std::string_view bytes, bool big_endian, DecodedText& out, DamageLog* log) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t units = bytes.size() / 2;
  auto unit = [&](std::size_t i) -> char16_t {
    return big_endian ? static_cast<char16_t>(b[2 * i] << 8 | b[2 * i + 1])
                      : static_cast<char16_t>(b[2 * i + 1] << 8 | b[2 * i]);
  };
  out.text.reserve(bytes.size() * 3 / 2);
  std::size_t line = 1;
  auto damage = [&] {
    if (!log) return false;
    utf8::append(out.text, utf8::kReplacement);
    log->mark(line);
    return true;
  };
  for (std::size_t i = 0; i < units; ++i) {
    const char16_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
      utf8::append(out.text, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (unit(i + 1) - 0xDC00));
      ++i;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      if (!damage()) return false;
    } else {
      utf8::append(out.text, u);
      line += u == u'\n';
    }
  }
  if (bytes.size() % 2 != 0 && !damage()) return false;
  return true;
}

// UTF-16 without a BOM shows itself by NUL bytes that fall mostly on one
// parity (the high byte of ASCII characters; a few CJK characters such as
// U+4E00 put one on the other) and by a clean decode, checked by the caller.
std::optional<bool> sniff_bomless_utf16(std::string_view bytes) {
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] == '\0') ++((i % 2) ? odd : even);
  if (bytes.size() % 2 != 0 || even + odd == 0) return std::nullopt;
  if (odd >= 4 * even) return false;  // little endian: ASCII is XX 00
  if (even >= 4 * odd) return true;
  return std::nullopt;
}

// ---- Multi-byte encodings through ICU ---------------------------------------

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* icu_name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) return nullptr;
  return c;
}

// Appends `bytes` decoded to out. Strict: false on the first undecodable or
// truncated sequence. Lossy: replaces it by U+FFFD and returns false.
bool convert(UConverter* from, std::string_view bytes, bool strict, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  ucnv_reset(from);
  if (strict) ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  else ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
  std::u16string wide(bytes.size() + 1, u'\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_toUChars(from, wide.data(), static_cast<int32_t>(wide.size()), bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  wide.resize(static_cast<std::size_t>(n));
  bool clean = true;
  for (std::size_t i = 0; i < wide.size(); ++i) {
    char32_t cp = wide[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < wide.size()) cp = 0x10000 + ((cp - 0xD800) << 10) + (wide[++i] - 0xDC00);
    // In lossy mode ICU substitutes U+FFFD (or U+001A for a single-byte slot).
    if (!strict && (cp == 0x1A || cp == utf8::kReplacement)) clean = false;
    // Windows-950 maps bytes no Big5 text uses (0xFF, user-defined pairs) to
    // the Private Use Area: a decode that needs it is no confirmation.
    if (strict && cp >= 0xE000 && cp <= 0xF8FF) return false;
    utf8::append(out, cp);
  }
  return clean;
}

const char* icu_name(std::string_view canonical) {
  return canonical == "Big5" ? "Big5" : "GB18030";
}

bool decode_strict(std::string_view bytes, std::string_view encoding, DecodedText& out) {
  Converter c = open_converter(icu_name(encoding));
  out.text.clear();
  out.text.reserve(bytes.size() * 3 / 2);
  return c && convert(c.get(), bytes, true, out.text);
}

// Line by line, so that every replacement is charged to its line. Splitting
// on '\n' is safe: in GB18030 and Big5 no byte of a multi-byte sequence is 0x0A.
void decode_lossy(std::string_view bytes, std::string_view encoding, DecodedText& out) {
  Converter c = open_converter(icu_name(encoding));
  DamageLog log{out};
  out.text.clear();
  std::size_t line = 1;
  for (std::size_t start = 0; start <= bytes.size(); ++line) {
    std::size_t end = bytes.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = bytes.size();
    const std::string_view piece = bytes.substr(start, end - start);
    const std::size_t mark = out.text.size();
    if (!convert(c.get(), piece, true, out.text)) {
      out.text.resize(mark);
      convert(c.get(), piece, false, out.text);
      log.mark(line);
    }
    if (last) break;
    out.text.push_back('\n');
    start = end + 1;
  }
}

// ICU's charset detector's ranking of GB18030 and Big5, best first.
std::vector<std::string> detector_candidates(std::string_view bytes) {
  std::vector<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return names;
  // The detector's statistics settle long before 64 KiB.
  const auto sample = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 64 * 1024));
  ucsdet_setText(det, bytes.data(), sample, &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || !name) break;
    // UTF-8 was ruled out by the caller, UTF-16 is recognized by BOM or NULs.
    const auto canonical = canonical_encoding(name);
    if (canonical && (*canonical == "GB18030" || *canonical == "Big5") &&
        std::find(names.begin(), names.end(), *canonical) == names.end())
      names.push_back(*canonical);
  }
  ucsdet_close(det);
  return names;
}

// Damaged UTF-8 still has more well-formed multi-byte characters than broken
// sequences; GBK or Big5 text read as UTF-8 forms one only by chance (~2%).
bool mostly_utf8(std::string_view bytes) {
  std::size_t valid_multibyte = 0, invalid = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const utf8::Decoded d = utf8::decode(bytes, pos);
    if (!d.valid) ++invalid;
    else if (d.length > 1) ++valid_multibyte;
    pos += d.length;
  }
  return valid_multibyte >= invalid;
}

std::size_t line_of(std::string_view bytes, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void decode_as(std::string_view bytes, const std::string& encoding, DecodedText& out) {
  out.encoding = encoding;
  if (encoding == "UTF-8") {
    decode_utf8(bytes, out);
  } else if (encoding == "UTF-16LE" || encoding == "UTF-16BE") {
    DamageLog log{out};
    decode_utf16(bytes, encoding == "UTF-16BE", out, &log);
  } else if (!decode_strict(bytes, encoding, out)) {
    decode_lossy(bytes, encoding, out);
  }
}

}  // namespace

std::optional<std::string> canonical_encoding(std::string_view name) {
  const std::string key = lower_alnum(name);
  if (key == "utf8") return "UTF-8";
  if (key == "utf16le") return "UTF-16LE";
  if (key == "utf16be") return "UTF-16BE";
  if (key == "gb18030" || key == "gbk" || key == "gb2312" || key == "cp936" || key == "euccn" || key == "windows936")
    return "GB18030";
  if (key == "big5" || key == "cp950" || key == "windows950" || key == "big5hkscs") return "Big5";
  return std::nullopt;
}

DecodeResult decode_bytes(std::string owned, const std::optional<std::string>& forced) {
  const std::string_view bytes = owned;
  DecodeResult result;
  DecodedText& out = result.decoded.emplace();
  auto starts_with = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts_with("\xEF\xBB\xBF")) {
    decode_as(bytes.substr(3), forced.value_or("UTF-8"), out);
  } else if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    const std::string encoding = starts_with("\xFE\xFF") ? "UTF-16BE" : "UTF-16LE";
    decode_as(bytes.substr(2), forced.value_or(encoding), out);
  } else if (forced) {
    decode_as(bytes, *forced, out);
  } else if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    const auto big_endian = sniff_bomless_utf16(bytes);
    if (big_endian && decode_utf16(bytes, *big_endian, out, nullptr)) {
      out.encoding = *big_endian ? "UTF-16BE" : "UTF-16LE";
    } else {
      result.decoded.reset();
      result.binary = BinaryInput{line_of(bytes, nul)};
    }
  } else if (utf8::find_invalid(bytes) == std::string_view::npos) {
    out.encoding = "UTF-8";
    out.text = std::move(owned);
  } else if (mostly_utf8(bytes)) {
    decode_as(bytes, "UTF-8", out);
  } else {
    // Big5 byte pairs are also well-formed GBK, so a strict decode alone
    // cannot choose between them: the detector's statistics rank, the strict
    // decode confirms; GB18030 then Big5 are tried if it names neither.
    std::vector<std::string> candidates = detector_candidates(bytes);
    for (const char* fallback : {"GB18030", "Big5"})
      if (std::find(candidates.begin(), candidates.end(), fallback) == candidates.end()) candidates.emplace_back(fallback);
    for (const std::string& candidate : candidates) {
      if (decode_strict(bytes, candidate, out)) {
        out.encoding = candidate;
        return result;
      }
    }
    // Nothing decodes cleanly: take the reading that damages fewest lines,
    // UTF-8 on a tie (ASCII with a stray byte is more likely UTF-8).
    DecodedText as_utf8, as_candidate;
    decode_as(bytes, "UTF-8", as_utf8);
    decode_as(bytes, candidates.front(), as_candidate);
    out = as_candidate.damaged_line_count < as_utf8.damaged_line_count ? std::move(as_candidate) : std::move(as_utf8);
  }
  return result;
}

}  // namespace zhmine
