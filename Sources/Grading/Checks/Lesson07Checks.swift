import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// The graded checks of lesson 7 (mixing imitation and task rewards), visible to students.
let lesson07Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "7.1", lesson: 7, name: "mixedReward", points: 2) { set in
        try checkMixedReward(set.rewardMixing)
    },
    ExerciseCheck(id: "7.2", lesson: 7, name: "maskedDiscriminatorInput", points: 2) { set in
        try checkMaskedDiscriminatorInput(set.rewardMixing)
    },
    ExerciseCheck(id: "7.3", lesson: 7, name: "demonstrationResetState", points: 3) { set in
        try checkDemonstrationResetState(set.rewardMixing)
    },
    ExerciseCheck(id: "7.4", lesson: 7, name: "successStatistics", points: 2) { set in
        try checkSuccessStatistics(set.rewardMixing)
    },
]

// MARK: - Helpers shared with the hidden checks

/// A trajectory of `length` steps whose steps `successes` (0-based) report success.
func lesson07Episode(length: Int, successes: Set<Int>) throws -> Trajectory<BlockPushing.State> {
    let infos = (0..<length).map { StepInfo(succeeded: successes.contains($0), taskReward: successes.contains($0) ? 1 : 0) }
    return try Trajectory(observations: Array(repeating: [0], count: length + 1), actions: Array(repeating: [0], count: length),
                          rewards: infos.map(\.taskReward), infos: infos, terminated: successes.contains(length - 1),
                          truncated: !successes.contains(length - 1))
}

/// The rows of a matrix as Doubles, for messages and comparisons.
func lesson07Rows(_ m: Matrix) -> [[Double]] {
    (0..<m.rows).map { m.row($0).map(Double.init) }
}

// MARK: - 7.1

private func checkMixedReward(_ f: any RewardMixingExercises) throws {
    let expect = Expect("7.1", "mixedReward")
    let imitation: [Float] = [0.7, 2.0, 0.1, 0.0]
    let task: [Float] = [0, 1, 0, 3]
    for lambda: Float in [0, 0.25, 0.5, 0.9, 1] {
        let got = try f.mixedReward(imitationWeight: lambda, imitation: imitation, task: task)
        let expected = zip(imitation, task).map { Double(lambda) * Double($0) + (1 - Double(lambda)) * Double($1) }
        try expect.close(got.map(Double.init), expected, "(imitationWeight: \(lambda), imitation: \(imitation), task: \(task))",
                         hint: "r = λ·r_GAIL + (1 − λ)·r_task")
    }
    // The ends are the pure rewards, whatever the other one holds.
    let huge: [Float] = [1e30, -1e30]
    let pureTask = try f.mixedReward(imitationWeight: 0, imitation: huge, task: [1, 0])
    try expect.that(pureTask == [1, 0], "mixedReward(imitationWeight: 0, imitation: \(huge), task: [1, 0]) should be the task "
                    + "reward [1, 0] exactly (λ = 0 is pure RL), got \(pureTask)")
    let pureImitation = try f.mixedReward(imitationWeight: 1, imitation: [0.25, 3], task: huge)
    try expect.that(pureImitation == [0.25, 3], "mixedReward(imitationWeight: 1, imitation: [0.25, 3], task: \(huge)) should "
                    + "be the imitation reward [0.25, 3] exactly (λ = 1 is pure GAIL), got \(pureImitation)")
    // Not even an infinite reward (a discriminator certain of itself) leaks in: 0 · ∞ is NaN, so the
    // ends must return the other reward as it is rather than weigh this one by 0.
    let infinite: [Float] = [.infinity, -.infinity]
    let taskOnly = try f.mixedReward(imitationWeight: 0, imitation: infinite, task: [1, 0])
    try expect.that(taskOnly == [1, 0], "mixedReward(imitationWeight: 0, imitation: \(infinite), task: [1, 0]) should be the task "
                    + "reward [1, 0] exactly, got \(taskOnly): at λ = 0 the imitation reward must not leak in (0 · ∞ = NaN); "
                    + "return the task reward itself at the end")
    let imitationOnly = try f.mixedReward(imitationWeight: 1, imitation: [0.25, 3], task: infinite)
    try expect.that(imitationOnly == [0.25, 3], "mixedReward(imitationWeight: 1, imitation: [0.25, 3], task: \(infinite)) should "
                    + "be [0.25, 3] exactly, got \(imitationOnly): at λ = 1 the task reward must not leak in (0 · ∞ = NaN); "
                    + "return the imitation reward itself at the end")
    let empty = try f.mixedReward(imitationWeight: 0.5, imitation: [], task: [])
    try expect.that(empty.isEmpty, "mixedReward(imitationWeight: 0.5, imitation: [], task: []) should be empty, got \(empty)")
    for lambda: Float in [-0.1, 1.5, .nan] {
        try expect.throwsError("mixedReward(imitationWeight: \(lambda), …)") {
            _ = try f.mixedReward(imitationWeight: lambda, imitation: [1], task: [0])
        }
    }
    try expect.throwsError("mixedReward with 2 imitation rewards and 3 task rewards") {
        _ = try f.mixedReward(imitationWeight: 0.5, imitation: [1, 1], task: [0, 0, 0])
    }

    // Behaviour: the lesson's trade-off in one decision. Two actions: the demonstrator's habit
    // (imitation reward 1, task reward 0) and the better action it never shows (imitation 0.2,
    // task 1). A greedy agent on the mixed reward switches from the task's choice to the habit
    // where λ·1 = λ·0.2 + (1 − λ)·1, at λ = 5/9.
    for lambda: Float in [0, 0.3, 0.5, 0.6, 0.8, 1] {
        let rewards = try f.mixedReward(imitationWeight: lambda, imitation: [1, 0.2], task: [0, 1])
        try expect.that(rewards.count == 2, "mixedReward(imitationWeight: \(lambda), imitation: [1, 0.2], task: [0, 1]) "
                        + "should give 2 rewards, got \(rewards)")
        let choosesHabit = rewards[0] > rewards[1]
        try expect.that(choosesHabit == (lambda > 5.0 / 9.0),
                        "with imitation [1, 0.2] and task [0, 1], a greedy agent should pick the demonstrator's habit only "
                        + "for λ > 5/9; at λ = \(lambda) your rewards \(rewards) make it pick "
                        + (choosesHabit ? "the habit" : "the task's action"))
    }
}

// MARK: - 7.2

private func checkMaskedDiscriminatorInput(_ f: any RewardMixingExercises) throws {
    let expect = Expect("7.2", "maskedDiscriminatorInput")
    // Three pushing observations (pusher x, y, block x, y, vx, vy, goal − block x, y) and actions.
    let observations = Matrix([[0, 1, 2, 3, 4, 5, 6, 7], [10, 11, 12, 13, 14, 15, 16, 17], [20, 21, 22, 23, 24, 25, 26, 27]])
    let actions = Matrix([[0.5, -0.5], [1, -1], [0.25, 0]])
    func view(_ indices: [Int], _ withActions: Bool) throws -> Matrix {
        try f.maskedDiscriminatorInput(observations: observations, actions: actions, keptObservationIndices: indices,
                                       includesActions: withActions)
    }
    let blockOnly = try view(Array(2..<8), false)
    try expect.that(blockOnly.rows == 3 && blockOnly.cols == 6,
                    "the block-only view (indices 2..<8, no actions) of 3 pairs should be 3×6, got \(blockOnly.shapeDescription)")
    try expect.that(lesson07Rows(blockOnly) == (0..<3).map { r in (2..<8).map { Double(10 * r + $0) } },
                    "the block-only view should keep columns 2…7 of each observation; got \(lesson07Rows(blockOnly))")
    let full = try view(Array(0..<8), true)
    let wantedFull = (0..<3).map { r in (0..<8).map { Double(10 * r + $0) } + actions.row(r).map(Double.init) }
    try expect.that(full.cols == 10 && lesson07Rows(full) == wantedFull,
                    "the full view (all 8 indices, with actions) should be each observation followed by its action: "
                    + "expected \(wantedFull), got \(lesson07Rows(full))")
    let reordered = try view([7, 0, 0], false)
    try expect.that(lesson07Rows(reordered) == [[7, 0, 0], [17, 10, 10], [27, 20, 20]],
                    "indices [7, 0, 0] should give those columns in that order (repeats kept); got \(lesson07Rows(reordered))")
    let actionsOnly = try view([], true)
    try expect.that(lesson07Rows(actionsOnly) == lesson07Rows(actions),
                    "no observation index with actions should give the actions alone; got \(lesson07Rows(actionsOnly))")
    let none = try f.maskedDiscriminatorInput(observations: Matrix(rows: 0, cols: 8), actions: Matrix(rows: 0, cols: 2),
                                              keptObservationIndices: [2, 3], includesActions: true)
    try expect.that(none.rows == 0 && none.cols == 4, "an empty batch (0×8, 0×2) with indices [2, 3] and actions should give "
                    + "a 0×4 matrix, got \(none.shapeDescription)")
    try expect.throwsError("maskedDiscriminatorInput with index 8 of an 8-column observation") { _ = try view([2, 8], false) }
    try expect.throwsError("maskedDiscriminatorInput with index −1") { _ = try view([-1], false) }
    try expect.throwsError("maskedDiscriminatorInput with no index and no actions") { _ = try view([], false) }
    try expect.throwsError("maskedDiscriminatorInput with 3 observations and 2 actions") {
        _ = try f.maskedDiscriminatorInput(observations: observations, actions: actions.rows(0..<2), keptObservationIndices: [0],
                                           includesActions: false)
    }

    // Behaviour: masking hides the arm. Two batches with the same block states but different
    // pushers and actions look identical through the block-only view (no discriminator can tell
    // them apart), and different through the full view.
    var rng = RandomSource(seed: 72)
    var env = BlockPushing()
    var first: [[Float]] = [], second: [[Float]] = []
    for _ in 0..<16 {
        var observation = env.reset(rng: &rng)
        first.append(observation)
        observation[0] = Float(rng.uniform(-0.9, 0.9))
        observation[1] = Float(rng.uniform(-0.9, 0.9))
        second.append(observation)
    }
    let actionsA = Matrix(rows: 16, cols: 2, values: (0..<32).map { _ in rng.uniform(Float(-1), Float(1)) })
    let actionsB = Matrix(rows: 16, cols: 2, values: (0..<32).map { _ in rng.uniform(Float(-1), Float(1)) })
    let block = Array(BlockPushing.blockFeatures)
    let seenA = try f.maskedDiscriminatorInput(observations: Matrix(first), actions: actionsA, keptObservationIndices: block,
                                               includesActions: false)
    let seenB = try f.maskedDiscriminatorInput(observations: Matrix(second), actions: actionsB, keptObservationIndices: block,
                                               includesActions: false)
    try expect.that(seenA == seenB, "pairs that differ only in the pusher and the action should look the same through the "
                    + "block-only view (BlockPushing.blockFeatures, no actions)")
    let fullA = try f.maskedDiscriminatorInput(observations: Matrix(first), actions: actionsA, keptObservationIndices: Array(0..<8),
                                               includesActions: true)
    let fullB = try f.maskedDiscriminatorInput(observations: Matrix(second), actions: actionsB, keptObservationIndices: Array(0..<8),
                                               includesActions: true)
    try expect.that(fullA != fullB, "the full view (pusher, block and action) should tell the two batches apart")
}

// MARK: - 7.3

private func checkDemonstrationResetState(_ f: any RewardMixingExercises) throws {
    let expect = Expect("7.3", "demonstrationResetState")
    var rng = RandomSource(seed: 73)
    // Never with probability 0 (even without states), always with probability 1.
    for _ in 0..<50 {
        let never: Int? = try f.demonstrationResetState(demonstrations: [[1, 2, 3]], probability: 0, rng: &rng)
        try expect.that(never == nil, "with probability 0 the episode should start from the environment's reset (nil), got \(never!)")
    }
    let noStates: [[Int]] = [[], []]
    let fromNothing: Int? = try f.demonstrationResetState(demonstrations: noStates, probability: 0, rng: &rng)
    try expect.that(fromNothing == nil, "probability 0 with no states should give nil, got \(fromNothing!)")
    let only: Int? = try f.demonstrationResetState(demonstrations: [[], [42], []], probability: 1, rng: &rng)
    try expect.that(only == 42, "demonstrations [[], [42], []] with probability 1 should give 42, got \(String(describing: only))")

    // Uniform over the pooled states: a one-state demonstration is not picked half the time.
    let demos = [[0, 1, 2], [3]]
    var counts = [0, 0, 0, 0]
    let draws = 8000
    for _ in 0..<draws {
        guard let state = try f.demonstrationResetState(demonstrations: demos, probability: 1, rng: &rng) else {
            try expect.that(false, "with probability 1 every start should be a demonstration state, got nil")
            return
        }
        try expect.that((0...3).contains(state), "demonstrations \(demos) gave the state \(state), which is not in them")
        counts[state] += 1
    }
    let frequencies = counts.map { Double($0) / Double(draws) }
    try expect.that(frequencies.allSatisfy { abs($0 - 0.25) < 0.03 },
                    "demonstrations \(demos) with probability 1: each of the 4 states should start about 25% of the "
                    + "episodes (uniform over all states pooled), got \(frequencies.map { String(format: "%.3f", $0) })")

    // The probability of a demonstration start.
    var starts = 0
    for _ in 0..<draws {
        if try f.demonstrationResetState(demonstrations: demos, probability: 0.3, rng: &rng) != nil { starts += 1 }
    }
    let rate = Double(starts) / Double(draws)
    try expect.that(abs(rate - 0.3) < 0.03, "with probability 0.3, about 30% of the starts should be demonstration states, got "
                    + String(format: "%.1f%%", 100 * rate))

    for p in [-0.1, 1.1, Double.nan] {
        try expect.throwsError("demonstrationResetState(probability: \(p))") {
            _ = try f.demonstrationResetState(demonstrations: demos, probability: p, rng: &rng)
        }
    }
    try expect.throwsError("demonstrationResetState(demonstrations: [[], []], probability: 0.5)") {
        _ = try f.demonstrationResetState(demonstrations: noStates, probability: 0.5, rng: &rng)
    }

    // Behaviour: on block pushing, a start drawn from recorded demonstrations puts the simulator
    // in one of their states, and the observation is the one the demonstrator saw there.
    let env = BlockPushing()
    let recorded = try Rollout.run(env, expert: PushingExpert.demonstrator, episodes: 3, seed: 730, maxSteps: 40)
    let states = recorded.map { Array($0.states.prefix($0.count)) }
    for _ in 0..<20 {
        guard let state = try f.demonstrationResetState(demonstrations: states, probability: 1, rng: &rng) else {
            try expect.that(false, "with probability 1 every start should be a demonstration state, got nil")
            return
        }
        var copy = env
        let observation = copy.reset(to: state)
        let matches = recorded.contains { episode in
            episode.states.indices.contains { episode.states[$0] == state && episode.observations[$0] == observation }
        }
        try expect.that(matches, "the block-pushing start \(state) is not one of the demonstrations' recorded states")
    }
}

// MARK: - 7.4

private func checkSuccessStatistics(_ f: any RewardMixingExercises) throws {
    let expect = Expect("7.4", "successStatistics")
    // Success at step 3 of 3, a failure, success on the very first step, success reported twice.
    let episodes = [try lesson07Episode(length: 3, successes: [2]), try lesson07Episode(length: 5, successes: []),
                    try lesson07Episode(length: 1, successes: [0]), try lesson07Episode(length: 6, successes: [3, 5])]
    let stats = try f.successStatistics(of: episodes)
    let call = "successStatistics of 4 episodes (success on step 3 of 3; a failure of 5 steps; success on step 1; "
        + "success first on step 4 of 6)"
    try expect.that(stats.episodes == 4 && stats.successes == 3, "\(call): expected 4 episodes and 3 successes, got "
                    + "\(stats.episodes) and \(stats.successes)")
    try expect.close(stats.meanStepsToSuccess, 8.0 / 3.0, "\(call): mean steps to success",
                     hint: "count the steps up to and including the first success, over the successful episodes only")
    // Success in the middle of an episode that goes on without it still counts.
    let middle = try f.successStatistics(of: [try lesson07Episode(length: 4, successes: [1])])
    try expect.that(middle.successes == 1 && middle.meanStepsToSuccess == 2,
                    "successStatistics of 1 episode whose step 2 of 4 succeeded (and no other): expected 1 success in 2 steps, "
                    + "got \(middle); an episode succeeds if some step succeeds, not only its last one")
    let failures = try f.successStatistics(of: [try lesson07Episode(length: 4, successes: []), try lesson07Episode(length: 2, successes: [])])
    try expect.that(failures.successes == 0 && failures.episodes == 2 && failures.meanStepsToSuccess.isNaN,
                    "successStatistics of 2 failed episodes: expected 0 successes of 2 and NaN steps to success, got \(failures)")
    try expect.throwsError("successStatistics(of: [])") {
        _ = try f.successStatistics(of: [Trajectory<BlockPushing.State>]())
    }

    // Behaviour: the lesson's demonstrator on block pushing, counted independently.
    let demos = try Rollout.run(BlockPushing(), expert: PushingExpert.demonstrator, episodes: 30, seed: 740)
    let successful = demos.compactMap { episode in episode.infos.firstIndex(where: \.succeeded).map { $0 + 1 } }
    let measured = try f.successStatistics(of: demos)
    try expect.that(measured.episodes == 30 && measured.successes == successful.count,
                    "30 episodes of PushingExpert.demonstrator (seed 740): expected \(successful.count) successes, got "
                    + "\(measured.successes) of \(measured.episodes)")
    try expect.close(measured.meanStepsToSuccess, Double(successful.reduce(0, +)) / Double(successful.count),
                     "30 episodes of PushingExpert.demonstrator (seed 740): mean steps to success")
}
