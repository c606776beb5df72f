#ifndef ZHMINE_DECIMAL_HPP_
#define ZHMINE_DECIMAL_HPP_

// Exact decimal numbers for figures read out of text.
//
// A Decimal is digits × 10^-scale with a signed 64-bit coefficient and
// 0 <= scale <= kMaxScale, so 12.46万 becomes exactly 124600 and 83.88 stays
// 83.88: binary floating point is involved only in to_double(). Every
// operation that could leave that range returns std::nullopt instead of
// wrapping, truncating or rounding silently; only divided_by() rounds, and it
// says so.

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace zhmine {

struct Decimal {
 public:
  // Enough fractional digits for any figure in a report; more would only
  // narrow the range of the integer part when scales are aligned.
  static constexpr int kMaxScale = 18;

  constexpr Decimal() = default;
  constexpr explicit Decimal(std::int64_t n) : digits_(n) {}

  // digits × 10^-scale, or nothing when scale is outside [0, kMaxScale].
  static std::optional<Decimal> from_parts(std::int64_t digits, int scale);

  // ASCII text: an optional '-' or '+', digits with optional thousands
  // separators in groups of three ("1,234"), then an optional '.' and
  // digits; ".5" is allowed. Nothing else, no spaces; nothing on overflow.
  static std::optional<Decimal> parse(std::string_view text);

  // The canonical coefficient and scale: the coefficient carries no trailing
  // zero while the scale is positive, so 4.800 is (48, 1).
  std::int64_t digits() const { return digits_; }
  int scale() const { return scale_; }

  // this × 10^power; power may be negative.
  std::optional<Decimal> scaled(int power) const;
  std::optional<Decimal> times(std::int64_t factor) const;
  std::optional<Decimal> plus(const Decimal& other) const;
  std::optional<Decimal> negated() const;

  // The quotient, rounded half to even to as many fractional digits as fit
  // (at most kMaxScale); *rounded, if given, tells whether rounding happened.
  // Nothing for a zero divisor or a quotient out of range.
  std::optional<Decimal> divided_by(const Decimal& divisor,
                                    bool* rounded = nullptr) const;

  bool is_integer() const { return scale_ == 0; }
  bool is_negative() const { return digits_ < 0; }

  // Shortest exact decimal text: "124600", "83.88", "0.5", "-3".
  std::string to_string() const;
  // The double nearest to the exact value.
  double to_double() const;

  // By value, whatever the representation: 1.50 == 1.5.
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) {
    return (a <=> b) == 0;
  }

 private:
  std::int64_t digits_ = 0;
  int scale_ = 0;
};

std::ostream& operator<<(std::ostream& os, const Decimal& d);

}  // namespace zhmine

#endif  // ZHMINE_DECIMAL_HPP_
