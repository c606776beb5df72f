// JSON Lines: one object a line. Writing keeps fields in the order written
// and UTF-8 as is (Chinese is never \u-escaped), by hand because a
// document's text is megabytes and nlohmann::json's dump manages ~200 MB/s.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace zhmine {

// Parses one line as a JSON object of an earlier stage. Throws
// std::invalid_argument (or nlohmann's parse_error) with the reason. Refuses
// nesting deeper than 64 levels before parsing: nlohmann's parser recurses
// once per level, and a line of a million '[' would overflow the stack. Refuses
// a NUL byte, where nlohmann's parser would stop and drop the rest unseen.
nlohmann::ordered_json parse_record(std::string_view line);

// Appends `text` (valid UTF-8) as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);
// The same without the quotes: `text` escaped for the inside of a JSON string.
void append_json_escaped(std::string& out, std::string_view text);

class JsonLine {
 public:
  explicit JsonLine(std::string& out) : out_(out) { out_.push_back('{'); }

  JsonLine& field(std::string_view key, std::string_view value);
  JsonLine& field(std::string_view key, const char* value) { return field(key, std::string_view(value)); }
  JsonLine& field(std::string_view key, const std::string& value) { return field(key, std::string_view(value)); }
  JsonLine& field(std::string_view key, std::int64_t value);
  JsonLine& field(std::string_view key, std::size_t value) { return field(key, static_cast<std::int64_t>(value)); }
  JsonLine& field(std::string_view key, int value) { return field(key, static_cast<std::int64_t>(value)); }
  JsonLine& field(std::string_view key, bool value);
  JsonLine& field(std::string_view key, const nlohmann::ordered_json& value);
  JsonLine& null(std::string_view key);
  // `json_text` must already be valid JSON (a number rendered exactly, say).
  JsonLine& raw(std::string_view key, std::string_view json_text);
  // Writes `"key":` alone: the caller writes the value, as JSON.
  JsonLine& key_only(std::string_view key) {
    this->key(key);
    return *this;
  }
  // Closes the object and the line.
  void end() { out_ += "}\n"; }

 private:
  void key(std::string_view k);
  std::string& out_;
  bool first_ = true;
};

}  // namespace zhmine
