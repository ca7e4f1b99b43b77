import ExerciseAPI

extension Visuomotor {
    /// Exercise 9.1: ⌊(n + 2p − k) / s⌋ + 1 kernel positions along one axis.
    public func convolutionOutputSize(inputSize: Int, kernel: Int, stride: Int, padding: Int) throws -> Int {
        let name = "convolutionOutputSize"
        guard inputSize >= 1 else { throw VisuomotorInputError("\(name): inputSize must be at least 1, got \(inputSize)") }
        guard kernel >= 1 else { throw VisuomotorInputError("\(name): kernel must be at least 1, got \(kernel)") }
        guard stride >= 1 else { throw VisuomotorInputError("\(name): stride must be at least 1, got \(stride)") }
        guard padding >= 0 else { throw VisuomotorInputError("\(name): padding must be ≥ 0, got \(padding)") }
        guard kernel <= inputSize + 2 * padding else {
            throw VisuomotorInputError("\(name): a kernel of \(kernel) does not fit an input of \(inputSize) padded by \(padding) "
                                       + "on each side (\(inputSize + 2 * padding))")
        }
        // Non-negative operands: integer division rounds down.
        return (inputSize + 2 * padding - kernel) / stride + 1
    }
}
