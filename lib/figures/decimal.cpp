#include "zhmine/figures/decimal.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <ostream>

namespace zhmine {

namespace {

// Aligning two scales multiplies a 64-bit coefficient by at most 10^18, which
// __int128 holds with room for one addition, so alignment never overflows.
// __extension__ keeps -Wpedantic quiet about the GCC/Clang builtin type.
__extension__ typedef __int128 Wide;
__extension__ typedef unsigned __int128 UWide;

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();

constexpr Wide pow10(int n) {
  Wide p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// The coefficients of a and b brought to their common scale.
struct Aligned {
  Wide a, b;
  int scale;
};

Aligned align(const Decimal& a, const Decimal& b) {
  const int s = std::max(a.scale(), b.scale());
  return {a.digits() * pow10(s - a.scale()), b.digits() * pow10(s - b.scale()),
          s};
}

// digits × 10^-scale in canonical form, or nothing if it does not fit.
std::optional<Decimal> make(Wide digits, long long scale) {
  while (scale > 0 && digits % 10 == 0) {
    digits /= 10;
    --scale;
  }
  if (scale > Decimal::kMaxScale || digits > kInt64Max || digits < kInt64Min) {
    return std::nullopt;
  }
  return Decimal::from_parts(static_cast<std::int64_t>(digits),
                             static_cast<int>(scale));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<Decimal> Decimal::from_parts(std::int64_t digits, int scale) {
  if (scale < 0 || scale > kMaxScale) return std::nullopt;
  while (scale > 0 && digits % 10 == 0) {
    digits /= 10;
    --scale;
  }
  Decimal d;
  d.digits_ = digits;
  d.scale_ = scale;
  return d;
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  // Split into integer and fraction text, checking separators on the way.
  const std::size_t point = std::min(text.find('.'), text.size());
  std::string_view integer = text.substr(0, point);
  std::string_view fraction =
      point < text.size() ? text.substr(point + 1) : std::string_view();
  if (point < text.size() && fraction.empty()) return std::nullopt;  // "1."
  if (integer.empty() && fraction.empty()) return std::nullopt;
  if (!std::all_of(fraction.begin(), fraction.end(), is_digit)) {
    return std::nullopt;
  }
  if (const std::size_t comma = integer.find(','); comma != integer.npos) {
    if (comma == 0 || comma > 3 || (integer.size() - comma) % 4 != 0) {
      return std::nullopt;
    }
    for (std::size_t i = comma; i < integer.size(); i += 4) {
      if (integer[i] != ',') return std::nullopt;
    }
  }
  // Trailing fraction zeros add nothing and would only cost range.
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.size() > static_cast<std::size_t>(kMaxScale)) {
    return std::nullopt;
  }

  Wide digits = 0;
  auto push = [&digits](char c) {
    digits = digits * 10 + (c - '0');
    return digits <= Wide{kInt64Max} + 1;  // -2^63 is still representable
  };
  for (char c : integer) {
    if (c == ',') continue;
    if (!is_digit(c) || !push(c)) return std::nullopt;
  }
  for (char c : fraction) {
    if (!push(c)) return std::nullopt;
  }
  return make(negative ? -digits : digits, static_cast<long long>(fraction.size()));
}

std::optional<Decimal> Decimal::scaled(int power) const {
  if (power < 0) {
    return make(digits_, static_cast<long long>(scale_) - power);
  }
  // Spend the scale first so 1.5 × 10^1 needs no multiplication at all.
  const int spent = std::min(power, scale_);
  const int rest = power - spent;
  if (digits_ == 0) return Decimal();
  if (rest > 18) return std::nullopt;  // 10^19 × any nonzero coefficient
  return make(digits_ * pow10(rest), scale_ - spent);
}

std::optional<Decimal> Decimal::times(std::int64_t factor) const {
  return make(Wide{digits_} * factor, scale_);
}

std::optional<Decimal> Decimal::plus(const Decimal& other) const {
  const Aligned x = align(*this, other);
  return make(x.a + x.b, x.scale);
}

std::optional<Decimal> Decimal::negated() const {
  return make(-Wide{digits_}, scale_);
}

std::optional<Decimal> Decimal::divided_by(const Decimal& divisor,
                                           bool* rounded) const {
  if (divisor.digits_ == 0) return std::nullopt;
  const Aligned x = align(*this, divisor);
  const bool negative = (x.a < 0) != (x.b < 0);
  const UWide numerator = x.a < 0 ? -static_cast<UWide>(x.a) : x.a;
  const UWide denominator = x.b < 0 ? -static_cast<UWide>(x.b) : x.b;

  // The magnitude may reach 2^63 when the quotient is negative.
  const UWide limit = static_cast<UWide>(kInt64Max) + (negative ? 1 : 0);
  const UWide whole = numerator / denominator;
  if (whole > limit) return std::nullopt;
  std::uint64_t digits = static_cast<std::uint64_t>(whole);
  UWide remainder = numerator % denominator;
  int scale = 0;
  // Long division, one digit at a time, while the coefficient has room.
  while (remainder != 0 && scale < kMaxScale) {
    const UWide shifted = remainder * 10;  // < 10 × 2^63 × 10^18 < 2^128
    const auto digit = static_cast<std::uint64_t>(shifted / denominator);
    if (digits > (limit - digit) / 10) break;
    digits = digits * 10 + digit;
    remainder = shifted % denominator;
    ++scale;
  }
  if (rounded != nullptr) *rounded = remainder != 0;
  const UWide twice = remainder * 2;
  if (twice > denominator || (twice == denominator && digits % 2 == 1)) {
    ++digits;  // may pass the limit by one, which make() rejects
  }
  const Wide value = static_cast<Wide>(digits);
  return make(negative ? -value : value, scale);
}

std::string Decimal::to_string() const {
  // The magnitude as unsigned, so that -2^63 needs no special case.
  std::uint64_t magnitude = digits_ < 0 ? 0 - static_cast<std::uint64_t>(digits_)
                                        : static_cast<std::uint64_t>(digits_);
  std::string text = std::to_string(magnitude);
  if (scale_ > 0) {
    const std::size_t scale = static_cast<std::size_t>(scale_);
    if (text.size() <= scale) text.insert(0, scale + 1 - text.size(), '0');
    text.insert(text.size() - scale, 1, '.');
  }
  if (digits_ < 0) text.insert(0, 1, '-');
  return text;
}

double Decimal::to_double() const {
  // Correctly rounded, and unlike strtod independent of the C locale.
  const std::string text = to_string();
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const Aligned x = align(a, b);
  return x.a <=> x.b;
}

std::ostream& operator<<(std::ostream& os, const Decimal& d) {
  return os << d.to_string();
}

}  // namespace zhmine
