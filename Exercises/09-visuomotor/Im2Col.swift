import ExerciseAPI
import Numerics

extension Visuomotor {
    /// Exercise 9.2: the patches of a batch of images as the rows of one matrix, so that a
    /// convolution is one matrix product (the kit's `conv2d` does exactly this).
    ///
    /// - `images` is batch × H·W·C, one image per row, channels last: entry (y, x, c) of image n is
    ///   `images[n, (y * W + x) * C + c]` (`shape.index(y:x:channel:)` computes the column).
    /// - The output has batch · oh · ow rows and k · k · C columns, oh and ow from exercise 9.1 on H
    ///   and W (you may call your `convolutionOutputSize`).
    /// - Row `(n * oh + oy) * ow + ox` is the patch at output pixel (oy, ox) of image n; its column
    ///   `(ky * k + kx) * C + c` holds entry (y, x, c) with y = oy·s − p + ky, x = ox·s − p + kx, or 0
    ///   where (y, x) lies outside the image (zero padding). So the channels of one pixel are
    ///   neighbours, then the kernel's columns kx, then its rows ky.
    /// - Throw `VisuomotorInputError` when `images` does not have `shape.count` columns, or for the
    ///   sizes 9.1 rejects (on the height or on the width).
    ///
    /// Useful: `Matrix.zeros(rows, cols)`, `m[i, j]` to read and write an entry.
    public func im2col(images: Matrix, shape: ImageShape, kernel: Int, stride: Int, padding: Int) throws -> Matrix {
        throw NotImplemented(exercise: "9.2", name: "im2col", file: "Exercises/09-visuomotor/Im2Col.swift")
    }
}
