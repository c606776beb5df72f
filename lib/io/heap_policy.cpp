#include "zhmine/io/heap_policy.hpp"

#include <cstdlib>  // defines __GLIBC__ where it is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace zhmine {

void keep_freed_memory() {
#if defined(__GLIBC__)
  // Setting either disables glibc's own adaptive thresholds, so both are set.
  // 8 MiB kept is as fast over an archive of small files as 64 MiB was. An
  // mmap threshold at the adaptive one's ceiling (32 MiB) was no faster on a
  // 200 MB line or a 50 MB file, and held 13 MiB more at the peak.
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
}

}  // namespace zhmine
