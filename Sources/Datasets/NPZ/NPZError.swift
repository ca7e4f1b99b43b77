/// A problem reading or writing a `.npy` / `.npz` file, as a one-line message naming it.
public struct NPZError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. "data.npz: entry 'actions.npy' is truncated: ...".
    public let description: String

    /// An error with the given message.
    public init(_ description: String) {
        self.description = description
    }
}
