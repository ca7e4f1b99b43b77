import CKernels
import Foundation
import Numerics

/// Adam (Kingma & Ba, 2015), with PyTorch's defaults and bias correction:
///
///     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
public final class Adam: Optimizer {
    /// The parameters updated by `step`.
    public let parameters: [Parameter]
    /// The step size (default 1e-3).
    public var learningRate: Float
    /// The decay of the first-moment average (default 0.9).
    public let beta1: Float
    /// The decay of the second-moment average (default 0.999).
    public let beta2: Float
    /// Added to the denominator for stability (default 1e-8).
    public let epsilon: Float
    /// The number of steps taken so far.
    public private(set) var stepCount = 0
    private var firstMoments: [Matrix]
    private var secondMoments: [Matrix]

    /// An optimiser for `parameters`.
    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.firstMoments = parameters.map { Matrix.zeros($0.value.rows, $0.value.cols) }
        self.secondMoments = firstMoments
    }

    /// One step.
    ///
    /// Each parameter's new value is written into a new matrix rather than over the old one: a
    /// computation graph that is still alive (the loss just differentiated) holds the old value,
    /// and changing it in place would first copy it. The moments are the optimiser's own and
    /// change in place.
    public func step(_ gradients: [Matrix]) {
        checkGradients(gradients, optimizer: "Adam")
        stepCount += 1
        let t = Float(stepCount)
        let correction1 = 1 - Foundation.pow(beta1, t)
        let correction2 = 1 - Foundation.pow(beta2, t)
        let stepSize = learningRate / correction1
        let inverseRootCorrection2 = 1 / correction2.squareRoot()
        for (i, parameter) in parameters.enumerated() {
            let old = parameter.tensor.value
            let updated = Matrix(rows: old.rows, cols: old.cols) { newValue in
                Adam.update(value: old, into: newValue, gradient: gradients[i], firstMoment: &firstMoments[i],
                            secondMoment: &secondMoments[i], stepSize: stepSize,
                            inverseRootCorrection2: inverseRootCorrection2,
                            beta1: beta1, beta2: beta2, epsilon: epsilon)
            }
            parameter.tensor.assign(updated)
        }
    }

    /// The vector width of the element-wise update on this CPU, in floats: 16 with AVX-512, 8 with
    /// AVX2, else 4. Every width gives the same bits.
    public static var vectorLanes: Int { Int(kit_adam_lanes()) }

    /// Limits the width of the update to at most `lanes` (16, 8 or 4) for the whole process and
    /// returns the width now in use: for tests that check every width on one machine.
    @discardableResult
    public static func limitVectorLanes(to lanes: Int) -> Int { Int(kit_adam_limit_lanes(Int32(lanes))) }

    /// The element-wise Adam update of one parameter, `value` read and the result written to
    /// `newValue` (`Sources/CKernels/AdamUpdate.c`: the square root of the second moment is the
    /// bit-level estimate of 1/√v refined by three Newton steps y ← y(1.5 − ½v·y²), times v, for
    /// all but the last `count % 4` entries, which take the correctly rounded √v).
    private static func update(
        value: Matrix, into newValue: UnsafeMutableBufferPointer<Float>, gradient: Matrix,
        firstMoment: inout Matrix, secondMoment: inout Matrix,
        stepSize: Float, inverseRootCorrection2: Float, beta1: Float, beta2: Float, epsilon: Float
    ) {
        let count = value.count
        guard count > 0 else { return }
        value.withUnsafeBufferPointer { theta in
            gradient.withUnsafeBufferPointer { g in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    secondMoment.withUnsafeMutableBufferPointer { v in
                        kit_adam_update(theta.baseAddress, newValue.baseAddress, m.baseAddress, v.baseAddress,
                                        g.baseAddress, count, stepSize, inverseRootCorrection2, beta1, beta2, epsilon)
                    }
                }
            }
        }
    }
}
