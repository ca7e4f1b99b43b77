// ReLU over an array of floats and its backward pass, vectorised as wide as the CPU allows (see
// AdamUpdate.c). Each lane does one comparison and keeps or clears the bits, so the results are the
// same on every width and the same as the kit's Swift loops they replace: y = x unless x ≤ 0 (−0 and
// negative values give +0, NaN stays NaN, as Swift's max(x, 0)); the backward keeps g where y > 0
// and gives +0 elsewhere.
#include "KitKernels.h"
#include "VectorTypes.h"

#include <string.h>

#define RELU_LOOP(VF, VI, WIDE)                                                                     \
    long k = 0;                                                                                     \
    for (; k + WIDE <= count; k += WIDE) {                                                          \
        VF xv;                                                                                      \
        VI bits;                                                                                    \
        memcpy(&xv, x + k, sizeof xv);                                                              \
        memcpy(&bits, &xv, sizeof bits);                                                            \
        bits &= ~(VI)(xv <= 0.0f);                                                                  \
        memcpy(y + k, &bits, sizeof bits);                                                          \
    }                                                                                               \
    for (; k < count; k++) y[k] = x[k] <= 0.0f ? 0.0f : x[k];

#define RELU_BACKWARD_LOOP(VF, VI, WIDE)                                                            \
    long k = 0;                                                                                     \
    for (; k + WIDE <= count; k += WIDE) {                                                          \
        VF gv, yv;                                                                                  \
        VI bits;                                                                                    \
        memcpy(&gv, g + k, sizeof gv);                                                              \
        memcpy(&yv, y + k, sizeof yv);                                                              \
        memcpy(&bits, &gv, sizeof bits);                                                            \
        bits &= (VI)(yv > 0.0f);                                                                    \
        memcpy(out + k, &bits, sizeof bits);                                                        \
    }                                                                                               \
    for (; k < count; k++) out[k] = y[k] > 0.0f ? g[k] : 0.0f;

static void relu_sse(const float *x, float *y, long count) { RELU_LOOP(f4, i4, 4) }
static void relu_backward_sse(const float *g, const float *y, float *out, long count) { RELU_BACKWARD_LOOP(f4, i4, 4) }

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static void relu_avx512(const float *x, float *y, long count) { RELU_LOOP(f16, i16, 16) }
__attribute__((target("avx512f"))) static void relu_backward_avx512(const float *g, const float *y, float *out, long count) {
    RELU_BACKWARD_LOOP(f16, i16, 16)
}
__attribute__((target("avx2"))) static void relu_avx2(const float *x, float *y, long count) { RELU_LOOP(f8, i8, 8) }
__attribute__((target("avx2"))) static void relu_backward_avx2(const float *g, const float *y, float *out, long count) {
    RELU_BACKWARD_LOOP(f8, i8, 8)
}
#endif

static int relu_lanes_limit = 16;

/// 16, 8 or 4: the widest vector of floats this CPU has, at most `relu_lanes_limit`.
static int relu_lanes(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (relu_lanes_limit >= 16 && __builtin_cpu_supports("avx512f")) return 16;
    if (relu_lanes_limit >= 8 && __builtin_cpu_supports("avx2")) return 8;
#endif
    return 4;
}

int kit_relu_limit_lanes(int lanes) {
    relu_lanes_limit = lanes;
    return relu_lanes();
}

void kit_relu(const float *x, float *y, long count) {
#if defined(__x86_64__)
    switch (relu_lanes()) {
    case 16: relu_avx512(x, y, count); return;
    case 8: relu_avx2(x, y, count); return;
    }
#endif
    relu_sse(x, y, count);
}

void kit_relu_backward(const float *g, const float *y, float *out, long count) {
#if defined(__x86_64__)
    switch (relu_lanes()) {
    case 16: relu_backward_avx512(g, y, out, count); return;
    case 8: relu_backward_avx2(g, y, out, count); return;
    }
#endif
    relu_backward_sse(g, y, out, count);
}
