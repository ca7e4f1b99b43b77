import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// The graded checks of lesson 2 (distribution shift and DAgger), visible to students.
let lesson02Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "2.1", lesson: 2, name: "daggerAggregate", points: 3) { set in
        let formulas = set.distributionShift
        let expect = Expect("2.1", "daggerAggregate")
        let dataset = try ImitationDataset(observations: [[1, 0], [0, 1]], actions: [[0.5], [-0.5]])
        let expert: ([Float]) -> [Float] = { o in [o[0] - 2 * o[1]] }
        let visited: [[Float]] = [[3, 1], [0, 0], [-1, 2]]
        let grown = try formulas.daggerAggregate(dataset: dataset, visitedObservations: visited, expert: expert)
        try expect.that(grown.count == 5, "(2 pairs + 3 visited observations) must give 5 pairs, got \(grown.count)"
                        + (grown.count == 3 ? ": keep the old pairs (D ← D ∪ Dᵢ appends)" : "")
                        + (grown.count == 4 ? ": label every visited observation, the last one too" : ""))
        try expect.close(grown.observations.scalars.map(Double.init), [1, 0, 0, 1, 3, 1, 0, 0, -1, 2],
                         "observations after aggregating", hint: "keep the old pairs first, then the visited observations in order")
        let actions = grown.actions.scalars.map(Double.init)
        let oldKept = actions.count == 5 && actions[0] == 0.5 && actions[1] == -0.5
        try expect.close(actions, [0.5, -0.5, 1, 0, -5], "actions after aggregating",
                         hint: oldKept ? "the new labels are the expert's actions in the visited observations"
                            : "keep the old pairs as they are (their labels too): only the visited observations get the expert's labels")
        let unchanged = try formulas.daggerAggregate(dataset: dataset, visitedObservations: [], expert: expert)
        try expect.that(unchanged == dataset, "(no visited observations) must return the dataset unchanged, got \(unchanged)")
        let fromEmpty = try formulas.daggerAggregate(dataset: ImitationDataset(observationSize: 2, actionSize: 1),
                                                     visitedObservations: [[2, 2]], expert: expert)
        try expect.that(fromEmpty.count == 1 && fromEmpty.actions.scalars == [-2],
                        "(an empty dataset, one visited observation [2, 2]) must give the single pair ([2, 2], [-2]), got \(fromEmpty)")
        try requireRejection(expect, "(a visited observation of 3 numbers for a dataset of 2)") {
            _ = try formulas.daggerAggregate(dataset: dataset, visitedObservations: [[1, 2, 3]], expert: expert)
        }
        try requireRejection(expect, "(an expert that answers with 2 numbers for a dataset of 1)") {
            _ = try formulas.daggerAggregate(dataset: dataset, visitedObservations: [[1, 2]], expert: { _ in [0, 0] })
        }
        // Behaviour: DAgger with this aggregation keeps the car in its lane where BC drifts.
        try lesson02DAggerBehaviourCheck(set, expect)
    },
    ExerciseCheck(id: "2.2", lesson: 2, name: "mixturePolicyAction", points: 2) { set in
        let formulas = set.distributionShift
        let expect = Expect("2.2", "mixturePolicyAction")
        let expertAction: [Float] = [1, 2], learnerAction: [Float] = [-1, 0]
        var rng = RandomSource(seed: 17)
        func expertFraction(iteration: Int, decay: Double, draws: Int) throws -> Double {
            var count = 0
            for _ in 0..<draws {
                let action = try formulas.mixturePolicyAction(expertAction: expertAction, learnerAction: learnerAction,
                                                              iteration: iteration, decay: decay, rng: &rng)
                guard action == expertAction || action == learnerAction else {
                    throw CheckFailure("exercise 2.2 mixturePolicyAction: returned \(action), which is neither the expert's "
                                       + "\(expertAction) nor the learner's \(learnerAction)")
                }
                if action == expertAction { count += 1 }
            }
            return Double(count) / Double(draws)
        }
        for (iteration, decay, wanted) in [(0, 0.5, 1.0), (0, 0.0, 1.0), (3, 0.0, 0.0), (5, 1.0, 1.0)] {
            let fraction = try expertFraction(iteration: iteration, decay: decay, draws: 200)
            try expect.that(fraction == wanted, "(iteration \(iteration), decay \(decay)) must pick the expert with probability "
                            + "\(wanted) (βᵢ = decayⁱ, p⁰ = 1), picked it in \(fraction * 100)% of 200 calls")
        }
        for (iteration, decay) in [(1, 0.5), (3, 0.5), (2, 0.9)] {
            let beta = Foundation.pow(decay, Double(iteration))
            let fraction = try expertFraction(iteration: iteration, decay: decay, draws: 4000)
            try expect.close(fraction, beta, tolerance: 4 * (beta * (1 - beta) / 4000).squareRoot() + 1e-3,
                             "(iteration \(iteration), decay \(decay)): fraction of 4000 calls that picked the expert",
                             hint: fraction == 0 || fraction == 1
                                ? "every call made the same choice: draw the choice from rng once per call, so that it advances (βᵢ = decayⁱ)"
                                : "βᵢ = decayⁱ")
        }
        var first = RandomSource(seed: 8), second = RandomSource(seed: 8)
        var a: [[Float]] = [], b: [[Float]] = []
        for _ in 0..<64 {
            a.append(try formulas.mixturePolicyAction(expertAction: expertAction, learnerAction: learnerAction,
                                                      iteration: 1, decay: 0.5, rng: &first))
            b.append(try formulas.mixturePolicyAction(expertAction: expertAction, learnerAction: learnerAction,
                                                      iteration: 1, decay: 0.5, rng: &second))
        }
        try expect.that(a == b, "two generators of the same seed must give the same choices (draw only from rng)")
        try requireRejection(expect, "(decay 1.5)") {
            _ = try formulas.mixturePolicyAction(expertAction: expertAction, learnerAction: learnerAction, iteration: 1, decay: 1.5, rng: &rng)
        }
        try requireRejection(expect, "(decay −0.1)") {
            _ = try formulas.mixturePolicyAction(expertAction: expertAction, learnerAction: learnerAction, iteration: 1, decay: -0.1, rng: &rng)
        }
        try requireRejection(expect, "(iteration −1)") {
            _ = try formulas.mixturePolicyAction(expertAction: expertAction, learnerAction: learnerAction, iteration: -1, decay: 0.5, rng: &rng)
        }
    },
    ExerciseCheck(id: "2.3", lesson: 2, name: "mixtureNegativeLogLikelihood", points: 3) { set in
        let formulas = set.distributionShift
        let expect = Expect("2.3", "mixtureNegativeLogLikelihood")
        func nll(_ logits: [[Float]], _ means: [[Float]], _ logStds: [[Float]], _ actions: [Float]) throws -> Tensor {
            try formulas.mixtureNegativeLogLikelihood(logits: Tensor(Matrix(logits)), means: Tensor(Matrix(means)),
                                                      logStandardDeviations: Tensor(Matrix(logStds)),
                                                      actions: Tensor(Matrix(columnVector: actions)))
        }
        let halfLogTwoPi = 0.5 * Foundation.log(2 * Double.pi)
        let one = try nll([[0]], [[0]], [[0]], [0.5])
        try expect.that(one.rows == 1 && one.cols == 1, "the result must be a 1×1 tensor, got \(one.value.shapeDescription)")
        try expect.close(Double(one.scalar), 0.125 + halfLogTwoPi, "(one component N(0, 1), action 0.5)",
                         mistakes: [KnownMistake(0.25 + halfLogTwoPi, "log N(a; μ, σ²) = −(a − μ)²/(2σ²) − log σ − ½ log 2π: the ½ (2σ²) is missing")])
        try expect.close(Double(try nll([[0, 0]], [[-1, 1]], [[0, 0]], [0]).scalar), 0.5 + halfLogTwoPi,
                         "(two equal components at ±1 with σ 1, action 0)", hint: "the weights are softmax(logits), summing to 1")
        // Weights ¼ and ¾ (logits 0 and log 3), σ₂ = e^{-0.5}.
        let weighted = try nll([[0, Float(Foundation.log(3.0))]], [[0, 2]], [[0, -0.5]], [1])
        let d1 = 0.25 * Foundation.exp(-0.5 - halfLogTwoPi)
        let d2 = 0.75 * Foundation.exp(-0.5 * Foundation.exp(1.0) + 0.5 - halfLogTwoPi)
        try expect.close(Double(weighted.scalar), -Foundation.log(d1 + d2),
                         "(logits [0, log 3], means [0, 2], log σ [0, −0.5], action 1)",
                         mistakes: [KnownMistake(-(0.25 * Foundation.log(d1 / 0.25) + 0.75 * Foundation.log(d2 / 0.75)),
                                                 "−log Σₖ wₖ N(a; μₖ, σₖ²) is a log of the sum (logSumExp over k), not Σₖ wₖ log N")])
        // A batch is averaged.
        try expect.close(Double(try nll([[0], [0]], [[0], [0]], [[0], [0]], [0, 2]).scalar), 1.0 + halfLogTwoPi,
                         "(a batch of actions [0, 2] under N(0, 1))",
                         mistakes: [KnownMistake(2 + 2 * halfLogTwoPi, "average over the batch (the mean), do not sum")],
                         hint: "average over the batch")
        // Stability: huge logits, and an action far from every component.
        let huge = Double(try nll([[10_000, 0]], [[0, 5]], [[0, 0]], [0.5]).scalar)
        try expect.close(huge, 0.125 + halfLogTwoPi, "(logits [10000, 0]: all weight on N(0, 1), action 0.5)",
                         hint: "use logSoftmax/logSumExp instead of exp then normalise")
        let far = Double(try nll([[0, 0]], [[0, 1]], [[-2.3, -2.3]], [100]).scalar)
        let sigma = Foundation.exp(-2.3)
        let z1 = -0.5 * (100 / sigma) * (100 / sigma), z2 = -0.5 * (99 / sigma) * (99 / sigma)
        let farWanted = -(Foundation.log(0.5) + max(z1, z2) + Foundation.log(1 + Foundation.exp(min(z1, z2) - max(z1, z2)))
                          - Foundation.log(sigma) - halfLogTwoPi)
        try expect.that(far.isFinite, "(an action 100 away from components of σ 0.1) gave \(far); combine the log-densities with logSumExp")
        try expect.close(far, farWanted, tolerance: 1e-4, "(an action 100 away from components of σ 0.1)")
        // Gradients reach the logits, the means and the log-standard deviations.
        let logits = Tensor(Matrix([[0.3, -0.2]])), means = Tensor(Matrix([[-1, 1.5]])), logStds = Tensor(Matrix([[0.1, -0.4]]))
        let a: Float = 0.4
        let loss = try formulas.mixtureNegativeLogLikelihood(logits: logits, means: means, logStandardDeviations: logStds,
                                                             actions: Tensor(Matrix([[a]])))
        let grads = loss.gradients(for: [logits, means, logStds])
        let wanted = mixtureGradients(logits: logits.value.row(0), means: means.value.row(0), logStds: logStds.value.row(0), action: a)
        try expect.close(grads[0].scalars.map(Double.init), wanted.logits, tolerance: 1e-3, "gradient with respect to the logits",
                         hint: "build it from Tensor operations (−∂/∂logitₖ = responsibilityₖ − weightₖ)")
        try expect.close(grads[1].scalars.map(Double.init), wanted.means, tolerance: 1e-3, "gradient with respect to the means")
        try expect.close(grads[2].scalars.map(Double.init), wanted.logStds, tolerance: 1e-3, "gradient with respect to log σ")
        try requireRejection(expect, "(logits 1×2, means 1×3)") { _ = try nll([[0, 0]], [[0, 0, 0]], [[0, 0]], [0]) }
        try requireRejection(expect, "(actions 1×2)") {
            _ = try formulas.mixtureNegativeLogLikelihood(logits: Tensor(Matrix([[0]])), means: Tensor(Matrix([[0]])),
                                                          logStandardDeviations: Tensor(Matrix([[0]])), actions: Tensor(Matrix([[0, 1]])))
        }
        try requireRejection(expect, "(an empty batch)") {
            _ = try formulas.mixtureNegativeLogLikelihood(logits: Tensor(Matrix.zeros(0, 2)), means: Tensor(Matrix.zeros(0, 2)),
                                                          logStandardDeviations: Tensor(Matrix.zeros(0, 2)), actions: Tensor(Matrix.zeros(0, 1)))
        }
        // Behaviour: fitting a two-component mixture to actions −1 and +1 finds both modes.
        try lesson02MixtureFitCheck(formulas, expect)
    },
    ExerciseCheck(id: "2.4", lesson: 2, name: "totalVariationDistance", points: 2) { set in
        let formulas = set.distributionShift
        let expect = Expect("2.4", "totalVariationDistance")
        try expect.close(try formulas.totalVariationDistance([1, 2, 3], [1, 2, 3]), 0, "([1, 2, 3], [1, 2, 3])")
        try expect.close(try formulas.totalVariationDistance([1, 0], [0, 1]), 1, "([1, 0], [0, 1])",
                         mistakes: [KnownMistake(2, "TV = ½ Σ |pᵢ − qᵢ|: halve the sum")])
        // Totals 4 and 5: each usual slip gives its own value here.
        try expect.close(try formulas.totalVariationDistance([3, 1, 0], [1, 2, 2]), 0.55, "([3, 1, 0], [1, 2, 2])",
                         mistakes: [KnownMistake(0.625, "normalise each histogram by its own total (p by Σp, q by Σq)"),
                                    KnownMistake(0.2425, "TV sums absolute differences |pᵢ − qᵢ|, not squared ones"),
                                    KnownMistake(2.5, "normalise each histogram first: pᵢ = countᵢ / Σ counts"),
                                    KnownMistake(1.1, "TV = ½ Σ |pᵢ − qᵢ|: halve the sum")])
        try expect.close(try formulas.totalVariationDistance([1, 1], [1, 0]), 0.5, "([1, 1], [1, 0])", hint: "½ Σ |pᵢ − qᵢ|")
        try expect.close(try formulas.totalVariationDistance([2, 2], [10, 0]), 0.5, "([2, 2], [10, 0])",
                         hint: "normalise each histogram of counts to sum to 1 first")
        try expect.close(try formulas.totalVariationDistance([5, 0, 5, 0], [0, 3, 0, 1]), 1, "([5, 0, 5, 0], [0, 3, 0, 1])",
                         mistakes: [KnownMistake(0.75, "sum |pᵢ − qᵢ| over every bin, not the largest difference")])
        try expect.close(try formulas.totalVariationDistance([3, 1, 0, 4], [30, 10, 0, 40]), 0, "([3, 1, 0, 4], [30, 10, 0, 40])")
        try requireRejection(expect, "([1, 2], [1, 2, 3])") { _ = try formulas.totalVariationDistance([1, 2], [1, 2, 3]) }
        try requireRejection(expect, "([1, −1], [1, 1])") { _ = try formulas.totalVariationDistance([1, -1], [1, 1]) }
        try requireRejection(expect, "([0, 0], [1, 1])") { _ = try formulas.totalVariationDistance([0, 0], [1, 1]) }
        try requireRejection(expect, "([NaN, 1], [1, 1])") { _ = try formulas.totalVariationDistance([.nan, 1], [1, 1]) }
    },
]

/// The analytic gradients of −log Σₖ wₖ N(a; μₖ, σₖ²) for one example: with responsibilities
/// rₖ = wₖNₖ / Σⱼ wⱼNⱼ and zₖ = (a − μₖ)/σₖ, ∂/∂logitₖ = wₖ − rₖ, ∂/∂μₖ = −rₖzₖ/σₖ,
/// ∂/∂log σₖ = rₖ(1 − zₖ²).
func mixtureGradients(logits: [Float], means: [Float], logStds: [Float], action: Float)
    -> (logits: [Double], means: [Double], logStds: [Double]) {
    // Element types spelled out: inferred, these lines took seconds to type-check.
    let l: [Double] = logits.map(Double.init), top: Double = l.max() ?? 0
    let w: [Double] = l.map { (x: Double) -> Double in Foundation.exp(x - top) }
    let weightSum: Double = w.reduce(0, +)
    let weights: [Double] = w.map { (x: Double) -> Double in x / weightSum }
    let sigmas: [Double] = logStds.map { (x: Float) -> Double in Foundation.exp(Double(x)) }
    let z: [Double] = zip(means, sigmas).map { (mean: Float, sigma: Double) -> Double in (Double(action) - Double(mean)) / sigma }
    let joint: [Double] = (0..<weights.count).map { (k: Int) -> Double in
        let density: Double = Foundation.exp(-0.5 * z[k] * z[k])
        return weights[k] * density / sigmas[k]
    }
    let jointSum: Double = joint.reduce(0, +)
    let r: [Double] = joint.map { (x: Double) -> Double in x / jointSum }
    let logitGradients: [Double] = (0..<r.count).map { (k: Int) -> Double in weights[k] - r[k] }
    let meanGradients: [Double] = (0..<r.count).map { (k: Int) -> Double in -r[k] * z[k] / sigmas[k] }
    let logStdGradients: [Double] = (0..<r.count).map { (k: Int) -> Double in r[k] * (1 - z[k] * z[k]) }
    return (logitGradients, meanGradients, logStdGradients)
}

/// Fits a two-component mixture (free parameters, no state) to 64 actions, half −1 and half +1
/// with a little noise, by Adam on the student's negative log-likelihood; both modes must be found.
func lesson02MixtureFitCheck(_ formulas: any DistributionShiftExercises, _ expect: Expect) throws {
    var rng = RandomSource(seed: 12)
    let actions = Matrix(columnVector: (0..<64).map { i in (i % 2 == 0 ? -1 : 1) + rng.normal(mean: 0, std: 0.05) })
    let logits = Parameter(Matrix([[0.1, -0.1]]), name: "logits")
    let means = Parameter(Matrix([[-0.2, 0.3]]), name: "means")
    let logStds = Parameter(Matrix([[0, 0]]), name: "logStds")
    let optimizer = Adam(parameters: [logits, means, logStds], learningRate: 0.05)
    let broadcast = Tensor(Matrix.zeros(64, 2))
    for _ in 0..<400 {
        let loss = try formulas.mixtureNegativeLogLikelihood(logits: logits.tensor + broadcast, means: means.tensor + broadcast,
                                                             logStandardDeviations: logStds.tensor + broadcast,
                                                             actions: Tensor(actions))
        optimizer.step(loss.gradients(for: optimizer.parameters))
    }
    let fitted = means.value.scalars.sorted()
    try expect.that(abs(fitted[0] + 1) < 0.1 && abs(fitted[1] - 1) < 0.1,
                    "fitting two components by Adam on your loss to actions at −1 and +1 gave means \(fitted), want about [−1, 1]")
}

/// Behaviour check of exercise 2.1: DAgger that aggregates with the student's function (and the
/// grader's own behavior-cloning formulas and pure-learner rollouts, so that no other exercise is
/// needed) must learn to drive a whole lap from one short demonstration (40 steps), where behavior cloning on
/// that demonstration alone leaves the track.
func lesson02DAggerBehaviourCheck(_ set: ExerciseSet, _ expect: Expect) throws {
    let car = LaneKeepingCar()
    let expert = LaneKeepingExpert(for: car)
    let demonstration = try Rollout.run(car, expert: expert, episodes: 1, seed: 0, maxSteps: 40)
    let dagger = DAgger(configuration: DAggerConfiguration(iterations: 4, rolloutsPerIteration: 2, rolloutSteps: 150,
                                                           betaDecay: 0, stepsPerIteration: 500,
                                                           behaviorCloning: BehaviorCloningConfiguration(gradientSteps: 1_000)),
                        behaviorCloning: GradingBehaviorCloningFormulas(loss: nil),
                        distributionShift: GradingDAggerFormulas(aggregate: set.distributionShift))
    var rng = RandomSource(seed: 9)
    var firstReturn = 0.0
    let result = try dagger.run(demonstrations: try ImitationDataset(trajectories: demonstration), in: car, expert: expert,
                                rng: &rng) { record, policy in
        if record.iteration == 0 {
            firstReturn = try policy.evaluate(in: car, episodes: 5, seed: 900).map(\.totalReward).reduce(0, +) / 5
        }
    }
    try expect.that(result.dataset.count == 40 + result.iterations.dropFirst().map(\.collectedSteps).reduce(0, +),
                    "after 4 DAgger rounds the dataset holds \(result.dataset.count) pairs, want the 40 demonstrated "
                    + "plus every visited state")
    let finalReturn = try result.policy.evaluate(in: car, episodes: 5, seed: 900).map(\.totalReward).reduce(0, +) / 5
    try expect.that(finalReturn >= 250 && finalReturn > firstReturn + 50,
                    "DAgger with your aggregation reached a mean return of \(String(format: "%.1f", finalReturn)) over 5 laps "
                    + "(behavior cloning alone: \(String(format: "%.1f", firstReturn)); expert ≈ 299); want ≥ 250")
}

/// Lesson 2's formulas for the grader's DAgger check: the aggregation under test, the learner
/// always acting after round 0, the rest unused.
struct GradingDAggerFormulas: DistributionShiftExercises {
    /// Whose `daggerAggregate` to use.
    let aggregate: any DistributionShiftExercises

    func daggerAggregate(dataset: ImitationDataset, visitedObservations: [[Float]],
                         expert: ([Float]) throws -> [Float]) throws -> ImitationDataset {
        try aggregate.daggerAggregate(dataset: dataset, visitedObservations: visitedObservations, expert: expert)
    }

    func mixturePolicyAction(expertAction: [Float], learnerAction: [Float], iteration: Int, decay: Double,
                             rng: inout RandomSource) throws -> [Float] {
        iteration == 0 ? expertAction : learnerAction
    }

    func mixtureNegativeLogLikelihood(logits: Tensor, means: Tensor, logStandardDeviations: Tensor,
                                      actions: Tensor) throws -> Tensor {
        throw CheckFailure("the grader's DAgger check does not use mixtureNegativeLogLikelihood")
    }

    func totalVariationDistance(_ p: [Double], _ q: [Double]) throws -> Double {
        throw CheckFailure("the grader's DAgger check does not use totalVariationDistance")
    }
}
