// Adam's element-wise update, vectorised as wide as the CPU allows.
//
// The kit is compiled for baseline x86-64, so Swift's loop ran four lanes (SSE). The same
// operations, in the same order, run here eight lanes at a time with AVX2 or sixteen with AVX-512,
// chosen at run time. Every operation is an IEEE single-precision add, subtract, multiply,
// divide or integer shift on one lane at a time, so the width changes no bit of the result.
// Contraction into fused multiply-adds would change bits, so it is switched off.
#include "KitKernels.h"
#include "VectorTypes.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)
#pragma STDC FP_CONTRACT OFF

#define MAGIC 0x5f3759dfu

// One block of LANES entries: the body shared by every width.
#define ADAM_BLOCK(VF, VU, LANES)                                                                   \
    do {                                                                                            \
        VF gk, mk, vk, tk, y, half, denom, t;                                                       \
        VU bits;                                                                                    \
        memcpy(&gk, g + k, sizeof gk);                                                              \
        memcpy(&mk, m + k, sizeof mk);                                                              \
        memcpy(&vk, v + k, sizeof vk);                                                              \
        memcpy(&tk, theta_in + k, sizeof tk);                                                       \
        mk = beta1 * mk;                                                                            \
        mk = mk + one_minus_beta1 * gk;                                                             \
        t = one_minus_beta2 * gk;                                                                   \
        t = t * gk;                                                                                 \
        vk = beta2 * vk;                                                                            \
        vk = vk + t;                                                                                \
        memcpy(&bits, &vk, sizeof bits);                                                            \
        bits = MAGIC - (bits >> 1);                                                                 \
        memcpy(&y, &bits, sizeof y);                                                                \
        half = 0.5f * vk;                                                                           \
        for (int newton = 0; newton < 3; newton++) {                                                \
            VF h = half * y;                                                                        \
            h = h * y;                                                                              \
            h = 1.5f - h;                                                                           \
            y = y * h;                                                                              \
        }                                                                                           \
        denom = vk * y;                                                                             \
        denom = denom * inverse_root_correction2;                                                   \
        denom = denom + epsilon;                                                                    \
        t = step_size * mk;                                                                         \
        t = t / denom;                                                                              \
        tk = tk - t;                                                                                \
        memcpy(m + k, &mk, sizeof mk);                                                              \
        memcpy(v + k, &vk, sizeof vk);                                                              \
        memcpy(theta_out + k, &tk, sizeof tk);                                                      \
    } while (0)


#define ADAM_PARAMETERS                                                                             \
    const float *theta_in, float *theta_out, float *m, float *v, const float *g, long vector_end,     \
    float step_size, float inverse_root_correction2, float beta1, float beta2, float epsilon

// The entries [0, vector_end) (a multiple of 4), widest blocks first, then blocks of four.
#define ADAM_VECTOR_LOOP(WIDE_F, WIDE_U, WIDE)                                                      \
    const float one_minus_beta1 = 1 - beta1, one_minus_beta2 = 1 - beta2;                            \
    long k = 0;                                                                                     \
    for (; k + WIDE <= vector_end; k += WIDE) ADAM_BLOCK(WIDE_F, WIDE_U, WIDE);                      \
    for (; k + 4 <= vector_end; k += 4) ADAM_BLOCK(f4, u4, 4);

static void adam_sse(ADAM_PARAMETERS) { ADAM_VECTOR_LOOP(f4, u4, 4) }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void adam_avx2(ADAM_PARAMETERS) { ADAM_VECTOR_LOOP(f8, u8, 8) }
__attribute__((target("avx512f"))) static void adam_avx512(ADAM_PARAMETERS) { ADAM_VECTOR_LOOP(f16, u16, 16) }
#endif

typedef void (*adam_fn)(ADAM_PARAMETERS);

static adam_fn choose(int *lanes) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) { *lanes = 16; return adam_avx512; }
    if (__builtin_cpu_supports("avx2")) { *lanes = 8; return adam_avx2; }
#endif
    *lanes = 4;
    return adam_sse;
}

static adam_fn chosen = NULL;  // set once; every thread would choose the same
static int chosen_lanes = 0;

static adam_fn current(void) {
    adam_fn vector_part = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (vector_part == NULL) {
        int lanes;
        vector_part = choose(&lanes);
        __atomic_store_n(&chosen_lanes, lanes, __ATOMIC_RELAXED);
        __atomic_store_n(&chosen, vector_part, __ATOMIC_RELAXED);
    }
    return vector_part;
}

int kit_adam_lanes(void) {
    current();
    return __atomic_load_n(&chosen_lanes, __ATOMIC_RELAXED);
}

int kit_adam_limit_lanes(int lanes) {
    int widest;
    adam_fn best = choose(&widest);
    adam_fn pick = best;
    if (lanes < widest) {
        widest = lanes >= 8 && widest >= 8 ? 8 : 4;
#if defined(__x86_64__)
        pick = widest == 8 ? adam_avx2 : adam_sse;
#else
        pick = adam_sse;
#endif
    }
    __atomic_store_n(&chosen_lanes, widest, __ATOMIC_RELAXED);
    __atomic_store_n(&chosen, pick, __ATOMIC_RELAXED);
    return widest;
}

void kit_adam_update(const float *theta_in, float *theta_out, float *m, float *v, const float *g, long count,
                     float step_size, float inverse_root_correction2, float beta1, float beta2, float epsilon) {
    adam_fn vector_part = current();
    long vector_end = count - count % 4;
    vector_part(theta_in, theta_out, m, v, g, vector_end, step_size, inverse_root_correction2, beta1, beta2, epsilon);
    const float one_minus_beta1 = 1 - beta1, one_minus_beta2 = 1 - beta2;
    for (long k = vector_end; k < count; k++) {
        float gk = g[k];
        float mk = beta1 * m[k];
        mk = mk + one_minus_beta1 * gk;
        float t = one_minus_beta2 * gk;
        t = t * gk;
        float vk = beta2 * v[k];
        vk = vk + t;
        m[k] = mk;
        v[k] = vk;
        float denom = sqrtf(vk);
        denom = denom * inverse_root_correction2;
        denom = denom + epsilon;
        t = step_size * mk;
        t = t / denom;
        theta_out[k] = theta_in[k] - t;
    }
}
