// Opens OpenBLAS at run time, after choosing its kernel.
//
// Each OpenBLAS kernel rounds sgemm in its own order, and a reinforcement-learning run that starts
// from a different rounding takes another path. So the kit does not let OpenBLAS pick a kernel from
// its table of CPU models (Debian's 0.3.21 falls back to the generic Prescott kernel on CPUs newer
// than the table); it picks from the CPU's features:
//
//   KIT_BLAS_KERNEL unset or "reproducible": Haswell on every x86-64 CPU with AVX2 and FMA, Intel
//       or AMD, with or without AVX-512, so that a seed gives the same numbers on all of them;
//   KIT_BLAS_KERNEL=fastest: SkylakeX where AVX-512 (F, CD, BW, DQ, VL) is there, else Haswell;
//   KIT_BLAS_KERNEL=openblas: OpenBLAS's own choice.
//
// A user's own OPENBLAS_CORETYPE always wins. The variable the kit sets is removed again once the
// library is loaded, so that programs it starts (lessons started by tests, grading children) choose
// by the same rule.
#define _GNU_SOURCE
#include "KitBLAS.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int,
                         float, float *, int);
typedef void (*sgemv_fn)(int, int, int, int, float, const float *, int, const float *, int, float,
                         float *, int);
typedef void (*set_threads_fn)(int);
typedef int (*get_threads_fn)(void);
typedef char *(*corename_fn)(void);

static sgemm_fn sgemm;
static sgemv_fn sgemv;
static set_threads_fn set_threads;
static get_threads_fn get_threads;
static corename_fn corename;
static char choice[160] = "not loaded";
static char load_error[512] = "";
static int loaded = 0;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/// The kernel to ask for, or NULL for OpenBLAS's own choice; writes how it was chosen to `choice`.
static const char *choose_kernel(void) {
    const char *mode = getenv("KIT_BLAS_KERNEL");
    if (mode == NULL || mode[0] == '\0') mode = "reproducible";
    if (strcmp(mode, "openblas") == 0) {
        snprintf(choice, sizeof choice, "OpenBLAS's own choice (KIT_BLAS_KERNEL=openblas)");
        return NULL;
    }
    int fastest = strcmp(mode, "fastest") == 0;
    if (!fastest && strcmp(mode, "reproducible") != 0) {
        fprintf(stderr, "warning: KIT_BLAS_KERNEL=%s is not one of reproducible, fastest, openblas; "
                        "using reproducible\n", mode);
    }
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    int avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    int avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl");
    if (fastest && avx512) {
        snprintf(choice, sizeof choice, "the fastest kernel for this CPU (KIT_BLAS_KERNEL=fastest, AVX-512)");
        return "SkylakeX";
    }
    if (avx2) {
        snprintf(choice, sizeof choice, fastest
                 ? "the fastest kernel for this CPU (KIT_BLAS_KERNEL=fastest, AVX2 and FMA)"
                 : "the kit's reproducible default for every CPU with AVX2 and FMA");
        return "Haswell";
    }
    snprintf(choice, sizeof choice, "OpenBLAS's own choice (this CPU has no AVX2 and FMA: numbers may "
                                    "differ from other machines')");
    return NULL;
#else
    snprintf(choice, sizeof choice, "OpenBLAS's own choice (not an x86-64 CPU)");
    return NULL;
#endif
}

static void *open_library(void) {
    const char *names[] = {
        getenv("KIT_BLAS_LIBRARY"),
        "libopenblas.so.0", "libopenblas.so",
        "libopenblas.dylib", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
        "/usr/local/opt/openblas/lib/libopenblas.dylib",
    };
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) {
        if (names[i] == NULL || names[i][0] == '\0') continue;
        handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL && load_error[0] == '\0') {
            const char *why = dlerror();
            snprintf(load_error, sizeof load_error, "%s", why ? why : names[i]);
        }
    }
    return handle;
}

static void load(void) {
    const char *user = getenv("OPENBLAS_CORETYPE");
    const char *kernel = NULL;
    int set_by_kit = 0;
    if (user != NULL && user[0] != '\0') {
        snprintf(choice, sizeof choice, "OPENBLAS_CORETYPE=%s, set in the environment", user);
    } else {
        kernel = choose_kernel();
        if (kernel != NULL) set_by_kit = setenv("OPENBLAS_CORETYPE", kernel, 1) == 0;
    }
    void *handle = open_library();
    if (set_by_kit) unsetenv("OPENBLAS_CORETYPE");
    if (handle == NULL) {
        char why[512];
        snprintf(why, sizeof why, "%s", load_error);
        snprintf(load_error, sizeof load_error,
                 "OpenBLAS could not be loaded (%s): install Debian's libopenblas0 (scripts/setup.sh does), "
                 "or name the library in KIT_BLAS_LIBRARY", why);
        return;
    }
    sgemm = (sgemm_fn)dlsym(handle, "cblas_sgemm");
    sgemv = (sgemv_fn)dlsym(handle, "cblas_sgemv");
    set_threads = (set_threads_fn)dlsym(handle, "openblas_set_num_threads");
    get_threads = (get_threads_fn)dlsym(handle, "openblas_get_num_threads");
    corename = (corename_fn)dlsym(handle, "openblas_get_corename");
    if (sgemm == NULL || sgemv == NULL || set_threads == NULL || get_threads == NULL || corename == NULL) {
        snprintf(load_error, sizeof load_error,
                 "the library loaded as OpenBLAS lacks cblas_sgemm, cblas_sgemv or the openblas_* functions");
        return;
    }
    // One BLAS thread unless the user asked for more: the kit's matrices are small, and on a 2-core
    // machine two BLAS threads fighting the training loop are several times slower than one.
    const char *threads = getenv("OPENBLAS_NUM_THREADS");
    if (threads == NULL || threads[0] == '\0') set_threads(1);
    loaded = 1;
}

int kit_blas_load(void) {
    pthread_once(&once, load);
    return loaded ? 0 : -1;
}

const char *kit_blas_load_error(void) {
    kit_blas_load();
    return load_error;
}

/// Loading at program start: before main, while the program has one thread, so that setenv is safe.
__attribute__((constructor)) static void load_at_start(void) { kit_blas_load(); }

static void require_library(void) {
    if (__builtin_expect(loaded, 1)) return;
    if (kit_blas_load() != 0) {
        fprintf(stderr, "error: %s\n", load_error);
        exit(70);
    }
}

void kit_sgemm(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
               const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    require_library();
    sgemm(ROW_MAJOR, transpose_a ? TRANS : NO_TRANS, transpose_b ? TRANS : NO_TRANS, m, n, k, alpha, a, lda,
          b, ldb, beta, c, ldc);
}

void kit_sgemv(int transpose, int m, int n, float alpha, const float *a, int lda,
               const float *x, int incx, float beta, float *y, int incy) {
    require_library();
    sgemv(ROW_MAJOR, transpose ? TRANS : NO_TRANS, m, n, alpha, a, lda, x, incx, beta, y, incy);
}

void kit_blas_set_threads(int count) {
    require_library();
    set_threads(count < 1 ? 1 : count);
}

int kit_blas_threads(void) {
    require_library();
    return get_threads();
}

const char *kit_blas_kernel(void) {
    require_library();
    return corename();
}

const char *kit_blas_kernel_choice(void) {
    kit_blas_load();
    return choice;
}
