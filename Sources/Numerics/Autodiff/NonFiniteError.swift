/// A NaN or an infinity appeared in a computation; names where it first appeared.
public struct NonFiniteError: Error, CustomStringConvertible, Sendable {
    /// What was being checked (for example "critic loss").
    public let context: String
    /// The operation whose result first held a non-finite value ("leaf" for an input).
    public let operation: String
    /// The label of that tensor (for example the layer that produced it), if any.
    public let label: String?
    /// The shape of that tensor's value.
    public let shape: String

    /// Creates the error.
    public init(context: String, operation: String, label: String?, shape: String) {
        self.context = context
        self.operation = operation
        self.label = label
        self.shape = shape
    }

    /// A one-line explanation.
    public var description: String {
        let place = operation == "leaf" ? "an input or parameter" : "the result of `\(operation)`"
        return "\(context) is not finite: a NaN or infinity first appeared in \(place)"
            + (label.map { " (\($0))" } ?? "") + ", shape \(shape)"
    }
}

extension Tensor {
    /// Throws `NonFiniteError` naming the first operation (in evaluation order) whose value holds
    /// a NaN or an infinity, if this tensor's value is not finite.
    ///
    /// Cheap when all is well (it looks only at this tensor), so call it once per training step
    /// on the loss: `try loss.checkFinite("critic loss")`.
    public func checkFinite(_ context: String) throws {
        if value.isFinite { return }
        for node in topologicalOrder() where !node.value.isFinite {
            throw NonFiniteError(context: context, operation: node.operation, label: node.label,
                                 shape: node.value.shapeDescription)
        }
    }
}

extension Matrix {
    /// Throws `NonFiniteError` if an entry is NaN or infinite (for checking gradients).
    public func checkFinite(_ context: String) throws {
        if !isFinite {
            throw NonFiniteError(context: context, operation: "leaf", label: nil, shape: shapeDescription)
        }
    }
}
