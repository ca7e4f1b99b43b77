import ExerciseAPI
import Numerics

/// Instructor-only checks of lesson 8 (demonstrations inside RL): kept out of the student handout.
let lesson08HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "8.1h", lesson: 8, name: "mixedMinibatchIndices", points: 1, visibility: .hidden) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.1h", "mixedMinibatchIndices")
        var rng = RandomSource(seed: 811)
        // Fractions 0 and 1 with both parts present.
        let allAgent = try f.mixedMinibatchIndices(demonstrationCount: 3, agentCount: 9, batchSize: 20,
                                                   demonstrationFraction: 0, rng: &rng)
        try expect.that(allAgent.allSatisfy { (3..<12).contains($0) },
                        "(3, 9, batchSize: 20, fraction: 0) gave \(allAgent): expected only agent indices 3 ..< 12")
        let allDemonstrations = try f.mixedMinibatchIndices(demonstrationCount: 3, agentCount: 9, batchSize: 20,
                                                            demonstrationFraction: 1, rng: &rng)
        try expect.that(allDemonstrations.allSatisfy { (0..<3).contains($0) },
                        "(3, 9, batchSize: 20, fraction: 1) gave \(allDemonstrations): expected only demonstration indices 0 ..< 3")
        // A batch of one row, and a large buffer: indices stay in range and use the whole range.
        let one = try f.mixedMinibatchIndices(demonstrationCount: 1, agentCount: 1, batchSize: 1, demonstrationFraction: 0.2, rng: &rng)
        try expect.that(one == [1], "(1, 1, batchSize: 1, fraction: 0.2) gave \(one), expected [1] (round(0.2) = 0 demonstration rows)")
        var largest = 0
        for _ in 0..<50 {
            let batch = try f.mixedMinibatchIndices(demonstrationCount: 1_000, agentCount: 100_000, batchSize: 64,
                                                    demonstrationFraction: 0.25, rng: &rng)
            try expect.that(batch.allSatisfy { (0..<101_000).contains($0) }, "indices outside 0 ..< 101000 for (1000, 100000, 64, 0.25)")
            largest = max(largest, batch.max() ?? 0)
        }
        try expect.that(largest > 90_000, "over 50 batches from 100000 agent transitions the largest index was \(largest): "
                        + "draw from the whole agent region")
        try expect.throwsError("mixedMinibatchIndices with −1 demonstrations") {
            _ = try f.mixedMinibatchIndices(demonstrationCount: -1, agentCount: 5, batchSize: 4, demonstrationFraction: 0.5, rng: &rng)
        }
        try expect.throwsError("mixedMinibatchIndices with demonstrationFraction NaN") {
            _ = try f.mixedMinibatchIndices(demonstrationCount: 2, agentCount: 5, batchSize: 4, demonstrationFraction: .nan, rng: &rng)
        }
    },
    ExerciseCheck(id: "8.2h", lesson: 8, name: "curriculumStartOffset", points: 1, visibility: .hidden) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.2h", "curriculumStartOffset")
        let big = try f.curriculumStartOffset(current: 1, recentSuccessRate: 0.9, threshold: 0.8, stepBack: 50, longest: 12)
        try expect.that(big == 12, "(current: 1, rate: 0.9, threshold: 0.8, stepBack: 50, longest: 12) gave \(big), expected 12")
        let zero = try f.curriculumStartOffset(current: 0, recentSuccessRate: 1, threshold: 1, stepBack: 1, longest: 0)
        try expect.that(zero == 0, "(current: 0, rate: 1, threshold: 1, stepBack: 1, longest: 0) gave \(zero), expected 0")
        let strict = try f.curriculumStartOffset(current: 4, recentSuccessRate: 0.999, threshold: 1, stepBack: 2, longest: 10)
        try expect.that(strict == 4, "(current: 4, rate: 0.999, threshold: 1) gave \(strict), expected 4")
        try expect.throwsError("curriculumStartOffset with current −1") {
            _ = try f.curriculumStartOffset(current: -1, recentSuccessRate: 1, threshold: 0.5, stepBack: 1, longest: 10)
        }
        try expect.throwsError("curriculumStartOffset with threshold NaN") {
            _ = try f.curriculumStartOffset(current: 1, recentSuccessRate: 1, threshold: .nan, stepBack: 1, longest: 10)
        }
    },
    ExerciseCheck(id: "8.3h", lesson: 8, name: "actorLossWithBehaviorCloning", points: 1, visibility: .hidden) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.3h", "actorLossWithBehaviorCloning")
        // Ties do not pass the filter (strictly greater), large values stay finite.
        let values = Tensor(Matrix(columnVector: [1e6, 2]))
        let actions = Tensor(Matrix([[1], [-1]]))
        let stored = Matrix([[-1], [1]])
        let loss = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                      demonstrationValues: Matrix(columnVector: [1e6 + 1, 2]),
                                                      isDemonstration: [true, true], weight: 10)
        // −(1e6 + 2)/2 + 10 · (4 + 0)/2 = −500001 + 20
        try expect.close(Double(loss.scalar), -499_981, tolerance: 1e-6,
                         "(Q(s, π(s)): [1e6, 2], π: [1, −1], a: [−1, 1], Q(s, a): [1e6 + 1, 2], both demonstrations, λ: 10)",
                         hint: "the filter keeps a row only where Q(s, a) > Q(s, π(s)), strictly")
        try expect.throwsError("actorLossWithBehaviorCloning with demonstrationValues of 3 rows for 2") {
            _ = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: stored,
                                                   demonstrationValues: Matrix(columnVector: [1, 2, 3]),
                                                   isDemonstration: [true, true], weight: 1)
        }
        try expect.throwsError("actorLossWithBehaviorCloning with demonstration actions of 2 columns for 1") {
            _ = try f.actorLossWithBehaviorCloning(policyValues: values, policyActions: actions, demonstrationActions: .zeros(2, 2),
                                                   demonstrationValues: nil, isDemonstration: [true, true], weight: 1)
        }
    },
    ExerciseCheck(id: "8.4h", lesson: 8, name: "shouldRemoveDemonstrations", points: 1, visibility: .hidden) { set in
        let f = set.demonstrationsInRL
        let expect = Expect("8.4h", "shouldRemoveDemonstrations")
        let immediately = try f.shouldRemoveDemonstrations(recentSuccessRate: 0, agentEpisodes: 0, successThreshold: 0,
                                                           minimumEpisodes: 0)
        try expect.that(immediately, "(rate: 0, episodes: 0, threshold: 0, minimum: 0) gave false, expected true")
        let never = try f.shouldRemoveDemonstrations(recentSuccessRate: 0.99, agentEpisodes: 1_000, successThreshold: 1,
                                                     minimumEpisodes: 5)
        try expect.that(!never, "(rate: 0.99, episodes: 1000, threshold: 1, minimum: 5) gave true, expected false")
        try expect.throwsError("shouldRemoveDemonstrations with threshold NaN") {
            _ = try f.shouldRemoveDemonstrations(recentSuccessRate: 0.5, agentEpisodes: 3, successThreshold: .nan, minimumEpisodes: 1)
        }
        try expect.throwsError("shouldRemoveDemonstrations with minimumEpisodes −2") {
            _ = try f.shouldRemoveDemonstrations(recentSuccessRate: 0.5, agentEpisodes: 3, successThreshold: 0.5, minimumEpisodes: -2)
        }
    },
]
