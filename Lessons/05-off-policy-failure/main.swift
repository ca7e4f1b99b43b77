// Lesson 5: off-policy reinforcement learning fails when it is truly off-policy. Two DDPG agents
// learn from the same data; one of them collected it, the other never acts. The lesson reproduces
// Fujimoto, Meger & Precup (2019) at a small scale on Pendulum and on the hopper (MuJoCo, where the
// paper ran it) and shows extrapolation error, the reason, in a grid world small enough to print
// every Q-value.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 5, slug: "off-policy-failure", title: "Off-policy RL fails when it is truly off-policy")
lesson.paperScale = "the hopper's three buffers at 10⁶ steps, DDPG 400–300, 5 seeds (Pendulum as usual)"

lesson.markdown(Prose.introduction)

lesson.markdown(Prose.ddpg)
lesson.listing("DDPG's update: the critic on the target y, then the actor (its ActorLoss) and the target networks",
               file: "Sources/Algorithms/DDPG/DDPG.swift", region: "ddpg-update")
lesson.listing("DDPG's ActorLoss: −mean Q(s, μ(s)) (exercise 5.2); lesson 8 plugs in another one",
               file: "Sources/Algorithms/DDPG/ActorLoss.swift", region: "dpg-actor-loss")
lesson.listing("The critic's target y = r + γ(1 − d)·Q'(s', μ'(s')) (exercise 5.1)",
               file: "Sources/Algorithms/DDPG/DDPG.swift", region: "critic-target")

// Shared between cells, as in a notebook.
var results = Lesson05Results()
lesson.results { results }

/// The measured throughput, for the closing summary.
var throughputs: [Throughput] = []

lesson.code("How fast DDPG trains here") { context in
    let formulas: any OffPolicyExercises = context.exercises.offPolicyLearning
    throughputs = []
    for widths in [hiddenWidths, [400, 300]] {
        let small = widths == hiddenWidths
        throughputs.append(try measureThroughput(Pendulum(), widths: widths, environmentSteps: context.choose(full: 4_000, quick: 1_000),
                                                 gradientSteps: small ? context.choose(full: 2_000, quick: 500)
                                                                      : context.choose(full: 300, quick: 60),
                                                 formulas: formulas, seed: context.seed))
    }
    throughputs.append(try measureThroughput(Hopper(), widths: hopperConfiguration(.quick).agent.actorHiddenSizes,
                                             environmentSteps: context.choose(full: 4_000, quick: 1_000),
                                             gradientSteps: context.choose(full: 2_000, quick: 500),
                                             formulas: formulas, seed: context.seed))
    var table = Table("DDPG, release build, one core",
                      columns: ["environment", "hidden widths", .init("environment steps/s", format: .fixed(0)),
                                .init("gradient steps/s", format: .fixed(0))])
    for t in throughputs {
        try table.addRow(t.environment, t.widths.map(String.init).joined(separator: "–"), t.environmentStepsPerSecond,
                         t.gradientStepsPerSecond)
    }
    context.show(table)
    context.print("A gradient step is one critic update, one actor update and the two Polyak averages on a",
                  "mini-batch of 100; an environment step is one actor call with exploration noise and one",
                  "step of the environment (on the hopper, 4 MuJoCo steps of 2 ms). Learning, not simulating,",
                  "is the bottleneck.")
    context.recordMeasurement("throughput.environmentStepsPerSecond", throughputs[0].environmentStepsPerSecond)
    context.recordMeasurement("throughput.gradientStepsPerSecond", throughputs[0].gradientStepsPerSecond)
    context.recordMeasurement("throughput.paperSize.gradientStepsPerSecond", throughputs[1].gradientStepsPerSecond)
    context.recordMeasurement("throughput.hopper.environmentStepsPerSecond", throughputs[2].environmentStepsPerSecond)
    context.recordMeasurement("throughput.hopper.gradientStepsPerSecond", throughputs[2].gradientStepsPerSecond)
}

lesson.markdown(Prose.orangeAndBlue)

/// Every seed's three settings, and the per-setting summaries over seeds.
var experimentRuns: [[SettingRun]] = []
var summaries: [SettingSummary] = []

lesson.code("Train orange and blue") { context in
    let formulas: any OffPolicyExercises = context.exercises.offPolicyLearning
    let started = Date()
    (experimentRuns, summaries) = try runOrangeAndBlue(context: context, formulas: formulas)
    let configuration = experimentConfiguration(quick: context.quick)
    context.print("\(experimentRuns.count) seeds × 3 settings in \(String(format: "%.0f", Date().timeIntervalSince(started))) s;",
                  "each interacting agent took \(configuration.schedule.environmentSteps) steps,",
                  "\(configuration.schedule.updates) updates.")
    var table = Table("Return at the end of training (mean ± std over seeds, last 3 evaluations)",
                      columns: ["setting", .init("orange", format: .fixed(0)), .init("± std", format: .fixed(0)),
                                .init("blue", format: .fixed(0)), .init("± std", format: .fixed(0)),
                                .init("blue − orange", format: .fixed(0))])
    for summary in summaries {
        let orange = summary.finalReturn(\.orange), blue = summary.finalReturn(\.blue)
        try table.addRow(summary.setting.title, orange.mean, orange.std, blue.mean, blue.std, blue.mean - orange.mean)
    }
    context.show(table)
    let bySetting = Dictionary(uniqueKeysWithValues: summaries.map { ($0.setting, $0.recorded()) })
    results.experiment = .init(seeds: experimentRuns.count, environmentSteps: configuration.schedule.environmentSteps,
                               buffers: .init(final: bySetting[.final]!, concurrent: bySetting[.concurrent]!,
                                              imitation: bySetting[.imitation]!))
}

lesson.figure("returns", caption: "Return of orange (orange) and blue (blue) over gradient updates, mean ± "
    + "standard deviation over seeds. Final buffer: orange is the behavioural agent (noise N(0, 0.5)); Concurrent: "
    + "both learn from orange's buffer at the same time; Imitation: orange is the expert that filled the buffer.") { context in
    guard !summaries.isEmpty else { throw CellSkipped("the experiment did not run") }
    return returnCurvesFigure(summaries, small: context.drawsSmallFigures)
}

lesson.markdown(Prose.extrapolationError)

lesson.figure("values", caption: "Each agent's value estimate Q(s_0, π(s_0)) (solid, mean ± std over seeds) "
    + "against the true discounted return of its policy from the same start states (dashed, Monte-Carlo, "
    + "γ = 0.99), orange's in orange and blue's in blue. Rewards are negative, so every true value lies below 0 "
    + "(dotted line).") { context in
    guard !summaries.isEmpty else { throw CellSkipped("the experiment did not run") }
    return valueEstimatesFigure(summaries, small: context.drawsSmallFigures)
}

lesson.code("How far the estimates drift") { context in
    guard let experiment = results.experiment else { throw CellSkipped("the experiment did not run") }
    let (final, concurrent, imitation) = (experiment.buffers.final, experiment.buffers.concurrent, experiment.buffers.imitation)
    var table = Table("Value estimate and true value at the end of training (mean over seeds)",
                      columns: ["setting", "agent", .init("estimate Q(s_0, π(s_0))", format: .fixed(0)),
                                .init("true value", format: .fixed(0)), .init("estimate − truth", format: .fixed(0))])
    for (setting, outcome) in [(BufferSetting.final, final), (.concurrent, concurrent), (.imitation, imitation)] {
        for (name, agent) in [("orange", outcome.orange), ("blue", outcome.blue)] {
            let values = agent.finalValue
            try table.addRow(setting.title, name, values.estimate, values.truth, values.overestimation)
        }
    }
    context.show(table)
    context.markdown(String(format: """
        **What this run shows.** Imitation: blue's final return is %.0f against the expert's %.0f, and \
        blue's estimate exceeds the true value of its policy by %.0f (the expert's by %.0f). Final buffer and \
        Concurrent: blue's return minus orange's is %+.0f and %+.0f; blue's estimate minus the truth is %+.0f \
        and %+.0f, orange's %+.0f and %+.0f.
        """, imitation.blue.finalReturn.mean, imitation.orange.finalReturn.mean, imitation.blue.finalValue.overestimation,
        imitation.orange.finalValue.overestimation, -final.returnGap, -concurrent.returnGap,
        final.blue.finalValue.overestimation, concurrent.blue.finalValue.overestimation,
        final.orange.finalValue.overestimation, concurrent.orange.finalValue.overestimation))
}

lesson.markdown(Prose.coverage)

lesson.code("Save the buffers") { context in
    guard let first = experimentRuns.first else { throw CellSkipped("the experiment did not run") }
    let folder = context.outputDirectory.appendingPathComponent("buffers")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var table = Table("Seed \(context.seed)'s fixed buffers, saved as NPZ with D4RL keys",
                      columns: ["setting", "file", "transitions",
                                .init("action std", format: .fixed(2)), .init("behaviour return", format: .fixed(0))])
    var spread: [BufferSetting: Double] = [:]
    for run in first {
        let name = "\(run.setting.rawValue)-seed\(context.seed).npz"
        try run.buffer.save(to: folder.appendingPathComponent(name))
        let actions = run.buffer.actions.map(Double.init)
        try table.addRow(run.setting.title, "buffers/\(name)", run.buffer.count, meanAndStandardDeviation(of: actions).std,
                         run.orange.finalReturn(lastPoints: 3))
        spread[run.setting] = meanAndStandardDeviation(of: actions).std
    }
    context.show(table)
    results.bufferActionStandardDeviation = .init(final: spread[.final]!, concurrent: spread[.concurrent]!,
                                                  imitation: spread[.imitation]!)
    context.print("Load one in Python with numpy.load(\"buffers/final-seed\(context.seed).npz\"); lesson 6 trains BCQ on the same buffers.")
}

lesson.figure("buffers", caption: "Angle θ against torque a for a subset of the transitions of each fixed buffer "
    + "(the first seed). The expert's Imitation buffer holds one torque per state: everything else is extrapolation.") { context in
    guard let first = experimentRuns.first else { throw CellSkipped("the experiment did not run") }
    return bufferCoverageFigure(first, seed: context.seed)
}

lesson.markdown(Prose.coverageMeasured)

lesson.code("Coverage, measured") { context in
    guard !experimentRuns.isEmpty else { throw CellSkipped("the experiment did not run") }
    let coverage = try recordedCoverage(experimentRuns)
    results.coverage = coverage
    try showCoverage(coverage, context: context)
}

lesson.markdown(Prose.hopper)

/// The hopper's per-setting summaries over seeds.
var hopperSummaries: [SettingSummary] = []

lesson.code("Train orange and blue on the hopper") { context in
    let formulas: any OffPolicyExercises = context.exercises.offPolicyLearning
    let started = Date()
    let (runs, summaries) = try runHopperOrangeAndBlue(context: context, formulas: formulas)
    hopperSummaries = summaries
    let configuration = hopperConfiguration(hopperBudget(context))
    let took = "\(runs.count) seeds × \(summaries.count) setting\(summaries.count == 1 ? "" : "s") in \(String(format: "%.0f", Date().timeIntervalSince(started))) s;"
    if summaries.contains(where: { $0.setting != .imitation }) {
        context.print(took, "each interacting agent took \(configuration.schedule.environmentSteps) steps, blue",
                      "\(configuration.schedule.updates) updates (\(configuration.offlineUpdates) on the expert's",
                      "\(configuration.imitationTransitions) transitions).")
    } else {
        context.print(took, "blue took \(configuration.offlineUpdates) updates on the expert's",
                      "\(configuration.imitationTransitions) transitions (Concurrent and Final run at the default setting only).")
    }
    var table = Table("The hopper at the end of training (means over seeds, last 3 evaluations)",
                      columns: ["setting", "agent", .init("return", format: .fixed(0)), .init("± std", format: .fixed(0)),
                                .init("estimate Q(s_0, π(s_0))", format: .fixed(1)), .init("true value", format: .fixed(1)),
                                .init("estimate / truth", format: .fixed(1))])
    var recorded: [BufferSetting: Lesson05Results.Setting] = [:]
    for summary in summaries {
        for (name, agent) in [(summary.setting == .imitation ? "expert" : "orange", \SettingSummary.orange), ("blue", \.blue)] {
            let returns = summary.finalReturn(agent), values = summary.finalValues(agent)
            if values.estimate.isNaN {   // the expert has no critic
                try table.addRow(summary.setting.title, name, returns.mean, returns.std, "no critic", values.truth, "–")
            } else {
                try table.addRow(summary.setting.title, name, returns.mean, returns.std, values.estimate, values.truth,
                                 values.estimate / values.truth)
            }
        }
        recorded[summary.setting] = summary.recorded(valuesPerSeed: true)
    }
    context.show(table)
    results.hopper = .init(seeds: runs.count, environmentSteps: configuration.schedule.environmentSteps,
                           imitation: recorded[.imitation]!, concurrent: recorded[.concurrent], final: recorded[.final])
    if let first = runs.first {
        let folder = context.outputDirectory.appendingPathComponent("buffers")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = try first.map { run in
            let name = "hopper-\(run.setting.rawValue)-seed\(context.seed).npz"
            try run.buffer.save(to: folder.appendingPathComponent(name))
            return "buffers/\(name) (\(run.buffer.count) transitions)"
        }
        context.print("Seed \(context.seed)'s hopper buffers, NPZ with D4RL keys: \(names.joined(separator: ", ")).")
    }
}

lesson.figure("hopper", caption: "The hopper. Top: return of orange (orange) and blue (blue) over gradient updates, "
    + "mean ± standard deviation over seeds; on Imitation orange is the expert, drawn flat. Bottom, log scale: each "
    + "agent's estimate Q(s_0, π(s_0)) (solid) against the true discounted value of its policy from the same start "
    + "states (dashed), means over seeds; the expert has no critic, only its true value.") { context in
    guard !hopperSummaries.isEmpty else { throw CellSkipped("the hopper experiment did not run") }
    return hopperFigure(hopperSummaries, small: context.drawsSmallFigures)
}

lesson.code("What the hopper shows") { context in
    guard let hopper = results.hopper else { throw CellSkipped("the hopper experiment did not run") }
    func ratio(_ agent: Lesson05Results.Agent) -> String {
        let r = agent.finalValue.estimate / agent.finalValue.truth
        // A diverged critic over a policy worth almost nothing gives ratios in the millions.
        return r >= 1e6 ? String(format: "%.1f million", r / 1e6) : String(format: r >= 100 ? "%.0f" : "%.1f", r)
    }
    let imitation = hopper.imitation
    var text = String(format: """
        **What this run shows.** Imitation: blue's final return is %.0f against the expert's %.0f; blue's \
        estimate is %@ times the true value of its policy.
        """, imitation.blue.finalReturn.mean, imitation.orange.finalReturn.mean, ratio(imitation.blue))
    if let concurrent = hopper.concurrent {
        text += String(format: """
             Concurrent: blue's return is %.0f against orange's %.0f; blue's estimate is %@ times its true value, \
            orange's %@ times.
            """, concurrent.blue.finalReturn.mean, concurrent.orange.finalReturn.mean, ratio(concurrent.blue),
            ratio(concurrent.orange))
    }
    if let final = hopper.final {
        text += String(format: """
             Final buffer: blue's return is %.0f against the behavioural agent's %.0f; blue's estimate is %@ times \
            its true value, orange's %@ times.
            """, final.blue.finalReturn.mean, final.orange.finalReturn.mean, ratio(final.blue), ratio(final.orange))
    } else {
        text += hopper.concurrent == nil ? " Concurrent and the Final buffer run only at the default setting."
            : " The Final buffer runs only at the default setting."
    }
    context.markdown(text + " The claims at the end of the lesson decide which of these differences exceed the spread over seeds.")
}

lesson.markdown(Prose.tabularPicture)
lesson.listing("Q-learning on a fixed batch: every transition, every sweep (exercise 5.3)",
               file: "Sources/Algorithms/Tabular/FixedBatchQLearning.swift", region: "q-learning-sweep")

/// The tabular experiment, for its figure.
var tabular: TabularExperiment?

lesson.code("Q-learning on a batch of the grid world") { context in
    let formulas: any OffPolicyExercises = context.exercises.offPolicyLearning
    let experiment = try runTabularExperiment(formulas: formulas, seed: context.seed, episodes: 10)
    tabular = experiment
    let world = experiment.world
    context.print("The batch: \(experiment.batch.transitions.count) transitions, \(experiment.batch.distinctPairs) distinct",
                  "(s, a) pairs, \(experiment.visitedStates.count) states visited; an optimal agent from S earns",
                  String(format: "%.3f", experiment.optimal.values[world.startState]) + " (discounted).")
    var table = Table("Q-learning on the batch alone",
                      columns: ["initial table", .init("visited states whose greedy move was never tried", format: .percent(0)),
                                "untried moves kept their initial value", "greedy policy reaches G",
                                .init("its discounted return", format: .fixed(3))])
    for outcome in experiment.outcomes {
        let fraction = experiment.fractionGreedyUntried(outcome)
        let kept = experiment.untriedKeepTheirInitialValue(outcome)
        try table.addRow(outcome.name, fraction, kept ? "yes" : "no", outcome.rollout.reachedGoal ? "yes" : "no",
                         outcome.rollout.discountedReturn)
    }
    context.show(table)
    results.tabular = .init(optimalReturn: experiment.optimal.values[world.startState], batchPairs: experiment.batch.distinctPairs,
                            optimistic: experiment.recorded(experiment.optimistic), random: experiment.recorded(experiment.random))
}

lesson.figure("tabular", caption: "Left: the batch's moves (white arrows) over the optimal values V*; a dot marks a "
    + "state the batch never visited. Middle and right: Q-learning on the batch from an optimistic and from a random "
    + "table: colour max_a Q(s, a), the greedy move in each cell, vermilion where the batch never tried that move, "
    + "and the greedy path from S (dashed).") { _ in
    guard let tabular else { throw CellSkipped("the tabular experiment did not run") }
    return tabularFigure(tabular)
}

lesson.markdown(Prose.takeaways)

lesson.claims()

lesson.run()
