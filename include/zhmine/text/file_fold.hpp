// Reading a UTF-8 file in pieces, folding each as it comes: a file is read
// once, into a small buffer, and only its folded text is held whole.
#pragma once

#include <optional>
#include <string>

#include "zhmine/text/normalizer.hpp"

namespace zhmine {

struct FileFold {
  std::string doc;        // document_id() of the file's bytes
  NormalizedText folded;  // its folded text, lines and script
};

// Reads the file at `path` from its start and folds it with
// Normalizer::normalize_if_valid(). nullopt when the file is not plain UTF-8
// (a BOM, a NUL byte, an invalid sequence), which needs detecting and
// decoding, or when it changed size while it was read. Throws
// std::system_error when it cannot be opened or read.
std::optional<FileFold> fold_file(const std::string& path, const Normalizer& normalizer);

}  // namespace zhmine
