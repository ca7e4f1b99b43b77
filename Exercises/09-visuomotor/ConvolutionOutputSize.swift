import ExerciseAPI

extension Visuomotor {
    /// Exercise 9.1: how many positions a convolution's kernel takes along one axis of its input:
    ///
    ///     ⌊(n + 2p − k) / s⌋ + 1
    ///
    /// for n = `inputSize` pixels padded with p = `padding` zeros on each side, a kernel of
    /// k = `kernel` pixels and a stride of s = `stride`.
    ///
    /// - The padding goes on both sides (2p); the division rounds down (integer division of
    ///   non-negative numbers does); the first position counts too (+ 1).
    /// - Throw `VisuomotorInputError` for n < 1, k < 1, s < 1, p < 0, or k > n + 2p (the kernel does
    ///   not fit the padded input).
    public func convolutionOutputSize(inputSize: Int, kernel: Int, stride: Int, padding: Int) throws -> Int {
        throw NotImplemented(exercise: "9.1", name: "convolutionOutputSize",
                             file: "Exercises/09-visuomotor/ConvolutionOutputSize.swift")
    }
}
