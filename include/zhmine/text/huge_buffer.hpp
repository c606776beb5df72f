// Large buffers (a whole document, its record) backed by transparent huge
// pages where the kernel offers them on request: a 50 MB document otherwise
// costs ~13,000 page faults per buffer, a sixth of normalize's time.
#pragma once

#include <cstddef>
#include <string>

namespace zhmine {

// Reserves at least `capacity` bytes in `buffer` and, for large buffers, asks
// the kernel to back them with huge pages. Call before writing to the buffer.
void reserve_huge(std::string& buffer, std::size_t capacity);

}  // namespace zhmine
