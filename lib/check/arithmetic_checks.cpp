#include "zhmine/check/arithmetic_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <re2/re2.h>

#include "zhmine/figures/figures.hpp"

namespace zhmine {

namespace {

// Units that are ratios, not amounts: never a total, a part or an outlier.
bool is_ratio_unit(const std::string& unit) {
  return unit == "%" || unit == "‰" || unit == "百分点" || unit == "倍" || unit == "分之" || unit == "成";
}

std::string text_of(const Decimal& d) { return d.to_string(); }

// A computed value with `places` decimals, for a message.
std::string text_of(double x, int places) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, x);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

// The same as a record's number; none when no Decimal holds it.
std::optional<Decimal> decimal_of(double x, int places) { return Decimal::parse(text_of(x, places)); }

// The decimals a percentage is written with, for the computed one.
int decimals_of(const CheckFigure& f) {
  const std::size_t dot = f.raw.find('.');
  if (dot == std::string::npos) return 2;
  std::size_t end = dot + 1;
  while (end < f.raw.size() && f.raw[end] >= '0' && f.raw[end] <= '9') ++end;
  return static_cast<int>(end - dot - 1) + 2;
}

// What a finding used, for its note: approximate values make it a warning.
void downgrade_if_approximate(const std::vector<CheckFigure>& f, Finding& finding) {
  std::string approximate;
  for (const Finding::Use& use : finding.figures)
    if (f[use.figure].approx != Qualifier::exact) approximate += (approximate.empty() ? "" : ", ") + f[use.figure].raw;
  if (approximate.empty()) return;
  finding.severity = Finding::Severity::warning;
  finding.note = "downgraded to a warning: approximate figures (" + approximate + ")";
}

}  // namespace

std::string_view severity_name(Finding::Severity severity) {
  switch (severity) {
    case Finding::Severity::info: return "info";
    case Finding::Severity::warning: return "warning";
    case Finding::Severity::error: return "error";
  }
  return "";
}

namespace {

// A numeral in words is written to its last nonzero place: 六十八 to the
// unit (±0.5), 八百二十七亿一千万 to the ten million (±5000000), 六十八点三 to
// the tenth (±0.05).
double words_rounding(const Decimal& value) {
  if (!value.is_integer()) return std::pow(10.0, -value.scale()) / 2;
  std::int64_t digits = value.digits() < 0 ? -value.digits() : value.digits();
  double place = 1;
  while (digits != 0 && digits % 10 == 0) {
    digits /= 10;
    place *= 10;
  }
  return place / 2;
}

}  // namespace

double rounding_of(const CheckFigure& figure) {
  if (!figure.value) return 0;
  // The first number written in digits, and its decimals.
  const std::string& raw = figure.raw;
  std::size_t i = raw.find_first_of("0123456789");
  if (i == std::string::npos) return words_rounding(*figure.value);
  std::string digits;
  int decimals = -1;
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      if (decimals >= 0) ++decimals;
    } else if (c == '.' && decimals < 0) {
      digits += c;
      decimals = 0;
    } else if (c != ',' && c != ' ') {
      break;
    }
  }
  const std::optional<Decimal> literal = Decimal::parse(digits);
  if (!literal || *literal == Decimal(0)) return words_rounding(*figure.value);
  const double factor = figure.value->to_double() / literal->to_double();
  return std::abs(factor) * std::pow(10.0, -std::max(decimals, 0)) / 2;
}

ArithmeticChecks::ArithmeticChecks(const RuleBook& book) {
  // Words of most roles must end the text they are looked for in, the text
  // right before the figure they speak of; those of the roles "complete",
  // "subset", "stop" and "average" may stand anywhere in it.
  auto load = [&](const char* set, std::vector<Word>& words) {
    for (const Rule* rule : book.rules(set)) {
      const std::string role = rule->get("role");
      if (role.empty()) throw rule_error(*rule, "needs a \"role\" attribute");
      const bool anywhere = role == "complete" || role == "subset" || role == "stop" || role == "average";
      auto re = compile_rule(*rule, anywhere ? rule->pattern : "(?:" + rule->pattern + ")\\s*$");
      (role == "average" ? averages_ : words).push_back({std::move(re), role});
    }
  };
  load("check-parts", parts_);
  load("check-ratio", ratio_);
  load("check-growth", growth_);
}

ArithmeticChecks::~ArithmeticChecks() = default;

const ArithmeticChecks::Word* ArithmeticChecks::find(const std::vector<Word>& words, std::string_view text,
                                                     std::size_t* at) const {
  const Word* best = nullptr;
  std::size_t best_at = 0;
  for (const Word& w : words) {
    re2::StringPiece found;
    if (!w.re->Match(text, 0, text.size(), RE2::UNANCHORED, &found, 1)) continue;
    const auto where = static_cast<std::size_t>(found.data() - text.data());
    // The last word of the gap is the one that speaks of what follows.
    if (!best || where > best_at) {
      best = &w;
      best_at = where;
    }
  }
  if (at) *at = best_at;
  return best;
}

namespace {

std::string_view gap(const std::vector<CheckFigure>& f, std::size_t a, std::size_t b) {
  const std::string_view s = f[b].sentence;
  const std::size_t from = a < b ? std::min(f[a].at_end, f[b].at) : 0;
  return s.substr(std::min(from, s.size()), f[b].at - from);
}

bool breaks_list(std::string_view between) {
  for (std::string_view mark : {"；", ";", "。", "共"})
    if (between.find(mark) != std::string_view::npos) return true;
  return false;
}

}  // namespace

void ArithmeticChecks::parts_total(const std::vector<CheckFigure>& f, std::size_t begin, std::size_t end,
                                   std::vector<Finding>& out) const {
  auto says = [&](std::size_t a, std::size_t b, std::string_view role) {
    const Word* w = find(parts_, gap(f, a, b));
    return w && w->role == role;
  };
  for (std::size_t first = begin; first + 1 < end; ++first) {
    const Word* word = find(parts_, gap(f, first, first + 1));
    if (!word || (word->role != "complete" && word->role != "subset")) continue;
    // The total: the figure before the parts, or, when that one compares
    // (1.2万亿元，比去年增加4000亿元，其中…), the figure it compares.
    std::size_t t = first;
    if (t > begin && says(t - 1, t, "stop") && f[t - 1].unit == f[t].unit) --t;
    const CheckFigure& total = f[t];
    if (!total.value || total.max || is_ratio_unit(total.unit)) continue;
    std::vector<std::size_t> parts;
    std::size_t k = first + 1;
    for (; k < end && f[k].unit == total.unit; ++k) {
      if (k > first + 1 && (breaks_list(gap(f, k - 1, k)) || find(parts_, gap(f, k - 1, k)))) break;
      parts.push_back(k);
    }
    // One part is a subset, not a sum (173家，其中建账单位154家); a list
    // that goes on in another unit (三个铁矿，八个选矿厂，六座高炉…) is not
    // all in the total's unit, and not added up.
    if (parts.size() < 2) continue;
    if (k < end && !is_ratio_unit(f[k].unit) && !breaks_list(gap(f, k - 1, k)) && !find(parts_, gap(f, k - 1, k)))
      continue;
    Decimal sum;
    bool known = true;
    double tolerance = rounding_of(total);
    for (std::size_t k : parts) {
      const std::optional<Decimal> added = f[k].value && !f[k].max ? sum.plus(*f[k].value) : std::nullopt;
      if (!added) known = false;
      else sum = *added;
      tolerance += rounding_of(f[k]);
    }
    if (!known) continue;  // a part withheld or a range: nothing to add up
    const double difference = sum.to_double() - total.value->to_double();
    const bool complete = word->role == "complete";
    // A total that is a lower bound (734余家) is exceeded by its parts freely.
    const bool too_many = difference > tolerance && total.approx != Qualifier::over;
    if (!(complete ? std::abs(difference) > tolerance && (too_many || difference < 0) : too_many)) continue;
    Finding finding;
    finding.check = "parts-total";
    finding.line = total.line;
    finding.message = "parts add up to " + text_of(sum) + " " + total.unit + ", the total says " +
                      text_of(*total.value) + " " + total.unit;
    finding.stated = total.value;
    finding.computed = sum;
    finding.unit = total.unit;
    finding.figures.push_back({t, "total"});
    for (std::size_t k : parts) finding.figures.push_back({k, "part"});
    downgrade_if_approximate(f, finding);
    out.push_back(std::move(finding));
    first = parts.back();
  }
}

void ArithmeticChecks::percent_ratio(const std::vector<CheckFigure>& f, std::size_t begin, std::size_t end,
                                     std::vector<Finding>& out) const {
  for (std::size_t p = begin + 2; p < end; ++p) {
    const CheckFigure& percent = f[p];
    if (percent.unit != "%" || !percent.value || percent.max) continue;
    const std::size_t a = p - 2, b = p - 1;
    if (f[a].unit != f[b].unit || is_ratio_unit(f[a].unit) || !f[a].value || !f[b].value || f[a].max || f[b].max)
      continue;
    // A，占B的P% (numerator before 占, denominator after); or a total, one
    // part of it, and a rate of that part (共173家，其中…154家，使用率达89.02%).
    std::size_t numerator, denominator;
    const Word* between = find(ratio_, gap(f, a, b));
    const Word* before = find(ratio_, gap(f, b, p));
    const Word* parts = find(parts_, gap(f, a, b));
    if (between && between->role == "share") {
      numerator = a;
      denominator = b;
    } else if (parts && (parts->role == "subset" || parts->role == "complete") && before && before->role == "rate") {
      numerator = b;
      denominator = a;
    } else {
      continue;
    }
    const double n = f[numerator].value->to_double(), d = f[denominator].value->to_double();
    if (d <= 0) continue;
    const double tn = rounding_of(f[numerator]), td = rounding_of(f[denominator]), tp = rounding_of(percent);
    const double low = (n - tn) / (d + td) * 100, high = (n + tn) / (d - td > 0 ? d - td : d) * 100;
    const double stated = percent.value->to_double();
    if (stated + tp >= low && stated - tp <= high) continue;
    Finding finding;
    finding.check = "percent-ratio";
    finding.line = percent.line;
    finding.computed = decimal_of(n / d * 100, decimals_of(percent));
    finding.message = f[numerator].raw + " of " + f[denominator].raw + " is " + text_of(n / d * 100, decimals_of(percent)) +
                      "%, the text says " + text_of(*percent.value) + "%";
    finding.stated = percent.value;
    finding.unit = "%";
    finding.figures = {{p, "share"}, {numerator, "numerator"}, {denominator, "denominator"}};
    downgrade_if_approximate(f, finding);
    out.push_back(std::move(finding));
  }
}

void ArithmeticChecks::growth(const std::vector<CheckFigure>& f, std::size_t begin, std::size_t end,
                              std::vector<Finding>& out) const {
  for (std::size_t p = begin + 2; p < end; ++p) {
    const CheckFigure& rate = f[p];
    if (rate.unit != "%" || !rate.value || rate.max) continue;
    // The verb right before the rate: 增长25%, 下降15.7%.
    const std::string_view before = gap(f, p - 1, p);
    std::size_t at = 0;
    const Word* verb = find(growth_, before, &at);
    if (!verb || (verb->role != "up" && verb->role != "down")) continue;
    // An average rate over years (年均增长) or a real one (扣除价格因素) is not
    // the change between the two values.
    if (find(averages_, before.substr(0, at))) continue;
    // The two values: 由OLD…到NEW, or NEW…比(上年的)OLD.
    std::optional<std::size_t> old_at, new_at;
    for (std::size_t k = p; k-- > begin;) {
      const Word* word = find(growth_, gap(f, k == begin ? k : k - 1, k));
      if (!word || is_ratio_unit(f[k].unit)) continue;
      if (word->role == "to" && !new_at) new_at = k;
      if ((word->role == "from" || word->role == "base") && !old_at) {
        old_at = k;
        if (word->role == "base")
          for (std::size_t n = k; n-- > begin && !new_at;)
            if (f[n].unit == f[k].unit) new_at = n;
        break;
      }
    }
    if (!old_at || !new_at || f[*old_at].unit != f[*new_at].unit) continue;
    const CheckFigure &was = f[*old_at], &now = f[*new_at];
    if (!was.value || !now.value || was.max || now.max || was.value->to_double() <= 0) continue;
    const double o = was.value->to_double(), n = now.value->to_double();
    const double to = rounding_of(was), tn = rounding_of(now), tr = rounding_of(rate);
    const double sign = verb->role == "down" ? -1 : 1;
    const double stated = sign * rate.value->to_double();
    const double low = ((n - tn) - (o + to)) / (o + to) * 100, high = ((n + tn) - (o - to)) / (o - to > 0 ? o - to : o) * 100;
    if (stated + tr >= std::min(low, high) && stated - tr <= std::max(low, high)) continue;
    Finding finding;
    finding.check = "growth";
    finding.line = rate.line;
    const double change = sign * (n - o) / o * 100;
    finding.message = "from " + was.raw + " to " + now.raw + " is " + (sign < 0 ? "a fall" : "a rise") + " of " +
                      text_of(change, decimals_of(rate)) + "%, the text says " + text_of(*rate.value) + "%";
    finding.stated = rate.value;
    finding.computed = decimal_of(change, decimals_of(rate));
    finding.unit = "%";
    finding.figures = {{p, "rate"}, {*old_at, "old"}, {*new_at, "new"}};
    downgrade_if_approximate(f, finding);
    out.push_back(std::move(finding));
  }
}

namespace {

// Thresholds of the magnitude check (docs/check.md): within a report, the
// largest sum of money of a unit is out of line when it is this many times
// the median of the unit's figures and this many times the next largest.
constexpr double kOverMedian = 1000, kOverNext = 100;
constexpr std::size_t kAtLeast = 5;
// Across reports, a figure of one label and unit this many times the median
// of the others, or this many times smaller.
constexpr double kAcross = 1000;

std::vector<std::size_t> amounts(const std::vector<CheckFigure>& f) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f[i].value && !f[i].placeholder && !is_ratio_unit(f[i].unit) && f[i].value->to_double() > 0) out.push_back(i);
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

std::vector<Finding> ArithmeticChecks::check(const std::vector<CheckFigure>& f) const {
  std::vector<Finding> out;
  // Sentence by sentence: parts, ratios and growth rates stand in one.
  for (std::size_t begin = 0; begin < f.size();) {
    std::size_t end = begin + 1;
    while (end < f.size() && f[end].line == f[begin].line && f[end].sentence == f[begin].sentence) ++end;
    parts_total(f, begin, end, out);
    percent_ratio(f, begin, end, out);
    growth(f, begin, end, out);
    begin = end;
  }
  // Magnitude: the largest sum of money of a unit, far above the others.
  // (Counts of people and things span orders of magnitude in any report: 2
  // leaders, 30,000 participants.)
  std::map<std::string, std::vector<std::size_t>> by_unit;
  for (std::size_t i : amounts(f))
    if (f[i].kind == "money") by_unit[f[i].unit].push_back(i);
  for (const auto& [unit, members] : by_unit) {
    if (members.size() < kAtLeast) continue;
    std::vector<double> values;
    for (std::size_t i : members) values.push_back(f[i].value->to_double());
    const auto top = std::max_element(values.begin(), values.end());
    const std::size_t outlier = members[static_cast<std::size_t>(top - values.begin())];
    if (std::count(values.begin(), values.end(), *top) > 1) continue;
    double next = 0;
    for (double v : values)
      if (v < *top) next = std::max(next, v);
    const double middle = median(values);
    if (*top < kOverMedian * middle || *top < kOverNext * next) continue;
    Finding finding;
    finding.check = "magnitude";
    finding.severity = Finding::Severity::warning;
    finding.line = f[outlier].line;
    finding.message = f[outlier].raw + " is " + text_of(*top / middle, 0) + " times the median " + unit +
                      " figure of this report (" + text_of(middle, 2) + " " + unit + ") and " + text_of(*top / next, 0) +
                      " times the next largest";
    finding.stated = f[outlier].value;
    finding.unit = unit;
    finding.figures.push_back({outlier, "outlier"});
    for (std::size_t i : members)
      if (i != outlier) finding.figures.push_back({i, "compared"});
    out.push_back(std::move(finding));
  }
  // Withheld: the placeholders, once per report.
  std::vector<std::size_t> withheld;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f[i].placeholder) withheld.push_back(i);
  if (!withheld.empty()) {
    Finding finding;
    finding.check = "withheld";
    finding.severity = Finding::Severity::info;
    finding.line = f[withheld.front()].line;
    finding.message = std::to_string(withheld.size()) + " figure" + (withheld.size() > 1 ? "s" : "") +
                      " withheld (a placeholder or a blank where the number should be)";
    for (std::size_t i : withheld) finding.figures.push_back({i, "withheld"});
    out.push_back(std::move(finding));
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return out;
}

std::vector<Finding> ArithmeticChecks::magnitude_across(const std::vector<CheckFigure>& f) const {
  std::vector<Finding> out;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
  // Sums of money whose label names a quantity: not a change (提高到, the
  // growth words) and no date (增加到2002年). Counts of people and things
  // are of every scope (a county's 5000 households, the nation's 120 million).
  for (std::size_t i : amounts(f))
    if (f[i].kind == "money" && !f[i].label.empty() && f[i].label.find_first_of("0123456789") == std::string::npos &&
        !find(growth_, f[i].label))
      groups[{f[i].label, f[i].unit}].push_back(i);
  for (const auto& [key, members] : groups) {
    if (members.size() < 3) continue;
    std::vector<double> values;
    for (std::size_t j : members) values.push_back(f[j].value->to_double());
    const double middle = median(values);
    for (std::size_t i : members) {
      const double v = f[i].value->to_double();
      if (v < kAcross * middle && v * kAcross > middle) continue;
      Finding finding;
      finding.check = "magnitude";
      finding.severity = Finding::Severity::warning;
      finding.line = f[i].line;
      finding.message = f[i].raw + " (" + key.first + ") is " +
                        (v > middle ? text_of(v / middle, 0) + " times" : "1/" + text_of(middle / v, 0) + " of") +
                        " the median of the same label and unit across the inputs (" + text_of(middle, 2) + " " +
                        key.second + ")";
      finding.stated = f[i].value;
      finding.unit = key.second;
      finding.figures.push_back({i, "outlier"});
      for (std::size_t j : members)
        if (j != i) finding.figures.push_back({j, "compared"});
      out.push_back(std::move(finding));
    }
  }
  return out;
}

}  // namespace zhmine
