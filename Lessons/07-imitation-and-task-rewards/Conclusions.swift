// The last code cell of lesson 7: each claim of the syllabus checked against the runs, in words
// and in results.json.
import Algorithms
import ExerciseAPI
import Foundation
import LessonKit
import Numerics

/// "85%".
func percent(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.0f%%", 100 * x) }
/// "41.2".
func fixed(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.1f", x) }
/// "0.84 ± 0.12".
func estimate(_ values: [Double]) -> String {
    let (mean, std) = meanAndStandardDeviation(of: values)
    return mean.isNaN ? "–" : String(format: "%.2f ± %.2f", mean, std)
}

/// Checks the lesson's claims on the runs, says what they show, and records the verdicts.
@MainActor
func conclusions(_ context: LessonContext) throws {
    let sweep = try settings.sweep.map(summary)
    let lambdas = settings.lambdas
    let finals = sweep.map { meanAndStandardDeviation(of: $0.finalSuccess).mean }
    guard let pureRL = finals.first, let pureImitation = finals.last, lambdas.count >= 3 else {
        throw CellSkipped("the sweep needs λ = 0, an intermediate λ and λ = 1")
    }
    let middle = Array(1..<(lambdas.count - 1))
    let best = middle.max { finals[$0] < finals[$1] }!
    let intermediateBeatsEnds = finals[best] > pureRL && finals[best] > pureImitation

    let recipe = try summary(settings.recipe)
    let recipeSuccess = meanAndStandardDeviation(of: recipe.finalSuccess).mean
    let recipeSteps = meanAndStandardDeviation(of: recipe.stepsToSuccess).mean
    let imitationSteps = meanAndStandardDeviation(of: sweep.last!.stepsToSuccess).mean
    let exceedsSuccess = recipeSuccess > demonstrator.successRate
    let exceedsSpeed = !recipeSteps.isNaN && recipeSteps < demonstrator.meanStepsToSuccess
    let imitationExceeds = pureImitation > demonstrator.successRate
        || (!imitationSteps.isNaN && imitationSteps < demonstrator.meanStepsToSuccess)

    let withoutStarts = try summary(settings.withoutStarts)
    let startsAlong = meanAndStandardDeviation(of: recipe.successAlongTraining).mean
    let noStartsAlong = meanAndStandardDeviation(of: withoutStarts.successAlongTraining).mean
    let startsSpeedUp = startsAlong > noStartsAlong

    let unmasked = try summary(settings.unmasked)
    let unmaskedAlong = meanAndStandardDeviation(of: unmasked.successAlongTraining).mean
    let unmaskedFinal = meanAndStandardDeviation(of: unmasked.finalSuccess).mean
    let maskHelps = startsAlong > unmaskedAlong && recipeSuccess > unmaskedFinal

    func verdict(_ holds: Bool) -> String { holds ? "**holds**" : "**does not hold**" }
    let lambdaText = ExperimentSettings.format(settings.ablationLambda)
    var text = """
        ### The claims, measured (\(settings.seeds) seeds per variant, \(settings.iterations * 1024) environment steps per run)

        1. *An intermediate λ beats both ends* \(verdict(intermediateBeatsEnds)): the best intermediate value, \
        λ = \(ExperimentSettings.format(lambdas[best])), ends with success \(estimate(sweep[best].finalSuccess)), against \
        \(estimate(sweep.first!.finalSuccess)) for pure RL (λ = 0, demonstrations used only for starts) and \
        \(estimate(sweep.last!.finalSuccess)) for pure imitation (λ = 1).
        2. *The mixed agent exceeds its teacher; imitation alone cannot* \(verdict((exceedsSuccess || exceedsSpeed) && !imitationExceeds)): \
        at λ = \(lambdaText) the agent succeeds in \(percent(recipeSuccess)) of the episodes in \(fixed(recipeSteps)) steps, the \
        demonstrator in \(percent(demonstrator.successRate)) in \(fixed(demonstrator.meanStepsToSuccess)); pure imitation \
        reaches \(percent(pureImitation)). With −log(1 − D) as its only reward it is paid for every step it survives, \
        so finishing the task is the last thing it wants.
        3. *Demonstration starts speed learning up* \(verdict(startsSpeedUp)): the mean success along training is \
        \(estimate(recipe.successAlongTraining)) with them and \(estimate(withoutStarts.successAlongTraining)) without.
        4. *A discriminator that sees only the block does better than one that also sees the pusher* \(verdict(maskHelps)): \
        block only \(estimate(recipe.successAlongTraining)) along training and \(estimate(recipe.finalSuccess)) at the end; \
        block, pusher and action \(estimate(unmasked.successAlongTraining)) and \(estimate(unmasked.finalSuccess)).
        """
    let maskSpread = (meanAndStandardDeviation(of: recipe.successAlongTraining).std + meanAndStandardDeviation(of: unmasked.successAlongTraining).std) / 2
    let maskWithinNoise = abs(startsAlong - unmaskedAlong) < maskSpread
    let maskReading = maskWithinNoise ? "no clear winner — the two differ by less than their spread over seeds"
        : startsAlong > unmaskedAlong ? "the block-only discriminator learned sooner"
        : "the discriminator that sees the pusher learned sooner"
    text += """


        On the mask, this run says: \(maskReading) \
        (\(String(format: "%.2f", startsAlong)) against \(String(format: "%.2f", unmaskedAlong)) mean success along training). \
        Zhu et al. hid the arm, and in their camera images the arm's appearance and motion dominate while mattering \
        little for the task. In our pushing task the "arm" is the pusher, and where it stands relative to the block is a \
        large part of the skill: getting behind the block is what the sparse reward cannot teach and the demonstrations \
        can. A block-only discriminator cannot see that phase: the block rests while the pusher approaches, in the \
        demonstrations as in the agent's episodes.
        """
    if settings.includesExtraAblations {
        let unmaskedNoStarts = try summary(settings.unmaskedWithoutStarts)
        let unmaskedNoStartsAlong = meanAndStandardDeviation(of: unmaskedNoStarts.successAlongTraining).mean
        text += """
             Without demonstration starts, where every episode begins with the approach, this run gives: block only \
            \(estimate(withoutStarts.successAlongTraining)) along training and \(estimate(withoutStarts.finalSuccess)) at the \
            end; block, pusher and action \(estimate(unmaskedNoStarts.successAlongTraining)) and \
            \(estimate(unmaskedNoStarts.finalSuccess)).
            """
        context.record("claims.blockOnlyNoStartsSuccessAlongTraining", noStartsAlong)
        context.record("claims.blockAndPusherNoStartsSuccessAlongTraining", unmaskedNoStartsAlong)
        context.record("claims.blockAndPusherNoStartsFinalSuccess", meanAndStandardDeviation(of: unmaskedNoStarts.finalSuccess).mean)
        let unscaled = try summary(settings.unscaled)
        text += """


            The survival bonus, measured: with the environment's own task reward (c = 1 instead of 1/(1 − γ) = 50) the same \
            recipe ends with success \(estimate(unscaled.finalSuccess)), as the inequality predicted for any λ above about 0.03.
            """
        context.record("claims.unscaledTaskReward.finalSuccess", meanAndStandardDeviation(of: unscaled.finalSuccess).mean)
    }
    context.markdown(text)
    context.show(try maskMeasurementTable())
    context.markdown(maskReadingText)

    context.record("claims.intermediateBeatsEnds", intermediateBeatsEnds)
    context.record("claims.bestIntermediateLambda", Double(lambdas[best]))
    context.record("claims.bestIntermediateSuccess", finals[best])
    context.record("claims.pureRLSuccess", pureRL)
    context.record("claims.pureImitationSuccess", pureImitation)
    context.record("claims.mixedSuccess", recipeSuccess)
    context.record("claims.mixedStepsToSuccess", recipeSteps)
    context.record("claims.mixedExceedsExpert", exceedsSuccess || exceedsSpeed)
    context.record("claims.imitationExceedsExpert", imitationExceeds)
    context.record("claims.pureImitationStepsToSuccess", imitationSteps)
    context.record("claims.startsSuccessAlongTraining", startsAlong)
    context.record("claims.noStartsSuccessAlongTraining", noStartsAlong)
    context.record("claims.startsSpeedUp", startsSpeedUp)
    context.record("claims.blockOnlySuccessAlongTraining", startsAlong)
    context.record("claims.blockAndPusherSuccessAlongTraining", unmaskedAlong)
    context.record("claims.blockOnlyFinalSuccess", recipeSuccess)
    context.record("claims.blockAndPusherFinalSuccess", unmaskedFinal)
    context.record("claims.blockOnlyBetter", maskHelps)
}
