import Numerics

/// A differentiable function with trainable parameters, applied to a batch (one example per row).
public protocol Layer: AnyObject {
    /// The output for a batch of inputs.
    func callAsFunction(_ input: Tensor) -> Tensor
    /// Every trainable parameter, in a fixed order.
    var parameters: [Parameter] { get }
}

extension Layer {
    /// The output for a batch given as a matrix (the input is a constant).
    public func callAsFunction(_ input: Matrix) -> Tensor {
        self(Tensor(input))
    }

    /// The number of trainable scalars.
    public var parameterCount: Int {
        parameters.reduce(0) { $0 + $1.count }
    }

    /// Copies every parameter value from `source`, which must have the same architecture
    /// (a "hard" target-network update).
    public func copyParameters(from source: some Layer) {
        polyakUpdate(target: self, source: source, tau: 1)
    }
}
