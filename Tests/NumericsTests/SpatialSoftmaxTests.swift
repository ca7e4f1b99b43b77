import NeuralNetworks
import Numerics
import Testing

/// The spatial softmax (keypoint) layer of Levine et al. (2016): expected coordinates on hand-made
/// maps, the finite-difference gradient (alone and after a convolution), and the encoder's readout.
@Suite("Spatial softmax")
struct SpatialSoftmaxTests {
    @Test("a single peak gives its pixel's centre; a flat map gives the image's centre")
    func expectedCoordinates() {
        let shape = ImageShape(height: 4, width: 5, channels: 2)
        var x = Matrix.zeros(1, shape.count)
        // Channel 0: a sharp peak at row 1, column 3; channel 1: flat.
        x[0, (1 * 5 + 3) * 2 + 0] = 60
        let y = spatialSoftmax(Tensor(x), shape: shape).value
        #expect(y.shape == (1, 4))
        #expect(abs(y[0, 0] - (Float(2 * 3 + 1) / 5 - 1)) < 1e-5)   // u of column 3: 0.4
        #expect(abs(y[0, 1] - (1 - Float(2 * 1 + 1) / 4)) < 1e-5)   // v of row 1 (upwards): 0.25
        #expect(abs(y[0, 2]) < 1e-6 && abs(y[0, 3]) < 1e-6)
        // A high temperature flattens the peak towards the centre.
        let warm = spatialSoftmax(Tensor(x), shape: shape, temperature: 1e6).value
        #expect(abs(warm[0, 0]) < 1e-3 && abs(warm[0, 1]) < 1e-3)
    }

    @Test("gradient: finite differences, alone and after a convolution, two temperatures")
    func gradient() {
        var rng = RandomSource(seed: 5)
        let shape = ImageShape(height: 3, width: 4, channels: 3)
        let x = Matrix.randomNormal(2, shape.count, rng: &rng)
        for temperature: Float in [1, 0.5] {
            let error = gradientCheckError([x], epsilon: 1e-3, seed: 6) { t in
                spatialSoftmax(t[0], shape: shape, temperature: temperature)
            }
            #expect(error < 2e-2, "temperature \(temperature): worst relative error \(error)")
        }
        let input = ImageShape(height: 5, width: 5, channels: 2)
        let geometry = ConvolutionGeometry(input: input, outputChannels: 3, kernel: 3, stride: 1, padding: 1)
        let images = Matrix.randomNormal(2, input.count, rng: &rng)
        let w = Matrix.randomNormal(geometry.kernelHeight * geometry.kernelWidth * input.channels, 3, rng: &rng) * 0.5
        let b = Matrix.randomNormal(1, 3, rng: &rng)
        let error = gradientCheckError([images, w, b], epsilon: 1e-3) { t in
            spatialSoftmax(conv2d(t[0], weight: t[1], bias: t[2], geometry: geometry), shape: geometry.output)
        }
        #expect(error < 2e-2, "after a convolution: worst relative error \(error)")
    }

    @Test("the encoder's keypoint readout: 2 features per channel, the flattened readout unchanged")
    func encoderReadout() {
        let shape = ImageShape(height: 16, width: 16, channels: 3)
        let convolutions = [ConvolutionSpec(filters: 4, kernel: 3, stride: 1, padding: 1),
                            ConvolutionSpec(filters: 6, kernel: 3, stride: 1, padding: 1)]
        var rng = RandomSource(seed: 3)
        let keypoints = ConvolutionalEncoder(input: shape, convolutions: convolutions, head: [8, 2], readout: .keypoints,
                                             rng: &rng, name: "k")
        #expect(keypoints.featureCount == 12)
        #expect(keypoints.head.layers[0].weight.value.shape == (12, 8))
        let images = Matrix.randomUniform(3, shape.count, low: 0, high: 1, rng: &rng)
        let features = keypoints.features(Tensor(images)).value
        #expect(features.shape == (3, 12))
        #expect(features.scalars.allSatisfy { abs($0) <= 1 })
        #expect(keypoints(Tensor(images)).value.shape == (3, 2))
        // The default readout draws the same numbers and computes what it always did.
        var a = RandomSource(seed: 4), b = RandomSource(seed: 4)
        let flat = ConvolutionalEncoder(input: shape, convolutions: convolutions, head: [8, 2], rng: &a, name: "f")
        let explicit = ConvolutionalEncoder(input: shape, convolutions: convolutions, head: [8, 2], readout: .flatten,
                                            rng: &b, name: "f")
        #expect(flat.featureCount == 16 * 16 * 6)
        var x = Tensor(images)
        for conv in flat.convolutions { x = relu(conv(x)) }
        #expect(flat.features(Tensor(images)).value == x.value)
        #expect(explicit(Tensor(images)).value == flat(Tensor(images)).value)
    }

    @Test("keypoints learn to follow a bright dot (a tiny regression)")
    func learnsPosition() {
        let shape = ImageShape(height: 12, width: 12, channels: 1)
        var rng = RandomSource(seed: 8)
        let encoder = ConvolutionalEncoder(input: shape, convolutions: [ConvolutionSpec(filters: 4, kernel: 3, stride: 1, padding: 1)],
                                           head: [2], readout: .keypoints, rng: &rng, name: "dot")
        let optimizer = Adam(parameters: encoder.parameters, learningRate: 1e-2)
        func batch(_ n: Int) -> (Matrix, Matrix) {
            var images = Matrix.zeros(n, shape.count), targets = Matrix.zeros(n, 2)
            for i in 0..<n {
                let r = rng.index(below: 12), c = rng.index(below: 12)
                images[i, r * 12 + c] = 1
                targets[i, 0] = Float(2 * c + 1) / 12 - 1
                targets[i, 1] = 1 - Float(2 * r + 1) / 12
            }
            return (images, targets)
        }
        var last: Float = .infinity
        for _ in 0..<300 {
            let (x, y) = batch(32)
            let loss = mseLoss(encoder(Tensor(x)), Tensor(y))
            optimizer.step(loss.gradients(for: encoder.parameters))
            last = loss.scalar
        }
        let (x, y) = batch(64)
        last = mseLoss(encoder(Tensor(x)), Tensor(y)).scalar
        #expect(last < 0.01, "mean squared error \(last) (guessing the centre: ≈ 0.32)")
    }
}
