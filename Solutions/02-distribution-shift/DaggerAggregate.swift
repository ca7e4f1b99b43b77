import ExerciseAPI
import Numerics

extension DistributionShift {
    /// Exercise 2.1: one DAgger aggregation D ← D ∪ {(s, π*(s)) : s visited by the learner}.
    public func daggerAggregate(dataset: ImitationDataset, visitedObservations: [[Float]],
                                expert: ([Float]) throws -> [Float]) throws -> ImitationDataset {
        var observations = dataset.observations.scalars
        var actions = dataset.actions.scalars
        for (t, observation) in visitedObservations.enumerated() {
            guard observation.count == dataset.observationSize else {
                throw DistributionShiftInputError("daggerAggregate: visited observation \(t) has \(observation.count) "
                                                  + "numbers, the dataset's have \(dataset.observationSize)")
            }
            let label = try expert(observation)
            guard label.count == dataset.actionSize else {
                throw DistributionShiftInputError("daggerAggregate: the expert's action for observation \(t) has "
                                                  + "\(label.count) numbers, the dataset's have \(dataset.actionSize)")
            }
            observations += observation
            actions += label
        }
        let rows = dataset.count + visitedObservations.count
        return try ImitationDataset(observations: Matrix(rows: rows, cols: dataset.observationSize, values: observations),
                                    actions: Matrix(rows: rows, cols: dataset.actionSize, values: actions))
    }
}
