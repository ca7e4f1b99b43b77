import Foundation

/// The spatial softmax ("keypoint") layer of Levine, Finn, Darrell & Abbeel (2016), "End-to-End
/// Training of Deep Visuomotor Policies": each channel k of a feature map becomes a distribution over
/// the pixels, s_kp = exp(x_kp / T) / Σ_q exp(x_kq / T), and the channel's output is that
/// distribution's expected image coordinates,
///
///     (E_k[u], E_k[v]) = Σ_p s_kp (u_p, v_p),
///
/// so that *where* a feature fires becomes two numbers linear in the next layer's input.
/// Coordinates are pixel centres scaled to [−1, 1]: u grows to the right (column j:
/// u = (2j + 1)/W − 1), v grows *upwards* (row i: v = 1 − (2i + 1)/H), like the world's y in
/// the kit's renders.
///
/// Input: batch × `shape.count` (NHWC rows, see ``ImageShape``); output: batch × 2·channels, laid out
/// (u₀, v₀, u₁, v₁, …). The op owns its backward: with g = (g_u, g_v) for channel k,
///
///     ∂L/∂x_kp = s_kp · (g_u (u_p − E_k[u]) + g_v (v_p − E_k[v])) / T.
///
/// ```swift
/// let maps = relu(conv2d(images, weight: w, bias: b, geometry: g))       // batch × H·W·C
/// let keypoints = spatialSoftmax(maps, shape: g.output)                   // batch × 2C
/// ```
public func spatialSoftmax(_ x: Tensor, shape: ImageShape, temperature: Float = 1) -> Tensor {
    precondition(x.cols == shape.count,
                 "spatialSoftmax: input has \(x.cols) columns, a \(shape) image has \(shape.count)")
    precondition(temperature > 0, "spatialSoftmax: the temperature must be positive, got \(temperature)")
    // listing: spatial-softmax
    let batch = x.rows, c = shape.channels, h = shape.height, w = shape.width, pixels = h * w
    let u = (0..<pixels).map { Float(2 * ($0 % w) + 1) / Float(w) - 1 }
    let v = (0..<pixels).map { 1 - Float(2 * ($0 / w) + 1) / Float(h) }
    let inverse = 1 / temperature
    // The softmax weights, kept for the backward pass (batch × H·W·C, the input's layout). The loops
    // read and write through buffer pointers: subscripting the matrices element by element cost more
    // than the exponentials (the same operations, in the same order, give the same bits).
    var weights = Matrix.zeros(batch, shape.count)
    var out = Matrix.zeros(batch, 2 * c)
    var maxima = [Float](repeating: 0, count: c), sums = [Float](repeating: 0, count: c)
    x.value.withUnsafeBufferPointer { input in
        weights.withUnsafeMutableBufferPointer { weight in
            out.withUnsafeMutableBufferPointer { keypoints in
                for n in 0..<batch {
                    let image = n * shape.count, row = n * 2 * c
                    for k in 0..<c { maxima[k] = -.infinity; sums[k] = 0 }
                    for p in 0..<pixels {
                        for k in 0..<c { maxima[k] = max(maxima[k], input[image + p * c + k]) }
                    }
                    for p in 0..<pixels {
                        for k in 0..<c {
                            let e = Foundation.exp((input[image + p * c + k] - maxima[k]) * inverse)
                            weight[image + p * c + k] = e
                            sums[k] += e
                        }
                    }
                    for p in 0..<pixels {
                        for k in 0..<c {
                            let s = weight[image + p * c + k] / sums[k]
                            weight[image + p * c + k] = s
                            keypoints[row + 2 * k] += s * u[p]
                            keypoints[row + 2 * k + 1] += s * v[p]
                        }
                    }
                }
            }
        }
    }
    // end listing
    let expected = out, softmax = weights
    return Tensor(value: out, operation: "spatialSoftmax", parents: [x]) { g, _ in
        var dx = Matrix.zeros(batch, shape.count)
        g.withUnsafeBufferPointer { gradient in
            expected.withUnsafeBufferPointer { mean in
                softmax.withUnsafeBufferPointer { weight in
                    dx.withUnsafeMutableBufferPointer { d in
                        for n in 0..<batch {
                            let image = n * shape.count, row = n * 2 * c
                            for p in 0..<pixels {
                                for k in 0..<c {
                                    let du = u[p] - mean[row + 2 * k], dv = v[p] - mean[row + 2 * k + 1]
                                    d[image + p * c + k] = weight[image + p * c + k]
                                        * (gradient[row + 2 * k] * du + gradient[row + 2 * k + 1] * dv) * inverse
                                }
                            }
                        }
                    }
                }
            }
        }
        return [dx]
    }
}
