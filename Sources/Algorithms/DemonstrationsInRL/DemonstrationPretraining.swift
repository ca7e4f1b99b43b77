import Datasets
import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics

/// The two halves of pre-training on a demonstrations-only buffer (lecture: "pre-train a policy
/// and a value function consistent with it, then fine-tune").
public enum DemonstrationPretraining {
    /// Behavior cloning of DDPG's actor on the demonstrations' (s, a) pairs, with lesson 1's
    /// trainer and loss, then the target actor set equal to it.
    ///
    /// The actor is `maxAction · tanh(f(s))`; with `maxAction` = 1 it is exactly the network
    /// `tanh ∘ f`, which lesson 1's `MLPPolicy` wraps (without input standardisation) so that
    /// its trainer updates the actor's own weights in place.
    ///
    /// - Returns: the behavior-cloning loss of every step.
    /// - Throws: ``DemonstrationsRLError`` when the actor's largest action is not 1; whatever the
    ///   trainer throws.
    public static func cloneActor(_ agent: DDPG, demonstrations: [Trajectory<BlockPushing.State>], steps: Int,
                                  formulas: any BehaviorCloningExercises, rng: inout RandomSource) throws -> [Double] {
        guard agent.maxAction == 1 else {
            throw DemonstrationsRLError("cloneActor: the actor's largest action must be 1 to clone it as a plain network, got \(agent.maxAction)")
        }
        guard steps > 0 else { return [] }
        let dataset = try ImitationDataset(trajectories: demonstrations)
        let view = try MLPPolicy(network: agent.actor.network, normalizer: .identity(size: agent.observationSize))
        let trainer = BehaviorCloning(configuration: BehaviorCloningConfiguration(batchSize: agent.configuration.batchSize,
                                                                                  gradientSteps: steps),
                                      formulas: formulas)
        let losses = try trainer.continueTraining(view, on: dataset, steps: steps, rng: &rng)
        polyakUpdate(target: agent.targetActor, source: agent.actor, tau: 1)
        return losses
    }

    /// Policy evaluation of the agent's (fixed) actor π on the demonstration transitions: the
    /// critic regresses on y = r + γ(1 − terminal) Q'(s', π'(s')) (exercise 5.1 through DDPG's
    /// own target computation), with its own Adam and target critics averaged at rate `tau`, while the
    /// actor does not move. Afterwards Q ≈ Q^π on the demonstrated states and actions, so the
    /// first actor updates of fine-tuning follow the value of the policy being fine-tuned.
    ///
    /// - Returns: the critic's mean squared TD error of every step.
    /// - Throws: ``DemonstrationsRLError`` when the loss stops being finite; whatever the formulas throw.
    public static func evaluateCritic(_ agent: DDPG, on replay: DemonstrationReplay, steps: Int, tau: Float,
                                      formulas: any DemonstrationsInRLExercises, rng: inout RandomSource) throws -> [Double] {
        guard steps > 0 else { return [] }
        let evaluation = CriticPolicyEvaluation(agent: agent, tau: tau)
        var losses: [Double] = []
        losses.reserveCapacity(steps)
        for _ in 0..<steps {
            let sample = try replay.sample(batchSize: agent.configuration.batchSize, formulas: formulas, rng: &rng)
            losses.append(try evaluation.step(on: sample, rng: &rng))
        }
        return losses
    }
}
