/// Per-image standardization: each channel of each image shifted to zero mean and scaled to unit
/// spread, over that image's pixels only.
///
/// For a channel c of one image with pixels x₁ … x_P (P = height · width):
///
///     μ_c = (1/P) Σ_p x_p,   σ_c = √((1/P) Σ_p (x_p − μ_c)²),   x_p ← (x_p − μ_c) / max(σ_c, σ_min)
///
/// Randomized rendering styles differ in overall colour and brightness; after this step an encoder
/// sees where things are relative to their surroundings rather than which palette was drawn (in
/// the block-position regression of lesson 9's notes, an encoder fed raw randomized pixels stayed at
/// the mean). `σ_min` keeps a flat channel (a single colour) from being divided by zero: it becomes
/// zeros (up to the rounding of its mean, divided by σ_min). Sums run in `Float`, pixel by pixel in order, so results are deterministic.
extension ImageShape {
    /// Standardizes each channel of `image` (one NHWC image of this shape) in place.
    public func standardize(_ image: inout [Float], minimumSpread: Float = 1e-3) {
        precondition(image.count == count, "ImageShape.standardize: the image has \(image.count) values, \(self) needs \(count)")
        image.withUnsafeMutableBufferPointer { pixels in
            Self.standardize(pixels, channels: channels, minimumSpread: minimumSpread)
        }
    }

    /// `image` with each channel standardized (see ``standardize(_:minimumSpread:)``).
    public func standardized(_ image: [Float], minimumSpread: Float = 1e-3) -> [Float] {
        var copy = image
        standardize(&copy, minimumSpread: minimumSpread)
        return copy
    }

    static func standardize(_ pixels: UnsafeMutableBufferPointer<Float>, channels: Int, minimumSpread: Float) {
        let pixelCount = pixels.count / channels
        for c in 0..<channels {
            var total: Float = 0
            for p in 0..<pixelCount { total += pixels[p * channels + c] }
            let mean = total / Float(pixelCount)
            var squares: Float = 0
            for p in 0..<pixelCount {
                let d = pixels[p * channels + c] - mean
                squares += d * d
            }
            let spread = max((squares / Float(pixelCount)).squareRoot(), minimumSpread)
            for p in 0..<pixelCount { pixels[p * channels + c] = (pixels[p * channels + c] - mean) / spread }
        }
    }
}

extension Matrix {
    /// Every row (one NHWC image of `shape`) standardized per channel, see
    /// ``ImageShape/standardize(_:minimumSpread:)``.
    public func standardizingImages(shape: ImageShape, minimumSpread: Float = 1e-3) -> Matrix {
        precondition(cols == shape.count, "Matrix.standardizingImages: rows have \(cols) values, \(shape) needs \(shape.count)")
        var values = scalars
        values.withUnsafeMutableBufferPointer { all in
            for r in 0..<rows {
                let row = UnsafeMutableBufferPointer(rebasing: all[(r * cols)..<((r + 1) * cols)])
                ImageShape.standardize(row, channels: shape.channels, minimumSpread: minimumSpread)
            }
        }
        return Matrix(rows: rows, cols: cols, values: values)
    }
}
