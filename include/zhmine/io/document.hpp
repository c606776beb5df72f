// A document: the normalized text of one input, or of one section of it, with
// what every record derived from it carries onward (source, doc) and the map
// back to the lines of the source file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace zhmine {


struct SourcePosition {
  std::size_t line;    // 1-based line of the source file
  std::size_t column;  // 0-based, in code points
};

// Where each piece of a text stands in the source file. A piece runs from its
// offset to the next piece or line break of the text; repairs that join lines
// (segment-sections) add a piece where a joined line begins, so a record
// citing any part of the text still cites the right source line.
class SourceMap {
 public:
  struct Piece {
    std::size_t offset;  // byte offset in the text
    std::size_t line;
    std::size_t column;
  };

  // Text line k is source line first_line + k - 1, column for column.
  static SourceMap lines_of(std::string_view text, std::size_t first_line = 1);

  void add(Piece piece) { pieces_.push_back(piece); }
  bool empty() const { return pieces_.empty(); }
  const std::vector<Piece>& pieces() const { return pieces_; }

  // Position of the byte at `offset` of `text` (pieces in offset order).
  SourcePosition locate(std::string_view text, std::size_t offset) const;
  // Its line alone: cheaper, no code points counted.
  std::size_t line_at(std::string_view text, std::size_t offset) const;

  // [[offset, line, column], …] with offsets in code points, for JSON readers.
  nlohmann::json to_json(std::string_view text) const;
  // Inverse of to_json; throws std::invalid_argument on a malformed map.
  static SourceMap from_json(const nlohmann::ordered_json& j, std::string_view text);

 private:
  std::vector<Piece> pieces_;
};

struct Document {
  std::string source;    // the path as given on the command line, "-" for stdin
  std::string doc;       // stable id: see document_id()
  std::string encoding;  // what the source file was decoded from
  std::string script;    // "simplified" or "traditional": what it was written in
  std::string text;      // normalized UTF-8
  std::optional<std::size_t> lines;  // lines of text, when counted already (while folding a raw file)
  SourceMap origin;      // empty: text line k is source line k
  // When the text is one section of a report: the section record it came
  // from (without its text), whose fields later records carry on.
  nlohmann::ordered_json section;

  // The source map, made explicit when it is the identity.
  SourceMap source_map() const { return origin.empty() ? SourceMap::lines_of(text) : origin; }
};

// 16 hex digits hashing the file's bytes: the same file has the same id
// wherever it lives and whatever it is called.
std::string document_id(std::string_view bytes);

// document_id() of bytes that come in pieces.
class DocumentHasher {
 public:
  // The hash starts from the size, so it must be known first.
  explicit DocumentHasher(std::uint64_t size);
  void update(std::string_view bytes);
  std::string id() const;

 private:
  void mix(std::uint64_t word);
  std::uint64_t h_;
  char partial_[8] = {};  // bytes of a word not complete yet
  std::size_t partial_size_ = 0;
};

}  // namespace zhmine
