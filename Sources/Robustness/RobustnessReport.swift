import Foundation
import LessonClaims

/// The pass-rate table: one row per claim, its status, how many runs it held on (overall and per
/// kernel) and its tightest run.
struct RobustnessReport {
    let outcomes: [RunOutcome]
    let lessons: [Int]
    let kernels: [String]
    let seeds: [UInt64]
    let required: Double

    /// The claims that missed their mark: asserted below `required`, or known issues that held somewhere.
    var missedMarks: [String] {
        rows.filter { !$0.meetsMark }.map(\.claim.key)
    }

    struct Row {
        let claim: Claim
        let passes: Int
        let runs: Int
        let perKernel: [(String, Int, Int)]
        let worst: (slack: Double, where: String, detail: String)?
        let meetsMark: Bool
        /// Runs whose verdict is "not decided": a study claim on fewer seeds than it needs.
        var undecided = 0
    }

    var rows: [Row] {
        lessons.flatMap { lesson in
            ClaimCatalogue.claims(ofLesson: lesson).map { claim in
                let mine = outcomes.filter { $0.spec.lesson == lesson }
                let verdicts = mine.compactMap { outcome in outcome.verdicts[claim.key].map { (outcome.spec, $0) } }
                let passes = verdicts.filter { $0.1.holds }.count
                let perKernel = kernels.map { kernel in
                    let here = verdicts.filter { $0.0.kernel == kernel }
                    return (kernel, here.filter { $0.1.holds }.count, here.count)
                }
                // For an asserted claim the worst run is the one with the least slack; for a known
                // issue, the one that came closest to holding.
                let ranked = verdicts.map { spec, verdict -> (Double, String, String) in
                    let tight = verdict.tightest
                    let slack = verdict.error != nil ? -Double.infinity : (tight?.relativeSlack ?? -.infinity)
                    return (slack, "\(spec.kernel) seed \(spec.seed)", verdict.error ?? tight?.detail ?? "")
                }
                let worst: (Double, String, String)?
                switch claim.status {
                case .asserted, .reported, .study: worst = ranked.min { $0.0 < $1.0 }
                case .knownIssue: worst = ranked.max { $0.0 < $1.0 }
                }
                let meets: Bool
                switch claim.status {
                case .asserted: meets = verdicts.count > 0 && Double(passes) >= required * Double(verdicts.count) - 1e-9
                case .knownIssue: meets = passes == 0
                case .reported, .study: meets = true
                }
                let undecided = verdicts.filter { $0.1.error?.hasPrefix("not decided on ") == true }.count
                return Row(claim: claim, passes: passes, runs: verdicts.count, perKernel: perKernel,
                           worst: worst.map { (slack: $0.0, where: $0.1, detail: $0.2) }, meetsMark: meets,
                           undecided: undecided)
            }
        }
    }

    /// Runs per lesson: every seed under every kernel.
    var runCount: Int { seeds.count * kernels.count }

    /// The fewest runs an asserted claim must hold on (`required` of ``runCount``, rounded up).
    var requiredRuns: Int { Int((required * Double(runCount) - 1e-9).rounded(.up)) }

    func markdown() -> String {
        let seedText = seeds.count > 1 && seeds == Array(seeds.first!...seeds.last!) ? "\(seeds.first!)–\(seeds.last!)"
            : seeds.map(String.init).joined(separator: ",")
        var lines = [
            "Claims over `--quick` runs: base seeds \(seedText) × OPENBLAS_CORETYPE \(kernels.joined(separator: ", ")) "
                + "(\(runCount) runs per lesson). An asserted claim must hold on at least \(requiredRuns) of them ("
                + String(format: "%.1f%%", required * 100) + "), a known issue on none; a reported claim is shown with its rate.",
            "",
            "| claim | status | holds | " + kernels.joined(separator: " | ") + " | tightest run (relative slack) — its check |",
            "| --- | --- | --- | " + kernels.map { _ in "---" }.joined(separator: " | ") + " | --- |",
        ]
        for row in rows {
            let status: String
            switch row.claim.status {
            case .asserted: status = row.meetsMark ? "asserted" : "asserted, **misses**"
            case .knownIssue: status = row.meetsMark ? "known issue" : "known issue, **holds sometimes**"
            case .reported: status = "reported"
            case .study(let seeds, _): status = "study (≥ \(seeds) seeds)"
            }
            let kernelCells = row.perKernel.map { "\($0.1)/\($0.2)" }.joined(separator: " | ")
            let worst = row.worst.map { "\($0.where): \(percent($0.slack)) — \($0.detail)" } ?? "–"
            if case .study = row.claim.status, row.undecided == row.runs {
                // Runs with fewer seeds than the claim needs decide nothing: say so instead of "0/30".
                let cells = row.perKernel.map { _ in "–" }.joined(separator: " | ")
                lines.append("| \(row.claim.key) \(row.claim.title) | \(status) | not decided on these runs | \(cells) | "
                             + (row.worst?.detail ?? "–").replacingOccurrences(of: "|", with: "\\|") + " |")
                continue
            }
            lines.append("| \(row.claim.key) \(row.claim.title) | \(status) | \(row.passes)/\(row.runs) | \(kernelCells) | "
                         + worst.replacingOccurrences(of: "|", with: "\\|") + " |")
        }
        let seconds = Dictionary(grouping: outcomes, by: \.spec.lesson).mapValues { $0.map(\.seconds).reduce(0, +) / Double($0.count) }
        lines.append("")
        lines.append("Mean wall time per run: " + lessons.map { "lesson \($0) " + String(format: "%.0f s", seconds[$0] ?? .nan) }
            .joined(separator: " · ") + ".")
        return lines.joined(separator: "\n")
    }

    /// "+12%", "−3%".
    private func percent(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "+∞" : "−∞ (no result)" }
        return String(format: "%+.0f%%", value * 100)
    }
}
