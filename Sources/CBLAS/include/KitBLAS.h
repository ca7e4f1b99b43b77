// The kit's door to OpenBLAS. The library is opened at program start, after the kit has chosen
// the kernel OpenBLAS will use (OpenBLAS reads OPENBLAS_CORETYPE only when it is loaded, so a
// program linked against it is too late to choose). See KitBLAS.c for the policy.
#ifndef KIT_BLAS_H
#define KIT_BLAS_H

#ifdef __cplusplus
extern "C" {
#endif

/// c <- alpha * op(a) * op(b) + beta * c, row-major (cblas_sgemm). A transpose flag is 0 or 1.
void kit_sgemm(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
               const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc);

/// c <- op(a) * op(b) + each row of c set to bias (n floats): a dense layer's x * W + b, in the rounding
/// of sgemm onto c prefilled with bias (beta = 1), without the prefill where the kit's GEMM runs.
void kit_sgemm_bias(int transpose_a, int transpose_b, int m, int n, int k, const float *a, int lda,
                    const float *b, int ldb, const float *bias, float *c, int ldc);

/// kit_sgemm_bias, then max(·, 0) of every entry where the kit's GEMM computes the product (it applies it as
/// each entry is stored): returns 1 then, and 0 when it computed the affine map alone (the caller then
/// applies the ReLU).
int kit_sgemm_bias_relu(int transpose_a, int transpose_b, int m, int n, int k, const float *a, int lda,
                        const float *b, int ldb, const float *bias, float *c, int ldc);

/// The same product always through OpenBLAS (tests and `bench` compare the two).
void kit_sgemm_openblas(int transpose_a, int transpose_b, int m, int n, int k, float alpha,
                        const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc);

/// Who computes kit_sgemm's products, one line: OpenBLAS, or the kit's AVX-512 GEMM that rounds
/// as OpenBLAS's Haswell kernel (see KitBLAS.c for when).
const char *kit_gemm_engine(void);

/// 1 when kit_sgemm's products are the kit's own GEMM's, else 0.
int kit_gemm_is_own(void);

/// y <- alpha * op(a) * x + beta * y, row-major (cblas_sgemv).
void kit_sgemv(int transpose, int m, int n, float alpha, const float *a, int lda,
               const float *x, int incx, float beta, float *y, int incy);

/// How many threads OpenBLAS uses; the kit's default is 1 unless OPENBLAS_NUM_THREADS is set.
void kit_blas_set_threads(int count);
int kit_blas_threads(void);

/// The kernel OpenBLAS runs (openblas_get_corename), e.g. "Haswell".
const char *kit_blas_kernel(void);

/// How that kernel was chosen, one line (e.g. "the kit's reproducible default for CPUs with AVX2 and FMA").
const char *kit_blas_kernel_choice(void);

/// Loads OpenBLAS if it is not loaded yet (done at program start; safe to call again).
/// Returns 0 on success; otherwise kit_blas_load_error() says why.
int kit_blas_load(void);
const char *kit_blas_load_error(void);

#ifdef __cplusplus
}
#endif

#endif
