/// One implementation of every lesson's exercises: the student's (`Exercises.all`) or the
/// reference (`Solutions.all`). The grader and the tests take a set and check each exercise on it.
public struct ExerciseSet: Sendable {
    /// Lesson 1: behavior cloning.
    public var behaviorCloning: any BehaviorCloningExercises
    /// Lesson 2: distribution shift and DAgger.
    public var distributionShift: any DistributionShiftExercises
    /// Lesson 3: the GAN game and its optimal discriminator.
    public var ganTheory: any GANExercises
    /// Lesson 4: generative adversarial imitation learning.
    public var adversarialImitation: any GAILExercises
    /// Lesson 5: off-policy RL on a fixed batch.
    public var offPolicyLearning: any OffPolicyExercises
    /// Lesson 6: batch-constrained Q-learning.
    public var batchConstrained: any BCQExercises
    /// Lesson 7: mixing imitation and task rewards.
    public var rewardMixing: any RewardMixingExercises
    /// Lesson 8: demonstrations inside reinforcement learning.
    public var demonstrationsInRL: any DemonstrationsInRLExercises
    /// Lesson 9: visuomotor imitation from pixels.
    public var visuomotor: any VisuomotorExercises

    /// Bundles one implementation per lesson.
    public init(behaviorCloning: any BehaviorCloningExercises, distributionShift: any DistributionShiftExercises, ganTheory: any GANExercises, adversarialImitation: any GAILExercises, offPolicyLearning: any OffPolicyExercises, batchConstrained: any BCQExercises, rewardMixing: any RewardMixingExercises, demonstrationsInRL: any DemonstrationsInRLExercises, visuomotor: any VisuomotorExercises) {
        self.behaviorCloning = behaviorCloning
        self.distributionShift = distributionShift
        self.ganTheory = ganTheory
        self.adversarialImitation = adversarialImitation
        self.offPolicyLearning = offPolicyLearning
        self.batchConstrained = batchConstrained
        self.rewardMixing = rewardMixing
        self.demonstrationsInRL = demonstrationsInRL
        self.visuomotor = visuomotor
    }
}
