import CKernels

extension Matrix {
    /// max(x, 0) of every entry, by the kit's vectorised kernel (`Sources/CKernels/Relu.c`): −0 and
    /// negative entries give +0 and NaN stays NaN, exactly as `Swift.max(x, 0)`, on every vector width.
    public func relu() -> Matrix {
        storage.withUnsafeBufferPointer { p in
            Matrix(rows: rows, cols: cols) { out in
                kit_relu(p.baseAddress, out.baseAddress, out.count)
            }
        }
    }

    /// ReLU's backward pass: `gradient` where `output` (a ReLU's output, the same shape) is positive,
    /// +0 elsewhere.
    public static func reluGradient(_ gradient: Matrix, output: Matrix) -> Matrix {
        precondition(gradient.rows == output.rows && gradient.cols == output.cols,
                      "reluGradient: gradient is \(gradient.shapeDescription), output \(output.shapeDescription)")
        return gradient.storage.withUnsafeBufferPointer { g in
            output.storage.withUnsafeBufferPointer { y in
                Matrix(rows: gradient.rows, cols: gradient.cols) { out in
                    kit_relu_backward(g.baseAddress, y.baseAddress, out.baseAddress, out.count)
                }
            }
        }
    }

    /// ReLU in place, on a matrix this code owns alone (the output of ``affine(_:_:bias:relu:)``).
    mutating func applyReLU() {
        let count = rows * cols
        withUnsafeMutableBufferPointer { p in kit_relu(p.baseAddress, p.baseAddress, count) }
    }
}

extension Matrix {
    /// Limits both ReLU kernels to at most `lanes` floats at a time (16, 8 or 4), for tests that
    /// compare every width on one machine; returns the width now in use.
    @discardableResult
    public static func limitReLULanes(_ lanes: Int) -> Int {
        Int(kit_relu_limit_lanes(Int32(lanes)))
    }
}
