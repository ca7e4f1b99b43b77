import Datasets
import Numerics

/// A mini-batch of transitions (s, a, r, s') as matrices, one transition per row: what an
/// off-policy learner (DDPG, TD3, BCQ) takes for one gradient step.
///
/// `terminals` and `timeouts` follow the D4RL convention: a terminal ends the task (no future
/// reward, no bootstrap), a timeout only cuts the episode (the target still bootstraps).
public struct OffPolicyBatch: Sendable {
    /// n×d states s.
    public var states: Matrix
    /// n×k actions a.
    public var actions: Matrix
    /// n×1 rewards r.
    public var rewards: Matrix
    /// n×d next states s'.
    public var nextStates: Matrix
    /// n×1, 1 where s' ends the task.
    public var terminals: Matrix
    /// n×1, 1 where the time limit cut the episode after this transition.
    public var timeouts: Matrix
    /// Per row: whether the transition is a demonstration's (a buffer's permanent region, lesson
    /// 8); all `false` for an agent's own data. A learner that treats demonstrations apart reads it
    /// here (``DemonstrationActorLoss``).
    public var isDemonstration: [Bool]

    /// A batch from its parts (`isDemonstration` `nil`: no row is a demonstration); throws
    /// ``DDPGError/invalidBatch(_:)`` when the shapes disagree.
    public init(states: Matrix, actions: Matrix, rewards: Matrix, nextStates: Matrix, terminals: Matrix,
                timeouts: Matrix, isDemonstration: [Bool]? = nil) throws {
        let n = states.rows
        for (name, m, cols) in [("actions", actions, actions.cols), ("rewards", rewards, 1),
                                ("nextStates", nextStates, states.cols), ("terminals", terminals, 1),
                                ("timeouts", timeouts, 1)] where m.rows != n || m.cols != cols {
            throw DDPGError.invalidBatch("\(name) is \(m.shapeDescription), expected \(n)×\(cols) for \(n) states")
        }
        if let isDemonstration, isDemonstration.count != n {
            throw DDPGError.invalidBatch("\(isDemonstration.count) demonstration flags for \(n) states")
        }
        self.states = states
        self.actions = actions
        self.rewards = rewards
        self.nextStates = nextStates
        self.terminals = terminals
        self.timeouts = timeouts
        self.isDemonstration = isDemonstration ?? Array(repeating: false, count: n)
    }

    /// The number of transitions.
    public var count: Int { states.rows }

    /// The matrices of a mini-batch sampled from a `ReplayBuffer` (or a dataset), with its rows'
    /// demonstration flags.
    public init(_ batch: TransitionBatch) {
        let n = batch.count
        // The Datasets batch is consistent by construction, so the shapes agree.
        states = Matrix(rows: n, cols: batch.observationSize, values: batch.observations)
        actions = Matrix(rows: n, cols: batch.actionSize, values: batch.actions)
        rewards = Matrix(rows: n, cols: 1, values: batch.rewards)
        nextStates = Matrix(rows: n, cols: batch.observationSize, values: batch.nextObservations)
        terminals = Matrix(rows: n, cols: 1, values: batch.terminals)
        timeouts = Matrix(rows: n, cols: 1, values: batch.timeouts)
        isDemonstration = batch.isDemonstration.count == n ? batch.isDemonstration : Array(repeating: false, count: n)
    }
}
