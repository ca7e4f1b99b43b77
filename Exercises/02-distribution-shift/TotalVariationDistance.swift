import ExerciseAPI
import Numerics

extension DistributionShift {
    /// Exercise 2.4: TV(p, q) = ½ Σᵢ |pᵢ − qᵢ| after normalising each histogram of counts to sum to 1.
    /// Throw `DistributionShiftInputError` for different bin counts, a negative or non-finite count,
    /// or a histogram with no mass.
    public func totalVariationDistance(_ p: [Double], _ q: [Double]) throws -> Double {
        throw NotImplemented(exercise: "2.4", name: "totalVariationDistance", file: "Exercises/02-distribution-shift/TotalVariationDistance.swift")
    }
}
