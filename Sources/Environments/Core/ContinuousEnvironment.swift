import Numerics

/// A Gymnasium-shaped environment with continuous (box) observations and actions.
///
/// Environments are value types: copying one clones it (its whole state, its configuration and
/// its step counter), which makes parallel rollouts, look-ahead and "what would the expert do
/// here" questions trivial. Physics runs in `Double`; observations and actions are `[Float]`.
///
/// ```swift
/// var env = Pendulum()
/// var rng = RandomSource(seed: 0)
/// var observation = env.reset(rng: &rng)
/// while true {
///     let step = try env.step([0.5])
///     observation = step.observation
///     if step.isDone { break }
/// }
/// ```
public protocol ContinuousEnvironment: Sendable {
    /// The full physical state, enough to restart an episode from it (`reset(to:)`).
    associatedtype State: Codable, Equatable, Sendable

    /// The environment's name, used in error messages (e.g. "Pendulum-v1").
    var name: String { get }
    /// The range of the observations.
    var observationSpace: Box { get }
    /// The range of the actions; actions outside it are clipped.
    var actionSpace: Box { get }
    /// The time limit: `step` reports `truncated` when `elapsedSteps` reaches it.
    var maxEpisodeSteps: Int { get }
    /// The physical state. Setting it does not touch `elapsedSteps`.
    var state: State { get set }
    /// Steps taken since the last reset.
    var elapsedSteps: Int { get set }
    /// The observation of the current state.
    var observation: [Float] { get }

    /// Starts an episode from a state drawn from the environment's initial distribution.
    mutating func reset(rng: inout RandomSource) -> [Float]

    /// Applies `action` (clipped into `actionSpace`) for one time step.
    ///
    /// - Throws: `EnvironmentError.nanAction` (naming the environment and the step number) for an
    ///   action containing NaN, `.wrongActionCount` for an action of the wrong length.
    mutating func step(_ action: [Float]) throws -> Step
}

extension ContinuousEnvironment {
    /// Starts an episode from the initial distribution, drawn with a generator seeded by `seed`.
    public mutating func reset(seed: UInt64) -> [Float] {
        var rng = RandomSource(seed: seed)
        return reset(rng: &rng)
    }

    /// Starts an episode from `state` (for instance a state of a demonstration) and returns its
    /// observation; the step counter restarts at zero.
    public mutating func reset(to state: State) -> [Float] {
        self.state = state
        elapsedSteps = 0
        return observation
    }

    /// The number of observation coordinates.
    public var observationSize: Int { observationSpace.dimension }
    /// The number of action coordinates.
    public var actionSize: Int { actionSpace.dimension }
}
