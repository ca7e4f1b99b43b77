/// What can go wrong in the fixed-buffer experiments.
public enum OfflineExperimentError: Error, Equatable, CustomStringConvertible {
    /// Transitions or mini-batches of the wrong shape, or an empty buffer.
    case invalidData(String)
    /// A schedule or configuration value out of range.
    case invalidConfiguration(String)

    /// The one-line message.
    public var description: String {
        switch self {
        case .invalidData(let reason): "offline experiment data: \(reason)"
        case .invalidConfiguration(let reason): "offline experiment configuration: \(reason)"
        }
    }
}
