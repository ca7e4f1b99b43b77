// Behavior cloning as the Hopper study runs it (`--offline bc`): lesson 1's trainer on a buffer's
// state-action pairs, evaluated once at the end on the study's start states.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Numerics

/// Trains behavior cloning on `buffer`'s (s, a) pairs and returns a one-point curve (no estimate:
/// the policy has no critic), recorded after `updates` so that it lines up with the other learners.
func behaviorCloningCurve<Environment: ContinuousEnvironment>(
    on buffer: TransitionDataset, environment: Environment, configuration: BehaviorCloningConfiguration,
    evaluator: PolicyEvaluator<Environment>, updates: Int, formulas: any BehaviorCloningExercises,
    rng: inout RandomSource
) throws -> EvaluationCurve {
    let pairs = try ImitationDataset(
        observations: Matrix(rows: buffer.count, cols: buffer.observationSize, values: buffer.observations),
        actions: Matrix(rows: buffer.count, cols: buffer.actionSize, values: buffer.actions))
    let trainer = BehaviorCloning(configuration: configuration, formulas: formulas)
    let policy = try trainer.train(on: pairs, actionLow: environment.actionSpace.low,
                                   actionHigh: environment.actionSpace.high, rng: &rng).policy
    var curve = EvaluationCurve()
    curve.record(try evaluator.evaluate(policy: { policy.actions(for: $0) }), after: updates)
    return curve
}
