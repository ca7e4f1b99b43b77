// The reading cells of lesson 8: what the race and the ablation show, computed from the typed
// results (the numbers in results.json) with the claims' own rule and margins.
import Algorithms
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// "0.97 ± 0.02" (mean ± standard error over seeds) of per-seed values, as percentages or as numbers.
func meanAndError(_ values: [Double], percent: Bool = true) -> String {
    let mean = SeedComparison.mean(values), error = SeedComparison.standardError(values)
    return percent ? String(format: "%.0f ± %.0f %%", 100 * mean, 100 * error) : String(format: "%.0f ± %.0f", mean, error)
}

/// "50 %".
func percent(_ x: Double) -> String { String(format: "%.0f %%", 100 * x) }

/// Says what the race shows. Every verdict is decided from one number per seed (`SeedComparison`):
/// a difference counts only when it clears its margin by two standard errors, as in the claims.
@MainActor
func readRace(_ context: LessonContext) throws {
    guard let race = results.comparison else { throw CellSkipped("needs the runs of the race") }
    let scratch = try race.variant(DemonstrationVariant.scratch.id), kept = try race.variant(DemonstrationVariant.replayKept.id)
    let removed = try race.variant(DemonstrationVariant.replayRemoved.id)
    let pretrained = try race.variant(DemonstrationVariant.pretrained.id)
    let curriculum = try race.variant(DemonstrationVariant.curriculum.id)
    let budget = race.environmentStepsPerRun, threshold = race.threshold
    func steps(_ v: Lesson08Results.Variant) -> [Double] { v.stepsToThreshold(budget: budget, interval: race.evaluationInterval) }
    func soonerText(_ v: Lesson08Results.Variant) -> String {
        let verdict = SeedComparison(greater: steps(scratch), than: steps(v))
        return "\(percent(threshold)) after \(meanAndError(steps(v), percent: false)) steps, "
            + (verdict.holds ? "sooner than RL from scratch beyond two standard errors"
                             : "not clearly sooner than RL from scratch (within two standard errors)")
    }
    func reachedText(_ v: Lesson08Results.Variant) -> String {
        let reached = v.firstStepReachingThreshold.filter { !$0.isNaN }.count
        if reached == 0 { return "None of its seeds reaches \(percent(threshold)) within the budget." }
        return "\(reached) of \(v.firstStepReachingThreshold.count) seeds reach \(percent(threshold)), after "
            + "\(meanAndError(steps(v), percent: false)) steps on average."
    }
    let scratchUnsolved = SeedComparison.less(scratch.finalSuccess, than: ClaimMargin.unsolvedSuccess)
    let curriculumSolves = SeedComparison(greater: curriculum.finalSuccess, than: ClaimMargin.solvedSuccess)
    let removalSteps = race.demonstrationsRemovedAtStep.filter { !$0.isNaN }.map { String(Int($0)) }
    let cloned = pretrained.initialSuccess, gain = pretrained.gainPerSeed
    let clonedUnsolved = SeedComparison.less(cloned, than: ClaimMargin.solvedSuccess)
    let clonedBelowThreshold = SeedComparison.less(cloned, than: threshold)
    let fineTuningImproves = SeedComparison(greater: gain, than: ClaimMargin.fineTuningGain)
    let gainBar = ClaimMargin.fineTuningGain == 0 ? "above zero" : "above \(percent(ClaimMargin.fineTuningGain))"
    context.markdown("""
    Numbers are means ± standard errors over the \(race.seeds.count) seeds; a seed that never reached \
    \(percent(threshold)) counts as \(budget + race.evaluationInterval) steps. A verdict holds when the difference clears \
    its margin by two standard errors.

    - **RL from scratch** ends at \(meanAndError(scratch.finalSuccess)) success, \
    \(scratchUnsolved.holds
        ? "below \(percent(ClaimMargin.unsolvedSuccess)): within \(budget) steps its exploration almost never finds the goal, so its critic has nothing to learn."
        : "not clearly below \(percent(ClaimMargin.unsolvedSuccess)) on these seeds: its exploration found the goal now and then.") \
    \(reachedText(scratch))
    - **Demonstrations in the buffer** reach \(soonerText(kept)), and end at \(meanAndError(kept.finalSuccess)). \
    Removed as soon as the agent succeeded on half of its recent episodes \
    (after \(removalSteps.isEmpty ? "never" : removalSteps.joined(separator: ", ")) steps), \
    they end at \(meanAndError(removed.finalSuccess)).
    - **Pre-training** on \(race.pretrainingDemonstrations) demonstrations (\(race.pretrainingDemonstrationSteps) \
    steps) gives \(meanAndError(cloned)) success before the first environment step (behavior cloning alone): \(clonedUnsolved.holds
        ? "below \(percent(ClaimMargin.solvedSuccess)), so cloning alone does not solve the task,"
        : "not clearly below \(percent(ClaimMargin.solvedSuccess)) on these seeds,") \
    and \(clonedBelowThreshold.holds ? "below" : "not clearly below") the table's \(percent(threshold)). \
    Fine-tuning with the task reward takes it to \(meanAndError(pretrained.finalSuccess)) at the end, a gain \
    of \(meanAndError(gain)) per seed, \(fineTuningImproves.holds
        ? "\(gainBar) beyond two standard errors: the reward finishes what the demonstrations started."
        : "not clearly \(gainBar) on these seeds (within two standard errors).") \
    It reaches \(soonerText(pretrained)).
    - **The backward curriculum** reaches \(soonerText(curriculum)). Its start reached the beginning of the \
    demonstrations on \(race.curriculum.completedSeeds) of \(race.seeds.count) seeds, and it ends at \
    \(meanAndError(curriculum.finalSuccess)) on the full task, \(curriculumSolves.holds
        ? "above \(percent(ClaimMargin.solvedSuccess)): it solves the task, although it never uses a demonstrated action."
        : "not clearly above \(percent(ClaimMargin.solvedSuccess)): on these seeds the curriculum did not always finish within the budget.")
    """)
}

/// Says what the critic-consistency ablation shows, with the same rule.
@MainActor
func readAblation(_ context: LessonContext) throws {
    guard let ablation = results.ablation else { throw CellSkipped("needs the runs of the ablation") }
    let untrained = try ablation.variant(DemonstrationVariant.pretrainedInconsistentCritic.id)
    let evaluated = try ablation.variant(DemonstrationVariant.pretrainedWithoutCloningTerm.id)
    let both = try ablation.variant(DemonstrationVariant.pretrainedWithCloningTerm.id)
    let consistentHelps = SeedComparison(greater: evaluated.earlySuccess, than: untrained.earlySuccess)
    let started = [untrained, evaluated, both]
    let cloned = started.map { SeedComparison(greater: $0.initialSuccess, than: ClaimMargin.clonedSuccess) }
    let termKeeps = SeedComparison(greater: both.earlySuccess, than: ClaimMargin.keptEarlySuccess)
    // Seed by seed: success before fine-tuning minus the mean over the early window.
    let evaluatedDrops = SeedComparison(greater: zip(evaluated.initialSuccess, evaluated.earlySuccess).map { $0 - $1 }, than: 0)
    context.markdown("""
    The cloned actor starts at \(started.map { meanAndError($0.initialSuccess) }.joined(separator: ", ")) \
    success in the three runs (mean ± standard error over \(both.finalSuccess.count) seeds; \
    \(cloned.allSatisfy(\.holds) ? "above \(percent(ClaimMargin.clonedSuccess)) in each" : "not clearly above \(percent(ClaimMargin.clonedSuccess)) in each")). \
    Over the first \(ablation.earlyWindow) steps of fine-tuning it succeeds \(meanAndError(untrained.earlySuccess)) \
    of the time on average with an untrained critic, \(meanAndError(evaluated.earlySuccess)) with a critic \
    evaluated on the demonstrations, and \(meanAndError(both.earlySuccess)) with the cloning term as well \
    (\(termKeeps.holds ? "above" : "not clearly above") \(percent(ClaimMargin.keptEarlySuccess))); at the end of the \
    budget the three reach \(meanAndError(untrained.finalSuccess)), \(meanAndError(evaluated.finalSuccess)) \
    and \(meanAndError(both.finalSuccess)).
    \(consistentHelps.holds
        ? "The consistent critic makes the first updates less destructive than the untrained one"
        : "Between the untrained and the evaluated critic alone the seeds do not tell a difference beyond two standard errors")\
    \(evaluatedDrops.holds
        ? (consistentHelps.holds ? ", but it does not prevent the drop" : "; with the evaluated critic, too, the actor drops")
            + ": the critic knows the value only at the demonstrated actions, extrapolates away from them, and the actor "
            + "follows its slope there until the agent's own data corrects it."
        : ", and with the evaluated critic the actor's success does not clearly drop below where it started.") \
    \(termKeeps.holds ? "The cloning term holds the actor on the demonstrations while the critic learns."
                      : "On these seeds the cloning term did not clearly keep the actor above \(percent(ClaimMargin.keptEarlySuccess)).")
    """)
}
