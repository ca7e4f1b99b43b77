import ExerciseAPI

extension RewardMixing {
    /// Exercise 7.1: r = λ·r_GAIL + (1 − λ)·r_task, with the ends exact (λ = 0 returns the task
    /// reward and λ = 1 the imitation reward untouched, whatever the other holds).
    public func mixedReward(imitationWeight: Float, imitation: [Float], task: [Float]) throws -> [Float] {
        guard imitationWeight >= 0, imitationWeight <= 1 else {
            throw RewardMixingInputError("mixedReward: imitationWeight λ = \(imitationWeight) is outside [0, 1]")
        }
        guard imitation.count == task.count else {
            throw RewardMixingInputError("mixedReward: \(imitation.count) imitation rewards but \(task.count) task rewards")
        }
        if imitationWeight == 0 { return task }
        if imitationWeight == 1 { return imitation }
        return zip(imitation, task).map { imitationWeight * $0 + (1 - imitationWeight) * $1 }
    }
}
