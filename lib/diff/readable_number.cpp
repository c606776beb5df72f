#include "zhmine/diff/readable_number.hpp"

#include <iterator>
#include <string>

namespace zhmine {

namespace {

struct Magnitude {
  int power;  // of ten
  const char* name;
};

// Largest first: a value takes the largest it reaches.
constexpr Magnitude kMagnitudes[] = {{12, "万亿"}, {8, "亿"}, {4, "万"}};

bool unscaled(std::string_view unit) { return unit == "%" || unit == "‰" || unit == "百分点"; }

// |value| ≥ 10^power, for the value's magnitude.
bool reaches(const Decimal& value, int power) {
  const std::optional<Decimal> bound = Decimal(1).scaled(power);
  const std::optional<Decimal> magnitude = value.is_negative() ? value.negated() : value;
  return bound && magnitude && *magnitude >= *bound;
}

// Two decimals at most: exact if it has no more, else rounded half away
// from zero, on the exact digits.
Decimal two_decimals(const Decimal& value, bool& rounded) {
  rounded = value.scale() > 2;
  if (!rounded) return value;
  std::int64_t unit = 1;
  for (int k = 2; k < value.scale(); ++k) unit *= 10;  // scale ≤ 18: fits
  std::int64_t hundredths = value.digits() / unit;
  const std::int64_t rest = value.digits() % unit;
  if ((rest < 0 ? -rest : rest) * 2 >= unit) hundredths += value.is_negative() ? -1 : 1;
  return Decimal::from_parts(hundredths, 2).value_or(value);
}

}  // namespace

std::string readable_amount(const Decimal& value, std::string_view unit) {
  std::size_t magnitude = std::size(kMagnitudes);  // none
  if (!unscaled(unit))
    for (std::size_t m = 0; m < std::size(kMagnitudes) && magnitude == std::size(kMagnitudes); ++m)
      if (reaches(value, kMagnitudes[m].power)) magnitude = m;
  Decimal shown = magnitude == std::size(kMagnitudes) ? value : value.scaled(-kMagnitudes[magnitude].power).value_or(value);
  bool rounded = false;
  shown = two_decimals(shown, rounded);
  // Rounding may carry into the next magnitude: 99999999 is 约1亿, not 约10000万.
  if (magnitude != std::size(kMagnitudes) && magnitude > 0 && reaches(shown, 4)) {
    --magnitude;
    shown = shown.scaled(-4).value_or(shown);
  }
  const char* name = magnitude == std::size(kMagnitudes) ? "" : kMagnitudes[magnitude].name;
  return (rounded ? "约" : "") + shown.to_string() + name + std::string(unit == "百分点" ? "个百分点" : unit);
}

std::string readable_change(const Decimal& delta, std::string_view unit) {
  const std::optional<Decimal> magnitude = delta.is_negative() ? delta.negated() : delta;
  if (!magnitude) return readable_amount(delta, unit);
  return (delta.is_negative() ? "-" : "+") + readable_amount(*magnitude, unit);
}

}  // namespace zhmine
