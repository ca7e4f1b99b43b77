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
/// `x` is batch×in, `weight` is in×out, `bias` is 1×out. Doing the three in one node computes the
/// output in one product onto the bias rows (``Matrix/affine(_:_:bias:relu:)``), and its backward pass
/// is three BLAS-friendly pieces: ∂x = G·Wᵀ, ∂W = xᵀ·G, ∂b = column sums of G.
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
    denseLayer(x, weight: weight, bias: bias, relu: false)
}

/// `relu(x · weight + bias)`, a dense layer and its ReLU, as one operation: the same numbers as
/// ``relu(_:)`` of ``linear(_:weight:bias:)``, forward and backward, with one matrix for the output
/// instead of two and one pass less over it (the ReLU is applied where the product is written).
/// Backward: G masked where the output is positive (ReLU's backward), then ``linear(_:weight:bias:)``'s.
public func linearReLU(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
    denseLayer(x, weight: weight, bias: bias, relu: true)
}

/// ``linear(_:weight:bias:)``, and with `relu` ``linearReLU(_:weight:bias:)``.
private func denseLayer(_ x: Tensor, weight: Tensor, bias: Tensor, relu: Bool) -> Tensor {
    let name = relu ? "linearReLU" : "linear"
    precondition(x.cols == weight.rows,
                  "\(name): input is \(x.value.shapeDescription) but weight is \(weight.value.shapeDescription) "
                  + "(input columns must equal weight rows)")
    precondition(bias.rows == 1 && bias.cols == weight.cols,
                  "\(name): bias is \(bias.value.shapeDescription), expected 1×\(weight.cols)")
    let y = Matrix.affine(x.value, weight.value, bias: bias.value, relu: relu)
    return Tensor(value: y, operation: name, parents: [x, weight, bias]) {
        [weightValue = weight.value, xValue = x.value] g, needed in
        // ∂x = G·Wᵀ, ∂W = xᵀ·G, ∂b = column sums of G, with G first masked by ReLU's backward.
        let g = relu ? Matrix.reluGradient(g, output: y) : g
        return [needed[0] ? g.matmul(weightValue, transposeOther: true) : nil,
                needed[1] ? xValue.matmul(g, transposeSelf: true) : nil,
                needed[2] ? g.columnSums() : nil]
    }
}
