import ExerciseAPI
import Numerics
import Solutions
import Testing

/// Lesson 9's reference answers for the convolution's sizes, its patches and the keypoint readout
/// are the library's own computations, bit for bit (the library's `conv2d` and `spatialSoftmax` run
/// in Numerics, below the exercises; the checks compare a student's answer with them).
@Suite("Pixels: lesson 9's reference formulas are the library's, bit for bit")
struct VisuomotorReferenceTests {
    static let formulas = Solutions.Visuomotor()

    @Test("9.1 gives ConvolutionGeometry's output size wherever the kernel fits")
    func outputSizes() throws {
        for n in 1...12 {
            for k in 1...6 {
                for s in 1...4 {
                    for p in 0...3 where k <= n + 2 * p {
                        #expect(try Self.formulas.convolutionOutputSize(inputSize: n, kernel: k, stride: s, padding: p)
                                == ConvolutionGeometry.outputSize(input: n, kernel: k, stride: s, padding: p), "n \(n) k \(k) s \(s) p \(p)")
                    }
                }
            }
        }
    }

    @Test("9.2 is Matrix.im2col: the patches the kit's conv2d multiplies by its kernel")
    func patches() throws {
        var rng = RandomSource(seed: 91)
        for (shape, k, s, p) in [(ImageShape(height: 16, width: 16, channels: 3), 3, 2, 1), (ImageShape(height: 7, width: 5, channels: 2), 5, 1, 2),
                                 (ImageShape(height: 8, width: 8, channels: 8), 3, 1, 1), (ImageShape(height: 3, width: 3, channels: 1), 5, 1, 1)] {
            let images = Matrix.randomNormal(3, shape.count, rng: &rng)
            let geometry = ConvolutionGeometry(input: shape, outputChannels: 1, kernel: k, stride: s, padding: p)
            let reference = try Self.formulas.im2col(images: images, shape: shape, kernel: k, stride: s, padding: p)
            #expect(reference.rows == geometry.outputHeight * geometry.outputWidth * 3 && reference.cols == geometry.patchSize)
            #expect(reference.scalars.map(\.bitPattern) == Matrix.im2col(images, geometry: geometry).scalars.map(\.bitPattern),
                    "\(shape), kernel \(k), stride \(s), padding \(p)")
        }
    }

    @Test("9.3 is the spatialSoftmax op's forward pass")
    func keypoints() throws {
        var rng = RandomSource(seed: 93)
        for (shape, temperature) in [(ImageShape(height: 4, width: 4, channels: 16), Float(1)), (ImageShape(height: 3, width: 5, channels: 2), 0.3),
                                     (ImageShape(height: 1, width: 1, channels: 4), 2)] {
            let maps = Matrix.randomNormal(5, shape.count, rng: &rng).map { 4 * $0 }
            let reference = try Self.formulas.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: temperature)
            let library = spatialSoftmax(Tensor(maps), shape: shape, temperature: temperature).value
            #expect(reference.scalars.map(\.bitPattern) == library.scalars.map(\.bitPattern), "\(shape), T \(temperature)")
        }
    }
}
