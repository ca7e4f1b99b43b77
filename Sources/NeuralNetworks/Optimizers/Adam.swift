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
    public func step(_ gradients: [Matrix]) {
        checkGradients(gradients, optimizer: "Adam")
        stepCount += 1
        let t = Float(stepCount)
        let correction1 = 1 - Foundation.pow(beta1, t)
        let correction2 = 1 - Foundation.pow(beta2, t)
        let stepSize = learningRate / correction1
        let inverseRootCorrection2 = 1 / correction2.squareRoot()
        for (i, parameter) in parameters.enumerated() {
            parameter.tensor.updateValue { value in
                Adam.update(value: &value, gradient: gradients[i], firstMoment: &firstMoments[i],
                            secondMoment: &secondMoments[i], stepSize: stepSize,
                            inverseRootCorrection2: inverseRootCorrection2,
                            beta1: beta1, beta2: beta2, epsilon: epsilon)
            }
        }
    }

    /// The element-wise Adam update of one parameter (a plain loop over raw pointers, which the
    /// compiler turns into SIMD code).
    private static func update(
        value: inout Matrix, gradient: Matrix, firstMoment: inout Matrix, secondMoment: inout Matrix,
        stepSize: Float, inverseRootCorrection2: Float, beta1: Float, beta2: Float, epsilon: Float
    ) {
        let count = value.count
        gradient.withUnsafeBufferPointer { gBuffer in
            firstMoment.withUnsafeMutableBufferPointer { mBuffer in
                secondMoment.withUnsafeMutableBufferPointer { vBuffer in
                    value.withUnsafeMutableBufferPointer { thetaBuffer in
                        guard count > 0 else { return }
                        let g = gBuffer.baseAddress!, m = mBuffer.baseAddress!
                        let v = vBuffer.baseAddress!, theta = thetaBuffer.baseAddress!
                        // Four entries at a time with SIMD vectors, then the remainder one by one.
                        var k = 0
                        while k + 4 <= count {
                            let gk = UnsafeRawPointer(g + k).loadUnaligned(as: SIMD4<Float>.self)
                            let mk = beta1 * UnsafeRawPointer(m + k).loadUnaligned(as: SIMD4<Float>.self)
                                + (1 - beta1) * gk
                            let vk = beta2 * UnsafeRawPointer(v + k).loadUnaligned(as: SIMD4<Float>.self)
                                + (1 - beta2) * gk * gk
                            let tk = UnsafeRawPointer(theta + k).loadUnaligned(as: SIMD4<Float>.self)
                                - stepSize * mk / (Adam.squareRoot(vk) * inverseRootCorrection2 + epsilon)
                            UnsafeMutableRawPointer(m + k).storeBytes(of: mk, as: SIMD4<Float>.self)
                            UnsafeMutableRawPointer(v + k).storeBytes(of: vk, as: SIMD4<Float>.self)
                            UnsafeMutableRawPointer(theta + k).storeBytes(of: tk, as: SIMD4<Float>.self)
                            k += 4
                        }
                        while k < count {
                            let gk = g[k]
                            let mk = beta1 * m[k] + (1 - beta1) * gk
                            let vk = beta2 * v[k] + (1 - beta2) * gk * gk
                            m[k] = mk
                            v[k] = vk
                            theta[k] -= stepSize * mk / (vk.squareRoot() * inverseRootCorrection2 + epsilon)
                            k += 1
                        }
                    }
                }
            }
        }
    }

    /// √v for four non-negative floats at once, to full `Float` precision.
    ///
    /// On Linux, `Float.squareRoot()` goes through a C call that keeps the loop from running four
    /// lanes at a time, so this uses the classic bit-level estimate of 1/√v refined by three
    /// Newton steps y ← y(1.5 − ½v·y²) (each doubles the correct digits), then √v = v·(1/√v).
    @inline(__always)
    static func squareRoot(_ v: SIMD4<Float>) -> SIMD4<Float> {
        let bits = unsafeBitCast(v, to: SIMD4<UInt32>.self)
        var y = unsafeBitCast(0x5f37_59df &- (bits &>> 1), to: SIMD4<Float>.self)
        let half = 0.5 * v
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        return v * y
    }
}
