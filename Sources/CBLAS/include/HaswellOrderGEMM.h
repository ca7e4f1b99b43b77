// The kit's own sgemm, in the order of OpenBLAS 0.3.21's Haswell kernel (HaswellOrderGEMM.c).
// KitBLAS.c decides when kit_sgemm calls it; tests call it directly.
#ifndef KIT_HASWELL_ORDER_GEMM_H
#define KIT_HASWELL_ORDER_GEMM_H

/// Whether this CPU can run it (AVX-512 F).
int kit_haswell_order_supported(void);

/// Row-major c <- op(a) * op(b) + beta * c (alpha = 1), each entry rounded exactly as OpenBLAS 0.3.21's
/// Haswell kernel rounds it on one thread. Returns 0, having changed nothing, when it cannot run.
int kit_haswell_order_sgemm(int transpose_a, int transpose_b, int m, int n, int k,
                            const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc);

/// The same with every row of c starting as `bias` (n floats) and beta = 1: what OpenBLAS computes when c's
/// rows are set to bias first, without that pass.
int kit_haswell_order_sgemm_bias(int transpose_a, int transpose_b, int m, int n, int k,
                                 const float *a, int lda, const float *b, int ldb, const float *bias,
                                 float *c, int ldc);

/// The same, then max(·, 0) of every entry (-0 and negative entries give +0, NaN stays NaN), applied as each
/// entry is stored: a dense layer with its ReLU.
int kit_haswell_order_sgemm_bias_relu(int transpose_a, int transpose_b, int m, int n, int k,
                                      const float *a, int lda, const float *b, int ldb, const float *bias,
                                      float *c, int ldc);

#endif
