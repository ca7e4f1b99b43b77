// Subnormal floats flushed to zero, on every CPU and every thread the kit computes on.
//
// A float below 2^-126 in magnitude (a subnormal) costs Intel cores a microcode assist of about a
// hundred cycles per operation when the control register leaves it alone: measured on a Xeon of
// family 6 model 207, Adam's element-wise step ran 30 times slower on subnormal moments than on
// normal ones, and they are common in training (the first moment of a weight whose gradient is zero
// decays by β1 each step and passes through the subnormal range). AMD cores handle them at little
// cost. Flushing them to zero (FTZ: results; DAZ: inputs) makes every CPU compute the same numbers
// at full speed; the kit sets it once when it loads (for the main thread) and at the start of every
// worker thread it starts (Foundation's threads copy it too, but nothing promises that).
#include "KitKernels.h"

#if defined(__x86_64__)
#include <xmmintrin.h>
#define KIT_FTZ_DAZ 0x8040u  // MXCSR bit 15 (flush to zero) and bit 6 (denormals are zero)
#elif defined(__aarch64__)
#include <stdint.h>
#define KIT_FZ (1ull << 24)  // FPCR.FZ: flush subnormal inputs and results to zero
#endif

void kit_flush_subnormals(void) {
#if defined(__x86_64__)
    _mm_setcsr(_mm_getcsr() | KIT_FTZ_DAZ);
#elif defined(__aarch64__)
    uint64_t fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    __asm__ volatile("msr fpcr, %0" : : "r"(fpcr | KIT_FZ));
#endif
}

int kit_subnormals_flushed(void) {
#if defined(__x86_64__)
    return (_mm_getcsr() & KIT_FTZ_DAZ) == KIT_FTZ_DAZ;
#elif defined(__aarch64__)
    uint64_t fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    return (fpcr & KIT_FZ) != 0;
#else
    return 0;
#endif
}

// Runs when the kit is loaded, on the main thread, before any of its code.
__attribute__((constructor)) static void kit_flush_subnormals_at_load(void) { kit_flush_subnormals(); }
