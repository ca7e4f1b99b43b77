import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// The graded checks of lesson 8 (demonstrations inside RL), visible to students.
let lesson08Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "8.1", lesson: 8, name: "mixedMinibatchIndices", points: 2) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.1", "mixedMinibatchIndices")
        var rng = RandomSource(seed: 81)
        // A quarter of 8 rows from 10 demonstrations, the rest from 50 agent transitions.
        let call = "(demonstrationCount: 10, agentCount: 50, batchSize: 8, demonstrationFraction: 0.25)"
        let indices = try f.mixedMinibatchIndices(demonstrationCount: 10, agentCount: 50, batchSize: 8,
                                                  demonstrationFraction: 0.25, rng: &rng)
        try expect.that(indices.count == 8, "\(call) returned \(indices.count) indices, expected 8")
        try expect.that(indices.allSatisfy { (0..<60).contains($0) }, "\(call) returned \(indices), some outside 0 ..< 60")
        try expect.that(indices.prefix(2).allSatisfy { $0 < 10 } && indices.dropFirst(2).allSatisfy { $0 >= 10 },
                        "\(call) returned \(indices): expected 2 demonstration indices (< 10) first, then 6 agent indices (≥ 10)")
        // The share over many batches, and every slot of each part drawn.
        var demonstrationHits = [Int](repeating: 0, count: 10), agentHits = [Int](repeating: 0, count: 50), rows = 0
        for _ in 0..<400 {
            for i in try f.mixedMinibatchIndices(demonstrationCount: 10, agentCount: 50, batchSize: 8,
                                                 demonstrationFraction: 0.25, rng: &rng) {
                if i < 10 { demonstrationHits[i] += 1 } else if i < 60 { agentHits[i - 10] += 1 }
                rows += 1
            }
        }
        try expect.close(Double(demonstrationHits.reduce(0, +)) / Double(rows), 0.25, tolerance: 1e-9,
                         "share of demonstration rows over 400 batches of \(call)",
                         hint: "demonstration rows are the indices below demonstrationCount; the agent's rows are demonstrationCount + "
                            + "a draw from 0 ..< agentCount (offset past the demonstrations), and round(f·B) rows are demonstrations")
        try expect.that(demonstrationHits.allSatisfy { $0 > 40 } && agentHits.allSatisfy { $0 > 20 },
                        "over 400 batches some slots were (almost) never drawn: demonstrations \(demonstrationHits), agent \(agentHits); "
                        + "draw uniformly from each part")
        // Rounding: 0.3 · 10 = 3 demonstration rows.
        let rounded = try f.mixedMinibatchIndices(demonstrationCount: 5, agentCount: 5, batchSize: 10,
                                                  demonstrationFraction: 0.3, rng: &rng)
        try expect.that(rounded.filter { $0 < 5 }.count == 3,
                        "(5, 5, batchSize: 10, fraction: 0.3) gave \(rounded.filter { $0 < 5 }.count) demonstration rows, expected 3")
        // Rounding, not truncation: 0.37 · 10 = 3.7 gives 4 demonstration rows (and 0.64 · 5 = 3.2 gives 3).
        for (fraction, size, wanted) in [(0.37, 10, 4), (0.64, 5, 3)] {
            let got = try f.mixedMinibatchIndices(demonstrationCount: 5, agentCount: 5, batchSize: size,
                                                  demonstrationFraction: fraction, rng: &rng).filter { $0 < 5 }.count
            try expect.that(got == wanted,
                            "(5, 5, batchSize: \(size), fraction: \(fraction)) gave \(got) demonstration rows, expected \(wanted)"
                            + (got == Int(fraction * Double(size)) ? ": round f·B to the nearest integer, do not truncate it" : ""))
        }
        // Every row is its own draw: a batch of 64 demonstration rows from 10 slots holds many different slots.
        let allDemonstrations = try f.mixedMinibatchIndices(demonstrationCount: 10, agentCount: 5, batchSize: 64,
                                                            demonstrationFraction: 1, rng: &rng)
        try expect.that(Set(allDemonstrations).count >= 6,
                        "(10, 5, batchSize: 64, fraction: 1) gave only the slots \(Set(allDemonstrations).sorted()): "
                        + "draw each row's index separately (uniformly, with replacement), not one draw repeated")
        let allAgent = try f.mixedMinibatchIndices(demonstrationCount: 5, agentCount: 10, batchSize: 64,
                                                   demonstrationFraction: 0, rng: &rng)
        try expect.that(Set(allAgent).count >= 6 && allAgent.allSatisfy { (5..<15).contains($0) },
                        "(5, 10, batchSize: 64, fraction: 0) gave the slots \(Set(allAgent).sorted()): expected many different "
                        + "agent slots in 5 ..< 15, each row's index drawn separately")
        // One part empty: everything comes from the other.
        let onlyAgent = try f.mixedMinibatchIndices(demonstrationCount: 0, agentCount: 7, batchSize: 16,
                                                    demonstrationFraction: 0.5, rng: &rng)
        try expect.that(onlyAgent.count == 16 && onlyAgent.allSatisfy { (0..<7).contains($0) },
                        "with no demonstrations (removed) and 7 agent transitions, fraction 0.5, got \(onlyAgent): expected 16 indices in 0 ..< 7")
        let onlyDemonstrations = try f.mixedMinibatchIndices(demonstrationCount: 4, agentCount: 0, batchSize: 16,
                                                             demonstrationFraction: 0.25, rng: &rng)
        try expect.that(onlyDemonstrations.count == 16 && onlyDemonstrations.allSatisfy { (0..<4).contains($0) },
                        "with 4 demonstrations and no agent data yet, fraction 0.25, got \(onlyDemonstrations): expected 16 indices in 0 ..< 4")
        // Bad input.
        try expect.throwsError("mixedMinibatchIndices on an empty buffer") {
            _ = try f.mixedMinibatchIndices(demonstrationCount: 0, agentCount: 0, batchSize: 4, demonstrationFraction: 0.5, rng: &rng)
        }
        try expect.throwsError("mixedMinibatchIndices with batchSize 0") {
            _ = try f.mixedMinibatchIndices(demonstrationCount: 3, agentCount: 3, batchSize: 0, demonstrationFraction: 0.5, rng: &rng)
        }
        try expect.throwsError("mixedMinibatchIndices with demonstrationFraction 1.5") {
            _ = try f.mixedMinibatchIndices(demonstrationCount: 3, agentCount: 3, batchSize: 4, demonstrationFraction: 1.5, rng: &rng)
        }
        // Behaviour: the lesson's replay buffer marks exactly the demonstration rows.
        var replay = try DemonstrationReplay(capacity: 100, observationSize: 1, actionSize: 1, demonstrationFraction: 0.5)
        let demonstration = try Trajectory<BlockPushing.State>(observations: [[0], [1], [2], [3]], actions: [[1], [1], [1]],
                                                               rewards: [0, 0, 1], terminated: true, truncated: false)
        try replay.addDemonstrations([demonstration])
        for step in 0..<20 {
            try replay.add(observation: [Float(10 + step)], action: [-1], reward: 0, nextObservation: [Float(11 + step)],
                           terminated: false, truncated: false)
        }
        let sample = try replay.sample(batchSize: 32, formulas: f, rng: &rng)
        let flagged = sample.isDemonstration.filter { $0 }.count
        let demonstrationActions = sample.actions.scalars.filter { $0 == 1 }.count
        try expect.that(flagged == 16 && demonstrationActions == 16,
                        "a replay batch of 32 with fraction 0.5 had \(flagged) rows flagged as demonstrations and "
                        + "\(demonstrationActions) demonstration actions, expected 16 and 16")
    },
    ExerciseCheck(id: "8.2", lesson: 8, name: "curriculumStartOffset", points: 2) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.2", "curriculumStartOffset")
        func offset(_ current: Int, _ rate: Double, _ threshold: Double = 0.5, _ stepBack: Int = 3, _ longest: Int = 20) throws -> Int {
            try f.curriculumStartOffset(current: current, recentSuccessRate: rate, threshold: threshold, stepBack: stepBack,
                                        longest: longest)
        }
        let cases: [(current: Int, rate: Double, threshold: Double, expected: Int, note: String)] = [
            (6, 0.8, 0.5, 9, ""),
            (6, 0.5, 0.5, 9, " (a rate equal to the threshold moves the start)"),
            (6, 0.4, 0.5, 6, ""),
            (19, 1, 0.5, 20, " (never past the longest demonstration)"),
            (20, 1, 0.5, 20, ""),
            (6, .nan, 0.5, 6, " (no episode yet: do not move)"),
            (0, 0, 0, 3, ""),
        ]
        for c in cases {
            let got = try offset(c.current, c.rate, c.threshold)
            try expect.that(got == c.expected, "(current: \(c.current), recentSuccessRate: \(c.rate), threshold: \(c.threshold), "
                            + "stepBack: 3, longest: 20) gave \(got), expected \(c.expected)\(c.note)")
        }
        try expect.throwsError("curriculumStartOffset with threshold 1.2") { _ = try offset(2, 1, 1.2) }
        try expect.throwsError("curriculumStartOffset with stepBack 0") { _ = try offset(2, 1, 0.5, 0) }
        try expect.throwsError("curriculumStartOffset with current 25 > longest 20") { _ = try offset(25, 1) }
        // Behaviour: the lesson's curriculum, always successful, walks back to the start of a
        // 10-step demonstration in windows of 2 episodes and 4 steps back at a time: 4, 8, 10.
        let demonstration = try pushingDemonstration(steps: 10)
        var curriculum = try BackwardCurriculum(settings: CurriculumSettings(threshold: 0.5, stepBack: 4, window: 2),
                                                demonstrations: [demonstration])
        for episode in 0..<10 { try curriculum.record(success: true, environmentStep: 100 * (episode + 1), formulas: f) }
        let offsets = curriculum.history.map(\.offset), steps = curriculum.history.map(\.environmentStep)
        try expect.that(offsets == [4, 8, 10] && steps == [0, 200, 400],
                        "an always-successful curriculum (window 2, stepBack 4, demonstration of 10 steps) moved to offsets "
                        + "\(offsets) at steps \(steps), expected [4, 8, 10] at [0, 200, 400]")
        var alternating = try BackwardCurriculum(settings: CurriculumSettings(threshold: 0.75, stepBack: 4, window: 2),
                                                 demonstrations: [demonstration])
        for episode in 0..<10 { try alternating.record(success: episode % 2 == 0, environmentStep: episode, formulas: f) }
        try expect.that(alternating.offset == 4,
                        "a curriculum with threshold 0.75 whose windows of 2 episodes never hold 2 successes moved to "
                        + "offset \(alternating.offset), expected it to stay at 4")
    },
    ExerciseCheck(id: "8.3", lesson: 8, name: "actorLossWithBehaviorCloning", points: 3) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.3", "actorLossWithBehaviorCloning")
        // Three rows; rows 0 and 2 are demonstrations; the filter keeps row 0 only (Q(s, a) 0.9 > 0.5).
        let values = Tensor(Matrix(columnVector: [0.5, 1.0, 0.3]))
        let actions = Tensor(Matrix([[0.2, -0.4], [0.0, 0.0], [1.0, 1.0]]))
        let stored = Matrix([[0.5, 0.0], [0.9, 0.9], [0.0, 1.0]])
        let demonstrationValues = Matrix(columnVector: [0.9, 5.0, 0.1])
        let flags = [true, false, true]
        let call = "(Q(s, π(s)): [0.5, 1, 0.3], π(s): [[0.2, −0.4], [0, 0], [1, 1]], a: [[0.5, 0], [0.9, 0.9], [0, 1]], "
            + "Q(s, a): [0.9, 5, 0.1], demonstration rows [true, false, true], λ: 2)"
        let loss = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                      demonstrationValues: demonstrationValues, isDemonstration: flags, weight: 2)
        try expect.that(loss.rows == 1 && loss.cols == 1, "the loss must be 1×1, got \(loss.value.shapeDescription)")
        // −mean Q = −0.6; BC: row 0 only, (0.3² + 0.4²) = 0.25, over n_D = 2 → 0.125; λ = 2 → 0.25.
        try expect.close(Double(loss.scalar), -0.35, tolerance: 1e-5, call,
                         hint: "−mean Q(s, π(s)) + λ · Σ_{filtered demonstration rows} ‖π(s) − a‖² / n_D, n_D counting every demonstration row")
        let gradients = loss.gradients(for: [values, actions])
        try expect.close(gradients[0].scalars.map(Double.init), [-1.0 / 3, -1.0 / 3, -1.0 / 3], tolerance: 1e-5,
                         "∂loss/∂Q(s, π(s)) for \(call)", hint: "the Q term is −(1/n) Σ Q over every row of the batch")
        try expect.close(gradients[1].scalars.map(Double.init), [-0.6, -0.8, 0, 0, 0, 0], tolerance: 1e-5,
                         "∂loss/∂π(s) for \(call)", hint: "2λ(π(s) − a)/n_D on the rows the filter keeps, 0 elsewhere")
        // Without a filter every demonstration row is cloned: (0.25 + 1) / 2 · 2 = 1.25.
        let unfiltered = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                            demonstrationValues: nil, isDemonstration: flags, weight: 2)
        try expect.close(Double(unfiltered.scalar), 0.65, tolerance: 1e-5, "the same batch without a Q-filter (demonstrationValues: nil)")
        // No demonstration rows, or λ = 0: DDPG's loss.
        let none = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                      demonstrationValues: demonstrationValues, isDemonstration: [false, false, false], weight: 2)
        try expect.close(Double(none.scalar), -0.6, tolerance: 1e-5, "the same batch with no demonstration rows",
                         hint: "with no demonstration row the cloning term is 0 (do not divide by n_D = 0)")
        let zeroWeight = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                            demonstrationValues: nil, isDemonstration: flags, weight: 0)
        try expect.close(Double(zeroWeight.scalar), -0.6, tolerance: 1e-5, "the same batch with λ = 0")
        try expect.throwsError("actorLossWithBehaviorCloning with λ = −1") {
            _ = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                   demonstrationValues: nil, isDemonstration: flags, weight: -1)
        }
        try expect.throwsError("actorLossWithBehaviorCloning with 2 flags for 3 rows") {
            _ = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                   demonstrationValues: nil, isDemonstration: [true, false], weight: 1)
        }
        try expect.throwsError("actorLossWithBehaviorCloning on an empty batch") {
            _ = try f.actorLossWithBehaviorCloning(policyValues: Tensor(.zeros(0, 1)), policyActions: Tensor(.zeros(0, 2)),
                                                   demonstrationActions: .zeros(0, 2), demonstrationValues: nil,
                                                   isDemonstration: [], weight: 1)
        }
        // Behaviour: against a critic that is flat in the action, the cloning term alone pulls a
        // linear actor π(s) = w·s onto the demonstrated actions a = 2s.
        let w = try cloneAgainstFlatCritic(formulas: f)
        try expect.close(w, 2, tolerance: 0.05, "the weight w of π(s) = w·s after 300 Adam steps on a flat critic and demonstrations a = 2s, λ = 1",
                         hint: "the gradient must reach the actor through policyActions")
    },
    ExerciseCheck(id: "8.4", lesson: 8, name: "shouldRemoveDemonstrations", points: 1) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.4", "shouldRemoveDemonstrations")
        func remove(_ rate: Double, _ episodes: Int, _ threshold: Double = 0.6, _ minimum: Int = 10) throws -> Bool {
            try f.shouldRemoveDemonstrations(recentSuccessRate: rate, agentEpisodes: episodes, successThreshold: threshold,
                                             minimumEpisodes: minimum)
        }
        let cases: [(rate: Double, episodes: Int, expected: Bool, note: String)] = [
            (0.7, 12, true, ""), (0.6, 10, true, " (the threshold and the minimum themselves are enough)"),
            (0.5, 50, false, " (the rate is below the threshold: both conditions must hold)"), (1.0, 9, false, " (too few episodes yet)"), (.nan, 30, false, " (a NaN rate never removes)"),
        ]
        for c in cases {
            let got = try remove(c.rate, c.episodes)
            try expect.that(got == c.expected, "(recentSuccessRate: \(c.rate), agentEpisodes: \(c.episodes), successThreshold: 0.6, "
                            + "minimumEpisodes: 10) gave \(got), expected \(c.expected)\(c.note)")
        }
        try expect.throwsError("shouldRemoveDemonstrations with threshold −0.1") { _ = try remove(0.5, 10, -0.1) }
        try expect.throwsError("shouldRemoveDemonstrations with −1 episodes") { _ = try remove(0.5, -1) }
    },
]

/// A successful demonstration of `steps` steps on a pushing table, with states.
func pushingDemonstration(steps: Int) throws -> Trajectory<BlockPushing.State> {
    let states = (0...steps).map { t in
        BlockPushing.State(pusher: [-0.5 + 0.05 * Double(t), -0.5], block: [-0.3 + 0.05 * Double(t), -0.5])
    }
    return try Trajectory(observations: states.map { _ in [Float](repeating: 0, count: 8) },
                          actions: (0..<steps).map { _ in [1, 0] }, rewards: (0..<steps).map { $0 == steps - 1 ? 1 : 0 },
                          states: states, terminated: true, truncated: false)
}

/// Trains π(s) = w·s (one weight) with the implementation's loss, a critic flat in the action and
/// every row a demonstration with a = 2s, and returns w.
func cloneAgainstFlatCritic(formulas: any DemonstrationsInRLExercises) throws -> Double {
    let w = Parameter(Matrix(scalar: 0), name: "w")
    let optimizer = Adam(parameters: [w], learningRate: 0.05)
    let states = Matrix(columnVector: [-1, -0.5, 0.25, 1])
    let demonstrated = states.map { 2 * $0 }
    for _ in 0..<300 {
        let actions = Tensor(states).matmul(w.tensor)
        let values = actions * 0 + 1
        let loss = try formulas.actorLossWithBehaviorCloning(
            policyValues: values, policyActions: actions, demonstrationActions: demonstrated, demonstrationValues: nil,
            isDemonstration: [true, true, true, true], weight: 1)
        optimizer.step(loss.gradients(for: [w]))
    }
    return Double(w.value.scalar)
}
