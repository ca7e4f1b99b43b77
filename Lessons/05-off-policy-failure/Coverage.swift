// Coverage, measured: how far the pairs (s, π(s)) that orange's and blue's final policies reach lie from the
// pairs each Pendulum buffer holds (`BufferCoverage` in the library computes it at the end of every run).
import Algorithms
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// Each buffer's coverage of orange's and blue's final policies over seeds, from the runs of the experiment.
///
/// - Throws: `CellSkipped` when a run carries no coverage (kept by an older version of the kit for `--merge`).
func recordedCoverage(_ runs: [[SettingRun]]) throws -> Lesson05Results.PerBuffer<Lesson05Results.Coverage> {
    func coverage(_ setting: BufferSetting) throws -> Lesson05Results.Coverage {
        let pairs = try runs.map { seedRuns -> (orange: BufferCoverage, blue: BufferCoverage) in
            guard let run = seedRuns.first(where: { $0.setting == setting }), let orange = run.orangeCoverage,
                  let blue = run.blueCoverage else {
                throw CellSkipped("a run of the \(setting.title) setting carries no coverage (kept before the kit measured it)")
            }
            return (orange, blue)
        }
        return Lesson05Results.Coverage(blueDistancePerSeed: pairs.map(\.blue.meanDistance),
                                        orangeDistancePerSeed: pairs.map(\.orange.meanDistance),
                                        blueCoveredSharePerSeed: pairs.map(\.blue.coveredShare),
                                        orangeCoveredSharePerSeed: pairs.map(\.orange.coveredShare),
                                        radius: pairs.first?.blue.radius ?? BufferCoverage.defaultRadius)
    }
    return .init(final: try coverage(.final), concurrent: try coverage(.concurrent), imitation: try coverage(.imitation))
}

/// The coverage table and what it shows, in numbers.
func showCoverage(_ coverage: Lesson05Results.PerBuffer<Lesson05Results.Coverage>, context: LessonContext) throws {
    var table = Table("Distance from the pairs (s, π(s)) each policy reaches in two episodes to the buffer's nearest pair "
                      + "(each coordinate over half its range), mean ± std over seeds, and the share within "
                      + "\(coverage.imitation.radius) of one",
                      columns: ["buffer", .init("blue", format: .fixed(3)), .init("± std", format: .fixed(3)),
                                .init("orange", format: .fixed(3)), .init("blue covered", format: .percent(0)),
                                .init("orange covered", format: .percent(0))])
    let rows: [(BufferSetting, Lesson05Results.Coverage)] = [(.final, coverage.final), (.concurrent, coverage.concurrent),
                                                             (.imitation, coverage.imitation)]
    for (setting, values) in rows {
        let blue = meanAndStandardDeviation(of: values.blueDistancePerSeed)
        try table.addRow(setting.title, blue.mean, blue.std, SeedComparison.mean(values.orangeDistancePerSeed),
                         SeedComparison.mean(values.blueCoveredSharePerSeed), SeedComparison.mean(values.orangeCoveredSharePerSeed))
    }
    context.show(table)
    let mean = { (values: [Double]) in SeedComparison.mean(values) }
    let imitation = mean(coverage.imitation.blueDistancePerSeed)
    let broad = max(mean(coverage.final.blueDistancePerSeed), mean(coverage.concurrent.blueDistancePerSeed))
    context.markdown(String(format: """
        **What this run shows.** Blue's pairs lie %.3f from the Imitation buffer on average, against %.3f and %.3f \
        from the Final and Concurrent buffers (%@); %.0f%% of them have a buffer pair within %.2f on Imitation, %.0f%% \
        and %.0f%% on the other two. Orange's own pairs lie %.3f, %.3f and %.3f away.
        """, imitation, mean(coverage.final.blueDistancePerSeed), mean(coverage.concurrent.blueDistancePerSeed),
        imitation > broad ? String(format: "%.1f times the larger of the two", imitation / broad)
            : "not farther than from both",
        100 * mean(coverage.imitation.blueCoveredSharePerSeed), coverage.imitation.radius,
        100 * mean(coverage.final.blueCoveredSharePerSeed), 100 * mean(coverage.concurrent.blueCoveredSharePerSeed),
        mean(coverage.final.orangeDistancePerSeed), mean(coverage.concurrent.orangeDistancePerSeed),
        mean(coverage.imitation.orangeDistancePerSeed)))
}
