// One compiled rule set per worker thread. A rule set is safe to share
// between threads, but RE2 makes the threads that search one program take
// turns at its DFA cache's lock, and with many small searches per figure
// that costs more than compiling the rules once per thread (about 10 ms).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <utility>

#include "zhmine/rules/rules.hpp"

namespace zhmine {

template <typename Rules>
class PerThread {
 public:
  // `first`, compiled already (to find a bad rule before any work), serves
  // the first thread that asks; every other thread compiles its own from
  // `book` when it first asks.
  PerThread(RuleBook book, std::shared_ptr<const Rules> first)
      : book_(std::make_shared<const RuleBook>(std::move(book))), first_(std::move(first)) {}

  const Rules& get() const {
    std::shared_ptr<const Rules>& slot = mine()[id_];
    if (!slot) {
      std::shared_ptr<const Rules> first = std::atomic_exchange(&first_, std::shared_ptr<const Rules>());
      slot = first ? std::move(first) : std::make_shared<const Rules>(*book_);
    }
    return *slot;
  }

 private:
  // This thread's rule sets, by the PerThread they belong to.
  static std::unordered_map<std::uint64_t, std::shared_ptr<const Rules>>& mine() {
    thread_local std::unordered_map<std::uint64_t, std::shared_ptr<const Rules>> map;
    return map;
  }
  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> ids{0};
    return ++ids;
  }

  std::shared_ptr<const RuleBook> book_;
  mutable std::shared_ptr<const Rules> first_;  // until a thread takes it
  std::uint64_t id_ = next_id();
};

}  // namespace zhmine
