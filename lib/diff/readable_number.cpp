#include "zhmine/diff/readable_number.hpp"

#include <cmath>
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

// Two decimals at most: exact if it has no more, else rounded (half away
// from zero on the digit shown) and said to be rounded.
std::string two_decimals(const Decimal& value, bool& rounded) {
  rounded = value.scale() > 2;
  if (!rounded) return value.to_string();
  const std::optional<Decimal> hundredths = value.scaled(2);
  if (!hundredths) return value.to_string();
  const double shown = std::round(hundredths->to_double()) / 100;
  const std::optional<Decimal> parsed = Decimal::parse(std::to_string(shown));
  return parsed ? parsed->to_string() : value.to_string();
}

}  // namespace

std::string readable_amount(const Decimal& value, std::string_view unit) {
  Decimal shown = value;
  const char* magnitude = "";
  if (!unscaled(unit)) {
    for (const Magnitude& m : kMagnitudes) {
      if (reaches(value, m.power)) {
        if (const auto scaled = value.scaled(-m.power)) {
          shown = *scaled;
          magnitude = m.name;
        }
        break;
      }
    }
  }
  bool rounded = false;
  const std::string digits = two_decimals(shown, rounded);
  return (rounded ? "约" : "") + digits + magnitude + std::string(unit == "百分点" ? "个百分点" : unit);
}

std::string readable_change(const Decimal& delta, std::string_view unit) {
  const std::optional<Decimal> magnitude = delta.is_negative() ? delta.negated() : delta;
  if (!magnitude) return readable_amount(delta, unit);
  return (delta.is_negative() ? "-" : "+") + readable_amount(*magnitude, unit);
}

}  // namespace zhmine
