import Foundation

/// max(x, 0) entry-wise.
public func relu(_ x: Tensor) -> Tensor {
    let y = x.value.relu()
    return Tensor(value: y, operation: "relu", parents: [x]) { g, _ in
        [Matrix.reluGradient(g, output: y)]
    }
}

/// x for x > 0, `slope`·x otherwise.
public func leakyRelu(_ x: Tensor, slope: Float = 0.01) -> Tensor {
    Tensor(value: x.value.map { $0 > 0 ? $0 : slope * $0 }, operation: "leakyRelu", parents: [x]) {
        [xValue = x.value] g, _ in
        [Matrix.combine(g, xValue) { $1 > 0 ? $0 : slope * $0 }]
    }
}

/// The hyperbolic tangent entry-wise. Backward: 1 − tanh².
///
/// Computed by ``Matrix/tanh()`` (a vectorised kernel, within 2 ulp of the exact value).
public func tanh(_ x: Tensor) -> Tensor {
    let y = x.value.tanh()
    return Tensor(value: y, operation: "tanh", parents: [x]) { g, _ in
        [Matrix.combine(g, y) { $0 * (1 - $1 * $1) }]
    }
}

/// The logistic function 1 / (1 + e^−x) entry-wise (computed without overflow).
public func sigmoid(_ x: Tensor) -> Tensor {
    let y = x.value.map(stableSigmoid)
    return Tensor(value: y, operation: "sigmoid", parents: [x]) { g, _ in
        [Matrix.combine(g, y) { $0 * $1 * (1 - $1) }]
    }
}

/// log(1 + e^x) entry-wise, computed stably as max(x, 0) + log(1 + e^−|x|).
///
/// For a discriminator logit z, −log(1 − sigmoid(z)) = softplus(z).
public func softplus(_ x: Tensor) -> Tensor {
    Tensor(value: x.value.map(stableSoftplus), operation: "softplus", parents: [x]) {
        [xValue = x.value] g, _ in
        [Matrix.combine(g, xValue) { $0 * stableSigmoid($1) }]
    }
}

/// log(sigmoid(x)) entry-wise, computed stably as −softplus(−x).
///
/// For a discriminator logit z, log D = logSigmoid(z).
public func logSigmoid(_ x: Tensor) -> Tensor {
    Tensor(value: x.value.map { -stableSoftplus(-$0) }, operation: "logSigmoid", parents: [x]) {
        [xValue = x.value] g, _ in
        [Matrix.combine(g, xValue) { $0 * stableSigmoid(-$1) }]
    }
}

/// Every entry limited to [low, high]; the gradient is zero where the entry was clamped.
public func clamp(_ x: Tensor, min low: Float, max high: Float) -> Tensor {
    precondition(low <= high, "clamp: min \(low) is larger than max \(high)")
    return Tensor(value: x.value.map { Swift.min(Swift.max($0, low), high) }, operation: "clamp",
                  parents: [x]) { [xValue = x.value] g, _ in
        [Matrix.combine(g, xValue) { ($1 >= low && $1 <= high) ? $0 : 0 }]
    }
}

/// 1 / (1 + e^−x) without overflow for large |x|.
@inlinable
public func stableSigmoid(_ x: Float) -> Float {
    if x >= 0 {
        return 1 / (1 + Foundation.exp(-x))
    }
    let e = Foundation.exp(x)
    return e / (1 + e)
}

/// log(1 + e^x) without overflow for large x or loss of precision for very negative x.
@inlinable
public func stableSoftplus(_ x: Float) -> Float {
    Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
}
