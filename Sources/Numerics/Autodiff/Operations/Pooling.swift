/// The mean over an image's pixels of each channel: batch × `shape.count` in, batch × channels out
/// (global average pooling, a common last step of a CNN encoder). Backward spreads each channel's
/// gradient evenly over its pixels.
public func globalAveragePool(_ x: Tensor, shape: ImageShape) -> Tensor {
    precondition(x.cols == shape.count,
                  "globalAveragePool: input has \(x.cols) columns, a \(shape) image has \(shape.count)")
    let batch = x.rows, c = shape.channels, pixels = shape.height * shape.width
    let scale = 1 / Float(pixels)
    var pooled = Matrix.zeros(batch, c)
    for n in 0..<batch {
        for p in 0..<pixels {
            for k in 0..<c { pooled[n, k] += x.value[n, p * c + k] }
        }
    }
    pooled *= scale
    return Tensor(value: pooled, operation: "globalAveragePool", parents: [x]) { g, _ in
        var spread = Matrix.zeros(batch, shape.count)
        for n in 0..<batch {
            for p in 0..<pixels {
                for k in 0..<c { spread[n, p * c + k] = g[n, k] * scale }
            }
        }
        return [spread]
    }
}
