import Foundation
import Testing

/// Lesson 5's quick run, made once per test process and shared by every claim below.
enum Lesson05Run {
    nonisolated(unsafe) static let shared: Result<LessonRun, any Error> = Result {
        try LessonRun.run("05-off-policy-failure", seed: 0, timeLimit: 600)
    }

    static func get() throws -> LessonRun { try shared.get() }
}

/// The thresholds and readers of lesson 5's claims.
enum Lesson05Claims {
    /// "Far below": blue's final return at least this much under orange's (Pendulum's returns run from
    /// about −1500 for a policy that never swings up to about −150 for a solved task).
    static let farBelowMargin = 300.0

    /// "Far above": blue's final value estimate at least this much over the true value of its policy.
    static let farAboveMargin = 200.0

    /// Final return (mean over seeds) of `agent` in `setting`.
    static func finalReturn(_ run: LessonRun, _ setting: String, _ agent: String) throws -> Double {
        let entry = try run.dictionary("experiment.\(setting).\(agent).finalReturn")
        return try #require(entry["mean"] as? Double)
    }

    /// Final value estimate and true value (means over seeds) of `agent` in `setting`.
    static func finalValue(_ run: LessonRun, _ setting: String, _ agent: String) throws -> (estimate: Double, truth: Double) {
        let entry = try run.dictionary("experiment.\(setting).\(agent).finalValue")
        return (try #require(entry["estimate"] as? Double), try #require(entry["truth"] as? Double))
    }
}

@Suite("Lesson 5: off-policy RL fails when it is truly off-policy")
struct Lesson05ClaimTests {
    @Test("the lesson runs every cell and writes its figures, notebooks and buffers")
    func lessonRuns() throws {
        let run = try Lesson05Run.get()
        #expect(run.status == "complete", "status \(run.status ?? "none")")
        for file in ["returns.png", "values.png", "tabular.png", "buffers.png", "notebook.md", "notebook.ipynb",
                     "buffers/final-seed0.npz", "buffers/concurrent-seed0.npz", "buffers/imitation-seed0.npz"] {
            #expect(run.wrote(file), "\(file) was not written")
        }
        #expect(try run.measurement("throughput.gradientStepsPerSecond") > 0)
        #expect(try run.measurement("throughput.environmentStepsPerSecond") > 0)
    }

    @Test("Imitation: blue's return is far below the expert's, the worst of the three settings")
    func imitationBlueFails() throws {
        let run = try Lesson05Run.get()
        let orange = try Lesson05Claims.finalReturn(run, "imitation", "orange"), blue = try Lesson05Claims.finalReturn(run, "imitation", "blue")
        #expect(blue < orange - Lesson05Claims.farBelowMargin,
                "claim: blue far below orange on the Imitation buffer; orange \(orange), blue \(blue)")
        let gap = orange - blue
        for setting in ["final", "concurrent"] {
            let other = try Lesson05Claims.finalReturn(run, setting, "orange") - Lesson05Claims.finalReturn(run, setting, "blue")
            #expect(gap > other, "claim: the gap is largest on Imitation; Imitation \(gap), \(setting) \(other)")
        }
    }

    @Test("Imitation: blue's value estimate rises far above its true value, orange's stays close")
    func imitationBlueOverestimates() throws {
        let run = try Lesson05Run.get()
        let blue = try Lesson05Claims.finalValue(run, "imitation", "blue"), orange = try Lesson05Claims.finalValue(run, "imitation", "orange")
        let blueError = blue.estimate - blue.truth, orangeError = abs(orange.estimate - orange.truth)
        #expect(blueError > Lesson05Claims.farAboveMargin,
                "claim: blue overestimates; estimate \(blue.estimate), true value \(blue.truth)")
        #expect(blueError > 3 * orangeError,
                "claim: orange's estimate stays close; orange off by \(orangeError), blue by \(blueError)")
    }

    /// The syllabus claims blue is far below orange in the Final-buffer and Concurrent settings too,
    /// as in Fujimoto et al.'s MuJoCo experiments. On Pendulum at the kit's scale (2-D state, 1-D
    /// action, 10 000 transitions) the two buffers cover what blue's policy does and blue learns
    /// about as well as orange: the claim is asserted, and its failure recorded as a known issue.
    /// Measured without success over 3 seeds: blue trained 3× as long, Final noise of torque 1,
    /// a 3 000-step buffer, Concurrent noise 0, two pendulums at once (6-D state, 2-D action),
    /// a 2-link reacher (10-D state) and a balancing task with termination.
    @Test("Final buffer and Concurrent: blue's return far below orange's (does not hold on Pendulum at this scale)",
          arguments: ["final", "concurrent"])
    func coveredSettings(_ setting: String) throws {
        let run = try Lesson05Run.get()
        let orange = try Lesson05Claims.finalReturn(run, setting, "orange"), blue = try Lesson05Claims.finalReturn(run, setting, "blue")
        let values = try Lesson05Claims.finalValue(run, setting, "blue")
        withKnownIssue("Pendulum's Final and Concurrent buffers cover blue's actions; see the lesson's 'Coverage decides'",
                       isIntermittent: true) {
            #expect(blue < orange - Lesson05Claims.farBelowMargin,
                    "claim: blue far below orange on the \(setting) buffer; orange \(orange), blue \(blue)")
            #expect(values.estimate - values.truth > Lesson05Claims.farAboveMargin,
                    "claim: blue overestimates on the \(setting) buffer; estimate \(values.estimate), true \(values.truth)")
        }
    }

    @Test("tabular: never-tried actions keep their initial value and the greedy policy picks them")
    func tabularExtrapolationError() throws {
        let run = try Lesson05Run.get()
        for initial in ["optimistic", "random"] {
            let kept = try #require(try run.value("tabular.\(initial).untriedKeepInitialValue") as? Bool)
            #expect(kept, "claim: untried Q-values stay at their \(initial) initialisation")
        }
        let fraction = try run.number("tabular.optimistic.fractionGreedyUntried")
        #expect(fraction >= 0.9, "claim: from an optimistic table the greedy move is an untried one in \(fraction) of the states")
        #expect(try run.number("tabular.random.fractionGreedyUntried") > 0)
        let reaches = try #require(try run.value("tabular.optimistic.reachesGoal") as? Bool)
        #expect(!reaches, "claim: the greedy policy of Q-learning on the batch does not reach the goal")
        #expect(try run.number("tabular.optimalReturn") > 0.3)
    }
}
