import ExerciseAPI

/// r = λ·r_GAIL + (1 − λ)·r_task for every transition, through exercise 7.1 (`mixedReward`): the
/// one place where GAIL and the mixed-reward agent mix their rewards.
///
/// - Throws: what the exercise throws, and ``PolicyGradientError`` when it does not return one
///   reward per transition.
func mixRewards(_ mixing: some RewardMixingExercises, imitationWeight: Float, imitation: [Float],
                task: [Float]) throws -> [Float] {
    let mixed = try mixing.mixedReward(imitationWeight: imitationWeight, imitation: imitation, task: task)
    guard mixed.count == task.count else {
        throw PolicyGradientError("mixedReward returned \(mixed.count) rewards for \(task.count) transitions")
    }
    return mixed
}
