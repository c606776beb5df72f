#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "zhmine/io/ordered_pool.hpp"

using namespace zhmine;

namespace {

// Work that finishes in reverse order of submission, to prove results are reordered.
std::string run(unsigned threads, int units, std::atomic<int>* in_flight = nullptr, int* max_in_flight = nullptr) {
  int next = 0;
  std::string delivered;
  run_in_order(
      threads,
      [&]() -> Work {
        if (next == units) return {};
        const int i = next++;
        if (in_flight) *max_in_flight = std::max(*max_in_flight, ++*in_flight);
        return [i, units, in_flight] {
          std::this_thread::sleep_for(std::chrono::microseconds(100 * (units - i)));
          WorkResult r;
          r.records.emplace_back().buffer() = std::to_string(i) + ",";
          r.report.stats.documents = 1;
          if (in_flight) --*in_flight;
          return r;
        };
      },
      [&](WorkResult&& r) { delivered += r.records.front().buffer(); });
  return delivered;
}

}  // namespace

TEST_CASE("results come back in input order whatever the thread count") {
  std::string expected;
  for (int i = 0; i < 40; ++i) expected += std::to_string(i) + ",";
  for (unsigned threads : {1u, 2u, 4u, 8u}) CHECK(run(threads, 40) == expected);
}

TEST_CASE("at most two units per thread are in flight: memory stays bounded") {
  std::atomic<int> in_flight{0};
  int max_in_flight = 0;
  run(3, 60, &in_flight, &max_in_flight);
  CHECK(max_in_flight <= 6);
}

TEST_CASE("a unit's exception reaches the caller") {
  int next = 0;
  CHECK_THROWS_AS(run_in_order(
                      2,
                      [&]() -> Work {
                        if (next++ == 5) return {};
                        return [] () -> WorkResult { throw std::runtime_error("boom"); };
                      },
                      [](WorkResult&&) {}),
                  std::runtime_error);
}
