// The top-level fields of one JSON record, found without building a tree:
// each field's value stays a span of the line until a reader asks for it.
// A figure record is mostly its sentence, and a table row needs it only
// unescaped once; scanning strings a stretch at a time, not a character at a
// time as a full parser does, is what keeps --format csv near JSON Lines'
// speed.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhmine {

class RecordFields {
 public:
  // Splits `line`, one JSON object, into its fields; throws
  // std::invalid_argument when it is not one: a key or colon missing,
  // a string not closed, brackets that do not pair. What is inside a value
  // is not checked here: a bare value (a number, true, false, null) is taken
  // as written, a string is unescaped and a nested value parsed by
  // nlohmann::json when it is read.
  explicit RecordFields(std::string_view line);

  // The value of the first field named `key` (a key written with escapes
  // compared as it reads) as written: a string with its quotes and escapes.
  // Empty when the record has no such field.
  std::string_view raw(std::string_view key) const;

  // The text of a JSON string as written, quotes included, unescaped.
  static std::string unescape(std::string_view quoted);

 private:
  std::vector<std::pair<std::string_view, std::string_view>> fields_;  // key (no quotes), value
};

}  // namespace zhmine
