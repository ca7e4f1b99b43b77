/// A node of a computation graph: a `Matrix` value plus the recipe to send gradients back to the
/// tensors it was computed from (reverse-mode automatic differentiation, as in micrograd).
///
/// Build a loss from tensors with the operations in `Operations/` (`matmul`, `+`, `relu`, `mean`,
/// …), then ask for the gradients of that scalar loss with respect to the tensors you choose:
///
/// ```swift
/// let w = Tensor(Matrix.randomNormal(3, 1, rng: &rng))      // a leaf
/// let x = Tensor(inputs)                                     // a leaf we won't differentiate
/// let loss = mseLoss(x.matmul(w), Tensor(targets))
/// let (gradW) = loss.gradients(for: [w])[0]                  // ∂loss/∂w, same shape as w
/// ```
///
/// A tensor never changes after it is made, except a *leaf* (a tensor made from a matrix rather
/// than by an operation), whose value an optimiser may `assign`. Each forward pass builds a fresh
/// graph; nothing needs zeroing between steps.
public final class Tensor {
    /// The value computed in the forward pass.
    public private(set) var value: Matrix
    /// The name of the operation that made this tensor ("leaf" for a leaf), used in messages.
    public let operation: String
    /// An optional name (for example the layer that produced it), used in messages.
    public var label: String?
    /// The tensors this one was computed from.
    public let parents: [Tensor]
    /// Given ∂loss/∂(this value) and which parents need a gradient, returns ∂loss/∂(each parent)
    /// (`nil` for the parents that do not need one). `nil` for a leaf.
    public let backward: Backward?

    // Scratch state of a graph traversal (``topologicalOrder()``, ``gradients(for:seed:)``), in the
    // node itself rather than in a hashed set: cheaper, and safe because a tensor never leaves the
    // thread that made it (`Tensor` is not `Sendable`). `isVisited` is false between traversals.
    var isVisited = false
    var orderIndex = 0

    /// The backward rule of an operation: `(upstream gradient, needed-parent flags) -> gradients`.
    public typealias Backward = (_ gradient: Matrix, _ needed: [Bool]) -> [Matrix?]

    /// A leaf holding `value`: an input, a constant or a parameter.
    public init(_ value: Matrix, label: String? = nil) {
        self.value = value
        self.operation = "leaf"
        self.label = label
        self.parents = []
        self.backward = nil
    }

    /// A leaf 1×1 tensor holding `value`.
    public convenience init(scalar value: Float) {
        self.init(Matrix(scalar: value))
    }

    /// A tensor made by an operation. Write new operations with this initialiser: `backward`
    /// must return one gradient per parent, of the parent's shape, or `nil` where not needed.
    public init(value: Matrix, operation: String, parents: [Tensor], backward: @escaping Backward) {
        self.value = value
        self.operation = operation
        self.label = nil
        self.parents = parents
        self.backward = backward
    }

    /// `true` for a tensor made from a matrix rather than by an operation.
    public var isLeaf: Bool { backward == nil }

    /// The number of rows of the value.
    public var rows: Int { value.rows }
    /// The number of columns of the value.
    public var cols: Int { value.cols }
    /// The shape of the value.
    public var shape: (rows: Int, cols: Int) { value.shape }
    /// The single entry of a 1×1 tensor (for example a loss, for printing).
    public var scalar: Float { value.scalar }

    /// Replaces the value of a leaf (how optimisers update parameters). The shape must not change.
    public func assign(_ newValue: Matrix) {
        precondition(isLeaf, "Tensor.assign: only a leaf can be assigned, this tensor was made by \(operation)")
        precondition(newValue.rows == value.rows && newValue.cols == value.cols,
                      "Tensor.assign: shape \(newValue.shapeDescription) differs from \(value.shapeDescription)"
                      + (label.map { " (\($0))" } ?? ""))
        value = newValue
    }

    /// Changes the value of a leaf in place (shape unchanged), avoiding a copy.
    public func updateValue(_ body: (inout Matrix) -> Void) {
        precondition(isLeaf, "Tensor.updateValue: only a leaf can be updated, this tensor was made by \(operation)")
        let (r, c) = (value.rows, value.cols)
        body(&value)
        precondition(value.rows == r && value.cols == c, "Tensor.updateValue must not change the shape")
    }

    /// A leaf with the same value: gradients stop here (PyTorch's `detach`).
    public func detached() -> Tensor {
        Tensor(value, label: label)
    }
}

extension Tensor: CustomStringConvertible {
    /// The operation, label and value.
    public var description: String {
        "Tensor(\(operation)\(label.map { ", \($0)" } ?? "")) \(value)"
    }
}
