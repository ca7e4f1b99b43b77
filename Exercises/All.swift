import ExerciseAPI

/// Every lesson's exercises: the student's implementations.
public let all = ExerciseSet(behaviorCloning: BehaviorCloning(), distributionShift: DistributionShift(), ganTheory: GANTheory(), adversarialImitation: AdversarialImitation(), offPolicyLearning: OffPolicyLearning(), batchConstrained: BatchConstrained(), rewardMixing: RewardMixing(), demonstrationsInRL: DemonstrationsInRL(), visuomotor: Visuomotor())
