/// The error an untouched exercise stub throws.
///
/// Every function in `Exercises/` starts life as
/// ```swift
/// func behaviorCloningLoss(...) throws -> Tensor {
///     throw NotImplemented(exercise: "1.1", name: "behaviorCloningLoss", file: "Exercises/01-behavior-cloning/BehaviorCloningLoss.swift")
/// }
/// ```
/// The lesson runner catches it and says which exercise is still to write; the grader scores it as
/// a clean failure. Replace the `throw` with your implementation.
public struct NotImplemented: Error, CustomStringConvertible, Sendable, Equatable {
    /// The exercise number, "lesson.index", e.g. "6.2".
    public let exercise: String
    /// The function the student writes.
    public let name: String
    /// Where the stub lives, relative to the kit's root.
    public let file: String

    /// Creates the error for exercise `exercise` (e.g. "1.1"), function `name`, stub file `file`.
    public init(exercise: String, name: String, file: String) {
        self.exercise = exercise
        self.name = name
        self.file = file
    }

    public var description: String {
        "exercise \(exercise) `\(name)` is not implemented yet: write it in \(file)"
    }
}

/// Which implementation of the exercises a lesson runs on.
public enum Implementation: String, CaseIterable, Sendable, Codable {
    /// The reference answers in `Solutions/`.
    case reference
    /// The student's code in `Exercises/`.
    case exercises
}
