// The kit's own sgemm: OpenBLAS 0.3.21's Haswell kernel, entry for entry, sixteen lanes wide.
//
// Why. The kit runs OpenBLAS's Haswell kernel on every CPU so that a seed gives the same numbers
// everywhere (KitBLAS.c). On a CPU with AVX-512 that kernel uses half the vector width the core has:
// on an Intel Xeon of family 6 model 207 it reaches 70-80 GFLOPS where the core's peak is about 147.
// This file computes the same matrix product with AVX-512 and rounds every entry of the result the
// way the Haswell kernel does, so a lesson's numbers do not change by a bit, only its speed.
//
// What "the same rounding" means. An entry c(i, j) is a sum over k of a(i, k) b(k, j). OpenBLAS cuts
// k into blocks (driver/level3/level3.c: GEMM_Q = 320; a remainder between 320 and 640 is halved,
// rounded up to a multiple of 8). Within a block, the kernel (kernel/x86_64/sgemm_kernel_8x4_haswell_2.c)
// keeps one of two kinds of accumulator for the entry, starting from zero:
//   sequential: acc = fma(a(i, k), b(k, j), acc) for k = first, first + 1, ... of the block;
//   split:      the first 8 * floor(K / 8) terms of the block alternate between two accumulators
//               (even steps in one, odd in the other), the rest go to the first, and the two are added;
// and adds the block's sum to c: c = acc + c. Before the first block c was multiplied by beta (set to
// zero when beta is 0). Which entries are split depends only on where the entry lies in the kernel's
// tiles: in OpenBLAS's column-major view (our columns are its rows), a call covers up to 320 of our
// columns (GEMM_P) and our rows in groups of 12, 8, 4, 2 and 1 (the first column block: 12 while 12
// remain, then 4 while more than 4 remain, then the rest); in a group of 12 rows, the 8-column blocks
// that the kernel's m8n6 code handles (the first block of the group's first six rows and one block at
// the far end, see `kernel_call`) are split; in a group of 4 rows every full 8-column block is split;
// everything else is sequential (so are all entries of a product with fewer than 4 columns: `thin_product`).
// Rows come in blocks of GEMM_R = 104 512 (Debian's build; measured by comparing products around it).
// Subnormal results are flushed as the thread's MXCSR says, for OpenBLAS and for this code alike.
//
// Checked: NumericsTests/HaswellOrderGEMMTests compares every entry with OpenBLAS's Haswell kernel over
// random shapes, transpositions and betas, and KitBLAS.c repeats a small comparison when it loads: if a
// single bit differs (another OpenBLAS build, say), the kit uses OpenBLAS itself.
#include "HaswellOrderGEMM.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

#pragma clang fp contract(off)
#pragma STDC FP_CONTRACT OFF

enum { SEQUENTIAL = 0, SPLIT = 1, MIXED = 2 };
enum { GEMM_P = 320, GEMM_Q = 320, GEMM_R = 104512, UNROLL_M = 8, UNROLL_N = 4, MAX_BLOCKS = GEMM_P / 8 + 8 };

/// The operands in the kernel's terms: a(i, k) and b(k, j) of row-major matrices.
typedef struct {
    int transpose_a;
    const float *a;
    long lda;       // a(i, k) = transpose_a ? a[k * lda + i] : a[i * lda + k]
    const float *b;
    long ldb;       // b(k, j) = b[k * ldb + j] (a transposed b is copied into this layout first)
    float *c;
    long ldc;
    int overwrite;      // the first k block of a product with beta = 0: c is written, not added to
    const float *bias;  // the first k block of a product onto bias rows: each row of c starts as bias
    int relu;           // the last k block of a product whose entries then go through max(·, 0)
} Operands;

#define TARGET __attribute__((target("avx512f")))
#define ALWAYS_INLINE static inline __attribute__((always_inline))

/// RB rows from i0 and NV vectors of 16 columns from j0, over the k block [ls, ls + K), added to c.
/// `lanes` masks the columns that exist, `split` those whose entries are split; vector v's `mode` says
/// whether none (SEQUENTIAL), all (SPLIT) or some (MIXED) of its columns are.
TARGET ALWAYS_INLINE void tile(const Operands *o, int RB, int NV, int mode0, int mode1, long i0, long j0, int ls,
                               int K, __mmask16 lanes0, __mmask16 lanes1, __mmask16 split0, __mmask16 split1) {
    __m512 even[6][2], odd[6][2];
    for (int r = 0; r < RB; r++)
        for (int v = 0; v < NV; v++) { even[r][v] = _mm512_setzero_ps(); odd[r][v] = _mm512_setzero_ps(); }
    const __mmask16 lanes[2] = {lanes0, lanes1}, split[2] = {split0, split1};
    const int mode[2] = {mode0, mode1};
    const float *arow[6];
    for (int r = 0; r < RB; r++)
        arow[r] = o->transpose_a ? o->a + (long)ls * o->lda + i0 + r : o->a + (i0 + r) * o->lda + ls;
    const long astep = o->transpose_a ? o->lda : 1;
    const float *bp = o->b + (long)ls * o->ldb + j0;
    const int any_split = mode0 != SEQUENTIAL || (NV == 2 && mode1 != SEQUENTIAL);
    const int paired = (any_split && K >= 8) ? (K / 8) * 8 : 0;
    int p = 0;
    for (; p < paired; p += 2) {
        __m512 b0[2], b1[2];
        for (int v = 0; v < NV; v++) {
            b0[v] = _mm512_maskz_loadu_ps(lanes[v], bp + (long)p * o->ldb + 16 * v);
            b1[v] = _mm512_maskz_loadu_ps(lanes[v], bp + (long)(p + 1) * o->ldb + 16 * v);
        }
        for (int r = 0; r < RB; r++) {
            const __m512 x0 = _mm512_set1_ps(arow[r][p * astep]);
            const __m512 x1 = _mm512_set1_ps(arow[r][(p + 1) * astep]);
            for (int v = 0; v < NV; v++) {
                even[r][v] = _mm512_fmadd_ps(x0, b0[v], even[r][v]);
                if (mode[v] == SEQUENTIAL) {
                    even[r][v] = _mm512_fmadd_ps(x1, b1[v], even[r][v]);
                } else if (mode[v] == SPLIT) {
                    odd[r][v] = _mm512_fmadd_ps(x1, b1[v], odd[r][v]);
                } else {   // sequential lanes take the odd step too, split lanes keep it apart
                    even[r][v] = _mm512_mask3_fmadd_ps(x1, b1[v], even[r][v], (__mmask16)~split[v]);
                    odd[r][v] = _mm512_mask3_fmadd_ps(x1, b1[v], odd[r][v], split[v]);
                }
            }
        }
    }
    for (; p < K; p++) {
        __m512 b0[2];
        for (int v = 0; v < NV; v++) b0[v] = _mm512_maskz_loadu_ps(lanes[v], bp + (long)p * o->ldb + 16 * v);
        for (int r = 0; r < RB; r++) {
            const __m512 x0 = _mm512_set1_ps(arow[r][p * astep]);
            for (int v = 0; v < NV; v++) even[r][v] = _mm512_fmadd_ps(x0, b0[v], even[r][v]);
        }
    }
    for (int r = 0; r < RB; r++) {
        float *crow = o->c + (i0 + r) * o->ldc + j0;
        for (int v = 0; v < NV; v++) {
            __m512 sum = even[r][v];
            if (mode[v] == SPLIT) sum = _mm512_add_ps(even[r][v], odd[r][v]);
            else if (mode[v] == MIXED) sum = _mm512_mask_add_ps(even[r][v], split[v], even[r][v], odd[r][v]);
            // OpenBLAS adds the sum to c; with beta = 0 it zeroed c first, and sum + 0 is sum (a sum that
            // starts from +0 is never -0), so the first k block stores the sum itself.
            if (o->bias) sum = _mm512_add_ps(sum, _mm512_maskz_loadu_ps(lanes[v], o->bias + j0 + 16 * v));
            else if (!o->overwrite) sum = _mm512_add_ps(sum, _mm512_maskz_loadu_ps(lanes[v], crow + 16 * v));
            // max(sum, 0) as Swift's max: +0 for -0 and negative sums, NaN kept (Sources/CKernels/Relu.c).
            if (o->relu) sum = _mm512_mask_mov_ps(sum, _mm512_cmp_ps_mask(sum, _mm512_setzero_ps(), _CMP_LE_OQ),
                                                  _mm512_setzero_ps());
            _mm512_mask_storeu_ps(crow + 16 * v, lanes[v], sum);
        }
    }
}

#define TILE(RB, NV, M0, M1) tile(o, RB, NV, M0, M1, i0, j0, ls, K, lanes0, lanes1, split0, split1)
#define TILE_MODE1(RB, NV, M0) \
    (mode1 == SEQUENTIAL ? TILE(RB, NV, M0, SEQUENTIAL) : mode1 == SPLIT ? TILE(RB, NV, M0, SPLIT) : TILE(RB, NV, M0, MIXED))
#define TILE_MODES(RB, NV) \
    (NV == 1 ? (mode0 == SEQUENTIAL ? TILE(RB, 1, SEQUENTIAL, SEQUENTIAL) : mode0 == SPLIT ? TILE(RB, 1, SPLIT, SEQUENTIAL) \
                                                                      : TILE(RB, 1, MIXED, SEQUENTIAL)) \
             : (mode0 == SEQUENTIAL ? TILE_MODE1(RB, 2, SEQUENTIAL) : mode0 == SPLIT ? TILE_MODE1(RB, 2, SPLIT) \
                                                                    : TILE_MODE1(RB, 2, MIXED)))

#define TILE_ROWS(NV)                                  \
    switch (rb) {                                      \
    case 1: TILE_MODES(1, NV); break;                  \
    case 2: TILE_MODES(2, NV); break;                  \
    case 3: TILE_MODES(3, NV); break;                  \
    case 4: TILE_MODES(4, NV); break;                  \
    case 5: TILE_MODES(5, NV); break;                  \
    default: TILE_MODES(6, NV); break;                 \
    }

/// `tile` with its shape and modes made constants, so that its accumulators live in registers.
TARGET static void tile_of_shape(const Operands *o, int rb, int nv, int mode0, int mode1, long i0, long j0, int ls,
                                 int K, __mmask16 lanes0, __mmask16 lanes1, __mmask16 split0, __mmask16 split1) {
    if (nv == 2) {
        TILE_ROWS(2)
    } else {
        TILE_ROWS(1)
    }
}

/// SEQUENTIAL, SPLIT or MIXED: how many of a vector's existing columns are split.
static int vector_mode(__mmask16 lanes, __mmask16 split) {
    return split == 0 ? SEQUENTIAL : split == lanes ? SPLIT : MIXED;
}

/// Rows [i0, i0 + rows) over the columns [c0, c0 + width), split where `split_block[b]` marks the
/// 8-column block b (the last, partial block is never split).
TARGET static void row_group(const Operands *o, long i0, int rows, long c0, int width,
                             const unsigned char *split_block, int ls, int K) {
    for (int r = 0; r < rows; r += 6) {
        const int rb = rows - r < 6 ? rows - r : 6;
        for (int j = 0; j < width; j += 32) {
            const int left = width - j;
            const int nv = left > 16 ? 2 : 1;
            const __mmask16 lanes0 = left >= 16 ? 0xFFFF : (__mmask16)((1u << left) - 1);
            const __mmask16 lanes1 = nv == 2 ? (left >= 32 ? 0xFFFF : (__mmask16)((1u << (left - 16)) - 1)) : 0;
            const int b = j / 8;
            const __mmask16 split0 = (__mmask16)(((split_block[b] ? 0x00FFu : 0) | (split_block[b + 1] ? 0xFF00u : 0)) & lanes0);
            const __mmask16 split1 = (__mmask16)(((split_block[b + 2] ? 0x00FFu : 0) | (split_block[b + 3] ? 0xFF00u : 0)) & lanes1);
            tile_of_shape(o, rb, nv, vector_mode(lanes0, split0), nv == 2 ? vector_mode(lanes1, split1) : SEQUENTIAL,
                          i0 + r, c0 + j, ls, K, lanes0, lanes1, split0, split1);
        }
    }
}

/// One call of the Haswell kernel: our columns [c0, c0 + width), our rows [r0, r0 + n), k block [ls, ls + K).
TARGET static void kernel_call(const Operands *o, long c0, int width, long r0, int n, int ls, int K) {
    unsigned char none[MAX_BLOCKS], left[MAX_BLOCKS], right[MAX_BLOCKS], four[MAX_BLOCKS];
    memset(none, 0, sizeof none);
    memset(four, 0, sizeof four);
    memset(four, 1, (size_t)(width / 8));   // m8n4: every full 8-column block
    long r = r0;
    int remaining = n;
    if (remaining > 11) {
        // A group of 12 rows: the m16n6 code walks the columns 16 at a time, the left six rows one
        // 8-column block ahead of the right six; its first left block and the block it ends on are m8n6.
        memset(left, 0, sizeof left);
        memset(right, 0, sizeof right);
        if (width >= 16) {
            left[0] = 1;
            int x = 0, count = width;
            for (;;) {
                count -= 8;
                if (count < 16) { left[(x + 8) / 8] = 1; break; }
                count -= 8;
                if (count >= 16) { x += 16; continue; }
                right[(x + 16) / 8] = 1;
                break;
            }
        }
        for (; remaining > 11; remaining -= 12, r += 12) {
            row_group(o, r, 6, c0, width, left, ls, K);
            row_group(o, r + 6, 6, c0, width, right, ls, K);
        }
    }
    for (; remaining > 7; remaining -= 8, r += 8) row_group(o, r, 8, c0, width, none, ls, K);
    for (; remaining > 3; remaining -= 4, r += 4) row_group(o, r, 4, c0, width, four, ls, K);
    for (; remaining > 1; remaining -= 2, r += 2) row_group(o, r, 2, c0, width, none, ls, K);
    if (remaining > 0) row_group(o, r, 1, c0, width, none, ls, K);
}

/// OpenBLAS's block of GEMM_P columns: all that remain up to GEMM_P, half of them (a multiple of 8) up to 2 GEMM_P.
static int column_block(int remaining) {
    if (remaining >= 2 * GEMM_P) return GEMM_P;
    if (remaining > GEMM_P) return ((remaining / 2 + UNROLL_M - 1) / UNROLL_M) * UNROLL_M;
    return remaining;
}

/// out[p * n + j] = b[j * ldb + p] for j < n, p < k: a transposed b in the order the tiles read.
TARGET static void transpose(const float *b, long ldb, int n, int k, float *out) {
    int j0 = 0;
    for (; j0 + 8 <= n; j0 += 8) {
        int p0 = 0;
        for (; p0 + 8 <= k; p0 += 8) {   // an 8 x 8 block in registers
            __m256 r0 = _mm256_loadu_ps(b + (j0 + 0) * ldb + p0), r1 = _mm256_loadu_ps(b + (j0 + 1) * ldb + p0);
            __m256 r2 = _mm256_loadu_ps(b + (j0 + 2) * ldb + p0), r3 = _mm256_loadu_ps(b + (j0 + 3) * ldb + p0);
            __m256 r4 = _mm256_loadu_ps(b + (j0 + 4) * ldb + p0), r5 = _mm256_loadu_ps(b + (j0 + 5) * ldb + p0);
            __m256 r6 = _mm256_loadu_ps(b + (j0 + 6) * ldb + p0), r7 = _mm256_loadu_ps(b + (j0 + 7) * ldb + p0);
            __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
            __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
            __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
            __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
            __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
            __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
            __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
            __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
            float *o = out + (long)p0 * n + j0;
            _mm256_storeu_ps(o + 0 * (long)n, _mm256_permute2f128_ps(u0, u4, 0x20));
            _mm256_storeu_ps(o + 1 * (long)n, _mm256_permute2f128_ps(u1, u5, 0x20));
            _mm256_storeu_ps(o + 2 * (long)n, _mm256_permute2f128_ps(u2, u6, 0x20));
            _mm256_storeu_ps(o + 3 * (long)n, _mm256_permute2f128_ps(u3, u7, 0x20));
            _mm256_storeu_ps(o + 4 * (long)n, _mm256_permute2f128_ps(u0, u4, 0x31));
            _mm256_storeu_ps(o + 5 * (long)n, _mm256_permute2f128_ps(u1, u5, 0x31));
            _mm256_storeu_ps(o + 6 * (long)n, _mm256_permute2f128_ps(u2, u6, 0x31));
            _mm256_storeu_ps(o + 7 * (long)n, _mm256_permute2f128_ps(u3, u7, 0x31));
        }
        for (int j = j0; j < j0 + 8; j++)
            for (int p = p0; p < k; p++) out[(long)p * n + j] = b[j * ldb + p];
    }
    for (int j = j0; j < n; j++)
        for (int p = 0; p < k; p++) out[(long)p * n + j] = b[j * ldb + p];
}

static __thread float *packed = NULL;   // a transposed b, copied to b(k, j) order; grown as needed
static __thread size_t packed_capacity = 0;

/// Grows this thread's `packed` buffer to `count` floats; 0 if memory ran out.
static int reserve_packed(size_t count) {
    if (count <= packed_capacity) return 1;
    float *grown = malloc(count * sizeof(float));
    if (grown == NULL) return 0;
    free(packed);
    packed = grown;
    packed_capacity = count;
    return 1;
}

/// max(·, 0) over an m × n block of c, as the tiles apply it (for products with nothing to sum).
static void relu_rows(int m, int n, float *c, int ldc) {
    for (long i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
            if (c[i * ldc + j] <= 0) c[i * ldc + j] = 0;
}

/// One k block [ls, ls + K) of a thin product: N columns, V vectors of 16 rows (`column`, `lanes` as in
/// `thin_product`), each entry's running sum from zero; the sums go to out[j][r]. Inlined with N and V
/// constant, so that the sums stay in registers.
TARGET ALWAYS_INLINE void thin_block(int N, int V, const float *column, long stride, const float *b, long ldb,
                                     int transpose_b, int ls, int K, const __mmask16 *lanes, float out[3][64]) {
    __m512 sum[3][4];
    for (int j = 0; j < N; j++) for (int v = 0; v < V; v++) sum[j][v] = _mm512_setzero_ps();
    for (int p = ls; p < ls + K; p++) {
        __m512 x[4];
        for (int v = 0; v < V; v++) x[v] = _mm512_maskz_loadu_ps(lanes[v], column + p * stride + 16 * v);
        for (int j = 0; j < N; j++) {
            const __m512 y = _mm512_set1_ps(transpose_b ? b[(long)j * ldb + p] : b[(long)p * ldb + j]);
            for (int v = 0; v < V; v++) sum[j][v] = _mm512_fmadd_ps(x[v], y, sum[j][v]);
        }
    }
    for (int j = 0; j < N; j++) for (int v = 0; v < V; v++) _mm512_storeu_ps(out[j] + 16 * v, sum[j][v]);
}

#define THIN_BLOCK(N, V) thin_block(N, V, column, stride, b, ldb, transpose_b, ls, min_l, lanes, block)
#define THIN_VECTORS(N)                                   \
    switch (vectors) {                                    \
    case 1: THIN_BLOCK(N, 1); break;                      \
    case 2: THIN_BLOCK(N, 2); break;                      \
    case 3: THIN_BLOCK(N, 3); break;                      \
    default: THIN_BLOCK(N, 4); break;                     \
    }

/// Products with fewer than 4 columns. The Haswell kernel keeps one running sum per entry and k block
/// for them (its m2 and m1 code), so here 16 rows share a vector and four such vectors run side by side:
/// a's rows are transposed into `packed` 64 at a time (unless a comes transposed), and each k block's
/// sums are added to c in order.
TARGET static int thin_product(int transpose_a, int transpose_b, int m, int n, int k, const float *a, int lda,
                               const float *b, int ldb, float beta, const float *bias, int relu, float *c, int ldc) {
    if (bias == NULL && beta != 1 && (beta != 0 || k == 0)) {
        for (long i = 0; i < m; i++)
            for (int j = 0; j < n; j++) c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j];
    }
    if (k == 0) {
        if (bias != NULL) for (long i = 0; i < m; i++) memcpy(c + i * (long)ldc, bias, sizeof(float) * (size_t)n);
        if (relu) relu_rows(m, n, c, ldc);
        return 1;
    }
    if (!transpose_a && !reserve_packed((size_t)64 * (size_t)k)) return 0;
    for (long i0 = 0; i0 < m; i0 += 64) {
        const int rows = m - i0 < 64 ? (int)(m - i0) : 64;
        const int vectors = (rows + 15) / 16;
        __mmask16 lanes[4];
        for (int v = 0; v < 4; v++) {
            const int here = rows - 16 * v;
            lanes[v] = here >= 16 ? 0xFFFF : here > 0 ? (__mmask16)((1u << here) - 1) : 0;
        }
        const float *column;   // a(i0 + r, p) = column[p * stride + r]
        long stride;
        if (transpose_a) {
            column = a + i0;
            stride = lda;
        } else {
            transpose(a + i0 * lda, lda, rows, k, packed);
            column = packed;
            stride = rows;
        }
        int min_l;
        for (int ls = 0; ls < k; ls += min_l) {
            min_l = k - ls;
            if (min_l >= 2 * GEMM_Q) min_l = GEMM_Q;
            else if (min_l > GEMM_Q) min_l = ((min_l / 2 + UNROLL_M - 1) / UNROLL_M) * UNROLL_M;
            float block[3][64];
            switch (n) {
            case 1: THIN_VECTORS(1); break;
            case 2: THIN_VECTORS(2); break;
            default: THIN_VECTORS(3); break;
            }
            const int first = ls == 0, last = ls + min_l == k;
            for (int j = 0; j < n; j++) {
                for (int r = 0; r < rows; r++) {
                    float *entry = c + (i0 + r) * ldc + j;
                    // As in `tile`: onto the bias, onto zero (the sum itself), or onto c.
                    *entry = first && bias != NULL ? block[j][r] + bias[j] : first && beta == 0 ? block[j][r] : block[j][r] + *entry;
                    if (relu && last && *entry <= 0) *entry = 0;
                }
            }
        }
    }
    return 1;
}

TARGET static int product(int transpose_a, int transpose_b, int m, int n, int k, const float *a, int lda,
                          const float *b, int ldb, float beta, const float *bias, int relu, float *c, int ldc) {
    if (n < 4) return thin_product(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, beta, bias, relu, c, ldc);
    Operands o = {transpose_a, a, lda, b, ldb, c, ldc, 0, NULL, 0};
    if (transpose_b && k > 0) {
        if (!reserve_packed((size_t)k * (size_t)n)) return 0;
        transpose(b, ldb, n, k, packed);
        o.b = packed;
        o.ldb = n;
    }
    if (bias != NULL) {   // c's rows are bias, then beta = 1: the first k block adds to bias
        if (k == 0) {
            for (long i = 0; i < m; i++) memcpy(c + i * (long)ldc, bias, sizeof(float) * (size_t)n);
            if (relu) relu_rows(m, n, c, ldc);
            return 1;
        }
        o.bias = bias;
    } else if (beta == 0 && k > 0) {
        o.overwrite = 1;
    } else if (beta != 1) {
        for (long i = 0; i < m; i++) {
            float *row = c + i * (long)ldc;
            if (beta == 0) memset(row, 0, sizeof(float) * (size_t)n);
            else for (int j = 0; j < n; j++) row[j] = beta * row[j];
        }
    }
    // Each block of GEMM_R rows starts as the whole product would: from its bias rows or, with beta = 0,
    // written rather than added to (OpenBLAS applies beta to all of c before its first block).
    const int overwrite = o.overwrite;
    const float *first_bias = o.bias;
    for (long js = 0; js < m; js += GEMM_R) {
        const int min_j = m - js < GEMM_R ? (int)(m - js) : GEMM_R;
        o.overwrite = overwrite;
        o.bias = first_bias;
        int min_l;
        for (int ls = 0; ls < k; ls += min_l) {
            min_l = k - ls;
            if (min_l >= 2 * GEMM_Q) min_l = GEMM_Q;
            else if (min_l > GEMM_Q) min_l = ((min_l / 2 + UNROLL_M - 1) / UNROLL_M) * UNROLL_M;
            o.relu = relu && ls + min_l == k;
            int min_i = column_block(n);
            int min_jj;
            for (long jjs = js; jjs < js + min_j; jjs += min_jj) {
                min_jj = (int)(js + min_j - jjs);
                if (min_jj >= 3 * UNROLL_N) min_jj = 3 * UNROLL_N;
                else if (min_jj > UNROLL_N) min_jj = UNROLL_N;
                kernel_call(&o, 0, min_i, jjs, min_jj, ls, min_l);
            }
            for (int is = min_i; is < n; is += min_i) {
                min_i = column_block(n - is);
                kernel_call(&o, is, min_i, js, min_j, ls, min_l);
            }
            o.overwrite = 0;
            o.bias = NULL;
        }
    }
    return 1;
}

int kit_haswell_order_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

/// The public entries' shared part: the CPU check (made once) and the empty cases.
static int checked_product(int transpose_a, int transpose_b, int m, int n, int k, const float *a, int lda,
                           const float *b, int ldb, float beta, const float *bias, int relu, float *c, int ldc) {
    static int supported = -1;   // every thread computes the same answer
    if (supported < 0) supported = kit_haswell_order_supported();
    if (m < 0 || n < 0 || k < 0 || !supported) return 0;
    if (m == 0 || n == 0) return 1;
    return product(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, beta, bias, relu, c, ldc);
}

int kit_haswell_order_sgemm(int transpose_a, int transpose_b, int m, int n, int k,
                            const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    return checked_product(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, beta, NULL, 0, c, ldc);
}

int kit_haswell_order_sgemm_bias(int transpose_a, int transpose_b, int m, int n, int k,
                                 const float *a, int lda, const float *b, int ldb, const float *bias,
                                 float *c, int ldc) {
    return checked_product(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, 1, bias, 0, c, ldc);
}

int kit_haswell_order_sgemm_bias_relu(int transpose_a, int transpose_b, int m, int n, int k,
                                      const float *a, int lda, const float *b, int ldb, const float *bias,
                                      float *c, int ldc) {
    return checked_product(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, 1, bias, 1, c, ldc);
}

#else

int kit_haswell_order_supported(void) { return 0; }

int kit_haswell_order_sgemm(int transpose_a, int transpose_b, int m, int n, int k,
                            const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    (void)transpose_a; (void)transpose_b; (void)m; (void)n; (void)k; (void)a; (void)lda; (void)b; (void)ldb;
    (void)beta; (void)c; (void)ldc;
    return 0;
}

int kit_haswell_order_sgemm_bias(int transpose_a, int transpose_b, int m, int n, int k,
                                 const float *a, int lda, const float *b, int ldb, const float *bias,
                                 float *c, int ldc) {
    (void)transpose_a; (void)transpose_b; (void)m; (void)n; (void)k; (void)a; (void)lda; (void)b; (void)ldb;
    (void)bias; (void)c; (void)ldc;
    return 0;
}

int kit_haswell_order_sgemm_bias_relu(int transpose_a, int transpose_b, int m, int n, int k,
                                      const float *a, int lda, const float *b, int ldb, const float *bias,
                                      float *c, int ldc) {
    return kit_haswell_order_sgemm_bias(transpose_a, transpose_b, m, n, k, a, lda, b, ldb, bias, c, ldc);
}

#endif
