// The last code cell of lesson 7: each claim of the syllabus checked against the runs, in words
// and in results.json.
import Algorithms
import ExerciseAPI
import Foundation
import LessonClaims
import LessonKit
import Numerics

/// "85%".
func percent(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.0f%%", 100 * x) }
/// "41.2".
func fixed(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.1f", x) }
/// How each claim is decided: from per-seed numbers with `SeedComparison` (the difference of the means
/// must clear the margin by two standard errors), the same rule as the claim tests. The metrics:
/// - 1, 3 and 4 compare "success along training" (the mean of the success curve, evaluated every few
///   iterations from the task's start states): it measures how soon a variant learns, it averages many
///   evaluations, and it does not saturate at 1 the way the final success rate does once both sides
///   have learned;
/// - 2 compares the final policies with the demonstrator (success rate, and steps to success of the
///   seeds that succeed), because "better than the teacher" is about the policy at the end.
enum ClaimRule {
    /// Claim 1's margin (success along training, the recipe over each end of the sweep).
    static let intermediateMargin = 0.0
    /// Claim 3's margin (success along training, with over without demonstration starts).
    static let startsMargin = 0.0
}

/// "0.46 ± 0.05" (mean ± standard error over seeds).
func meanAndError(_ values: [Double]) -> String {
    values.isEmpty ? "–" : String(format: "%.2f ± %.2f", SeedComparison.mean(values), SeedComparison.standardError(values))
}

/// "difference 0.21, needs more than 0 + 2 × 0.06".
func reading(_ comparison: SeedComparison) -> String {
    let description = comparison.description
    guard let range = description.range(of: "difference") else { return description }
    return String(description[range.lowerBound...])
}

/// "more often? yes: difference 0.21, needs more than 0 + 2 × 0.06": the question, its answer by the claims' rule, and why.
func answer(_ question: String, _ comparison: SeedComparison) -> String {
    "\(question)? \(comparison.holds ? "yes" : "not by two standard errors"): \(reading(comparison))"
}

/// Decides the lesson's claims on the typed results and says what they show.
@MainActor
func conclusions(_ context: LessonContext) throws {
    guard let training = results.training, let task = results.task, let cloning = results.cloning else {
        throw CellSkipped("needs the task, the training runs and the clones")
    }
    let sweep = training.sweep
    guard let noGAIL = sweep.first, let imitation = sweep.last, sweep.count >= 3,
          noGAIL.imitationWeight == 0, imitation.imitationWeight == 1 else {
        throw CellSkipped("the sweep needs λ = 0, an intermediate λ and λ = 1")
    }
    let recipe = try training.recipe()
    let demonstrator = task.demonstrator
    let lambdaText = ExperimentSettings.format(settings.ablationLambda)

    // 1. The recipe's λ against both ends, on success along training.
    let overNoGAIL = SeedComparison(greater: recipe.successAlongTraining, than: noGAIL.successAlongTraining,
                                    margin: ClaimRule.intermediateMargin)
    let overImitation = SeedComparison(greater: recipe.successAlongTraining, than: imitation.successAlongTraining,
                                       margin: ClaimRule.intermediateMargin)
    let intermediateBeatsEnds = overNoGAIL.holds && overImitation.holds

    // 2. Better than the demonstrator in success rate or in speed; imitation alone stays below it.
    let recipeSteps = recipe.stepsOfSuccessfulSeeds
    let successOverExpert = SeedComparison(greater: recipe.finalSuccess, than: demonstrator.successRate)
    let fasterThanExpert = SeedComparison.less(recipeSteps, than: demonstrator.stepsToSuccess)
    let mixedExceeds = successOverExpert.holds || fasterThanExpert.holds
    let imitationBelowExpert = SeedComparison.less(imitation.finalSuccess, than: demonstrator.successRate)
    let imitationSteps = imitation.stepsOfSuccessfulSeeds
    let imitationFaster = SeedComparison.less(imitationSteps, than: demonstrator.stepsToSuccess)
    let imitationExceeds = !imitationBelowExpert.holds || imitationFaster.holds

    // 3. Demonstration starts, on success along training.
    let withoutStarts = training.noDemoStarts
    let startsSpeedUp = SeedComparison(greater: recipe.successAlongTraining, than: withoutStarts.successAlongTraining,
                                       margin: ClaimRule.startsMargin)

    // 4. The block-only discriminator against the one that also sees the pusher: along training and at the end.
    let unmasked = training.blockAndPusher
    let maskAlong = SeedComparison(greater: recipe.successAlongTraining, than: unmasked.successAlongTraining)
    let maskFinal = SeedComparison(greater: recipe.finalSuccess, than: unmasked.finalSuccess)
    let maskHelps = maskAlong.holds && maskFinal.holds
    let pusherAlong = SeedComparison(greater: unmasked.successAlongTraining, than: recipe.successAlongTraining)

    // 5. Behavior cloning of the same demonstrator: few demonstrations, many, and the mixed agent against the best clone.
    let (fewClones, manyClones, cloneTeacher) = (cloning.few, cloning.many, cloning.demonstrator)
    let manyCloneSteps = manyClones.stepsOfSuccessfulSeeds
    let fewBelow = SeedComparison.less(fewClones.finalSuccess, than: cloneTeacher.successRate)
    let manyAbove = SeedComparison(greater: manyClones.finalSuccess, than: cloneTeacher.successRate)
    let manyFaster = SeedComparison.less(manyCloneSteps, than: cloneTeacher.stepsToSuccess)
    let recipeOutpacesClone = SeedComparison(greater: manyCloneSteps, than: recipeSteps)
    let cloningClaim = fewBelow.holds && manyAbove.holds && recipeOutpacesClone.holds

    func verdict(_ holds: Bool) -> String { holds ? "**holds**" : "**does not hold**" }
    var text = """
        ### The claims, measured (\(settings.seeds) seeds per variant, \(settings.iterations * 1024) environment steps per run)

        Each claim is decided from one number per seed: the difference of the means must exceed the claim's margin by \
        two standard errors of that difference (numbers below: mean ± standard error over seeds). One seed's run is \
        one path among many; another seed or another CPU kernel takes another.

        1. *An intermediate λ beats both ends* \(verdict(intermediateBeatsEnds)): the recipe, λ = \(lambdaText), has mean \
        success along training \(meanAndError(recipe.successAlongTraining)), against \(meanAndError(noGAIL.successAlongTraining)) \
        for λ = 0 (no GAIL reward, demo starts only; \(answer("the recipe higher", overNoGAIL))) and \
        \(meanAndError(imitation.successAlongTraining)) for λ = 1 (no task reward; \(answer("the recipe higher", overImitation))). Final \
        success: \(meanAndError(recipe.finalSuccess)), \(meanAndError(noGAIL.finalSuccess)) and \(meanAndError(imitation.finalSuccess)).
        2. *The mixed agent exceeds its teacher; imitation alone does not* \(verdict(mixedExceeds && !imitationExceeds)): \
        at λ = \(lambdaText) the final policies succeed in \(meanAndError(recipe.finalSuccess)) of the episodes \
        against the demonstrator's \(percent(demonstrator.successRate)) (\(answer("more often", successOverExpert))) and \
        take \(meanAndError(recipeSteps)) steps when they do against the demonstrator's \
        \(fixed(demonstrator.stepsToSuccess)) (\(answer("fewer", fasterThanExpert))); either is enough. Pure \
        imitation (λ = 1) reaches \(meanAndError(imitation.finalSuccess)) \
        (\(answer("less often than the demonstrator", imitationBelowExpert))). With −log(1 − D) as its only reward it is paid \
        for every step it survives, so finishing the task is the last thing it wants.
        3. *Demonstration starts speed learning up* \(verdict(startsSpeedUp.holds)): the mean success along training is \
        \(meanAndError(recipe.successAlongTraining)) with them and \(meanAndError(withoutStarts.successAlongTraining)) without \
        (margin \(ClaimRule.startsMargin); \(answer("higher with them", startsSpeedUp))).
        4. *A discriminator that sees only the block does better than one that also sees the pusher* \(verdict(maskHelps)): \
        block only \(meanAndError(recipe.successAlongTraining)) along training and \(meanAndError(recipe.finalSuccess)) at the \
        end; block, pusher and action \(meanAndError(unmasked.successAlongTraining)) and \(meanAndError(unmasked.finalSuccess)).
        """
    text += """

        5. *Given enough demonstrations, behavior cloning beats its noisy teacher; the mixed agent is faster still* \
        \(verdict(cloningClaim)) (how reliably each part holds over seeds and kernels: the claims cell below): cloned from the agents' \(fewClones.demonstrations) demonstrations, the deterministic \
        policy succeeds in \(meanAndError(fewClones.finalSuccess)) of \(cloning.evaluationEpisodes) episodes, below the \
        demonstrator's \(percent(cloneTeacher.successRate)) on the same start states (\(answer("below", fewBelow))): as in \
        lessons 1 and 2, few demonstrations make a poor clone. Cloned from \(manyClones.demonstrations), it succeeds in \
        \(meanAndError(manyClones.finalSuccess)) (\(answer("more often than the demonstrator", manyAbove))), in \
        \(meanAndError(manyCloneSteps)) steps against the demonstrator's \(fixed(cloneTeacher.stepsToSuccess)) \
        (\(answer("fewer", manyFaster))). The squared \
        error's minimiser is the demonstrator's mean action: the clone drops the noise and keeps the half speed, which \
        is in the mean. The mixed agent, paid by the task for finishing, takes \(meanAndError(recipeSteps)) steps on \
        the agents' \(settings.finalEvaluationEpisodes) evaluation episodes \
        (\(answer("fewer than the best clone", recipeOutpacesClone))).
        """
    let maskReading = maskAlong.holds ? "the block-only discriminator learned sooner"
        : pusherAlong.holds ? "the discriminator that sees the pusher learned sooner"
        : "no clear winner — the two differ by less than two standard errors"
    text += """


        On the mask, this run says: \(maskReading) (block only against block + pusher along training: \
        \(reading(maskAlong))). \
        Zhu et al. hid the arm, and in their camera images the arm's appearance and motion dominate while mattering \
        little for the task. In our pushing task the "arm" is the pusher, and where it stands relative to the block is a \
        large part of the skill: getting behind the block is what the sparse reward cannot teach and the demonstrations \
        can. A block-only discriminator cannot see that phase: the block rests while the pusher approaches, in the \
        demonstrations as in the agent's episodes.
        """
    if settings.includesExtraAblations {
        let unmaskedNoStarts = try required(training.blockAndPusherNoDemoStarts, "training.blockAndPusherNoDemoStarts")
        text += """
             Without demonstration starts, where every episode begins with the approach, this run gives: block only \
            \(meanAndError(withoutStarts.successAlongTraining)) along training and \(meanAndError(withoutStarts.finalSuccess)) at the \
            end; block, pusher and action \(meanAndError(unmaskedNoStarts.successAlongTraining)) and \
            \(meanAndError(unmaskedNoStarts.finalSuccess)).
            """
        let unscaled = try required(training.unscaledTaskReward, "training.unscaledTaskReward")
        text += """


            The survival bonus, measured: with the environment's own task reward (c = 1 instead of 1/(1 − γ) = 50) the same \
            recipe ends with success \(meanAndError(unscaled.finalSuccess)) against \(meanAndError(recipe.finalSuccess)) with the \
            scaled reward. The inequality above predicts that any λ above about 0.03 prefers lingering to finishing; \
            \(SeedComparison(greater: recipe.finalSuccess, than: unscaled.finalSuccess).holds
                ? "the drop in success agrees" : "this run does not show the drop beyond two standard errors").
            """
    }
    context.markdown(text)
}
