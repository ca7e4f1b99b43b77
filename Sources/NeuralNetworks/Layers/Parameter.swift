import Numerics

/// A trainable matrix with a name (for example "actor.1.weight").
///
/// A parameter owns a leaf `Tensor`: layers use `tensor` in the forward pass, a loss asks for
/// `loss.gradients(for: parameters)`, and an optimiser writes the new values back.
public final class Parameter {
    /// A name unique within a network, used by saved weight files and error messages.
    public let name: String
    /// The leaf tensor used in forward passes.
    public let tensor: Tensor

    /// A parameter with the given name and initial value.
    public init(_ value: Matrix, name: String) {
        self.name = name
        self.tensor = Tensor(value, label: name)
    }

    /// The current value. Setting it keeps the shape (a different shape is a programming error).
    public var value: Matrix {
        get { tensor.value }
        set { tensor.assign(newValue) }
    }

    /// The number of scalars.
    public var count: Int { tensor.value.count }

    /// A new parameter with the same name and a copy of the value.
    public func copy() -> Parameter {
        Parameter(value, name: name)
    }
}

extension Tensor {
    /// The gradients of this scalar loss with respect to each parameter, in order.
    public func gradients(for parameters: [Parameter]) -> [Matrix] {
        gradients(for: parameters.map(\.tensor))
    }
}
