import CBLAS
import Foundation

extension Matrix {
    /// The matrix product `op(self) · op(other)` through BLAS `sgemm`, where `op` transposes
    /// its argument when the matching flag is set.
    ///
    /// `a.matmul(b, transposeOther: true)` is `a · bᵀ` without building `bᵀ`.
    public func matmul(_ other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false) -> Matrix {
        let m = transposeSelf ? cols : rows
        let n = transposeOther ? other.rows : other.cols
        let k = transposeSelf ? rows : cols
        if k == 0 { return Matrix.zeros(m, n) }
        // With beta = 0 BLAS overwrites the result without reading it, so it need not be zeroed.
        var result = Matrix(rows: m, cols: n) { _ in }
        Matrix.gemm(self, other, into: &result, transposeA: transposeSelf, transposeB: transposeOther,
                    alpha: 1, beta: 0)
        return result
    }

    /// `x · w + bias`, with `bias` (1×n) added to every row: a dense layer's affine map.
    ///
    /// Rounded as BLAS rounds `x · w` added onto a result whose rows were set to `bias` first (beta = 1),
    /// which is how the kit computed it before this call existed; where the kit's own GEMM runs
    /// (`BLASKernel.usesKitGEMM`), the rows are not written twice. With `relu`, max(·, 0) of every entry
    /// (the same numbers as ``relu()`` of the result, without a second matrix): the kit's GEMM applies it as
    /// it stores each entry, otherwise ``relu()``'s kernel runs over the result in place.
    public static func affine(_ x: Matrix, _ w: Matrix, bias: Matrix, relu: Bool = false) -> Matrix {
        precondition(x.cols == w.rows,
                      "matmul: inner sizes differ: \(x.shapeDescription) · \(w.shapeDescription)")
        precondition(bias.rows == 1 && bias.cols == w.cols,
                      "affine: bias is \(bias.shapeDescription), expected 1×\(w.cols)")
        let m = x.rows, n = w.cols, k = x.cols
        var result = Matrix(rows: m, cols: n) { _ in }
        if m == 0 || n == 0 { return result }
        var reluApplied = false
        x.storage.withUnsafeBufferPointer { px in
            w.storage.withUnsafeBufferPointer { pw in
                bias.storage.withUnsafeBufferPointer { pb in
                    result.withUnsafeMutableBufferPointer { pc in
                        let (lda, ldb) = (Int32(Swift.max(k, 1)), Int32(Swift.max(n, 1)))
                        if relu {
                            reluApplied = kit_sgemm_bias_relu(0, 0, Int32(m), Int32(n), Int32(k), px.baseAddress, lda,
                                                              pw.baseAddress, ldb, pb.baseAddress, pc.baseAddress, Int32(n)) != 0
                        } else {
                            kit_sgemm_bias(0, 0, Int32(m), Int32(n), Int32(k), px.baseAddress, lda,
                                           pw.baseAddress, ldb, pb.baseAddress, pc.baseAddress, Int32(n))
                        }
                    }
                }
            }
        }
        if relu && !reluApplied { result.applyReLU() }
        return result
    }

    /// `c ← alpha · op(a) · op(b) + beta · c` through BLAS `sgemm`.
    ///
    /// With `beta: 1` the product is added to `c` in place: this is how gradients are accumulated
    /// and how a bias, written into `c` first, is added to `x · W` without another pass.
    public static func gemm(
        _ a: Matrix, _ b: Matrix, into c: inout Matrix,
        transposeA: Bool = false, transposeB: Bool = false,
        alpha: Float = 1, beta: Float = 0
    ) {
        let m = transposeA ? a.cols : a.rows
        let k = transposeA ? a.rows : a.cols
        let kb = transposeB ? b.cols : b.rows
        let n = transposeB ? b.rows : b.cols
        precondition(k == kb,
                      "matmul: inner sizes differ: \(transposeA ? "(\(a.shapeDescription))ᵀ" : a.shapeDescription) · "
                      + "\(transposeB ? "(\(b.shapeDescription))ᵀ" : b.shapeDescription)")
        precondition(c.rows == m && c.cols == n,
                      "matmul: the result is \(c.shapeDescription) but the product is \(m)×\(n)")
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta != 1 { c = c * beta }
            return
        }
        let lda = Swift.max(a.cols, 1), ldb = Swift.max(b.cols, 1), ldc = Swift.max(n, 1)
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    kit_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0,
                              Int32(m), Int32(n), Int32(k),
                              alpha, pa.baseAddress, Int32(lda),
                              pb.baseAddress, Int32(ldb),
                              beta, pc.baseAddress, Int32(ldc))
                }
            }
        }
    }

    /// Sets how many threads OpenBLAS may use. The kit starts with one unless `OPENBLAS_NUM_THREADS`
    /// says otherwise: its matrices are small, and on a 2-core machine two BLAS threads fighting the
    /// training loop are several times slower than one.
    public static func setBLASThreads(_ count: Int) {
        kit_blas_set_threads(Int32(Swift.max(1, count)))
    }

    /// The number of threads OpenBLAS uses.
    public static var blasThreads: Int {
        Int(kit_blas_threads())
    }
}
