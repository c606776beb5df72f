// Numbers as a Chinese reader writes them, for pages meant for people (diff
// --format text and html): 8900000000000 元 is 8.9万亿元, 12440000 人 is
// 1244万人, a change of a percentage is so many 个百分点. Records keep the
// exact values; these are for reading only.
#pragma once

#include <string>
#include <string_view>

#include "zhmine/figures/decimal.hpp"

namespace zhmine {

// `value` in 万, 亿 or 万亿 where it reaches them, with `unit` after it:
// 8.9万亿元. Kept exact where two decimals hold it; otherwise rounded to two
// and marked 约 (约1244.57万人). Percentages and 百分点 are never scaled.
std::string readable_amount(const Decimal& value, std::string_view unit);

// A change: its sign always shown (+8.9万亿元, -0.2个百分点, +约1244.57万人).
std::string readable_change(const Decimal& delta, std::string_view unit);

}  // namespace zhmine
