// Domain randomization, tested where it can be seen at this scale: on policies cloned from pixels
// (the library's `PixelCloningExperiment`), one cloned in the figures' style, one on randomized
// renders, each evaluated in the figures' style, in styles drawn anew from the randomization and in
// the held-out style.
import Algorithms
import Environments
import LessonClaims
import LessonKit
import Numerics
import Plotting

/// The randomization the cloned policy trains with (``PushingStyleSampler/greyTableBlueToRedBlock``).
let cloningRandomization = PushingStyleSampler.greyTableBlueToRedBlock

/// Styles drawn anew from the randomization for the evaluation.
let drawnStyleCount = 8

/// The cloning experiment of the randomization cell: the library's defaults (the lesson's encoder,
/// 40 episodes of the designed expert, 4 renders per state, batch 64) with 2 000 Adam steps, plus one
/// evaluation per drawn style. At 2 000 steps the policy cloned in the figures' style succeeds in
/// 60–75 % of its episodes there (seeds 0–3, `pixel-study --randomization-check 2000 --seeds 0,1,2,3 --sampler bluetored
/// --convolutions 8:3:1,16:3:2 --readout keypoints --size 16 --sampled-styles 8`).
func randomizationExperiment(task: PushingTask, base: UInt64, drawn: [PushingRenderStyle]) -> PixelCloningExperiment {
    var experiment = PixelCloningExperiment(task: task, evaluationSeed: evaluationSeed(base: base),
                                            demonstrationSeed: RandomSource.derivedSeed(base: base, scale: 1_000, offset: 5))
    experiment.gradientSteps = 2_000
    experiment.additionalEvaluationStyles = Dictionary(uniqueKeysWithValues: drawn.enumerated().map { (drawnStyleKey($0), $1) })
    return experiment
}

/// The key of the k-th drawn style in ``PixelCloningRun/success``.
func drawnStyleKey(_ k: Int) -> String { String(format: "drawn %02d", k + 1) }

/// `count` styles drawn from the randomization with a stream of their own (training never draws from it).
func drawnStyles(base: UInt64, count: Int) -> [PushingRenderStyle] {
    cloningRandomization.samples(count, seed: RandomSource.derivedSeed(base: base, scale: 1_000, offset: 424_242))
}

/// Seeds per policy, at `--quick` (the runs that decide the claims in the tests) and at the default alike: four runs of
/// 2 000 steps take about 10 s on two cores, and the default run of the lesson has no time to spare (its ablation alone
/// took 5 min 17 s on 2026-12-07 at 12:35 UTC).
let randomizationSeedCount = 2

/// Clones both policies for every seed, two runs at a time, through `context.perSeed` (so `--seeds`
/// shards and `--merge` work as for the ablation), and returns what results.json keeps.
func runRandomization(_ context: LessonContext) throws -> Lesson09Results.Randomization {
    let task = PushingTask()
    let drawn = drawnStyles(base: context.seed, count: drawnStyleCount)
    let experiment = randomizationExperiment(task: task, base: context.seed, drawn: drawn)
    let count = context.seedCount(randomizationSeedCount)
    let seeds = (0..<count).map { trainingSeed(base: context.seed, index: $0) }
    let sources: [PushingStyleSource] = [.fixed(.figure), .randomized(cloningRandomization)]
    let exercises = context.exercises
    let perSeed: [[PixelCloningRun]] = try context.perSeed("randomization", count: count) { indices in
        let jobs = indices.flatMap { index in sources.indices.map { (seeds[index], $0) } }
        let bar = context.progress(total: jobs.count, label: "cloned policies")
        let runs = try parallelMap(jobs.count, threads: 2) { job in
            defer { bar.advance() }
            return try experiment.run(training: sources[jobs[job].1], seed: jobs[job].0, cloning: exercises.behaviorCloning,
                                      mixing: exercises.rewardMixing, visuomotor: exercises.visuomotor)
        }
        bar.finish()
        return indices.indices.map { i in Array(runs[(i * sources.count)..<((i + 1) * sources.count)]) }
    }
    func policy(_ column: Int) -> Lesson09Results.ClonedPolicy {
        let runs = perSeed.map { $0[column] }
        return .init(finalLoss: runs.map(\.finalLoss),
                     figureSuccess: runs.map { $0.success[PixelCloningRun.figureStyle] ?? .nan },
                     drawnSuccess: runs.map { run in
                         (0..<drawn.count).map { run.success[drawnStyleKey($0)] ?? .nan }.reduce(0, +) / Double(drawn.count)
                     },
                     heldOutSuccess: runs.map { $0.success[PixelCloningRun.heldOut] ?? .nan })
    }
    return .init(seeds: seeds, gradientSteps: experiment.gradientSteps, drawnStyles: drawn.count,
                 figureInRange: cloningRandomization.contains(.figure), heldOutInRange: cloningRandomization.contains(.heldOut),
                 fixed: policy(0), randomized: policy(1))
}

/// The two policies' success per seed in each kind of style, with their means.
func randomizationTable(_ r: Lesson09Results.Randomization) throws -> Table {
    var table = Table("Cloned from pixels, \(r.gradientSteps) Adam steps, \(r.seeds.count) seeds: success rate (20 episodes per "
                      + "style, the same start states)", columns: [
        "trained on", "seed", .init("loss", format: .fixed(4)), .init("figures' style", format: .percent(0)),
        .init("\(r.drawnStyles) styles drawn anew (mean)", format: .percent(0)), .init("held-out style", format: .percent(0)),
    ])
    for (name, policy) in [("the figures' style", r.fixed), ("randomized styles", r.randomized)] {
        for (k, seed) in r.seeds.enumerated() {
            try table.addRow(name, String(seed), policy.finalLoss[k], policy.figureSuccess[k], policy.drawnSuccess[k],
                             policy.heldOutSuccess[k])
        }
        try table.addRow(name, "mean", mean(of: policy.finalLoss), mean(of: policy.figureSuccess), mean(of: policy.drawnSuccess),
                         mean(of: policy.heldOutSuccess))
    }
    return table
}

/// Both cloned policies in the three kinds of style: bars for the mean over seeds, one line per seed.
func randomizationFigure(_ r: Lesson09Results.Randomization, small: Bool) -> Figure {
    var figure = Figure(width: 9, height: 4, rows: 1, columns: 2)
    figure.title = "Policies cloned from pixels, in three kinds of style"
    let categories = ["figures' style", "drawn anew", "held-out style"]
    let panels: [(String, Lesson09Results.ClonedPolicy, Color)] = [
        ("trained in the figures' style", r.fixed, .blue), ("trained on randomized styles", r.randomized, .vermillion),
    ]
    for (column, (title, policy, c)) in panels.enumerated() {
        var axes = perSeedStylesAxes(categories: categories,
                                     perSeed: zip(zip(policy.figureSuccess, policy.drawnSuccess), policy.heldOutSuccess)
                                         .map { [$0.0, $0.1, $1] },
                                     color: c, legend: !small && column == 0)
        axes.title = title
        if column == 0 { axes.yLabel = "success rate" }
        figure[0, column] = axes
    }
    return figure
}

/// What the randomization test's numbers say, sentence by sentence from this run's means.
func randomizationReading(_ r: Lesson09Results.Randomization) -> String {
    func percent(_ values: [Double]) -> String { String(format: "%.0f %%", mean(of: values) * 100) }
    let (f, z) = (r.fixed, r.randomized)
    var text = "Means over \(r.seeds.count) seeds. Cloned in the figures' style: \(percent(f.figureSuccess)) there, "
        + "\(percent(f.drawnSuccess)) in the \(r.drawnStyles) styles drawn anew, \(percent(f.heldOutSuccess)) in the held-out "
        + "style. Cloned on randomized renders: \(percent(z.drawnSuccess)) in the drawn styles, \(percent(z.figureSuccess)) "
        + "in the figures' style, \(percent(z.heldOutSuccess)) in the held-out style."
    let fixedDrops = mean(of: f.drawnSuccess) < mean(of: f.figureSuccess) / 2
    text += fixedDrops
        ? " The fixed policy keeps less than half of its success once the colours, texture, light or camera change."
        : " The fixed policy keeps at least half of its success in the drawn styles on average."
    if mean(of: z.drawnSuccess) > mean(of: f.drawnSuccess) {
        text += " Randomization carries the policy into styles it never saw, as long as they come from its own ranges"
        let outside = [(r.figureInRange, z.figureSuccess, "the figures' style"), (r.heldOutInRange, z.heldOutSuccess, "the held-out style")]
            .filter { !$0.0 && mean(of: $0.1) < mean(of: z.drawnSuccess) / 2 }.map(\.2)
        text += outside.isEmpty ? "." : "; not into \(outside.joined(separator: " nor into ")), which lie outside them."
    } else {
        text += " In this run randomization did not carry the policy into the drawn styles better than the fixed one."
    }
    return text
}
