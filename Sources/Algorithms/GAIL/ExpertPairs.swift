import Datasets
import Environments
import Numerics

/// The expert's state-action pairs (s_t, a_t) from a set of demonstrations, as two matrices.
public struct ExpertPairs: Sendable {
    /// s_t for every step of every demonstration, pairs×observationSize.
    public let observations: Matrix
    /// a_t (as executed), pairs×actionSize.
    public let actions: Matrix

    /// The pairs of `demonstrations`.
    ///
    /// - Throws: ``PolicyGradientError`` if there is no step at all or the sizes differ.
    public init<State>(_ demonstrations: [Trajectory<State>]) throws {
        let observations = demonstrations.flatMap { $0.observations.prefix($0.count) }
        let actions = demonstrations.flatMap(\.actions)
        guard let firstObservation = observations.first, let firstAction = actions.first else {
            throw PolicyGradientError("ExpertPairs: the demonstrations contain no steps")
        }
        guard observations.allSatisfy({ $0.count == firstObservation.count }),
              actions.allSatisfy({ $0.count == firstAction.count }) else {
            throw PolicyGradientError("ExpertPairs: the demonstrations' observations or actions differ in length")
        }
        self.observations = Matrix(rows: observations.count, cols: firstObservation.count, values: observations.flatMap { $0 })
        self.actions = Matrix(rows: actions.count, cols: firstAction.count, values: actions.flatMap { $0 })
    }

    /// The number of pairs.
    public var count: Int { observations.rows }
    /// The number of observation coordinates.
    public var observationSize: Int { observations.cols }
    /// The number of action coordinates.
    public var actionSize: Int { actions.cols }
    /// The observations as rows (for fitting a ``FeatureScaling``).
    public var observationRows: [[Float]] { (0..<count).map { observations.row($0) } }
}
