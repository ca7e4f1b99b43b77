import ExerciseAPI

extension DemonstrationsInRL {
    /// Exercise 8.2: one step of the backward curriculum. Episodes start `current` steps before the
    /// end of a demonstration; move the start `stepBack` steps earlier once the agent succeeds often
    /// enough from there.
    ///
    /// - Return `min(current + stepBack, longest)` when `recentSuccessRate ≥ threshold`, else `current`.
    /// - A NaN rate (no episode finished yet) never moves the start.
    /// - Throw `DemonstrationsInputError` for a threshold outside [0, 1], `stepBack` < 1, `longest` < 0
    ///   or `current` outside `0 ... longest`.
    public func curriculumStartOffset(current: Int, recentSuccessRate: Double, threshold: Double, stepBack: Int,
                                      longest: Int) throws -> Int {
        throw NotImplemented(exercise: "8.2", name: "curriculumStartOffset",
                             file: "Exercises/08-demonstrations-in-rl/CurriculumStartOffset.swift")
    }
}
