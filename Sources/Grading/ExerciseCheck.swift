import ExerciseAPI

/// One graded exercise: a named check that an implementation of a lesson's formula is right.
///
/// A check runs the student's function on chosen inputs (edge cases included) and, where it
/// matters, runs a small piece of the lesson with it; it throws ``CheckFailure`` naming the
/// exercise, the input and the expected and actual values at the first mistake. An untouched stub
/// makes it throw ``NotImplemented``. Points per exercise are declared here, in the check, and
/// nowhere else.
public struct ExerciseCheck: Sendable, Identifiable, CustomStringConvertible {
    /// Who sees the check's result.
    public enum Visibility: String, Sendable {
        /// Students see it in their copy and in the report.
        case visible
        /// Instructor-only: kept out of the student handout; shown once grades are published.
        case hidden
    }

    /// The exercise number, "lesson.index", e.g. "1.2"; a hidden check adds a suffix ("1.2h").
    public let id: String
    /// The lesson the exercise belongs to.
    public let lesson: Int
    /// The function the student writes, e.g. `behaviorCloningLoss`.
    public let name: String
    /// The points it is worth.
    public let points: Double
    /// Who sees it.
    public let visibility: Visibility
    /// Runs the check; throws ``CheckFailure`` or ``NotImplemented`` when it does not pass.
    public let run: @Sendable (ExerciseSet) throws -> Void

    /// Declares a check.
    public init(id: String, lesson: Int, name: String, points: Double,
                visibility: Visibility = .visible, run: @escaping @Sendable (ExerciseSet) throws -> Void) {
        self.id = id
        self.lesson = lesson
        self.name = name
        self.points = points
        self.visibility = visibility
        self.run = run
    }

    public var description: String { "exercise \(id) \(name)" }
}

/// What running one check gave.
public enum CheckOutcome: Sendable, Equatable {
    case passed
    /// The implementation ran and gave a wrong answer, or threw an error of its own.
    case failed(String)
    /// The implementation is still the untouched stub.
    case notImplemented(String)

    /// `true` for ``passed``.
    public var passed: Bool { self == .passed }

    /// The message to show, empty when passed.
    public var message: String {
        switch self {
        case .passed: ""
        case .failed(let m), .notImplemented(let m): m
        }
    }
}

extension ExerciseCheck {
    /// Runs the check in this process on `implementation` and classifies the outcome.
    ///
    /// Crashes and infinite loops of the student's code cannot be caught in-process; the
    /// `grade` command runs each check in a child process with a time limit for that.
    public func outcome(on implementation: ExerciseSet) -> CheckOutcome {
        do {
            try run(implementation)
            return .passed
        } catch let error as NotImplemented {
            return .notImplemented(error.description)
        } catch let error as CheckFailure {
            return .failed(error.message)
        } catch {
            return .failed("exercise \(id) \(name) threw an error: \(error)")
        }
    }
}
