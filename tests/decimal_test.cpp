#include "zhmine/figures/decimal.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <sstream>
#include <string>

namespace {

using zhmine::Decimal;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// A result as exact text, or "none" when there is no result.
std::string str(const std::optional<Decimal>& d) {
  return d ? d->to_string() : "none";
}

Decimal dec(const char* text) {
  const std::optional<Decimal> d = Decimal::parse(text);
  REQUIRE(d);
  return *d;
}

TEST_CASE("Decimal::parse reads plain, grouped and fractional digits",
          "[decimal]") {
  const struct {
    const char* text;
    const char* value;
  } cases[] = {
      {"0", "0"},           {"7", "7"},
      {"124600", "124600"}, {"83.88", "83.88"},
      {"1,234.5", "1234.5"}, {"1,234,567", "1234567"},
      {"-1,234.5", "-1234.5"}, {"+7", "7"},
      {".5", "0.5"},        {"-.5", "-0.5"},
      {"4.800", "4.8"},     {"007", "7"},
      {"0.000", "0"},       {"-0", "0"},
      {"1.500000000000000000000000", "1.5"},  // zeros beyond kMaxScale
      {"0.000000000000000001", "0.000000000000000001"},
      {"9223372036854775807", "9223372036854775807"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"922337203685477580.7", "922337203685477580.7"},
      {"100,000,000", "100000000"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(str(Decimal::parse(c.text)) == c.value);
  }
}

TEST_CASE("Decimal::parse keeps the canonical coefficient and scale",
          "[decimal]") {
  const Decimal d = dec("4.800");
  CHECK(d.digits() == 48);
  CHECK(d.scale() == 1);
  const Decimal whole = dec("124600");
  CHECK(whole.digits() == 124600);
  CHECK(whole.scale() == 0);
  CHECK(dec("83.88").digits() == 8388);
  CHECK(dec("83.88").scale() == 2);
}

TEST_CASE("Decimal::parse rejects malformed text and overflow", "[decimal]") {
  const char* const rejected[] = {
      "", "-", "+", ".", "1.", "-.", "1,23", "1,2345", ",123", "1234,567",
      "1,234,56", "1,,234", "1,234.5,6", "1.2.3", "1 2", " 1", "1 ", "abc",
      "1e5", "0x10", "１２", "--1", "1-",
      "9223372036854775808",              // 2^63
      "-9223372036854775809",             // below -2^63
      "99999999999999999999",             // 20 digits
      "0.1234567890123456789",            // 19 fractional digits
      "999999999999999999999",            // as in 999999999999999999999亿
      "92233720368547758.080",            // 2^63 scaled
  };
  for (const char* text : rejected) {
    CAPTURE(text);
    CHECK_FALSE(Decimal::parse(text));
  }
}

TEST_CASE("Decimal::from_parts validates the scale and normalizes",
          "[decimal]") {
  CHECK(str(Decimal::from_parts(8388, 2)) == "83.88");
  CHECK(str(Decimal::from_parts(5, 1)) == "0.5");
  CHECK(str(Decimal::from_parts(12000, 3)) == "12");
  CHECK(Decimal::from_parts(12000, 3)->scale() == 0);
  CHECK(str(Decimal::from_parts(1, 18)) == "0.000000000000000001");
  CHECK_FALSE(Decimal::from_parts(1, 19));
  CHECK_FALSE(Decimal::from_parts(1, -1));
}

TEST_CASE("Decimal::to_string gives the shortest exact text", "[decimal]") {
  CHECK(Decimal().to_string() == "0");
  CHECK(Decimal(124600).to_string() == "124600");
  CHECK(Decimal(-3).to_string() == "-3");
  CHECK(dec("0.5").to_string() == "0.5");
  CHECK(dec("-0.05").to_string() == "-0.05");
  CHECK(dec("83.880").to_string() == "83.88");
  CHECK(Decimal(kMin).to_string() == "-9223372036854775808");
  CHECK(Decimal(kMax).to_string() == "9223372036854775807");
  std::ostringstream os;
  os << dec("12.5");
  CHECK(os.str() == "12.5");
}

TEST_CASE("Decimal::scaled multiplies by powers of ten exactly", "[decimal]") {
  CHECK(str(dec("12.46").scaled(4)) == "124600");
  CHECK(dec("12.46").scaled(4)->is_integer());
  CHECK(str(dec("4.78").scaled(12)) == "4780000000000");
  CHECK(str(dec("1.5").scaled(1)) == "15");
  CHECK(str(Decimal(1200).scaled(-2)) == "12");
  CHECK(str(Decimal(1200).scaled(-5)) == "0.012");
  CHECK(str(Decimal(1).scaled(-18)) == "0.000000000000000001");
  CHECK(str(Decimal(1).scaled(18)) == "1000000000000000000");
  CHECK(str(Decimal().scaled(1000)) == "0");
  CHECK(str(Decimal().scaled(-1000)) == "0");
  CHECK(str(Decimal(5).scaled(0)) == "5");
}

TEST_CASE("Decimal::scaled reports overflow instead of wrapping",
          "[decimal]") {
  CHECK_FALSE(Decimal(1).scaled(19));
  CHECK_FALSE(Decimal(1).scaled(-19));
  CHECK_FALSE(Decimal(kMax).scaled(1));
  CHECK_FALSE(Decimal(1).scaled(std::numeric_limits<int>::max()));
  CHECK_FALSE(Decimal(1).scaled(std::numeric_limits<int>::min()));
  CHECK_FALSE(dec("999999999999999999").scaled(8));  // …亿
  CHECK(str(dec("0.1").scaled(19)) == "1000000000000000000");
}

TEST_CASE("Decimal::times and plus are exact or fail", "[decimal]") {
  CHECK(str(dec("0.1").plus(dec("0.2"))) == "0.3");
  CHECK(*dec("0.1").plus(dec("0.2")) == dec("0.3"));
  CHECK(str(dec("83.88").plus(dec("0.12"))) == "84");
  CHECK(str(dec("-1.25").plus(dec("1.25"))) == "0");
  CHECK(str(dec("12.5").times(12)) == "150");
  CHECK(str(dec("-0.5").times(3)) == "-1.5");
  CHECK(str(Decimal(kMax).plus(Decimal(0))) == "9223372036854775807");
  CHECK_FALSE(Decimal(kMax).plus(Decimal(1)));
  CHECK_FALSE(Decimal(kMin).plus(Decimal(-1)));
  CHECK_FALSE(Decimal(kMax).times(2));
  CHECK_FALSE(Decimal(kMin).times(-1));
  // 10^18 + 0.5 needs 20 digits: no rounding, just no result.
  CHECK_FALSE(Decimal(1).scaled(18)->plus(dec("0.5")));
  // A sum whose aligned coefficient overflows until its trailing zero goes.
  CHECK(str(dec("922337203685477580.5").plus(dec("0.5"))) ==
        "922337203685477581");
  CHECK(str(dec("0.000000000000000005").plus(dec("0.000000000000000005"))) ==
        "0.00000000000000001");
}

TEST_CASE("Decimal::negated fails only for -2^63", "[decimal]") {
  CHECK(str(dec("83.88").negated()) == "-83.88");
  CHECK(str(Decimal().negated()) == "0");
  CHECK(str(Decimal(kMax).negated()) == "-9223372036854775807");
  CHECK_FALSE(Decimal(kMin).negated());
}

TEST_CASE("Decimal compares by value", "[decimal]") {
  CHECK(dec("1.5") == dec("1.50"));
  CHECK(dec("1.5") == *Decimal::from_parts(15, 1));
  CHECK(Decimal(100) == dec("100.000"));
  CHECK(dec("-1") < dec("0.5"));
  CHECK(dec("0.000000000000000001") > Decimal());
  CHECK(dec("999999999999999999") < Decimal(kMax));
  CHECK(dec("0.999999999999999999") < Decimal(1));
  CHECK(Decimal(kMin) < Decimal(kMax));
  CHECK(dec("922337203685477580.7") < Decimal(922337203685477581));
  CHECK(dec("83.88") != dec("83.89"));
}

TEST_CASE("Decimal::divided_by rounds half to even and says so",
          "[decimal]") {
  bool rounded = true;
  CHECK(str(Decimal(1).divided_by(Decimal(4), &rounded)) == "0.25");
  CHECK_FALSE(rounded);
  CHECK(str(Decimal(1).divided_by(Decimal(3), &rounded)) ==
        "0.333333333333333333");
  CHECK(rounded);
  CHECK(str(Decimal(2).divided_by(Decimal(3))) == "0.666666666666666667");
  CHECK(str(Decimal(-1).divided_by(Decimal(3))) == "-0.333333333333333333");
  CHECK(str(Decimal(1).divided_by(Decimal(-4))) == "-0.25");
  // As many digits as fit in the coefficient: 19 here, 2 of them integer.
  CHECK(str(dec("-157").divided_by(dec("-3"))) == "52.33333333333333333");
  CHECK(str(dec("144").divided_by(Decimal(25))) == "5.76");
  CHECK(str(dec("55.579").divided_by(Decimal(100))) == "0.55579");
  CHECK(str(Decimal(3).divided_by(Decimal(4200))) == "0.000714285714285714");
  // The digits that fit: 1051/3 has 3 integer digits, so 16 fractional ones.
  CHECK(str(Decimal(1051).divided_by(Decimal(3))) == "350.3333333333333333");
  // Exact ties at the last digit go to the even neighbour.
  const Decimal tiny = *Decimal::from_parts(1, 18);
  CHECK(str(dec("0.5").divided_by(Decimal(1).scaled(18).value())) == "0");
  CHECK(str(dec("1.5").divided_by(Decimal(1).scaled(18).value())) ==
        tiny.times(2)->to_string());
  CHECK(str(dec("2.5").divided_by(Decimal(1).scaled(18).value())) ==
        tiny.times(2)->to_string());
  // Failures.
  CHECK_FALSE(Decimal(1).divided_by(Decimal()));
  CHECK_FALSE(Decimal(kMax).divided_by(dec("0.1")));
  CHECK_FALSE(Decimal(kMin).divided_by(Decimal(-1)));
  CHECK(str(Decimal(kMin).divided_by(Decimal(1))) == "-9223372036854775808");
}

TEST_CASE("Decimal::to_double and is_integer", "[decimal]") {
  CHECK(dec("83.88").to_double() == 83.88);
  CHECK(dec("0.1").to_double() == 0.1);
  CHECK(dec("-2.5").to_double() == -2.5);
  CHECK(Decimal(124600).to_double() == 124600.0);
  CHECK(dec("0.000000000000000001").to_double() == 1e-18);
  CHECK(Decimal(kMax).to_double() == 9223372036854775807.0);
  CHECK(dec("12.46").scaled(4)->is_integer());
  CHECK_FALSE(dec("12.46").is_integer());
  CHECK(dec("1.000").is_integer());
  CHECK(dec("-1").is_negative());
  CHECK_FALSE(Decimal().is_negative());
}

}  // namespace
