// Numbers for people: 万/亿/万亿 as a Chinese reader writes them.
#include <catch2/catch.hpp>

#include "zhmine/diff/readable_number.hpp"

using namespace zhmine;

namespace {
Decimal d(const char* text) { return *Decimal::parse(text); }
}  // namespace

TEST_CASE("amounts take 万, 亿 or 万亿 where they reach them", "[readable]") {
  CHECK(readable_amount(d("8900000000000"), "元") == "8.9万亿元");
  CHECK(readable_amount(d("12440000"), "人") == "1244万人");
  CHECK(readable_amount(d("150000000"), "吨") == "1.5亿吨");
  CHECK(readable_amount(d("9999"), "人") == "9999人");
  CHECK(readable_amount(d("734"), "家") == "734家");
  CHECK(readable_amount(d("0.5"), "") == "0.5");
}

TEST_CASE("what two decimals do not hold exactly is rounded and marked 约", "[readable]") {
  CHECK(readable_amount(d("12445678"), "人") == "约1244.57万人");
  CHECK(readable_amount(d("0.333333"), "") == "约0.33");
  CHECK(readable_amount(d("12.34"), "万") == "12.34万");
  CHECK(readable_amount(d("0.005"), "") == "约0.01");
  CHECK(readable_amount(d("-0.005"), "") == "约-0.01");
  CHECK(readable_amount(d("99999999"), "人") == "约1亿人");  // no 约10000万人
  CHECK(readable_amount(d("123456789012345678"), "元") == "约123456.79万亿元");
}

TEST_CASE("percentages are never scaled; a change of one is in 个百分点", "[readable]") {
  CHECK(readable_amount(d("50000"), "%") == "50000%");
  CHECK(readable_change(d("-0.2"), "百分点") == "-0.2个百分点");
  CHECK(readable_change(d("0.5"), "百分点") == "+0.5个百分点");
}

TEST_CASE("a change shows its sign, 约 after it", "[readable]") {
  CHECK(readable_change(d("8900000000000"), "元") == "+8.9万亿元");
  CHECK(readable_change(d("-20000"), "人") == "-2万人");
  CHECK(readable_change(d("-12445678"), "人") == "-约1244.57万人");
  CHECK(readable_change(d("0"), "次") == "+0次");
}
