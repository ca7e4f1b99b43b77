import ExerciseAPI

/// The exercises a lesson-8 run calls: lesson 5's (DDPG's critic target, actor loss and
/// exploration), lesson 1's (the behavior-cloning loss and minibatches of pre-training) and
/// lesson 8's own.
public struct DemonstrationFormulas: Sendable {
    /// Lesson 5: DDPG.
    public var offPolicy: any OffPolicyExercises
    /// Lesson 1: behavior cloning.
    public var behaviorCloning: any BehaviorCloningExercises
    /// Lesson 8.
    public var lesson: any DemonstrationsInRLExercises

    /// The three sets (take them from one `ExerciseSet`).
    public init(offPolicy: any OffPolicyExercises, behaviorCloning: any BehaviorCloningExercises,
                lesson: any DemonstrationsInRLExercises) {
        self.offPolicy = offPolicy
        self.behaviorCloning = behaviorCloning
        self.lesson = lesson
    }

    /// The formulas of one implementation of every exercise.
    public init(_ set: ExerciseSet) {
        self.init(offPolicy: set.offPolicyLearning, behaviorCloning: set.behaviorCloning, lesson: set.demonstrationsInRL)
    }
}
