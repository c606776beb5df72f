// Scores scan_numerals() against the Chinese number and percentage specs of
// Microsoft Recognizers-Text, which live outside the project in
// ../shared/specs/recognizers-text/Chinese (relative to the repository root).
//
//   spec_eval [DIR] [--failures]
//
// A case passes when the multiset of (text, value) results equals the
// expected one. Texts are compared as the specs spell them, with full-width
// ASCII folded and ASCII lower-cased (the spec writes ４，５６５ as 4,565);
// values are compared as numbers, percentages without their '%'.
// NumberModel.json expects numbers only and PercentModel.json percentages
// only, so each file sees just that kind of span. A case is "supported" when
// it carries no NotSupported or NotSupportedByDesign mark for any platform.

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "zhmine/figures/numerals.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Result {
  std::string text;
  double value;
};

// Full-width ASCII to ASCII, ASCII to lower case; other text unchanged.
std::string fold_for_spec(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    // U+FF01..U+FF5E is EF BC 81..EF BD 9E in UTF-8.
    if (b == 0xEF && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      const unsigned cp = 0xF000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(std::tolower(static_cast<int>(cp - 0xFEE0)));
        i += 2;
        continue;
      }
    }
    out += b < 0x80 ? static_cast<char>(std::tolower(b)) : s[i];
  }
  return out;
}

bool same_value(double a, double b) {
  return std::fabs(a - b) <= 1e-12 * std::max(std::fabs(a), std::fabs(b)) + 1e-18;
}

bool same_results(std::vector<Result> expected, std::vector<Result> got,
                  bool ignore_values) {
  if (expected.size() != got.size()) return false;
  for (const Result& e : expected) {
    const auto match = std::find_if(got.begin(), got.end(), [&](const Result& g) {
      return g.text == e.text && (ignore_values || same_value(g.value, e.value));
    });
    if (match == got.end()) return false;
    got.erase(match);
  }
  return true;
}

std::string describe(const std::vector<Result>& results) {
  std::string out;
  for (const Result& r : results) {
    if (!out.empty()) out += " | ";
    char value[64];
    std::snprintf(value, sizeof value, "%.15g", r.value);
    out += r.text + "=" + value;
  }
  return out.empty() ? "(none)" : out;
}

// Returns false if the file is there but unreadable.
bool evaluate(const fs::path& file, bool percent, bool show_failures) {
  std::ifstream in(file);
  json cases;
  try {
    in >> cases;
  } catch (const json::exception& e) {
    std::cerr << file.string() << ": " << e.what() << "\n";
    return false;
  }
  int total = 0, supported = 0, passed = 0, supported_passed = 0;
  for (const json& c : cases) {
    const std::string input = c.at("Input").get<std::string>();
    std::vector<Result> expected;
    for (const json& r : c.at("Results")) {
      std::string value = r.at("Resolution").at("value").get<std::string>();
      if (!value.empty() && value.back() == '%') value.pop_back();
      expected.push_back({fold_for_spec(r.at("Text").get<std::string>()),
                          std::strtod(value.c_str(), nullptr)});
    }
    std::vector<Result> got;
    for (const zhmine::NumeralSpan& span : zhmine::scan_numerals(input)) {
      if (span.percent != percent) continue;
      got.push_back({fold_for_spec(input.substr(span.begin, span.end - span.begin)),
                     span.value.to_double()});
    }
    const bool is_supported =
        !c.contains("NotSupported") && !c.contains("NotSupportedByDesign");
    const bool ok =
        same_results(expected, got, c.value("IgnoreResolution", false));
    ++total;
    supported += is_supported;
    passed += ok;
    supported_passed += ok && is_supported;
    if (!ok && show_failures) {
      std::cout << "  FAIL " << input << "\n"
                << "    expected: " << describe(expected) << "\n"
                << "    got:      " << describe(got) << "\n";
    }
  }
  auto rate = [](int n, int d) { return d == 0 ? 0.0 : 100.0 * n / d; };
  std::printf("%s: %d cases, %d supported; passed %d/%d (%.1f%%), supported %d/%d (%.1f%%)\n",
              file.filename().string().c_str(), total, supported, passed, total,
              rate(passed, total), supported_passed, supported,
              rate(supported_passed, supported));
  return true;
}

// The specs sit beside the repository. Its root is the nearest directory
// holding include/zhmine/ above this source file (an absolute path when built
// by CMake, whatever the build directory) or else above the working directory.
fs::path default_spec_dir() {
  const fs::path relative = fs::path("..") / "shared" / "specs" / "recognizers-text" / "Chinese";
  std::error_code ec;
  for (fs::path start : {fs::path(__FILE__).parent_path(), fs::current_path(ec)}) {
    for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
      if (fs::exists(dir / "include" / "zhmine" / "numerals.hpp", ec)) {
        return (dir / relative).lexically_normal();
      }
      if (dir == dir.parent_path()) break;
    }
  }
  return relative;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir;
  bool show_failures = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--failures") {
      show_failures = true;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: spec_eval [SPEC_DIR] [--failures]\n";
      return 0;
    } else {
      dir = arg;
    }
  }
  if (dir.empty()) dir = default_spec_dir();
  if (!fs::is_directory(dir)) {
    std::cout << "spec_eval: no spec directory at " << dir.string()
              << " (the Recognizers-Text specs are not part of the project); "
                 "nothing to evaluate\n";
    return 0;
  }
  bool ok = true;
  for (const auto& [name, percent] :
       {std::pair{"NumberModel.json", false}, std::pair{"PercentModel.json", true}}) {
    const fs::path file = dir / name;
    if (!fs::exists(file)) {
      std::cout << file.string() << ": missing, skipped\n";
      continue;
    }
    ok = evaluate(file, percent, show_failures) && ok;
  }
  return ok ? 0 : 1;
}
