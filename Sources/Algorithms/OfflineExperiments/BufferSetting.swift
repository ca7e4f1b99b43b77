/// The three ways Fujimoto, Meger & Precup (2019, §3) fill the fixed buffer that agent blue
/// learns from.
public enum BufferSetting: String, CaseIterable, Sendable, Codable {
    /// A behavioural DDPG agent trains with large exploration noise N(0, 0.5·max_action) and
    /// every transition it experiences is kept; blue trains on the whole buffer afterwards.
    case final
    /// Orange (behavioural DDPG, noise N(0, 0.1·max_action)) and blue train at the same time,
    /// both from orange's growing buffer.
    case concurrent
    /// A trained DDPG agent acts as an expert, without noise, and fills the buffer.
    case imitation

    /// The setting's name as the paper writes it.
    public var title: String {
        switch self {
        case .final: "Final buffer"
        case .concurrent: "Concurrent"
        case .imitation: "Imitation"
        }
    }
}
