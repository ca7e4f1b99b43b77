import Numerics

/// An element-wise non-linearity between layers.
public enum Activation: Sendable, Equatable {
    /// No change (a linear output).
    case identity
    /// max(x, 0).
    case relu
    /// x for x > 0, slope·x otherwise.
    case leakyRelu(slope: Float)
    /// The hyperbolic tangent, in (−1, 1).
    case tanh
    /// The logistic function, in (0, 1).
    case sigmoid
    /// log(1 + eˣ), in (0, ∞).
    case softplus

    /// The activation applied to `x`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        switch self {
        case .identity: x
        case .relu: Numerics.relu(x)
        case .leakyRelu(let slope): Numerics.leakyRelu(x, slope: slope)
        case .tanh: Numerics.tanh(x)
        case .sigmoid: Numerics.sigmoid(x)
        case .softplus: Numerics.softplus(x)
        }
    }
}
