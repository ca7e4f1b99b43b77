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
#include "HaswellOrderGEMM.h"

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
typedef char *(*config_fn)(void);

static sgemm_fn sgemm;
static sgemv_fn sgemv;
static set_threads_fn set_threads;
static get_threads_fn get_threads;
static corename_fn corename;
static config_fn config;
static int blas_threads = 1;
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

static void choose_gemm(void);

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
    config = (config_fn)dlsym(handle, "openblas_get_config");
    if (sgemm == NULL || sgemv == NULL || set_threads == NULL || get_threads == NULL || corename == NULL) {
        snprintf(load_error, sizeof load_error,
                 "the library loaded as OpenBLAS lacks cblas_sgemm, cblas_sgemv or the openblas_* functions");
        return;
    }
    // One BLAS thread unless the user asked for more: the kit's matrices are small, and on a 2-core
    // machine two BLAS threads fighting the training loop are several times slower than one.
    const char *threads = getenv("OPENBLAS_NUM_THREADS");
    if (threads == NULL || threads[0] == '\0') set_threads(1);
    blas_threads = get_threads();
    loaded = 1;
    choose_gemm();
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

void kit_sgemm_openblas(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
                        const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    require_library();
    sgemm(ROW_MAJOR, transpose_a ? TRANS : NO_TRANS, transpose_b ? TRANS : NO_TRANS, m, n, k, alpha, a, lda,
          b, ldb, beta, c, ldc);
}

// ---- The kit's own GEMM in the Haswell kernel's order (HaswellOrderGEMM.c) ----
//
// Used in place of OpenBLAS when OpenBLAS runs its Haswell kernel on one thread, the library is Debian's
// 0.3.21 (whose kernel it reproduces), the CPU has AVX-512, KIT_GEMM is not "openblas", and a comparison
// of a few products with OpenBLAS's agrees to the bit. The comparison is made once, as the library loads
// (before main, while the program has one thread), with OpenBLAS on one thread whatever count was asked
// for: on two threads OpenBLAS splits a product between them and rounds it in another order, so a
// comparison made later, after a program or a test had asked for two, would find a difference that says
// nothing about the kit's GEMM.

static int own_gemm = 0;
static char gemm_engine[200] = "OpenBLAS";

/// A few products, by both, compared bit for bit: shapes that cross a k block, a column block and every
/// kind of row group, with each transposition and beta.
static int own_gemm_agrees(void) {
    static const int shapes[][6] = {   // m, n, k, transpose a, transpose b, beta code
        {37, 53, 700, 0, 0, 0}, {29, 70, 45, 1, 0, 1}, {50, 40, 333, 0, 1, 2}, {13, 700, 20, 1, 1, 0},
        {100, 64, 64, 0, 0, 1}, {7, 16, 16, 0, 1, 0}, {70, 1, 64, 0, 0, 0}, {40, 3, 700, 1, 1, 1},
    };
    const float betas[] = {0, 1, 0.5f};
    unsigned state = 12345u;
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        const int m = shapes[s][0], n = shapes[s][1], k = shapes[s][2], ta = shapes[s][3], tb = shapes[s][4];
        const size_t na = (size_t)m * k, nb = (size_t)k * n, nc = (size_t)m * n;
        float *a = malloc(na * sizeof(float)), *b = malloc(nb * sizeof(float));
        float *c1 = malloc(nc * sizeof(float)), *c2 = malloc(nc * sizeof(float));
        int same = a && b && c1 && c2;
        if (same) {
            for (size_t i = 0; i < na; i++) { state = state * 1664525u + 1013904223u; a[i] = (float)(state >> 8) / 8388608.0f - 1; }
            for (size_t i = 0; i < nb; i++) { state = state * 1664525u + 1013904223u; b[i] = (float)(state >> 8) / 8388608.0f - 1; }
            for (size_t i = 0; i < nc; i++) { state = state * 1664525u + 1013904223u; c1[i] = c2[i] = (float)(state >> 8) / 8388608.0f - 1; }
            const int lda = ta ? m : k, ldb = tb ? k : n;
            sgemm(ROW_MAJOR, ta ? TRANS : NO_TRANS, tb ? TRANS : NO_TRANS, m, n, k, 1, a, lda, b, ldb,
                  betas[shapes[s][5]], c1, n);
            same = kit_haswell_order_sgemm(ta, tb, m, n, k, a, lda, b, ldb, betas[shapes[s][5]], c2, n)
                && memcmp(c1, c2, nc * sizeof(float)) == 0;
        }
        free(a); free(b); free(c1); free(c2);
        if (!same) return 0;
    }
    return 1;
}

static void choose_gemm(void) {
    const char *mode = getenv("KIT_GEMM");
    if (mode != NULL && strcmp(mode, "openblas") == 0) {
        snprintf(gemm_engine, sizeof gemm_engine, "OpenBLAS (KIT_GEMM=openblas)");
        return;
    }
    if (strcmp(corename(), "Haswell") != 0) return;
    const char *version = config ? config() : "";
    if (strncmp(version, "OpenBLAS 0.3.21 ", 16) != 0 || !kit_haswell_order_supported()) return;
    const int asked = get_threads();
    if (asked != 1) set_threads(1);
    const int agrees = own_gemm_agrees();
    if (asked != 1) set_threads(asked);
    if (!agrees) {
        snprintf(gemm_engine, sizeof gemm_engine,
                 "OpenBLAS (the kit's own GEMM disagreed with its Haswell kernel on this machine)");
        return;
    }
    own_gemm = 1;
    snprintf(gemm_engine, sizeof gemm_engine, "the kit's AVX-512 GEMM, rounding as OpenBLAS's Haswell kernel");
}

void kit_sgemm(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
               const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    require_library();
    if (own_gemm && blas_threads == 1 && alpha == 1
        && kit_haswell_order_sgemm(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, beta, c, ldc)) return;
    sgemm(ROW_MAJOR, transpose_a ? TRANS : NO_TRANS, transpose_b ? TRANS : NO_TRANS, m, n, k, alpha, a, lda,
          b, ldb, beta, c, ldc);
}

void kit_sgemm_bias(int transpose_a, int transpose_b, int m, int n, int k, const float *a, int lda,
                    const float *b, int ldb, const float *bias, float *c, int ldc) {
    require_library();
    if (own_gemm && blas_threads == 1
        && kit_haswell_order_sgemm_bias(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, bias, c, ldc)) return;
    for (long i = 0; i < m; i++) memcpy(c + i * (long)ldc, bias, sizeof(float) * (size_t)n);
    if (k > 0 && m > 0 && n > 0)
        sgemm(ROW_MAJOR, transpose_a ? TRANS : NO_TRANS, transpose_b ? TRANS : NO_TRANS, m, n, k, 1, a, lda,
              b, ldb, 1, c, ldc);
}

int kit_sgemm_bias_relu(int transpose_a, int transpose_b, int m, int n, int k, const float *a, int lda,
                        const float *b, int ldb, const float *bias, float *c, int ldc) {
    require_library();
    if (own_gemm && blas_threads == 1
        && kit_haswell_order_sgemm_bias_relu(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, bias, c, ldc)) return 1;
    kit_sgemm_bias(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, bias, c, ldc);
    return 0;
}

int kit_gemm_is_own(void) {
    require_library();
    return own_gemm && blas_threads == 1;
}

const char *kit_gemm_engine(void) {
    require_library();
    return own_gemm && blas_threads != 1 ? "OpenBLAS (more than one BLAS thread)" : gemm_engine;
}

void kit_sgemv(int transpose, int m, int n, float alpha, const float *a, int lda,
               const float *x, int incx, float beta, float *y, int incy) {
    require_library();
    sgemv(ROW_MAJOR, transpose ? TRANS : NO_TRANS, m, n, alpha, a, lda, x, incx, beta, y, incy);
}

void kit_blas_set_threads(int count) {
    require_library();
    set_threads(count < 1 ? 1 : count);
    blas_threads = get_threads();
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
