import ExerciseAPI
import Grading
import Solutions
import Testing

/// Every exercise's check passes on the reference answers in `Solutions/`.
@Suite struct SolutionsPassTests {
    @Test("the reference solution passes", arguments: allChecks)
    func referencePasses(_ check: ExerciseCheck) {
        let outcome = check.outcome(on: Solutions.all)
        #expect(outcome == .passed, "\(check): \(outcome.message)")
    }

    @Test func everyLessonHasExercises() {
        let lessons = Set(allChecks.map(\.lesson))
        #expect(!allChecks.isEmpty, "no exercise checks are declared")
        for lesson in lessons {
            let count = allChecks.filter { $0.lesson == lesson && $0.visibility == .visible }.count
            #expect((3...5).contains(count), "lesson \(lesson) has \(count) visible exercises, want 3 to 5")
        }
    }

    @Test func idsAreUnique() {
        let ids = allChecks.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate exercise ids: \(ids)")
    }
}
