// Numbers over seeds: what the tables, figures, results.json and the claim tests use.
import Algorithms
import Foundation
import LessonClaims
import Numerics

/// The mean of a curve's series over the evaluations of the last fifth of training.
func finalValue(_ curve: EvaluationCurve, _ series: [Double]) -> Double {
    guard let last = curve.updates.last, !series.isEmpty else { return .nan }
    let tail = zip(curve.updates, series).filter { Double($0.0) >= 0.8 * Double(last) }.map(\.1)
    return tail.isEmpty ? series.last! : tail.reduce(0, +) / Double(tail.count)
}

/// One buffer setting over all seeds.
struct SettingResult: Sendable {
    let setting: BufferSetting
    let outcomes: [BufferOutcome]

    /// The final returns of the four policies, mean and std over seeds.
    var behaviour: (mean: Double, std: Double) { meanAndStandardDeviation(of: outcomes.map(\.behaviourReturn)) }
    var bc: (mean: Double, std: Double) { meanAndStandardDeviation(of: outcomes.map(\.bc.averageReturn)) }
    var ddpg: (mean: Double, std: Double) { meanAndStandardDeviation(of: outcomes.map { finalValue($0.ddpg, $0.ddpg.returns) }) }
    var bcq: (mean: Double, std: Double) { meanAndStandardDeviation(of: outcomes.map { finalValue($0.bcq, $0.bcq.returns) }) }
    /// Lesson 5's interacting agent at the end (the expert for Imitation).
    var orange: (mean: Double, std: Double) { meanAndStandardDeviation(of: outcomes.map { finalValue($0.orange, $0.orange.returns) }) }

    /// Final value estimate and true value (means over seeds) of DDPG or BCQ.
    func values(_ agent: KeyPath<BufferOutcome, EvaluationCurve>) -> (estimate: Double, truth: Double) {
        (meanAndStandardDeviation(of: outcomes.map { finalValue($0[keyPath: agent], $0[keyPath: agent].estimatedValues) }).mean,
         meanAndStandardDeviation(of: outcomes.map { finalValue($0[keyPath: agent], $0[keyPath: agent].trueValues) }).mean)
    }

    /// What results.json keeps of this buffer's comparison.
    var recorded: Lesson06Results.BufferComparison {
        func spread(_ value: (mean: Double, std: Double)) -> Lesson06Results.MeanAndDeviation {
            .init(mean: value.mean, standardDeviation: value.std)
        }
        func critic(_ agent: KeyPath<BufferOutcome, EvaluationCurve>, _ value: (mean: Double, std: Double)) -> Lesson06Results.Learner {
            let v = values(agent)
            return .init(finalReturn: spread(value),
                         finalReturnPerSeed: outcomes.map { finalValue($0[keyPath: agent], $0[keyPath: agent].returns) },
                         finalValue: .init(estimate: v.estimate, truth: v.truth))
        }
        return .init(transitions: outcomes.first?.transitions ?? 0, behaviourReturn: spread(behaviour), orangeReturn: spread(orange),
                     bc: .init(finalReturn: spread(bc), finalReturnPerSeed: outcomes.map(\.bc.averageReturn)),
                     ddpg: critic(\.ddpg, ddpg), bcq: critic(\.bcq, bcq))
    }
}

/// Groups the outcomes by setting, in the settings' order.
func settingResults(_ outcomes: [BufferOutcome]) -> [SettingResult] {
    BufferSetting.allCases.map { setting in SettingResult(setting: setting, outcomes: outcomes.filter { $0.setting == setting }) }
}

/// The sweep's points of one setting and Φ, averaged over seeds.
struct SweepSummary: Sendable {
    let setting: BufferSetting
    let maxPerturbation: Float
    let finalReturn: (mean: Double, std: Double)
    let overestimation: (mean: Double, std: Double)
    let distanceFromModel: Double

    static func make(_ points: [SweepPoint]) -> [SweepSummary] {
        var out: [SweepSummary] = []
        for setting in BufferSetting.allCases {
            let phis = Array(Set(points.map(\.maxPerturbation))).sorted()
            for phi in phis {
                let group = points.filter { $0.setting == setting && $0.maxPerturbation == phi }
                guard !group.isEmpty else { continue }
                out.append(SweepSummary(setting: setting, maxPerturbation: phi, finalReturn: meanAndStandardDeviation(of: group.map(\.finalReturn)),
                                        overestimation: meanAndStandardDeviation(of: group.map(\.overestimation)),
                                        distanceFromModel: meanAndStandardDeviation(of: group.map(\.distanceFromModel)).mean))
            }
        }
        return out
    }

    /// What results.json keeps of this point: the means over seeds.
    var recorded: Lesson06Results.SweepPoint {
        .init(phi: Double(maxPerturbation), finalReturn: finalReturn.mean, overestimation: overestimation.mean,
              distanceFromModel: distanceFromModel)
    }
}

/// Φ written compactly ("0", "0.05", "2").
func phiLabel(_ phi: Double) -> String {
    var text = String(format: "%.2f", phi)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
