// Text normalization: script folding (traditional → simplified or back, with
// OpenCC's phrases), full-width ASCII forms → ASCII, compatibility ideographs
// → unified, odd spaces → space, invisible characters removed, CRLF/CR → LF,
// trailing blanks trimmed. One pass over flat tables; line N of the output is
// line N of the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhmine/text/fold_tables.hpp"
#include "zhmine/text/phrase_table.hpp"

namespace zhmine {

enum class TargetScript { simplified, traditional, keep };

// "simplified" / "traditional" / "keep"; throws std::invalid_argument otherwise.
TargetScript parse_target_script(std::string_view name);

// Which standard traditional input follows, when folded to simplified:
// OpenCC's t2s, tw2s, tw2sp or hk2s. Taiwan writes 著 for 着 and 裡 for 里,
// and Hong Kong 衞 for 卫, which the generic tables would leave alone;
// taiwan_words also turns Taiwan's words into the Mainland's (軟體 → 软件).
enum class TraditionalVariant { generic, taiwan, taiwan_words, hong_kong };

// "generic" / "tw" / "twp" / "hk"; throws std::invalid_argument otherwise.
TraditionalVariant parse_traditional_variant(std::string_view name);

struct NormalizedText {
  std::string text;
  std::size_t lines = 0;
  // Characters found only in traditional writing less those found only in
  // simplified: its sign names the script the input was written in.
  std::int64_t script_balance = 0;

  std::string_view script() const { return script_balance > 0 ? "traditional" : "simplified"; }
};

class Normalizer {
 public:
  explicit Normalizer(TargetScript target, TraditionalVariant variant = TraditionalVariant::generic);

  // An invalid UTF-8 sequence in `text` becomes U+FFFD.
  NormalizedText normalize(std::string_view text) const;
  // nullopt unless `text` is valid UTF-8: validating and folding in one pass
  // is how raw files, nearly all UTF-8, are read at full speed.
  std::optional<NormalizedText> normalize_if_valid(std::string_view text) const;

 private:
  // One slot per code point: the flags below, and the character's
  // replacement of up to three UTF-8 bytes in the slot itself (low 24 bits,
  // length in kLengthShift), so the hot loop makes one load per character.
  // A BMP character left alone is its own replacement; kMapped marks those
  // that are not. Longer replacements (a supplementary character) are
  // kPooled: the low 24 bits are then their offset in pool_. Supplementary
  // characters without a slot are left alone. kPhraseStart marks a character
  // that starts a phrase of phrases_: it leaves the fast path, as kPooled does.
  // The top two bits, read as a signed number, are the character's share
  // of NormalizedText::script_balance: +1 only traditional, -1 only
  // simplified, 0 neither or both.
  static constexpr int kScriptShift = 30;
  static constexpr std::uint32_t kMapped = 1u << 29;
  static constexpr std::uint32_t kPooled = 1u << 28;
  static constexpr std::uint32_t kPhraseStart = 1u << 27;
  static constexpr int kLengthShift = 24;
  static constexpr std::uint32_t kBytesMask = (1u << 24) - 1;

  friend class FoldStream;

  // What folding has made so far.
  struct FoldState {
    std::string out;        // the folded text, and room for more
    std::size_t used = 0;   // bytes of `out` in use
    std::size_t lines = 0;  // line breaks written
    std::int64_t script_balance = 0;
  };

  std::uint32_t slot(char32_t cp) const;
  // The UTF-8 that `cp` folds to.
  std::string replacement(char32_t cp) const;
  // Folds `in` on from `state`, and returns how many bytes of it: all of it
  // when `last`; else it stops before a phrase that may run past its end.
  // nullopt when `strict` and `in` holds invalid UTF-8.
  std::optional<std::size_t> fold(std::string_view in, bool strict, bool last, FoldState& state) const;
  // The end of the text: trims its last line; the text and its counts.
  static NormalizedText finish(FoldState& state);

  // What folding one character or phrase did: input bytes consumed (0:
  // invalid UTF-8 met in strict mode, or a phrase may start here that the
  // input ends), output bytes written, and its share of the script balance.
  struct Step {
    std::uint8_t consumed;
    std::uint8_t written;
    std::int32_t script_share;
    bool invalid;
  };
  // Folds the character at s[i] that the inline fast path does not take:
  // two- and four-byte sequences, pooled replacements, phrases, invalid
  // bytes, the last bytes of the input. Out of line, so the fast path stays small.
  Step fold_other(const unsigned char* s, std::size_t n, std::size_t i, char* o, bool strict, bool last) const;
  // Whether a phrase may start at the initial before s[next]: the character
  // at `next` is some phrase's second, or not yet seen.
  bool phrase_may_start(const unsigned char* s, std::size_t n, std::size_t next) const;
  // Folds the phrase at s[i] if one starts there.
  std::optional<Step> fold_phrase(const unsigned char* s, std::size_t n, std::size_t i, char* o) const;
  static std::int32_t script_share(std::uint32_t bits) { return static_cast<std::int32_t>(bits) >> kScriptShift; }

  std::vector<std::uint32_t> bmp_;
  // Supplementary-plane slots, sorted by code point: rare, so searched.
  std::vector<std::pair<char32_t, std::uint32_t>> astral_;
  // Pooled replacements, each a length byte followed by its UTF-8 bytes.
  std::string pool_;
  PhraseTable phrases_;
};

// Folds a text that arrives in pieces exactly as Normalizer::normalize()
// folds it whole (normalize_if_valid() when strict): a file can be folded as
// it is read, without holding its bytes whole as well as its folded text.
class FoldStream {
 public:
  // `expected_size`: about how many bytes the text has, to allocate once.
  FoldStream(const Normalizer& normalizer, bool strict, std::size_t expected_size = 0);

  // Bytes of a piece that feed() may leave for the next: a character cut
  // short, a CR whose LF may follow, a phrase the piece may end.
  static constexpr std::size_t kMaxLeftOver = fold_tables::kMaxPhraseBytes + 4;

  // The longest prefix of `buffer` that does not end inside a UTF-8
  // sequence or between CR and LF.
  static std::size_t cut(std::string_view buffer);

  // Folds as much of `piece` as can be folded without what follows it, and
  // returns how many bytes that was: the rest goes at the front of the next
  // piece. 0 once strict folding has met invalid UTF-8 (see failed()).
  std::size_t feed(std::string_view piece);
  // Folds the text's last piece, whole. False once strict folding has met invalid UTF-8.
  bool feed_last(std::string_view piece);
  bool failed() const { return failed_; }

  // After the last piece: the folded text and its counts; nullopt if folding failed.
  std::optional<NormalizedText> finish();

 private:
  const Normalizer& normalizer_;
  bool strict_;
  Normalizer::FoldState state_;
  bool failed_ = false;
};

// The process-wide normalizer for a target script, built on first use.
const Normalizer& normalizer_for(TargetScript target, TraditionalVariant variant = TraditionalVariant::generic);

// Number of lines in text: a final line without '\n' counts, an empty text has none.
std::size_t count_lines(std::string_view text);

}  // namespace zhmine
