import NeuralNetworks
import Numerics
import Testing

/// The 2-D convolution: output sizes, im2col on hand-computed examples, agreement with a direct
/// loop, finite-difference gradients of input, kernel and bias, and a tiny CNN that learns.
@Suite("Convolution")
struct ConvolutionTests {
    /// The convolution written as its definition: four nested loops, no im2col.
    static func directConvolution(_ x: Matrix, _ w: Matrix, _ b: Matrix, _ g: ConvolutionGeometry) -> Matrix {
        let input = g.input, output = g.output
        var y = Matrix.zeros(x.rows, output.count)
        for n in 0..<x.rows {
            for oy in 0..<output.height {
                for ox in 0..<output.width {
                    for f in 0..<output.channels {
                        var acc = b[0, f]
                        for ky in 0..<g.kernelHeight {
                            for kx in 0..<g.kernelWidth {
                                let iy = oy * g.stride - g.padding + ky, ix = ox * g.stride - g.padding + kx
                                guard iy >= 0, iy < input.height, ix >= 0, ix < input.width else { continue }
                                for c in 0..<input.channels {
                                    let row = (ky * g.kernelWidth + kx) * input.channels + c
                                    acc += x[n, input.index(y: iy, x: ix, channel: c)] * w[row, f]
                                }
                            }
                        }
                        y[n, output.index(y: oy, x: ox, channel: f)] = acc
                    }
                }
            }
        }
        return y
    }

    @Test("output size ⌊(n + 2p − k)/s⌋ + 1", arguments: [
        (48, 5, 2, 2, 24), (24, 3, 2, 1, 12), (12, 3, 2, 1, 6), (5, 3, 1, 0, 3), (5, 3, 2, 1, 3),
        (7, 2, 3, 0, 2), (1, 1, 1, 0, 1), (4, 4, 1, 0, 1), (6, 3, 1, 1, 6),
    ])
    func outputSize(_ n: Int, _ k: Int, _ s: Int, _ p: Int, _ expected: Int) {
        #expect(ConvolutionGeometry.outputSize(input: n, kernel: k, stride: s, padding: p) == expected)
        let g = ConvolutionGeometry(input: ImageShape(height: n, width: n + 1, channels: 2), outputChannels: 3,
                                    kernel: k, stride: s, padding: p)
        #expect(g.outputHeight == expected)
        #expect(g.output.count == expected * g.outputWidth * 3)
        #expect(g.patchSize == k * k * 2)
    }

    @Test("im2col of a 3×3 image, 2×2 kernel, stride 1: the four patches")
    func im2colNoPadding() {
        let image = Matrix(rowVector: (1...9).map(Float.init))
        let g = ConvolutionGeometry(input: ImageShape(height: 3, width: 3, channels: 1), outputChannels: 1, kernel: 2)
        let patches = Matrix.im2col(image, geometry: g)
        #expect(patches == Matrix([[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]]))
    }

    @Test("im2col with padding 1 and stride 2: zeros where the kernel overhangs")
    func im2colPadding() {
        let image = Matrix(rowVector: (1...9).map(Float.init))
        let g = ConvolutionGeometry(input: ImageShape(height: 3, width: 3, channels: 1), outputChannels: 1,
                                    kernel: 3, stride: 2, padding: 1)
        let patches = Matrix.im2col(image, geometry: g)
        #expect(patches == Matrix([[0, 0, 0, 0, 1, 2, 0, 4, 5],
                                   [0, 0, 0, 2, 3, 0, 5, 6, 0],
                                   [0, 4, 5, 0, 7, 8, 0, 0, 0],
                                   [5, 6, 0, 8, 9, 0, 0, 0, 0]]))
    }

    @Test("im2col keeps channels innermost and images in order")
    func im2colChannelsAndBatch() {
        // Two 1×2 images with two channels: pixel (0, x) of image n holds (10n + x, 10n + x + 0.5).
        let images = Matrix([[0, 0.5, 1, 1.5], [10, 10.5, 11, 11.5]])
        let g = ConvolutionGeometry(input: ImageShape(height: 1, width: 2, channels: 2), outputChannels: 1,
                                    kernelHeight: 1, kernelWidth: 2)
        #expect(Matrix.im2col(images, geometry: g) == Matrix([[0, 0.5, 1, 1.5], [10, 10.5, 11, 11.5]]))
        let single = ConvolutionGeometry(input: ImageShape(height: 1, width: 2, channels: 2), outputChannels: 1, kernel: 1)
        #expect(Matrix.im2col(images, geometry: single) == Matrix([[0, 0.5], [1, 1.5], [10, 10.5], [11, 11.5]]))
    }

    @Test("col2im is the adjoint of im2col: ⟨im2col x, P⟩ = ⟨x, col2im P⟩")
    func col2imAdjoint() {
        var rng = RandomSource(seed: 3)
        let g = ConvolutionGeometry(input: ImageShape(height: 7, width: 6, channels: 3), outputChannels: 2,
                                    kernel: 3, stride: 2, padding: 1)
        let x = Matrix.randomNormal(2, g.input.count, rng: &rng)
        let p = Matrix.randomNormal(2 * g.outputHeight * g.outputWidth, g.patchSize, rng: &rng)
        let left = (Matrix.im2col(x, geometry: g) * p).sum()
        let right = (x * Matrix.col2im(p, geometry: g)).sum()
        #expect(abs(left - right) <= 1e-4 * max(1, abs(left)))
    }

    @Test("conv2d equals the direct four-loop convolution", arguments: [(1, 0), (2, 1), (1, 2), (3, 1)])
    func matchesDirect(_ stride: Int, _ padding: Int) {
        var rng = RandomSource(seed: UInt64(10 * stride + padding))
        let g = ConvolutionGeometry(input: ImageShape(height: 7, width: 8, channels: 3), outputChannels: 4,
                                    kernelHeight: 3, kernelWidth: 2, stride: stride, padding: padding)
        let x = Matrix.randomNormal(3, g.input.count, rng: &rng)
        let w = Matrix.randomNormal(g.patchSize, 4, rng: &rng)
        let b = Matrix.randomNormal(1, 4, rng: &rng)
        let fast = conv2d(Tensor(x), weight: Tensor(w), bias: Tensor(b), geometry: g).value
        let slow = Self.directConvolution(x, w, b, g)
        #expect(fast.rows == slow.rows && fast.cols == slow.cols)
        #expect((fast - slow).map(abs).max() < 1e-4)
    }

    @Test("finite differences: gradients of input, kernel and bias", arguments: [(1, 0), (2, 1), (2, 2)])
    func gradients(_ stride: Int, _ padding: Int) {
        var rng = RandomSource(seed: 5)
        let g = ConvolutionGeometry(input: ImageShape(height: 5, width: 6, channels: 2), outputChannels: 3,
                                    kernel: 3, stride: stride, padding: padding)
        let x = Matrix.randomNormal(2, g.input.count, rng: &rng)
        let w = Matrix.randomNormal(g.patchSize, 3, rng: &rng)
        let b = Matrix.randomNormal(1, 3, rng: &rng)
        // The loss is linear in each input, so central differences are exact up to Float32 rounding.
        let error = gradientCheckError([x, w, b], epsilon: 1e-2) { t in
            conv2d(t[0], weight: t[1], bias: t[2], geometry: g)
        }
        #expect(error < 2e-3, "worst relative error \(error)")
    }

    @Test("finite differences through conv → ReLU → conv and global average pooling")
    func gradientsThroughStack() {
        var rng = RandomSource(seed: 8)
        let g1 = ConvolutionGeometry(input: ImageShape(height: 6, width: 6, channels: 2), outputChannels: 3,
                                     kernel: 3, stride: 1, padding: 1)
        let g2 = ConvolutionGeometry(input: g1.output, outputChannels: 2, kernel: 2, stride: 2)
        let x = Matrix.randomNormal(2, g1.input.count, rng: &rng)
        let w1 = Matrix.randomNormal(g1.patchSize, 3, rng: &rng)
        let b1 = Matrix.randomNormal(1, 3, rng: &rng)
        let w2 = Matrix.randomNormal(g2.patchSize, 2, rng: &rng)
        let b2 = Matrix.randomNormal(1, 2, rng: &rng)
        let error = gradientCheckError([x, w1, b1, w2, b2], epsilon: 1e-3) { t in
            let h = tanh(conv2d(t[0], weight: t[1], bias: t[2], geometry: g1))
            let y = conv2d(h, weight: t[3], bias: t[4], geometry: g2)
            return concatenateColumns([y, globalAveragePool(y, shape: g2.output)])
        }
        #expect(error < gradientTolerance, "worst relative error \(error)")
    }

    @Test("Conv2D layer: parameter shapes, PyTorch-like initial range, copy")
    func layer() {
        var rng = RandomSource(seed: 1)
        let conv = Conv2D(input: ImageShape(height: 48, width: 48, channels: 3), filters: 16, kernel: 5,
                          stride: 2, padding: 2, rng: &rng, name: "c")
        #expect(conv.weight.value.shape == (75, 16))
        #expect(conv.bias.value.shape == (1, 16))
        #expect(conv.outputShape == ImageShape(height: 24, width: 24, channels: 16))
        #expect(conv.weight.value.map(abs).max() <= 1 / Float(75).squareRoot())
        #expect(conv.parameters.map(\.name) == ["c.weight", "c.bias"])
        let x = Matrix.randomUniform(2, 48 * 48 * 3, low: 0, high: 1, rng: &rng)
        #expect(conv.copy()(x).value == conv(x).value)
    }

    @Test("the lesson's encoder: 48×48×3 → 6×6×32 features → head")
    func encoderShapes() {
        var rng = RandomSource(seed: 2)
        let encoder = ConvolutionalEncoder(input: ImageShape(height: 48, width: 48, channels: 3), head: [64, 2],
                                           rng: &rng, name: "policy")
        #expect(encoder.featureShape == ImageShape(height: 6, width: 6, channels: 32))
        let x = Matrix.randomUniform(4, 48 * 48 * 3, low: 0, high: 1, rng: &rng)
        #expect(encoder(x).value.shape == (4, 2))
        #expect(encoder.features(Tensor(x)).value.shape == (4, 1152))
        #expect(encoder.parameters.count == 3 * 2 + 2 * 2)
    }

    @Test("a tiny CNN learns where a bright square is (the loss falls by 5× or more)")
    func tinyCNNFits() {
        var rng = RandomSource(seed: 4)
        let shape = ImageShape(height: 8, width: 8, channels: 1)
        var images = Matrix.zeros(64, shape.count), targets = Matrix.zeros(64, 2)
        for n in 0..<64 {
            let y = rng.index(below: 7), x = rng.index(below: 7)
            for dy in 0..<2 { for dx in 0..<2 { images[n, shape.index(y: y + dy, x: x + dx, channel: 0)] = 1 } }
            targets[n, 0] = Float(x) / 3 - 1
            targets[n, 1] = Float(y) / 3 - 1
        }
        let net = ConvolutionalEncoder(input: shape, convolutions: [ConvolutionSpec(filters: 4, kernel: 3, padding: 1),
                                                                     ConvolutionSpec(filters: 8, kernel: 3, stride: 2, padding: 1)],
                                       head: [32, 2], rng: &rng, name: "tiny")
        let adam = Adam(parameters: net.parameters, learningRate: 3e-3)
        func loss() -> Tensor { mseLoss(net(images), Tensor(targets)) }
        let initial = loss().scalar
        for _ in 0..<300 { adam.step(loss().gradients(for: adam.parameters)) }
        let final = loss().scalar
        #expect(final < initial / 5, "loss \(initial) → \(final)")
    }
}
