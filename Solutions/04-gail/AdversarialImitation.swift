import ExerciseAPI

/// Lesson 4, generative adversarial imitation learning: the reference answers.
public struct AdversarialImitation: GAILExercises {
    /// Creates the lesson's exercise implementation.
    public init() {}
}

extension AdversarialImitation {
    /// Throws unless every count equals `expected`, naming the function and the argument.
    func requireCounts(_ function: String, _ expected: Int, _ arguments: [(String, Int)]) throws {
        for (name, count) in arguments where count != expected {
            throw GAILInputError("\(function): \(name) has \(count) values, expected \(expected) (one per sample)")
        }
    }
}
