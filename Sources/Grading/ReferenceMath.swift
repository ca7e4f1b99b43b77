import Foundation
import Numerics

/// The grader's own Double-precision formulas, written independently of `Solutions/`, that the
/// checks of several lessons use to compute expected values.
enum ReferenceMath {
    /// log(1 + eˣ), stable at both ends.
    static func softplus(_ x: Double) -> Double { max(x, 0) + log1p(exp(-abs(x))) }

    /// 1 / (1 + e⁻ˣ), stable at both ends.
    static func sigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }

    /// A batch×1 tensor of the values (rounded to Float).
    static func column(_ values: [Double]) -> Tensor {
        Tensor(Matrix(columnVector: values.map(Float.init)))
    }
}
