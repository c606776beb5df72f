#ifndef ZHMINE_NUMERALS_HPP_
#define ZHMINE_NUMERALS_HPP_

// Exact readings of the Chinese and Arabic numerals found in work reports.
//
// parse_numeral(), parse_percent() and parse_vague() each read one whole
// string (surrounding spaces aside), the span that a figure rule captured;
// scan_numerals() finds numerals in running text. Readings and conventions
// are listed in docs/numerals.md. Input is UTF-8; offsets are byte offsets.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "zhmine/figures/decimal.hpp"

namespace zhmine {

// How a value relates to the number the text means.
enum class Approx {
  exact,
  over,   // a lower bound: 数十 → 10, 上百 → 100, 十余万 → 100000
  about,  // near it: 近百 → 100; also a fraction rounded to fit (三分之一)
};

// A numeral, Arabic or Chinese, with separators, decimals, multipliers and
// a sign: "1,234.5", "１２．４６万", "一万二千四百零六", "三点五", "3万5千",
// "三万五" (35000), "二〇二〇", "负三十二". Nothing when the text is not
// exactly one numeral or the value does not fit a Decimal.
std::optional<Decimal> parse_numeral(std::string_view text);

// A percentage, in percent units: "95%" → 95, "百分之八十点五" → 80.5,
// "3个百分点" → 3, "千分之五" → 0.5, "九成" → 90, "八五折" → 85.
std::optional<Decimal> parse_percent(std::string_view text);

// A vague magnitude and its lower bound: "数十" → 10 over, "上百" → 100 over,
// "近千" → 1000 about, "十余万" → 100000 over, "二十几万" → 200000 over.
// Nothing for an exact numeral: use parse_numeral() for those.
struct VagueNumber {
  Decimal value;
  Approx approx = Approx::over;
};
std::optional<VagueNumber> parse_vague(std::string_view text);

// A fraction, as a decimal: "三分之一" → 0.333… (rounded to the digits a
// Decimal holds), "四分之一" → 0.25, "1/2" → 0.5.
std::optional<Decimal> parse_fraction(std::string_view text);

// Two neighbouring digits read as a range: "两三" → 2–3, "三四十" → 30–40,
// "一两百" → 100–200, "十七八" → 17–18, "二三十万" → 200000–300000.
struct NumeralRange {
  Decimal low, high;
};
std::optional<NumeralRange> parse_adjacent_range(std::string_view text);

// Whether `text` is a numeral whose value outgrows a Decimal
// (999999999999999999999亿), as opposed to no numeral at all.
bool numeral_too_large(std::string_view text);

// A numeral found by scan_numerals(): text.substr(begin, end - begin).
struct NumeralSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  Decimal value;
  bool percent = false;  // value is in percent units
  Approx approx = Approx::exact;
};

// The maximal numerals in running text, left to right and disjoint: all
// that the parse_* functions read, and also fractions (三分之一, 1/2),
// dozens (一打), scientific notation (2e5) and k/M suffixes (40k), which
// figures in reports do not use but the Recognizers-Text specs do.
std::vector<NumeralSpan> scan_numerals(std::string_view text);

}  // namespace zhmine

#endif  // ZHMINE_NUMERALS_HPP_
