import Environments
import Numerics

/// The success rate of a deterministic policy on the full task, from a fixed set of start states
/// drawn once from the task's reset distribution (the same states at every evaluation, so that
/// the points of a curve compare like with like). All episodes run together: one batched policy
/// call per time step. Evaluation steps are not counted as training steps.
public struct SuccessEvaluator: Sendable {
    /// The task (its time limit ends the episodes).
    public var task: SparsePushingTask
    /// The start states.
    public var startStates: [BlockPushing.State]

    /// An evaluator on `episodes` start states drawn with `seed`.
    ///
    /// - Throws: ``DemonstrationsRLError`` when `episodes` < 1.
    public init(task: SparsePushingTask, episodes: Int, seed: UInt64) throws {
        guard episodes >= 1 else { throw DemonstrationsRLError("SuccessEvaluator: need at least one episode, got \(episodes)") }
        var rng = RandomSource(seed: seed)
        var env = task
        startStates = (0..<episodes).map { _ in
            _ = env.reset(rng: &rng)
            return env.state
        }
        self.task = task
    }

    /// The fraction of start states from which `policy` (n×d states → n×k actions) gets the block
    /// into the goal within the time limit.
    public func successRate(of policy: (Matrix) -> Matrix) throws -> Double {
        var envs = startStates.map { state -> SparsePushingTask in
            var env = task
            _ = env.reset(to: state)
            return env
        }
        var running = Array(envs.indices)
        var successes = 0
        let d = task.observationSize
        while !running.isEmpty {
            var observations = [Float]()
            observations.reserveCapacity(running.count * d)
            for i in running { observations += envs[i].observation }
            let actions = policy(Matrix(rows: running.count, cols: d, values: observations))
            var still: [Int] = []
            for (row, i) in running.enumerated() {
                let step = try envs[i].step(actions.row(row))
                if step.info.succeeded { successes += 1 }
                if !step.isDone { still.append(i) }
            }
            running = still
        }
        return Double(successes) / Double(startStates.count)
    }
}
