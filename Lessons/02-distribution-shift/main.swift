// Lesson 2: distribution shift. Why a clone that fits its data fails when it acts, how fast its
// mistakes compound with the horizon, how DAgger fixes that, and what squared error does to
// demonstrations that disagree.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Implementations
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 2, slug: "distribution-shift", title: "Distribution shift and compounding error")

lesson.markdown(#"""
# Distribution shift and compounding error

Lesson 1 ended with a puzzle: a behavior-cloning policy can fit its demonstrations almost exactly
and still drive off the road. The reason is that acting changes the data. Write $P_\pi(s_t)$ for the
distribution of the state at time $t$ when policy $\pi$ is in control. The demonstrations are
samples of the *expert's* distribution, and behavior cloning minimises its error there:

$$
\min_\theta\ \mathbb{E}_{s \sim P_{\pi^*}}\, \ell\big(\pi_\theta(s), \pi^*(s)\big).
$$

But once the clone drives, the states come from *its own* distribution, and in general

$$
P_{\pi^*}(s_t) \neq P_{\pi_\theta}(s_t).
$$

A small error moves the car slightly off the expert's line, into a state that the expert never
visited and that is therefore not in the data. There the clone's action is whatever the network
happens to extrapolate, which may be a larger error, which leads to a state even further from the
data. Supervised learning assumes that training and test inputs come from the same distribution;
imitation by behavior cloning breaks that assumption by construction.
"""#)

lesson.markdown(#"""
## How fast do mistakes compound?

Ross and Bagnell (2010) turned the story into a bound. Let the task last $T$ steps with a cost in
$[0, 1]$ per step, and suppose the clone disagrees with the expert with probability at most
$\varepsilon$ on states drawn from the expert's distribution (the error supervised learning
controls). As long as the clone has not yet made a mistake it is exactly where the expert would be,
so its chance of a first mistake at step $t$ is at most $\varepsilon$. After a mistake, all bets are
off: in the worst case it pays the maximal cost for every remaining step. Adding up,

$$
J(\pi_\theta) \;\le\; J(\pi^*) + \sum_{t=1}^{T} \varepsilon\,(T - t + 1) \;=\; J(\pi^*) + \varepsilon\,\frac{T(T+1)}{2}
\;=\; J(\pi^*) + O(\varepsilon T^2),
$$

and they show examples where behavior cloning really is that bad. The extra cost grows with the
*square* of the horizon: double the length of the task and the damage quadruples. A learner
trained on its *own* state distribution would pay only $O(\varepsilon T)$: a mistake is as likely
at every step, but it costs only that step, because the learner knows how to recover.

## DAgger: let the learner drive, let the expert label

DAgger ("dataset aggregation", Ross, Gordon and Bagnell 2011) collects exactly that data. It
needs an expert who can be *asked* what it would do in any state:

1. Train $\hat\pi_1$ by behavior cloning on the demonstrations $\mathcal{D}$.
2. For $i = 1, 2, \ldots, N$:
   - drive with the mixture $\pi_i = \beta_i\, \pi^* + (1 - \beta_i)\, \hat\pi_i$: at each step the
     expert's action with probability $\beta_i$, the learner's otherwise;
   - ask the expert to label every visited state: $\mathcal{D}_i = \{(s, \pi^*(s))\}$;
   - aggregate, $\mathcal{D} \leftarrow \mathcal{D} \cup \mathcal{D}_i$, and retrain $\hat\pi_{i+1}$ on all of $\mathcal{D}$.

The mixing weight decays, $\beta_i = p^{\,i}$: early rounds lean on the expert (the first learner may
crash immediately), later rounds let the learner make its own mistakes, which are exactly the
states it needs labels for. Because the training distribution converges to the learner's own,
the error that matters, $\varepsilon_N$, is measured where the learner actually goes. Ross, Gordon and
Bagnell bound the cost by $J(\hat\pi) \le J(\pi^*) + u\,T\,\varepsilon_N + O(1)$, where $u$ bounds how
much one wrong action can cost before the expert's behaviour recovers: linear in the horizon.

The price: the expert must be available during training, and must be able to label states it would
never have reached itself.
"""#)

lesson.listing("One DAgger round: drive with the mixture, ask the expert, aggregate, retrain (exercises 2.1 and 2.2)",
               file: "Sources/Algorithms/DAgger/DAgger.swift", region: "dagger-round")

// Shared between cells.
var seeds: [CompoundingSeed] = []
var summary: CompoundingSummary?
var distances: (bc: Double, dagger: Double)?
var expertLapReturn = Double.nan
var offsets: (expert: [Double], bc: [Double], dagger: [Double])?
let histogramRange = -3.0...3.0, histogramBins = 30, visitationHorizon = 300

lesson.code("Behavior cloning and DAgger on the lane-keeping car") { context in
    let set = exerciseSet(for: context.implementation).set
    let settings = CompoundingSettings(
        seeds: context.choose(full: 8, quick: 6), demonstrations: 1, demonstrationSteps: 60, demonstrationNoise: 0.01,
        horizons: [25, 50, 100, 200, 400, 800], evaluationEpisodes: context.choose(full: 20, quick: 12),
        dagger: DAggerConfiguration(iterations: context.choose(full: 8, quick: 5), rolloutsPerIteration: 2,
                                    rolloutSteps: 200, betaDecay: 0.5, warmStart: true, stepsPerIteration: 1_000,
                                    behaviorCloning: BehaviorCloningConfiguration(gradientSteps: 2_000)),
        iterationEvaluationEpisodes: context.choose(full: 8, quick: 5))
    context.print("Each seed: one demonstration of \(settings.demonstrationSteps) steps (30 m, about a quarter of a lap) "
                  + "by the expert with a little action noise (σ = \(settings.demonstrationNoise)); behavior cloning on it; "
                  + "DAgger with \(settings.dagger.iterations) rounds of \(settings.dagger.rolloutsPerIteration) rollouts "
                  + "of \(settings.dagger.rolloutSteps ?? 0) steps, β_i = \(settings.dagger.betaDecay)^i.")
    let bar = context.progress(total: settings.seeds, label: "seeds")
    seeds = []
    for k in 0..<settings.seeds {
        seeds.append(try runCompoundingSeed(k, settings: settings, set: set, baseSeed: context.seed, evaluationSeed: 70_000))
        bar.advance(status: String(format: "seed %d: DAgger return %.0f", k + 1, seeds[k].daggerReturns.last ?? .nan))
    }
    bar.finish()
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
    context.record("horizon.T", result.horizons)
    context.record("horizon.expert", result.expertDeviation)
    context.record("horizon.bc", result.bcDeviation)
    context.record("horizon.dagger", result.daggerDeviation)
    context.record("horizon.slope.expert", result.expertSlope)
    context.record("horizon.slope.bc", result.bcSlope)
    context.record("horizon.slope.dagger", result.daggerSlope)
    context.record("offRoad.bc", result.bcOffRoad)
    context.record("offRoad.dagger", result.daggerOffRoad)
    context.record("dagger.returns", seeds.map(\.daggerReturns))
    context.record("dagger.expertReturn", expertLapReturn)
    context.record("dagger.datasetSize", seeds[0].daggerIterations.map(\.datasetSize))
    context.record("dagger.expertActionFraction", seeds[0].daggerIterations.map(\.expertActionFraction))
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
    context.record("visitation.tv.bc", bcDistance)
    context.record("visitation.tv.dagger", daggerDistance)
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

lesson.markdown(#"""
## When the demonstrations disagree

Demonstrations can also be *multimodal*: two experts, both perfectly good, do different things in
the same state. Picture an obstacle in the middle of the lane. One expert passes it on the left,
the other on the right. Both are fine. Their average is not: with a Gaussian policy of fixed
variance, behavior cloning fits the conditional mean $\mathbb{E}[a \mid s]$, and the mean of
"steer left" and "steer right" is "go straight", into the obstacle.

The fix is a policy that can represent more than one good action: a *mixture of Gaussians*
(a mixture density network). For one-dimensional actions the network outputs, for each of $K$
components, a logit, a mean and a log standard deviation, and is trained by maximum likelihood,

$$
-\log \pi_\theta(a \mid s) = -\log \sum_{k=1}^{K} w_k(s)\, \mathcal{N}\big(a;\ \mu_k(s), \sigma_k(s)^2\big),
\qquad w_k(s) = \frac{e^{z_k(s)}}{\sum_j e^{z_j(s)}},
$$

computed stably as a `logSumExp` over $k$ of $\log w_k + \log \mathcal{N}_k$. One component can then
sit on "left" and another on "right". To act, the policy takes the mean of its heaviest component:
it *chooses* a side instead of averaging them.

In the experiment, every episode starts at the same place on the centre line with the obstacle
10 m ahead, so that both experts face exactly the same decision; ten demonstrations pass on each side.
"""#)

var obstacleSeeds: [ObstacleSeed] = []
let scene = ObstacleScene()

lesson.code("Squared error against a mixture on the obstacle") { context in
    let set = exerciseSet(for: context.implementation).set
    let count = context.choose(full: 5, quick: 3)
    let episodes = context.choose(full: 20, quick: 12)
    let bar = context.progress(total: count, label: "seeds")
    obstacleSeeds = []
    var table = Table("Collisions with the obstacle (\(episodes) episodes per seed)",
                      columns: ["seed", .init("squared error: collisions", format: .percent(0)),
                                .init("mixture: collisions", format: .percent(0)),
                                .init("mixture: passed on the left", format: .percent(0))])
    for k in 0..<count {
        let seed = try runObstacleSeed(k, scene: scene, demonstrationsPerSide: 10, evaluationEpisodes: episodes,
                                       squaredErrorSteps: 2_000, mixtureSteps: 3_000, set: set, baseSeed: context.seed)
        obstacleSeeds.append(seed)
        // The side a passing car chose: the sign of its offset when it is level with the obstacle.
        let lefts = seed.mixture.filter { t in
            let level = t.states.min { abs(scene.car.track.signedDistance(from: $0.arcLength, to: $0.obstacleArcLength ?? 0))
                < abs(scene.car.track.signedDistance(from: $1.arcLength, to: $1.obstacleArcLength ?? 0)) }
            return (level?.offset ?? 0) > 0
        }.count
        try table.addRow(k, ObstacleSeed.collisionRate(seed.squaredError), ObstacleSeed.collisionRate(seed.mixture),
                         Double(lefts) / Double(episodes))
        bar.advance()
    }
    bar.finish()
    context.show(table)
    let squared = obstacleSeeds.map { ObstacleSeed.collisionRate($0.squaredError) }
    let mixture = obstacleSeeds.map { ObstacleSeed.collisionRate($0.mixture) }
    context.record("obstacle.collisions.squaredError", squared)
    context.record("obstacle.collisions.mixture", mixture)
    context.record("obstacle.demonstrationCollisions",
                   obstacleSeeds.map { ObstacleSeed.collisionRate($0.leftDemonstrations + $0.rightDemonstrations) })
}

lesson.figure("obstacle", caption: "Two experts pass the obstacle, one on the left and one on the right (green). "
              + "The squared-error clone (purple) averages them and drives into it; the mixture policy (blue) picks a "
              + "side and goes around.") { _ in
    guard let first = obstacleSeeds.first else { throw CellSkipped("needs the obstacle experiment") }
    return obstacleFigure(first, scene: scene, shown: 6)
}

lesson.markdown(#"""
## Take-aways

- Behavior cloning is trained on the expert's state distribution and tested on its own. The
  difference, $P_{\pi^*}(s_t) \neq P_{\pi_\theta}(s_t)$, is the whole problem: the visited-state
  histograms above drift apart.
- Errors compound: a learner that leaves the expert's states has no data to come back with. Ross and
  Bagnell bound the extra cost by $O(\varepsilon T^2)$; on the car, behavior cloning's cumulative
  deviation grows faster than linearly in the horizon.
- DAgger trains on the learner's own states, labelled by an interactive expert, and brings the cost
  back to $O(\varepsilon T)$: its deviation and its state distribution match the expert's. It needs
  an expert on call, which lesson 4 (GAIL) will do without, at the price of many environment steps.
- When demonstrations disagree, squared error averages incompatible choices. A multimodal policy
  (here a mixture of Gaussians trained by maximum likelihood) keeps them apart.

## Exercises

Write these in `Exercises/02-distribution-shift/`, run this lesson with
`--implementation exercises`, and grade with `swift run -c release grade --lesson 2`.

1. **2.1 `daggerAggregate`** (`DaggerAggregate.swift`): one round of aggregation, the expert
   labelling the learner's visited states; DAgger above calls it every round.
2. **2.2 `mixturePolicyAction`** (`MixturePolicyAction.swift`): who acts at a step of round $i$, with
   $\beta_i = p^{\,i}$.
3. **2.3 `mixtureNegativeLogLikelihood`** (`MixtureNegativeLogLikelihood.swift`): the loss of the
   mixture policy, stable for huge logits and far-away actions.
4. **2.4 `totalVariationDistance`** (`TotalVariationDistance.swift`): the distance between the
   visitation histograms.
"""#)

lesson.claims()

lesson.run()
