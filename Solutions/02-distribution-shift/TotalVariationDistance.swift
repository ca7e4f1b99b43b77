import ExerciseAPI
import Numerics

extension DistributionShift {
    /// Exercise 2.4: TV(p, q) = ½ Σᵢ |pᵢ − qᵢ| of the two normalised histograms.
    public func totalVariationDistance(_ p: [Double], _ q: [Double]) throws -> Double {
        guard p.count == q.count else {
            throw DistributionShiftInputError("totalVariationDistance: p has \(p.count) bins but q has \(q.count)")
        }
        for (name, histogram) in [("p", p), ("q", q)] {
            if let bad = histogram.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw DistributionShiftInputError("totalVariationDistance: \(name)[\(bad)] = \(histogram[bad]) is not a count ≥ 0")
            }
        }
        let (totalP, totalQ) = (p.reduce(0, +), q.reduce(0, +))
        guard totalP > 0, totalQ > 0 else {
            throw DistributionShiftInputError("totalVariationDistance: a histogram has no mass (p sums to \(totalP), q to \(totalQ))")
        }
        return 0.5 * zip(p, q).reduce(0) { sum, pair in sum + abs(pair.0 / totalP - pair.1 / totalQ) }
    }
}
