import Foundation
import Numerics

/// The convolution case of `bench --convolution`: one `conv2d` of a batch, forward and backward
/// (input, kernel and bias gradients), timed in this process.
public struct ConvolutionBench: Codable, Equatable, Sendable {
    /// Images per batch.
    public var batch: Int
    /// The convolution's sizes.
    public var geometry: ConvolutionGeometry
    /// Mean time of the forward pass (im2col + GEMM + bias), in µs.
    public var forwardMicroseconds: Double
    /// Mean time of the backward pass alone (three gradients: two GEMMs, col2im, column sums), in µs.
    public var backwardMicroseconds: Double

    /// Lesson 9's first convolution: 32 RGB images of 48×48, 16 filters of 5×5, stride 2, padding 2.
    public static let standardBatch = 32
    /// The geometry of ``standardBatch``'s case.
    public static let standardGeometry = ConvolutionGeometry(
        input: ImageShape(height: 48, width: 48, channels: 3), outputChannels: 16, kernel: 5, stride: 2, padding: 2)

    /// A measurement (for tests).
    public init(batch: Int, geometry: ConvolutionGeometry, forwardMicroseconds: Double, backwardMicroseconds: Double) {
        self.batch = batch
        self.geometry = geometry
        self.forwardMicroseconds = forwardMicroseconds
        self.backwardMicroseconds = backwardMicroseconds
    }

    /// Floating-point operations of the forward product: 2 · batch · output pixels · patch · filters.
    public var forwardFlops: Double { 2 * Double(batch) * Double(geometry.multiplyAddsPerImage) }
    /// The backward pass's products (kernel and input gradients) are twice the forward's.
    public var backwardFlops: Double { 2 * forwardFlops }
    /// Forward GFLOPS.
    public var forwardGFLOPS: Double { forwardFlops / (forwardMicroseconds * 1e-6) / 1e9 }
    /// Backward GFLOPS.
    public var backwardGFLOPS: Double { backwardFlops / (backwardMicroseconds * 1e-6) / 1e9 }

    /// Times forward and backward of `geometry` on `batch` random images (seeded), spending about
    /// `timeBudget` seconds on each (median of five rounds, see ``timePerCall(timeBudget:_:)``).
    public static func measure(batch: Int = standardBatch, geometry: ConvolutionGeometry = standardGeometry,
                               timeBudget: Double) -> ConvolutionBench {
        var rng = RandomSource(seed: 0)
        let x = Tensor(Matrix.randomUniform(batch, geometry.input.count, low: 0, high: 1, rng: &rng))
        let bound = 1 / Float(geometry.patchSize).squareRoot()
        let w = Tensor(Matrix.randomUniform(geometry.patchSize, geometry.outputChannels, low: -bound, high: bound, rng: &rng))
        let b = Tensor(Matrix.zeros(1, geometry.outputChannels))
        let seed = Matrix.randomNormal(batch, geometry.output.count, rng: &rng)
        let forward = timePerCall(timeBudget: timeBudget) {
            _ = conv2d(x, weight: w, bias: b, geometry: geometry)
        }
        let y = conv2d(x, weight: w, bias: b, geometry: geometry)
        let backward = timePerCall(timeBudget: timeBudget) {
            _ = y.backward!(seed, [true, true, true])
        }
        return ConvolutionBench(batch: batch, geometry: geometry, forwardMicroseconds: forward * 1e6,
                                backwardMicroseconds: backward * 1e6)
    }

    /// One line: sizes, µs and GFLOPS of forward and backward.
    public var summary: String {
        let g = geometry
        let sizes = "conv2d \(batch)×\(g.input) → \(g.output), \(g.kernelHeight)×\(g.kernelWidth) stride \(g.stride) "
            + "padding \(g.padding)"
        return sizes + String(format: ": forward %.0f µs (%.2f GFLOPS), backward %.0f µs (%.2f GFLOPS), step %.0f µs",
                              forwardMicroseconds, forwardGFLOPS, backwardMicroseconds, backwardGFLOPS,
                              forwardMicroseconds + backwardMicroseconds)
    }
}
