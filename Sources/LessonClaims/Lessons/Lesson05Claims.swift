import Numerics

/// Lesson 5's claims: off-policy RL on a fixed batch fails (agents orange and blue), and the tabular
/// picture of extrapolation error.
enum Lesson05Thresholds {
    /// "Far below": blue's final return at least this much under orange's (Pendulum's returns run from
    /// about −1500 for a policy that never swings up to about −150 for a solved task).
    static let farBelow = 300.0
    /// "Far above": blue's final value estimate at least this much over the true value of its policy.
    static let farAbove = 200.0
}

private func finalReturn(_ r: LessonResults, _ setting: String, _ agent: String) throws -> Double {
    try r.number("experiment.\(setting).\(agent).finalReturn", "mean")
}

private func returns(_ r: LessonResults, _ setting: String, _ agent: String) throws -> [Double] {
    try r.numbers("experiment.\(setting).\(agent).finalReturnPerSeed")
}

private func overestimation(_ r: LessonResults, _ setting: String, _ agent: String) throws -> [Double] {
    try r.numbers("experiment.\(setting).\(agent).overestimationPerSeed")
}

let lesson05Claims: [Claim] = [
    Claim(lesson: 5, id: "imitationReturn", "Imitation: blue's return is far below orange's, the worst of the three settings") { r, check in
        check.seeds(SeedComparison(greater: try returns(r, "imitation", "orange"), than: try returns(r, "imitation", "blue"),
                                   margin: Lesson05Thresholds.farBelow), "Imitation: orange's final return above blue's")
        let gap = try finalReturn(r, "imitation", "orange") - finalReturn(r, "imitation", "blue")
        for setting in ["final", "concurrent"] {
            let other = try finalReturn(r, setting, "orange") - finalReturn(r, setting, "blue")
            check.greater(gap, than: other, "the gap is largest on Imitation, vs \(setting)'s gap")
        }
    },
    Claim(lesson: 5, id: "imitationValue", "Imitation: blue's value estimate rises far above its true value, orange's stays close") { r, check in
        let blue = try overestimation(r, "imitation", "blue"), orange = try overestimation(r, "imitation", "orange")
        check.seeds(SeedComparison(greater: blue, than: Lesson05Thresholds.farAbove), "blue's estimate − true value")
        // Orange's own critic lags its improving policy by up to 250 on some seeds, so "close" is
        // measured against blue's error: hundreds smaller, not a fixed fraction of it.
        check.seeds(SeedComparison(greater: blue, than: orange.map(abs), margin: Lesson05Thresholds.farAbove),
                    "blue's error above orange's |error|")
    },
] + ["final", "concurrent"].map { setting in
    Claim(lesson: 5, id: "\(setting)Buffer", "\(setting == "final" ? "Final buffer" : "Concurrent"): blue's return far below orange's "
          + "and its estimate far above its true value",
          status: .knownIssue("on Pendulum at the kit's scale blue learns about as well as orange from this buffer (lesson 5 "
                              + "offers coverage as a hypothesis; the MuJoCo tier is where the paper's experiment ran)")) { r, check in
        check.seeds(SeedComparison(greater: try returns(r, setting, "orange"), than: try returns(r, setting, "blue"),
                                   margin: Lesson05Thresholds.farBelow), "\(setting): orange's final return above blue's")
        check.seeds(SeedComparison(greater: try overestimation(r, setting, "blue"), than: Lesson05Thresholds.farAbove),
                    "\(setting): blue's estimate − true value")
    }
} + [
    Claim(lesson: 5, id: "tabular", "tabular: never-tried actions keep their initial value and the greedy policy picks them") { r, check in
        for initial in ["optimistic", "random"] {
            check.that(try r.flag("tabular.\(initial).untriedKeepInitialValue"), "untried Q-values stay at their \(initial) initialisation")
        }
        check.atLeast(try r.number("tabular.optimistic.fractionGreedyUntried"), 0.9, "optimistic table: states whose greedy move is untried")
        check.greater(try r.number("tabular.random.fractionGreedyUntried"), than: 0, "random table: states whose greedy move is untried")
        check.that(!(try r.flag("tabular.optimistic.reachesGoal")), "the greedy policy of Q-learning on the batch does not reach the goal")
        check.greater(try r.number("tabular.optimalReturn"), than: 0.3, "the task's optimal return")
    },
]
