/// A problem with what an environment was asked to do, as a one-line message.
public enum EnvironmentError: Error, Equatable, CustomStringConvertible {
    /// An action contained NaN.
    case nanAction(environment: String, step: Int, action: [Float])
    /// An action had the wrong number of coordinates.
    case wrongActionCount(environment: String, expected: Int, got: Int)
    /// A state or configuration that the environment cannot represent.
    case invalidConfiguration(environment: String, reason: String)

    /// The one-line message.
    public var description: String {
        switch self {
        case let .nanAction(environment, step, action):
            return "\(environment): action \(action) at step \(step) contains NaN"
        case let .wrongActionCount(environment, expected, got):
            return "\(environment): an action needs \(expected) number(s), got \(got)"
        case let .invalidConfiguration(environment, reason):
            return "\(environment): \(reason)"
        }
    }
}

extension Box {
    /// The action clipped into the box, after checking its length and that it has no NaN.
    ///
    /// - Throws: `EnvironmentError.wrongActionCount` or `.nanAction` naming `environment` and `step`.
    public func validatedAction(_ action: [Float], environment: String, step: Int) throws -> [Float] {
        guard action.count == dimension else {
            throw EnvironmentError.wrongActionCount(environment: environment, expected: dimension, got: action.count)
        }
        for value in action where value.isNaN {
            throw EnvironmentError.nanAction(environment: environment, step: step, action: action)
        }
        return clip(action)
    }
}
