/// A map from a value in 0...1 to a colour, for heat maps.
public enum ColorMap: String, Sendable, Hashable, CaseIterable {
    /// Perceptually uniform dark blue → green → yellow (matplotlib's default).
    case viridis
    /// Perceptually uniform black → purple → orange → light yellow.
    case magma
    /// Diverging blue → white → red, for signed values centred on zero.
    case blueWhiteRed
    /// White → black.
    case grays

    /// The colour for `t` (clamped to 0...1); NaN gives a light grey.
    public func color(at t: Double) -> Color {
        guard t.isFinite else { return .lightGray }
        let t = min(max(t, 0), 1)
        let stops = self.stops
        let position = t * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        let f = position - Double(i)
        let a = stops[i], b = stops[i + 1]
        return Color(red: a.red + (b.red - a.red) * f,
                     green: a.green + (b.green - a.green) * f,
                     blue: a.blue + (b.blue - a.blue) * f)
    }

    /// Evenly spaced control colours, interpolated linearly in between.
    public var stops: [Color] {
        switch self {
        case .viridis:
            return [0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
                    0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725].map { Color(hex: $0) }
        case .magma:
            return [0x000004, 0x140E36, 0x3B0F70, 0x641A80, 0x8C2981, 0xB73779,
                    0xDE4968, 0xF7705C, 0xFE9F6D, 0xFECF92, 0xFCFDBF].map { Color(hex: $0) }
        case .blueWhiteRed:
            return [0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
                    0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B].map { Color(hex: $0) }
        case .grays:
            return [Color.white, Color.black]
        }
    }
}
