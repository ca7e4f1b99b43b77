import ExerciseAPI
import Numerics

/// Tabular Q-learning on a fixed batch (Watkins 1989, run as batch RL): sweep the batch over and
/// over, applying `Q(s,a) ← (1 − α) Q(s,a) + α (r + γ (1 − terminal) max_{a'} Q(s',a'))` to every
/// transition (exercise 5.3).
///
/// The maximum runs over every action of s', including actions the batch never tried in s'.
/// Their values never receive an update, so they keep whatever the table was initialised to; an
/// optimistic start makes the greedy policy pick exactly those actions and bootstrapping carries
/// the made-up value back to the states before them: extrapolation error in its plainest form
/// (Fujimoto et al. 2019, §3.1). Lesson 6 adds the batch-constrained variant next to this one.
public struct FixedBatchQLearning: Sendable {
    /// The hyper-parameters.
    public struct Configuration: Sendable, Codable, Equatable {
        /// The step size α (0.5).
        public var learningRate: Double
        /// The discount γ (0.9, as the grid-world figures use).
        public var discount: Double
        /// Passes over the batch (200).
        public var sweeps: Int
        /// Q of every pair before learning (0; a positive value is optimistic for negative rewards).
        public var initialValue: Double
        /// Whether each sweep visits the transitions in a fresh random order (true).
        public var shuffle: Bool

        /// A configuration with the defaults above.
        public init(learningRate: Double = 0.5, discount: Double = 0.9, sweeps: Int = 200, initialValue: Double = 0,
                    shuffle: Bool = true) {
            self.learningRate = learningRate
            self.discount = discount
            self.sweeps = sweeps
            self.initialValue = initialValue
            self.shuffle = shuffle
        }
    }

    /// The hyper-parameters.
    public var configuration: Configuration
    /// The plugged-in formulas (exercise 5.3).
    public var formulas: any OffPolicyExercises

    /// Q-learning with the given hyper-parameters and formulas.
    public init(configuration: Configuration = Configuration(), formulas: any OffPolicyExercises) {
        self.configuration = configuration
        self.formulas = formulas
    }

    /// Learns a Q-table from `batch` alone.
    ///
    /// - Throws: ``TabularError/invalidConfiguration(_:)`` for a negative number of sweeps, and
    ///   whatever the plugged-in update throws.
    public func learn(from batch: TabularBatch, rng: inout RandomSource) throws -> QTable {
        try learn(from: batch, startingFrom: QTable(stateCount: batch.stateCount, actionCount: batch.actionCount,
                                                   initialValue: configuration.initialValue), rng: &rng)
    }

    /// Learns from `batch` alone, starting from the table `start` instead of a constant one (for
    /// instance random values, as a freshly initialised network would give).
    ///
    /// - Throws: ``TabularError/invalidConfiguration(_:)`` for a negative number of sweeps or a
    ///   table of the wrong size, and whatever the plugged-in update throws.
    public func learn(from batch: TabularBatch, startingFrom start: QTable, rng: inout RandomSource) throws -> QTable {
        // listing: q-learning-sweep
        try sweepFixedBatch(batch, startingFrom: start, configuration: configuration, rng: &rng) { t, value, nextValues in
            try formulas.qLearningUpdate(value: value, reward: t.reward, nextValues: nextValues, terminal: t.terminal,
                                         learningRate: configuration.learningRate, discount: configuration.discount)
        }
        // end listing
    }
}
