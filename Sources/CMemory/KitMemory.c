// Keeps freed memory in the process instead of handing it back to the kernel after every step.
//
// A training step allocates its activations and gradients afresh (a 256-wide layer's batch of 256
// is a 256 KiB matrix) and frees them at the end of the step. With glibc's default thresholds such
// blocks are mapped with mmap, or the top of the heap is given back with sbrk once the step's memory
// is freed, so the next step faults every page in again, zeroed by the kernel: about a sixth of a
// 3-256-256-1 step went to page faults (`bench`, `perf stat -e page-faults`). Raising the two
// thresholds lets the next step reuse the same pages. Only where memory comes from changes, never
// a number the kit computes.
//
//   M_MMAP_THRESHOLD 32 MiB: blocks below it come from the heap (glibc's largest dynamic value);
//   M_TRIM_THRESHOLD 256 MiB: the heap keeps up to that much free memory at its top.
//
// KIT_MALLOC_DEFAULTS=1 leaves glibc's defaults (and its MALLOC_*_ variables) alone.
#include "KitMemory.h"

#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#endif

static int configured = 0;

int kit_memory_configure(void) {
#if defined(__linux__) && defined(__GLIBC__)
    const char *keep = getenv("KIT_MALLOC_DEFAULTS");
    if (keep != NULL && keep[0] == '1') return 0;
    if (configured) return 1;
    configured = mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1
        && mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024) == 1;
    return configured;
#else
    return 0;
#endif
}

int kit_memory_configured(void) { return configured; }

/// At program start, before the first step allocates.
__attribute__((constructor)) static void configure_at_start(void) { kit_memory_configure(); }
