import ExerciseAPI
import Grading
import Mutation
import Solutions
import Testing

/// Every mutant of the catalogue is caught by its exercise's checks, in-process on the reference.
///
/// This is `swift run -c release mutants` without the child processes: a mutant that would crash
/// the test runner (``Mutant/mayCrash``) is left to the command, which runs each in a child process.
@Suite struct MutationTests {
    @Test("the checks catch the mutant", arguments: allMutants.filter { !$0.mayCrash })
    func mutantIsCaught(_ mutant: Mutant) {
        let verdict = mutant.verdict(on: Solutions.all)
        #expect(verdict.caught, "mutant \(mutant) SURVIVED its exercise's checks")
    }

    @Test func everyExerciseHasThreeMutants() {
        let exercises = Set(allChecks.filter { $0.visibility == .visible }.map(\.id))
        for exercise in exercises.sorted() {
            let count = allMutants.filter { $0.exercise == exercise }.count
            #expect(count >= 3, "exercise \(exercise) has \(count) mutants, want at least 3")
        }
        let unknown = Set(allMutants.map(\.exercise)).subtracting(exercises)
        #expect(unknown.isEmpty, "mutants of unknown exercises: \(unknown.sorted())")
    }

    @Test func idsAreUnique() {
        let ids = allMutants.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate mutant ids")
    }

    @Test("the forwarding wrappers alone pass the check", arguments: allChecks)
    func wrappersForward(_ check: ExerciseCheck) {
        let outcome = check.outcome(on: forwardingOnly(Solutions.all))
        #expect(outcome == .passed, "\(check) on the unmutated wrappers: \(outcome.message)")
    }

    @Test func aKnownMutantIsCaughtWithItsHint() throws {
        let mutant = try #require(allMutants.first { $0.exercise == "3.3" && $0.name.hasPrefix("log base 2") })
        let verdict = mutant.verdict(on: Solutions.all)
        #expect(verdict.caught && verdict.namesMistake(["nats"]), "\(verdict.message)")
    }
}
