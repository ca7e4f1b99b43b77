import ExerciseAPI
import Numerics

extension Visuomotor {
    /// Exercise 9.2: one row per output pixel (image, oy, ox), its patch in (ky, kx, c) order, zeros over the padding.
    public func im2col(images: Matrix, shape: ImageShape, kernel: Int, stride: Int, padding: Int) throws -> Matrix {
        guard images.cols == shape.count else {
            throw VisuomotorInputError("im2col: images have \(images.cols) columns, a \(shape) image has \(shape.count)")
        }
        let oh = try convolutionOutputSize(inputSize: shape.height, kernel: kernel, stride: stride, padding: padding)
        let ow = try convolutionOutputSize(inputSize: shape.width, kernel: kernel, stride: stride, padding: padding)
        let c = shape.channels, patch = kernel * kernel * c
        var patches = Matrix.zeros(images.rows * oh * ow, patch)
        for n in 0..<images.rows {
            for oy in 0..<oh {
                for ox in 0..<ow {
                    let row = (n * oh + oy) * ow + ox
                    for ky in 0..<kernel {
                        let y = oy * stride - padding + ky
                        for kx in 0..<kernel {
                            let x = ox * stride - padding + kx
                            guard (0..<shape.height).contains(y), (0..<shape.width).contains(x) else { continue }   // padding: 0
                            for channel in 0..<c {
                                patches[row, (ky * kernel + kx) * c + channel] = images[n, shape.index(y: y, x: x, channel: channel)]
                            }
                        }
                    }
                }
            }
        }
        return patches
    }
}
