#include "zhmine/figures/numerals.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace zhmine {

namespace {

// ---------------------------------------------------------------------------
// Characters

// One code point of the input. The grammar reads `c`, which is folded so that
// it sees one spelling per meaning: full-width ASCII as ASCII, financial and
// traditional forms as the plain simplified ones (壹 → 一, 萬 → 万, 點 → 点).
struct Char {
  char32_t c;
  char32_t raw;  // as written
  std::size_t begin;  // byte offsets of the code point
  std::size_t end;
};
using Chars = std::vector<Char>;

char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // ０-９ ．，％ …
  switch (c) {
    case U'\u3000': case U'\u00A0': return U' ';
    case U'−': return U'-';
    case U'〇': case U'○': return U'零';
    case U'壹': return U'一';
    case U'贰': case U'貳': return U'二';
    case U'兩': case U'倆': case U'俩': return U'两';
    case U'叁': case U'參': case U'叄': return U'三';
    case U'肆': return U'四';
    case U'伍': return U'五';
    case U'陆': case U'陸': return U'六';
    case U'柒': return U'七';
    case U'捌': return U'八';
    case U'玖': return U'九';
    case U'拾': return U'十';
    case U'佰': return U'百';
    case U'仟': return U'千';
    case U'萬': return U'万';
    case U'億': return U'亿';
    case U'點': return U'点';
    case U'負': return U'负';
    case U'個': return U'个';
    case U'幾': return U'几';
    case U'數': return U'数';
    case U'餘': return U'余';
    case U'對': return U'对';
    default: return c;
  }
}

// Invalid UTF-8 decodes byte by byte as U+FFFD, which no rule reads. That
// includes overlong forms, so that C1 8D is not taken for an 'M'.
Chars decode(std::string_view text) {
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  Chars out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t size = lead < 0x80 ? 1
                             : (lead >> 5) == 0x6 ? 2
                             : (lead >> 4) == 0xE ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 0;
    char32_t c = size == 1 ? lead : lead & (0x7F >> size);
    bool valid = size > 0 && i + size <= text.size();
    for (std::size_t k = 1; valid && k < size; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      c = (c << 6) | (next & 0x3F);
    }
    valid = valid && c >= kSmallest[size] && c <= 0x10FFFF &&
            (c < 0xD800 || c > 0xDFFF);
    const std::size_t length = valid ? size : 1;
    if (!valid) c = 0xFFFD;
    out.push_back({fold(c), c, i, i + length});
    i += length;
  }
  return out;
}

// The value of a Chinese digit, or -1. 两 is 2 but is never read digit by
// digit or after 点: 一点两小时 is 一 and 两, 两两 is no number.
int digit_value(char32_t c) {
  switch (c) {
    case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// A digit as read one by one, in 二〇二〇 or after 点: not 两, or -1.
int spelled_digit(char32_t c) { return c == U'两' ? -1 : digit_value(c); }

// The power of ten a unit multiplies by, or 0. 十百千 are small units,
// counted inside a section; 万亿兆 are big ones, which close a section.
int unit_power(char32_t c) {
  switch (c) {
    case U'十': return 1;
    case U'百': return 2;
    case U'千': return 3;
    case U'万': return 4;
    case U'亿': return 8;
    case U'兆': return 12;
    default: return 0;
  }
}
constexpr int kFirstBigPower = 4;

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char32_t c) { return c == ' ' || c == '\t'; }
bool is_sign(char32_t c) { return c == '-' || c == '+' || c == U'负'; }
bool is_numeral_char(char32_t c) {
  return is_ascii_digit(c) || digit_value(c) >= 0 || unit_power(c) > 0 ||
         c == U'点';
}

std::optional<Decimal> power_of_ten(int power) {
  return Decimal(1).scaled(power);
}

// Stores the result of Decimal arithmetic, or notes that there was none: in
// reading numerals, arithmetic fails only when a value outgrows a Decimal.
bool store(std::optional<Decimal> result, Decimal* out, bool* overflow) {
  if (!result) {
    *overflow = true;
    return false;
  }
  *out = *result;
  return true;
}

// ---------------------------------------------------------------------------
// Structured numerals

// Builds the value of a structured numeral (一万二千四百零六, 3万5千,
// 两千万点五) one token at a time. Each method returns false when its token
// cannot continue the numeral; value() is set wherever the tokens so far form
// a whole numeral, so a reader keeps the last value it saw.
class Composer {
 public:
  explicit Composer(bool trailing_vague) : trailing_vague_(trailing_vague) {}

  bool number(const Decimal& v, bool one_digit);  // 五, 5, 1200
  bool decimal(const Decimal& v, bool open);  // 1.5, or closed: 2e5, 40k
  bool zero();
  bool unit(int power);
  bool point(const Decimal& fraction);  // 点 and the digits after it
  bool prefix(const Decimal& implied, Approx approx);  // 数 几 上 近 半
  bool vague_digit();                                  // 余 多 几
  std::optional<Decimal> value();
  Approx approx() const { return approx_; }
  bool overflowed() const { return overflow_; }

 private:
  enum class Last { start, number, zero, unit, bare_unit, prefix, vague };
  struct Group {
    Decimal value;
    int power;  // 4 for 三万, 12 for 四万亿
  };

  bool small_unit(int power);
  bool big_unit(int power);
  bool below_bound(const Decimal& v) const;
  bool take(std::optional<Decimal> result, Decimal* out) {
    return store(std::move(result), out, &overflow_);
  }

  const bool trailing_vague_;
  std::vector<Group> groups_;  // powers strictly decreasing
  Decimal section_;            // what follows the last big unit
  int section_power_ = -1;     // the last small unit in the section
  std::optional<Decimal> pending_;  // a number no unit has multiplied yet
  bool pending_one_digit_ = false;
  int tail_power_ = 0;  // of the unit right before pending_
  Last last_ = Last::start;
  int last_power_ = 0;  // of the last unit, or of the group it completed
  bool leading_zero_ = false;
  // After a decimal (1.5, 三点五) only multipliers may follow: small ones
  // if chain_small_, big ones if chain_big_.
  std::optional<Decimal> chain_;
  bool chain_small_ = false;
  bool chain_big_ = false;
  Approx approx_ = Approx::exact;
  bool overflow_ = false;
};

// Whatever the section adds next must stay below the unit before it, which
// keeps units in order and rejects 十十, 一百一百, 3万40000, 五亿三亿.
bool Composer::below_bound(const Decimal& v) const {
  std::optional<Decimal> bound;
  if (section_power_ >= 0) {
    bound = power_of_ten(section_power_);
  } else if (!groups_.empty()) {
    bound = power_of_ten(groups_.back().power);
  }
  return !bound || v < *bound;  // no bound past 10^18: v cannot reach it
}

bool Composer::number(const Decimal& v, bool one_digit) {
  if (chain_ || last_ == Last::number || last_ == Last::prefix ||
      last_ == Last::vague) {
    return false;
  }
  // A digit right after a unit may abbreviate the next unit down:
  // 三万五 is 35000, 一百五 is 150. After 零 it is what it says: 一千零五.
  tail_power_ =
      (last_ == Last::unit || last_ == Last::bare_unit) ? last_power_ : 0;
  pending_ = v;
  pending_one_digit_ = one_digit;
  last_ = Last::number;
  return true;
}

bool Composer::decimal(const Decimal& v, bool open) {
  if (last_ != Last::start) return false;
  chain_ = v;
  chain_small_ = chain_big_ = open;
  last_ = Last::number;
  return true;
}

bool Composer::zero() {
  if (chain_) return false;
  if (last_ == Last::start) {
    leading_zero_ = true;  // 零, 零点五, 零十
  } else if (last_ != Last::unit) {
    return false;
  }
  last_ = Last::zero;
  return true;
}

bool Composer::unit(int power) {
  if (chain_) {
    const bool small = power < kFirstBigPower;
    if (small ? !chain_small_ : !chain_big_) return false;
    chain_small_ = false;  // 1.5千万, 4.78万亿, but not 1.5万千
    if (!take(chain_->scaled(power), &*chain_)) return false;
    last_ = Last::unit;
    return true;
  }
  return power < kFirstBigPower ? small_unit(power) : big_unit(power);
}

bool Composer::small_unit(int power) {
  Decimal add;
  bool bare = false;
  if (pending_) {
    if (!take(pending_->scaled(power), &add)) return false;
  } else if (power == 1 &&
             (last_ == Last::start || last_ == Last::zero ||
              (last_ == Last::unit && (section_power_ < 0 || section_power_ > power)))) {
    add = Decimal(10);  // 十五, 一百零十万, 二万十, 一百十八
  } else if (last_ == Last::start) {
    // 百三, 千万: a leading 百 or 千 needs something after it.
    if (!take(power_of_ten(power), &add)) return false;
    bare = true;
  } else {
    return false;
  }
  if (!below_bound(add) || !take(section_.plus(add), &section_)) return false;
  section_power_ = power;
  pending_.reset();
  last_ = bare ? Last::bare_unit : Last::unit;
  last_power_ = power;
  return true;
}

bool Composer::big_unit(int power) {
  if (last_ == Last::start || last_ == Last::zero) return false;
  if (!pending_ && section_power_ < 0) {
    // 万亿, 四万万: the unit multiplies the group right before it.
    if (last_ != Last::unit || groups_.empty()) return false;
    Group& top = groups_.back();
    if (!take(top.value.scaled(power), &top.value)) return false;
    top.power += power;
    if (groups_.size() >= 2) {
      const Group& above = groups_[groups_.size() - 2];
      const auto bound = power_of_ten(above.power);
      if (top.power >= above.power || (bound && !(top.value < *bound))) {
        return false;
      }
    }
  } else {
    Decimal group = section_;
    if (pending_ && (!below_bound(*pending_) ||
                     !take(group.plus(*pending_), &group))) {
      return false;
    }
    // 四千五百六十九万八千三百一十一亿: smaller groups join the new one.
    while (!groups_.empty() && groups_.back().power < power) {
      if (!take(group.plus(groups_.back().value), &group)) return false;
      groups_.pop_back();
    }
    if (!groups_.empty() && groups_.back().power == power) return false;
    if (!take(group.scaled(power), &group)) return false;
    if (!groups_.empty()) {
      const auto bound = power_of_ten(groups_.back().power);
      if (bound && !(group < *bound)) return false;  // 五亿12000万
    }
    groups_.push_back({group, power});
  }
  section_ = Decimal();
  section_power_ = -1;
  pending_.reset();
  last_ = Last::unit;
  last_power_ = groups_.back().power;
  return true;
}

bool Composer::point(const Decimal& fraction) {
  if (chain_ || last_ == Last::vague) return false;
  const std::optional<Decimal> integer = value();
  if (!integer) return false;
  chain_.emplace();
  if (!take(integer->plus(fraction), &*chain_)) return false;
  // 三点五万 and 十二点五亿 scale by big units; 两千万点五 is complete.
  chain_small_ = false;
  chain_big_ = groups_.empty();
  last_ = Last::number;
  return true;
}

bool Composer::prefix(const Decimal& implied, Approx approx) {
  if (last_ != Last::start) return false;
  pending_ = implied;
  pending_one_digit_ = false;
  last_ = Last::prefix;
  if (approx != Approx::exact) approx_ = approx;
  return true;
}

bool Composer::vague_digit() {
  if (chain_) return false;
  if (last_ == Last::unit || last_ == Last::zero) {
    pending_ = Decimal();  // 十余万, 一百零几万: the unknown digit counts 0
  } else if (last_ != Last::number || pending_one_digit_) {
    return false;  // but 500余万 keeps its 500
  }
  pending_one_digit_ = false;
  last_ = Last::vague;
  approx_ = Approx::over;
  return true;
}

std::optional<Decimal> Composer::value() {
  if (overflow_) return std::nullopt;
  if (chain_) return chain_;
  switch (last_) {
    case Last::start:
    case Last::prefix:
    case Last::bare_unit:
      return std::nullopt;
    case Last::zero:
      if (leading_zero_) return Decimal();  // nothing but 零
      return std::nullopt;
    case Last::vague:
      if (!trailing_vague_) return std::nullopt;
      break;
    case Last::number:
    case Last::unit:
      break;
  }
  Decimal total = section_;
  for (const Group& g : groups_) {
    if (!take(total.plus(g.value), &total)) return std::nullopt;
  }
  if (pending_) {
    Decimal tail = *pending_;
    if (pending_one_digit_ && tail_power_ > 1 &&
        !take(tail.scaled(tail_power_ - 1), &tail)) {
      return std::nullopt;
    }
    if (!below_bound(tail) || !take(total.plus(tail), &total)) {
      return std::nullopt;
    }
  }
  return total;
}

// ---------------------------------------------------------------------------
// Reader

struct Options {
  bool vague = false;           // 数十, 上百, 近千, 十余万
  bool trailing_vague = false;  // 四百多 whole, where a scan keeps 四百
  bool latin = false;           // 2e5, 40k, 2.5 M
};

struct Reading {
  std::size_t end = 0;  // index of the first Char after the reading
  Decimal value;
  Approx approx = Approx::exact;
};

void keep_longer(std::optional<Reading>& best, std::optional<Reading> r) {
  if (r && (!best || r->end > best->end)) best = std::move(r);
}

struct Arabic {
  Decimal value;
  std::size_t end = 0;
  bool one_digit = false;   // 三万5 reads it as 5000
  bool fractional = false;  // has a decimal point
  bool closed = false;      // exponent or k/M suffix: nothing may follow
};

// Reads numerals at given positions of one decoded text. Each reading is the
// longest one starting there. A numeral too large for a Decimal sets
// overflowed() instead of yielding a shorter reading of its prefix.
class Reader {
 public:
  Reader(const Chars& s, Options options) : s_(s), options_(options) {}

  std::optional<Reading> number(std::size_t i);
  std::optional<Reading> signed_number(std::size_t i);
  std::optional<Reading> percent(std::size_t i);
  std::optional<Reading> fraction(std::size_t i);
  std::optional<Reading> dozens(std::size_t i);

  bool overflowed() const { return overflow_; }
  void clear_overflow() { overflow_ = false; }

 private:
  char32_t at(std::size_t i) const { return i < s_.size() ? s_[i].c : 0; }
  std::size_t skip_spaces(std::size_t i) const {
    while (is_space(at(i))) ++i;
    return i;
  }
  std::optional<std::size_t> word(std::size_t i, std::u32string_view w) const;
  int single_digit(std::size_t i) const;
  bool take(std::optional<Decimal> result, Decimal* out) {
    return store(std::move(result), out, &overflow_);
  }

  std::optional<Arabic> arabic(std::size_t i);
  void latin_tail(Arabic* a);
  std::optional<Decimal> point_fraction(std::size_t i, std::size_t* end);
  std::size_t prefix(std::size_t i, Composer* c);
  std::optional<Reading> structured(std::size_t i);
  std::optional<Reading> digit_string(std::size_t i);
  std::optional<Reading> per_unit(std::size_t i);
  std::optional<Reading> suffixed(std::size_t i);
  std::optional<Reading> tenths(const Reading& x, std::size_t i);
  std::optional<Reading> discount(const Reading& x, std::size_t start,
                                  std::size_t i);
  std::optional<Reading> digit_pair_discount(std::size_t i);
  std::optional<Reading> half_discount(std::size_t i);
  std::optional<Reading> chinese_fraction(std::size_t i);
  std::optional<Reading> slash_fraction(std::size_t i);
  std::optional<Reading> quotient(bool negative, const Decimal& whole,
                                  const Decimal& numerator,
                                  const Decimal& denominator, std::size_t end);

  const Chars& s_;
  const Options options_;
  bool overflow_ = false;
};

// `w` at i, spaces allowed between its characters (百 分 之, 个 百分 点).
std::optional<std::size_t> Reader::word(std::size_t i,
                                        std::u32string_view w) const {
  for (std::size_t n = 0; n < w.size(); ++n) {
    if (n > 0) i = skip_spaces(i);
    if (at(i) != w[n]) return std::nullopt;
    ++i;
  }
  return i;
}

// One digit standing alone, Chinese or Arabic, or -1.
int Reader::single_digit(std::size_t i) const {
  if (is_ascii_digit(at(i))) {
    return is_ascii_digit(at(i + 1)) ? -1 : static_cast<int>(at(i) - '0');
  }
  return spelled_digit(at(i));
}

std::optional<Arabic> Reader::arabic(std::size_t i) {
  // ".5", but not the ".9" of "...9" or "1.2.3"
  if (at(i) == '.' && i > 0 && (at(i - 1) == '.' || is_ascii_digit(at(i - 1)))) {
    return std::nullopt;
  }
  std::string text;  // for Decimal::parse
  std::size_t j = i;
  auto copy_digits = [&] {
    const std::size_t from = j;
    while (is_ascii_digit(at(j))) text += static_cast<char>(at(j++));
    return j - from;
  };
  auto three_digits_at = [&](std::size_t k) {
    return is_ascii_digit(at(k)) && is_ascii_digit(at(k + 1)) &&
           is_ascii_digit(at(k + 2)) && !is_ascii_digit(at(k + 3));
  };
  const std::size_t integer_digits = copy_digits();
  if (integer_digits >= 1 && integer_digits <= 3) {
    while (at(j) == ',' && three_digits_at(j + 1)) {  // 1,234 but not 1, 234
      text += ',';
      ++j;
      copy_digits();
    }
  }
  // In a dotted run (2022.06.15, 1.2.3) the points separate numbers.
  const bool dotted_before = i >= 2 && at(i - 1) == '.' && is_ascii_digit(at(i - 2));
  bool fractional = false;
  if (at(j) == '.' && is_ascii_digit(at(j + 1)) && !dotted_before) {
    std::size_t k = j + 1;
    while (is_ascii_digit(at(k))) ++k;
    if (!(at(k) == '.' && is_ascii_digit(at(k + 1)))) {
      text += '.';
      ++j;
      copy_digits();
      fractional = true;
    }
  }
  if (integer_digits == 0 && !fractional) return std::nullopt;
  Arabic a;
  if (!take(Decimal::parse(text), &a.value)) return std::nullopt;
  a.end = j;
  a.one_digit = text.size() == 1;
  a.fractional = fractional;
  if (options_.latin) latin_tail(&a);
  return a;
}

// 2e5, 2.7890e-1; 40k, 2.5 M. A letter right after them is part of a word
// (5kg, 100MW), and then they are no suffix.
void Reader::latin_tail(Arabic* a) {
  std::size_t k = a->end;
  if (at(k) == 'e' || at(k) == 'E') {
    const bool negative = at(k + 1) == '-';
    std::size_t m = k + 1 + (at(k + 1) == '-' || at(k + 1) == '+');
    if (is_ascii_digit(at(m))) {
      int exponent = 0;
      for (; is_ascii_digit(at(m)); ++m) {
        exponent = std::min(exponent * 10 + static_cast<int>(at(m) - '0'), 1000);
      }
      if (!is_ascii_letter(at(m))) {
        if (!take(a->value.scaled(negative ? -exponent : exponent), &a->value)) {
          return;
        }
        a->end = m;
        a->closed = true;
        return;
      }
    }
  }
  k = skip_spaces(a->end);
  const char32_t suffix = at(k);
  if ((suffix == 'k' || suffix == 'K' || suffix == 'M') &&
      !is_ascii_letter(at(k + 1))) {
    if (!take(a->value.scaled(suffix == 'M' ? 6 : 3), &a->value)) return;
    a->end = k + 1;
    a->closed = true;
  }
}

// The digits after 点, as a fraction: 三点一四 → 0.14. A digit followed by
// 十百千 ends no fraction: 八点三十分 is a time.
std::optional<Decimal> Reader::point_fraction(std::size_t i, std::size_t* end) {
  std::size_t j = skip_spaces(i);
  std::string text = "0.";
  for (int d; (d = spelled_digit(at(j))) >= 0; ++j) {
    text += static_cast<char>('0' + d);
  }
  const int after = unit_power(at(j));
  if (text.size() == 2 || (after > 0 && after < kFirstBigPower)) {
    return std::nullopt;
  }
  Decimal fraction;
  if (!take(Decimal::parse(text), &fraction)) return std::nullopt;
  *end = j;
  return fraction;
}

// Vague and half prefixes, which stand for the digit before a unit:
// 数十, 几百, 上千, 近万, 成百上千, 半百. Returns the index after them.
std::size_t Reader::prefix(std::size_t i, Composer* c) {
  const char32_t first = at(i);
  const int power = unit_power(at(i + 1));
  if (power == 0) return i;
  if (first == U'半') {
    c->prefix(*Decimal::from_parts(5, 1), Approx::exact);
    return i + 1;
  }
  if (!options_.vague) return i;
  // 上十 and 近十 are no magnitudes (上拾取 holds a verb; 近十年 means lately).
  const bool hundreds_up = power >= 2;
  if (first == U'数' || first == U'几' || (first == U'上' && hundreds_up)) {
    c->prefix(Decimal(1), Approx::over);
    return i + 1;
  }
  if (first == U'近' && hundreds_up) {
    c->prefix(Decimal(1), Approx::about);
    return i + 1;
  }
  // 成百上千, 成千上万: at least the first.
  if (first == U'成' && at(i + 2) == U'上' && unit_power(at(i + 3)) > power) {
    c->prefix(Decimal(1), Approx::over);
    c->unit(power);
    return i + 4;
  }
  return i;
}

std::optional<Reading> Reader::structured(std::size_t i) {
  Composer c(options_.trailing_vague);
  std::optional<Reading> best;
  std::size_t j = prefix(i, &c);
  if (auto v = c.value()) best = Reading{j, *v, c.approx()};
  for (bool first = j == i;; first = false) {
    const std::size_t k = first ? j : skip_spaces(j);
    const char32_t ch = at(k);
    std::size_t next = k + 1;
    bool ok = false;
    if (is_ascii_digit(ch) || ch == '.') {
      const std::optional<Arabic> a = arabic(k);
      if (!a) break;
      ok = a->fractional || a->closed ? c.decimal(a->value, !a->closed)
                                      : c.number(a->value, a->one_digit);
      next = a->end;
    } else if (ch == U'零') {
      ok = c.zero();
    } else if (const int d = digit_value(ch); d >= 0) {
      ok = c.number(Decimal(d), true);
    } else if (const int power = unit_power(ch); power > 0) {
      // 兆 before an SI unit is the prefix mega: 100兆瓦 is 100 MW.
      static constexpr std::u32string_view kSiUnits = U"瓦帕赫焦伏欧字比";
      if (ch == U'兆' && kSiUnits.find(at(k + 1)) != kSiUnits.npos) break;
      ok = c.unit(power);
    } else if (ch == U'点') {
      const std::optional<Decimal> f = point_fraction(k + 1, &next);
      ok = f && c.point(*f);
    } else if (options_.vague && (ch == U'余' || ch == U'多' || ch == U'几')) {
      ok = c.vague_digit();
    }
    if (!ok) break;
    j = next;
    if (auto v = c.value()) best = Reading{j, *v, c.approx()};
  }
  if (c.overflowed() || overflow_) {
    overflow_ = true;
    return std::nullopt;
  }
  return best;
}

// 二〇二〇, 一九九八: digits read one by one, as years are. Two digits
// without a zero are a range instead (三四个 is three or four).
std::optional<Reading> Reader::digit_string(std::size_t i) {
  std::string text;
  bool zero = false;
  bool nonzero = false;
  std::size_t j = i;
  for (int d; (d = spelled_digit(at(j))) >= 0; ++j) {
    text += static_cast<char>('0' + d);
    (d == 0 ? zero : nonzero) = true;
  }
  if (text.size() < 2 || !nonzero || (text.size() == 2 && !zero) ||
      unit_power(at(j)) > 0) {
    return std::nullopt;
  }
  Reading r{j, {}, Approx::exact};
  if (!take(Decimal::parse(text), &r.value)) return std::nullopt;
  return r;
}

std::optional<Reading> Reader::number(std::size_t i) {
  std::optional<Reading> best = structured(i);
  keep_longer(best, digit_string(i));
  return best;
}

std::optional<Reading> Reader::signed_number(std::size_t i) {
  if (!is_sign(at(i))) return number(i);
  std::optional<Reading> r = number(i + 1);
  if (r && at(i) != '+' && !take(r->value.negated(), &r->value)) {
    return std::nullopt;
  }
  return r;
}

// 一打 is 12, 五十打 600.
std::optional<Reading> Reader::dozens(std::size_t i) {
  std::optional<Reading> r = signed_number(i);
  if (r && at(r->end) == U'打' && r->value.is_integer() &&
      r->approx == Approx::exact) {
    if (!take(r->value.times(12), &r->value)) return std::nullopt;
    ++r->end;
  }
  return r;
}

std::optional<Reading> Reader::percent(std::size_t i) {
  std::optional<Reading> best = per_unit(i);
  keep_longer(best, suffixed(i));
  keep_longer(best, digit_pair_discount(i));
  keep_longer(best, half_discount(i));
  return best;
}

// 百分之五, 千分之三, 百万分之五: the units before 分之 make the
// denominator; the value is in percent, so 千分之三 is 0.3.
std::optional<Reading> Reader::per_unit(std::size_t i) {
  int power = 0;
  std::size_t j = i;
  for (int p; (p = unit_power(at(j))) >= 2; j = skip_spaces(j + 1)) {
    power += p;
    // No Decimal has a denominator past 10^18; stopping here also keeps a
    // long run of units from being walked again at each of its characters.
    if (power > Decimal::kMaxScale) return std::nullopt;
  }
  if (power == 0) return std::nullopt;
  const std::optional<std::size_t> after = word(j, U"分之");
  if (!after) return std::nullopt;
  const std::size_t k = skip_spaces(*after);
  std::optional<Reading> x = signed_number(k);
  if (!x && at(k) == U'百') x = Reading{k + 1, Decimal(100), Approx::exact};
  // 百分之二三十 is a range, not 百分之二 and more.
  if (!x || digit_value(at(x->end)) >= 0) return std::nullopt;
  if (!take(x->value.scaled(2 - power), &x->value)) return std::nullopt;
  return x;
}

// 5%, 3个百分点, 九成, 八折.
std::optional<Reading> Reader::suffixed(std::size_t i) {
  std::optional<Reading> x = signed_number(i);
  if (!x) return std::nullopt;
  const std::size_t k = skip_spaces(x->end);
  if (at(k) == '%') return Reading{k + 1, x->value, x->approx};
  if (const auto end = word(k, U"个百分点")) {
    return Reading{*end, x->value, x->approx};
  }
  if (x->approx != Approx::exact || x->value.is_negative()) return std::nullopt;
  if (at(k) == U'成') return tenths(*x, k + 1);
  if (at(k) == U'折') return discount(*x, i, k + 1);
  return std::nullopt;
}

// 九成 → 90, 七成六 → 76, 三成半 → 35; at most 十成.
std::optional<Reading> Reader::tenths(const Reading& x, std::size_t i) {
  if (x.value > Decimal(10) || x.value == Decimal()) return std::nullopt;
  Reading r{i, {}, Approx::exact};
  if (!take(x.value.times(10), &r.value)) return std::nullopt;
  if (!x.value.is_integer()) return r;
  const std::size_t k = skip_spaces(i);
  const int d = single_digit(k);
  std::optional<Decimal> tail;
  if (at(k) == U'半') {
    tail = Decimal(5);
  } else if (d > 0 && digit_value(at(k + 1)) < 0 && unit_power(at(k + 1)) == 0) {
    tail = Decimal(d);
  }
  if (tail && take(r.value.plus(*tail), &r.value)) r.end = k + 1;
  return r;
}

// 八折 → 80, 9.9折 → 99, 75折 → 75. 十折 is no discount.
std::optional<Reading> Reader::discount(const Reading& x, std::size_t start,
                                        std::size_t i) {
  const bool two_arabic_digits = x.end - start == 2 && is_ascii_digit(at(start));
  const Decimal& v = x.value;
  Reading r{i, v, Approx::exact};
  if (two_arabic_digits && v > Decimal(10)) return r;
  if (v >= Decimal(10) || v == Decimal() || !take(v.times(10), &r.value)) {
    return std::nullopt;
  }
  return r;
}

// 八五折, 七 五 折, 7 2 折: two digits make the percentage.
std::optional<Reading> Reader::digit_pair_discount(std::size_t i) {
  const int tens = single_digit(i);
  const std::size_t j = skip_spaces(i + 1);
  const int ones = single_digit(j);
  const std::size_t k = skip_spaces(j + 1);
  if (tens <= 0 || ones < 0 || at(k) != U'折') return std::nullopt;
  return Reading{k + 1, Decimal(tens * 10 + ones), Approx::exact};
}

// 半成 → 5, 半折 → 50, and 对折 → 50 in 打对折 (a bare 对折 is a fold).
std::optional<Reading> Reader::half_discount(std::size_t i) {
  if (at(i) == U'半') {
    const std::size_t k = skip_spaces(i + 1);
    if (at(k) == U'成') return Reading{k + 1, Decimal(5), Approx::exact};
    if (at(k) == U'折') return Reading{k + 1, Decimal(50), Approx::exact};
  }
  if (i > 0 && at(i - 1) == U'打' && at(i) == U'对' && at(i + 1) == U'折') {
    return Reading{i + 2, Decimal(50), Approx::exact};
  }
  return std::nullopt;
}

std::optional<Reading> Reader::fraction(std::size_t i) {
  std::optional<Reading> best = chinese_fraction(i);
  keep_longer(best, slash_fraction(i));
  return best;
}

// (whole × denominator + numerator) / denominator in one division, so that
// 三百五又三分之一 is rounded once, to the digits that fit.
std::optional<Reading> Reader::quotient(bool negative, const Decimal& whole,
                                        const Decimal& numerator,
                                        const Decimal& denominator,
                                        std::size_t end) {
  Decimal total = numerator;
  if (whole != Decimal()) {
    Decimal product;
    if (!denominator.is_integer() ||
        !take(whole.times(denominator.digits()), &product) ||
        !take(product.plus(numerator), &total)) {
      return std::nullopt;
    }
  }
  bool rounded = false;
  Reading r{end, {}, Approx::exact};
  const std::optional<Decimal> q = total.divided_by(denominator, &rounded);
  if (!q) {
    if (denominator != Decimal()) overflow_ = true;
    return std::nullopt;
  }
  r.value = *q;
  if (negative && !take(r.value.negated(), &r.value)) return std::nullopt;
  if (rounded) r.approx = Approx::about;
  return r;
}

// [负] [整数 又] 分母 分之 分子: 三分之一, 负一又二分之一, 3又一千分之23.
std::optional<Reading> Reader::chinese_fraction(std::size_t i) {
  const bool negative = at(i) == '-' || at(i) == U'负';
  std::optional<Reading> first = number(negative ? i + 1 : i);
  if (!first || first->approx != Approx::exact) return std::nullopt;
  Decimal whole;
  std::optional<Reading> denominator = first;
  std::size_t k = skip_spaces(first->end);
  if (at(k) == U'又') {
    whole = first->value;
    denominator = number(skip_spaces(k + 1));
    if (!denominator || denominator->approx != Approx::exact) {
      return std::nullopt;
    }
    k = skip_spaces(denominator->end);
  }
  const std::optional<std::size_t> after = word(k, U"分之");
  if (!after) return std::nullopt;
  const std::optional<Reading> numerator = signed_number(skip_spaces(*after));
  if (!numerator || numerator->approx != Approx::exact) return std::nullopt;
  return quotient(negative, whole, numerator->value, denominator->value,
                  numerator->end);
}

// 1/2, -3/2, 1 4/3; not the parts of a date like 2020/6/15.
std::optional<Reading> Reader::slash_fraction(std::size_t i) {
  const bool negative = at(i) == '-';
  const std::size_t start = negative ? i + 1 : i;
  if (!is_ascii_digit(at(start)) || (start > 0 && at(start - 1) == '/')) {
    return std::nullopt;
  }
  auto integer = [this](std::size_t k) -> std::optional<Arabic> {
    std::optional<Arabic> a = is_ascii_digit(at(k)) ? arabic(k) : std::nullopt;
    if (a && (a->fractional || a->closed)) return std::nullopt;
    return a;
  };
  std::optional<Arabic> numerator = integer(start);
  if (!numerator) return std::nullopt;
  Decimal whole;
  if (is_space(at(numerator->end))) {  // 1 4/3
    const std::optional<Arabic> rest = integer(skip_spaces(numerator->end));
    if (!rest || at(rest->end) != '/') return std::nullopt;
    whole = numerator->value;
    numerator = rest;
  }
  if (at(numerator->end) != '/') return std::nullopt;
  const std::optional<Arabic> denominator = integer(numerator->end + 1);
  if (!denominator || at(denominator->end) == '/') return std::nullopt;
  return quotient(negative, whole, numerator->value, denominator->value,
                  denominator->end);
}

// ---------------------------------------------------------------------------
// Whole strings and scanning

// [first, last) of the Chars without surrounding spaces.
std::pair<std::size_t, std::size_t> trimmed(const Chars& s) {
  std::size_t first = 0;
  std::size_t last = s.size();
  while (first < last && is_space(s[first].c)) ++first;
  while (last > first && is_space(s[last - 1].c)) --last;
  return {first, last};
}

// The reading `read` makes of the whole of `text`, if any.
template <typename Read>
std::optional<Reading> read_whole(std::string_view text, Options options,
                                  Read read) {
  const Chars s = decode(text);
  const auto [first, last] = trimmed(s);
  Reader reader(s, options);
  std::optional<Reading> r = read(reader, first);
  if (!r || r->end != last || reader.overflowed()) return std::nullopt;
  return r;
}

// Words that begin with a numeral character but mean no number. Any reading
// longer than the word wins: 十分之一 is a fraction.
constexpr std::u32string_view kNonNumeralWords[] = {
    U"一切", U"一些", U"一样", U"一般", U"一直", U"一起", U"一定", U"一旦",
    U"一致", U"一律", U"一向", U"一看", U"万一", U"四川", U"十分", U"十足",
};

std::size_t non_numeral_word_end(const Chars& s, std::size_t i) {
  for (std::u32string_view w : kNonNumeralWords) {
    if (i + w.size() > s.size()) continue;
    bool match = true;
    for (std::size_t n = 0; match && n < w.size(); ++n) match = s[i + n].c == w[n];
    if (match) return i + w.size();
  }
  return i;
}

// Financial numerals that are also everyday words when alone: 队伍, 收拾,
// 大陆, 放肆, 参加 (參).
bool is_word_by_itself(char32_t raw) {
  static constexpr std::u32string_view kWords = U"伍拾陆陸肆參";
  return kWords.find(raw) != kWords.npos;
}

// Identifiers (H5N1, COVID) and web addresses hold no figures.
std::size_t skip_latin_word(const Chars& s, std::size_t i) {
  auto starts_with = [&](std::u32string_view w) {
    if (i + w.size() > s.size()) return false;
    for (std::size_t n = 0; n < w.size(); ++n) {
      if (s[i + n].c != w[n]) return false;
    }
    return true;
  };
  std::size_t j = i;
  if (starts_with(U"http://") || starts_with(U"https://") || starts_with(U"www.")) {
    while (j < s.size() && s[j].c > ' ' && s[j].c < 0x80) ++j;
  } else {
    while (j < s.size() && (is_ascii_letter(s[j].c) || is_ascii_digit(s[j].c))) ++j;
  }
  return j;
}

// Past a numeral too large to read, so no part of it is read instead.
std::size_t skip_numeral_run(const Chars& s, std::size_t i) {
  std::size_t j = i + 1;
  while (j < s.size() &&
         (is_numeral_char(s[j].c) || s[j].c == ',' || s[j].c == '.')) {
    ++j;
  }
  return j;
}

// Reads what starts at s[i], if anything, into `spans`; returns where to go on.
std::size_t scan_at(const Chars& s, Reader& reader, std::size_t i,
                    std::vector<NumeralSpan>* spans) {
  const char32_t c = s[i].c;
  if (is_ascii_letter(c)) return skip_latin_word(s, i);
  // A sign after a letter, digit or sign is a hyphen or a dash: 5-20%.
  if (is_sign(c) && i > 0 &&
      (is_ascii_letter(s[i - 1].c) || is_ascii_digit(s[i - 1].c) ||
       is_sign(s[i - 1].c))) {
    return i + 1;
  }

  // The longest reading wins; on a tie a percentage beats a fraction
  // (百万分之五), which beats a plain number.
  enum class Kind { percent, fraction, plain };
  std::optional<Reading> best;
  Kind kind = Kind::plain;
  auto consider = [&](std::optional<Reading> r, Kind k) {
    if (r && (!best || r->end > best->end)) {
      best = std::move(r);
      kind = k;
    }
  };
  consider(reader.percent(i), Kind::percent);
  consider(reader.fraction(i), Kind::fraction);
  consider(reader.dozens(i), Kind::plain);
  if (reader.overflowed()) {
    reader.clear_overflow();
    return skip_numeral_run(s, i);
  }
  const std::size_t word_end = non_numeral_word_end(s, i);
  if (word_end > i && (!best || best->end <= word_end)) return word_end;
  if (!best) return i + 1;

  const bool plain = kind == Kind::plain;
  if (plain && best->end == i + 1 && is_word_by_itself(s[i].raw)) return i + 1;
  // 三四, 两两, 二三十: adjacent digits make a range, not two numbers.
  if (plain && best->end < s.size() && digit_value(s[best->end - 1].c) >= 0 &&
      digit_value(s[best->end].c) >= 0) {
    return skip_numeral_run(s, i);
  }
  spans->push_back({s[i].begin, s[best->end - 1].end, best->value,
                    kind == Kind::percent,
                    best->approx});
  return best->end;
}

}  // namespace

std::optional<Decimal> parse_numeral(std::string_view text) {
  const auto r = read_whole(text, Options{}, [](Reader& reader, std::size_t i) {
    return reader.signed_number(i);
  });
  if (!r) return std::nullopt;
  return r->value;
}

std::optional<Decimal> parse_percent(std::string_view text) {
  const auto r = read_whole(text, Options{}, [](Reader& reader, std::size_t i) {
    return reader.percent(i);
  });
  if (!r) return std::nullopt;
  return r->value;
}

std::optional<VagueNumber> parse_vague(std::string_view text) {
  const Options options{.vague = true, .trailing_vague = true, .latin = false};
  const auto r = read_whole(text, options, [](Reader& reader, std::size_t i) {
    return reader.number(i);
  });
  if (!r || r->approx == Approx::exact) return std::nullopt;
  return VagueNumber{r->value, r->approx};
}

std::optional<Decimal> parse_fraction(std::string_view text) {
  const auto r = read_whole(text, Options{}, [](Reader& reader, std::size_t i) {
    return reader.fraction(i);
  });
  if (!r) return std::nullopt;
  return r->value;
}

std::optional<NumeralRange> parse_adjacent_range(std::string_view text) {
  const Chars s = decode(text);
  const auto [first, last] = trimmed(s);
  // [十] d1 d2 [units]: the two digits are neighbours (一两 is 1 and 2).
  const std::size_t lead = first < last && s[first].c == U'十' ? 1 : 0;
  const std::size_t i = first + lead;
  if (i + 2 > last) return std::nullopt;
  const int low = digit_value(s[i].c);
  const int high = digit_value(s[i + 1].c);
  if (low <= 0 || high != low + 1) return std::nullopt;
  for (std::size_t k = i + 2; k < last; ++k)
    if (unit_power(s[k].c) == 0) return std::nullopt;
  // The range's ends are the numeral with one digit, then with the other.
  auto with_digit = [&](const Char& digit) {
    std::string out;
    out.append(text.substr(0, s[i].begin)).append(text.substr(digit.begin, digit.end - digit.begin));
    return out.append(text.substr(s[i + 1].end));
  };
  const std::string one = with_digit(s[i]), two = with_digit(s[i + 1]);
  std::optional<Decimal> a = parse_numeral(one), b = parse_numeral(two);
  if (!a || !b) return std::nullopt;
  return NumeralRange{*a, *b};
}

bool numeral_too_large(std::string_view text) {
  const Chars s = decode(text);
  const auto [first, last] = trimmed(s);
  Reader reader(s, Options{});
  reader.signed_number(first);
  return reader.overflowed();
}

std::vector<NumeralSpan> scan_numerals(std::string_view text) {
  const Chars s = decode(text);
  Reader reader(s, Options{.vague = true, .trailing_vague = false, .latin = true});
  std::vector<NumeralSpan> spans;
  for (std::size_t i = 0; i < s.size();) i = scan_at(s, reader, i, &spans);
  return spans;
}

}  // namespace zhmine
