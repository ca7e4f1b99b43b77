import ExerciseAPI
import Numerics

extension BatchConstrained {
    /// Exercise 6.5: for each state, the candidate with the highest value (the first on ties).
    public func selectBestAction(candidates: Matrix, values: Matrix, candidatesPerState: Int) throws -> Matrix {
        let n = candidatesPerState
        guard n >= 1 else { throw BCQInputError("selectBestAction: candidatesPerState must be ≥ 1, got \(n)") }
        guard values.cols == 1, values.rows == candidates.rows else {
            throw BCQInputError("selectBestAction: candidates is \(candidates.shapeDescription) but values is "
                                + "\(values.shapeDescription); values must be one column with a row per candidate")
        }
        guard candidates.rows % n == 0 else {
            throw BCQInputError("selectBestAction: \(candidates.rows) candidates is not a multiple of \(n) per state")
        }
        let states = candidates.rows / n
        var chosen: [Int] = []
        chosen.reserveCapacity(states)
        for b in 0..<states {
            var best = b * n
            for row in (b * n)..<((b + 1) * n) {
                guard !values[row, 0].isNaN else {
                    throw BCQInputError("selectBestAction: the value of candidate \(row) is NaN")
                }
                if values[row, 0] > values[best, 0] { best = row }
            }
            chosen.append(best)
        }
        return candidates.rows(chosen)
    }
}
