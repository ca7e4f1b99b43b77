// Lesson 2: distribution shift. Why a clone that fits its data fails when it acts, how fast its
// mistakes compound with the horizon, how DAgger fixes that, and what squared error does to
// demonstrations that disagree.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Implementations
import LessonClaims
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 2, slug: "distribution-shift", title: "Distribution shift and compounding error")

lesson.markdown(Prose.introduction)

lesson.markdown(Prose.compoundingAndDAgger)

lesson.listing("One DAgger round: drive with the mixture, ask the expert, aggregate, retrain (exercises 2.1 and 2.2)",
               file: "Sources/Algorithms/DAgger/DAgger.swift", region: "dagger-round")

// Shared between cells, as in a notebook.
var results = Lesson02Results()
lesson.results { results }
var seeds: [CompoundingSeed] = []
var summary: CompoundingSummary?
var distances: (bc: Double, dagger: Double)?
var expertLapReturn = Double.nan
var offsets: (expert: [Double], bc: [Double], dagger: [Double])?
let histogramRange = -3.0...3.0, histogramBins = 30, visitationHorizon = 300

lesson.code("Behavior cloning and DAgger on the lane-keeping car") { context in
    let set = exerciseSet(for: context.implementation).set
    let settings = CompoundingSettings(
        seeds: context.seedCount(context.choose(full: 8, quick: 6)), demonstrations: 1, demonstrationSteps: 60, demonstrationNoise: 0.01,
        horizons: [25, 50, 100, 200, 400, 800], evaluationEpisodes: context.choose(full: 20, quick: 12),
        dagger: DAggerConfiguration(iterations: context.choose(full: 8, quick: 5), rolloutsPerIteration: 2,
                                    rolloutSteps: 200, betaDecay: 0.5, warmStart: true, stepsPerIteration: 1_000,
                                    behaviorCloning: BehaviorCloningConfiguration(gradientSteps: 2_000)),
        iterationEvaluationEpisodes: context.choose(full: 8, quick: 5))
    context.print("Each seed: one demonstration of \(settings.demonstrationSteps) steps (30 m, about a quarter of a lap) "
                  + "by the expert with a little action noise (σ = \(settings.demonstrationNoise)); behavior cloning on it; "
                  + "DAgger with \(settings.dagger.iterations) rounds of \(settings.dagger.rolloutsPerIteration) rollouts "
                  + "of \(settings.dagger.rolloutSteps ?? 0) steps, β_i = \(settings.dagger.betaDecay)^i.")
    seeds = []
    // Each seed's runs, made here or (--merge) read from the shards that made them (--seeds).
    seeds = try context.perSeed("compounding", count: settings.seeds) { indices in
        let bar = context.progress(total: indices.count, label: "seeds")
        defer { bar.finish() }
        let baseSeed = context.seed
        // The seeds in parallel over the cores, each with its own random source.
        return try parallelMap(indices.count) { j in
            let k = indices[j]
            let seed = try runCompoundingSeed(k, settings: settings, set: set, baseSeed: baseSeed, evaluationSeed: 70_000)
            bar.advance(status: String(format: "seed %d: DAgger return %.0f", k + 1, seed.daggerReturns.last ?? .nan))
            return seed
        }
    }
    let lap = LaneKeepingCar()
    expertLapReturn = try Rollout.run(lap, expert: LaneKeepingExpert(for: lap), episodes: settings.iterationEvaluationEpisodes,
                                      seed: 70_000).map { try set.behaviorCloning.discountedReturn(rewards: $0.rewards, discount: 1) }
        .reduce(0, +) / Double(settings.iterationEvaluationEpisodes)
    let result = CompoundingSummary(seeds, horizons: settings.horizons)
    summary = result

    var table = Table("Cumulative deviation J(T) = Σ_{t≤T} |d_t| in m·steps (mean over \(settings.seeds) seeds × "
                      + "\(settings.evaluationEpisodes) episodes)",
                      columns: ["horizon T", .init("expert", format: .fixed(1)), .init("behavior cloning", format: .fixed(1)),
                                .init("DAgger", format: .fixed(1)), .init("BC / expert", format: .fixed(1))])
    for (i, T) in result.horizons.enumerated() {
        try table.addRow(T, result.expertDeviation[i], result.bcDeviation[i], result.daggerDeviation[i],
                         result.bcDeviation[i] / result.expertDeviation[i])
    }
    context.show(table)
    context.print(String(format: "Log-log slopes of J(T): expert %.2f, behavior cloning %.2f, DAgger %.2f. "
                         + "Left the road within %d steps: BC %.0f%%, DAgger %.0f%%, expert %.0f%% of episodes.",
                         result.expertSlope, result.bcSlope, result.daggerSlope, settings.horizons.max() ?? 0,
                         100 * result.bcOffRoad, 100 * result.daggerOffRoad, 100 * result.expertOffRoad))
    results.compounding = .init(
        horizons: result.horizons,
        expert: .init(cumulative: result.expertDeviation, slope: result.expertSlope, offRoad: result.expertOffRoad),
        behaviorCloning: .init(cumulative: result.bcDeviation, slope: result.bcSlope, offRoad: result.bcOffRoad),
        dagger: .init(cumulative: result.daggerDeviation, slope: result.daggerSlope, offRoad: result.daggerOffRoad),
        rounds: .init(expertReturn: expertLapReturn, returnPerSeed: seeds.map(\.daggerReturns),
                      datasetSize: seeds[0].daggerIterations.map(\.datasetSize),
                      expertActionFraction: seeds[0].daggerIterations.map(\.expertActionFraction)))
}

lesson.figure("horizon", caption: "Cumulative deviation J(T) against the horizon T on log-log axes. A straight line's "
              + "slope is the exponent: the expert and DAgger grow like T (slope 1), behavior cloning faster: its "
              + "early mistakes put it where it has no data, and it leaves the road.") { _ in
    guard let summary else { throw CellSkipped("needs the experiment") }
    return horizonFigure(summary)
}

lesson.figure("trajectories", caption: "One lap from the same start. The demonstration (green) covers a quarter of "
              + "the track; the clone follows the expert there, then drifts and leaves the road. DAgger's learner, "
              + "trained on the states it visited itself, stays with the expert.") { _ in
    guard let first = seeds.first else { throw CellSkipped("needs the experiment") }
    // The evaluation episode on which behavior cloning leaves the road soonest (but not at once).
    let candidates = first.behaviorCloning.indices.filter { first.behaviorCloning[$0].terminated && first.behaviorCloning[$0].count > 20 }
    let index = candidates.min { first.behaviorCloning[$0].count < first.behaviorCloning[$1].count } ?? 0
    return trackFigure(expert: first.expert[index], bc: first.behaviorCloning[index], dagger: first.dagger[index],
                       demonstrations: first.demonstrations, steps: 300)
}

lesson.code("Which states does each policy visit?") { context in
    guard !seeds.isEmpty else { throw CellSkipped("needs the experiment") }
    let formulas = exerciseSet(for: context.implementation).set.distributionShift
    let expert = visitedOffsets(seeds.flatMap(\.expert), horizon: visitationHorizon)
    let bc = visitedOffsets(seeds.flatMap(\.behaviorCloning), horizon: visitationHorizon)
    let dagger = visitedOffsets(seeds.flatMap(\.dagger), horizon: visitationHorizon)
    offsets = (expert, bc, dagger)
    let expertCounts = histogram(expert, bins: histogramBins, range: histogramRange)
    let bcDistance = try formulas.totalVariationDistance(expertCounts, histogram(bc, bins: histogramBins, range: histogramRange))
    let daggerDistance = try formulas.totalVariationDistance(expertCounts,
                                                             histogram(dagger, bins: histogramBins, range: histogramRange))
    distances = (bcDistance, daggerDistance)
    var table = Table("Lateral offsets visited in the first \(visitationHorizon) steps (histograms of \(histogramBins) bins over "
                      + "[−3, 3] m; a car off the road stays where it left)",
                      columns: ["policy", .init("mean |d| (m)", format: .fixed(3)), .init("P(|d| > 1 m)", format: .percent(1)),
                                .init("TV to expert", format: .fixed(3))])
    func meanAbs(_ v: [Double]) -> Double { v.map(abs).reduce(0, +) / Double(max(v.count, 1)) }
    func far(_ v: [Double]) -> Double { Double(v.filter { abs($0) > 1 }.count) / Double(max(v.count, 1)) }
    try table.addRow("expert π*", meanAbs(expert), far(expert), 0.0)
    try table.addRow("behavior cloning", meanAbs(bc), far(bc), bcDistance)
    try table.addRow("DAgger", meanAbs(dagger), far(dagger), daggerDistance)
    context.show(table)
    results.visitation = .init(behaviorCloning: bcDistance, dagger: daggerDistance)
}

lesson.figure("visitation", caption: "Where the car is, across the lane, over the first 300 steps (density, log "
              + "scale; grey: off the road). Behavior cloning's distribution drifts away from the expert's; DAgger's "
              + "stays on top of it.") { _ in
    guard let offsets, let distances else { throw CellSkipped("needs the visitation cell") }
    var figure = Figure(width: 11, height: 4.2, rows: 1, columns: 2)
    figure.title = "State visitation P_π(d): expert against learner"
    figure[0, 0] = visitationPanel(expert: offsets.expert, learner: offsets.bc, learnerLabel: "behavior cloning",
                                   color: bcColor, distance: distances.bc, range: histogramRange, bins: histogramBins)
    figure[0, 1] = visitationPanel(expert: offsets.expert, learner: offsets.dagger, learnerLabel: "DAgger",
                                   color: daggerColor, distance: distances.dagger, range: histogramRange, bins: histogramBins)
    return figure
}

lesson.figure("dagger-rounds", caption: "The learner's return over one lap after each DAgger round (mean ± std over "
              + "seeds). Round 0 is behavior cloning on the demonstration (on some seeds it already drives a whole lap); a "
              + "round or two of the expert's labels on the learner's own states bring every seed to the expert.") { _ in
    guard !seeds.isEmpty else { throw CellSkipped("needs the experiment") }
    return daggerFigure(returns: seeds.map(\.daggerReturns), expert: expertLapReturn)
}

lesson.markdown(Prose.multimodal)

var obstacleSeeds: [ObstacleSeed] = []
let scene = ObstacleScene()

lesson.code("Squared error against a mixture on the obstacle") { context in
    let set = exerciseSet(for: context.implementation).set
    let count = context.seedCount(context.choose(full: 5, quick: 3))
    let episodes = context.choose(full: 20, quick: 12)
    obstacleSeeds = []
    // Each seed's runs, made here or (--merge) read from the shards that made them (--seeds).
    obstacleSeeds = try context.perSeed("obstacle", count: count) { indices in
        let bar = context.progress(total: indices.count, label: "seeds")
        defer { bar.finish() }
        let (baseSeed, runScene) = (context.seed, scene)
        return try parallelMap(indices.count) { j in
            let seed = try runObstacleSeed(indices[j], scene: runScene, demonstrationsPerSide: 10, evaluationEpisodes: episodes,
                                           squaredErrorSteps: 2_000, mixtureSteps: 3_000, set: set, baseSeed: baseSeed)
            bar.advance()
            return seed
        }
    }
    var leftShares: [Double] = []
    var table = Table("Collisions with the obstacle (\(episodes) episodes per seed)",
                      columns: ["seed", .init("squared error: collisions", format: .percent(0)),
                                .init("mixture: collisions", format: .percent(0)),
                                .init("mixture: passed on the left", format: .percent(0))])
    for (k, seed) in obstacleSeeds.enumerated() {
        // The side a passing car chose: the sign of its offset when it is level with the obstacle.
        let lefts = seed.mixture.filter { t in
            let level = t.states.min { abs(scene.car.track.signedDistance(from: $0.arcLength, to: $0.obstacleArcLength ?? 0))
                < abs(scene.car.track.signedDistance(from: $1.arcLength, to: $1.obstacleArcLength ?? 0)) }
            return (level?.offset ?? 0) > 0
        }.count
        leftShares.append(Double(lefts) / Double(episodes))
        try table.addRow(k, ObstacleSeed.collisionRate(seed.squaredError), ObstacleSeed.collisionRate(seed.mixture),
                         leftShares[k])
    }
    context.show(table)
    results.obstacle = .init(
        squaredErrorCollisions: obstacleSeeds.map { ObstacleSeed.collisionRate($0.squaredError) },
        mixtureCollisions: obstacleSeeds.map { ObstacleSeed.collisionRate($0.mixture) }, mixtureLeftShare: leftShares,
        demonstrationCollisions: obstacleSeeds.map { ObstacleSeed.collisionRate($0.leftDemonstrations + $0.rightDemonstrations) })
}

lesson.figure("obstacle", caption: "Two experts pass the obstacle (vermilion), one on the left and one on the right "
              + "(green). The squared-error clone (purple) averages them and drives into it (× marks a collision); the "
              + "mixture policy (blue) picks a side and goes around.") { context in
    guard let first = obstacleSeeds.first else { throw CellSkipped("needs the obstacle experiment") }
    return obstacleFigure(first, scene: scene, shown: 6, small: context.drawsSmallFigures)
}

lesson.code("What the numbers say") { context in
    guard let compounding = results.compounding, let visitation = results.visitation, let obstacle = results.obstacle else {
        throw CellSkipped("needs every experiment above")
    }
    context.markdown(conclusions(compounding: compounding, visitation: visitation, obstacle: obstacle))
}

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
