/// The mean squared error mean((prediction − target)²) over all entries, a 1×1 tensor.
///
/// Both arguments must have the same shape. Gradients flow into both; `detached()` the target
/// when it must stay fixed (as for a TD target).
public func mseLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    precondition(prediction.rows == target.rows && prediction.cols == target.cols,
                  "mseLoss: prediction is \(prediction.value.shapeDescription), target is \(target.value.shapeDescription)")
    let difference = prediction.value - target.value
    let n = Float(difference.count)
    let loss = difference.withUnsafeBufferPointer { d in
        var acc: Double = 0
        for x in d { acc += Double(x) * Double(x) }
        return Float(acc) / n
    }
    return Tensor(value: Matrix(scalar: loss), operation: "mseLoss", parents: [prediction, target]) { g, needed in
        let scale = 2 * g.scalar / n
        return [needed[0] ? difference * scale : nil,
                needed[1] ? difference * -scale : nil]
    }
}

/// Binary cross-entropy from logits, averaged: mean(−y·log σ(z) − (1−y)·log(1−σ(z))), stably
/// written as mean(softplus(z) − y·z). `labels` are 0/1 (or probabilities) of `logits`' shape.
///
/// For a discriminator D = σ(z): log D = logSigmoid(z) and −log(1 − D) = softplus(z).
public func binaryCrossEntropy(logits: Tensor, labels: Matrix) -> Tensor {
    precondition(logits.rows == labels.rows && logits.cols == labels.cols,
                  "binaryCrossEntropy: logits are \(logits.value.shapeDescription), labels \(labels.shapeDescription)")
    return (softplus(logits) - logits * Tensor(labels)).mean()
}
