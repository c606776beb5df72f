// Parallel work with ordered results: units of work run on worker threads,
// their results come back in the order the work was taken, and at most a
// small window of units is in flight, so memory stays bounded by a few
// documents however large the archive.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "zhmine/io/diagnostics.hpp"
#include "zhmine/io/record_sink.hpp"

namespace zhmine {

// What a unit of work made: the records of each document it held, in order.
struct WorkResult {
  std::vector<RecordSink> records;
  Report report;
};

using Work = std::function<WorkResult()>;

// Calls `next` until it returns an empty Work, runs each on `threads` threads
// (1: in the calling thread), and hands each result to `deliver` in order.
// An exception thrown by a unit of work is rethrown here, in order.
void run_in_order(unsigned threads, const std::function<Work()>& next,
                  const std::function<void(WorkResult&&)>& deliver);

// The number of threads `-j 0` means: the machine's cores.
unsigned default_threads();

}  // namespace zhmine
