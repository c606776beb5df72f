#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "zhmine/io/record_sink.hpp"

using namespace zhmine;

TEST_CASE("a record sink spills past its limit and gives everything back in order") {
  RecordSink sink;
  std::string expected;
  const std::string line = std::string(1000, 'x') + "\n";
  for (int i = 0; sink.buffer().size() <= RecordSink::kSpillBytes; ++i) {
    const std::string record = std::to_string(i) + line;
    sink.buffer() += record;
    expected += record;
  }
  const std::size_t lines = sink.lines();
  sink.spill_if_large();
  CHECK(sink.buffer().empty());  // moved to the temporary file
  sink.buffer() += "last\n";
  expected += "last\n";
  CHECK(sink.lines() == lines + 1);
  std::string drained;
  sink.drain([&](std::string_view piece) { drained += piece; });
  CHECK(drained == expected);
}

TEST_CASE("a small record sink stays in memory") {
  RecordSink sink;
  sink.buffer() = "{\"a\":1}\n";
  sink.spill_if_large();
  CHECK(sink.buffer() == "{\"a\":1}\n");
  std::string drained;
  sink.drain([&](std::string_view piece) { drained += piece; });
  CHECK(drained == "{\"a\":1}\n");
}

TEST_CASE("deferred text comes out escaped at its place, spilled or not") {
  const std::string text = "第一行\n“引号”\"\\\t末";
  for (const bool spill : {false, true}) {
    RecordSink sink;
    sink.buffer() += "{\"text\":\"";
    sink.append_escaped(text + std::string(spill ? RecordSink::kSpillBytes : 0, 'x'));
    sink.buffer() += "\"}\n";
    CHECK(sink.lines() == 1);
    sink.spill_if_large();
    CHECK(sink.buffer().empty() == spill);
    std::string drained;
    sink.drain([&](std::string_view piece) { drained += piece; });
    const auto record = nlohmann::json::parse(drained);
    CHECK(record["text"].get<std::string>().substr(0, text.size()) == text);
    CHECK(record["text"].get<std::string>().size() == text.size() + (spill ? RecordSink::kSpillBytes : 0));
  }
}
