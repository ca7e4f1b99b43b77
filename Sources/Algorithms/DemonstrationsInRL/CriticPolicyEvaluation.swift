import NeuralNetworks
import Numerics

/// Fits DDPG's critic to the value of its current, fixed actor: y = r + γ(1 − terminal) Q'(s', π'(s'))
/// (exercise 5.1 through DDPG's own target computation), with its own Adam and target critics
/// averaged at rate `tau`, while the actor does not move.
public final class CriticPolicyEvaluation {
    /// The agent whose critic is fitted.
    public let agent: DDPG
    /// The Polyak rate of the target critics.
    public let tau: Float
    private let optimizer: Adam

    /// An evaluator of `agent`'s actor.
    public init(agent: DDPG, tau: Float) {
        self.agent = agent
        self.tau = tau
        optimizer = Adam(parameters: agent.critics.flatMap(\.parameters), learningRate: agent.configuration.criticLearningRate)
    }

    /// One regression step on `batch`.
    ///
    /// - Returns: the critic's mean squared TD error before the step.
    /// - Throws: ``DemonstrationsRLError`` when the loss stops being finite; whatever the formulas throw.
    @discardableResult
    public func step(on batch: OffPolicyBatch, rng: inout RandomSource) throws -> Double {
        let targets = Tensor(try agent.criticTargets(batch, rng: &rng))
        let states = Tensor(batch.states), actions = Tensor(batch.actions)
        var loss = mseLoss(agent.critics[0](states, actions), targets)
        for critic in agent.critics.dropFirst() { loss = loss + mseLoss(critic(states, actions), targets) }
        guard loss.scalar.isFinite else {
            throw DemonstrationsRLError("policy evaluation diverged: critic loss \(loss.scalar)")
        }
        optimizer.step(loss.gradients(for: optimizer.parameters))
        for (target, critic) in zip(agent.targetCritics, agent.critics) {
            polyakUpdate(target: target, source: critic, tau: tau)
        }
        return Double(loss.scalar) / Double(agent.critics.count)
    }
}
