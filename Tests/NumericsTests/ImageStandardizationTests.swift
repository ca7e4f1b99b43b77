import Numerics
import Testing

/// Per-image standardization (`ImageShape.standardize`, `Matrix.standardizingImages`).
@Suite("Images: per-image standardization")
struct ImageStandardizationTests {
    static let shape = ImageShape(height: 4, width: 5, channels: 3)

    static func image(seed: UInt64) -> [Float] {
        var rng = RandomSource(seed: seed)
        return (0..<shape.count).map { _ in rng.uniform(Float(0), Float(1)) }
    }

    static func channel(_ image: [Float], _ c: Int) -> [Float] {
        stride(from: c, to: image.count, by: shape.channels).map { image[$0] }
    }

    @Test("each channel of the result has mean 0 and spread 1")
    func meanAndSpread() {
        let out = Self.shape.standardized(Self.image(seed: 1))
        for c in 0..<3 {
            let values = Self.channel(out, c)
            let mean = values.reduce(0, +) / Float(values.count)
            let spread = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)).squareRoot()
            #expect(abs(mean) < 1e-5)
            #expect(abs(spread - 1) < 1e-4)
        }
    }

    @Test("a per-channel change of brightness and contrast does not change the result")
    func affineInvariance() {
        let image = Self.image(seed: 2)
        let gains: [Float] = [0.3, 2.0, 0.7], offsets: [Float] = [0.1, -0.4, 0.5]
        let recoloured: [Float] = image.indices.map { i in gains[i % 3] * image[i] + offsets[i % 3] }
        let a = Self.shape.standardized(image), b = Self.shape.standardized(recoloured)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-3 })
    }

    @Test("a flat channel becomes zeros (up to rounding), not NaN")
    func flatChannel() {
        var image = Self.image(seed: 3)
        for i in stride(from: 1, to: image.count, by: 3) { image[i] = 0.42 }
        let out = Self.shape.standardized(image)
        #expect(Self.channel(out, 1).allSatisfy { abs($0) < 1e-3 })
        #expect(out.allSatisfy { $0.isFinite })
    }

    @Test("the batch form standardizes each row on its own")
    func batch() {
        let rows = (0..<3).map { Self.image(seed: 10 + UInt64($0)) }
        let matrix = Matrix(rows: 3, cols: Self.shape.count, values: rows.flatMap { $0 })
        let out = matrix.standardizingImages(shape: Self.shape)
        #expect(out.scalars == rows.flatMap { Self.shape.standardized($0) })
    }
}
