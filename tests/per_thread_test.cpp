// One rule set per worker thread: the one compiled up front serves the
// first thread that asks, each other thread compiles its own, once.
#include <catch2/catch.hpp>

#include <latch>
#include <set>
#include <thread>
#include <vector>

#include "zhmine/figures/figures.hpp"
#include "zhmine/io/per_thread.hpp"

using namespace zhmine;

TEST_CASE("each thread has its own rule set, made once") {
  RuleBook book = RuleBook::load();
  auto first = std::make_shared<const FigureExtractor>(book);
  const PerThread<FigureExtractor> rules(std::move(book), first);
  const FigureExtractor* mine = &rules.get();
  CHECK(mine == first.get());      // the thread that asks first takes the one compiled up front
  CHECK(&rules.get() == mine);     // and keeps it
  // Catch2's assertions are not for other threads: they record, we check.
  std::vector<const FigureExtractor*> theirs(3), again(3);
  std::vector<std::size_t> found(3);
  std::vector<std::thread> threads;
  // A thread's rule set goes when the thread ends, and a later thread's may
  // then take its address: all stay until all have theirs.
  std::latch all_have_theirs(static_cast<std::ptrdiff_t>(theirs.size()));
  for (std::size_t i = 0; i < theirs.size(); ++i)
    threads.emplace_back([&, i] {
      theirs[i] = &rules.get();
      again[i] = &rules.get();
      found[i] = rules.get().extract("共慰问困难职工 676 人").size();
      all_have_theirs.arrive_and_wait();
    });
  for (auto& t : threads) t.join();
  CHECK(theirs == again);
  CHECK(found == std::vector<std::size_t>{1, 1, 1});
  const std::set<const FigureExtractor*> distinct(theirs.begin(), theirs.end());
  CHECK(distinct.size() == 3);
  CHECK(distinct.count(mine) == 0);
}
