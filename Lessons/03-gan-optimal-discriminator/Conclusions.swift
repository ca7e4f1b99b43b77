// Text computed from the experiments' numbers: the two-mode runs' summary, and the closing summary
// from the typed results.
import Foundation
import LessonClaims
import Numerics

/// D of a finished GAN run at the given points (read off the plotting grid).
func discriminatorAt(_ points: [Double], _ run: GANRun) -> [Double] {
    let grid = Setting.plotGrid
    return points.map { x in
        let i = Int(((x - grid.points[0]) / grid.spacing).rounded())
        return run.finalDiscriminator[min(max(i, 0), run.finalDiscriminator.count - 1)]
    }
}

/// One paragraph on what the two-mode runs did.
func modeCollapseSummary(runs: [GANRun], dropped: [GANRun]) -> String {
    let n = runs.count
    if dropped.isEmpty {
        let worst = runs.max { abs($0.leftFraction - 0.5) < abs($1.leftFraction - 0.5) }!
        return String(format: "No run dropped a mode completely here: the most lopsided (seed %d) put %.0f%% of its "
                      + "samples in the left mode, against 50%% in the data. Other seeds, other step sizes or "
                      + "fewer discriminator steps can collapse; try `--seed`.", Int(worst.seed), 100 * worst.leftFraction)
    }
    let seeds = dropped.map { String($0.seed) }.joined(separator: ", ")
    let d = dropped.map { run -> String in
        let left = run.leftFraction > 0.5
        let missing = discriminatorAt([left ? 2 : -2], run)[0]
        return String(format: "seed %d covers only the %@ mode, and its D reads %.2f at the missing one",
                      Int(run.seed), left ? "left" : "right", missing)
    }.joined(separator: "; ")
    return "**\(dropped.count) of \(n) runs collapsed onto one mode** (seed\(dropped.count == 1 ? "" : "s") \(seeds)): \(d). The discriminator "
        + "has found the missing mode — it calls it real — but the generator learns only from D's slope where its "
        + "own samples are, and none are there."
}

/// The closing summary, computed from the typed results.
func conclusions(sweep: Lesson03Results.ValueSweep, fits: Lesson03Results.DiscriminatorFits, gan: Lesson03Results.GANTraining,
                 collapse: Lesson03Results.Collapse, twoModes: Lesson03Results.TwoModeGANs,
                 saturation: Lesson03Results.Saturation) -> String {
    let starts = meanAndStandardDeviation(of: gan.jsdStart, kind: .sample), ends = meanAndStandardDeviation(of: gan.jsdEnd, kind: .sample)
    let i = saturation.steps.count - 1
    return """
    ## What the experiments showed

    - **The derivation holds to rounding error.** Over the whole sweep of the generator's mean, \
    C(G) = V(D*, G) and 2·JSD − log 4 differ by at most \(String(format: "%.0e", sweep.maxDifference)), \
    and the smallest C(G) is \(String(format: "%.10f", sweep.minimum)) = −log 4 at μ = \
    \(String(format: "%g", sweep.argmin)), where p_G = p_data.
    - **A trained discriminator finds D\\*.** On the data's support, the largest gap between the network and \
    the exact D* was \(String(format: "%.3f and %.3f", fits.gaussianMaxError, fits.twoModeMaxError)) for the two \
    cases. Off the support the network is unconstrained, because no sample tells it anything there.
    - **Training moves p_G onto p_data.** Over \(gan.jsdPerSeed.count) seeds the estimated JSD fell from \
    \(String(format: "%.3f ± %.3f", starts.mean, starts.std)) to \(String(format: "%.4f ± %.4f", ends.mean, ends.std)) \
    (the estimator reads \(String(format: "%.4f", gan.jsdFloor)) for the data's own samples).
    - **Collapse is penalised by the game, not by the gradients.** A generator that outputs one sample has \
    JSD = log 2 and C(G) = 0, the worst value of the game; the discriminator against it reads \
    \(String(format: "%.2f", collapse.dAtMissingMode)) on the missing mode. Yet the generator only learns where its \
    samples are, so training can still leave a mode uncovered: \(twoModes.collapsedSeeds.count) of \
    \(twoModes.leftFraction.count) GANs trained on two modes did.
    - **A near-perfect discriminator starves the saturating loss.** After \(saturation.steps[i]) discriminator \
    steps, mean D(G(z)) = \(String(format: "%.1e", saturation.meanDFake[i])) and the saturating loss's generator \
    gradient is \(String(format: "%.1e", saturation.ratio[i])) times the non-saturating one's.
    """
}
