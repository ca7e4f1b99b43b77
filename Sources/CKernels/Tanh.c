// tanh over an array of floats, vectorised as wide as the CPU allows (see AdamUpdate.c).
//
// glibc's tanhf is a scalar call of about 20 ns; the GAN of lesson 3 spent two thirds of its time
// in it. This is Cephes' tanhf (S. L. Moshier): an odd polynomial below |x| = 0.625, and
// 1 − 2 / (e^{2|x|} + 1) above, with Cephes' expf (range reduction by ln 2 in two parts, a degree-6
// polynomial, the power of two put in the exponent bits). Both branches are computed for every
// lane and the right one kept by a bit mask, so each lane does the same IEEE single-precision
// operations whatever the vector width: results are bit-identical on every CPU. At most 2 ulp from
// the correctly rounded tanh (checked over a sweep by Tests/NumericsTests/TanhKernelTests.swift).
#include "KitKernels.h"
#include "VectorTypes.h"

#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)
#pragma STDC FP_CONTRACT OFF


// One block of lanes: `x` in, `out` (VF) set. VF/VI: the float and int vector types.
#define TANH_BLOCK(VF, VI, x, out)                                                                  \
    do {                                                                                            \
        VI bits, sign, small_mask, nan_mask, n, r_bits;                                             \
        VF ax, z, p, small, t, y, fx, shifted, r, rr, e, scale, large;                              \
        memcpy(&bits, &(x), sizeof bits);                                                           \
        sign = bits & (int32_t)0x80000000;                                                          \
        bits = bits & 0x7fffffff;                                                                   \
        memcpy(&ax, &bits, sizeof ax);                                                              \
        /* |x| < 0.625: x + x·z·P(z), z = x² */                                                      \
        z = (x) * (x);                                                                              \
        p = -5.70498872745e-3f * z;                                                                 \
        p = p + 2.06390887954e-2f;                                                                  \
        p = p * z;                                                                                  \
        p = p - 5.37397155531e-2f;                                                                  \
        p = p * z;                                                                                  \
        p = p + 1.33314422036e-1f;                                                                  \
        p = p * z;                                                                                  \
        p = p - 3.33332819422e-1f;                                                                  \
        p = p * z;                                                                                  \
        p = p * (x);                                                                                \
        small = (x) + p;                                                                            \
        /* otherwise: 1 − 2 / (e^{2t} + 1), t = min(|x|, 10) (tanh(10) rounds to 1) */                 \
        t = ax;                                                                                     \
        {                                                                                           \
            VI over = (VI)(t > 10.0f);                                                              \
            VF nine = ((VF){0}) + 10.0f;                                                            \
            VI tb, nb;                                                                              \
            memcpy(&tb, &t, sizeof tb);                                                             \
            memcpy(&nb, &nine, sizeof nb);                                                          \
            tb = (tb & ~over) | (nb & over);                                                        \
            memcpy(&t, &tb, sizeof t);                                                              \
        }                                                                                           \
        y = t + t;                                                                                  \
        /* e^y = 2^n · e^r, n = round(y / ln 2), r = y − n·ln 2 in two parts */                      \
        fx = y * 1.44269504088896341f;                                                              \
        shifted = fx + 12582912.0f;                                                                 \
        memcpy(&n, &shifted, sizeof n);                                                             \
        n = n - 0x4B400000;                                                                         \
        fx = shifted - 12582912.0f;                                                                 \
        r = fx * 0.693359375f;                                                                      \
        r = y - r;                                                                                  \
        rr = fx * -2.12194440e-4f;                                                                  \
        r = r - rr;                                                                                 \
        rr = r * r;                                                                                 \
        e = 1.9875691500e-4f * r;                                                                   \
        e = e + 1.3981999507e-3f;                                                                   \
        e = e * r;                                                                                  \
        e = e + 8.3334519073e-3f;                                                                   \
        e = e * r;                                                                                  \
        e = e + 4.1665795894e-2f;                                                                   \
        e = e * r;                                                                                  \
        e = e + 1.6666665459e-1f;                                                                   \
        e = e * r;                                                                                  \
        e = e + 5.0000001201e-1f;                                                                   \
        e = e * rr;                                                                                 \
        e = e + r;                                                                                  \
        e = e + 1.0f;                                                                               \
        r_bits = (n + 127) << 23;                                                                   \
        memcpy(&scale, &r_bits, sizeof scale);                                                      \
        e = e * scale;                                                                              \
        e = e + 1.0f;                                                                               \
        large = 2.0f / e;                                                                           \
        large = 1.0f - large;                                                                       \
        {                                                                                           \
            VI lb, sb;                                                                              \
            memcpy(&lb, &large, sizeof lb);                                                         \
            lb = lb | sign;                                                                         \
            small_mask = (VI)(ax < 0.625f);                                                         \
            memcpy(&sb, &small, sizeof sb);                                                         \
            sb = sb | sign; /* tanh(−0) = −0 (x + x·z·P rounds it to +0) */                           \
            lb = (sb & small_mask) | (lb & ~small_mask);                                            \
            /* NaN stays NaN */                                                                     \
            nan_mask = (VI)((x) != (x));                                                            \
            memcpy(&sb, &(x), sizeof sb);                                                           \
            lb = (sb & nan_mask) | (lb & ~nan_mask);                                                \
            memcpy(&(out), &lb, sizeof lb);                                                         \
        }                                                                                           \
    } while (0)

#define TANH_LOOP(WIDE_F, WIDE_I, WIDE)                                                             \
    long k = 0;                                                                                     \
    for (; k + WIDE <= count; k += WIDE) {                                                          \
        WIDE_F xv, yv;                                                                              \
        memcpy(&xv, x + k, sizeof xv);                                                              \
        TANH_BLOCK(WIDE_F, WIDE_I, xv, yv);                                                         \
        memcpy(y + k, &yv, sizeof yv);                                                              \
    }                                                                                               \
    for (; k < count; k += 4) {                                                                     \
        float in[4] = {0, 0, 0, 0}, outv[4];                                                        \
        long left = count - k < 4 ? count - k : 4;                                                  \
        f4 xv, yv;                                                                                  \
        memcpy(in, x + k, (size_t)left * sizeof(float));                                            \
        memcpy(&xv, in, sizeof xv);                                                                 \
        TANH_BLOCK(f4, i4, xv, yv);                                                                 \
        memcpy(outv, &yv, sizeof yv);                                                               \
        memcpy(y + k, outv, (size_t)left * sizeof(float));                                          \
    }

static void tanh_sse(const float *x, float *y, long count) { TANH_LOOP(f4, i4, 4) }

#if defined(__x86_64__)
__attribute__((target("avx2"))) static void tanh_avx2(const float *x, float *y, long count) { TANH_LOOP(f8, i8, 8) }
__attribute__((target("avx512f"))) static void tanh_avx512(const float *x, float *y, long count) { TANH_LOOP(f16, i16, 16) }
#endif

typedef void (*tanh_fn)(const float *, float *, long);

static tanh_fn chosen_tanh;
static int tanh_lanes_limit = 16;

static tanh_fn choose_tanh(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (tanh_lanes_limit >= 16 && __builtin_cpu_supports("avx512f")) return tanh_avx512;
    if (tanh_lanes_limit >= 8 && __builtin_cpu_supports("avx2")) return tanh_avx2;
#endif
    return tanh_sse;
}

void kit_tanh(const float *x, float *y, long count) {
    tanh_fn f = __atomic_load_n(&chosen_tanh, __ATOMIC_ACQUIRE);
    if (!f) {
        f = choose_tanh();
        __atomic_store_n(&chosen_tanh, f, __ATOMIC_RELEASE);
    }
    f(x, y, count);
}

int kit_tanh_limit_lanes(int lanes) {
    tanh_lanes_limit = lanes;
    tanh_fn f = choose_tanh();
    __atomic_store_n(&chosen_tanh, f, __ATOMIC_RELEASE);
#if defined(__x86_64__)
    if (f == tanh_avx512) return 16;
    if (f == tanh_avx2) return 8;
#endif
    return 4;
}
