import Numerics

/// Compares the autodiff gradients of `f` with central finite differences.
///
/// The scalar checked is Σ f(inputs) ⊙ R for a fixed random R, so every entry of the output
/// matters. Returns the largest relative error over all entries of all inputs.
func gradientCheckError(
    _ inputs: [Matrix], epsilon: Float = 4e-3, seed: UInt64 = 99, _ f: ([Tensor]) -> Tensor
) -> Float {
    var rng = RandomSource(seed: seed)
    let leaves = inputs.map { Tensor($0) }
    let output = f(leaves)
    let weights = Matrix.randomNormal(output.rows, output.cols, rng: &rng)
    func scalarLoss(_ xs: [Tensor]) -> Tensor { (f(xs) * Tensor(weights)).sum() }
    let analytic = scalarLoss(leaves).gradients(for: leaves)

    var worst: Float = 0
    for (k, input) in inputs.enumerated() {
        for i in 0..<input.rows {
            for j in 0..<input.cols {
                func value(shift: Float) -> Double {
                    var moved = inputs
                    moved[k][i, j] += shift
                    return Double(scalarLoss(moved.map { Tensor($0) }).scalar)
                }
                let numeric = Float((value(shift: epsilon) - value(shift: -epsilon)) / Double(2 * epsilon))
                let exact = analytic[k][i, j]
                let error = abs(numeric - exact) / max(1, abs(numeric), abs(exact))
                worst = max(worst, error)
            }
        }
    }
    return worst
}

/// A random matrix whose entries are at least `margin` away from zero (to stay off kinks).
func awayFromZero(_ rows: Int, _ cols: Int, margin: Float = 0.1, rng: inout RandomSource) -> Matrix {
    Matrix.randomNormal(rows, cols, rng: &rng).map { $0 >= 0 ? $0 + margin : $0 - margin }
}
