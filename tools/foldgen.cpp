// Build-time generator of the fold tables (include/zhmine/text/fold_tables.hpp).
//
//   zhmine-foldgen DATA_DIR OPENCC_DIR OUTPUT.cpp
//
// Runs ICU's transforms once per character of their source sets, applies the
// refinements in DATA_DIR (data/fold/), adds what OpenCC's dictionaries in
// OPENCC_DIR (Debian's, as `opencc_dict -t text` writes them) know beyond
// that: characters ICU leaves alone, and the phrases that fold otherwise than
// their characters. Writes the result as C++ arrays, so that zhmine never
// builds an ICU Transliterator or reads a dictionary at run time: creating
// Traditional-Simplified alone costs ~70 ms, and applying it ~14 MB/s.
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "zhmine/text/fold_data.hpp"
#include "zhmine/text/fold_tables.hpp"
#include "zhmine/text/utf8.hpp"

namespace {

using Table = std::map<char32_t, std::u32string>;
using Phrases = zhmine::PhraseMapping;

std::unique_ptr<icu::Transliterator> open_transform(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU transform ") + id + ": " + u_errorName(status));
  return t;
}

std::u32string to_u32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(s.char32At(i)));
  return out;
}

// Every character of `chars` that the transform changes, with what it becomes.
Table apply_per_character(const icu::Transliterator& t, const icu::UnicodeSet& chars) {
  Table table;
  for (int32_t r = 0; r < chars.getRangeCount(); ++r) {
    for (UChar32 c = chars.getRangeStart(r); c <= chars.getRangeEnd(r); ++c) {
      icu::UnicodeString s(c);
      t.transliterate(s);
      if (s != icu::UnicodeString(c)) table[static_cast<char32_t>(c)] = to_u32(s);
    }
  }
  return table;
}

Table apply_per_character(const icu::Transliterator& t) {
  icu::UnicodeSet source;
  t.getSourceSet(source);
  return apply_per_character(t, source);
}

// CJK compatibility ideographs (U+F900–U+FAFF) → the unified ideograph each
// is canonically equivalent to; the twelve that are unified themselves have
// no decomposition and stay.
Table compatibility_ideographs() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFD: ") + u_errorName(status));
  Table table;
  for (UChar32 c = 0xF900; c <= 0xFAFF; ++c) {
    icu::UnicodeString unified;
    if (nfd->getDecomposition(c, unified)) table[static_cast<char32_t>(c)] = to_u32(unified);
  }
  return table;
}

// `text` folded one character at a time by `first`, then by `then`.
std::u32string fold_characters(const std::u32string& text, const Table& first, const Table& then = {}) {
  std::u32string out;
  for (char32_t c : text) {
    const auto f = first.find(c);
    const auto t = f == first.end() ? then.find(c) : then.end();
    out += f != first.end() ? f->second : t != then.end() ? t->second : std::u32string(1, c);
  }
  return out;
}

// `text` converted as OpenCC converts it: the longest phrase of `phrases`
// at each position, else the character by `characters`.
std::u32string convert(const std::u32string& text, const Phrases& phrases, const Table& characters) {
  std::size_t longest = 0;
  for (const auto& [key, value] : phrases) longest = std::max(longest, key.size());
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = std::min(longest, text.size() - i);
    for (; length > 1; --length) {
      if (const auto p = phrases.find(text.substr(i, length)); p != phrases.end()) {
        out += p->second;
        break;
      }
    }
    if (length > 1) {
      i += length;
      continue;
    }
    out += fold_characters(text.substr(i, 1), characters);
    ++i;
  }
  return out;
}

// The phrases the fold must know: those whose value differs from what
// folding their characters gives. A key the characters leave as it is is
// simplified text already, and simplified text passes unchanged (OpenCC
// would turn 藉此 into 借此 even in simplified input).
// Each value is simplified text too, and must pass as it is where its
// characters alone would fold (乾清宫 is no 干清宫): it is a phrase of its own.
Phrases phrases_needed(const Phrases& phrases, const Table& characters, const Table& then = {}) {
  Phrases needed;
  for (const auto& [key, value] : phrases) {
    const std::u32string folded = fold_characters(key, characters, then);
    if (folded != value && folded != key) needed.emplace(key, value);
  }
  for (const auto& [key, value] : phrases)
    if (value.size() > 1 && !phrases.count(value) && fold_characters(value, characters, then) != value)
      needed.emplace(value, value);
  return needed;
}

// A regional chain of OpenCC (tw2s, hk2s) as one table of characters and one
// of phrases for a single pass: the region's variant forms first
// (TWVariantsRev…), then traditional → simplified. Phrases are the region's
// own, and the generic ones both as written and in the region's variant forms.
// `words`: dictionaries of the region's words read before those (tw2sp's
// TWPhrasesRev: 軟體 → 软件), or none.
struct Chain {
  Table characters;
  Phrases phrases;
};

Chain regional_chain(const std::filesystem::path& opencc, const std::string& region, const Phrases& generic,
                     const Table& to_simplified, const std::vector<std::string>& words = {}) {
  Chain chain;
  for (const auto& [from, to] : zhmine::read_opencc_dictionary(opencc / (region + "VariantsRev.txt")))
    if (from.size() == 1) chain.characters[from[0]] = convert(to, generic, to_simplified);
  Table to_region;
  for (const auto& [from, to] : zhmine::read_opencc_dictionary(opencc / (region + "Variants.txt")))
    if (from.size() == 1 && to.size() == 1) to_region[from[0]] = to;
  Phrases phrases;
  for (const auto& [key, value] : zhmine::read_opencc_dictionary(opencc / (region + "VariantsRevPhrases.txt")))
    phrases.emplace(key, convert(value, generic, to_simplified));
  for (const auto& [key, value] : generic) {
    phrases.emplace(key, value);
    phrases.emplace(fold_characters(key, to_region), value);
  }
  chain.phrases = phrases_needed(phrases, chain.characters, to_simplified);
  // The region's words are asked for by name (--variant twp): they go in
  // even where their characters read as simplified already (滑鼠 → 鼠标),
  // first. The fold looks for phrases only at non-ASCII characters, so
  // PN接面 is left to its characters.
  // A word of one character (矽 → 硅) is a character of the chain.
  for (const std::string& dictionary : words) {
    for (const auto& [key, value] : zhmine::read_opencc_dictionary(opencc / (dictionary + ".txt"))) {
      const std::u32string simplified = convert(value, generic, to_simplified);
      if (key.front() < 0x80 || fold_characters(key, chain.characters, to_simplified) == simplified) continue;
      if (key.size() == 1) chain.characters[key.front()] = simplified;
      else chain.phrases[key] = simplified;
    }
  }
  return chain;
}

void write_bytes(std::ostream& out, const std::u32string& text) {
  out << '"';
  for (unsigned char byte : zhmine::utf8::encode(text)) {
    static const char* hex = "0123456789abcdef";
    out << "\\x" << hex[byte >> 4] << hex[byte & 15];
  }
  out << '"';
}

void write_table(std::ostream& out, const std::string& name, const Table& table) {
  out << "const Entry " << name << "Entries[] = {\n";
  for (const auto& [from, to] : table) {
    out << "  {0x" << std::hex << static_cast<unsigned long>(from) << std::dec << ", ";
    write_bytes(out, to);
    out << "},\n";
  }
  out << "};\n";
}

void write_phrases(std::ostream& out, const std::string& name, const Phrases& phrases) {
  out << "const Phrase " << name << "Entries[] = {\n";
  for (const auto& [from, to] : phrases) {
    // What the fold relies on: a key of two characters or more (it looks a
    // phrase up by its second), no longer than a piece may hold back, and a
    // phrase writes at most three bytes for each it reads (the room it makes).
    const std::size_t key = zhmine::utf8::encode(from).size(), value = zhmine::utf8::encode(to).size();
    if (from.size() < 2 || key > zhmine::fold_tables::kMaxPhraseBytes || value > 3 * key)
      throw std::runtime_error("a phrase the fold cannot take: " + zhmine::utf8::encode(from));
    out << "  {";
    write_bytes(out, from);
    out << ", ";
    write_bytes(out, to);
    out << "},\n";
  }
  out << "};\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: zhmine-foldgen DATA_DIR OPENCC_DIR OUTPUT.cpp\n";
    return 2;
  }
  try {
    const std::filesystem::path data = argv[1];
    const std::filesystem::path opencc = argv[2];

    Table width;
    {
      const auto keep = zhmine::read_char_set(data / "width-keep.txt");
      icu::UnicodeSet forms(0xFF01, 0xFF5E);
      for (char32_t c : keep) forms.remove(static_cast<UChar32>(c));
      width = apply_per_character(*open_transform("Fullwidth-Halfwidth"), forms);
      for (const auto& [from, to] : zhmine::read_char_mapping(data / "spaces.txt")) width[from] = to;
    }

    // ICU's characters, then OpenCC's where ICU has none (殢 → 𣨼); the keep
    // list and the variants of data/fold/ above both.
    Table to_simplified = apply_per_character(*open_transform("Traditional-Simplified"));
    for (const auto& [from, to] : zhmine::read_opencc_dictionary(opencc / "TSCharacters.txt"))
      if (from.size() == 1 && to != from) to_simplified.emplace(from[0], to);
    for (char32_t c : zhmine::read_char_set(data / "t2s-keep.txt")) to_simplified.erase(c);
    for (const auto& [from, to] : zhmine::read_char_mapping(data / "t2s-variants.txt")) to_simplified[from] = to;

    const Table to_traditional = apply_per_character(*open_transform("Simplified-Traditional"));

    const Phrases generic = zhmine::read_opencc_dictionary(opencc / "TSPhrases.txt");
    const Phrases phrases = phrases_needed(generic, to_simplified);
    const Chain taiwan = regional_chain(opencc, "TW", generic, to_simplified);
    const Chain taiwan_words = regional_chain(opencc, "TW", generic, to_simplified, {"TWPhrasesRev"});
    const Chain hong_kong = regional_chain(opencc, "HK", generic, to_simplified);

    const std::filesystem::path output = argv[3];
    std::filesystem::create_directories(output.parent_path());
    std::ofstream out(output);
    out << "// Generated by tools/foldgen.cpp from ICU " << U_ICU_VERSION
        << ", OpenCC's dictionaries and data/fold/. Do not edit.\n"
        << "#include \"zhmine/text/fold_tables.hpp\"\n\nnamespace zhmine::fold_tables {\nnamespace {\n";
    write_table(out, "kWidth", width);
    write_table(out, "kToSimplified", to_simplified);
    write_table(out, "kToTraditional", to_traditional);
    write_table(out, "kCompatibilityIdeographs", compatibility_ideographs());
    write_phrases(out, "kPhrasesToSimplified", phrases);
    write_table(out, "kTaiwanToSimplified", taiwan.characters);
    write_phrases(out, "kTaiwanPhrasesToSimplified", taiwan.phrases);
    write_table(out, "kTaiwanWordsCharactersToSimplified", taiwan_words.characters);
    write_phrases(out, "kTaiwanWordsToSimplified", taiwan_words.phrases);
    write_table(out, "kHongKongToSimplified", hong_kong.characters);
    write_phrases(out, "kHongKongPhrasesToSimplified", hong_kong.phrases);
    out << "}  // namespace\n\n";
    for (const char* name : {"kWidth", "kToSimplified", "kToTraditional", "kCompatibilityIdeographs",
                             "kTaiwanToSimplified", "kTaiwanWordsCharactersToSimplified", "kHongKongToSimplified"})
      out << "const std::span<const Entry> " << name << "(" << name << "Entries);\n";
    for (const char* name : {"kPhrasesToSimplified", "kTaiwanPhrasesToSimplified", "kTaiwanWordsToSimplified",
                             "kHongKongPhrasesToSimplified"})
      out << "const std::span<const Phrase> " << name << "(" << name << "Entries);\n";
    out << "\n}  // namespace zhmine::fold_tables\n";
    if (!out) throw std::runtime_error("cannot write " + output.string());
  } catch (const std::exception& e) {
    std::cerr << "zhmine-foldgen: " << e.what() << "\n";
    return 1;
  }
}
