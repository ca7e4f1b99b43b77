import LessonClaims
import Testing

extension Claim: CustomTestStringConvertible {
    public var testDescription: String { "\(key): \(title)" }
}

/// Asserts `claim` on `run`: an asserted claim must hold; a known issue must fail, so that the test
/// fails the day the claim starts to hold and the lesson's text gets updated.
func assertClaim(_ claim: Claim, on run: LessonRun) {
    let verdict = claim.evaluate(run.claimResults)
    switch claim.status {
    case .asserted:
        #expect(verdict.holds, Comment(rawValue: "claim '\(claim.title)' failed: \(verdict.failures)"))
    case .knownIssue(let reason):
        withKnownIssue(Comment(rawValue: reason)) {
            #expect(verdict.holds, Comment(rawValue: "claim '\(claim.title)' does not hold: \(verdict.failures)"))
        }
    case .reported:
        // Not asserted (it holds on most runs, not nearly all), but it must be evaluable: its numbers exist.
        #expect(verdict.error == nil, Comment(rawValue: "claim '\(claim.title)' cannot be evaluated: \(verdict.error ?? "")"))
    case .study(let seeds, _):
        // Decided by a study run (--seed-count), not by the quick run: here it must say so, and only that.
        let error = verdict.error ?? "a verdict"
        // Too few seeds ("… needs 12 …") or runs shorter than the default budget the claim is about.
        #expect(error.hasPrefix("not decided on ") && (error.contains("needs \(seeds) ") || error.contains("the default budget")),
                Comment(rawValue: "study claim '\(claim.title)' on a quick run: want 'not decided …', got \(error)"))
    }
}
