#include "zhmine/text/huge_buffer.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace zhmine {

void reserve_huge(std::string& buffer, std::size_t capacity) {
  buffer.reserve(capacity);
  constexpr std::size_t kHugePage = 2 << 20;
  if (capacity < 4 * kHugePage) return;
  // The aligned interior of the allocation; madvise is advice, its failure harmless.
  const auto begin = reinterpret_cast<std::uintptr_t>(buffer.data());
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + capacity) & ~(kHugePage - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

}  // namespace zhmine
