#include "zhmine/io/json_line.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "zhmine/text/byte_scan.hpp"

namespace zhmine {

namespace {

// 0: copy as is; otherwise the character after the backslash ('u' for \u00XX).
constexpr std::array<char, 256> make_escapes() {
  std::array<char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t['\b'] = 'b';
  t['\f'] = 'f';
  t['\n'] = 'n';
  t['\r'] = 'r';
  t['\t'] = 't';
  t['"'] = '"';
  t['\\'] = '\\';
  return t;
}
constexpr std::array<char, 256> kEscapes = make_escapes();

// The index of the first byte from `i` on that needs escaping (below 0x20,
// '"' or '\\'), sixteen bytes at a time; text.size() when none does.
inline std::size_t next_to_escape(std::string_view text, std::size_t i) {
  for (; i + 16 <= text.size(); i += 16) {
    const scan::Bytes16 v = scan::load(text.data() + i);
    if (const unsigned k = scan::first_set((v < 0x20) | (v == '"') | (v == '\\')); k < 16) return i + k;
  }
  for (; i < text.size(); ++i)
    if (kEscapes[static_cast<unsigned char>(text[i])] != 0) return i;
  return text.size();
}

constexpr std::size_t kMaxRecordDepth = 64;

bool nested_deeper_than(std::string_view json, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

nlohmann::ordered_json parse_record(std::string_view line) {
  // nlohmann::json stops reading at a NUL byte and takes what came before:
  // what follows it would be dropped unseen. JSON has none outside \u0000.
  if (line.find('\0') != std::string_view::npos) throw std::invalid_argument("a NUL byte in the line");
  if (nested_deeper_than(line, kMaxRecordDepth))
    throw std::invalid_argument("nested deeper than " + std::to_string(kMaxRecordDepth) + " levels");
  nlohmann::ordered_json record = nlohmann::ordered_json::parse(line);
  if (!record.is_object()) throw std::invalid_argument("not a JSON object");
  return record;
}

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  append_json_escaped(out, text);
  out.push_back('"');
}

void append_json_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = next_to_escape(text, 0); i < text.size(); i = next_to_escape(text, i + 1)) {
    const char e = kEscapes[static_cast<unsigned char>(text[i])];
    out.append(text.data() + run, i - run);
    out.push_back('\\');
    out.push_back(e);
    if (e == 'u') {
      static constexpr char hex[] = "0123456789abcdef";
      const auto c = static_cast<unsigned char>(text[i]);
      out += "00";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

void JsonLine::key(std::string_view k) {
  if (!first_) out_.push_back(',');
  first_ = false;
  append_json_string(out_, k);
  out_.push_back(':');
}

JsonLine& JsonLine::field(std::string_view k, std::string_view value) {
  key(k);
  append_json_string(out_, value);
  return *this;
}

JsonLine& JsonLine::field(std::string_view k, std::int64_t value) {
  key(k);
  out_ += std::to_string(value);
  return *this;
}

JsonLine& JsonLine::field(std::string_view k, bool value) {
  key(k);
  out_ += value ? "true" : "false";
  return *this;
}

JsonLine& JsonLine::field(std::string_view k, const nlohmann::ordered_json& value) {
  key(k);
  out_ += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return *this;
}

JsonLine& JsonLine::null(std::string_view k) {
  key(k);
  out_ += "null";
  return *this;
}

JsonLine& JsonLine::raw(std::string_view k, std::string_view json_text) {
  key(k);
  out_ += json_text;
  return *this;
}

}  // namespace zhmine
