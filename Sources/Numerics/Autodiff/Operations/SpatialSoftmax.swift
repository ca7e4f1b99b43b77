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
    // The softmax weights, kept for the backward pass (batch × H·W·C, the input's layout).
    var weights = Matrix.zeros(batch, shape.count)
    var out = Matrix.zeros(batch, 2 * c)
    var maxima = [Float](repeating: 0, count: c), sums = [Float](repeating: 0, count: c)
    for n in 0..<batch {
        for k in 0..<c { maxima[k] = -.infinity; sums[k] = 0 }
        for p in 0..<pixels {
            for k in 0..<c { maxima[k] = max(maxima[k], x.value[n, p * c + k]) }
        }
        for p in 0..<pixels {
            for k in 0..<c {
                let e = Foundation.exp((x.value[n, p * c + k] - maxima[k]) * inverse)
                weights[n, p * c + k] = e
                sums[k] += e
            }
        }
        for p in 0..<pixels {
            for k in 0..<c {
                let s = weights[n, p * c + k] / sums[k]
                weights[n, p * c + k] = s
                out[n, 2 * k] += s * u[p]
                out[n, 2 * k + 1] += s * v[p]
            }
        }
    }
    // end listing
    let expected = out
    return Tensor(value: out, operation: "spatialSoftmax", parents: [x]) { g, _ in
        var dx = Matrix.zeros(batch, shape.count)
        for n in 0..<batch {
            for p in 0..<pixels {
                for k in 0..<c {
                    let du = u[p] - expected[n, 2 * k], dv = v[p] - expected[n, 2 * k + 1]
                    dx[n, p * c + k] = weights[n, p * c + k] * (g[n, 2 * k] * du + g[n, 2 * k + 1] * dv) * inverse
                }
            }
        }
        return [dx]
    }
}
