import ExerciseAPI
import Grading

/// One plausible wrong answer to one exercise: the reference implementation with a single formula
/// replaced by a mistake a student could make.
///
/// A mutant never rebuilds anything: ``apply(to:)`` wraps the reference ``ExerciseSet`` in a
/// forwarding implementation of the lesson's protocol (see `Lesson01Mutants.swift` …) whose one
/// overridden requirement computes the wrong formula, usually by transforming the reference's
/// inputs or outputs. The checks of the exercise (visible and hidden) must then fail.
public struct Mutant: Sendable, Identifiable, CustomStringConvertible {
    /// The exercise the mistake belongs to, e.g. "4.4".
    public let exercise: String
    /// A short name of the mistake, e.g. "max instead of min".
    public let name: String
    /// Words a good failure hint would contain (any one of them, case-insensitive), e.g. ["sign"].
    public let hintWords: [String]
    /// Whether the mistake may trap (e.g. an index out of range) before a check can catch it: such
    /// a mutant runs only in a child process (the `mutants` command), never in the test runner.
    public let mayCrash: Bool
    /// Replaces the exercise's formula in a set by the mistake.
    public let edit: @Sendable (inout ExerciseSet) -> Void

    /// Declares a mutant of `exercise`.
    public init(_ exercise: String, _ name: String, hint hintWords: [String], mayCrash: Bool = false,
                edit: @escaping @Sendable (inout ExerciseSet) -> Void) {
        self.mayCrash = mayCrash
        self.exercise = exercise
        self.name = name
        self.hintWords = hintWords
        self.edit = edit
    }

    /// A stable identifier, "exercise/name", e.g. "4.4/max instead of min".
    public var id: String { "\(exercise)/\(name)" }

    public var description: String { "\(exercise) \(name)" }

    /// The lesson the exercise belongs to.
    public var lesson: Int { Int(exercise.split(separator: ".").first ?? "") ?? 0 }

    /// `reference` with this mutant's mistake in place of the exercise's formula.
    public func apply(to reference: ExerciseSet) -> ExerciseSet {
        var set = reference
        edit(&set)
        return set
    }

    /// The checks that grade this mutant's exercise: its visible check and its hidden ones ("4.4", "4.4h", …).
    public var checks: [ExerciseCheck] {
        allChecks.filter { $0.id == exercise || ($0.id.hasPrefix(exercise + "h") && $0.lesson == lesson) }
    }

    /// Runs the exercise's checks on the mutated reference in this process, stopping at the first
    /// that fails. A crash or an infinite loop of the mutant takes the process down: the `mutants`
    /// command runs each mutant in a child process for that.
    public func verdict(on reference: ExerciseSet) -> MutantVerdict {
        let mutated = apply(to: reference)
        for check in checks {
            let outcome = check.outcome(on: mutated)
            if !outcome.passed {
                return MutantVerdict(caught: true, checkID: check.id, message: outcome.message)
            }
        }
        return MutantVerdict(caught: false, checkID: nil, message: "")
    }
}

/// What the checks made of a mutant.
public struct MutantVerdict: Sendable, Equatable, Codable {
    /// Whether some check failed on the mutant (what should happen).
    public var caught: Bool
    /// The check that failed first, e.g. "4.4h".
    public var checkID: String?
    /// That check's failure message (empty when the mutant survived).
    public var message: String

    /// A verdict with the given fields.
    public init(caught: Bool, checkID: String?, message: String) {
        self.caught = caught
        self.checkID = checkID
        self.message = message
    }

    /// Whether the message contains one of `words` (case-insensitive): the hint points at the mistake.
    public func namesMistake(_ words: [String]) -> Bool {
        let text = message.lowercased()
        return words.contains { text.contains($0.lowercased()) }
    }
}

/// Every mutant of the catalogue, in lesson order.
public let allMutants: [Mutant] =
    lesson01Mutants + lesson02Mutants + lesson03Mutants + lesson04Mutants
    + lesson05Mutants + lesson06Mutants + lesson07Mutants + lesson08Mutants + lesson09Mutants

/// `reference` with every lesson wrapped in its forwarding implementation and nothing overridden:
/// it must pass every check, or the wrappers themselves would be what the checks catch.
public func forwardingOnly(_ reference: ExerciseSet) -> ExerciseSet {
    var set = reference
    set.behaviorCloning = BehaviorCloningMutant(base: reference.behaviorCloning)
    set.distributionShift = DistributionShiftMutant(base: reference.distributionShift)
    set.ganTheory = GANMutant(base: reference.ganTheory)
    set.adversarialImitation = GAILMutant(base: reference.adversarialImitation)
    set.offPolicyLearning = OffPolicyMutant(base: reference.offPolicyLearning)
    set.batchConstrained = BCQMutant(base: reference.batchConstrained)
    set.rewardMixing = RewardMixingMutant(base: reference.rewardMixing)
    set.demonstrationsInRL = DemonstrationsMutant(base: reference.demonstrationsInRL)
    set.visuomotor = VisuomotorMutant(base: reference.visuomotor)
    return set
}
