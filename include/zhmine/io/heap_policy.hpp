// How the process keeps memory it has freed. zhmine handles documents one
// after another, each allocating and freeing about its own size again; with
// glibc's defaults the heap top is handed back to the kernel after each batch
// and faulted in, zeroed, page by page for the next. Over an archive of small
// files that was half of normalize's time.
#pragma once

namespace zhmine {

// Keeps up to 8 MiB of freed heap at the top of each malloc arena (glibc
// gives each thread one, up to eight per core) for reuse, and serves blocks
// below 4 MiB from the heap rather than from mmap, which would map and
// clear them anew each time. Memory stays bounded by the peak in use.
// Called once at start-up; does nothing where the C library has no mallopt.
void keep_freed_memory();

}  // namespace zhmine
