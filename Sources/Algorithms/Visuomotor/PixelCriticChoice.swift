/// What the critic of the agent on pixels observes (Zhu et al. 2018, section IV-A and its ablation).
public enum PixelCriticChoice: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The simulator's low-dimensional state (pusher and block): the asymmetric actor-critic,
    /// a ``ValueFunction``.
    case state
    /// The camera images the policy sees: a ``ConvolutionalValueFunction``.
    case pixels

    /// "asymmetric (state)" or "pixels", for tables and legends.
    public var description: String {
        switch self {
        case .state: "asymmetric (state)"
        case .pixels: "pixels"
        }
    }
}
