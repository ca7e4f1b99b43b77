import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// The graded checks of lesson 1 (behavior cloning), visible to students.
let lesson01Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "1.1", lesson: 1, name: "behaviorCloningLoss", points: 3) { set in
        let formulas = set.behaviorCloning
        let expect = Expect("1.1", "behaviorCloningLoss")
        func loss(_ predicted: [[Float]], _ expert: [[Float]]) throws -> Tensor {
            try formulas.behaviorCloningLoss(predictedActions: Tensor(Matrix(predicted)), expertActions: Tensor(Matrix(expert)))
        }
        let one = try loss([[1], [3]], [[0], [0]])
        try expect.that(one.rows == 1 && one.cols == 1, "the loss must be a 1×1 tensor, got \(one.value.shapeDescription)")
        try expect.close(Double(one.scalar), 5, "(predicted [[1], [3]], expert [[0], [0]])",
                         mistakes: [KnownMistake(10, "average over the batch (divide by B), do not sum over it"),
                                    KnownMistake(2, "square the distance: ‖aᵢ − π(sᵢ)‖², not ‖aᵢ − π(sᵢ)‖ or |aᵢ − π(sᵢ)|")])
        try expect.close(Double(try loss([[1, 2], [0, 0]], [[0, 0], [3, 4]]).scalar), 15,
                         "(predicted [[1, 2], [0, 0]], expert [[0, 0], [3, 4]])",
                         hint: "sum the squares over an action's coordinates, average over the batch only")
        try expect.close(Double(try loss([[0.5, -1]], [[0.5, -1]]).scalar), 0, "(a perfect prediction)")
        // Gradients must flow: ∂L/∂π(sᵢ)ⱼ = 2(π(sᵢ)ⱼ − aᵢⱼ)/B.
        let predicted = Tensor(Matrix([[1, 2], [0, -1], [3, 0]]))
        let expert = Matrix([[0, 0], [1, 1], [2, 2]])
        let gradient = try formulas.behaviorCloningLoss(predictedActions: predicted, expertActions: Tensor(expert))
            .gradient(for: predicted)
        let wanted = (predicted.value - expert).scalars.map { Double(2 * $0 / 3) }
        try expect.close(gradient.scalars.map(Double.init), wanted, "gradient with respect to predictedActions",
                         hint: "build the loss from Tensor operations so that the trainer can differentiate it")
        try requireRejection(expect, "(an empty batch)") { _ = try loss([], []) }
        try requireRejection(expect, "(predicted 2×1, expert 2×2)") { _ = try loss([[1], [2]], [[1, 1], [2, 2]]) }
        // Behaviour: behavior cloning with this loss learns to keep the car in its lane.
        try lesson01BehaviourCheck(set, expect)
    },
    ExerciseCheck(id: "1.2", lesson: 1, name: "gaussianLogLikelihood", points: 3) { set in
        let formulas = set.behaviorCloning
        let expect = Expect("1.2", "gaussianLogLikelihood")
        func logLikelihood(_ actions: [[Float]], _ means: [[Float]], _ sigma: Float) throws -> Tensor {
            try formulas.gaussianLogLikelihood(actions: Tensor(Matrix(actions)), means: Tensor(Matrix(means)),
                                               standardDeviation: sigma)
        }
        let halfLogTwoPi = 0.5 * Foundation.log(2 * Double.pi)
        let single = try logLikelihood([[1]], [[0]], 1)
        try expect.that(single.rows == 1 && single.cols == 1, "one example must give a 1×1 tensor, got \(single.value.shapeDescription)")
        try expect.close(Double(single.scalar), -0.5 - halfLogTwoPi, "(a [[1]], μ [[0]], σ 1)",
                         mistakes: [KnownMistake(-0.5 + halfLogTwoPi, "subtract the normaliser (d/2)·log(2πσ²), do not add it"),
                                    KnownMistake(-1 - halfLogTwoPi, "the quadratic term is ‖a − μ‖²/(2σ²): the ½ is missing")])
        // Two examples, two coordinates, σ = 0.5: −‖a − μ‖²/(2·0.25) − log(2π·0.25).
        let pair = try logLikelihood([[1, 0], [0.5, 0.5]], [[0, 0], [0, 1]], 0.5)
        try expect.that(pair.rows == 2 && pair.cols == 1, "a batch of 2 must give a 2×1 tensor, got \(pair.value.shapeDescription)")
        let normalizer = Foundation.log(2 * Double.pi * 0.25)
        try expect.close(pair.value.scalars.map(Double.init), [-1 / 0.5 - normalizer, -0.5 / 0.5 - normalizer],
                         "(a [[1, 0], [0.5, 0.5]], μ [[0, 0], [0, 1]], σ 0.5)",
                         hint: "the normaliser is (d/2)·log(2πσ²) with d the number of action coordinates")
        // Far from the mean: a large negative number, not −∞.
        let far = Double(try logLikelihood([[1000]], [[0]], 0.01).scalar)
        try expect.that(far.isFinite, "(a [[1000]], μ [[0]], σ 0.01) gave \(far); compute the log-density directly, not log(exp(…))")
        try expect.close(far, -1e6 / 2e-4 - (halfLogTwoPi + Foundation.log(0.01)), tolerance: 1e-4, "(a [[1000]], μ [[0]], σ 0.01)")
        // The identity of the lesson: −mean log π = L_BC/(2σ²) + (d/2) log(2πσ²), and ∂/∂μ = (a − μ)/σ².
        let actions = Matrix([[0.3, -1.2], [2.0, 0.1], [-0.4, 0.9]])
        let means = Tensor(Matrix([[0.1, -1.0], [1.5, 0.0], [0.0, 0.5]]))
        let sigma: Float = 0.7
        let values = try formulas.gaussianLogLikelihood(actions: Tensor(actions), means: means, standardDeviation: sigma)
        let squaredErrors = (actions - means.value).scalars.map { Double($0 * $0) }
        let bcLoss = squaredErrors.reduce(0, +) / 3
        let variance = Double(sigma * sigma)
        try expect.close(-Double(values.value.mean()), bcLoss / (2 * variance) + Foundation.log(2 * Double.pi * variance),
                         "(the identity −mean log π = L_BC/(2σ²) + (d/2)·log(2πσ²) on a 3×2 batch, σ 0.7)")
        let gradient = values.sum().gradient(for: means)
        try expect.close(gradient.scalars.map(Double.init), (actions - means.value).scalars.map { Double($0) / variance },
                         "gradient of Σ log π with respect to the means",
                         hint: "build it from Tensor operations so that gradients flow into the means")
        try requireRejection(expect, "(σ = 0)") { _ = try logLikelihood([[0]], [[0]], 0) }
        try requireRejection(expect, "(σ = −1)") { _ = try logLikelihood([[0]], [[0]], -1) }
        try requireRejection(expect, "(actions 1×2, means 1×1)") { _ = try logLikelihood([[0, 0]], [[0]], 1) }
    },
    ExerciseCheck(id: "1.3", lesson: 1, name: "minibatchIndices", points: 2) { set in
        let formulas = set.behaviorCloning
        let expect = Expect("1.3", "minibatchIndices")
        var rng = RandomSource(seed: 7)
        let batches = try formulas.minibatchIndices(count: 10, batchSize: 3, rng: &rng)
        try expect.that(batches.map(\.count) == [3, 3, 3, 1],
                        "(count: 10, batchSize: 3) must give batches of sizes [3, 3, 3, 1], got \(batches.map(\.count)); "
                        + "the last batch holds what is left and may be smaller")
        try expect.that(batches.flatMap { $0 }.sorted() == Array(0..<10),
                        "(count: 10, batchSize: 3) must use every index 0..<10 exactly once, got \(batches)")
        try expect.that(try formulas.minibatchIndices(count: 0, batchSize: 4, rng: &rng).isEmpty,
                        "(count: 0, batchSize: 4) must give no batches")
        let whole = try formulas.minibatchIndices(count: 5, batchSize: 64, rng: &rng)
        try expect.that(whole.count == 1 && whole[0].sorted() == Array(0..<5),
                        "(count: 5, batchSize: 64) must give one batch holding 0..<5, got \(whole)")
        let big = try formulas.minibatchIndices(count: 100, batchSize: 100, rng: &rng)
        try expect.that(big.count == 1 && big[0] != Array(0..<100),
                        "(count: 100, batchSize: 100) must be shuffled, got the indices in order")
        var first = RandomSource(seed: 3), second = RandomSource(seed: 3)
        let a = try formulas.minibatchIndices(count: 50, batchSize: 8, rng: &first)
        let b = try formulas.minibatchIndices(count: 50, batchSize: 8, rng: &second)
        try expect.that(a == b, "two calls with generators of the same seed must give the same batches (draw only from rng)")
        let c = try formulas.minibatchIndices(count: 50, batchSize: 8, rng: &first)
        try expect.that(a != c, "two successive calls with one generator must give different orders (advance rng)")
        try requireRejection(expect, "(count: −1, batchSize: 2)") { _ = try formulas.minibatchIndices(count: -1, batchSize: 2, rng: &rng) }
        try requireRejection(expect, "(count: 4, batchSize: 0)") { _ = try formulas.minibatchIndices(count: 4, batchSize: 0, rng: &rng) }
    },
    ExerciseCheck(id: "1.4", lesson: 1, name: "discountedReturn", points: 2) { set in
        let formulas = set.behaviorCloning
        let expect = Expect("1.4", "discountedReturn")
        try expect.close(try formulas.discountedReturn(rewards: [1, 1, 1], discount: 0.5), 1.75, "(rewards [1, 1, 1], γ 0.5)",
                         mistakes: [KnownMistake(0.875, "γ⁰ = 1: the first reward counts fully (G = r₀ + γ r₁ + …)"),
                                    KnownMistake(1.5, "every reward counts, the last one too"),
                                    KnownMistake(3, "the discount: G = Σₜ γᵗ rₜ")])
        try expect.close(try formulas.discountedReturn(rewards: [1, 2, 3], discount: 1), 6, "(rewards [1, 2, 3], γ 1)")
        try expect.close(try formulas.discountedReturn(rewards: [4, 2, 3], discount: 0), 4, "(rewards [4, 2, 3], γ 0)",
                         mistakes: [KnownMistake(3, "the rewards are discounted in the wrong order: γᵗ multiplies rₜ counted from the "
                                                 + "first reward, so r₀ counts fully, not the last one (reversed)")],
                         hint: "γ⁰ = 1: the first reward counts fully")
        try expect.close(try formulas.discountedReturn(rewards: [], discount: 0.9), 0, "(no rewards, γ 0.9)")
        try expect.close(try formulas.discountedReturn(rewards: [0, 0, 10], discount: 0.9), 8.1, "(rewards [0, 0, 10], γ 0.9)")
        let long = Array(repeating: 1.0, count: 1000)
        try expect.close(try formulas.discountedReturn(rewards: long, discount: 0.99), (1 - Foundation.pow(0.99, 1000)) / 0.01,
                         tolerance: 1e-9, "(1000 rewards of 1, γ 0.99)")
        try requireRejection(expect, "(γ 1.5)") { _ = try formulas.discountedReturn(rewards: [1], discount: 1.5) }
        try requireRejection(expect, "(γ −0.1)") { _ = try formulas.discountedReturn(rewards: [1], discount: -0.1) }
    },
]

/// Fails unless `body` throws an error of the implementation's own (an unwritten stub's
/// `NotImplemented` passes through, so the check reports it as such).
func requireRejection(_ expect: Expect, _ call: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as NotImplemented {
        throw error
    } catch {
        return
    }
    throw CheckFailure("exercise \(expect.exercise) \(call): expected an error for this bad input, got a result")
}

/// Behaviour check of exercise 1.1: behavior cloning trained with the student's loss (and the
/// grader's own minibatches, so that exercise 1.3 is not needed) on ten short demonstrations of
/// the lane-keeping expert must keep the car on the track for a whole lap.
func lesson01BehaviourCheck(_ set: ExerciseSet, _ expect: Expect) throws {
    let car = LaneKeepingCar()
    let expert = LaneKeepingExpert(for: car, knobs: ExpertKnobs(noise: 0.05))
    let demonstrations = try Rollout.run(car, expert: expert, episodes: 10, seed: 41, maxSteps: 60)
    let dataset = try ImitationDataset(trajectories: demonstrations)
    let formulas = GradingBehaviorCloningFormulas(loss: set.behaviorCloning)
    let trainer = BehaviorCloning(configuration: BehaviorCloningConfiguration(gradientSteps: 1_000), formulas: formulas)
    var rng = RandomSource(seed: 5)
    let policy = try trainer.train(on: dataset, actionLow: car.actionSpace.low, actionHigh: car.actionSpace.high, rng: &rng).policy
    let episodes = try policy.evaluate(in: car, episodes: 5, seed: 900)
    let meanReturn = episodes.map(\.totalReward).reduce(0, +) / Double(episodes.count)
    try expect.that(meanReturn >= 250, "behavior cloning trained with your loss on 10 lane-keeping demonstrations reached a "
                    + "mean return of \(String(format: "%.1f", meanReturn)) over 5 laps; the expert gets about 299, want ≥ 250")
}

/// Lesson 1's formulas for the grader's behaviour checks: the loss is the one under test, the
/// minibatches are drawn with replacement by the grader, and the other formulas are not used.
struct GradingBehaviorCloningFormulas: BehaviorCloningExercises {
    /// Whose `behaviorCloningLoss` to use; `nil` for the library's `mseLoss` (equal for 1-D actions).
    let loss: (any BehaviorCloningExercises)?

    func behaviorCloningLoss(predictedActions: Tensor, expertActions: Tensor) throws -> Tensor {
        guard let loss else { return mseLoss(predictedActions, expertActions) * Float(predictedActions.cols) }
        return try loss.behaviorCloningLoss(predictedActions: predictedActions, expertActions: expertActions)
    }

    func gaussianLogLikelihood(actions: Tensor, means: Tensor, standardDeviation: Float) throws -> Tensor {
        throw CheckFailure("the grader's behaviour check does not use gaussianLogLikelihood")
    }

    func minibatchIndices(count: Int, batchSize: Int, rng: inout RandomSource) throws -> [[Int]] {
        let batches = max(1, count / max(batchSize, 1))
        return (0..<batches).map { _ in (0..<batchSize).map { _ in rng.index(below: count) } }
    }

    func discountedReturn(rewards: [Double], discount: Double) throws -> Double {
        throw CheckFailure("the grader's behaviour check does not use discountedReturn")
    }
}
