extension Tensor {
    /// The gradients of this scalar (1×1) tensor with respect to each of `inputs`, in order.
    ///
    /// Only the part of the graph between `inputs` and this tensor is differentiated, so asking
    /// for an actor's parameters through a critic computes no gradient for the critic's own
    /// parameters. A tensor used several times (a shared subgraph) receives the sum of its
    /// gradients. An input this tensor does not depend on gets a gradient of zeros.
    ///
    /// - Parameter seed: ∂L/∂(this tensor), for a non-scalar tensor; defaults to 1 for a scalar.
    public func gradients(for inputs: [Tensor], seed: Matrix? = nil) -> [Matrix] {
        let start: Matrix
        if let seed {
            precondition(seed.rows == rows && seed.cols == cols,
                          "gradients(for:seed:): seed is \(seed.shapeDescription), tensor is \(value.shapeDescription)")
            start = seed
        } else {
            precondition(rows == 1 && cols == 1,
                          "gradients(for:): the tensor must be a scalar (1×1) loss, it is \(value.shapeDescription) "
                          + "(take .mean() or .sum(), or pass a seed)")
            start = Matrix(scalar: 1)
        }
        let order = topologicalOrder()
        let count = order.count
        for (index, node) in order.enumerated() { node.orderIndex = index }
        // The position of an input in this graph (`nil` when this tensor does not depend on it).
        func position(of input: Tensor) -> Int? {
            input.orderIndex < count && order[input.orderIndex] === input ? input.orderIndex : nil
        }
        var isTarget = [Bool](repeating: false, count: count)
        for input in inputs { if let index = position(of: input) { isTarget[index] = true } }

        // A node needs a gradient when it is an input or lies on a path from an input.
        var needed = [Bool](repeating: false, count: count)
        for (index, node) in order.enumerated()
        where isTarget[index] || node.parents.contains(where: { needed[$0.orderIndex] }) {
            needed[index] = true
        }

        var grads = [Matrix?](repeating: nil, count: count)
        if needed[count - 1] { grads[count - 1] = start }   // this tensor comes last in the order
        for index in stride(from: count - 1, through: 0, by: -1) {
            let node = order[index]
            guard let backward = node.backward, needed[index], let upstream = grads[index] else { continue }
            if !isTarget[index] { grads[index] = nil }
            let mask = node.parents.map { needed[$0.orderIndex] }
            let parentGrads = backward(upstream, mask)
            precondition(parentGrads.count == node.parents.count,
                          "backward of \(node.operation) returned \(parentGrads.count) gradients for \(node.parents.count) parents")
            for (parent, grad) in zip(node.parents, parentGrads) {
                guard let grad else { continue }
                let p = parent.orderIndex
                guard needed[p] else { continue }
                precondition(grad.rows == parent.rows && grad.cols == parent.cols,
                              "backward of \(node.operation) gave a \(grad.shapeDescription) gradient for a "
                              + "\(parent.value.shapeDescription) input")
                if var existing = grads[p] {
                    grads[p] = nil   // one owner, so that add(_:) works in place
                    existing.add(grad)
                    grads[p] = existing
                } else {
                    grads[p] = grad
                }
            }
        }
        return inputs.map { input in position(of: input).flatMap { grads[$0] } ?? Matrix.zeros(input.rows, input.cols) }
    }

    /// The gradient of this scalar tensor with respect to one input.
    public func gradient(for input: Tensor) -> Matrix {
        gradients(for: [input])[0]
    }

    /// Every tensor this one depends on, itself included, each after all of its parents.
    public func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        isVisited = true
        var stack: [(node: Tensor, nextParent: Int)] = [(self, 0)]
        while let (node, next) = stack.popLast() {
            if next < node.parents.count {
                stack.append((node, next + 1))
                let parent = node.parents[next]
                if !parent.isVisited {
                    parent.isVisited = true
                    stack.append((parent, 0))
                }
            } else {
                order.append(node)
            }
        }
        for node in order { node.isVisited = false }
        return order
    }
}
