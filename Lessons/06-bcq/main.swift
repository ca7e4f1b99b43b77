// Lesson 6: batch-constrained Q-learning. A policy that only takes actions the batch contains
// can be evaluated without extrapolation error: tabular BCQ on a grid world, then BCQ with a
// conditional VAE, a perturbation model and twin critics on lesson 5's three Pendulum buffers.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

Matrix.setBLASThreads(1)

let lesson = Lesson(number: 6, slug: "bcq", title: "Batch-constrained Q-learning (BCQ)")
lesson.paperScale = "the hopper's three buffers at 10⁶ steps, DDPG 400–300, BCQ 400–300 with a 750–750 VAE "
    + "and as many updates as offline DDPG, 5 seeds (Pendulum as usual)"

lesson.markdown(Prose.introduction)

lesson.markdown(Prose.tabular)
lesson.listing("Batch-constrained Q-learning: the maximum over actions the batch took in s' (exercise 6.1)",
               file: "Sources/Algorithms/Tabular/BatchConstrainedQLearning.swift", region: "bcq-tabular-sweep")

// Shared between cells, as in a notebook.
var results = Lesson06Results()
lesson.results { results }
var tabular: TabularComparison?

lesson.code("Q-learning and BCQ on one batch of the grid world") { context in
    let formulas = context.exercises
    let experiment = try runTabularComparison(offPolicy: formulas.offPolicyLearning, batchConstrained: formulas.batchConstrained,
                                              seed: context.seed, episodes: tabularEpisodes, epsilon: tabularEpsilon)
    tabular = experiment
    let world = experiment.world
    context.print("The batch: \(experiment.batch.transitions.count) transitions from \(tabularEpisodes) episodes,",
                  "\(experiment.batch.distinctPairs) distinct (s, a) pairs in \(experiment.visitedStates.count) states.")
    var table = Table("Greedy policies from S in the true grid world (discounted return, γ = 0.9)",
                      columns: ["policy", .init("return", format: .fixed(3)), "reaches G",
                                .init("its own estimate Q(S, π(S))", format: .fixed(3)),
                                "untried moves on its path"])
    try table.addRow("behaviour policy (mean of the batch's episodes)", experiment.behaviourReturn, "-", "-", "-")
    for outcome in experiment.learners {
        try table.addRow(outcome.name + " on the batch", outcome.rollout.discountedReturn,
                         outcome.rollout.reachedGoal ? "yes" : "no", outcome.startEstimate(world),
                         experiment.unsupportedMovesOnPath(outcome))
    }
    try table.addRow("best batch-constrained policy", experiment.bestRollout.discountedReturn,
                     experiment.bestRollout.reachedGoal ? "yes" : "no",
                     experiment.best[world.startState, experiment.bestRollout.actions.first ?? 0], 0)
    try table.addRow("optimal policy (knows the whole MDP)", experiment.optimal.values[world.startState], "yes", "-", "-")
    context.show(table)
    let recorded = experiment.recorded, q = recorded.qLearning, bcq = recorded.bcq
    results.tabular = recorded
    context.markdown("""
    Q-learning's greedy policy picks a move the batch never tried in \(q.untriedChoices) of the \
    \(recorded.visitedStates) visited states and believes its start is worth \
    \(String(format: "%.2f", q.startEstimate)); it actually earns \
    \(String(format: "%.3f", q.discountedReturn)). BCQ stays on the batch's moves, earns \
    \(String(format: "%.3f", bcq.discountedReturn)) (the best batch-constrained policy earns \
    \(String(format: "%.3f", recorded.bestSupportedReturn))) and its estimate, \
    \(String(format: "%.3f", bcq.startEstimate)), is what it gets. No single episode of the batch did as well \
    (the best earned \(String(format: "%.3f", recorded.bestEpisodeReturn))): BCQ's route is stitched together from \
    pieces of different episodes.
    """)
}

lesson.figure("tabular", caption: "Left: the batch's moves (white) over the value of the best batch-constrained policy; "
    + "· marks a cell the batch never visited. Middle: Q-learning's greedy move in every visited cell over Q(s, π(s)); "
    + "right: BCQ's. Vermilion arrows are moves the batch never tried in that cell; the dashed line is the greedy path "
    + "from S.") { _ in
    guard let tabular else { throw CellSkipped("the tabular experiment did not run") }
    return tabularFigure(tabular)
}

lesson.markdown(Prose.continuousActions)

lesson.listing("BCQ's update (Algorithm 1 of Fujimoto et al.), exercises 6.2–6.4 by name",
               file: "Sources/Algorithms/BCQ/BCQ.swift", region: "bcq-update")

lesson.code("The hyper-parameters") { context in
    let c = bcqConfiguration(maxPerturbation: 0.05)
    let paper = BCQConfiguration()
    var table = Table("BCQ's hyper-parameters: the paper's and this lesson's",
                      columns: ["", "paper (and its code)", "this lesson"])
    func widths(_ w: [Int]) -> String { w.map(String.init).joined(separator: "–") }
    try table.addRow("Φ (actions scaled to [−1, 1])", "\(paper.maxPerturbation)", "\(c.maxPerturbation) (and a sweep)")
    try table.addRow("λ in the target", "\(paper.lambda)", "\(c.lambda)")
    try table.addRow("n sampled actions in the target", "\(paper.sampledActions)", "\(c.sampledActions)")
    try table.addRow("candidates when acting", "\(paper.sampledActions) (text), \(paper.actingSamples) (code)", "\(c.actingSamples)")
    try table.addRow("τ, γ, mini-batch N", "\(paper.tau), \(paper.discount), \(paper.batchSize)",
                     "\(c.tau), \(c.discount), \(c.batchSize)")
    try table.addRow("latent size, KL weight, |z| clip", "2·|A|, \(paper.klWeight), \(paper.latentClip)",
                     "\(c.latentSize(forActionSize: 1)), \(c.klWeight), \(c.latentClip)")
    try table.addRow("Adam learning rate (all networks)", "\(paper.learningRate)", "\(c.learningRate)")
    try table.addRow("critic and perturbation widths", widths(paper.criticHiddenSizes), widths(c.criticHiddenSizes))
    try table.addRow("VAE widths (encoder and decoder)", widths(paper.vaeHiddenSizes), widths(c.vaeHiddenSizes))
    context.show(table)
    context.print("Pendulum's 3-number state and single torque need far smaller networks than MuJoCo's",
                  "locomotion tasks; every constant of the algorithm is the paper's.")
}

lesson.markdown(Prose.experiment)

lesson.code("How fast BCQ trains here") { context in
    let formulas = context.exercises
    let updates = context.choose(full: 600, quick: 150)
    let throughput = try measureBCQThroughput(updates: updates, formulas: formulas.batchConstrained, seed: context.seed)
    context.print(String(format: "%.0f BCQ gradient steps per second on one core (release build, %d steps timed),", throughput, updates),
                  "each a VAE step, a critic step with n = 10 proposals per next state (1 000 target rows),",
                  "a perturbation-model step and two Polyak averages on a mini-batch of 100.")
    context.recordMeasurement("throughput.bcqUpdatesPerSecond", throughput)
}

var comparison: [SettingResult] = []
/// Lesson 5's runs (the buffers) of each seed index the comparison trained in this process (none in a merge).
var lessonFiveBuffers: [Int: [SettingRun]] = [:]
var budget = ContinuousBudget.make(quick: false)

lesson.code("Train BCQ, offline DDPG and BC on the three buffers") { context in
    let formulas = context.exercises
    try checkBCQFormulas(formulas.batchConstrained)
    budget = ContinuousBudget.make(quick: context.quick)
    budget.seeds = context.seedCount(budget.seeds)
    budget.sweepSeeds = min(context.seedCount(budget.sweepSeeds), budget.seeds)
    let runBudget = budget
    lessonFiveBuffers = [:]
    // Each seed's three outcomes, trained here or (--merge) read from the shards that trained them (--seeds).
    let perSeed = try context.perSeed("comparison", count: budget.seeds) { indices in
        let bar = context.progress(total: 1_000, label: "lesson 5's buffers, then BCQ and BC, \(indices.count) seed(s)")
        let (outcomes, buffers) = try runComparison(budget: runBudget, quick: context.quick, baseSeed: context.seed,
                                                    indices: indices, formulas: formulas,
                                                    progress: { bar.update(Int(1_000 * min($0, 1))) })
        bar.finish()
        // Kept for the Φ sweep, which trains on the same buffers (in a shard too).
        for (index, runs) in zip(indices, buffers) { lessonFiveBuffers[index] = runs }
        return outcomes
    }
    comparison = settingResults(perSeed.flatMap { $0 })
    var table = Table("Final return on Pendulum (mean ± std over \(budget.seeds) seed(s); BCQ and DDPG: last fifth of training)",
                      columns: ["buffer", "transitions", .init("behaviour", format: .fixed(0)),
                                .init("BC", format: .fixed(0)), .init("offline DDPG", format: .fixed(0)),
                                .init("BCQ", format: .fixed(0)), .init("± std", format: .fixed(0))])
    for result in comparison {
        try table.addRow(result.setting.title, result.outcomes.first?.transitions ?? 0, result.behaviour.mean, result.bc.mean,
                         result.ddpg.mean, result.bcq.mean, result.bcq.std)
    }
    context.show(table)
    let bySetting = Dictionary(uniqueKeysWithValues: comparison.map { ($0.setting, $0.recorded) })
    results.comparison = .init(seeds: budget.seeds, bcqUpdates: budget.bcqUpdates,
                               buffers: .init(final: bySetting[.final]!, concurrent: bySetting[.concurrent]!,
                                              imitation: bySetting[.imitation]!))
}

lesson.figure("returns", caption: "Final return of the behaviour policy (mean return of the buffer's own episodes), behavior "
    + "cloning, offline DDPG (lesson 5's blue) and BCQ with Φ = 0.05 on each of lesson 5's buffers; error bars: "
    + "standard deviation over seeds.") { _ in
    guard !comparison.isEmpty else { throw CellSkipped("the comparison did not run") }
    return returnsFigure(comparison, seeds: budget.seeds)
}

lesson.code("What the comparison shows") { context in
    guard let buffers = results.comparison?.buffers else { throw CellSkipped("the comparison did not run") }
    let (final, concurrent, imitation) = (buffers.final, buffers.concurrent, buffers.imitation)
    func f(_ x: Double) -> String { String(format: "%.0f", x) }
    let transitions = final.transitions
    let bcBelowBehaviour = final.bc.finalReturn.mean < final.behaviourReturn.mean
        && concurrent.bc.finalReturn.mean < concurrent.behaviourReturn.mean
    // Each verdict below uses the margins of the lesson's claims (Sources/LessonClaims/Lessons/Lesson06Claims.swift).
    let margins = Lesson06Thresholds.self
    let ddpgCollapses = imitation.bcq.finalReturn.mean - imitation.ddpg.finalReturn.mean > margins.wellAbove
    let imitationGap = imitation.bcq.finalReturn.mean - imitation.bc.finalReturn.mean
    let likeBC = abs(imitationGap) <= margins.evaluationNoise ? "about as much as"
        : imitationGap > 0 ? "more than" : "less than"
    let bcqAboveBC = [final, concurrent].map { $0.bcq.finalReturn.mean - $0.bc.finalReturn.mean > margins.aboveBC }
    let bcqVerdict = bcqAboveBC.allSatisfy { $0 } ? "does far better"
        : bcqAboveBC.contains(true) ? "does far better on the \(bcqAboveBC[0] ? "Final" : "Concurrent") buffer only"
        : "does not do clearly better here"
    let ddpgAboveBCQ = [final, concurrent].map { $0.ddpg.finalReturn.mean > $0.bcq.finalReturn.mean }
    let ddpgVerdict = ddpgAboveBCQ.allSatisfy { $0 } ? "and ends up above BCQ on both"
        : ddpgAboveBCQ.contains(true) ? "and ends up above BCQ on the \(ddpgAboveBCQ[0] ? "Final" : "Concurrent") buffer"
        : "although BCQ ends above it on both"
    context.markdown("""
    **Imitation.** The buffer holds one torque per state, the expert's. \
    \(ddpgCollapses ? "Offline DDPG collapses" : "Offline DDPG does not collapse on this run") \
    (\(f(imitation.ddpg.finalReturn.mean))\(ddpgCollapses ? ", as in lesson 5" : "")), while BCQ stays with the expert's actions and earns \
    \(f(imitation.bcq.finalReturn.mean)), \(likeBC) behavior cloning (\(f(imitation.bc.finalReturn.mean))); the expert's own episodes \
    in the buffer average \(f(imitation.behaviourReturn.mean)). With data this narrow, nothing much better than imitation is \
    possible, and BCQ gets there without being told that the data is a demonstration.

    **Final buffer and Concurrent.** These buffers are a whole training run: a thousand random steps, then a \
    policy that improves, with noise on every action. Behavior cloning imitates the average of all of it \
    (\(f(final.bc.finalReturn.mean)) and \(f(concurrent.bc.finalReturn.mean))), \
    \(bcBelowBehaviour ? "worse even than" : "compared with") the episodes in the buffer \
    (\(f(final.behaviourReturn.mean)), \(f(concurrent.behaviourReturn.mean))). BCQ uses the rewards to prefer the good actions \
    among those the data supports and \(bcqVerdict) (\(f(final.bcq.finalReturn.mean)), \(f(concurrent.bcq.finalReturn.mean))).

    Offline DDPG, on the other hand, does not fail on these two buffers here (\(f(final.ddpg.finalReturn.mean)) and \
    \(f(concurrent.ddpg.finalReturn.mean))), \(ddpgVerdict). Lesson 5's hypothesis would explain it, without this run \
    measuring it: Pendulum's state has two dimensions and its action one, and \(transitions) noisy transitions of a \
    training run may cover the state-action pairs a good policy visits, so that blue rarely has to extrapolate. \
    Fujimoto et al. report DDPG failing on all three buffers of their MuJoCo tasks (11 to 17 state and 3 to 6 action \
    dimensions), and BCQ winning there. Where the data covers the action space well, staying within 0.05 of the \
    generative model's proposals costs BCQ something; the Φ sweep below measures how much.
    """)
}

lesson.markdown(Prose.valuesQuestion)

lesson.figure("values", caption: "The critic's estimate Q(s_0, π(s_0)) (solid, mean ± std over seeds) and the true "
    + "discounted return of the same policy from the same start states (dashed, Monte-Carlo, γ = 0.99), for offline "
    + "DDPG (blue) and BCQ (vermilion) on each buffer.") { context in
    guard !comparison.isEmpty else { throw CellSkipped("the comparison did not run") }
    return valuesFigure(comparison, small: context.drawsSmallFigures)
}

lesson.code("Estimates against the truth") { context in
    guard let buffers = results.comparison?.buffers else { throw CellSkipped("the comparison did not run") }
    var table = Table("Value estimate and true value at the end of training (mean over seeds)",
                      columns: ["buffer", "agent", .init("estimate", format: .fixed(0)), .init("true value", format: .fixed(0)),
                                .init("estimate − truth", format: .fixed(0))])
    for (setting, buffer) in [(BufferSetting.final, buffers.final), (.concurrent, buffers.concurrent), (.imitation, buffers.imitation)] {
        for (name, learner) in [("offline DDPG", buffer.ddpg), ("BCQ", buffer.bcq)] {
            let v = try required(learner.finalValue, "\(name)'s value")
            try table.addRow(setting.title, name, v.estimate, v.truth, v.overestimation)
        }
    }
    context.show(table)
    func value(_ learner: Lesson06Results.Learner) throws -> Lesson06Results.ValueEstimate {
        try required(learner.finalValue, "a critic's value")
    }
    let ddpg = try value(buffers.imitation.ddpg), bcq = try value(buffers.imitation.bcq)
    let noisy = [buffers.final, buffers.concurrent]
    let weaker = try noisy.allSatisfy { try value($0.bcq).truth < value($0.ddpg).truth }
    // The claim's rule (Lesson06Claims "values"): below half of offline DDPG's overestimation on Imitation.
    let runaway = try noisy.allSatisfy { try value($0.bcq).overestimation < 0.5 * ddpg.overestimation }
        && noisy.allSatisfy { try value($0.ddpg).overestimation < 0.5 * ddpg.overestimation }
    let weakerText = weaker ? "BCQ's policy is the weaker one there, its true value lower, and the distance still to go larger"
        : "neither policy is clearly the weaker one there"
    context.markdown("""
    On the Imitation buffer DDPG's critic claims \(String(format: "%.0f", ddpg.estimate)) for a policy worth \
    \(String(format: "%.0f", ddpg.truth)); BCQ's claims \(String(format: "%.0f", bcq.estimate)) for one worth \
    \(String(format: "%.0f", bcq.truth)). BCQ's remaining gap is the slow propagation of rewards through the targets \
    (its estimate is still moving towards the truth from above), not extrapolation: it never asks its critic about \
    actions the data does not support. On the Final and Concurrent buffers both critics are in the same state of \
    convergence; \(weakerText). \
    \(runaway ? "Neither shows" : "Compare them with") the runaway estimate of offline DDPG on the Imitation buffer.
    """)
}

lesson.markdown(Prose.phiSweep)

var sweep: [SweepSummary] = []

lesson.code("Sweep Φ") { context in
    guard context.merging || !lessonFiveBuffers.isEmpty else { throw CellSkipped("the comparison did not run") }
    let formulas = context.exercises
    let runBudget = budget
    // Each sweep seed's points, trained on the comparison's buffers or (--merge) read from the shards.
    let perSeed = try context.perSeed("phi-sweep", count: budget.sweepSeeds) { indices in
        let buffers = try indices.map { index in
            guard let runs = lessonFiveBuffers[index] else { throw CellSkipped("the comparison did not run seed \(index)") }
            return runs
        }
        let bar = context.progress(total: 1_000, label: "BCQ with \(runBudget.sweepPerturbations.count) values of Φ on \(runBudget.sweepSettings.count) buffer(s)")
        defer { bar.finish() }
        return try runPhiSweep(budget: runBudget, quick: context.quick, baseSeed: context.seed, indices: indices,
                               buffers: buffers, formulas: formulas, progress: { bar.update(Int(1_000 * min($0, 1))) })
    }
    sweep = SweepSummary.make(perSeed.flatMap { $0 })
    var table = Table("BCQ after \(budget.sweepUpdates) updates, \(budget.sweepSeeds) seed(s)",
                      columns: ["buffer", "Φ", .init("return", format: .fixed(0)), .init("estimate − truth", format: .fixed(0)),
                                .init("|π(s) − D(s, 0)|", format: .fixed(2))])
    for point in sweep {
        try table.addRow(point.setting.title, phiLabel(Double(point.maxPerturbation)), point.finalReturn.mean,
                         point.overestimation.mean, point.distanceFromModel)
    }
    context.show(table)
    let recordedPoints = { (setting: BufferSetting) in sweep.filter { $0.setting == setting }.map(\.recorded) }
    results.sweep = .init(phis: budget.sweepPerturbations.map(Double.init), updates: budget.sweepUpdates, seeds: budget.sweepSeeds,
                          buffers: .init(final: recordedPoints(.final), concurrent: recordedPoints(.concurrent),
                                         imitation: recordedPoints(.imitation)))
}

lesson.figure("phi-sweep", caption: "BCQ with maximum perturbation Φ from 0 to 2 on the Final and Imitation buffers: "
    + "final return (left), estimate minus true value of the policy (middle) and the mean distance, in torque, between "
    + "BCQ's action and the generative model's central proposal D(s, 0) over the buffer's states (right). The "
    + "line in the left panel is offline DDPG's return on the Imitation buffer.") { context in
    guard !sweep.isEmpty else { throw CellSkipped("the sweep did not run") }
    return phiFigure(sweep, ddpg: comparison, small: context.drawsSmallFigures)
}

lesson.code("What Φ does") { context in
    guard let recorded = results.sweep else { throw CellSkipped("the sweep did not run") }
    guard let low = recorded.phis.min(), let high = recorded.phis.max(),
          let a = recorded.buffers.imitation.point(phi: low), let b = recorded.buffers.imitation.point(phi: high) else {
        throw CellSkipped("the sweep has no Imitation runs")
    }
    func f(_ x: Double) -> String { String(format: "%.0f", x) }
    let ddpgImitation = results.comparison?.buffers.imitation.ddpg.finalReturn.mean ?? .nan
    // The claim's rule (Lesson06Claims "phiSweep"): within 30% of offline DDPG's return.
    let likeDDPG = abs(b.finalReturn - ddpgImitation) < 0.3 * abs(ddpgImitation)
    let likeText = likeDDPG ? "BCQ has turned into DDPG, extrapolation error included."
        : "On this run it does not end where offline DDPG does."
    var text = """
    With $\\Phi = \(phiLabel(low))$ the policy can only choose among the generative model's proposals: on the Imitation \
    buffer its action stays within \(String(format: "%.2f", a.distanceFromModel)) of $D(s, 0)$, and BCQ behaves like a \
    careful imitator (return \(f(a.finalReturn)), estimate − truth \(f(a.overestimation))). With \
    $\\Phi = \(phiLabel(high))$ the perturbation can reach any action: the policy moves \
    \(String(format: "%.2f", b.distanceFromModel)) away, the critic overrates it by \(f(b.overestimation)) and the \
    return \(b.finalReturn < a.finalReturn ? "falls" : "moves") to \(f(b.finalReturn)) (offline DDPG: \
    \(f(ddpgImitation))). \(likeText)
    """
    if let c = recorded.buffers.final.point(phi: low), let d = recorded.buffers.final.point(phi: high) {
        let otherWay = d.finalReturn > c.finalReturn
        let direction = otherWay ? "the same dial goes the other way" : "the dial points the same way"
        let reading = otherWay ? ": there the freedom to leave the proposals pays off without being punished, as it would "
            + "if the noisy data covered the actions a good policy needs (lesson 5's hypothesis)" : ""
        text += """


        On the Final buffer \(direction) (\(f(c.finalReturn)) at \
        $\\Phi = \(phiLabel(low))$, \(f(d.finalReturn)) at $\\Phi = \(phiLabel(high))$)\(reading). $\\Phi$ expresses how much we \
        trust the data to cover the actions we might want; the paper's 0.05 is the cautious choice, and the right one when \
        the data is narrow.
        """
    }
    context.markdown(text)
}

lesson.markdown(Prose.generativeModel)

lesson.figure("vae-samples", caption: "For each buffer (rows) and three probe states (columns): torques of the buffer's "
    + "100 transitions whose states are nearest the probe (grey), 600 samples of the trained generative model G_ω(s) "
    + "with latents clipped to [−0.5, 0.5] (vermilion), the buffer's torque at the probe state (dotted) and BCQ's "
    + "chosen torque (black line); first seed.") { context in
    guard !comparison.isEmpty else { throw CellSkipped("the comparison did not run") }
    return vaeFigure(comparison, legend: !context.drawsSmallFigures)
}

lesson.markdown(Prose.hopper)

/// The expert-buffer comparison's per-seed outcomes.
var hopperOutcomes: [HopperOutcome] = []

lesson.code("BCQ, offline DDPG and BC on the hopper's expert buffer") { context in
    let formulas = context.exercises
    try checkBCQFormulas(formulas.batchConstrained)
    hopperOutcomes = try runHopperComparison(.imitation, context: context, formulas: formulas)
    let recorded = Lesson06Results.HopperComparison(hopperOutcomes, buffer: .imitation, budget: hopperBudget(context))
    results.hopper = recorded
    results.hopperEnvironmentSteps = FixedBufferExperimentConfiguration.hopper(hopperBudget(context)).schedule.environmentSteps
    try showHopperComparison(recorded, buffer: .imitation, context: context)
}

lesson.figure("hopper", caption: "The hopper's expert buffer. Top: return over gradient updates of the expert that "
    + "filled it (orange, flat), offline DDPG (lesson 5's blue, with lesson 5's number of updates) and BCQ with Φ = 0.05, "
    + "mean ± standard deviation over seeds, and behavior cloning's final return (green point, ± std). Bottom, on a log "
    + "scale: offline DDPG's and BCQ's estimate Q(s₀, π(s₀)) (solid) and the true value of their policies (dashed), "
    + "means over seeds. Purple: the same BCQ with Φ = 1, the constraint removed (next section).") { context in
    guard !hopperOutcomes.isEmpty else { throw CellSkipped("the hopper comparison did not run") }
    return hopperComparisonFigure(hopperOutcomes, buffer: .imitation, budget: hopperBudget(context),
                                  small: context.drawsSmallFigures)
}

lesson.markdown(Prose.hopperPhi)

lesson.code("Φ = 0.05 against Φ = 1 on the hopper's expert buffer") { context in
    guard let recorded = results.hopper else { throw CellSkipped("the hopper comparison did not run") }
    guard let wide = recorded.wideBCQ else { throw CellSkipped("this run trained no BCQ with Φ = 1") }
    try showHopperPhi(recorded, wide: wide, context: context)
}

/// One of the hopper's noisy buffers, which run at the default setting only (as lesson 5's Final): the cell that
/// compares BCQ, offline DDPG and BC on it and keeps the numbers through `record`, and its figure.
@MainActor
func hopperBufferCells(_ buffer: HopperBuffer, figure name: String, caption: String, line: Int = #line,
                       record: @escaping (Lesson06Results.HopperComparison) -> Void) {
    var outcomes: [HopperOutcome] = []   // shared by the two cells, as in a notebook
    let buffers = buffer == .final ? "Final" : "Concurrent"
    lesson.code("BCQ, offline DDPG and BC on the hopper's \(buffers) buffer", line: line) { context in
        guard buffer.runs(hopperBudget(context)) else {
            throw CellSkipped("the \(buffers) buffer runs at the default setting only (without --quick), as in lesson 5")
        }
        let formulas = context.exercises
        try checkBCQFormulas(formulas.batchConstrained)
        outcomes = try runHopperComparison(buffer, context: context, formulas: formulas)
        let recorded = Lesson06Results.HopperComparison(outcomes, buffer: buffer, budget: hopperBudget(context))
        record(recorded)
        try showHopperComparison(recorded, buffer: buffer, context: context)
    }
    lesson.figure(name, caption: caption, line: line) { context in
        guard !outcomes.isEmpty else { throw CellSkipped("the \(buffers) comparison did not run") }
        return hopperComparisonFigure(outcomes, buffer: buffer, budget: hopperBudget(context), small: context.drawsSmallFigures)
    }
}

lesson.markdown(Prose.hopperFinal)

hopperBufferCells(.final, figure: "hopper-final", caption: "The hopper's Final buffer. Top: return over gradient updates "
    + "of orange, the DDPG agent whose whole training run (N(0, 0.5) exploration) filled it, offline DDPG (lesson 5's "
    + "blue) and BCQ with Φ = 0.05, mean ± standard deviation over seeds, and behavior cloning's final return (green "
    + "point, ± std). Bottom, on a log scale: offline DDPG's and BCQ's estimate Q(s₀, π(s₀)) (solid) and the true value "
    + "of their policies (dashed), means over seeds.") { results.hopperFinal = $0 }

lesson.markdown(Prose.hopperConcurrent)

hopperBufferCells(.concurrent, figure: "hopper-concurrent", caption: "The hopper's Concurrent buffer. Top: return over "
    + "gradient updates of orange, the DDPG agent that explored with N(0, 0.1) and filled it, offline DDPG (lesson 5's "
    + "blue, trained on the buffer as it grew) and BCQ with Φ = 0.05 (trained on the finished buffer), mean ± standard "
    + "deviation over seeds, and behavior cloning's final return (green point, ± std). Bottom, on a log scale: offline "
    + "DDPG's and BCQ's estimate Q(s₀, π(s₀)) (solid) and the true value of their policies (dashed), means over "
    + "seeds.") { results.hopperConcurrent = $0 }

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
