#include "zhmine/io/ordered_pool.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace zhmine {

unsigned default_threads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void run_in_order(unsigned threads, const std::function<Work()>& next,
                  const std::function<void(WorkResult&&)>& deliver) {
  if (threads <= 1) {
    while (Work work = next()) deliver(work());
    return;
  }

  struct Outcome {
    std::optional<WorkResult> result;
    std::exception_ptr error;
  };
  std::mutex mutex;
  std::condition_variable work_ready, outcome_ready;
  std::deque<std::pair<std::size_t, Work>> queue;
  std::map<std::size_t, Outcome> outcomes;
  bool closing = false;

  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      while (true) {
        std::pair<std::size_t, Work> item;
        {
          std::unique_lock lock(mutex);
          work_ready.wait(lock, [&] { return closing || !queue.empty(); });
          if (queue.empty()) return;
          item = std::move(queue.front());
          queue.pop_front();
        }
        Outcome outcome;
        try {
          outcome.result = item.second();
        } catch (...) {
          outcome.error = std::current_exception();
        }
        {
          std::lock_guard lock(mutex);
          outcomes.emplace(item.first, std::move(outcome));
        }
        outcome_ready.notify_all();
      }
    });
  }
  auto stop = [&] {
    {
      std::lock_guard lock(mutex);
      closing = true;
      queue.clear();
    }
    work_ready.notify_all();
    for (auto& w : workers) w.join();
  };

  // Two units per thread keep every worker busy while the oldest is written.
  const std::size_t window = 2 * static_cast<std::size_t>(threads);
  std::size_t submitted = 0, delivered = 0;
  bool exhausted = false;
  try {
    while (true) {
      while (!exhausted && submitted - delivered < window) {
        Work work = next();
        if (!work) {
          exhausted = true;
          break;
        }
        {
          std::lock_guard lock(mutex);
          queue.emplace_back(submitted++, std::move(work));
        }
        work_ready.notify_one();
      }
      if (exhausted && delivered == submitted) break;
      Outcome outcome;
      {
        std::unique_lock lock(mutex);
        outcome_ready.wait(lock, [&] { return outcomes.count(delivered) > 0; });
        auto it = outcomes.find(delivered);
        outcome = std::move(it->second);
        outcomes.erase(it);
      }
      ++delivered;
      if (outcome.error) std::rethrow_exception(outcome.error);
      deliver(std::move(*outcome.result));
    }
  } catch (...) {
    stop();
    throw;
  }
  stop();
}

}  // namespace zhmine
