/// A bad setting or input of lesson 8's algorithms, with a message naming the problem.
public struct DemonstrationsRLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole message.
    public let message: String

    /// Creates the error with a complete message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
