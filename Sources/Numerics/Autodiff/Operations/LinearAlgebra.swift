extension Tensor {
    /// The matrix product `self · other` (BLAS). Backward: ∂A = G·Bᵀ, ∂B = Aᵀ·G.
    public func matmul(_ other: Tensor) -> Tensor {
        let a = self, b = other
        return Tensor(value: a.value.matmul(b.value), operation: "matmul", parents: [a, b]) {
            [aValue = a.value, bValue = b.value] g, needed in
            [needed[0] ? g.matmul(bValue, transposeOther: true) : nil,
             needed[1] ? aValue.matmul(g, transposeSelf: true) : nil]
        }
    }

    /// The transpose.
    public func transposed() -> Tensor {
        Tensor(value: value.transposed(), operation: "transpose", parents: [self]) { g, _ in [g.transposed()] }
    }
}

/// The affine map `x · weight + bias` of a dense layer, as one operation.
///
/// `x` is batch×in, `weight` is in×out, `bias` is 1×out. Doing the three in one node writes the
/// bias into the output and lets BLAS add `x · weight` on top (`beta = 1`), and its backward pass
/// is three BLAS-friendly pieces: ∂x = G·Wᵀ, ∂W = xᵀ·G, ∂b = column sums of G.
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
    precondition(x.cols == weight.rows,
                  "linear: input is \(x.value.shapeDescription) but weight is \(weight.value.shapeDescription) "
                  + "(input columns must equal weight rows)")
    precondition(bias.rows == 1 && bias.cols == weight.cols,
                  "linear: bias is \(bias.value.shapeDescription), expected 1×\(weight.cols)")
    let batch = x.rows, width = weight.cols
    var out = bias.value.withUnsafeBufferPointer { b in
        Matrix(rows: batch, cols: width) { dst in
            guard let source = b.baseAddress, let target = dst.baseAddress else { return }
            for r in 0..<batch { (target + r * width).initialize(from: source, count: width) }
        }
    }
    Matrix.gemm(x.value, weight.value, into: &out, beta: 1)
    return Tensor(value: out, operation: "linear", parents: [x, weight, bias]) {
        [weightValue = weight.value, xValue = x.value] g, needed in
        [needed[0] ? g.matmul(weightValue, transposeOther: true) : nil,
         needed[1] ? xValue.matmul(g, transposeSelf: true) : nil,
         needed[2] ? g.columnSums() : nil]
    }
}
