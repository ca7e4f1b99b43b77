import ExerciseAPI
import Exercises
#if canImport(Solutions)
import Solutions
#endif

/// Whether this copy of the kit includes the reference answers (`Solutions/`).
///
/// The instructor's kit does; the student handout does not, and there every lesson runs on the
/// student's code.
#if canImport(Solutions)
public let referenceIsAvailable = true
#else
public let referenceIsAvailable = false
#endif

/// The exercise implementations to plug into a lesson or a grading run.
///
/// `.reference` gives `Solutions.all` where the kit has it; in the student handout, which has no
/// `Solutions/`, it falls back to the student's code and `fellBack` says so.
public func exerciseSet(for implementation: Implementation) -> (set: ExerciseSet, fellBack: Bool) {
    switch implementation {
    case .exercises:
        return (Exercises.all, false)
    case .reference:
        #if canImport(Solutions)
        return (Solutions.all, false)
        #else
        return (Exercises.all, true)
        #endif
    }
}
