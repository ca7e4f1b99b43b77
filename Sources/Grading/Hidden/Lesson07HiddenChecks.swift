import Datasets
import Environments
import ExerciseAPI
import Foundation
import Numerics

/// Instructor-only checks of lesson 7 (mixing imitation and task rewards): kept out of the student handout.
let lesson07HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "7.1h", lesson: 7, name: "mixedReward", points: 1, visibility: .hidden) { set in
        let f = set.rewardMixing
        let expect = Expect("7.1h", "mixedReward")
        var rng = RandomSource(seed: 710)
        // A long batch with rewards over many scales, and λ at and near the ends.
        let n = 500
        let imitation = (0..<n).map { _ -> Float in
            let size: Double = pow(10.0, rng.uniform(-2.0, 2.0))
            return Float(rng.normal(mean: 0.0, std: 1.0) * size)
        }
        let task = (0..<n).map { _ in Float(rng.bernoulli(0.1) ? 1.0 : 0.0) * 50 }
        for lambda: Float in [1e-4, 0.37, 1 - 1e-4] {
            let got = try f.mixedReward(imitationWeight: lambda, imitation: imitation, task: task)
            let expected = zip(imitation, task).map { Double(lambda) * Double($0) + (1 - Double(lambda)) * Double($1) }
            try expect.close(got.map(Double.init), expected, tolerance: 1e-4,
                             "(imitationWeight: \(lambda), 500 imitation rewards of sizes 0.01…100, sparse task rewards of 50)")
        }
    },
    ExerciseCheck(id: "7.2h", lesson: 7, name: "maskedDiscriminatorInput", points: 1, visibility: .hidden) { set in
        let f = set.rewardMixing
        let expect = Expect("7.2h", "maskedDiscriminatorInput")
        var rng = RandomSource(seed: 720)
        // A wide random batch and a scattered selection: row r of the result is the selected
        // entries of row r (no transposition mix-ups for non-square shapes).
        let rows = 37, cols = 11, actionCols = 3
        let observations = Matrix(rows: rows, cols: cols, values: (0..<(rows * cols)).map { _ in rng.uniform(Float(-5), Float(5)) })
        let actions = Matrix(rows: rows, cols: actionCols, values: (0..<(rows * actionCols)).map { _ in rng.uniform(Float(-1), Float(1)) })
        let indices = [10, 3, 3, 0, 7]
        let got = try f.maskedDiscriminatorInput(observations: observations, actions: actions, keptObservationIndices: indices,
                                                 includesActions: true)
        let expected = (0..<rows).map { r in indices.map { Double(observations[r, $0]) } + actions.row(r).map(Double.init) }
        try expect.that(got.rows == rows && got.cols == indices.count + actionCols,
                        "a 37×11 batch with indices \(indices) and 3 action columns should give 37×8, got \(got.shapeDescription)")
        try expect.that(lesson07Rows(got) == expected, "a 37×11 batch with indices \(indices) and actions: some entries differ "
                        + "from the selected observation columns followed by the action")
    },
    ExerciseCheck(id: "7.3h", lesson: 7, name: "demonstrationResetState", points: 1, visibility: .hidden) { set in
        let f = set.rewardMixing
        let expect = Expect("7.3h", "demonstrationResetState")
        let demos = [Array(0..<10), [10]]
        // Only the given random source decides: the same seed gives the same starts.
        func starts(seed: UInt64) throws -> [Int?] {
            var rng = RandomSource(seed: seed)
            return try (0..<200).map { _ in try f.demonstrationResetState(demonstrations: demos, probability: 0.5, rng: &rng) }
        }
        let first = try starts(seed: 7), again = try starts(seed: 7), other = try starts(seed: 8)
        try expect.that(first == again, "two runs with RandomSource(seed: 7) should give the same starts: use only `rng`")
        try expect.that(first != other, "runs with seeds 7 and 8 gave the same 200 starts: draw from `rng`")
        // The lone state of the short demonstration is 1 of 11 pooled states.
        var rng = RandomSource(seed: 731)
        var lone = 0
        let draws = 11_000
        for _ in 0..<draws {
            if try f.demonstrationResetState(demonstrations: demos, probability: 1, rng: &rng) == 10 { lone += 1 }
        }
        let share = Double(lone) / Double(draws)
        try expect.that(abs(share - 1.0 / 11.0) < 0.015, "demonstrations of 10 states and of 1 state: the single state should "
                        + "start 1/11 ≈ 9.1% of the episodes (uniform over pooled states), got " + String(format: "%.1f%%", 100 * share))
    },
    ExerciseCheck(id: "7.4h", lesson: 7, name: "successStatistics", points: 1, visibility: .hidden) { set in
        let f = set.rewardMixing
        let expect = Expect("7.4h", "successStatistics")
        // Success is read from the step infos, not from `terminated` or the rewards: an episode
        // cut by the time limit on its successful step still succeeded; a shaped reward is not success.
        var cut = try lesson07Episode(length: 4, successes: [3])
        cut.terminated = false
        cut.truncated = true
        var shaped = try lesson07Episode(length: 5, successes: [])
        shaped.rewards = [0.3, 0.2, 0.5, 1, 0.1]
        let stats = try f.successStatistics(of: [cut, shaped])
        try expect.that(stats.successes == 1 && stats.episodes == 2,
                        "an episode with info.succeeded on its last step (but truncated) succeeds, one with only shaped "
                        + "rewards does not: expected 1 success of 2, got \(stats.successes) of \(stats.episodes)")
        try expect.close(stats.meanStepsToSuccess, 4, "mean steps to success of those two episodes")
    },
]
