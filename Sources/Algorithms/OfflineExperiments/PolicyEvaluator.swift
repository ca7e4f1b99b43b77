import Environments
import ExerciseAPI
import Numerics

/// What one evaluation of a deterministic policy measured, averaged over the start states.
public struct EvaluationPoint: Sendable, Equatable, Codable {
    /// The average undiscounted return of an episode (cut by the environment's time limit).
    public var averageReturn: Double
    /// The standard deviation of the episode returns over the start states.
    public var returnStandardDeviation: Double
    /// The average of the agent's own estimate Q(s₀, π(s₀)), or `nil` without a critic.
    public var estimatedValue: Double?
    /// The average discounted Monte-Carlo return `Σ_t γ^t r_t` of the policy from s₀, rolled out
    /// past the time limit up to the evaluator's value horizon (timeouts are not terminals, so
    /// the critic estimates this infinite-horizon value).
    public var trueValue: Double
}

/// Evaluates deterministic policies on a fixed set of start states: the episode return, and
/// the critic's estimate against the true discounted value measured by Monte-Carlo rollouts
/// (exercise 5.4), as Fujimoto et al. (2019, figure 1) compare them.
///
/// All start states are rolled out together, one batched policy call per time step.
public struct PolicyEvaluator<Environment: ContinuousEnvironment>: Sendable {
    /// The environment (its time limit ends the episodes whose return is reported).
    public var environment: Environment
    /// The start states, shared by every evaluation so that curves compare like with like.
    public var startStates: [Environment.State]
    /// The discount γ of the true value (the agent's γ).
    public var discount: Double
    /// How many steps the value rollouts run (γ^horizon · max|r| / (1 − γ) bounds the error).
    public var valueHorizon: Int
    /// The formulas (exercise 5.4 computes the discounted returns).
    public var formulas: any OffPolicyExercises

    /// An evaluator on `episodes` start states drawn from the environment's reset distribution.
    public init(environment: Environment, episodes: Int, discount: Double, valueHorizon: Int,
                formulas: any OffPolicyExercises, rng: inout RandomSource) throws {
        guard episodes > 0 else { throw OfflineExperimentError.invalidConfiguration("evaluation needs at least one episode, got \(episodes)") }
        guard valueHorizon >= environment.maxEpisodeSteps else {
            throw OfflineExperimentError.invalidConfiguration(
                "the value horizon (\(valueHorizon)) must cover an episode (\(environment.maxEpisodeSteps) steps)")
        }
        var env = environment
        var states: [Environment.State] = []
        for _ in 0..<episodes {
            _ = env.reset(rng: &rng)
            states.append(env.state)
        }
        self.environment = environment
        self.startStates = states
        self.discount = discount
        self.valueHorizon = valueHorizon
        self.formulas = formulas
    }

    /// Rolls `policy` out from every start state and measures return, estimate and true value.
    ///
    /// - Parameters:
    ///   - policy: a batch of states (n×d) → actions (n×k).
    ///   - valueEstimate: the agent's Q(s, π(s)) for a batch of states, or `nil`.
    /// - Throws: what `policy` or `valueEstimate` throws, and the formulas' errors.
    public func evaluate(policy: (Matrix) throws -> Matrix,
                         valueEstimate: ((Matrix) throws -> Matrix?)? = nil) throws -> EvaluationPoint {
        var envs = startStates.map { state -> Environment in
            var env = environment
            _ = env.reset(to: state)
            return env
        }
        let n = envs.count, d = environment.observationSize
        var rewards = [[Double]](repeating: [], count: n)
        var episodeReturns = [Double](repeating: 0, count: n)
        var episodeOver = [Bool](repeating: false, count: n)
        var terminated = [Bool](repeating: false, count: n)
        var estimate: Double?
        for t in 0..<valueHorizon {
            let active = (0..<n).filter { !terminated[$0] }
            if active.isEmpty { break }
            var observations = [Float]()
            observations.reserveCapacity(active.count * d)
            for i in active { observations += envs[i].observation }
            let states = Matrix(rows: active.count, cols: d, values: observations)
            if t == 0, let valueEstimate, let values = try valueEstimate(states) {
                estimate = Double(values.mean())
            }
            let actions = try policy(states)
            for (row, i) in active.enumerated() {
                let step = try envs[i].step(actions.row(row))
                rewards[i].append(step.reward)
                if !episodeOver[i] { episodeReturns[i] += step.reward }
                if step.isDone { episodeOver[i] = true }
                if step.terminated {
                    terminated[i] = true
                } else if step.truncated {
                    envs[i].elapsedSteps = 0    // the value rollout runs on past the time limit
                }
            }
        }
        var values = [Double]()
        for r in rewards { values.append(try formulas.discountedReturns(rewards: r, discount: discount).first ?? 0) }
        let (mean, std) = meanAndStandardDeviation(of: episodeReturns)
        return EvaluationPoint(averageReturn: mean, returnStandardDeviation: std, estimatedValue: estimate,
                               trueValue: Numerics.mean(of: values))
    }

    /// Evaluates a learner's deterministic policy and its value estimate.
    public func evaluate(_ learner: some BatchLearner) throws -> EvaluationPoint {
        try evaluate(policy: { try learner.actions(for: $0) }, valueEstimate: { try learner.estimatedValues(states: $0) })
    }
}
