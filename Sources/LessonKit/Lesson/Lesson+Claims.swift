import Foundation
import LessonClaims

extension Lesson {
    /// Adds a cell that decides each of the lesson's claims (`Sources/LessonClaims`) on what this run
    /// recorded, with the same rule as the claim tests, and shows the verdicts in a table.
    ///
    /// The lesson's text then never has to assert a result the run did not give: the table says, for
    /// this seed and these budgets, which claims hold and by how much.
    public func claims(line: Int = #line) {
        let number = info.number
        code("The claims, decided on this run", line: line) { context in
            if let shard = context.seedRange {
                throw CellSkipped("a shard (--seeds \(shard)) decides no claims: the merge (--merge) decides them on every seed")
            }
            let claims = ClaimCatalogue.claims(ofLesson: number)
            guard !claims.isEmpty else { return }
            let results = LessonResults(document: ["results": context.resultsSoFar()])
            var table = Table("The lesson's claims on this run (the rule of the claim tests: differences over seeds must clear "
                              + "their margin by two standard errors)", columns: ["claim", "verdict", "closest comparison"])
            var verdicts: [String: Bool] = [:]
            for claim in claims {
                let verdict = claim.evaluate(results)
                let word: String
                switch (verdict.error, verdict.holds, claim.status) {
                case (.some(let error), _, .study) where error.hasPrefix("not decided"): word = "not decided on this run"
                case (.some, _, _): word = "not evaluated"
                case (nil, true, .asserted): word = "holds"
                case (nil, false, .asserted): word = "does not hold"
                case (nil, true, .knownIssue): word = "holds (the kit expected it not to)"
                case (nil, false, .knownIssue): word = "does not hold (known issue)"
                case (nil, true, .reported): word = "holds on this run (not reliably: see below)"
                case (nil, false, .reported): word = "does not hold on this run (not reliably: see below)"
                case (nil, true, .study): word = "holds on this study run"
                case (nil, false, .study): word = "does not hold on this study run"
                }
                let detail = verdict.error ?? (verdict.checks.first { !$0.holds } ?? verdict.tightest)?.detail ?? ""
                try table.addRow(claim.title, word, detail)
                if verdict.error == nil { verdicts[claim.id] = verdict.holds }
            }
            context.show(table)
            let notes = claims.compactMap { claim -> String? in
                switch claim.status {
                case .asserted: return nil
                case .knownIssue(let reason): return "- *\(claim.title)* does not reproduce in this kit: \(reason)."
                case .reported(let rate): return "- *\(claim.title)* is not reliable: \(rate)."
                case .study(let seeds, let measured):
                    return "- *\(claim.title)* is decided on \(seeds) seeds or more (`--seed-count \(seeds)`): \(measured)."
                }
            }
            if !notes.isEmpty { context.markdown(notes.joined(separator: "\n")) }
            context.record("claims.verdicts", verdicts)
        }
    }
}
