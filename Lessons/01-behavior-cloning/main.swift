// Lesson 1: behavior cloning. Imitation as supervised learning; why the squared error is maximum
// likelihood; and an experiment showing that a policy can fit its demonstrations perfectly and
// still fail, unless it has seen enough of them.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Implementations
import LessonClaims
import LessonKit
import NeuralNetworks
import Numerics
import Plotting

let lesson = Lesson(number: 1, slug: "behavior-cloning", title: "Behavior cloning")

lesson.markdown(Prose.introduction)

lesson.markdown(Prose.supervisedLearning)

// Shared between cells, as in a notebook.
var results = Lesson01Results()
lesson.results { results }
var pendulumResult: SweepResult?
var carResult: SweepResult?
let pendulum = Pendulum()
let pendulumExpert = PendulumExpert()
let car = LaneKeepingCar()
let carExpert = LaneKeepingExpert(for: car)
/// The numbers of Pendulum demonstrations whose seed-0 clones the action figure shows.
let actionFigureCounts: Set<Int> = [2, 25]

lesson.code("Checking the identity numerically") { context in
    let formulas = exerciseSet(for: context.implementation).set.behaviorCloning
    var rng = RandomSource(seed: context.seed)
    // A batch of real pairs (two Pendulum demonstrations) and an untrained policy's predictions.
    let demonstrations = try Rollout.run(pendulum, expert: pendulumExpert, episodes: 2, seed: 77)
    let dataset = try ImitationDataset(trajectories: demonstrations)
    let untrained = try BehaviorCloning(configuration: .init(gradientSteps: 0), formulas: formulas)
        .train(on: dataset, rng: &rng).policy
    let predictions = untrained(Tensor(dataset.observations))
    let bcLoss = Double(try formulas.behaviorCloningLoss(predictedActions: predictions, expertActions: Tensor(dataset.actions)).scalar)
    let bcGradient = try formulas.behaviorCloningLoss(predictedActions: untrained(Tensor(dataset.observations)),
                                                      expertActions: Tensor(dataset.actions)).gradients(for: untrained.parameters)

    var table = Table("−mean log π_θ(a|s) against L_BC/(2σ²) + (d/2)·log(2πσ²) on \(dataset.count) Pendulum pairs",
                      columns: [.init("σ", format: .fixed(2)), .init("negative log-likelihood", format: .fixed(5)),
                                .init("L_BC/(2σ²) + const", format: .fixed(5)), .init("relative gap", format: .scientific(1)),
                                .init("|∇NLL| / |∇L_BC|", format: .fixed(4)), .init("1/(2σ²)", format: .fixed(4))])
    var worstGap = 0.0, worstRatioError = 0.0
    for sigma: Float in [0.1, 0.5, 1, 2] {
        let logLikelihood = try formulas.gaussianLogLikelihood(actions: Tensor(dataset.actions),
                                                               means: untrained(Tensor(dataset.observations)),
                                                               standardDeviation: sigma)
        let nll = -logLikelihood.mean()
        let variance = Double(sigma * sigma)
        let predicted = bcLoss / (2 * variance) + 0.5 * Double(dataset.actionSize) * log(2 * Double.pi * variance)
        let gap = abs(Double(nll.scalar) - predicted) / abs(predicted)
        let nllGradient = nll.gradients(for: untrained.parameters)
        let ratio = Double(globalNorm(nllGradient) / globalNorm(bcGradient))
        worstGap = max(worstGap, gap)
        worstRatioError = max(worstRatioError, abs(ratio * 2 * variance - 1))
        try table.addRow(Double(sigma), Double(nll.scalar), predicted, gap, ratio, 1 / (2 * variance))
    }
    context.show(table)

    // Train twice from the same seed: once on L_BC, once on the negative log-likelihood (σ = 0.5).
    let configuration = BehaviorCloningConfiguration(gradientSteps: context.choose(full: 1_000, quick: 300))
    var first = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, offset: 1)), second = first
    let squared = try BehaviorCloning(configuration: configuration, formulas: formulas).train(on: dataset, rng: &first).policy
    let likelihood = try BehaviorCloning(configuration: configuration,
                                         formulas: GaussianLikelihoodFormulas(base: formulas, standardDeviation: 0.5))
        .train(on: dataset, rng: &second).policy
    let a = squared(Tensor(dataset.observations)).value.scalars, b = likelihood(Tensor(dataset.observations)).value.scalars
    let difference = zip(a, b).map { Double(abs($0 - $1)) }.max() ?? 0
    context.print(String(format: "Largest relative gap between the two sides: %.1e; the gradients point the same way, "
                         + "scaled by 1/(2σ²) (largest deviation of the ratio: %.1e).", worstGap, worstRatioError))
    context.print(String(format: "Two policies trained from the same seed, one on L_BC and one on the Gaussian likelihood "
                         + "(σ = 0.5), differ by at most %.1e N·m on the training states: Adam divides each step by the "
                         + "gradient's own scale, so a constant factor on the loss leaves its path unchanged up to "
                         + "its small ε and rounding.", difference))
    results.identity = .init(maxRelativeGap: worstGap, maxGradientRatioError: worstRatioError,
                             trainedPolicyMaxDifference: difference)
}

lesson.markdown(Prose.experiment)

lesson.listing("Behavior cloning's training loop: one Adam step on L_BC per minibatch (exercises 1.1 and 1.3 by name)",
               file: "Sources/Algorithms/BehaviorCloning/BehaviorCloning.swift", region: "behavior-cloning")

lesson.code("Behavior cloning on Pendulum") { context in
    let formulas = exerciseSet(for: context.implementation).set.behaviorCloning
    let settings = SweepSettings(demonstrationCounts: [1, 2, 5, 10, 25], seeds: context.seedCount(context.choose(full: 6, quick: 3)),
                                 demonstrationSteps: nil, evaluationEpisodes: context.choose(full: 20, quick: 10),
                                 behaviorCloning: .init(gradientSteps: context.choose(full: 3_000, quick: 2_000)))
    // Each seed's runs, trained here or (--merge) read from the shards that trained them (--seeds).
    let perSeed = try context.perSeed("pendulum", count: settings.seeds) { indices in
        let bar = context.progress(total: indices.count * settings.demonstrationCounts.count, label: "Pendulum")
        defer { bar.finish() }
        return try runSweep(env: pendulum, expert: pendulumExpert, settings: settings, formulas: formulas,
                            seed: context.seed, evaluationSeed: 50_000, indices: indices, gridCounts: actionFigureCounts,
                            progress: bar)
    }
    let result = SweepResult(demonstrationCounts: settings.demonstrationCounts,
                             expertReturns: try expertReturns(env: pendulum, expert: pendulumExpert, settings: settings,
                                                              formulas: formulas, evaluationSeed: 50_000),
                             seeds: perSeed)
    pendulumResult = result
    context.show(try table(for: result, title: "Pendulum: return over \(settings.evaluationEpisodes) episodes, "
                           + "\(settings.seeds) seeds"))
    results.pendulum = result.recorded
}

lesson.code("Behavior cloning on the lane-keeping car") { context in
    let formulas = exerciseSet(for: context.implementation).set.behaviorCloning
    let settings = SweepSettings(demonstrationCounts: [1, 2, 5, 10, 25], seeds: context.seedCount(context.choose(full: 6, quick: 3)),
                                 demonstrationSteps: 50, evaluationEpisodes: context.choose(full: 20, quick: 10),
                                 behaviorCloning: .init(gradientSteps: context.choose(full: 3_000, quick: 2_000)))
    let perSeed = try context.perSeed("car", count: settings.seeds) { indices in
        let bar = context.progress(total: indices.count * settings.demonstrationCounts.count, label: "car")
        defer { bar.finish() }
        return try runSweep(env: car, expert: carExpert, settings: settings, formulas: formulas,
                            seed: RandomSource.derivedSeed(base: context.seed, offset: 100), evaluationSeed: 60_000,
                            indices: indices, progress: bar)
    }
    let result = SweepResult(demonstrationCounts: settings.demonstrationCounts,
                             expertReturns: try expertReturns(env: car, expert: carExpert, settings: settings,
                                                              formulas: formulas, evaluationSeed: 60_000),
                             seeds: perSeed)
    carResult = result
    context.show(try table(for: result, title: "Lane-keeping car: return over \(settings.evaluationEpisodes) laps, "
                           + "\(settings.seeds) seeds"))
    results.car = result.recorded
}

lesson.figure("loss", caption: "The training loss L_BC of seed 0 (running mean over 25 steps, log scale). It falls "
              + "by orders of magnitude; with one demonstration it falls furthest, because there is least to fit.") { _ in
    guard let pendulumResult, let carResult else { throw CellSkipped("needs both experiments") }
    var figure = Figure(width: 10, height: 3.8, rows: 1, columns: 2)
    figure.title = "Behavior cloning fits its demonstrations"
    figure[0, 0] = lossPanel(pendulumResult, title: "Pendulum", counts: [1, 5, 25])
    figure[0, 1] = lossPanel(carResult, title: "Lane-keeping car", counts: [1, 5, 25])
    return figure
}

lesson.figure("returns", caption: "Return against the number of demonstrations (mean ± standard deviation over "
              + "seeds); the dashed line is the expert. Few demonstrations give a poor policy, many give the expert's "
              + "return.") { _ in
    guard let pendulumResult, let carResult else { throw CellSkipped("needs both experiments") }
    var figure = Figure(width: 10, height: 3.8, rows: 1, columns: 2)
    figure.title = "More demonstrations, better clones"
    figure[0, 0] = returnPanel(pendulumResult, title: "Pendulum", yLabel: "return (sum of 200 rewards)")
    figure[0, 1] = returnPanel(carResult, title: "Lane-keeping car", yLabel: "return (sum of 300 rewards)")
    return figure
}

lesson.figure("actions", caption: "The torque over the pendulum's state space: the expert (left), and BC trained "
              + "on 2 and on 25 demonstrations; the black dots are the states each clone was trained on. The expert's "
              + "torque jumps (saturation, swing-up versus balancing, choice of swing direction). Where a clone has "
              + "data it agrees with the expert; away from the dots it makes up its own answer.") { _ in
    guard let pendulumResult, let few = pendulumResult.actionGrids[2], let many = pendulumResult.actionGrids[25],
          let fewEnd = pendulumResult.demonstrationEnds[2], let manyEnd = pendulumResult.demonstrationEnds[25] else {
        throw CellSkipped("needs the Pendulum experiment")
    }
    var figure = Figure(width: 14, height: 4.2, rows: 1, columns: 3)
    figure.title = "Expert π* and behavior cloning π_θ: torque a over angle θ × velocity θ̇"
    figure[0, 0] = actionPanel(title: "expert π*", values: torqueGrid { pendulumExpert.action(for: $0)[0] }, demonstrations: nil)
    figure[0, 1] = actionPanel(title: "BC, 2 demonstrations", values: few,
                               demonstrations: Array(pendulumResult.demonstrations.prefix(fewEnd)))
    figure[0, 2] = actionPanel(title: "BC, 25 demonstrations", values: many,
                               demonstrations: Array(pendulumResult.demonstrations.prefix(manyEnd)))
    return figure
}

lesson.code("What the numbers say") { context in
    guard let pendulum = results.pendulum, let car = results.car else { throw CellSkipped("needs both experiments") }
    func summary(_ r: Lesson01Results.DemonstrationSweep, _ name: String) -> String {
        String(format: "- **%@**: the expert's return is %.1f. With %d demonstration%@ BC reaches %.1f although its "
               + "training loss is only %.1e; with %d it reaches %.1f (training loss %.1e).",
               name, r.expertReturn, r.demonstrations.first ?? 0, r.demonstrations.first == 1 ? "" : "s",
               r.returnMean.first ?? .nan, r.finalLoss.first ?? .nan, r.demonstrations.last ?? 0,
               r.returnMean.last ?? .nan, r.finalLoss.last ?? .nan)
    }
    context.markdown(summary(pendulum, "Pendulum") + "\n" + summary(car, "Lane-keeping car"))
}

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
