// Helpers shared by the unit tests: reading fixtures and samples.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace zhmine::test {

inline std::filesystem::path source_dir() { return ZHMINE_SOURCE_DIR; }
// OpenCC's dictionaries as the build read them (text).
inline std::filesystem::path opencc_dictionaries() { return ZHMINE_OPENCC_TEXT_DIR; }
inline std::filesystem::path sample(const std::string& name) { return source_dir() / "data" / "samples" / name; }
inline std::filesystem::path fixture(const std::string& name) { return std::filesystem::path(ZHMINE_FIXTURES) / name; }

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline constexpr const char* kSamples[] = {
    "000_64a7223eeb192faa.txt", "001_d9fc024c1301021f.txt", "002_e6a98484fe32e77c.txt",
    "003_3c42f93b7f460ee3.txt", "004_f5ed15afdaa3c041.txt"};
inline constexpr const char* kTraditionalSample = "004_f5ed15afdaa3c041.txt";

}  // namespace zhmine::test
