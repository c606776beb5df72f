// How a figure's value relates to what the text means: exact, or approximate
// in one of three ways. The words that say so are data (patterns/qualifiers.rules).
#pragma once

#include <optional>
#include <string_view>

#include "zhmine/figures/numerals.hpp"

namespace zhmine {

enum class Qualifier {
  exact,
  about,  // near the value: 约, 近, 左右
  over,   // the value is a lower bound: 余, 多, 以上, 超过
  under,  // the value is an upper bound: 不足, 不到, 以下
};

// "about", "over", "under"; nothing for another name ("exact" is not written).
std::optional<Qualifier> qualifier_named(std::string_view name);

// "about", "over" or "under"; empty for exact (written as null in records).
std::string_view qualifier_name(Qualifier q);

// What a vague numeral (数十, 近百) says by itself.
Qualifier qualifier_of(Approx approx);

}  // namespace zhmine
