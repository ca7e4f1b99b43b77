import Foundation
import Numerics

/// One claim of a lesson, evaluated on the lesson's results.json: the same code decides it in the
/// claim tests (`swift test`) and in `robustness` (seeds × BLAS kernels).
///
/// ```swift
/// Claim(lesson: 7, id: "lambda", "an intermediate λ beats both ends") { results, check in
///     let recipe = try results.numbers("runs.lambda0.1.finalSuccess")
///     let none = try results.numbers("runs.lambda0.finalSuccess")
///     check.seeds(SeedComparison(greater: recipe, than: none), "λ = 0.1 above λ = 0")
/// }
/// ```
public struct Claim: Sendable, CustomStringConvertible {
    /// Whether a claim is expected to hold.
    public enum Status: Sendable, Equatable {
        /// The kit asserts it: it holds on (nearly) every seed and kernel.
        case asserted
        /// The syllabus states it, but it does not reproduce here: the reason. Its test fails the day
        /// the claim starts to hold, so that the lesson's text gets updated.
        case knownIssue(String)
        /// It holds on some runs but not on nearly all (nor on none): shown with its measured pass rate
        /// (the text), evaluated on every run, asserted by no test.
        case reported(String)
        /// Decided only on a run of at least `seeds` seeds per experiment (`--seed-count`), at the
        /// default budget: its runs are bimodal or slow, so the seeds or the steps it needs are more than
        /// the test command can afford. On fewer seeds the claim's body throws
        /// ``ClaimError/tooFewSeeds(have:need:)``, on shorter runs (`--quick`)
        /// ``ClaimError/tooShortRuns(have:need:)``; the text says what the study runs measured, and on
        /// which kernels.
        case study(seeds: Int, String)
    }

    /// The lesson's number.
    public let lesson: Int
    /// A short key, unique within the lesson.
    public let id: String
    /// The claim in words.
    public let title: String
    /// Asserted or a known issue.
    public let status: Status
    private let body: @Sendable (LessonResults, ClaimChecker) throws -> Void

    public init(lesson: Int, id: String, _ title: String, status: Status = .asserted,
                _ body: @escaping @Sendable (LessonResults, ClaimChecker) throws -> Void) {
        self.lesson = lesson
        self.id = id
        self.title = title
        self.status = status
        self.body = body
    }

    /// A claim about a lesson's typed results: `body` gets them decoded as `Results`, the type the
    /// lesson's cells fill in.
    ///
    /// ```swift
    /// Claim(lesson: 1, id: "lossFalls", "the training loss falls", of: Lesson01Results.self) { results, check in
    ///     let sweep = try required(results.pendulum, "pendulum")
    ///     check.less(sweep.finalLoss[0] / sweep.initialLoss[0], than: 0.05, "1 demo: final / initial loss")
    /// }
    /// ```
    public init<Results: Decodable & SendableMetatype>(lesson: Int, id: String, _ title: String, status: Status = .asserted,
                                                        of type: Results.Type,
                                                        _ body: @escaping @Sendable (Results, ClaimChecker) throws -> Void) {
        self.init(lesson: lesson, id: id, title, status: status) { results, check in
            try body(try results.decode(Results.self), check)
        }
    }

    /// Evaluates the claim on a run's results.
    public func evaluate(_ results: LessonResults) -> Verdict {
        let checker = ClaimChecker()
        do {
            try body(results, checker)
        } catch {
            return Verdict(checks: checker.checks, error: "\(error)")
        }
        return Verdict(checks: checker.checks, error: checker.checks.isEmpty ? "the claim checked nothing" : nil)
    }

    /// "7.lambda".
    public var key: String { "\(lesson).\(id)" }

    public var description: String { "lesson \(lesson): \(title)" }
}

/// What a claim found on one run: each check with its slack, or the error that stopped it.
public struct Verdict: Sendable {
    /// One comparison of the claim.
    public struct Check: Sendable {
        /// Whether it holds.
        public let holds: Bool
        /// How far it clears its bound, in the check's own units (negative when it fails).
        public let slack: Double
        /// The slack as a fraction of the numbers compared, so that checks in different units can be
        /// ranked: −0.5 misses by half, 0.01 clears by 1%.
        public let relativeSlack: Double
        /// The comparison in words, with its numbers.
        public let detail: String
    }

    public let checks: [Check]
    /// Why the claim could not be evaluated (a missing result), if it could not.
    public let error: String?

    /// A verdict from its checks, or from the error that stopped the claim's evaluation.
    public init(checks: [Check], error: String?) {
        self.checks = checks
        self.error = error
    }

    /// Whether every check holds (and the claim could be evaluated).
    public var holds: Bool { error == nil && checks.allSatisfy(\.holds) }

    /// The check closest to failing, relative to the numbers it compares (or the first failing one).
    public var tightest: Check? {
        checks.first { !$0.holds } ?? checks.min { $0.relativeSlack < $1.relativeSlack }
    }

    /// The failures, or the error, in words (empty when the claim holds).
    public var failures: String {
        if let error { return error }
        return checks.filter { !$0.holds }.map(\.detail).joined(separator: "; ")
    }
}

/// Collects a claim's checks (the claim's body calls it as a test calls `#expect`).
public final class ClaimChecker: @unchecked Sendable {
    private(set) var checks: [Verdict.Check] = []

    /// `value < bound`.
    public func less(_ value: Double, than bound: Double, _ detail: String) {
        add(value < bound, slack: bound - value, scale: max(abs(bound), abs(value)), detail + " (\(short(value)), want < \(short(bound)))")
    }

    /// `value ≤ bound`.
    public func atMost(_ value: Double, _ bound: Double, _ detail: String) {
        add(value <= bound, slack: bound - value, scale: max(abs(bound), abs(value)), detail + " (\(short(value)), want ≤ \(short(bound)))")
    }

    /// `value > bound`.
    public func greater(_ value: Double, than bound: Double, _ detail: String) {
        add(value > bound, slack: value - bound, scale: max(abs(bound), abs(value)), detail + " (\(short(value)), want > \(short(bound)))")
    }

    /// `value ≥ bound`.
    public func atLeast(_ value: Double, _ bound: Double, _ detail: String) {
        add(value >= bound, slack: value - bound, scale: max(abs(bound), abs(value)), detail + " (\(short(value)), want ≥ \(short(bound)))")
    }

    /// A claim over seeds, decided by `comparison.holds` (difference beyond margin + k standard errors).
    public func seeds(_ comparison: SeedComparison, _ detail: String) {
        let needed = comparison.margin + comparison.standardErrors * comparison.standardError
        add(comparison.holds, slack: comparison.slack, scale: max(abs(comparison.difference), abs(needed)),
            detail + ": " + comparison.description)
    }

    /// A yes-or-no fact (slack ±1).
    public func that(_ condition: Bool, _ detail: String) {
        add(condition, slack: condition ? 1 : -1, scale: 1, detail)
    }

    private func add(_ holds: Bool, slack: Double, scale: Double, _ detail: String) {
        let valid = !slack.isNaN
        let relative = valid ? (scale > 0 && scale.isFinite ? slack / scale : (slack > 0 ? 1 : slack < 0 ? -1 : 0)) : -.infinity
        checks.append(.init(holds: holds && valid, slack: valid ? slack : -.infinity, relativeSlack: relative, detail: detail))
    }

    private func short(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        return abs(value) >= 0.01 ? String(format: "%.3g", value) : String(format: "%.2e", value)
    }
}

/// `value`, or an error naming the part of the results a claim needs and the run did not record
/// (its cell did not run).
public func required<T>(_ value: T?, _ name: String) throws -> T {
    guard let value else {
        throw ClaimError.undecodable(type: "\(T.self)", path: name, reason: "missing (the cell that records it did not run)")
    }
    return value
}
