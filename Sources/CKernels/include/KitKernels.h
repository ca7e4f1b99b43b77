// Element-wise loops of the kit in C, where a wider vector unit can be chosen at run time.
// Each does the same float operations in the same order on every CPU: only how many entries
// are done at once changes, so results are bit-identical across vector widths. See AdamUpdate.c.
// Also the floating-point mode every thread of the kit computes in (subnormal results flushed to
// zero on x86-64; SubnormalFlush.c).
#ifndef KIT_KERNELS_H
#define KIT_KERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/// One Adam step over `count` entries:
///   m <- beta1*m + (1-beta1)*g,  v <- beta2*v + ((1-beta2)*g)*g,
///   theta_out <- theta_in - (step_size*m) / (sqrt(v)*inverse_root_correction2 + epsilon),
/// where sqrt(v) is v * (1/sqrt(v)) from the bit-level estimate with three Newton steps for the
/// entries before the last count % 4, and the correctly rounded sqrtf for those last ones (the kit's
/// Swift loop of four lanes did exactly this). `theta_out` may equal `theta_in`.
void kit_adam_update(const float *theta_in, float *theta_out, float *m, float *v, const float *g, long count,
                     float step_size, float inverse_root_correction2, float beta1, float beta2, float epsilon);

/// The vector width kit_adam_update uses on this CPU, in floats (16, 8 or 4).
int kit_adam_lanes(void);

/// Limits the width to at most `lanes` (16, 8 or 4; for tests of every width on one machine) and
/// returns the width now in use. A width above the CPU's widest gives the widest.
int kit_adam_limit_lanes(int lanes);

/// tanh of `count` floats (`y` may equal `x`): Cephes' tanhf, at most 2 ulp from the correctly rounded
/// value, NaN kept, bit-identical on every vector width (Tanh.c).
void kit_tanh(const float *x, float *y, long count);

/// Limits kit_tanh's width to at most `lanes` (16, 8 or 4; for tests) and returns the width now in use.
int kit_tanh_limit_lanes(int lanes);

/// ReLU of `count` floats (`y` may equal `x`): y = x unless x <= 0, where y = +0 (NaN stays NaN),
/// as Swift's max(x, 0); bit-identical on every vector width (Relu.c).
void kit_relu(const float *x, float *y, long count);

/// ReLU's backward pass: out = g where y > 0, +0 elsewhere (y = relu(x); `out` may equal `g`).
void kit_relu_backward(const float *g, const float *y, float *out, long count);

/// Limits both ReLU kernels' width to at most `lanes` (16, 8 or 4; for tests) and returns the width now in use.
int kit_relu_limit_lanes(int lanes);

/// On x86-64, makes every float or double operation on the calling thread whose result would be subnormal
/// return zero (MXCSR's FTZ; subnormal inputs keep their value), so that every CPU computes the same
/// numbers at full speed (SubnormalFlush.c); elsewhere it does nothing. The kit calls it when it loads and
/// at the start of each of its worker threads.
void kit_flush_subnormals(void);

/// 1 when subnormal results are flushed to zero on the calling thread, else 0.
int kit_subnormals_flushed(void);

#ifdef __cplusplus
}
#endif

#endif
