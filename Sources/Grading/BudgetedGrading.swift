import Foundation

/// A grading run within a time budget: every check in a child process with a limit derived from the
/// reference's time, several at once, and the whole run against a deadline, after which the checks
/// not yet started score 0 with a message saying why. The report always comes out.
public struct BudgetedGrading: Sendable {
    /// The checks to run, in report order.
    public var checks: [ExerciseCheck]
    /// Each check's time limit.
    public var limits: TimeLimits
    /// How many checks run at once.
    public var jobs: Int
    /// Seconds from `start` (see ``run(start:runCheck:progress:)``) until the whole run must be over.
    public var deadline: Double

    /// Creates a run; see the properties.
    public init(checks: [ExerciseCheck], limits: TimeLimits, jobs: Int, deadline: Double) {
        self.checks = checks
        self.limits = limits
        self.jobs = max(1, jobs)
        self.deadline = deadline
    }

    /// The longest this run can take if every check runs to its limit, not counting the deadline.
    public var worstCase: Double { limits.worstCase(ids: checks.map(\.id), jobs: jobs) }

    /// Runs the checks: `runCheck(check, limit)` runs one (in a child process; see
    /// ``IsolatedRunner``) and `progress` hears of each as it ends. The report's execution time
    /// counts from `start`, from which the deadline counts too.
    public func run(start: Date = Date(),
                    runCheck: @escaping @Sendable (ExerciseCheck, Double) -> IsolatedOutcome,
                    progress: @escaping @Sendable (GradedExercise) -> Void = { _ in }) -> GradeReport {
        let checks = self.checks, limits = self.limits, deadline = self.deadline
        let scheduler = CheckScheduler(jobs: jobs, deadline: start.addingTimeInterval(deadline))
        let results = scheduler.run(
            limits: checks.map { limits.limit(for: $0.id) },
            run: { index, limit in runCheck(checks[index], limit) },
            finished: { index, result in
                progress(Self.graded(checks[index], result, limits: limits, deadline: deadline))
            })
        let exercises = zip(checks, results).map { Self.graded($0, $1, limits: limits, deadline: deadline) }
        var report = GradeReport(exercises: exercises, executionTime: Date().timeIntervalSince(start))
        report.notes = Self.notes(exercises, deadline: deadline)
        return report
    }

    /// One check's graded result, with a message that says which limit stopped it and why.
    public static func graded(_ check: ExerciseCheck, _ result: ScheduledResult, limits: TimeLimits,
                              deadline: Double) -> GradedExercise {
        var exercise = GradedExercise(id: check.id, lesson: check.lesson, name: check.name, score: 0,
                                      maxScore: check.points, passed: false, message: "",
                                      hidden: check.visibility == .hidden, seconds: 0)
        guard let outcome = result.outcome else {
            exercise.notRun = true
            exercise.message = "\(check): not run: grading this submission reached its deadline of "
                + "\(formatSeconds(deadline)) s before this exercise could start, because other exercises "
                + "ran to their time limits (fix the ones stopped for taking too long)"
            return exercise
        }
        exercise.passed = outcome.passed
        exercise.score = outcome.passed ? check.points : 0
        exercise.seconds = outcome.seconds
        exercise.timedOut = outcome.timedOut
        exercise.notImplemented = outcome.notImplemented
        if result.stoppedByDeadline {
            exercise.message = "\(check): stopped when grading this submission reached its deadline of "
                + "\(formatSeconds(deadline)) s, after \(formatSeconds(outcome.seconds)) s of its own limit of "
                + "\(formatSeconds(limits.limit(for: check.id))) s (an infinite loop, or far too slow)"
        } else if outcome.timedOut {
            exercise.message = "\(check): stopped after its time limit of \(formatSeconds(result.limit)) s "
                + "(\(limits.explanation(for: check.id))): an infinite loop, or far too slow"
        } else {
            exercise.message = outcome.message
        }
        return exercise
    }

    /// The lines for the report's top-level output about exercises stopped or not run; hidden
    /// checks are counted, not named.
    public static func notes(_ exercises: [GradedExercise], deadline: Double) -> [String] {
        func list(_ group: [GradedExercise]) -> String {
            let named = group.filter { !$0.hidden }.map { "\($0.id) \($0.name)" }
            let hidden = group.count - named.count
            return (named + (hidden > 0 ? ["\(hidden) hidden check\(hidden == 1 ? "" : "s")"] : []))
                .joined(separator: ", ")
        }
        var notes = [String]()
        let stopped = exercises.filter(\.timedOut)
        if !stopped.isEmpty {
            notes.append("Stopped for taking too long (an infinite loop, or far too slow): \(list(stopped)).")
        }
        let notRun = exercises.filter(\.notRun)
        if !notRun.isEmpty {
            notes.append("Grading reached its deadline of \(formatSeconds(deadline)) s; not run, 0 points: "
                         + "\(list(notRun)).")
        }
        return notes
    }
}
