import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.3: `y = r + γ (1 − terminal) max_i [λ min(Q'₁, Q'₂) + (1 − λ) max(Q'₁, Q'₂)]`.
    public func softClippedDoubleQTarget(rewards: Matrix, nextQ1: Matrix, nextQ2: Matrix, terminals: Matrix,
                                         discount: Float, lambda: Float) throws -> Matrix {
        let b = rewards.rows
        guard rewards.cols == 1, terminals.rows == b, terminals.cols == 1 else {
            throw BCQInputError("softClippedDoubleQTarget: rewards is \(rewards.shapeDescription) and terminals "
                                + "\(terminals.shapeDescription); both must be B×1")
        }
        guard nextQ1.rows == b, nextQ2.rows == b, nextQ1.cols == nextQ2.cols else {
            throw BCQInputError("softClippedDoubleQTarget: nextQ1 is \(nextQ1.shapeDescription) and nextQ2 is "
                                + "\(nextQ2.shapeDescription); both must be B×n with B = \(b)")
        }
        guard nextQ1.cols > 0 else { throw BCQInputError("softClippedDoubleQTarget: no candidate actions (n = 0)") }
        guard (0...1).contains(discount) else {
            throw BCQInputError("softClippedDoubleQTarget: the discount must lie in [0, 1], got \(discount)")
        }
        guard (0...1).contains(lambda) else {
            throw BCQInputError("softClippedDoubleQTarget: λ must lie in [0, 1], got \(lambda)")
        }
        let low = Matrix.combine(nextQ1, nextQ2) { Swift.min($0, $1) }
        let high = Matrix.combine(nextQ1, nextQ2) { Swift.max($0, $1) }
        let soft = lambda * low + (1 - lambda) * high
        return rewards + discount * (1 - terminals) * soft.rowMaxima()
    }
}
