#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <system_error>

#include <unistd.h>

#include "test_support.hpp"
#include "zhmine/io/document.hpp"
#include "zhmine/text/file_fold.hpp"

using namespace zhmine;

namespace {

// A file in the temporary directory, removed at the end of the test.
struct ScratchFile {
  std::string path;
  explicit ScratchFile(const std::string& bytes) {
    path = (std::filesystem::temp_directory_path() / ("zhmine-file-fold-" + std::to_string(::getpid()))).string();
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~ScratchFile() { std::remove(path.c_str()); }
};

const Normalizer& simplified() { return normalizer_for(TargetScript::simplified); }

}  // namespace

TEST_CASE("a file folded as it is read is the file folded whole") {
  // The traditional sample with CRLF line ends, repeated past several read pieces.
  std::string one = test::read_bytes(test::sample(test::kTraditionalSample));
  std::string bytes;
  for (char c : one) bytes += c == '\n' ? std::string("\r\n") : std::string(1, c);
  while (bytes.size() < 1000000) bytes += bytes;
  const ScratchFile file(bytes);
  const std::optional<FileFold> fold = fold_file(file.path, simplified());
  REQUIRE(fold);
  const NormalizedText whole = *simplified().normalize_if_valid(bytes);
  CHECK(fold->doc == document_id(bytes));
  CHECK(fold->folded.text == whole.text);
  CHECK(fold->folded.lines == whole.lines);
  CHECK(fold->folded.script() == "traditional");
}

TEST_CASE("a file that is not plain UTF-8 is left to the decoders") {
  const std::string text(300000, 'a');
  CHECK_FALSE(fold_file(ScratchFile("\xEF\xBB\xBF" + text).path, simplified()));        // a BOM
  CHECK_FALSE(fold_file(ScratchFile(text + '\0' + text).path, simplified()));           // a NUL byte
  CHECK_FALSE(fold_file(ScratchFile(text + "\xB9\xA4\xBB\xE1" + text).path, simplified()));  // 工会 in GBK
  const std::optional<FileFold> empty = fold_file(ScratchFile("").path, simplified());
  REQUIRE(empty);
  CHECK(empty->doc == document_id(""));
  CHECK(empty->folded.lines == 0);
}

TEST_CASE("a file that cannot be read throws, naming why") {
  CHECK_THROWS_AS(fold_file("/nonexistent/zhmine/report.txt", simplified()), std::system_error);
  CHECK_THROWS_AS(fold_file("/proc/self/mem", simplified()), std::system_error);  // EIO at offset 0
}
