import ExerciseAPI
import Exercises
import Grading
import Testing

/// The untouched stubs in `Exercises/` fail every check cleanly: they throw `NotImplemented`
/// rather than crash, and no check passes on them by accident.
///
/// This holds for the kit as published; the student handout leaves this file out, because a
/// student's copy is meant to pass.
@Suite struct StubsFailTests {
    @Test("the untouched stub fails cleanly", arguments: allChecks)
    func stubFails(_ check: ExerciseCheck) {
        let outcome = check.outcome(on: Exercises.all)
        guard case .notImplemented = outcome else {
            Issue.record("\(check) on the untouched stub gave \(outcome), want a clean 'not implemented' failure")
            return
        }
    }
}
