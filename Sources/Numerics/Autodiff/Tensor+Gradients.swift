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
        let targets = Set(inputs.map(ObjectIdentifier.init))

        // A node needs a gradient when it is an input or lies on a path from an input.
        var needed = Set<ObjectIdentifier>()
        for node in order {
            let id = ObjectIdentifier(node)
            if targets.contains(id) || node.parents.contains(where: { needed.contains(ObjectIdentifier($0)) }) {
                needed.insert(id)
            }
        }

        var grads: [ObjectIdentifier: Matrix] = [:]
        if needed.contains(ObjectIdentifier(self)) { grads[ObjectIdentifier(self)] = start }
        for node in order.reversed() {
            let id = ObjectIdentifier(node)
            guard let backward = node.backward, needed.contains(id) else { continue }
            guard let upstream = targets.contains(id) ? grads[id] : grads.removeValue(forKey: id) else { continue }
            let mask = node.parents.map { needed.contains(ObjectIdentifier($0)) }
            let parentGrads = backward(upstream, mask)
            precondition(parentGrads.count == node.parents.count,
                          "backward of \(node.operation) returned \(parentGrads.count) gradients for \(node.parents.count) parents")
            for (parent, grad) in zip(node.parents, parentGrads) {
                guard let grad else { continue }
                let pid = ObjectIdentifier(parent)
                guard needed.contains(pid) else { continue }
                precondition(grad.rows == parent.rows && grad.cols == parent.cols,
                              "backward of \(node.operation) gave a \(grad.shapeDescription) gradient for a "
                              + "\(parent.value.shapeDescription) input")
                if var existing = grads.removeValue(forKey: pid) {
                    existing.add(grad)
                    grads[pid] = existing
                } else {
                    grads[pid] = grad
                }
            }
        }
        return inputs.map { grads[ObjectIdentifier($0)] ?? Matrix.zeros($0.rows, $0.cols) }
    }

    /// The gradient of this scalar tensor with respect to one input.
    public func gradient(for input: Tensor) -> Matrix {
        gradients(for: [input])[0]
    }

    /// Every tensor this one depends on, itself included, each after all of its parents.
    public func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var stack: [(node: Tensor, nextParent: Int)] = [(self, 0)]
        while let (node, next) = stack.popLast() {
            if next < node.parents.count {
                stack.append((node, next + 1))
                let parent = node.parents[next]
                if visited.insert(ObjectIdentifier(parent)).inserted { stack.append((parent, 0)) }
            } else {
                order.append(node)
            }
        }
        return order
    }
}
