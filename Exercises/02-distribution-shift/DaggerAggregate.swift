import ExerciseAPI
import Numerics

extension DistributionShift {
    /// Exercise 2.1: one DAgger aggregation D ← D ∪ {(s, π*(s)) : s visited by the learner}.
    ///
    /// Label every visited observation with `expert`, append the new pairs after the old ones (in
    /// the visited order) and return the grown dataset. Throw `DistributionShiftInputError` when an
    /// observation or an expert action does not have the dataset's width.
    public func daggerAggregate(dataset: ImitationDataset, visitedObservations: [[Float]],
                                expert: ([Float]) throws -> [Float]) throws -> ImitationDataset {
        throw NotImplemented(exercise: "2.1", name: "daggerAggregate", file: "Exercises/02-distribution-shift/DaggerAggregate.swift")
    }
}
