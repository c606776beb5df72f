// The fold data files in data/fold/: character mappings and keep-lists that
// refine ICU's transforms. Read by the build-time table generator and by the
// tests that check the generated tables entry by entry.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace zhmine {

// FROM → TO; an empty TO deletes the character.
using CharMapping = std::map<char32_t, std::u32string>;

// Reads "FROM TO" lines. A character is written as itself or as U+XXXX; TO "-"
// means delete. Throws std::runtime_error naming file and line on bad input.
CharMapping read_char_mapping(const std::filesystem::path& file);

// Reads one character per line.
std::set<char32_t> read_char_set(const std::filesystem::path& file);

// KEY → its first candidate, from one of OpenCC's dictionaries as
// `opencc_dict -t text` writes it: "KEY<TAB>CANDIDATE CANDIDATE…" a line.
using PhraseMapping = std::map<std::u32string, std::u32string>;
PhraseMapping read_opencc_dictionary(const std::filesystem::path& file);

}  // namespace zhmine
