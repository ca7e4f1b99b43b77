// What the Hopper study writes (study.json) and prints: the per-seed table and the claims of
// Fujimoto, Meger & Precup (2019, figure 1) decided over seeds with `SeedComparison`.
import Foundation
import Numerics

/// One claim about one setting, decided over seeds.
struct ClaimVerdict: Codable, Sendable {
    /// The setting it is about.
    var setting: StudySetting
    /// What is claimed, in words.
    var claim: String
    /// Whether the difference clears the margin by two standard errors.
    var holds: Bool
    /// `SeedComparison`'s description: means, standard errors, difference and what it needs.
    var detail: String
    /// How far the difference clears what the claim needs (positive when it holds).
    var slack: Double
}

/// The whole study: configuration, machine, per-seed outcomes and the verdicts.
struct StudyDocument: Codable, Sendable {
    var configuration: StudyConfiguration
    var seeds: [UInt64]
    /// The processor, OpenBLAS's thread count, and the kit's version of the run.
    var machine: [String: String]
    var outcomes: [SettingOutcome]
    var claims: [ClaimVerdict]
    /// Wall time of the whole study so far.
    var totalSeconds: Double
}

/// The claims of figure 1 on each setting's seeds: blue's return below orange's (and below half
/// of it), blue's estimate above its own true value (and above twice it), and above it by more
/// than orange's estimate is above orange's.
func verdicts(_ outcomes: [SettingOutcome]) -> [ClaimVerdict] {
    var result: [ClaimVerdict] = []
    for setting in StudySetting.allCases {
        let runs = outcomes.filter { $0.setting == setting }
        guard !runs.isEmpty else { continue }
        let orangeReturns = runs.map(\.orange.finalReturn), blueReturns = runs.map(\.blue.finalReturn)
        let blueOver = runs.map { $0.blue.overestimation ?? .nan }
        /// log10 of estimate over true value; NaN for a non-positive one (the claim then fails).
        func logRatio(_ agent: AgentOutcome) -> Double { log10((agent.finalEstimate ?? .nan) / agent.finalTrueValue) }
        var comparisons: [(String, SeedComparison)] = [
            ("blue's return below orange's", SeedComparison(greater: orangeReturns, than: blueReturns)),
            ("blue's return below half of orange's",
             SeedComparison(greater: orangeReturns.map { 0.5 * $0 }, than: blueReturns)),
            ("blue's estimate Q(s0, π(s0)) above its true value (paired per seed)",
             SeedComparison(greater: blueOver, than: 0)),
            // "Far above", on the log scale the paper plots: more than twice the true value. A
            // non-positive estimate or value makes the ratio NaN, and the claim then fails.
            ("blue's estimate above twice its true value (log10 of the ratio, paired per seed)",
             SeedComparison(greater: runs.map { logRatio($0.blue) }, than: log10(2.0))),
        ]
        // The expert (orange on the Imitation buffer) has no critic: no estimate to compare with.
        let orangeOver = runs.compactMap(\.orange.overestimation)
        if orangeOver.count == runs.count {
            comparisons.append(("blue's overestimation above orange's", SeedComparison(greater: blueOver, than: orangeOver)))
        }
        // Lesson 6 on the same buffers: BCQ against offline DDPG (blue) and behavior cloning.
        let bcq = runs.compactMap(\.bcq), bc = runs.compactMap(\.bc)
        if bcq.count == runs.count {
            let bcqReturns = bcq.map(\.finalReturn)
            comparisons.append(("BCQ's return above blue's (offline DDPG)", SeedComparison(greater: bcqReturns, than: blueReturns)))
            if bc.count == runs.count {
                comparisons.append(("BCQ's return above BC's", SeedComparison(greater: bcqReturns, than: bc.map(\.finalReturn))))
            }
            // "Near its true value": within a factor 2 either way, |log10(Q̂/V)| below log10 2.
            comparisons.append(("BCQ's estimate within a factor 2 of its true value (log10 2 − |log10 ratio|, paired)",
                                SeedComparison(greater: bcq.map { log10(2.0) - abs(logRatio($0)) }, than: 0)))
        }
        for (claim, comparison) in comparisons {
            result.append(ClaimVerdict(setting: setting, claim: claim, holds: comparison.holds,
                                       detail: comparison.description, slack: comparison.slack))
        }
    }
    return result
}

/// Right-aligns `text` in `width` columns.
private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// A number for the table: no decimals from 100 on, one below.
private func number(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    return abs(value) >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
}

/// The per-seed table and the verdicts as text.
func reportText(_ document: StudyDocument) -> String {
    let c = document.configuration
    var lines = [
        "Hopper-v4, \(c.environmentSteps) steps (\(c.randomSteps) random), \(c.updates) updates per agent, "
            + "\(c.ddpg.rawValue) DDPG" + (c.blueDDPG.map { " (blue: \($0.rawValue))" } ?? "")
            + ", networks \(c.hiddenSizes.map(String.init).joined(separator: "-")), batch \(c.batchSize), "
            + "Adam \(c.agent.actorLearningRate)/\(c.agent.criticLearningRate), γ \(c.discount), τ \(c.tau); "
            + "final numbers: mean of the last 3 of \(c.evaluationPoints + 1) evaluations, \(c.evaluationEpisodes) start states",
        "",
        [pad("seed", 20), pad("setting", 11), pad("orange R", 9), pad("blue R", 8), pad("orange Q̂", 9),
         pad("orange V", 9), pad("blue Q̂", 9), pad("blue V", 8), pad("wall s", 7), pad("cpu s", 7)].joined(separator: " "),
    ]
    for o in document.outcomes {
        lines.append([pad(String(o.seed), 20), pad(o.setting.rawValue, 11), pad(number(o.orange.finalReturn), 9),
                      pad(number(o.blue.finalReturn), 8), pad(o.orange.finalEstimate.map(number) ?? "–", 9),
                      pad(number(o.orange.finalTrueValue), 9), pad(o.blue.finalEstimate.map(number) ?? "–", 9),
                      pad(number(o.blue.finalTrueValue), 8), pad(String(format: "%.0f", o.orangeSeconds + o.blueSeconds), 7),
                      pad(String(format: "%.0f", o.cpuSeconds), 7)].joined(separator: " "))
    }
    lines.append("(R: return of the deterministic policy; Q̂: the critic's Q(s0, π(s0)); V: true discounted value)")
    let offline = document.outcomes.filter { $0.bcq != nil || $0.bc != nil }
    if !offline.isEmpty {
        lines += ["", "Offline learners on the same final buffers (BCQ: \(c.bcqHiddenSizes.map(String.init).joined(separator: "-")) "
                      + "networks, Φ \(c.bcqMaxPerturbation), \(c.bcqActingSamples) candidates when acting; BC: \(c.behaviorCloning.gradientSteps) steps):",
                  [pad("seed", 20), pad("setting", 11), pad("blue R", 8), pad("BCQ R", 8), pad("BCQ Q̂", 8), pad("BCQ V", 8),
                   pad("BC R", 8), pad("BCQ s", 7), pad("BC s", 6)].joined(separator: " ")]
        for o in offline {
            lines.append([pad(String(o.seed), 20), pad(o.setting.rawValue, 11), pad(number(o.blue.finalReturn), 8),
                          pad(o.bcq.map { number($0.finalReturn) } ?? "–", 8),
                          pad(o.bcq?.finalEstimate.map(number) ?? "–", 8), pad(o.bcq.map { number($0.finalTrueValue) } ?? "–", 8),
                          pad(o.bc.map { number($0.finalReturn) } ?? "–", 8),
                          pad(o.bcqSeconds.map { String(format: "%.0f", $0) } ?? "–", 7),
                          pad(o.bcSeconds.map { String(format: "%.0f", $0) } ?? "–", 6)].joined(separator: " "))
        }
    }
    if !document.claims.isEmpty {
        lines.append("")
        for v in document.claims {
            lines.append("\(v.holds ? "holds" : "fails")  \(v.setting.rawValue): \(v.claim): \(v.detail)")
        }
    }
    lines.append(String(format: "total wall time %.0f s", document.totalSeconds))
    return lines.joined(separator: "\n")
}
