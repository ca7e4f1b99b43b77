/// Bad input to a policy-gradient or GAIL component (shapes that do not match, an empty set of
/// demonstrations, a configuration out of range), with a message naming the problem.
public struct PolicyGradientError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
